/**
 * Reads the store into the engine's typed columns (engine/population.ts), fast: raw rows
 * (`.raw()`), streamed (`.iterate()`), straight into preallocated typed arrays. Accounts
 * are numbered 0..n-1 in database id order; NULL numbers become NaN (missing, never 0).
 *
 * An interaction's `target_post` (an external post id) is resolved to a post index when
 * that post is in the database, on the network of the interaction's actor (engagement does
 * not cross networks). The join is done in SQL against the unique (network, external_id)
 * index, which keeps post ids out of JS strings.
 */
import type { Db } from './open.js';
import { KIND_CODES, POST_KINDS, type Population } from '../engine/population.js';

export interface ReadPopulationOptions {
  /** read account bios (topics need them; scoring does not): default true */
  bios?: boolean;
}

const nan = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));

/** SQL CASE mapping a TEXT kind column to its index in `codes` (unknown kinds -> 255). */
function kindCase(column: string, codes: readonly string[]): string {
  // codes are compile-time constants, never data: safe to inline
  return `CASE ${column} ${codes.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE 255 END`;
}

/** The accounts table as columns, with a map from database id to index. */
export interface AccountsRead {
  accounts: Population['accounts'];
  /** account index of a database id, -1 when unknown */
  indexOf(id: number | null): number;
}

/** Reads only the accounts (cheap: handle lookups, history). */
export function readAccounts(db: Db, options: ReadPopulationOptions = {}): AccountsRead {
  const bios = options.bios ?? true;
  const count = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  const n = count('SELECT count(*) FROM accounts');
  const maxId = count('SELECT max(id) FROM accounts');

  // account db id -> index; dense ids (the usual case) use a typed array
  const dense = maxId <= 4 * n + 1024;
  const denseIndex = dense ? new Int32Array(maxId + 1).fill(-1) : null;
  const sparseIndex = dense ? null : new Map<number, number>();
  const indexOf = (id: number | null): number => {
    if (id === null) return -1;
    if (denseIndex) return id < denseIndex.length ? denseIndex[id]! : -1;
    return sparseIndex!.get(id) ?? -1;
  };
  const f64 = () => new Float64Array(n);
  const acc: Population['accounts'] = {
    n,
    dbId: new Int32Array(n),
    network: new Array<string>(n),
    handle: new Array<string>(n),
    externalId: new Array<string | null>(n),
    bio: new Array<string | null>(n),
    followers: f64(),
    following: f64(),
    listed: f64(),
    postsDeclared: f64(),
    verified: f64(),
    createdAt: f64(),
    mentionsReceived: f64(),
    resharesReceived: f64(),
    repliesReceived: f64(),
    likesReceived: f64(),
    mentionsSent: f64(),
    resharesSent: f64(),
    aggregateWindowDays: f64(),
  };
  const accountRows = db
    .prepare(
      `SELECT id, network, handle, external_id, ${bios ? 'bio' : 'NULL'}, followers, following, listed, posts, verified, created_at,
              mentions_received, reshares_received, replies_received, likes_received, mentions_sent, reshares_sent, window_days
         FROM accounts ORDER BY id`,
    )
    .raw();
  let i = 0;
  for (const r of accountRows.iterate() as IterableIterator<unknown[]>) {
    if (i >= n) break;
    const id = r[0] as number;
    acc.dbId[i] = id;
    if (denseIndex) denseIndex[id] = i;
    else sparseIndex!.set(id, i);
    acc.network[i] = r[1] as string;
    acc.handle[i] = (r[2] as string | null) ?? '';
    acc.externalId[i] = r[3] as string | null;
    acc.bio[i] = r[4] as string | null;
    acc.followers[i] = nan(r[5]);
    acc.following[i] = nan(r[6]);
    acc.listed[i] = nan(r[7]);
    acc.postsDeclared[i] = nan(r[8]);
    acc.verified[i] = nan(r[9]);
    acc.createdAt[i] = nan(r[10]);
    acc.mentionsReceived[i] = nan(r[11]);
    acc.resharesReceived[i] = nan(r[12]);
    acc.repliesReceived[i] = nan(r[13]);
    acc.likesReceived[i] = nan(r[14]);
    acc.mentionsSent[i] = nan(r[15]);
    acc.resharesSent[i] = nan(r[16]);
    acc.aggregateWindowDays[i] = nan(r[17]);
    i++;
  }

  return { accounts: acc, indexOf };
}

