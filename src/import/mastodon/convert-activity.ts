/**
 * One outbox activity -> one PostRecord. Pure: no I/O, the owner is passed in.
 * `Create` wraps the status (a `Note`, or a `Question` for a poll); `Announce` is a boost
 * whose `object` is only the boosted status URI.
 */
import type { AccountRef, PostRecord, Visibility } from '../../store/records.js';
import { convertHtmlToText } from './html-to-text.js';
import { NETWORK, inferHandleFromUri, isFollowersCollection, isPublicAddress, mastodonRef, normalizeAddress, refFromUri } from './addresses.js';
import { isObject, linkId, parseIsoTime, stringField, stringList } from './read-json-entry.js';

/** The archive owner: every outbox activity is theirs. */
export interface Owner {
  ref: AccountRef;
  /** the owner's instance host, added to local mentions (`@user` -> `user@host`) */
  host: string;
}

/** What an activity became: a post, a direct message (not imported), an unsupported type, or a shape problem. */
export type ActivityResult =
  | { kind: 'post'; post: PostRecord }
  | { kind: 'direct' }
  | { kind: 'unsupported'; type: string }
  | { kind: 'problem'; field: string; reason: string; expected: string };

const STATUS_TYPES = new Set(['Note', 'Question']);

/**
 * Visibility from the addressing, as Mastodon writes it: public = the Public collection in
 * `to`; unlisted = Public in `cc`; followers-only = a followers collection in `to`;
 * direct = none of these (only the mentioned accounts are addressed).
 */
export function classifyVisibility(to: readonly string[], cc: readonly string[]): Visibility {
  if (to.some(isPublicAddress)) return 'public';
  if (cc.some(isPublicAddress)) return 'unlisted';
  if (to.some(isFollowersCollection)) return 'followers';
  return 'direct';
}

/** Converts one `orderedItems` entry. */
export function convertActivity(item: unknown, owner: Owner): ActivityResult {
  if (!isObject(item)) return problem('', 'is not an object', 'an ActivityStreams activity object');
  const type = stringField(item, 'type');
  if (type === undefined) return problem('type', 'is missing', "an activity type such as 'Create' or 'Announce'");
  if (type === 'Create') return convertCreate(item, owner);
  if (type === 'Announce') return convertAnnounce(item, owner);
  return { kind: 'unsupported', type: describeType(type) };
}

function convertCreate(item: Record<string, unknown>, owner: Owner): ActivityResult {
  const object = item['object'];
  if (!isObject(object)) {
    return problem('object', object === undefined ? 'is missing' : 'is not an embedded object', 'the created status: an object of type Note or Question');
  }
  const objectType = stringField(object, 'type');
  if (objectType === undefined || !STATUS_TYPES.has(objectType)) return { kind: 'unsupported', type: `Create ${objectType === undefined ? '(no type)' : describeType(objectType)}` };
  const id = stringField(object, 'id');
  if (!id) return problem('object.id', 'is missing', "the status URI, e.g. 'https://host/users/name/statuses/123'");
  const createdAt = parseIsoTime(object['published']) ?? parseIsoTime(item['published']);
  if (createdAt === undefined) return problem('object.published', 'is missing, not a date, or outside 1990-01-01 to 2100-01-01', "an ISO 8601 time such as '2024-01-02T03:04:05Z'");

  const addressed = 'to' in item || 'cc' in item ? item : object;
  const visibility = classifyVisibility(stringList(addressed['to']), stringList(addressed['cc']));
  if (visibility === 'direct') return { kind: 'direct' };

  const contentMap = isObject(object['contentMap']) ? object['contentMap'] : undefined;
  const lang = contentMap ? Object.keys(contentMap)[0] : undefined;
  const html = stringField(object, 'content') ?? (contentMap && lang !== undefined && typeof contentMap[lang] === 'string' ? (contentMap[lang] as string) : '');
  const { mentions, hashtags } = readTags(object['tag'], owner);
  const inReplyTo = linkId(object['inReplyTo']);

  const post: PostRecord = {
    type: 'post',
    network: NETWORK,
    externalId: id,
    author: owner.ref,
    createdAt,
    text: convertHtmlToText(html),
    visibility,
  };
  if (lang) post.lang = lang;
  if (inReplyTo) post.replyTo = withAuthor(inReplyTo, refFromUri(inReplyTo));
  if (mentions.length > 0) post.mentions = mentions;
  if (hashtags.length > 0) post.hashtags = hashtags;
  return { kind: 'post', post };
}

