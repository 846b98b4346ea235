/**
 * MINIMAL population reader, written on the authenticity branch so `report authenticity`
 * can run before the scoring branch's reader lands. It reads every table whole into the
 * engine's typed columns (no window pushdown, no feature extraction). The scoring
 * branch's src/store/read-population.ts supersedes this file when the branches merge;
 * keep whichever is complete, and keep the exported names `readPopulation` and
 * `readLatestActivity` (report-authenticity.ts uses them).
 */
import { KIND_CODES, POST_KINDS, type Population } from '../engine/population.js';
import type { Db } from './open.js';

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));

/** Reads accounts, posts, interactions and follows into a Population (account index = row order by id). */
export function readPopulation(db: Db): Population {
  const accountRows = db
    .prepare(
      `SELECT id, network, handle, external_id, bio, followers, following, listed, posts, verified, created_at,
              mentions_received, reshares_received, replies_received, likes_received, mentions_sent, reshares_sent, window_days
         FROM accounts ORDER BY id`,
    )
    .raw()
    .all() as unknown[][];
  const n = accountRows.length;
  const indexOf = new Map<number, number>();
  const col = (k: number) => Float64Array.from(accountRows, (r) => num(r[k]));
  accountRows.forEach((r, i) => indexOf.set(Number(r[0]), i));
  const accountIndex = (id: unknown): number => (id === null || id === undefined ? -1 : (indexOf.get(Number(id)) ?? -1));

  const postRows = db
    .prepare('SELECT network, external_id, author_id, created_at, kind, hashtags, words, likes, reshares, replies FROM posts ORDER BY id')
    .raw()
    .all() as unknown[][];
  const postIndex = new Map<string, number>();
  postRows.forEach((r, i) => postIndex.set(`${String(r[0])}\u0000${String(r[1])}`, i));

  // in primary-key order (deterministic, and free on the WITHOUT ROWID table);
  // target_id 0 (or NULL) = the export did not say: no account has id 0, so it maps to -1
  const interactionRows = db
    .prepare(
      `SELECT i.actor_id, i.target_id, i.kind, i.created_at, i.target_post, a.network
         FROM interactions i JOIN accounts a ON a.id = i.actor_id
        ORDER BY i.actor_id, i.kind, i.event_key, i.target_id`,
    )
    .raw()
    .all() as unknown[][];
  const followRows = db.prepare('SELECT follower_id, followee_id, created_at FROM follows').raw().all() as unknown[][];

  const kindCode = (k: unknown): number => {
    const i = (KIND_CODES as readonly string[]).indexOf(String(k));
    return i < 0 ? 255 : i;
  };
  return {
    accounts: {
      n,
      dbId: Int32Array.from(accountRows, (r) => Number(r[0])),
      network: accountRows.map((r) => String(r[1])),
      handle: accountRows.map((r) => (r[2] === null ? '' : String(r[2]))),
      externalId: accountRows.map((r) => (r[3] === null ? null : String(r[3]))),
      bio: accountRows.map((r) => (r[4] === null ? null : String(r[4]))),
      followers: col(5),
      following: col(6),
      listed: col(7),
      postsDeclared: col(8),
      verified: col(9),
      createdAt: col(10),
      mentionsReceived: col(11),
      resharesReceived: col(12),
      repliesReceived: col(13),
      likesReceived: col(14),
      mentionsSent: col(15),
      resharesSent: col(16),
      aggregateWindowDays: col(17),
    },
    posts: {
      n: postRows.length,
      author: Int32Array.from(postRows, (r) => accountIndex(r[2])),
      createdAt: Float64Array.from(postRows, (r) => num(r[3])),
      kind: Uint8Array.from(postRows, (r) => Math.max(0, (POST_KINDS as readonly string[]).indexOf(String(r[4])))),
      hashtags: Uint16Array.from(postRows, (r) => Math.min(65535, Number(r[5] ?? 0))),
      words: Uint16Array.from(postRows, (r) => Math.min(65535, Number(r[6] ?? 0))),
      likes: Float64Array.from(postRows, (r) => num(r[7])),
      reshares: Float64Array.from(postRows, (r) => num(r[8])),
      replies: Float64Array.from(postRows, (r) => num(r[9])),
    },
    interactions: {
      n: interactionRows.length,
      actor: Int32Array.from(interactionRows, (r) => accountIndex(r[0])),
      target: Int32Array.from(interactionRows, (r) => accountIndex(r[1])),
      kind: Uint8Array.from(interactionRows, (r) => kindCode(r[2])),
      createdAt: Float64Array.from(interactionRows, (r) => num(r[3])),
      targetPost: Int32Array.from(interactionRows, (r) => (r[4] === null ? -1 : (postIndex.get(`${String(r[5])}\u0000${String(r[4])}`) ?? -1))),
    },
    follows: {
      n: followRows.length,
      follower: Int32Array.from(followRows, (r) => accountIndex(r[0])),
      followee: Int32Array.from(followRows, (r) => accountIndex(r[1])),
      createdAt: Float64Array.from(followRows, (r) => num(r[2])),
    },
  };
}

/** The latest post or interaction time in the database (epoch ms), or null when nothing is timed. */
export function readLatestActivity(db: Db): number | null {
  const row = db
    .prepare('SELECT max(t) FROM (SELECT max(created_at) AS t FROM posts UNION ALL SELECT max(created_at) FROM interactions)')
    .pluck()
    .get() as number | null;
  return row ?? null;
}