/** Loads the whole database as a Population. */
export function readPopulation(db: Db, options: ReadPopulationOptions = {}): Population {
  const count = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  const { accounts: acc, indexOf } = readAccounts(db, options);

  // posts: db id -> index for resolving interaction target posts
  const np = count('SELECT count(*) FROM posts');
  const maxPostId = count('SELECT max(id) FROM posts');
  const postDense = maxPostId <= 4 * np + 1024;
  const postIndex = postDense ? new Int32Array(maxPostId + 1).fill(-1) : null;
  const postSparse = postDense ? null : new Map<number, number>();
  const posts: Population['posts'] = {
    n: np,
    author: new Int32Array(np),
    createdAt: new Float64Array(np),
    kind: new Uint8Array(np),
    hashtags: new Uint16Array(np),
    words: new Uint16Array(np),
    likes: new Float64Array(np),
    reshares: new Float64Array(np),
    replies: new Float64Array(np),
  };
  const postRows = db
    .prepare(
      `SELECT id, author_id, created_at, ${kindCase('kind', POST_KINDS)}, hashtags, words, likes, reshares, replies
         FROM posts ORDER BY id`,
    )
    .raw();
  let p = 0;
  for (const r of postRows.iterate() as IterableIterator<(number | null)[]>) {
    if (p >= np) break;
    const id = r[0]!;
    if (postIndex) postIndex[id] = p;
    else postSparse!.set(id, p);
    posts.author[p] = indexOf(r[1]!);
    posts.createdAt[p] = r[2]!;
    posts.kind[p] = r[3] === 255 ? 0 : r[3]!;
    posts.hashtags[p] = Math.min(65535, r[4] ?? 0);
    posts.words[p] = Math.min(65535, r[5] ?? 0);
    posts.likes[p] = nan(r[6]);
    posts.reshares[p] = nan(r[7]);
    posts.replies[p] = nan(r[8]);
    p++;
  }
  const postOf = (id: number | null): number => {
    if (id === null) return -1;
    if (postIndex) return id < postIndex.length ? postIndex[id]! : -1;
    return postSparse!.get(id) ?? -1;
  };

  const ni = count('SELECT count(*) FROM interactions');
  const inter: Population['interactions'] = {
    n: ni,
    actor: new Int32Array(ni),
    target: new Int32Array(ni),
    kind: new Uint8Array(ni),
    createdAt: new Float64Array(ni),
    targetPost: new Int32Array(ni),
  };
  const interactionRows = db
    .prepare(
      `SELECT i.actor_id, i.target_id, ${kindCase('i.kind', KIND_CODES)}, i.created_at,
              (SELECT p.id FROM posts p WHERE p.network = a.network AND p.external_id = i.target_post)
         FROM interactions i JOIN accounts a ON a.id = i.actor_id
        ORDER BY i.id`,
    )
    .raw();
  let e = 0;
  for (const r of interactionRows.iterate() as IterableIterator<(number | null)[]>) {
    if (e >= ni) break;
    if (r[2] === 255) continue; // a kind this version does not know: not evidence of anything
    inter.actor[e] = indexOf(r[0]!);
    inter.target[e] = indexOf(r[1]!);
    inter.kind[e] = r[2]!;
    inter.createdAt[e] = nan(r[3]);
    inter.targetPost[e] = postOf(r[4]!);
    e++;
  }
  if (e < ni) {
    // rows of unknown kinds were skipped: trim the columns to what was read
    inter.n = e;
    inter.actor = inter.actor.subarray(0, e);
    inter.target = inter.target.subarray(0, e);
    inter.kind = inter.kind.subarray(0, e);
    inter.createdAt = inter.createdAt.subarray(0, e);
    inter.targetPost = inter.targetPost.subarray(0, e);
  }

  const nf = count('SELECT count(*) FROM follows');
  const follows: Population['follows'] = {
    n: nf,
    follower: new Int32Array(nf),
    followee: new Int32Array(nf),
    createdAt: new Float64Array(nf),
  };
  const followRows = db.prepare('SELECT follower_id, followee_id, created_at FROM follows ORDER BY followee_id, follower_id').raw();
  let f = 0;
  for (const r of followRows.iterate() as IterableIterator<(number | null)[]>) {
    if (f >= nf) break;
    follows.follower[f] = indexOf(r[0]!);
    follows.followee[f] = indexOf(r[1]!);
    follows.createdAt[f] = nan(r[2]);
    f++;
  }
  return { accounts: acc, posts, interactions: inter, follows };
}

/**
 * The latest activity in the database (posts and interactions), epoch ms: the default
 * `--as-of`, so a score never depends on the wall clock. Null when there is no activity.
 */
export function readLatestActivity(db: Db): number | null {
  const row = db
    .prepare('SELECT max(t) FROM (SELECT max(created_at) AS t FROM posts UNION ALL SELECT max(created_at) FROM interactions)')
    .pluck()
    .get() as number | null;
  return row ?? null;
}
