/**
 * A World as the project's generic tables (DESIGN.md "Generic tables"), as CSV text in
 * chunks of about 1 MB: rows are generated as they are written, so a 10M-event world is
 * never held as strings. Pure (no I/O): write-generic.ts sends the chunks to files.
 *
 * What goes where (only events up to asOf; the future stays in the truth):
 * - accounts.csv: every account with its declared profile and counts;
 * - posts.csv: originals, replies (reply_to, reply_to_author), reshares (reshare_of,
 *   reshare_of_author, the original's text), quotes (a comment and the quoted post's
 *   link) and mentions (@handle in the text); declared likes/reshares/replies for the
 *   accounts whose export has them, blank otherwise;
 * - interactions.csv: likes (post_id = the liked post), follow/unfollow events (no
 *   post_id), and events also shown by a post: every quote and a share of replies
 *   (post_id = the actor's own post, the same id as in posts.csv: the same event given
 *   both ways, which an importer must count once);
 * - follows.csv: the follow graph at asOf (created_at blank when unknown).
 */
import { accountBio, postId, postText } from './text.js';
import { KIND_QUOTE, KIND_REPLY, KIND_RESHARE, type World } from './world-types.js';

/** The four generic tables, in writing order. */
export const GENERIC_TABLES = ['accounts', 'posts', 'interactions', 'follows'] as const;
/** One of GENERIC_TABLES. */
export type GenericTable = (typeof GENERIC_TABLES)[number];

/** The header line of each table (DESIGN.md column names). */
export const HEADERS: Record<GenericTable, string> = {
  accounts: 'handle,network,display_name,bio,followers,following,posts,listed,verified,created_at',
  posts: 'id,author,created_at,text,reply_to,reply_to_author,reshare_of,reshare_of_author,likes,reshares,replies',
  interactions: 'actor,target,kind,created_at,post_id',
  follows: 'follower,followee,created_at',
};

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, newline or edge space. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let cachedDay = Number.NaN;
let cachedPrefix = '';

/** ISO-8601 UTC with whole seconds: 2026-03-01T09:30:00Z (the date part cached per day: millions of rows). */
export function isoSeconds(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const day = Math.floor(sec / 86400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const s = sec - day * 86400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s - h * 3600) / 60);
  return `${cachedPrefix}${TWO[h]}:${TWO[m]}:${TWO[s - h * 3600 - m * 60]}Z`;
}

const CHUNK = 1 << 20;

/** Counts of rows each table gets (headers excluded). */
export interface TableCounts {
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
}

/** Returns the next row (with its newline), or undefined when the table is done. */
type Cursor = () => string | undefined;

/**
 * The CSV text of one table, header first, in chunks of about 1 MB; `onRow` counts data
 * rows. Rows come from a cursor and are appended to a string (a rope V8 flattens once per
 * chunk): one yield per chunk, not per row, keeps millions of rows cheap.
 */
