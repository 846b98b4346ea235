/**
 * LinkedIn rows -> influence records. Pure: the owner is passed in.
 *   - A connection is a follow in both directions (LinkedIn connections are mutual).
 *     The connection is known by the profile link (`URL`, from 2023) or, in earlier
 *     exports with no link, by name only: the account's id is then `name:<first last>`.
 *   - A share is a post; a share whose `SharedUrl` is another LinkedIn post reshares it
 *     (or quotes it, when the owner wrote text with it).
 *   - A comment is a reply post to the post in its `Link`.
 *   - A reaction (LIKE, PRAISE, EMPATHY, …) is a like of the post in its `Link`.
 * Posts are identified by their URN (`urn:li:share:6973…`, `urn:li:activity:…`); times
 * have no zone and are read as UTC.
 */
import type { AccountRef, AccountRecord, InteractionRecord, PostRecord, Visibility } from '../../store/records.js';
import { contentId } from '../own-data/ids.js';
import { parseLinkedinHandle } from '../own-data/handles.js';
import { findEntities } from '../own-data/text-entities.js';
import { parseExportTime } from '../own-data/times.js';
import type { CsvRow } from './read-csv.js';

/** The network name of LinkedIn records. */
export const LINKEDIN = 'linkedin';

/** Why a row could not be converted. */
export interface Fault {
  field: string;
  reason: string;
  expected: string;
}

const fault = (field: string, reason: string, expected: string): Fault => ({ field, reason, expected });

/**
 * The URN of what a LinkedIn link points at: the post (`…/feed/update/urn%3Ali%3Aactivity%3A123`
 * -> `urn:li:activity:123`), or the comment or reply it names in `?commentUrn=` /
 * `?replyUrn=` (a reaction to a comment is not a reaction to the post). Undefined when
 * the link names none.
 */
