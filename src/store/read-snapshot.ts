/**
 * Reading the database as one state of the data while imports may commit.
 *
 * A read of several statements on one connection sees one state only inside a transaction
 * (in WAL mode each statement outside one starts from the latest commit). The read worker
 * (read-dataset.ts) has its own connection and so its own snapshot, which is the same state
 * only when nothing was committed between the two snapshots' starts. Which commits happened
 * meanwhile cannot be asked of SQLite, but whether any did can: PRAGMA data_version taken
 * inside the transaction and again after it differs exactly when another connection
 * committed in between (https://www.sqlite.org/pragma.html#pragma_data_version). A read that
 * used a worker and saw a commit is done again on this connection alone, where the
 * transaction alone keeps it consistent.
 */
import type { Db } from './open.js';

/** What readInOneSnapshot gives: the read's value, or its error, and whether another connection committed meanwhile. */
export type SnapshotRead<T> = { ok: true; value: T; changedDuring: boolean } | { ok: false; error: unknown; changedDuring: boolean };

const dataVersion = (db: Db): number => db.pragma('data_version', { simple: true }) as number;

/**
 * Runs `read` inside one read transaction on `db` and says whether another connection
 * committed between its start and its end. Inside a transaction the caller already holds,
 * the read runs as it is and nothing is said to have changed (that transaction is the caller's).
 */
export async function readInOneSnapshot<T>(db: Db, read: () => Promise<T>): Promise<SnapshotRead<T>> {
  if (db.inTransaction) {
    try {
      return { ok: true, value: await read(), changedDuring: false };
    } catch (error) {
      return { ok: false, error, changedDuring: false };
    }
  }
  db.exec('BEGIN');
  let result: SnapshotRead<T>;
  let before: number;
  try {
    // a deferred transaction takes its snapshot at its first read: this one
    before = dataVersion(db);
    try {
      result = { ok: true, value: await read(), changedDuring: false };
    } catch (error) {
      result = { ok: false, error, changedDuring: false };
    }
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
  result.changedDuring = dataVersion(db) !== before;
  return result;
}

/** A read that says how many connections it used (read-dataset.ts readDatasetParallel's report). */
export interface ThreadedRead {
  threads: number;
}

/**
 * `read(false)` in one snapshot; when another connection committed meanwhile and the read
 * used a worker (or failed, perhaps because the two snapshots disagreed), `read(true)` again,
 * on this connection alone, whose transaction makes it consistent however many commits land.
 */
export async function readAgreeing<T extends ThreadedRead>(db: Db, read: (oneConnection: boolean) => Promise<T>): Promise<T> {
  const first = await readInOneSnapshot(db, () => read(false));
  if (!first.changedDuring || (first.ok && first.value.threads < 2)) {
    if (first.ok) return first.value;
    throw first.error;
  }
  const again = await readInOneSnapshot(db, () => read(true));
  if (again.ok) return again.value;
  throw again.error;
}
