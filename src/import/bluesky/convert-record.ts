/**
 * One repository record -> normalized records. Pure: the owner and the record arrive as
 * arguments. Field names follow the app.bsky lexicons:
 * - `app.bsky.feed.post`: `text`, `createdAt`, `langs`, `reply.parent` (the post replied
 *   to), `embed` (a quote is `app.bsky.embed.record` -> `record`, or
 *   `app.bsky.embed.recordWithMedia` -> `record.record`, a strong ref to a post), `facets`
 *   (mentions by DID, hashtags) and `tags`.
 * - `app.bsky.feed.repost` and `app.bsky.feed.like`: `subject` (a strong ref: `uri`, `cid`)
 *   and `createdAt`; the subject's author is the DID in its URI.
 * - `app.bsky.graph.follow`: `subject` (a DID) and `createdAt`.
 * - `app.bsky.actor.profile` (key `self`): `displayName`, `description`. It holds no handle.
 * Shapes of early 2023, which legacy repositories can still hold: `app.bsky.feed.vote`
 * (`direction` 'up' is a like, 'down' is not; replaced by likes in March 2023), a follow
 * `subject` that is an object `{did, declarationCid}`, and post mentions in `entities`
 * (`{type: 'mention', value: DID}`) before facets.
 */
import type { AccountRef, FollowRecord, InteractionRecord, PostRecord, PostRef } from '../../store/records.js';
import { parseDatetime } from './datetime.js';
import { isMap } from './decode-block.js';
import { NETWORK, accountOf, isDid, parseAtUri, recordUri } from './identifiers.js';

/** The repository being read. */
export interface RepoOwner {
  did: string;
  ref: AccountRef;
}

/** What a record became. `time` is its createdAt, for the plausibility report. */
export type Converted =
  | { kind: 'post'; rec: PostRecord; time: number }
  | { kind: 'interaction'; rec: InteractionRecord; time: number }
  | { kind: 'follow'; rec: FollowRecord; time: number }
  | { kind: 'profile'; displayName?: string; bio?: string; defaultAvatar?: boolean }
  | { kind: 'skip'; reason: string }
  | { kind: 'problem'; field: string; reason: string; expected: string };

/** The collections influence reads, by NSID. */
export const READ_COLLECTIONS = {
  post: 'app.bsky.feed.post',
  like: 'app.bsky.feed.like',
  repost: 'app.bsky.feed.repost',
  follow: 'app.bsky.graph.follow',
  profile: 'app.bsky.actor.profile',
  vote: 'app.bsky.feed.vote',
} as const;

const POST = READ_COLLECTIONS.post;
const DATETIME_EXPECTED = "an RFC 3339 date-time such as '2024-02-22T18:44:31.123Z'";
const STRONG_REF_EXPECTED = "a strong reference {uri: 'at://did:…/app.bsky.feed.post/…', cid}";

/** Converts the record at `collection/rkey`, or undefined when the collection is not one influence reads. */
export function convertRecord(collection: string, rkey: string, value: unknown, owner: RepoOwner): Converted | undefined {
  switch (collection) {
    case READ_COLLECTIONS.post:
      return convertPost(rkey, value, owner);
    case READ_COLLECTIONS.repost:
      return convertRepost(rkey, value, owner);
    case READ_COLLECTIONS.like:
      return convertLike(value, owner);
    case READ_COLLECTIONS.vote:
      return isMap(value) && value['direction'] === 'down' ? { kind: 'skip', reason: 'down votes (early 2023) are not likes' } : convertLike(value, owner);
    case READ_COLLECTIONS.follow:
      return convertFollow(value, owner);
    case READ_COLLECTIONS.profile:
      return convertProfile(value);
    default:
      return undefined;
  }
}

function problem(field: string, reason: string, expected: string): Converted {
  return { kind: 'problem', field, reason, expected };
}