export function postUrn(link: string | undefined): string | undefined {
  if (!link) return undefined;
  const raw = link.trim();
  for (const param of ['replyUrn', 'commentUrn']) {
    const m = new RegExp(`[?&]${param}=([^&#\\s]+)`).exec(raw);
    const urn = m ? decodeUrn(m[1]!) : undefined;
    if (urn) return urn;
  }
  return decodeUrn(raw.replace(/[?#].*$/s, '')) ?? slugOf(raw);
}

function decodeUrn(s: string): string | undefined {
  let text = s;
  try {
    text = decodeURIComponent(s);
  } catch {
    // keep the raw text: a stray % is not fatal
  }
  const m = /urn:li:([A-Za-z_]+):([^/?#\s&]+)/.exec(text);
  return m ? `urn:li:${m[1]}:${m[2]}` : undefined;
}

function slugOf(s: string): string | undefined {
  const m = /linkedin\.com\/(?:posts|pulse)\/([^/?#\s]+)/i.exec(s);
  return m ? `linkedin:${m[1]}` : undefined;
}

/**
 * LinkedIn writes a multi-line share with each paragraph in its own quotes inside the
 * field: after reading the CSV the text is `para one"\n""\n"para two`. The paragraph
 * quotes are removed when every line carries them; other text is kept as written.
 */
export function cleanCommentary(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.length < 2) return text.trim();
  const wrapped = lines.every((l, i) => (i === 0 || l.startsWith('"')) && (i === lines.length - 1 || l.endsWith('"')));
  if (!wrapped) return text.trim();
  return lines
    .map((l, i) => {
      let s = l;
      if (i > 0) s = s.slice(1);
      if (i < lines.length - 1) s = s.slice(0, -1);
      return s;
    })
    .join('\n')
    .trim();
}

/** A connection's account: by profile link when the export has one, else by name. Undefined when the row names no one. */
export function connectionAccount(row: CsvRow): AccountRecord | undefined {
  const first = (row.get('firstname') ?? '').trim();
  const last = (row.get('lastname') ?? '').trim();
  const name = `${first} ${last}`.trim();
  const handle = parseLinkedinHandle(row.get('url') ?? row.get('profileurl'));
  if (handle === undefined && !name) return undefined;
  const ref: AccountRef = handle !== undefined ? { network: LINKEDIN, handle } : { network: LINKEDIN, externalId: `name:${name.toLowerCase().replace(/\s+/g, ' ')}` };
  const rec: AccountRecord = { type: 'account', ref };
  if (name) rec.displayName = name;
  const position = (row.get('position') ?? '').trim();
  const company = (row.get('company') ?? '').trim();
  if (position || company) rec.bio = [position, company].filter(Boolean).join(' at ');
  return rec;
}

/** The day a connection was made (`09 Sep 2022`), or undefined. */
export function connectedOn(row: CsvRow): number | undefined {
  return parseExportTime(row.get('connectedon'));
}

const VISIBILITY: Record<string, Visibility> = { PUBLIC: 'public', ANYONE: 'public', MEMBER_NETWORK: 'followers', CONNECTIONS: 'followers', CONNECTIONS_ONLY: 'followers' };

/** A Shares.csv row -> the owner's post (a reshare or quote when it shares another LinkedIn post). */
export function convertShare(row: CsvRow, owner: AccountRef): PostRecord | Fault {
  const createdAt = parseExportTime(row.get('date'));
  if (createdAt === undefined) return fault('Date', `'${(row.get('date') ?? '').slice(0, 40)}' is not a date`, 'a date such as 2022-09-08 04:10:18');
  const text = cleanCommentary(row.get('sharecommentary') ?? '');
  const shareLink = row.get('sharelink');
  const post: PostRecord = {
    type: 'post',
    network: LINKEDIN,
    externalId: postUrn(shareLink) ?? contentId('share', createdAt, shareLink, text),
    author: owner,
    createdAt,
    text,
  };
  const shared = postUrn(row.get('sharedurl'));
  if (shared !== undefined && shared !== post.externalId) {
    if (text) post.quoteOf = { externalId: shared };
    else post.reshareOf = { externalId: shared };
  }
  const visibility = VISIBILITY[(row.get('visibility') ?? '').trim().toUpperCase()];
  if (visibility) post.visibility = visibility;
  const { hashtags } = findEntities(text);
  if (hashtags.length) post.hashtags = hashtags;
  return post;
}

/** A Comments.csv row -> the owner's reply to the post in `Link`. */
export function convertComment(row: CsvRow, owner: AccountRef): PostRecord | Fault {
  const createdAt = parseExportTime(row.get('date'));
  if (createdAt === undefined) return fault('Date', `'${(row.get('date') ?? '').slice(0, 40)}' is not a date`, 'a date such as 2022-09-08 18:34:12');
  const link = row.get('link');
  const text = (row.get('message') ?? '').replace(/\r\n?/g, '\n');
  const target = postUrn(link);
  const post: PostRecord = {
    type: 'post',
    network: LINKEDIN,
    externalId: contentId('comment', createdAt, target ?? link, text),
    author: owner,
    createdAt,
    text,
    replyTo: target !== undefined ? { externalId: target } : {},
  };
  const { hashtags } = findEntities(text);
  if (hashtags.length) post.hashtags = hashtags;
  return post;
}

/** A Reactions.csv row -> the owner's like of the post in `Link` (every reaction type is a like). */
export function convertReaction(row: CsvRow, owner: AccountRef): InteractionRecord | Fault {
  const createdAt = parseExportTime(row.get('date'));
  const target = postUrn(row.get('link'));
  if (target === undefined) return fault('Link', 'names no LinkedIn post', 'a post link such as https://www.linkedin.com/feed/update/urn:li:activity:6969031097334599680');
  const like: InteractionRecord = { type: 'interaction', actor: owner, kind: 'like', targetPost: target };
  if (createdAt !== undefined) like.createdAt = createdAt;
  return like;
}
