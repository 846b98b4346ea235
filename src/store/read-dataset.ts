/**
 * Reads the store into the engine's typed columns (engine/population.ts), fast: numbers in
 * bulk chunks (read-chunks.ts), text row by row, straight into preallocated typed arrays.
 * Accounts are numbered 0..n-1 in database id order; NULL numbers become NaN (missing,
 * never 0).
 *
 * An interaction's `target_post` (an external post id) becomes a post index when that post
 * is in the database, on the network of the interaction's actor (engagement does not cross
 * networks): the posts row id resolved at import (store/target-posts.ts), read as a number
 * (read-interactions.ts). The interactions are still the largest part at 10M events, so
 * `readDatasetParallel` reads half of them in a worker thread.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from './open.js';
import { TIME_RANGE } from './records.js';
import { storedTime } from './stored-time.js';
import { POST_KINDS, type IdentityColumns, type InteractionColumns, type Dataset, type PostTexts } from '../engine/dataset.js';
import { windowStart, type ScoringWindow } from '../engine/window.js';
import { forEachNumericRow } from './read-chunks.js';
import { kindCase, postJoinOf, readRawInteractions, type RawInteractions } from './read-interactions.js';

/** What to read besides the columns scoring needs. */
export interface ReadDatasetOptions {
  /** read account bios (topics need them; scoring does not): default true */
  bios?: boolean;
  /** read the profile text (display name, url, location: the audience audit needs them): default true */
  profile?: boolean;
  /** read the texts of the posts in this window (topics need them; scoring does not) */
  texts?: ScoringWindow;
  /** filled with the interactions' latest time in the store's range, null when none (read-data-dates.ts readDataDates' second argument) */
  dates?: { latestInteraction?: number | null };
}

/** The latest time of interaction parts read (RawInteractions.latest), null when none. */
function latestOfParts(parts: RawInteractions[]): number | null {
  const latest = Math.max(...parts.map((r) => r.latest));
  return latest === -Infinity ? null : latest;
}

