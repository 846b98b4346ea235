/**
 * Where an import writes: an open store file, read through the caller's connection (to
 * resolve accounts and look up the import log) and written through sessions of its own
 * (a worker thread or inline), so the importer never needs to know the file's name.
 */
import type { Db } from './open.js';
import { openWriteSession, type LockOptions, type WriteSession } from './write-session.js';

/** The store as an import sees it. */
export interface ImportTarget {
  /** the read connection: accounts and posts for resolving records; null for a new database (nothing to read) */
  readonly reader: Db | null;
  /** a write session on the same file, all or nothing */
  openSession(options: { threaded: boolean } & LockOptions): WriteSession;
  /** whether this exact content (sha256) was imported before in this format */
  wasImported(sha256: string, format: string): boolean;
}

/** The import target of an open database file (an in-memory database cannot be: writes use connections of their own). */
export function importTargetOf(db: Db): ImportTarget {
  if (db.memory) throw new Error('an import needs a database file, not an in-memory database');
  const seen = db.prepare('SELECT 1 FROM imports WHERE sha256 = ? AND format = ?').pluck();
  return {
    reader: db,
    openSession: (options) => openWriteSession(db.name, options),
    wasImported: (sha256, format) => seen.get(sha256, format) !== undefined,
  };
}
