/**
 * The normalized records every import adapter emits. Adapters are pure parsers: they turn
 * one export's files into these records; the orchestrator (import/run-import.ts) resolves
 * account references, writes them in one transaction and records provenance.
 *
 * Platform ids are strings (Twitter ids and Klout topic ids overflow JS numbers).
 * Times are Unix epoch milliseconds (UTC).
 */

/** A reference to an account: by handle, by platform id, or both. */
export interface AccountRef {
  /** network name, lower case: 'twitter', 'mastodon', or whatever a generic table says */
  network: string;
  /** handle without a leading '@'; Mastodon handles are 'user@host' */
  handle?: string;
  /** platform account id, as text */
  externalId?: string;
}

/** Declared window aggregates (from a generic accounts table), per `windowDays`. */
export interface DeclaredAggregates {
  mentionsReceived?: number;
  resharesReceived?: number;
  repliesReceived?: number;
  likesReceived?: number;
  mentionsSent?: number;
  resharesSent?: number;
}

export interface AccountRecord {
  type: 'account';
  ref: AccountRef;
  displayName?: string;
  /** '' when the export shows the bio is empty (absent when it does not say) */
  bio?: string;
  /** the website in the profile; '' when known to be empty */
  url?: string;
  /** the free-text location in the profile; '' when known to be empty */
  location?: string;
  /** true when the account shows the network's default picture (no picture of its own) */
  defaultAvatar?: boolean;
  /** likes (favourites) the account has given, all time */
  likesGiven?: number;
  followers?: number;
  following?: number;
  posts?: number;
  listed?: number;
  verified?: boolean;
  createdAt?: number;
  aggregates?: DeclaredAggregates;
  /** window the aggregates cover, in days (default 90) */
  windowDays?: number;
  /** an identity label linking one person's accounts across networks */
  identity?: string;
  /**
   * Which of this account's own lists the import holds COMPLETE (see OwnLists). Set it on
   * the owner of an export, never on accounts met at the far end of the export's edges.
   * Bits only ever add up: a later import cannot unset what an earlier one declared.
   */
  lists?: OwnLists;
}

/**
 * What an import holds completely of one account's own data: the one API by which an
 * importer tells the scorer whose follower list, following list, posts and reception are
 * present. The scorer relies on it (engine/features.ts, LISTS in engine/dataset.ts):
 *   followers  the account's complete follower list: its incoming follow edges are its
 *              followers (otherwise a follow edge from someone else's export says nothing
 *              about how many followers the followee has)
 *   following  its complete following list
 *   posts      its own posts (the owner of a posts export): its reception in the database
 *              is then only what other imports hold plus the counts its posts declare, so
 *              zero events received is a gap, not evidence
 *   reception  all engagement the account received is in the data (a population data set
 *              such as a listening tool's export): zero received is evidence
 * Importers set it on the owner's AccountRecord, e.g. a Twitter archive with follower.js,
 * following.js and tweets.js: `{ followers: true, following: true, posts: true }`; a
 * Mastodon archive `{ following: true, posts: true }` (it has no follower list); a Bluesky
 * repository `{ following: true, posts: true }`. A generic accounts table declares it in its
 * `complete_lists` column (README "Generic tables").
 */
export interface OwnLists {
  followers?: boolean;
  following?: boolean;
  posts?: boolean;
  reception?: boolean;
}

/** Reference to another post, when known only by its id and/or its author. */
export interface PostRef {
  externalId?: string;
  author?: AccountRef;
}

export type Visibility = 'public' | 'unlisted' | 'followers' | 'direct';

export interface PostRecord {
  type: 'post';
  network: string;
  externalId: string;
  author: AccountRef;
  createdAt: number;
  text?: string;
  lang?: string;
  replyTo?: PostRef;
  /** set on retweets/boosts: the post is the resharer's, referencing the original */
  reshareOf?: PostRef;
  quoteOf?: PostRef;
  mentions?: AccountRef[];
  hashtags?: string[];
  /** engagement counts declared by the export (absent when the export has none) */
  likes?: number;
  reshares?: number;
  replies?: number;
  visibility?: Visibility;
}

