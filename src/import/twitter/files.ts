/**
 * The registry of archive files: which file names (and manifest data types) each handler
 * reads, and why every other file is skipped. Multi-part types are split as `tweets.js`,
 * `tweets-part1.js`, ... ; 2021 and older archives name the tweets file `tweet.js`.
 */
import type { AccountRef, FollowRecord, InteractionRecord, PostRecord } from '../../store/records.js';
import { normalizeFollower, normalizeFollowing, normalizeLike } from './normalize-rows.js';
import { normalizeTweet } from './normalize-tweet.js';
import type { RowFault } from './row-fault.js';

/** What an archive file holds, as far as the adapter cares. */
export type FileKind = 'manifest' | 'account' | 'profile' | 'tweets' | 'follower' | 'following' | 'like';

/** One registry entry: which files a handler reads. */
export interface FileHandler {
  kind: FileKind;
  /** matches the file's name inside the archive's data folder */
  pattern: RegExp;
  /** manifest `dataTypes` keys whose files this handler reads */
  manifestTypes: readonly string[];
  /** the `window.YTD.<name>` global names this handler reads (for a lone, renamed file) */
  globals: readonly string[];
}

/** Every file the adapter reads; the order is the reading order (owner first). */
export const FILE_HANDLERS: readonly FileHandler[] = [
  { kind: 'manifest', pattern: /^manifest\.js$/, manifestTypes: [], globals: [] },
  { kind: 'account', pattern: /^account(?:-part\d+)?\.js$/, manifestTypes: ['account'], globals: ['account'] },
  { kind: 'profile', pattern: /^profile(?:-part\d+)?\.js$/, manifestTypes: ['profile'], globals: ['profile'] },
  { kind: 'tweets', pattern: /^tweets?(?:-part\d+)?\.js$/, manifestTypes: ['tweets', 'tweet'], globals: ['tweets', 'tweet'] },
  { kind: 'follower', pattern: /^follower(?:-part\d+)?\.js$/, manifestTypes: ['follower'], globals: ['follower'] },
  { kind: 'following', pattern: /^following(?:-part\d+)?\.js$/, manifestTypes: ['following'], globals: ['following'] },
  { kind: 'like', pattern: /^like(?:-part\d+)?\.js$/, manifestTypes: ['like'], globals: ['like'] },
];

type RowKind = 'tweets' | 'follower' | 'following' | 'like';
type RowRecord = PostRecord | FollowRecord | InteractionRecord;

/** The pure normalizer of each row file, by kind. */
export const ROW_NORMALIZERS: Record<RowKind, (row: unknown, owner: AccountRef) => RowRecord | RowFault> = {
  tweets: normalizeTweet,
  follower: normalizeFollower,
  following: normalizeFollowing,
  like: normalizeLike,
};

/** The row kinds in reading order. */
export const ROW_KINDS: readonly RowKind[] = ['tweets', 'follower', 'following', 'like'];

export { KEY_FILE } from './detect.js';

/** The kind of data file a `window.YTD.<global>` names, if any. */
export function globalKind(global: string): FileKind | undefined {
  return FILE_HANDLERS.find((h) => h.globals.includes(global))?.kind;
}

const SKIP_REASONS: readonly [RegExp, string][] = [
  [/^direct-message|^message-event/, 'direct messages are private: not imported'],
  [/^deleted-/, 'deleted tweets are not imported'],
  [/^(?:block|mute|smartblock|direct-message-mute)\.js$/, 'blocks and mutes are private: not imported'],
  [/^(?:ad-|ads-)/, 'advertising data: not imported'],
  [/^community-tweet/, 'tweets posted in Communities are not imported (they are not in tweets.js)'],
  [/^note-tweet/, 'long-form text of tweets already imported from tweets.js'],
  [/^tweet-headers/, 'tweet ids and times, already in tweets.js'],
  [/^README\.txt$/i, "the archive's own documentation"],
];

/** Why a data-folder file that no handler reads is skipped. */
export function skipReason(baseName: string): string {
  for (const [pattern, reason] of SKIP_REASONS) if (pattern.test(baseName)) return reason;
  return 'not used by influence';
}

/** The part number of `tweets-part3.js` (3); 0 for `tweets.js`. */
export function partNumber(baseName: string): number {
  const m = /-part(\d+)\.js$/.exec(baseName);
  return m ? Number(m[1]) : 0;
}
