/**
 * Pure normalizers for the archive's small files: the owner (account.js, profile.js,
 * manifest.js userInfo) and the owner's edges (follower.js, following.js, like.js).
 */
import { decodeEntities } from '../../html-entities.js';
import type { AccountRef, FollowRecord, InteractionRecord } from '../../store/records.js';
import { type RowFault, fault } from './row-fault.js';
import { NETWORK, asArray, asObject, makeRef, parseStatusUrl, parseTwitterDate, readHandle, readId, readString } from './values.js';

/** What the archive says about its owner. */
export interface OwnerInfo {
  ref: AccountRef;
  displayName?: string;
  createdAt?: number;
}

/** `{"account": {"username","accountId","accountDisplayName","createdAt"}}` -> the owner. */
export function normalizeAccount(row: unknown): OwnerInfo | RowFault {
  const a = asObject(asObject(row)?.['account']);
  if (!a) return fault('account', 'missing', 'an object {"account": {...}}');
  const handle = readHandle(a['username']);
  if (handle === undefined) return fault('account.username', 'missing or not a handle', 'the account handle, e.g. "jack"');
  const owner: OwnerInfo = { ref: makeRef(handle, readId(a['accountId']))! };
  const displayName = readString(a['accountDisplayName']);
  if (displayName !== undefined) owner.displayName = displayName;
  const createdAt = parseTwitterDate(a['createdAt']);
  if (createdAt !== undefined) owner.createdAt = createdAt;
  return owner;
}

/** The owner's profile: `{"profile": {"description": {"bio","website","location"}, "avatarMediaUrl"}}`. */
export interface ProfileInfo {
  /** '' when the archive shows an empty bio */
  bio?: string;
  url?: string;
  location?: string;
  /** true when the avatar is Twitter's default picture, false for an own picture */
  defaultAvatar?: boolean;
}

/** Twitter serves its default pictures from this path (`.../sticky/default_profile_images/default_profile_normal.png`). */
const DEFAULT_AVATAR = /\/default_profile_images\//;

/** Normalizes one profile.js row (absent parts stay absent). */
export function normalizeProfile(row: unknown): ProfileInfo | RowFault {
  const p = asObject(asObject(row)?.['profile']);
  if (!p) return fault('profile', 'missing', 'an object {"profile": {...}}');
  const d = asObject(p['description']) ?? {};
  const info: ProfileInfo = {};
  // an empty string is evidence (no bio), an absent key is not
  if (typeof d['bio'] === 'string') info.bio = decodeEntities(d['bio']);
  if (typeof d['website'] === 'string') info.url = d['website'];
  if (typeof d['location'] === 'string') info.location = d['location'];
  const avatar = readString(p['avatarMediaUrl']);
  if (avatar !== undefined) info.defaultAvatar = DEFAULT_AVATAR.test(avatar);
  return info;
}

/** What the manifest says: the owner, the files of each data type, whether the archive is partial. */
export interface ManifestInfo {
  owner?: OwnerInfo;
  /** data type ('tweets', 'like', ...) -> its files' names as the manifest writes them, with row counts */
  files: Map<string, { fileName: string; count?: number }[]>;
  partial: boolean;
}

/** Normalizes `window.__THAR_CONFIG = {...}`. */
export function normalizeManifest(value: unknown): ManifestInfo {
  const m = asObject(value) ?? {};
  const info: ManifestInfo = { files: new Map(), partial: asObject(m['archiveInfo'])?.['isPartialArchive'] === true };
  const user = asObject(m['userInfo']);
  const handle = readHandle(user?.['userName']);
  if (user && handle !== undefined) {
    info.owner = { ref: makeRef(handle, readId(user['accountId']))! };
    const displayName = readString(user['displayName']);
    if (displayName !== undefined) info.owner.displayName = displayName;
  }
  for (const [type, spec] of Object.entries(asObject(m['dataTypes']) ?? {})) {
    const files = asArray(asObject(spec)?.['files'])
      .map((f) => asObject(f))
      .filter((f): f is Record<string, unknown> => f !== undefined && typeof f['fileName'] === 'string')
      .map((f) => {
        const count = Number(f['count']);
        return Number.isSafeInteger(count) ? { fileName: f['fileName'] as string, count } : { fileName: f['fileName'] as string };
      });
    if (files.length > 0) info.files.set(type, files);
  }
  return info;
}

/** `{"follower": {"accountId","userLink"}}` (older: accountId only) -> the account follows the owner. */
export function normalizeFollower(row: unknown, owner: AccountRef): FollowRecord | RowFault {
  const id = readEdgeId(row, 'follower');
  return typeof id === 'string' ? { type: 'follow', follower: { network: NETWORK, externalId: id }, followee: owner } : id;
}

/** `{"following": {"accountId","userLink"}}` -> the owner follows the account. */
export function normalizeFollowing(row: unknown, owner: AccountRef): FollowRecord | RowFault {
  const id = readEdgeId(row, 'following');
  return typeof id === 'string' ? { type: 'follow', follower: owner, followee: { network: NETWORK, externalId: id } } : id;
}

function readEdgeId(row: unknown, key: string): string | RowFault {
  const outer = asObject(row);
  const edge = asObject(outer?.[key]) ?? outer;
  const id = readId(edge?.['accountId']);
  return id ?? fault(`${key}.accountId`, 'missing or not an account id', 'a string of digits');
}

/**
 * `{"like": {"tweetId","fullText","expandedUrl"}}` -> the owner liked that tweet. The
 * liked tweet's author is not given; a status link naming a handle is used when present.
 */
export function normalizeLike(row: unknown, owner: AccountRef): InteractionRecord | RowFault {
  const outer = asObject(row);
  const like = asObject(outer?.['like']) ?? outer;
  const tweetId = readId(like?.['tweetId']);
  if (tweetId === undefined) return fault('like.tweetId', 'missing or not a tweet id', 'a string of digits');
  const rec: InteractionRecord = { type: 'interaction', actor: owner, kind: 'like', targetPost: tweetId };
  const link = parseStatusUrl(like?.['expandedUrl']);
  if (link?.handle !== undefined && link.id === tweetId) rec.target = { network: NETWORK, handle: link.handle };
  return rec;
}
