/**
 * What "the same data" means for stored runs: a run is identical to a stored one only when
 * it read the same data (and the same model, as-of, window and population). The data is
 * fingerprinted by the import log (how many imports, and the last one's id: every import
 * that adds or changes rows is logged) together with the rows the run read per table.
 * Cheap to take (no table scan) and exact for data that only imports change.
 */
import type { Db } from './open.js';

/** The import log's state: its length and last id (null when nothing was imported). */
export interface ImportLogState {
  imports: number;
  lastImport: number | null;
}

/** The data a run read (see the module doc); stored as JSON in runs.data. */
export interface DataFingerprint extends ImportLogState {
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
}

/** Reads the import log's state. */
export function readImportLogState(db: Db): ImportLogState {
  const row = db.prepare('SELECT count(*) AS imports, max(id) AS lastImport FROM imports').get() as ImportLogState;
  return { imports: row.imports, lastImport: row.lastImport };
}

/** The fingerprint as stored (fixed key order, so equal data gives equal text). */
export function formatDataFingerprint(f: DataFingerprint): string {
  return JSON.stringify({ imports: f.imports, lastImport: f.lastImport, accounts: f.accounts, posts: f.posts, interactions: f.interactions, follows: f.follows });
}

/** A stored fingerprint read back (null when the run has none or it does not parse). */
export function parseDataFingerprint(text: string | null): DataFingerprint | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as DataFingerprint;
    return typeof v === 'object' && v !== null && typeof v.accounts === 'number' ? v : null;
  } catch {
    return null;
  }
}
