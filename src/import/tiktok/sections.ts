/**
 * TikTok's export is one JSON file (`user_data_tiktok.json`, earlier `user_data.json`) of
 * categories and sections, and the layout moves between years: the root was `Activity`,
 * then `Your Activity` beside `Profile`, `Post`, `Comment`, `Direct Message`; 2025 exports
 * move the follower lists to `Profile And Settings` and likes to `Likes and Favorites`.
 * So sections are found by the list they hold (`FansList`, `ItemFavoriteList`,
 * `CommentsList`, …) wherever they sit, two levels down at most. Empty lists are `null`.
 */
import { asObject } from '../own-data/meta-fields.js';

/** What a section holds, as far as influence cares. */
export type SectionKind = 'followers' | 'following' | 'likes' | 'comments' | 'posts' | 'reposts' | 'profile' | 'messages' | 'other';

/** One section of the export: where it is, what it is, and its records. */
export interface Section {
  /** 'Your Activity > Like List' */
  path: string;
  kind: SectionKind;
  /** the section's records (empty when the export wrote null) */
  items: unknown[];
  /** the profile map, for kind 'profile' */
  map?: Record<string, unknown>;
  /** for kind 'messages': conversations and messages counted (never read) */
  conversations?: number;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const LIST_KINDS: Record<string, SectionKind> = {
  fanslist: 'followers',
  itemfavoritelist: 'likes',
  commentslist: 'comments',
  repostlist: 'reposts',
};
const FOLLOWING_SECTIONS = new Set(['following', 'followinglist']);
const POST_SECTIONS = new Set(['posts', 'videos', 'video', 'post']);
const MESSAGE_CATEGORIES = new Set(['directmessage', 'directmessages', 'chathistory']);

/** Every section of the export that holds something, classified. */
export function findSections(doc: Record<string, unknown>): Section[] {
  const out: Section[] = [];
  for (const [category, catValue] of Object.entries(doc)) {
    const cat = asObject(catValue);
    if (!cat) continue;
    if (MESSAGE_CATEGORIES.has(norm(category))) {
      out.push(countMessages(category, cat));
      continue;
    }
    // the old layout's category may hold a list itself ({"Comment": {"CommentsList": [...]}})
    const own = classify(category, category, cat);
    if (own) {
      out.push(own);
      continue;
    }
    for (const [name, value] of Object.entries(cat)) {
      const section = asObject(value);
      const path = `${category} > ${name}`;
      if (section) {
        const found = classify(name, path, section);
        if (found) out.push(found);
        else if (MESSAGE_CATEGORIES.has(norm(name))) out.push({ path, kind: 'messages', ...countMessagesIn(section) });
        else if (holdsData(section)) out.push({ path, kind: 'other', items: [] });
      } else if (Array.isArray(value) && value.length > 0) out.push({ path, kind: 'other', items: value });
    }
  }
  return out;
}

/** The section's kind from its list key (and name), or undefined when it is not one influence reads. */
function classify(name: string, path: string, section: Record<string, unknown>): Section | undefined {
  for (const [key, value] of Object.entries(section)) {
    const k = norm(key);
    const items = Array.isArray(value) ? value : [];
    if (value !== null && !Array.isArray(value) && k !== 'profilemap' && k !== 'chathistory') continue;
    if (LIST_KINDS[k]) return { path, kind: LIST_KINDS[k]!, items };
    if (k === 'following' && FOLLOWING_SECTIONS.has(norm(name))) return { path, kind: 'following', items };
    if (k === 'videolist' && POST_SECTIONS.has(norm(name))) return { path, kind: 'posts', items };
    if (k === 'profilemap' && asObject(value)) return { path, kind: 'profile', items: [], map: asObject(value)! };
    if (k === 'chathistory') return { path, kind: 'messages', ...countMessagesIn(section) };
  }
  return undefined;
}

/** A direct-message category, counted: conversations are keys ending with ':' ("Chat History with bob:"). */
function countMessages(category: string, cat: Record<string, unknown>): Section {
  return { path: category, kind: 'messages', ...countMessagesIn(cat) };
}

function countMessagesIn(node: unknown, depth = 0): { conversations: number; items: unknown[] } {
  let conversations = 0;
  const items: unknown[] = [];
  const obj = asObject(node);
  if (!obj || depth > 4) return { conversations, items };
  for (const [key, value] of Object.entries(obj)) {
    if (Array.isArray(value)) {
      if (key.trimEnd().endsWith(':') || value.some((m) => asObject(m) && ('Content' in asObject(m)! || 'content' in asObject(m)!))) conversations++;
      items.push(...value);
    } else {
      const inner = countMessagesIn(value, depth + 1);
      conversations += inner.conversations;
      items.push(...inner.items);
    }
  }
  return { conversations, items };
}

const EMPTY_VALUES = new Set(['', 'n/a', 'none', 'null', '0', 'default']);

/** True when a section holds anything (null, [], {}, "", "N/A" and "None" are TikTok's empty values). */
function holdsData(v: unknown, depth = 0): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return !EMPTY_VALUES.has(v.trim().toLowerCase());
  const obj = asObject(v);
  if (!obj || depth > 3) return false;
  return Object.entries(obj).some(([k, x]) => k !== 'App' && k !== 'IsFastLane' && holdsData(x, depth + 1));
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

/** Why a section of kind 'other' is not imported. */
export function skipReason(path: string): string {
  const key = norm(path);
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
