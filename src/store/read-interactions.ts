/**
 * Interactions of an actor range as raw columns (database ids), the part of reading the
 * store that dominates at scale (10M events; their target posts are resolved at import,
 * store/target-posts.ts). Shared by the main thread and the
 * reader worker (read-interactions-worker.ts), which reads the other half on 2 cores.
 */
import { KIND_CODES } from '../engine/dataset.js';
import type { Db } from './open.js';
import { forEachNumericRow } from './read-chunks.js';
import { storedTime } from './stored-time.js';
import { hasTargetPostIds } from './target-posts.js';

/** Interaction rows with database ids; postId -1 when the target post is not in the database. */
export interface RawInteractions {
  n: number;
  actorId: Int32Array;
  targetId: Int32Array;
  kind: Uint8Array;
  createdAt: Float64Array;
  postId: Int32Array;
  /**
   * the latest time of every row read (unknown kinds too) within the store's time range,
   * -Infinity when none: the interactions' part of the data's dates (read-data-dates.ts),
   * without a scan of its own
   */
  latest: number;
}

/** SQL CASE mapping a TEXT kind column to its index in `codes` (unknown kinds -> 255). */
export function kindCase(column: string, codes: readonly string[]): string {
  // codes are compile-time constants, never data: safe to inline
  return `CASE ${column} ${codes.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE 255 END`;
}

/** How a row's target post id is read: a FROM clause (with its parameters) and the column. */
export interface PostJoin {
  from: string;
  params: unknown[];
  /** SQL expression: the target post's database id, NULL when it is not in the database */
  post: string;
}

/**
 * How target posts are read: the id resolved at import (store/target-posts.ts), looked up
 * here only for rows written without it (NULL with a target post: rows written by SQL
 * outside the importer). A database opened read-only before that column existed is read by
 * the join every row paid before: on the actor's network (engagement does not cross
 * networks), or that network as a constant when every account is on one (fast).
 */
export function postJoinOf(db: Db): PostJoin {
  if (hasTargetPostIds(db)) {
    const lookup = 'SELECT p.id FROM posts p WHERE p.network = (SELECT a.network FROM accounts a WHERE a.id = i.actor_id) AND p.external_id = i.target_post';
    return {
      from: 'FROM interactions i',
      params: [],
      post: `CASE WHEN i.target_post_id IS NOT NULL THEN nullif(i.target_post_id, 0) WHEN i.target_post IS NULL THEN NULL ELSE (${lookup}) END`,
    };
  }
  const networks = db.prepare('SELECT DISTINCT network FROM accounts LIMIT 2').pluck().all() as string[];
  return networks.length <= 1
    ? { from: 'FROM interactions i LEFT JOIN posts p ON p.network = ? AND p.external_id = i.target_post', params: [networks[0] ?? ''], post: 'p.id' }
    : { from: 'FROM interactions i LEFT JOIN posts p ON p.network = (SELECT a.network FROM accounts a WHERE a.id = i.actor_id) AND p.external_id = i.target_post', params: [], post: 'p.id' };
}

/**
 * Reads the interactions with actor_id in [lo, hi), in primary-key order; unknown kinds are
 * skipped. The columns have room for `capacity` rows (at least the range's): a caller that
 * appends another range's rows after these (read-dataset.ts) needs no second copy of both.
 */
export function readRawInteractions(db: Db, lo: number, hi: number, join: PostJoin, capacity = 0): RawInteractions {
  const rows = (db.prepare('SELECT count(*) FROM interactions WHERE actor_id >= ? AND actor_id < ?').pluck().get(lo, hi) as number) ?? 0;
  const room = Math.max(rows, capacity);
  const out: RawInteractions = {
    n: 0,
    actorId: new Int32Array(room),
    targetId: new Int32Array(room),
    kind: new Uint8Array(room),
    createdAt: new Float64Array(room),
    postId: new Int32Array(room),
    latest: -Infinity,
  };
  let e = 0;
  let latest = -Infinity;
  // Rows that look up their post (a database read-only from before target_post_id, rows
  // written outside the importer) probe the posts' external-id index at random: with the
  // 16 MiB default cache, the scan of the interactions evicts its pages and probes re-read
  // them. 64 MiB while reading (then back, freeing the pages): 24% less CPU and half the wall
  // time reading 2M of the 10M bench rows by the join (5.1-5.7 -> 3.9-4.3 s CPU, load 7).
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -65536');
  try {
    forEachNumericRow(
      db,
      { from: join.from, params: join.params, rangeKey: 'i.actor_id', range: { min: lo, max: hi - 1, rows }, columns: ['i.actor_id', 'i.target_id', kindCase('i.kind', KIND_CODES), storedTime('i.created_at'), join.post] },
      (v) => {
        if (v[3]! > latest) latest = v[3]!; // NaN (no time, or out of range) never is
        if (e >= rows || v[2] === 255) return; // a kind this version does not know: not evidence of anything
        out.actorId[e] = v[0]!;
        out.targetId[e] = Number.isNaN(v[1]!) ? 0 : v[1]!; // 0 = the export did not say
        out.kind[e] = v[2]!;
        out.createdAt[e] = v[3]!;
        out.postId[e] = Number.isNaN(v[4]!) ? -1 : v[4]!;
        e++;
      },
    );
  } finally {
    db.pragma(`cache_size = ${Number(cache)}`);
  }
  out.n = e;
  out.latest = latest;
  return out;
}