/** The record's createdAt, or the problem that it is missing or unreadable. */
function readCreatedAt(record: Record<string, unknown>): number | Converted {
  const raw = record['createdAt'];
  const t = parseDatetime(raw);
  if (t !== undefined) return t;
  return problem('createdAt', raw === undefined ? 'is missing' : `is not a date-time: ${JSON.stringify(raw).slice(0, 80)}`, DATETIME_EXPECTED);
}

function convertPost(rkey: string, value: unknown, owner: RepoOwner): Converted {
  if (!isMap(value)) return problem('', 'is not a record object', 'a DAG-CBOR map');
  const createdAt = readCreatedAt(value);
  if (typeof createdAt !== 'number') return createdAt;
  const post: PostRecord = {
    type: 'post',
    network: NETWORK,
    externalId: recordUri(owner.did, POST, rkey),
    author: owner.ref,
    createdAt,
    visibility: 'public', // everything in a repository is public
  };
  if (typeof value['text'] === 'string') post.text = value['text'];
  const langs = value['langs'];
  if (Array.isArray(langs) && typeof langs[0] === 'string' && langs[0] !== '') post.lang = langs[0];

  const reply = value['reply'];
  if (reply !== undefined) {
    const parent = isMap(reply) ? postRef(reply['parent']) : undefined;
    if (!parent) return problem('reply.parent', 'is not a reference to a post', STRONG_REF_EXPECTED);
    post.replyTo = parent;
  }
  const quoted = quotedRef(value['embed']);
  if (quoted === null) return problem('embed.record', 'is not a reference to a record', STRONG_REF_EXPECTED);
  if (quoted) post.quoteOf = quoted;

  const { mentions, hashtags } = readFacets(value['facets'], value['tags'], value['entities'], owner.did);
  if (mentions.length) post.mentions = mentions;
  if (hashtags.length) post.hashtags = hashtags;
  return { kind: 'post', rec: post, time: createdAt };
}

/** A strong reference's URI as a post reference (id and author), when it names a post. */
function postRef(ref: unknown): PostRef | undefined {
  if (!isMap(ref)) return undefined;
  const uri = ref['uri'];
  const at = parseAtUri(uri);
  if (!at || at.collection !== POST) return undefined;
  return { externalId: uri as string, author: accountOf(at.authority) };
}

/**
 * The quoted post of an embed: `app.bsky.embed.record` holds the strong ref in `record`,
 * `app.bsky.embed.recordWithMedia` one level down in `record.record`. An embedded feed,
 * list, starter pack or labeler is not a quote of a post (undefined). null: a record embed
 * whose reference cannot be read.
 */
function quotedRef(embed: unknown): PostRef | undefined | null {
  if (!isMap(embed)) return undefined;
  const type = embed['$type'];
  let ref: unknown;
  if (type === 'app.bsky.embed.record') ref = embed['record'];
  else if (type === 'app.bsky.embed.recordWithMedia') ref = isMap(embed['record']) ? embed['record']['record'] : undefined;
  else return undefined;
  const at = isMap(ref) ? parseAtUri(ref['uri']) : undefined;
  if (!at) return null;
  return at.collection === POST ? { externalId: (ref as Record<string, unknown>)['uri'] as string, author: accountOf(at.authority) } : undefined;
}

/**
 * Mentions (by DID, from `app.bsky.richtext.facet#mention`) and hashtags (from `#tag` facets
 * and the `tags` list), each once; a mention of oneself is not a mention of anyone.
 */