export function* genericTableChunks(world: World, table: GenericTable, onRow?: () => void): Generator<string> {
  const next = table === 'accounts' ? accountRows(world) : table === 'posts' ? postRows(world) : table === 'interactions' ? interactionRows(world) : followRows(world);
  let buf = `${HEADERS[table]}\n`;
  let rows = 0;
  for (let row = next(); row !== undefined; row = next()) {
    buf += row;
    rows++;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  if (onRow) for (let k = 0; k < rows; k++) onRow();
  if (buf) yield buf;
}

function accountRows(w: World): Cursor {
  const a = w.accounts;
  const network = csvField(w.config.network);
  let i = 0;
  return () => {
    if (i >= a.n) return undefined;
    const row = `${a.handle[i]},${network},${csvField(a.displayName[i]!)},${csvField(accountBio(w, i))},${a.followers[i]},${a.following[i]},${a.postsDeclared[i]},${a.listed[i]},${a.verified[i] ? 'true' : 'false'},${isoSeconds(a.createdAt[i]!)}\n`;
    i++;
    return row;
  };
}

const count = (x: number) => (x >= 0 ? String(x) : '');

function postRows(w: World): Cursor {
  const p = w.posts;
  const h = w.accounts.handle;
  const asOfSec = (w.asOf - w.t0) / 1000;
  let q = 0;
  return () => {
    if (q >= p.n) return undefined;
    const t = p.time[q]!;
    if (t > asOfSec) return undefined; // posts are sorted by time
    const kind = p.kind[q]!;
    const parent = p.parent[q]!;
    let replyTo = ',';
    let reshareOf = ',';
    if (parent >= 0 && kind === KIND_REPLY) replyTo = `${postId(w, parent)},${h[p.author[parent]!]}`;
    else if (parent >= 0 && kind === KIND_RESHARE) reshareOf = `${postId(w, parent)},${h[p.author[parent]!]}`;
    const row = `${postId(w, q)},${h[p.author[q]!]},${isoSeconds(w.t0 + t * 1000)},${csvField(postText(w, q))},${replyTo},${reshareOf},${count(p.likes[q]!)},${count(p.reshares[q]!)},${count(p.replies[q]!)}\n`;
    q++;
    return row;
  };
}

/** Interaction rows in time order: likes, event-posts and follow events merged. */
function interactionRows(w: World): Cursor {
  const p = w.posts;
  const h = w.accounts.handle;
  const asOfSec = (w.asOf - w.t0) / 1000;
  const l = w.likes;
  const ev = w.followEvents;
  let li = 0;
  let pi = nextEventPost(w, 0);
  let ei = 0;
  const evOrder = sortedFollowEvents(w);
  const INF = Number.POSITIVE_INFINITY;
  return () => {
    const tl = li < l.n && l.time[li]! <= asOfSec ? w.t0 + l.time[li]! * 1000 : INF;
    const tp = pi < p.n && p.time[pi]! <= asOfSec ? w.t0 + p.time[pi]! * 1000 : INF;
    const te = ei < evOrder.length && ev.time[evOrder[ei]!]! <= w.asOf ? ev.time[evOrder[ei]!]! : INF;
    if (tl === INF && tp === INF && te === INF) return undefined;
    if (tl <= tp && tl <= te) {
      const post = l.post[li]!;
      const actor = l.actor[li]!;
      li++;
      return `${h[actor]},${h[p.author[post]!]},like,${isoSeconds(tl)},${postId(w, post)}\n`;
    }
    if (tp <= te) {
      const q = pi;
      pi = nextEventPost(w, pi + 1);
      const kind = p.kind[q]! === KIND_QUOTE ? 'quote' : 'reply';
      return `${h[p.author[q]!]},${h[p.author[p.parent[q]!]!]},${kind},${isoSeconds(tp)},${postId(w, q)}\n`;
    }
    const k = evOrder[ei]!;
    ei++;
    return `${h[ev.actor[k]!]},${h[ev.target[k]!]},${ev.kind[k] === 0 ? 'follow' : 'unfollow'},${isoSeconds(te)},\n`;
  };
}

/** Next post from `from` that is also written as an interaction (quotes, flagged replies). */
function nextEventPost(w: World, from: number): number {
  const p = w.posts;
  for (let q = from; q < p.n; q++) {
    if (p.parent[q]! < 0 || p.author[p.parent[q]!] === p.author[q]) continue;
    if (p.kind[q] === KIND_QUOTE || (p.kind[q] === KIND_REPLY && p.alsoEvent[q])) return q;
  }
  return p.n;
}

function sortedFollowEvents(w: World): number[] {
  const ev = w.followEvents;
  return Array.from({ length: ev.n }, (_, k) => k).sort((x, y) => ev.time[x]! - ev.time[y]! || x - y);
}

function followRows(w: World): Cursor {
  const f = w.follows;
  const h = w.accounts.handle;
  let k = 0;
  return () => {
    if (k >= f.n) return undefined;
    const t = f.time[k]!;
    const row = `${h[f.follower[k]!]},${h[f.followee[k]!]},${Number.isNaN(t) ? '' : isoSeconds(t)}\n`;
    k++;
    return row;
  };
}

/** How many rows each table gets, without writing them. */
export function countGenericRows(w: World): TableCounts {
  const asOfSec = (w.asOf - w.t0) / 1000;
  let posts = 0;
  let eventPosts = 0;
  for (let q = 0; q < w.posts.n; q++) {
    if (w.posts.time[q]! > asOfSec) break;
    posts++;
  }
  for (let q = nextEventPost(w, 0); q < w.posts.n && w.posts.time[q]! <= asOfSec; q = nextEventPost(w, q + 1)) eventPosts++;
  let likes = 0;
  for (let k = 0; k < w.likes.n; k++) if (w.likes.time[k]! <= asOfSec) likes++;
  let events = 0;
  for (let k = 0; k < w.followEvents.n; k++) if (w.followEvents.time[k]! <= w.asOf) events++;
  return { accounts: w.accounts.n, posts, interactions: likes + eventPosts + events, follows: w.follows.n };
}
