/**
 * TikTok records -> influence records. Pure: the owner is passed in. Dates have no time
 * zone and are read as UTC (`2024-12-15 19:03:14`; comments add ` UTC`). Item keys change
 * case between years (`date`/`Date`, `link`/`Link`/`VideoLink`), so fields are picked by
 * any spelling. A video is identified by the id in its link
 * (`https://www.tiktokv.com/share/video/7200255970008861998/`).
 */
import type { AccountRef, FollowRecord, InteractionRecord, PostRecord } from '../../store/records.js';
import { asObject } from '../own-data/meta-fields.js';
import { contentId } from '../own-data/ids.js';
import { parseSimpleHandle } from '../own-data/handles.js';
import { findEntities } from '../own-data/text-entities.js';
import { parseExportTime } from '../own-data/times.js';
import { pick } from './sections.js';
import { ValueError, describeValue, parseCount } from '../values.js';

/** The network name of TikTok records. */
export const TIKTOK = 'tiktok';

/** Why a record could not be converted. */
export interface Fault {
  field: string;
  reason: string;
  expected: string;
  /** how to mend it, when downloading the export again would not */
  fix?: string;
}

const fault = (field: string, reason: string, expected: string, fix?: string): Fault => ({ field, reason, expected, ...(fix ? { fix } : {}) });

/** A video named by a link: its id, and its author when the link says (`tiktok.com/@name/video/ID`). */
export function parseVideoLink(raw: unknown): { id: string; author?: string } | undefined {
  if (typeof raw !== 'string') return undefined;
  // a Link may hold several URLs, one per line (photo posts): the first with an id names the post
  for (const line of raw.split(/\s*[\r\n]+\s*|\s+/)) {
    const m = /\/(?:@([A-Za-z0-9._]{1,64})\/)?(?:video|photo|v)\/(\d{6,25})/.exec(line) ?? /[?&](?:item_id|video_id|share_item_id)=(\d{6,25})/.exec(line);
    if (m) return m.length === 3 && m[1] ? { id: m[2]!, author: m[1] } : { id: m[m.length - 1]! };
  }
  return undefined;
}

function timeOf(obj: Record<string, unknown>): number | undefined {
  return parseExportTime(pick(obj, 'Date', 'date', 'CreateTime', 'Time'));
}

/**
 * For a record whose date is optional: a fault when a date is written but cannot be read
 * (it was dropped without a word before), undefined when it is absent or 'N/A'.
 */
function unreadableDate(obj: Record<string, unknown>, time: number | undefined): Fault | undefined {
  if (time !== undefined) return undefined;
  const raw = pick(obj, 'Date', 'date', 'CreateTime', 'Time');
  if (raw === undefined || raw === null || (typeof raw === 'string' && (raw.trim() === '' || raw.trim() === 'N/A'))) return undefined;
  return fault('Date', `'${String(raw).slice(0, 40)}' is not a date`, 'a date such as 2024-12-15 19:03:14');
}

function userOf(obj: Record<string, unknown>): string | undefined {
  return parseSimpleHandle(pick(obj, 'UserName', 'username', 'userName', 'User Name'));
}

/** A follower (`direction` 'in') or followed account ('out') record -> one follow. */
export function convertFollow(item: unknown, owner: AccountRef, direction: 'in' | 'out'): FollowRecord | Fault {
  const obj = asObject(item);
  const handle = obj ? userOf(obj) : undefined;
  if (handle === undefined) return fault('UserName', 'is missing or not a user name', 'a TikTok user name such as jane.doe');
  const other: AccountRef = { network: TIKTOK, handle };
  const follow: FollowRecord = direction === 'in' ? { type: 'follow', follower: other, followee: owner } : { type: 'follow', follower: owner, followee: other };
  const t = timeOf(obj!);
  const bad = unreadableDate(obj!, t);
  if (bad) return bad;
  if (t !== undefined) follow.createdAt = t;
  return follow;
}

/** A Like List record (`{"date", "link"}`) -> one like of the video. */
export function convertLike(item: unknown, owner: AccountRef): InteractionRecord | Fault {
  const obj = asObject(item);
  if (!obj) return fault('', 'is not an object', '{"date": "…", "link": "…"}');
  const link = pick(obj, 'link', 'Link', 'VideoLink', 'Video Link');
  const video = parseVideoLink(link);
  const createdAt = timeOf(obj);
  const bad = unreadableDate(obj, createdAt);
  if (bad) return bad;
  if (!video && createdAt === undefined) return fault('link', 'names no video and the record has no date', 'a video link such as https://www.tiktokv.com/share/video/7200255970008861998/');
  const like: InteractionRecord = { type: 'interaction', actor: owner, kind: 'like' };
  if (video) like.targetPost = video.id;
  else if (typeof link === 'string' && link.trim()) like.targetPost = link.trim();
  if (video?.author) like.target = { network: TIKTOK, handle: video.author };
  if (createdAt !== undefined) like.createdAt = createdAt;
  return like;
}