function readFacets(facets: unknown, tags: unknown, entities: unknown, ownerDid: string): { mentions: AccountRef[]; hashtags: string[] } {
  const dids = new Set<string>();
  const hashtags = new Map<string, string>();
  const addTag = (t: unknown): void => {
    if (typeof t !== 'string') return;
    const tag = t.replace(/^#/, '').trim();
    if (tag && !hashtags.has(tag.toLowerCase())) hashtags.set(tag.toLowerCase(), tag);
  };
  for (const facet of Array.isArray(facets) ? facets : []) {
    const features = isMap(facet) ? facet['features'] : undefined;
    for (const f of Array.isArray(features) ? features : []) {
      if (!isMap(f)) continue;
      if (f['$type'] === 'app.bsky.richtext.facet#mention' && typeof f['did'] === 'string' && isDid(f['did']) && f['did'] !== ownerDid) dids.add(f['did']);
      else if (f['$type'] === 'app.bsky.richtext.facet#tag') addTag(f['tag']);
    }
  }
  for (const t of Array.isArray(tags) ? tags : []) addTag(t);
  for (const e of Array.isArray(entities) ? entities : []) {
    if (isMap(e) && e['type'] === 'mention' && typeof e['value'] === 'string' && isDid(e['value']) && e['value'] !== ownerDid) dids.add(e['value']);
  }
  return { mentions: [...dids].map((did) => ({ network: NETWORK, externalId: did })), hashtags: [...hashtags.values()] };
}

function convertRepost(rkey: string, value: unknown, owner: RepoOwner): Converted {
  if (!isMap(value)) return problem('', 'is not a record object', 'a DAG-CBOR map');
  const createdAt = readCreatedAt(value);
  if (typeof createdAt !== 'number') return createdAt;
  const subject = postRef(value['subject']);
  if (!subject) return problem('subject', 'is not a reference to a post', STRONG_REF_EXPECTED);
  // A repost is the owner's post resharing the original, as a retweet or a boost is.
  const post: PostRecord = {
    type: 'post',
    network: NETWORK,
    externalId: recordUri(owner.did, READ_COLLECTIONS.repost, rkey),
    author: owner.ref,
    createdAt,
    reshareOf: subject,
    visibility: 'public',
  };
  return { kind: 'post', rec: post, time: createdAt };
}

function convertLike(value: unknown, owner: RepoOwner): Converted {
  if (!isMap(value)) return problem('', 'is not a record object', 'a DAG-CBOR map');
  const createdAt = readCreatedAt(value);
  if (typeof createdAt !== 'number') return createdAt;
  // The subject is usually a post, sometimes a custom feed or a list: a like of its author's work all the same.
  const subject = isMap(value['subject']) ? value['subject'] : undefined;
  const at = subject ? parseAtUri(subject['uri']) : undefined;
  if (!at) return problem('subject', 'is not a reference to a record', "a strong reference {uri: 'at://did:…/collection/key', cid}");
  const like: InteractionRecord = {
    type: 'interaction',
    actor: owner.ref,
    target: accountOf(at.authority),
    kind: 'like',
    createdAt,
    targetPost: subject!['uri'] as string,
  };
  return { kind: 'interaction', rec: like, time: createdAt };
}

function convertFollow(value: unknown, owner: RepoOwner): Converted {
  if (!isMap(value)) return problem('', 'is not a record object', 'a DAG-CBOR map');
  const createdAt = readCreatedAt(value);
  if (typeof createdAt !== 'number') return createdAt;
  // early 2023: subject {did, declarationCid}
  const subject = isMap(value['subject']) ? value['subject']['did'] : value['subject'];
  if (typeof subject !== 'string' || !isDid(subject)) return problem('subject', 'is not a DID', "the followed account's DID, e.g. 'did:plc:…'");
  const follow: FollowRecord = { type: 'follow', follower: owner.ref, followee: { network: NETWORK, externalId: subject }, createdAt };
  return { kind: 'follow', rec: follow, time: createdAt };
}

function convertProfile(value: unknown): Converted {
  if (!isMap(value)) return problem('', 'is not a record object', 'a DAG-CBOR map');
  const out: Converted = { kind: 'profile' };
  if (typeof value['displayName'] === 'string' && value['displayName'].trim() !== '') out.displayName = value['displayName'];
  // the profile record is the whole profile: no description is a known-empty bio, no avatar blob the default picture
  out.bio = typeof value['description'] === 'string' ? value['description'] : '';
  out.defaultAvatar = !isMap(value['avatar']);
  return out;
}
