/** Opens (or creates) the SQLite store and brings its schema up to date. */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { readCopyOf, readPlaceFacts, readPlaceOf } from './read-place.js';
import { MIGRATIONS } from './schema.js';
import { checkDbPath, lockedError, readOnlyError, toStoreError } from './store-errors.js';

export type Db = Database.Database;

/** Resolves the database path: --db, then INFLUENCE_DB, then the command's default (./influence.db). */
export function resolveDbPath(flag: string | undefined, env: Record<string, string | undefined>, fallback = 'influence.db'): string {
  return flag ?? env['INFLUENCE_DB'] ?? fallback;
}

export interface OpenOptions {
  readonly?: boolean;
  mustExist?: boolean;
  /** told once when a write has to wait for another process's write lock (a message for stderr) */
  onLockWait?: (message: string) => void;
  /** told once before an existing database is upgraded to this version's schema (a message for stderr: it can take a while) */
  onMigrate?: (message: string) => void;
  /** how long a write waits for another process's write lock before giving up (default LOCK_WAIT_MS) */
  lockWaitMs?: number;
  /**
   * A new file that no other connection will open before it is complete (an import building
   * a new database in a temporary file, store/new-db-target.ts): the rollback journal stays
   * in memory (ROLLBACK still works; a crash leaves only the temporary file), nothing is
   * synced (the caller syncs the finished file), and the lock is held for good. So every
   * page is written once, where WAL writes it to the log and again at the checkpoint.
   */
  bulkNew?: boolean;
  /**
   * For a command that only reads (or can do without its write, as score without its run):
   * a database whose folder cannot be written is read from a temporary copy
   * (read-place.ts), and this hears a note when the copy is made. Without it such a
   * database is refused as read-only.
   */
  onReadCopy?: (message: string) => void;
}

/** How long a write waits for the write lock another import holds: imports of millions of rows take minutes. */
export const LOCK_WAIT_MS = 15 * 60_000;
/** Waiting past this is worth a message: a short write (a stored run, a checkpoint) ends sooner. */
const QUIET_WAIT_MS = 1000;
/** Statements other than BEGIN IMMEDIATE wait this long (readers under WAL never wait for a writer). */
const BUSY_TIMEOUT_MS = 5000;

const lockWaits = new WeakMap<Db, { onWait?: (message: string) => void; ms: number; path: string }>();

/**
 * Opens the database with WAL, a busy timeout and foreign keys on, and applies missing
 * migrations in one transaction each. `readonly` opens an existing file without migrating.
 * Conditions a person can fix (no such folder, a folder as the path, not SQLite, read-only,
 * locked) are StoreErrors with their own message and fix.
 */
export function openDb(path: string, options: OpenOptions = {}): Db {
  checkDbPath(path);
  // SQLite cannot read a WAL database in place in a folder it cannot write (read-place.ts)
  const copy = !options.bulkNew && path !== ':memory:' && path !== '' && fs.existsSync(path) && readPlaceOf(readPlaceFacts(path)) === 'copy';
  if (copy && !options.onReadCopy) throw readOnlyError(path);
  const readonly = copy || (options.readonly ?? false);
  let db: Db;
  try {
    db = new Database(copy ? readCopyOf(path, options.onReadCopy) : path, { readonly, fileMustExist: options.mustExist ?? false });
  } catch (err) {
    throw toStoreError(err, path);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      // 16 KiB pages for a new database (set before WAL fixes the size): a 1M-row import
      // writes, commits and checkpoints a quarter as many pages; measured commit with its
      // checkpoint 0.14 -> 0.08 s, inserts as fast or slightly faster.
      if ((db.pragma('page_count', { simple: true }) as number) === 0) db.pragma('page_size = 16384');
      if (options.bulkNew) {
        db.pragma('locking_mode = EXCLUSIVE');
        db.pragma('journal_mode = MEMORY');
        db.pragma('synchronous = OFF');
      } else {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      // Up to 64 MiB of page cache (allocated as used): bulk imports touch the interactions
      // B-tree all over; the 8 MiB default made a 1M-row import spill and re-read pages.
      // 128 MiB held a 300 MB outbox import at 380-406 MB peak RSS; 64 MiB at 312-318 MB,
      // with the 1M-row CSV import's CPU unchanged (3.9-4.2 s user, 300 MB RSS).
      db.pragma('cache_size = -65536');
      migrate(db, options.onMigrate);
    } else if (copy) {
      // a database of an older schema is upgraded before it is read, which needs a write
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > MIGRATIONS.length) migrate(db); // says it is too new
      else if (version < MIGRATIONS.length) {
        throw new StoreError('read-only', `the database is of an older schema (version ${version}) and must be upgraded, which writes to it, but its folder cannot be written: ${path}`, `make the folder writable, or copy the database to a writable folder and pass --db COPY`);
      }
    } else {
      db.pragma('user_version'); // a file that is not SQLite fails here, not later
    }
  } catch (err) {
    db.close();
    throw toStoreError(err, path);
  }
  lockWaits.set(db, { onWait: options.onLockWait, ms: options.lockWaitMs ?? LOCK_WAIT_MS, path });
  return db;
}

/**
 * BEGIN IMMEDIATE (take the write lock now), waiting for another process's write lock up
 * to the connection's lock wait, with one message once the wait is noticeable. Readers
 * never need this: under WAL they see the last committed state while a write goes on.
 */
export function beginImmediate(db: Db): void {
  const wait = lockWaits.get(db) ?? { ms: LOCK_WAIT_MS, path: db.name };
  try {
    db.pragma(`busy_timeout = ${Math.min(QUIET_WAIT_MS, wait.ms)}`);
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      if (!isBusy(err) || wait.ms <= QUIET_WAIT_MS) throw toStoreError(err, wait.path);
    }
    wait.onWait?.(`waiting for another influence command to finish writing ${wait.path} (up to ${Math.round(wait.ms / 60_000)} min) ...`);
    db.pragma(`busy_timeout = ${wait.ms - QUIET_WAIT_MS}`);
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      throw isBusy(err) ? lockedError(wait.path, wait.ms) : toStoreError(err, wait.path);
    }
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** Runs `fn` in a write transaction taken with beginImmediate; commits, or rolls back and rethrows. */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  beginImmediate(db);
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    // the path the user gave, not a temporary copy's (read-place.ts)
    throw toStoreError(err, lockWaits.get(db)?.path ?? db.name);
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Applies every migration past `PRAGMA user_version`; `onMigrate` hears once when a
 * database made by an older version is upgraded (a new one, at version 0, is not: its
 * tables are empty). Some migrations rewrite a table (schema 7 resolves every interaction's
 * target post, about half a minute at 10M interactions), and a command that is silent that
 * long looks hung.
 */
export function migrate(db: Db, onMigrate?: (message: string) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreError('schema-too-new', `database schema version ${current} is newer than this influence (${MIGRATIONS.length})`, 'upgrade influence, or use another --db');
  }
  if (current > 0 && current < MIGRATIONS.length) {
    onMigrate?.(`upgrading ${db.name} from schema version ${current} to ${MIGRATIONS.length} (once; a large database takes a while) ...`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      const m = MIGRATIONS[v]!;
      if (typeof m === 'string') db.exec(m);
      else m(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