/** A Comment list record (`{"date", "comment", "url"}`) -> a reply post to the video it names. */
export function convertComment(item: unknown, owner: AccountRef): PostRecord | Fault {
  const obj = asObject(item);
  if (!obj) return fault('', 'is not an object', '{"date": "…", "comment": "…"}');
  const createdAt = timeOf(obj);
  if (createdAt === undefined) return fault('date', 'is missing or not a date', 'a date such as 2024-12-15 19:03:14');
  const text = String(pick(obj, 'comment', 'Comment') ?? '');
  const link = pick(obj, 'url', 'originalPostUrl', 'original post link', 'videoLink', 'link', 'Link');
  const video = parseVideoLink(link);
  const post: PostRecord = {
    type: 'post',
    network: TIKTOK,
    externalId: contentId('comment', createdAt, video?.id ?? (typeof link === 'string' ? link : undefined), text),
    author: owner,
    createdAt,
    text,
    replyTo: video ? { externalId: video.id, ...(video.author ? { author: { network: TIKTOK, handle: video.author } } : {}) } : {},
  };
  addEntities(post, text);
  return post;
}

/** A Posts VideoList record (`{"Date", "Link", "Likes", "Title"}`) -> one post with its declared likes. */
export function convertPost(item: unknown, owner: AccountRef): PostRecord | Fault {
  const obj = asObject(item);
  if (!obj) return fault('', 'is not an object', '{"Date": "…", "Link": "…", "Likes": "…"}');
  const createdAt = timeOf(obj);
  if (createdAt === undefined) return fault('Date', 'is missing or not a date', 'a date such as 2024-12-15 19:03:14');
  const link = pick(obj, 'Link', 'VideoLink', 'link');
  const text = String(pick(obj, 'Title', 'Description', 'Caption', 'title') ?? '');
  const video = parseVideoLink(link);
  const post: PostRecord = { type: 'post', network: TIKTOK, externalId: video?.id ?? contentId('post', createdAt, text), author: owner, createdAt, text };
  const likes = countField(obj, 'Likes', 'likes', 'LikeCount');
  if (typeof likes === 'object') return likes;
  if (likes !== undefined) post.likes = likes;
  addEntities(post, text);
  return post;
}

/** A Reposts record (`{"Date", "Link"}`) -> the owner's reshare of the video. */
export function convertRepost(item: unknown, owner: AccountRef): PostRecord | Fault {
  const obj = asObject(item);
  if (!obj) return fault('', 'is not an object', '{"Date": "…", "Link": "…"}');
  const createdAt = timeOf(obj);
  if (createdAt === undefined) return fault('Date', 'is missing or not a date', 'a date such as 2024-12-15 19:03:14');
  const link = pick(obj, 'Link', 'link', 'VideoLink');
  const video = parseVideoLink(link);
  if (!video) return fault('Link', 'names no video', 'a video link such as https://www.tiktokv.com/share/video/7200255970008861998/');
  return {
    type: 'post',
    network: TIKTOK,
    externalId: contentId('repost', video.id, createdAt),
    author: owner,
    createdAt,
    text: '',
    reshareOf: { externalId: video.id, ...(video.author ? { author: { network: TIKTOK, handle: video.author } } : {}) },
  };
}

/** What TikTok writes in a count it does not have (compared in lower case). */
const NO_COUNT: ReadonlySet<string> = new Set(['', 'none', 'n/a']);

/**
 * A count written as text or number ("12", 12, "1,234"); undefined when absent or written
 * as none ("None", "N/A", "", null). Anything else is a ValueError with the bound and
 * wording every importer uses (values.ts parseCount): 1e300, -5, 2.5, "lots" and integers
 * past 2^53 were dropped without a word, so a profile's follower count went missing.
 */
export function readCount(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  let raw = v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (NO_COUNT.has(s.toLowerCase())) return undefined;
    raw = /^\d{1,3}(?:,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s;
  }
  const n = parseCount(raw);
  if (n !== undefined && !Number.isInteger(n)) throw new ValueError('a whole number such as 1200', 'check the value: a count of people or likes is a whole number');
  return n;
}

/** The count in `obj` under the first of `names` present: the count, undefined when absent, or a Fault naming the field. */
export function countField(obj: Record<string, unknown>, ...names: string[]): number | undefined | Fault {
  const v = pick(obj, ...names);
  try {
    return readCount(v);
  } catch (err) {
    if (!(err instanceof ValueError)) throw err;
    return fault(names[0]!, `${describeValue(v)} is not valid`, err.expected, err.fix);
  }
}

function addEntities(post: PostRecord, text: string): void {
  const { mentions, hashtags } = findEntities(text);
  if (mentions.length) post.mentions = mentions.map((handle) => ({ network: TIKTOK, handle }));
  if (hashtags.length) post.hashtags = hashtags;
}
