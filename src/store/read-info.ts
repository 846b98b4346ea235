/** Summary of what a database holds, for `influence db info`. */
import type { Db } from './open.js';
import { TIME_RANGE } from './records.js';

export interface DbInfo {
  path: string;
  schemaVersion: number;
  counts: { accounts: number; posts: number; interactions: number; follows: number; runs: number };
  interactionsByKind: Record<string, number>;
  networks: { network: string; accounts: number; posts: number }[];
  /** earliest and latest event time (posts and interactions), ISO, or null when empty */
  dateRange: { from: string | null; to: string | null };
  imports: { path: string; format: string; sha256: string; importedAt: string; counts: unknown }[];
}

const count = (db: Db, sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
/** ISO text of a stored time; a value no Date can hold (stored before times were checked) is shown as it is. */
const iso = (ms: number | null): string | null => (ms === null ? null : Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `invalid time ${ms}`);

/** Reads counts, networks, date range and the import log. */
export function readDbInfo(db: Db, path: string): DbInfo {
  const interactionsByKind: Record<string, number> = {};
  for (const row of db.prepare('SELECT kind, count(*) AS n FROM interactions GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[]) {
    interactionsByKind[row.kind] = row.n;
  }
  const networks = db
    .prepare(
      `SELECT a.network AS network, count(*) AS accounts,
              (SELECT count(*) FROM posts p WHERE p.network = a.network) AS posts
         FROM accounts a GROUP BY a.network ORDER BY a.network`,
    )
    .all() as DbInfo['networks'];
  const range = db
    .prepare(
      `SELECT min(t) AS lo, max(t) AS hi FROM (
         SELECT min(created_at) AS t FROM posts WHERE created_at >= @min AND created_at < @max
         UNION ALL SELECT max(created_at) FROM posts WHERE created_at >= @min AND created_at < @max
         UNION ALL SELECT min(created_at) FROM interactions WHERE created_at >= @min AND created_at < @max
         UNION ALL SELECT max(created_at) FROM interactions WHERE created_at >= @min AND created_at < @max)`,
    )
    .get({ min: TIME_RANGE.min, max: TIME_RANGE.max }) as { lo: number | null; hi: number | null };
  const imports = (
    db.prepare('SELECT path, format, sha256, imported_at, counts FROM imports ORDER BY id').all() as {
      path: string;
      format: string;
      sha256: string;
      imported_at: number;
      counts: string;
    }[]
  ).map((r) => ({ path: r.path, format: r.format, sha256: r.sha256, importedAt: new Date(r.imported_at).toISOString(), counts: JSON.parse(r.counts) as unknown }));
  return {
    path,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    counts: {
      accounts: count(db, 'SELECT count(*) FROM accounts'),
      posts: count(db, 'SELECT count(*) FROM posts'),
      interactions: count(db, 'SELECT count(*) FROM interactions'),
      follows: count(db, 'SELECT count(*) FROM follows'),
      runs: count(db, 'SELECT count(*) FROM runs'),
    },
    interactionsByKind,
    networks,
    dateRange: { from: iso(range.lo), to: iso(range.hi) },
    imports,
  };
}
