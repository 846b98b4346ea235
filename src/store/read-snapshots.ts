/** Reads the declared counts successive imports saw for one account (account_snapshots, migration 2). */
import type { Db } from './open.js';

/** One snapshot: when it was imported and the followers declared then. */
export interface FollowerSnapshot {
  at: number;
  followers: number;
}

/** The account's declared follower counts by import time, oldest first (accounts without any: empty). */
export function readFollowerSnapshots(db: Db, accountDbId: number): FollowerSnapshot[] {
  const rows = db
    .prepare('SELECT observed_at AS at, followers FROM account_snapshots WHERE account_id = ? AND followers IS NOT NULL ORDER BY observed_at')
    .all(accountDbId) as FollowerSnapshot[];
  return rows;
}