function convertAnnounce(item: Record<string, unknown>, owner: Owner): ActivityResult {
  const id = stringField(item, 'id');
  if (!id) return problem('id', 'is missing', "the boost's activity URI");
  const objectUri = linkId(item['object']);
  if (!objectUri) return problem('object', 'is missing or not a URI', "the boosted status URI, e.g. 'https://host/users/name/statuses/123'");
  const createdAt = parseIsoTime(item['published']);
  if (createdAt === undefined) return problem('published', 'is missing, not a date, or outside 1990-01-01 to 2100-01-01', "an ISO 8601 time such as '2024-01-02T03:04:05Z'");
  const cc = stringList(item['cc']);
  const visibility = classifyVisibility(stringList(item['to']), cc);
  if (visibility === 'direct') return { kind: 'direct' };
  return {
    kind: 'post',
    post: {
      type: 'post',
      network: NETWORK,
      externalId: id,
      author: owner.ref,
      createdAt,
      reshareOf: withAuthor(objectUri, findBoostedAuthor(cc, objectUri)),
      visibility,
    },
  };
}

/**
 * The boosted status's author: Mastodon puts the author's actor URI in the Announce's `cc`
 * beside the booster's followers collection; failing that, the status URI's path names it.
 */
export function findBoostedAuthor(cc: readonly string[], objectUri: string): AccountRef | undefined {
  const fromUri = inferHandleFromUri(objectUri);
  const actors = cc
    .filter((a) => !isPublicAddress(a) && !isFollowersCollection(a) && !/\/following\/?$/.test(a))
    .map(inferHandleFromUri)
    .filter((h): h is string => h !== undefined);
  const handle = (fromUri && actors.find((h) => h.toLowerCase() === fromUri.toLowerCase())) ?? actors[0] ?? fromUri;
  return handle ? mastodonRef(handle) : undefined;
}

function readTags(tags: unknown, owner: Owner): { mentions: AccountRef[]; hashtags: string[] } {
  const mentions = new Map<string, AccountRef>();
  const hashtags = new Map<string, string>();
  for (const tag of Array.isArray(tags) ? tags : isObject(tags) ? [tags] : []) {
    if (!isObject(tag)) continue;
    const type = stringField(tag, 'type');
    const name = stringField(tag, 'name');
    if (type === 'Mention') {
      const handle = mentionHandle(name, stringField(tag, 'href'), owner.host);
      if (handle && !mentions.has(handle.toLowerCase())) mentions.set(handle.toLowerCase(), mastodonRef(handle));
    } else if (type === 'Hashtag' && name) {
      const tagName = name.replace(/^#/, '').trim();
      if (tagName && !hashtags.has(tagName.toLowerCase())) hashtags.set(tagName.toLowerCase(), tagName);
    }
    // Emoji (custom emoji shortcodes) and other tag types carry no account or topic.
  }
  return { mentions: [...mentions.values()], hashtags: [...hashtags.values()] };
}

/** `@user@host` as is; `@user` (a local account) gets the owner's host; else the href's path. */
function mentionHandle(name: string | undefined, href: string | undefined, ownerHost: string): string | undefined {
  if (name) {
    const bare = name.trim().replace(/^@/, '');
    const handle = normalizeAddress(bare.includes('@') ? bare : `${bare}@${ownerHost}`);
    if (handle) return handle;
  }
  return href ? inferHandleFromUri(href) : undefined;
}

function withAuthor(externalId: string, author: AccountRef | undefined): { externalId: string; author?: AccountRef } {
  return author ? { externalId, author } : { externalId };
}

// A type name from the file goes into a message: keep it short and printable.
function describeType(type: string): string {
  return type.replace(/[^\w:.-]/g, '?').slice(0, 40);
}

function problem(field: string, reason: string, expected: string): ActivityResult {
  return { kind: 'problem', field, reason, expected };
}