const nan = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const countOf = (db: Db, sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;

/** How many accounts the database holds (cheap: no columns read). */
export function countAccounts(db: Db): number {
  return countOf(db, 'SELECT count(*) FROM accounts');
}

/** The accounts table as columns, with a map from database id to index. */
export interface AccountsRead {
  accounts: Dataset['accounts'];
  /** account index of a database id, -1 when unknown */
  indexOf(id: number | null): number;
}

/**
 * Reads only the accounts (cheap: handle lookups, history). Ids, network codes and numbers
 * come in bulk chunks (read-chunks.ts), each text column in one `all()`, and a text column
 * no account has is not read (its texts stay null): row by row, better-sqlite3 made an
 * array per row and a string of the network's name per account. The networks' names are
 * shared strings.
 */
export function readAccounts(db: Db, options: ReadDatasetOptions = {}): AccountsRead {
  const bios = options.bios ?? true;
  const profile = options.profile ?? true;
  const count = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  const n = count('SELECT count(*) FROM accounts');
  const maxId = count('SELECT max(id) FROM accounts');
  const minId = count('SELECT min(id) FROM accounts');

  // account db id -> index; dense ids (the usual case) use a typed array
  const dense = maxId <= 4 * n + 1024;
  const denseIndex = dense ? new Int32Array(maxId + 1).fill(-1) : null;
  const sparseIndex = dense ? null : new Map<number, number>();
  const indexOf = (id: number | null): number => {
    if (id === null) return -1;
    if (denseIndex) return id < denseIndex.length ? denseIndex[id]! : -1;
    return sparseIndex!.get(id) ?? -1;
  };
  // the networks, and which text columns any account has (one that nobody has is not read)
  const networks = db.prepare('SELECT DISTINCT network FROM accounts ORDER BY network').pluck().all() as string[];
  const present = db.prepare(`SELECT ${TEXT_COLUMNS.map((c) => `count(${c})`).join(', ')} FROM accounts`).raw().get() as number[];
  const has = (k: number): boolean => present[k]! > 0;
  // the text columns not read share one all-null column (as the number columns no account has share one all-NaN column)
  let unknownTexts: (string | null)[] | undefined;
  const texts = (column: (typeof TEXT_COLUMNS)[number], wanted = true): (string | null)[] =>
    wanted && has(TEXT_COLUMNS.indexOf(column)) ? (db.prepare(`SELECT ${column} FROM accounts ORDER BY id LIMIT ?`).pluck().all(n) as (string | null)[]) : (unknownTexts ??= new Array<string | null>(n).fill(null));
  const numbers = NUMBER_COLUMNS.map(() => new Float64Array(n));
  const lists = new Uint8Array(n);
  const acc: Dataset['accounts'] = {
    n,
    dbId: new Int32Array(n),
    network: new Array<string>(n),
    handle: db.prepare("SELECT ifnull(handle, '') FROM accounts ORDER BY id LIMIT ?").pluck().all(n) as string[],
    externalId: texts('external_id'),
    bio: texts('bio', bios),
    displayName: texts('display_name', profile),
    url: texts('url', profile),
    location: texts('location', profile),
    ...(Object.fromEntries(NUMBER_COLUMNS.map((key, c) => [key, numbers[c]!])) as Record<(typeof NUMBER_COLUMNS)[number], Float64Array>),
    lists,
  };
  const networkCode = networks.length <= 1 ? '0' : `CASE network ${networks.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  let i = 0;
  forEachNumericRow(
    db,
    {
      from: 'FROM accounts',
      // the network codes' placeholders come first in the statement (in the columns)
      params: networks.length <= 1 ? [] : networks.flatMap((name, k) => [name, k]),
      rangeKey: 'id',
      range: { min: minId, max: maxId, rows: n },
      columns: ['id', networkCode, ...NUMBER_SQL],
    },
    (v) => {
      if (i >= n) return;
      const id = v[0]!;
      acc.dbId[i] = id;
      if (denseIndex) denseIndex[id] = i;
      else sparseIndex!.set(id, i);
      acc.network[i] = networks[v[1]!]!;
      for (let c = 0; c < numbers.length; c++) numbers[c]![i] = v[2 + c]!;
      lists[i] = v[2 + numbers.length]! || 0;
      i++;
    },
  );
  shareUnknownColumns(acc, NUMBER_COLUMNS);
  return { accounts: acc, indexOf };
}

/** The accounts' text columns besides handle and network. */
const TEXT_COLUMNS = ['external_id', 'bio', 'display_name', 'url', 'location'] as const;
/** The accounts' number columns as read, in NUMBER_COLUMNS order, then the lists bits. */
const NUMBER_SQL = ['followers', 'following', 'listed', 'posts', 'verified', storedTime('created_at'), 'mentions_received', 'reshares_received', 'replies_received', 'likes_received', 'mentions_sent', 'reshares_sent', 'window_days', 'default_avatar', 'likes_given', 'lists'];

/** The accounts' number columns (none is written after it is read). */
const NUMBER_COLUMNS = ['followers', 'following', 'listed', 'postsDeclared', 'verified', 'createdAt', 'mentionsReceived', 'resharesReceived', 'repliesReceived', 'likesReceived', 'mentionsSent', 'resharesSent', 'aggregateWindowDays', 'defaultAvatar', 'likesGiven'] as const;

/**
 * Number columns that no row has (NULL everywhere: most sources fill few of them, e.g. no
 * window aggregates in an archive, no declared counts on posts) become one shared all-NaN
 * column: the same values, 8 MB less per column at 1M rows (9 of 15 account columns for a
 * follower/interactions data set).
 */
function shareUnknownColumns<K extends string>(table: Record<K, Float64Array>, keys: readonly K[]): void {
  let unknown: Float64Array | null = null;
  for (const key of keys) {
    const column = table[key];
    if (!column.every(Number.isNaN)) continue;
    unknown ??= column;
    table[key] = unknown;
  }
}

interface AccountsAndPosts extends AccountsRead {
  posts: Dataset['posts'];
  texts?: PostTexts;
  /** post index of a post database id, -1 when unknown */
  postOf(id: number): number;
}

/** Accounts, then posts (whose authors need the account index). */
function readAccountsAndPosts(db: Db, options: ReadDatasetOptions): AccountsAndPosts {
  const { accounts, indexOf } = readAccounts(db, options);
  const count = (sql: string): number => countOf(db, sql);
  // posts: db id -> index, for resolving target posts
  const np = count('SELECT count(*) FROM posts');
  const maxPostId = count('SELECT max(id) FROM posts');
  const minPostId = count('SELECT min(id) FROM posts');
  const postDense = maxPostId <= 4 * np + 1024;
  const postIndex = postDense ? new Int32Array(maxPostId + 1).fill(-1) : null;
  const postSparse = postDense ? null : new Map<number, number>();
  const posts: Dataset['posts'] = {
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
      columns: ['id', 'author_id', storedTime('created_at', TIME_RANGE.min), kindCase('kind', POST_KINDS), 'hashtags', 'words', 'likes', 'reshares', 'replies'],
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

  // declared counts no post has (an export without them): one shared all-NaN column, as for accounts
  shareUnknownColumns(posts, ['likes', 'reshares', 'replies']);
  return { accounts, indexOf, posts, postOf, ...(options.texts ? { texts: readPostTexts(db, np, postOf, options.texts) } : {}) };
}

/** Texts of the posts in the window, by post index (null for the others). */
function readPostTexts(db: Db, n: number, postOf: (id: number) => number, window: ScoringWindow): PostTexts {
  const texts: PostTexts = { externalId: new Array(n).fill(null), text: new Array(n).fill(null), lang: new Array(n).fill(null) };
  const rows = db.prepare('SELECT id, external_id, text, lang FROM posts WHERE created_at > ? AND created_at <= ?').raw();
  for (const r of rows.iterate(windowStart(window), window.asOf) as IterableIterator<[number, string, string | null, string | null]>) {
    const p = postOf(r[0]);
    if (p < 0) continue;
    texts.externalId[p] = r[1];
    texts.text[p] = r[2];
    texts.lang[p] = r[3];
  }
  return texts;
}

/**
 * Dataset interaction columns from raw parts (in order), ids mapped to indices. The first
 * part's arrays become the columns, mapped in place, when they have room for every part
 * (read with that capacity: readRawInteractions): at 10M events the columns are 210 MB, and
 * a fresh copy of them beside the raw parts doubled the read's peak.
 */
function toInteractionColumns(parts: RawInteractions[], indexOf: (id: number | null) => number, postOf: (id: number) => number): InteractionColumns {
  const n = parts.reduce((s, r) => s + r.n, 0);
  const first = parts[0]!;
  if (first.actorId.length < n) return copyInteractionColumns(parts, n, indexOf, postOf);
  let e = first.n;
  for (const r of parts.slice(1)) {
    first.actorId.set(r.actorId.subarray(0, r.n), e);
    first.targetId.set(r.targetId.subarray(0, r.n), e);
    first.kind.set(r.kind.subarray(0, r.n), e);
    first.createdAt.set(r.createdAt.subarray(0, r.n), e);
    first.postId.set(r.postId.subarray(0, r.n), e);
    e += r.n;
  }
  // columns are exactly n long (a skipped unknown kind leaves room: cut it off)
  const cut = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => (a.length === n ? a : (a.slice(0, n) as T));
  const out: InteractionColumns = { n, actor: cut(first.actorId), target: cut(first.targetId), kind: cut(first.kind), createdAt: cut(first.createdAt), targetPost: cut(first.postId) };
  for (let k = 0; k < n; k++) {
    out.actor[k] = indexOf(out.actor[k]!);
    out.target[k] = indexOf(out.target[k]!); // 0 = not said: no account has id 0
    const p = out.targetPost[k]!;
    out.targetPost[k] = p < 0 ? -1 : postOf(p);
  }
  return out;
}

/** The same, into fresh columns (parts read without room for the others). */
function copyInteractionColumns(parts: RawInteractions[], n: number, indexOf: (id: number | null) => number, postOf: (id: number) => number): InteractionColumns {
  const out: InteractionColumns = {
    n,
    actor: new Int32Array(n),
    target: new Int32Array(n),
    kind: new Uint8Array(n),
    createdAt: new Float64Array(n),
    targetPost: new Int32Array(n),
  };
  let e = 0;
  for (const r of parts) {
    for (let k = 0; k < r.n; k++, e++) {
      out.actor[e] = indexOf(r.actorId[k]!);
      out.target[e] = indexOf(r.targetId[k]!); // 0 = not said: no account has id 0
      out.kind[e] = r.kind[k]!;
      out.createdAt[e] = r.createdAt[k]!;
      out.targetPost[e] = r.postId[k]! < 0 ? -1 : postOf(r.postId[k]!);
    }
  }
  return out;
}

/** The follow edges. */
function readFollows(db: Db, indexOf: (id: number | null) => number): Dataset['follows'] {
  const count = (sql: string): number => countOf(db, sql);
  const nf = count('SELECT count(*) FROM follows');
  const follows: Dataset['follows'] = {
    n: nf,
    follower: new Int32Array(nf),
    followee: new Int32Array(nf),
    createdAt: new Float64Array(nf),
  };
  const followRows = db.prepare(`SELECT follower_id, followee_id, ${storedTime('created_at')} FROM follows ORDER BY followee_id, follower_id`).raw();
  let f = 0;
  for (const r of followRows.iterate() as IterableIterator<(number | null)[]>) {
    if (f >= nf) break;
    follows.follower[f] = indexOf(r[0]!);
    follows.followee[f] = indexOf(r[1]!);
    follows.createdAt[f] = nan(r[2]);
    f++;
  }
  return follows;
}

/** The identities (accounts unlinked by hand stand alone), in the account index space. */
export function readIdentityColumns(db: Db, n: number, indexOf: (id: number | null) => number): IdentityColumns {
  const rows = db.prepare('SELECT identity, account_id FROM identities WHERE identity IS NOT NULL ORDER BY identity, account_id').raw().all() as [string, number][];
  const names: string[] = [];
  const of = new Int32Array(n).fill(-1);
  for (const [name, id] of rows) {
    if (names[names.length - 1] !== name) names.push(name);
    const i = indexOf(id);
    if (i >= 0) of[i] = names.length - 1;
  }
  return { names, of };
}

/** The actor id range of the interactions, as [lo, hi). */
function actorRange(db: Db): [number, number] {
  return [countOf(db, 'SELECT min(actor_id) FROM interactions'), countOf(db, 'SELECT max(actor_id) FROM interactions') + 1];
}

/** Loads the whole database as a Dataset. */
export function readDataset(db: Db, options: ReadDatasetOptions = {}): Dataset {
  const base = readAccountsAndPosts(db, options);
  const [lo, hi] = actorRange(db);
  const raw = readRawInteractions(db, lo, hi, postJoinOf(db));
  if (options.dates) options.dates.latestInteraction = latestOfParts([raw]);
  const interactions = toInteractionColumns([raw], base.indexOf, base.postOf);
  const identities = readIdentityColumns(db, base.accounts.n, base.indexOf);
  return { accounts: base.accounts, posts: base.posts, interactions, follows: readFollows(db, base.indexOf), ...(base.texts ? { texts: base.texts } : {}), identities };
}

/**
 * What reading one account and one post costs, in interactions read (CPU per row, 1M
 * accounts, 1.25M posts and 10M interactions of the bench: about 3.5 s, 0.7 s and 13 s).
 */
const ACCOUNT_ROWS = 2.6;
const POST_ROWS = 0.4;

/**
 * The same Dataset, read on two threads: a worker reads the upper part of the
 * interactions (by actor) from its own read-only connection while this thread reads the
 * accounts, posts and the lower part (sized so that both finish together). Same result as readDataset. One thread for an
 * in-memory database, fewer than `parallelMin` interactions (default 500,000: a worker
 * costs tens of ms to start), or when the worker cannot start (e.g. run from TypeScript
 * sources, where only the .ts file exists); a worker that fails is replaced by a read here.
 */
export async function readDatasetParallel(
  db: Db,
  options: ReadDatasetOptions & { parallelMin?: number; /** filled with the threads used, and why a worker failed (the read then falls back to one thread) */ report?: { threads?: number; workerError?: string } } = {},
): Promise<Dataset> {
  const total = countOf(db, 'SELECT count(*) FROM interactions');
  const workerFile = fileURLToPath(new URL('./read-interactions-worker.js', import.meta.url));
  if (options.report) options.report.threads = 1;
  if (db.memory || total < Math.max(2, options.parallelMin ?? 500_000) || !fs.existsSync(workerFile)) return readDataset(db, options);
  const join = postJoinOf(db);
  const [lo, hi] = actorRange(db);
  // split where both threads finish together: this thread also reads the accounts and
  // posts first, so it takes fewer interactions (the worker the rows from `mid` on)
  const ownRows = Math.max(0, Math.floor((total - ACCOUNT_ROWS * countAccounts(db) - POST_ROWS * countOf(db, 'SELECT count(*) FROM posts')) / 2));
  const mid = (db.prepare('SELECT actor_id FROM interactions ORDER BY actor_id LIMIT 1 OFFSET ?').pluck().get(ownRows) as number | undefined) ?? hi;
  // execArgv []: the worker is plain JS, and flags such as --input-type are invalid there
  const worker = new Worker(workerFile, { workerData: { file: db.name, lo: mid, hi, join }, execArgv: [] });
  const upper = new Promise<RawInteractions | null>((resolve) => {
    worker.once('message', (raw: RawInteractions) => resolve(raw));
    worker.once('error', (e) => {
      if (options.report) options.report.workerError = String(e);
      resolve(null);
    });
    worker.once('exit', () => resolve(null));
  });
  const base = readAccountsAndPosts(db, options);
  // room for the worker's rows after these: its part is appended, not both copied
  const lower = readRawInteractions(db, lo, mid, join, total);
  const follows = readFollows(db, base.indexOf);
  const fromWorker = await upper;
  if (fromWorker && options.report) options.report.threads = 2;
  const rest = fromWorker ?? readRawInteractions(db, mid, hi, join);
  await worker.terminate();
  const identities = readIdentityColumns(db, base.accounts.n, base.indexOf);
  if (options.dates) options.dates.latestInteraction = latestOfParts([lower, rest]);
  return { accounts: base.accounts, posts: base.posts, interactions: toInteractionColumns([lower, rest], base.indexOf, base.postOf), follows, ...(base.texts ? { texts: base.texts } : {}), identities };
}

/** The store's accepted time range as SQL parameters. */
const RANGE = { min: TIME_RANGE.min, max: TIME_RANGE.max };

/**
 * The latest activity in the database (posts and interactions), epoch ms: the default
 * `--as-of`, so a score never depends on the wall clock. Null when there is no activity.
 */
export function readLatestActivity(db: Db): number | null {
  // Only times the store accepts: a bad one stored by an older version (1e300) must not
  // become the as-of date of every later command.
  return (
    (db
      .prepare(
        `SELECT max(t) FROM (SELECT max(created_at) AS t FROM posts WHERE created_at >= @min AND created_at < @max
                             UNION ALL SELECT max(created_at) FROM interactions WHERE created_at >= @min AND created_at < @max)`,
      )
      .pluck()
      .get(RANGE) as number | null) ?? null
  );
}

