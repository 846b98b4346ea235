/** What in the database can date a result (engine/window.ts resolveWindow): latest activity, latest dated follow, latest import. */
import type { DataDates } from '../engine/window.js';
import type { Db } from './open.js';
import { TIME_RANGE } from './records.js';

/**
 * The database's dates, each null when it holds none (only times the store accepts: a bad
 * stored one must not date every later command). `latestInteraction`: the interactions'
 * latest such time, when a read of them has it (store/read-interactions.ts `latest`, null:
 * none): their scan is then skipped (1.2 s CPU at 10M interactions).
 */
export function readDataDates(db: Db, latestInteraction?: number | null): DataDates {
  const range = { min: TIME_RANGE.min, max: TIME_RANGE.max };
  const posts = 'SELECT max(created_at) AS t FROM posts WHERE created_at >= @min AND created_at < @max';
  const activity =
    latestInteraction === undefined
      ? (db.prepare(`SELECT max(t) FROM (${posts} UNION ALL SELECT max(created_at) FROM interactions WHERE created_at >= @min AND created_at < @max)`).pluck().get(range) as number | null)
      : latestOf(db.prepare(posts).pluck().get(range) as number | null, latestInteraction);
  const follow = db.prepare('SELECT max(created_at) FROM follows WHERE created_at >= @min AND created_at < @max').pluck().get(range) as number | null;
  const imported = db.prepare('SELECT max(imported_at) FROM imports').pluck().get() as number | null;
  return { activity: activity ?? null, follow: follow ?? null, imported: imported ?? null };
}

/** The later of two times, either null when none. */
function latestOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