export const INTERACTION_KINDS = ['reply', 'reshare', 'quote', 'mention', 'like', 'follow', 'unfollow'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface InteractionRecord {
  type: 'interaction';
  actor: AccountRef;
  /** absent when the export does not say (a Twitter like names the tweet, not its author) */
  target?: AccountRef;
  kind: InteractionKind;
  createdAt?: number;
  /** the actor's own post that carries the event (a reply, reshare, quote or mention) */
  sourcePost?: string;
  /** the target's post the event reacts to (the liked, replied-to, reshared or quoted post) */
  targetPost?: string;
}

export interface FollowRecord {
  type: 'follow';
  follower: AccountRef;
  followee: AccountRef;
  createdAt?: number;
}

export type ImportRecord = AccountRecord | PostRecord | InteractionRecord | FollowRecord;

/** Where a record came from, for error messages. */
export interface RecordLocation {
  file: string;
  /** 1-based line (CSV, NDJSON) */
  line?: number;
  /** 0-based index of the record in a JSON array */
  record?: number;
}

/** A row that could not be read: what, where, what was expected and how to fix it. */
export interface RowProblem extends RecordLocation {
  field?: string;
  reason: string;
  expected?: string;
  fix?: string;
}

/**
 * Where adapters send what they read. Synchronous: the orchestrator writes inside one
 * open transaction. `problem` either throws (strict mode) or counts the row as skipped
 * (`--skip-invalid`); adapters call it and move on to the next row.
 */
export interface RecordSink {
  record(rec: ImportRecord, at: RecordLocation): void;
  problem(p: RowProblem): void;
  /** an archive entry the adapter recognised as not worth importing, or did not know */
  skippedFile(name: string, reason: string): void;
  /** bytes consumed so far of the current source, for progress on a TTY */
  progress?(bytesRead: number, bytesTotal: number): void;
  /** the account whose export this is, named in the import summary */
  owner?(ref: AccountRef): void;
  /** something imported as written that deserves a look (a date a client set wrongly), listed in the summary */
  notice?(name: string, message: string): void;
}

/**
 * The times the store accepts, epoch ms: 1990-01-01 (inclusive) to 2100-01-01 (exclusive).
 * Wide for any social network, narrow enough that every stored time is a valid Date:
 * `1e300` or `-1e16` as a created_at made every later command fail with "Invalid time value".
 */
export const TIME_RANGE = { min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1), text: '1990-01-01 to 2100-01-01' } as const;

/** Longest window, in days, a command or an accounts row may give (ten years: a longer one is no window). */
export const MAX_WINDOW_DAYS = 3650;

/** True for an epoch-ms time the store accepts. */
export function isStorableTime(ms: number): boolean {
  return ms >= TIME_RANGE.min && ms < TIME_RANGE.max;
}

/**
 * The first value of a record the store must not hold (a time outside TIME_RANGE, a count
 * that is negative or not finite), as the field and what is wrong; undefined when none.
 * Checked for every record of every adapter, so no stored value can break a later command.
 */
export function findUnstorableValue(rec: ImportRecord): { field: string; reason: string; expected: string } | undefined {
  // plain functions and comparisons: this runs once per imported record
  switch (rec.type) {
    case 'account':
      return (
        badTime('created_at', rec.createdAt) ??
        badCount('followers', rec.followers) ??
        badCount('following', rec.following) ??
        badCount('posts', rec.posts) ??
        badCount('listed', rec.listed)
      );
    case 'post':
      return badTime('created_at', rec.createdAt) ?? badCount('likes', rec.likes) ?? badCount('reshares', rec.reshares) ?? badCount('replies', rec.replies);
    case 'interaction':
    case 'follow':
      return badTime('created_at', rec.createdAt);
  }
}

function badTime(field: string, v: number | undefined): { field: string; reason: string; expected: string } | undefined {
  if (v === undefined || (v >= TIME_RANGE.min && v < TIME_RANGE.max)) return undefined;
  const shown = Number.isFinite(v) && Math.abs(v) <= 8.64e15 ? new Date(v).toISOString() : String(v);
  return { field, reason: `${shown} is outside the range of times the store accepts`, expected: `a time from ${TIME_RANGE.text}` };
}

function badCount(field: string, v: number | undefined): { field: string; reason: string; expected: string } | undefined {
  // past 2^53 a count is no longer exact (and 1e308 sums to Infinity): every adapter's counts stop there
  if (v === undefined || (v >= 0 && v <= Number.MAX_SAFE_INTEGER)) return undefined;
  return { field, reason: `${v} is not a count`, expected: 'a whole number from 0 to 9,007,199,254,740,991' };
}
