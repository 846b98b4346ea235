/**
 * Bluesky's account and record names (atproto specs "DID", "Handle", "AT URI"). Accounts
 * are DIDs (`did:plc:…`, `did:web:…`): permanent, and what every record names. A handle
 * (`alice.bsky.social`) is a DNS name the account currently claims; it can change and
 * cannot be checked offline, so it is only ever taken for the repository's owner (see
 * adapter.ts), never guessed for other accounts.
 */
import type { AccountRef } from '../../store/records.js';

/** The network name on every Bluesky record. */
export const NETWORK = 'bluesky';

const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/;
const HANDLE = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const NSID = /^[a-zA-Z](?:[a-zA-Z0-9-]{0,62})?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62})?)+$/;
const RKEY = /^[a-zA-Z0-9._:~-]{1,512}$/;

/** True for a syntactically valid DID (at most 2,048 characters). */
export function isDid(s: string): boolean {
  return s.length <= 2048 && DID.test(s);
}

/** The handle in lower case, or undefined when `s` (with or without a leading '@') is not a handle. */
export function normalizeHandle(s: string): string | undefined {
  const h = s.trim().replace(/^@/, '').toLowerCase();
  // `handle.invalid` is what atproto shows for an account whose handle does not verify
  return h.length <= 253 && HANDLE.test(h) && !h.endsWith('.invalid') ? h : undefined;
}

/** A repository key `collection/rkey` split in two, or undefined when it is not one. */
export function splitRepoKey(key: string): { collection: string; rkey: string } | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const collection = key.slice(0, slash);
  const rkey = key.slice(slash + 1);
  if (collection.length > 317 || !NSID.test(collection) || !RKEY.test(rkey) || rkey === '.' || rkey === '..') return undefined;
  return { collection, rkey };
}

/** An `at://` record URI: who (a DID, or rarely a handle), which collection, which key. */
export interface AtUri {
  authority: string;
  collection: string;
  rkey: string;
}

/**
 * Parses `at://did:plc:abc/app.bsky.feed.post/3k…`; undefined unless it names one record
 * (authority, collection and key; no query or fragment).
 */
export function parseAtUri(uri: unknown): AtUri | undefined {
  if (typeof uri !== 'string' || uri.length > 8192 || !uri.startsWith('at://')) return undefined;
  const parts = uri.slice(5).split('/');
  if (parts.length !== 3) return undefined;
  const [authority, collection, rkey] = parts as [string, string, string];
  if (!(isDid(authority) || normalizeHandle(authority) !== undefined)) return undefined;
  if (!splitRepoKey(`${collection}/${rkey}`)) return undefined;
  return { authority, collection, rkey };
}

/** The account an authority names: by DID (its platform id) or, rarely, by handle. */
export function accountOf(authority: string): AccountRef {
  return isDid(authority) ? { network: NETWORK, externalId: authority } : { network: NETWORK, handle: normalizeHandle(authority)! };
}

/** The record URI of `collection/rkey` in `did`'s repository. */
export function recordUri(did: string, collection: string, rkey: string): string {
  return `at://${did}/${collection}/${rkey}`;
}

const GOAT_NAME = /^(.+)\.(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.car$/i;

/**
 * What a `goat repo export` file name says: goat names the file
 * `<identifier>.<YYYYMMDDhhmmss>.car`, the identifier as the user typed it (a handle or a
 * DID) and the time in the exporting machine's local zone. Worked example:
 * `bnewbold.robocracy.org.20250310005405.car` -> handle `bnewbold.robocracy.org`, local time
 * 2025-03-10 00:54:05 (taken as UTC: off by the machine's zone, up to 14 hours).
 */
export function readGoatFileName(baseName: string): { handle?: string; did?: string; localTime?: number } | undefined {
  const m = GOAT_NAME.exec(baseName);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(2, 8).map(Number) as [number, number, number, number, number, number];
  const t = Date.UTC(year, month - 1, day, hour, minute, second);
  const localTime = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 61 ? t : undefined;
  const id = m[1]!;
  const handle = normalizeHandle(id);
  if (handle) return { handle, localTime };
  if (isDid(id)) return { did: id, localTime };
  return { localTime };
}
