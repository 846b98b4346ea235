/**
 * Mastodon accounts are addressed as `user@host`. Exports name them three ways: as an
 * address (`@user@host`, or `@user` for a local account), as an actor URI
 * (`https://host/users/user`), or only implicitly through a status URI
 * (`https://host/users/user/statuses/1`, `https://host/@user/1`). These turn each into a
 * handle, or say that it cannot be known.
 */
import type { AccountRef } from '../../store/records.js';

/** The network name on every Mastodon record. */
export const NETWORK = 'mastodon';

const USER = /^[\p{L}\p{N}_.-]+$/u;
const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}][\p{L}\p{N}-]*[\p{L}\p{N}](?::\d{1,5})?$/u;
const PUBLIC = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public']);

// Path shapes that carry the account name: Mastodon (/users/x, /users/x/statuses/1,
// /@x, /@x/1, /@x@remote/1), Pleroma and Akkoma actors (/users/x), Pixelfed statuses (/p/x/1).
const PATH_PATTERNS: readonly RegExp[] = [
  /^\/users\/([^/]+)(?:\/statuses\/[^/]+(?:\/activity)?)?\/?$/,
  /^\/@([^/]+)(?:\/[^/]+)?\/?$/,
  /^\/p\/([^/]+)\/[^/]+\/?$/,
];

/** `user@host` (lower-case host, no leading '@') when `s` is a valid account address, else undefined. */
export function normalizeAddress(s: string): string | undefined {
  const trimmed = s.trim().replace(/^@/, '');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return undefined;
  const user = trimmed.slice(0, at);
  const host = trimmed.slice(at + 1).toLowerCase();
  return USER.test(user) && HOST.test(host) ? `${user}@${host}` : undefined;
}

/** The host of a URI (lower case, without port), or undefined when it is not an http(s) URL. */
export function hostOf(uri: string): string | undefined {
  const url = parseHttpUrl(uri);
  return url ? url.hostname.toLowerCase() : undefined;
}

/**
 * The handle an actor or status URI names, or undefined when its path does not say
 * (`https://host/objects/<uuid>`, `https://host/notes/<id>`). Worked example:
 * `https://social.example/users/Ann/statuses/1` -> `Ann@social.example`;
 * `https://a.example/@bob@b.example/7` (a remote status seen on a.example) -> `bob@b.example`.
 */
export function inferHandleFromUri(uri: string): string | undefined {
  const url = parseHttpUrl(uri);
  if (!url) return undefined;
  for (const pattern of PATH_PATTERNS) {
    const m = pattern.exec(url.pathname);
    if (!m) continue;
    let name: string;
    try {
      name = decodeURIComponent(m[1]!);
    } catch {
      return undefined;
    }
    return name.includes('@') ? normalizeAddress(name) : normalizeAddress(`${name}@${url.hostname}`);
  }
  return undefined;
}

/** A Mastodon account reference for a handle. */
export function mastodonRef(handle: string): AccountRef {
  return { network: NETWORK, handle };
}

/** An account reference inferred from a URI, or undefined when the URI does not name one. */
export function refFromUri(uri: string): AccountRef | undefined {
  const handle = inferHandleFromUri(uri);
  return handle ? mastodonRef(handle) : undefined;
}

/** True for the ActivityStreams public collection in any of its spellings. */
export function isPublicAddress(s: string): boolean {
  return PUBLIC.has(s);
}

/** True for a followers collection URI (`https://host/users/x/followers`). */
export function isFollowersCollection(s: string): boolean {
  return /\/followers\/?$/.test(s);
}

function parseHttpUrl(uri: string): URL | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
