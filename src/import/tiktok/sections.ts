/**
 * TikTok's export is one JSON file (`user_data_tiktok.json`, earlier `user_data.json`) of
 * categories and sections, and the layout moves between years: the root was `Activity`,
 * then `Your Activity` beside `Profile`, `Post`, `Comment`, `Direct Message`; 2025 exports
 * move the follower lists to `Profile And Settings` and likes to `Likes and Favorites`.
 * So a record is recognised by the list that holds it (`FansList`, `ItemFavoriteList`,
 * `CommentsList`, …), wherever that list sits, from its path in the file:
 * `[category, section, list, index]`, or `[category, list, index]` in old files. Empty
 * lists are `null`.
 *
 * Direct messages are recognised the same way (a `Direct Message(s)` category, or a list
 * under a key ending with a colon: `"Chat History with bob:"`) and only counted: the
 * reader never parses them.
 */
import type { JsonKey, JsonKind } from '../own-data/read-json.js';

/** What a section holds, as far as influence cares. */
export type RecordKind = 'followers' | 'following' | 'likes' | 'comments' | 'posts' | 'reposts';

const norm = (s: JsonKey | undefined): string => String(s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

const LIST_KINDS: Record<string, RecordKind> = {
  fanslist: 'followers',
  itemfavoritelist: 'likes',
  commentslist: 'comments',
  repostlist: 'reposts',
};
const FOLLOWING_SECTIONS = new Set(['following', 'followinglist']);
const POST_SECTIONS = new Set(['posts', 'videos', 'video', 'post']);
const MESSAGE_CATEGORIES = new Set(['directmessage', 'directmessages', 'chathistory']);

/** What the value at a path is. */
export type PathClass =
  | { type: 'record'; kind: RecordKind; section: string }
  | { type: 'list'; kind: RecordKind }
  | { type: 'profile'; section: string }
  | { type: 'message'; section: string; conversation?: string }
  | { type: 'other-record'; section: string }
  | { type: 'none' };

/** The kind of a list from its section's name and its own key, or undefined when influence does not read it. */
function listKind(sectionName: JsonKey | undefined, listKey: JsonKey | undefined): RecordKind | undefined {
  const k = norm(listKey);
  if (LIST_KINDS[k]) return LIST_KINDS[k];
  if (k === 'following' && FOLLOWING_SECTIONS.has(norm(sectionName))) return 'following';
  if (k === 'videolist' && POST_SECTIONS.has(norm(sectionName))) return 'posts';
  return undefined;
}

/** Classifies the value at `path` (see the module comment for the shapes). */
export function classifyPath(path: readonly JsonKey[], kind: JsonKind): PathClass {
  const n = path.length;
  const last = path[n - 1];
  const isElement = typeof last === 'number';
  const section = (depth: number): string => path.slice(0, Math.min(depth, n)).map(String).join(' > ');
  const inMessages = MESSAGE_CATEGORIES.has(norm(path[0])) || path.some((k, i) => i < n - 1 && typeof k === 'string' && k.trimEnd().endsWith(':') && typeof path[i + 1] === 'number');
  if (inMessages) {
    if (!isElement || n < 2) return { type: 'none' };
    const parent = path[n - 2];
    const conversation = typeof parent === 'string' && parent.trimEnd().endsWith(':') ? parent : undefined;
    // only the elements of the message lists themselves, not arrays nested in a message
    const nested = path.slice(0, n - 2).some((k) => typeof k === 'number');
    return nested ? { type: 'none' } : { type: 'message', section: section(MESSAGE_CATEGORIES.has(norm(path[0])) ? 1 : 2), ...(conversation ? { conversation } : {}) };
  }
  if (kind === 'object' && norm(last) === 'profilemap' && (n === 2 || n === 3)) return { type: 'profile', section: section(n - 1) };
  // the list itself (null when empty): its section exists, so its count is known, if 0
  if (kind !== 'object' && (n === 3 || n === 2)) {
    const k = n === 3 ? listKind(path[1], path[2]) : listKind(path[0], path[1]);
    if (k) return { type: 'list', kind: k };
  }
  if (isElement && n === 4) {
    const k = listKind(path[1], path[2]);
    if (k) return { type: 'record', kind: k, section: section(2) };
  }
  if (isElement && n === 3) {
    const k = listKind(path[0], path[1]);
    if (k) return { type: 'record', kind: k, section: section(1) };
  }
  if (isElement && n >= 3 && !path.slice(0, n - 1).some((k) => typeof k === 'number')) return { type: 'other-record', section: section(2) };
  return { type: 'none' };
}

const SKIP_REASONS: ReadonlyArray<[RegExp, string]> = [
  [/watch|browsing|viewed/, 'viewing history: not imported'],
  [/search/, 'search history is private: not imported'],
  [/favorite|collection/, 'favourites (bookmarks) are private: not imported'],
  [/login|status|autofill|device|location|settings|privacy|ads|adinterest|offtiktok|usagedata/, 'account, device and advertising data are private: not imported'],
  [/block/, 'blocks are private: not imported'],
  [/share/, 'shares (sent in messages or outside TikTok) are private: not imported'],
  [/purchase|gift|wallet|coin|transaction|shop|order|payment|address|voucher|cart/, 'purchases are private: not imported'],
  [/live/, 'LIVE history: not imported'],
  [/deleted/, 'deleted posts: not imported'],
];

/** Why a section that holds records influence does not read is not imported. */
export function skipReason(section: string): string {
  const key = norm(section);
  for (const [re, reason] of SKIP_REASONS) if (re.test(key)) return reason;
  return 'not used by influence';
}

/** A field of a TikTok record by any of its spellings (`date`, `Date`; `link`, `Link`, `VideoLink`). */
export function pick(obj: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (Object.hasOwn(obj, n)) return obj[n];
  const wanted = new Set(names.map(norm));
  for (const [k, v] of Object.entries(obj)) if (wanted.has(norm(k))) return v;
  return undefined;
}
