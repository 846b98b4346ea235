/**
 * Reads the store into the engine's typed columns (engine/population.ts), fast: raw rows
 * (`.raw()`), streamed (`.iterate()`), straight into preallocated typed arrays. Accounts
 * are numbered 0..n-1 in database id order; NULL numbers become NaN (missing, never 0).
 *
 * An interaction's `target_post` (an external post id) is resolved to a post index when
 * that post is in the database, on the network of the interaction's actor (engagement does
 * not cross networks), by a join on the posts' (network, external_id) index. Numbers are
 * read in bulk chunks (read-chunks.ts), text row by row.
 */
import type { Db } from './open.js';
import { KIND_CODES, POST_KINDS, type Population } from '../engine/population.js';
import { forEachNumericRow } from './read-chunks.js';

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
  // text columns row by row, numbers in bulk (read-chunks.ts): both in id order
  const accountRows = db.prepare(`SELECT id, network, handle, external_id, ${bios ? 'bio' : 'NULL'} FROM accounts ORDER BY id`).raw();
  let i = 0;
  for (const r of accountRows.iterate() as IterableIterator<[number, string, string | null, string | null, string | null]>) {
    if (i >= n) break;
    const id = r[0];
    acc.dbId[i] = id;
    if (denseIndex) denseIndex[id] = i;
    else sparseIndex!.set(id, i);
    acc.network[i] = r[1];
    acc.handle[i] = r[2] ?? '';
    acc.externalId[i] = r[3];
    acc.bio[i] = r[4];
    i++;
  }
  const numeric = [
    acc.followers,
    acc.following,
    acc.listed,
    acc.postsDeclared,
    acc.verified,
    acc.createdAt,
    acc.mentionsReceived,
    acc.resharesReceived,
    acc.repliesReceived,
    acc.likesReceived,
    acc.mentionsSent,
    acc.resharesSent,
    acc.aggregateWindowDays,
  ];
  let row = 0;
  forEachNumericRow(
    db,
    {
      from: 'FROM accounts',
      rangeKey: 'id',
      range: { min: n > 0 ? acc.dbId[0]! : 0, max: n > 0 ? acc.dbId[n - 1]! : 0, rows: n },
      columns: ['followers', 'following', 'listed', 'posts', 'verified', 'created_at', 'mentions_received', 'reshares_received', 'replies_received', 'likes_received', 'mentions_sent', 'reshares_sent', 'window_days'],
    },
    (v) => {
      if (row >= n) return;
      for (let c = 0; c < numeric.length; c++) numeric[c]![row] = v[c]!;
      row++;
    },
  );
  return { accounts: acc, indexOf };
}

/** Loads the whole database as a Population. */
export function readPopulation(db: Db, options: ReadPopulationOptions = {}): Population {
  const count = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  const { accounts: acc, indexOf } = readAccounts(db, options);

  // posts: db id -> index, for resolving target posts
  const np = count('SELECT count(*) FROM posts');
  const maxPostId = count('SELECT max(id) FROM posts');
  const minPostId = count('SELECT min(id) FROM posts');
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
  let p = 0;
  forEachNumericRow(
    db,
    {
      from: 'FROM posts',
      rangeKey: 'id',
      range: { min: minPostId, max: maxPostId, rows: np },
      columns: ['id', 'author_id', 'created_at', kindCase('kind', POST_KINDS), 'hashtags', 'words', 'likes', 'reshares', 'replies'],
    },
    (v) => {
      if (p >= np) return;
      if (postIndex) postIndex[v[0]!] = p;
      else postSparse!.set(v[0]!, p);
      posts.author[p] = indexOf(v[1]!);
      posts.createdAt[p] = v[2]!;
      posts.kind[p] = v[3] === 255 ? 0 : v[3]!;
      posts.hashtags[p] = Math.min(65535, v[4]! || 0);
      posts.words[p] = Math.min(65535, v[5]! || 0);
      posts.likes[p] = v[6]!;
      posts.reshares[p] = v[7]!;
      posts.replies[p] = v[8]!;
      p++;
    },
  );
  const postOf = (id: number): number => {
    if (Number.isNaN(id)) return -1;
    if (postIndex) return id < postIndex.length ? postIndex[id]! : -1;
    return postSparse!.get(id) ?? -1;
  };

  // interactions; a target post is looked up on the actor's network (engagement does not
  // cross networks): a constant when the posts are on one network (the fast, usual case)
  const ni = count('SELECT count(*) FROM interactions');
  const inter: Population['interactions'] = {
    n: ni,
    actor: new Int32Array(ni),
    target: new Int32Array(ni),
    kind: new Uint8Array(ni),
    createdAt: new Float64Array(ni),
    targetPost: new Int32Array(ni),
  };
  const networks = db.prepare('SELECT DISTINCT network FROM posts').pluck().all() as string[];
  const postJoin =
    networks.length <= 1
      ? { from: 'FROM interactions i LEFT JOIN posts p ON p.network = ? AND p.external_id = i.target_post', params: [networks[0] ?? ''] }
      : { from: 'FROM interactions i LEFT JOIN posts p ON p.network = (SELECT a.network FROM accounts a WHERE a.id = i.actor_id) AND p.external_id = i.target_post', params: [] };
  let e = 0;
  // in primary-key order: deterministic, and free on the WITHOUT ROWID table
  forEachNumericRow(
    db,
    {
      ...postJoin,
      rangeKey: 'i.actor_id',
      range: { min: count('SELECT min(actor_id) FROM interactions'), max: count('SELECT max(actor_id) FROM interactions'), rows: ni },
      columns: ['i.actor_id', 'i.target_id', kindCase('i.kind', KIND_CODES), 'i.created_at', 'p.id'],
    },
    (v) => {
      if (e >= ni || v[2] === 255) return; // a kind this version does not know: not evidence of anything
      inter.actor[e] = indexOf(Number.isNaN(v[0]!) ? null : v[0]!);
      inter.target[e] = indexOf(Number.isNaN(v[1]!) ? null : v[1]!); // target 0 = not said: no account has id 0
      inter.kind[e] = v[2]!;
      inter.createdAt[e] = v[3]!;
      inter.targetPost[e] = postOf(v[4]!);
      e++;
    },
  );
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
