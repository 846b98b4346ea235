/**
 * One archive tweet -> one PostRecord. Pure. The archive has no author object (every tweet
 * is the owner's), no retweet flag (only the `RT @user: ` text prefix) and no quote field
 * (only a status link among the URLs); see FORMATS.md.
 */
import type { AccountRef, PostRecord, PostRef } from '../../store/records.js';
import { decodeEntities } from '../../html-entities.js';
import { type RowFault, fault } from './row-fault.js';
import { NETWORK, asArray, asObject, makeRef, parseStatusUrl, parseTwitterDate, readCountField, readHandle, readId, readString } from './values.js';

const RETWEET = /^RT @(\w{1,50}):/;

/** Normalizes `{"tweet": {...}}` (or the bare tweet object) written by `owner`. */
export function normalizeTweet(row: unknown, owner: AccountRef): PostRecord | RowFault {
  const outer = asObject(row);
  const t = asObject(outer?.['tweet']) ?? outer;
  if (!t) return fault('tweet', 'not an object', 'an object {"tweet": {...}}');
  const externalId = readId(t['id_str']) ?? readId(t['id']);
  if (externalId === undefined) return fault('id_str', 'missing or not a tweet id', 'a string of digits');
  const createdAt = parseTwitterDate(t['created_at']);
  if (createdAt === undefined) return fault('created_at', 'missing or not a date', 'a date like "Fri Mar 06 13:02:05 +0000 2026"');
  // Twitter stores &, < and > as entities; the text a reader sees has them decoded
  const text = decodeEntities(readString(t['full_text']) ?? readString(t['text']) ?? '');
  const entities = asObject(t['entities']) ?? {};
  const post: PostRecord = { type: 'post', network: NETWORK, externalId, author: owner, createdAt, text };
  const lang = readString(t['lang']);
  if (lang !== undefined) post.lang = lang; // 'qme', 'und', 'zxx', 'qam' kept as given
  const hashtags = readHashtags(entities);
  if (hashtags.length > 0) post.hashtags = hashtags;

  const retweeted = RETWEET.exec(text);
  if (retweeted) {
    // The original's id and counts are lost ("0" is not its count); its text, mentions,
    // links and reply fields are the original author's, not the owner's.
    post.reshareOf = { author: retweetedAuthor(retweeted[1]!, entities) };
    return post;
  }
  const likes = readCountField(t['favorite_count']);
  if (likes === 'invalid') return fault('favorite_count', 'is not a count', 'a string of digits such as "12"');
  if (likes !== undefined) post.likes = likes;
  const reshares = readCountField(t['retweet_count']);
  if (reshares === 'invalid') return fault('retweet_count', 'is not a count', 'a string of digits such as "12"');
  if (reshares !== undefined) post.reshares = reshares;
  const replyTo = readReplyTo(t);
  if (replyTo) post.replyTo = replyTo;
  const quoteOf = readQuoteOf(entities, externalId, replyTo?.externalId);
  if (quoteOf) post.quoteOf = quoteOf;
  const mentions = readMentions(entities);
  if (mentions.length > 0) post.mentions = mentions;
  return post;
}

function readHashtags(entities: Record<string, unknown>): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const h of asArray(entities['hashtags'])) {
    const tag = readString(asObject(h)?.['text']);
    if (tag === undefined || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** user_mentions as refs; an id of "-1" (unresolvable) keeps only the handle. */
function readMentions(entities: Record<string, unknown>): AccountRef[] {
  const seen = new Set<string>();
  const refs: AccountRef[] = [];
  for (const m of asArray(entities['user_mentions'])) {
    const o = asObject(m);
    const ref = makeRef(readHandle(o?.['screen_name']), readId(o?.['id_str']) ?? readId(o?.['id']));
    if (!ref) continue;
    const key = ref.handle !== undefined ? `h:${ref.handle.toLowerCase()}` : `i:${ref.externalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push(ref);
  }
  return refs;
}

/** The author named by `RT @handle:`, with its id from the matching user_mention. */
function retweetedAuthor(handle: string, entities: Record<string, unknown>): AccountRef {
  for (const m of asArray(entities['user_mentions'])) {
    const o = asObject(m);
    const name = readHandle(o?.['screen_name']);
    if (name !== undefined && name.toLowerCase() === handle.toLowerCase()) {
      return makeRef(name, readId(o?.['id_str']) ?? readId(o?.['id']))!;
    }
  }
  return { network: NETWORK, handle };
}

/** Reply keys are absent on non-replies; some replies name the user but no status. */
function readReplyTo(t: Record<string, unknown>): PostRef | undefined {
  const status = readId(t['in_reply_to_status_id_str']) ?? readId(t['in_reply_to_status_id']);
  const author = makeRef(readHandle(t['in_reply_to_screen_name']), readId(t['in_reply_to_user_id_str']) ?? readId(t['in_reply_to_user_id']));
  if (status === undefined && author === undefined) return undefined;
  const ref: PostRef = {};
  if (status !== undefined) ref.externalId = status;
  if (author !== undefined) ref.author = author;
  return ref;
}

/**
 * A quote is visible only as a status link among the URLs. The last such link wins (the
 * quoted tweet's link comes last); a link to the tweet itself or to the tweet it replies
 * to is not a quote.
 */
function readQuoteOf(entities: Record<string, unknown>, ownId: string, replyToId: string | undefined): PostRef | undefined {
  let found: { id: string; handle?: string } | undefined;
  for (const u of asArray(entities['urls'])) {
    const link = parseStatusUrl(asObject(u)?.['expanded_url']);
    if (link && link.id !== ownId && link.id !== replyToId) found = link;
  }
  if (!found) return undefined;
  const ref: PostRef = { externalId: found.id };
  if (found.handle !== undefined) ref.author = { network: NETWORK, handle: found.handle };
  return ref;
}
