/**
 * How people write an account on the command line and in follower lists:
 * `@alice`, `alice`, `twitter:alice`, `mastodon:alice@host`, `alice@host` (Mastodon),
 * or a profile URL (`https://x.com/alice`, `https://mastodon.social/@bob`).
 */

export interface HandleSpec {
  /** lower-case network when the spec names one */
  network?: string;
  /** handle without '@' */
  handle: string;
}

const TWITTER_HOSTS = new Set(['twitter.com', 'www.twitter.com', 'x.com', 'www.x.com', 'mobile.twitter.com']);

/** Parses one spec; undefined when it is not a handle (blank, spaces, control characters). */
export function parseHandleSpec(raw: string): HandleSpec | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  if (/^https?:\/\//i.test(s)) return parseProfileUrl(s);
  const prefixed = /^([a-z][a-z0-9-]*):(.+)$/i.exec(s);
  const network = prefixed ? prefixed[1]!.toLowerCase() : undefined;
  const handle = (prefixed ? prefixed[2]! : s).replace(/^@/, '');
  if (!handle || /[\s\u0000-\u001f\u007f/]/.test(handle)) return undefined;
  return network ? { network, handle } : { handle };
}

function parseProfileUrl(s: string): HandleSpec | undefined {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return undefined;
  }
  const parts = url.pathname.split('/').filter(Boolean);
  const host = url.hostname.toLowerCase();
  if (TWITTER_HOSTS.has(host) && parts[0] && /^\w{1,15}$/.test(parts[0])) return { network: 'twitter', handle: parts[0] };
  const at = parts[0]?.startsWith('@') ? parts[0].slice(1) : parts[0] === 'users' ? parts[1] : undefined;
  if (at && /^[\w.-]+$/.test(at)) return { network: 'mastodon', handle: `${at}@${host}` };
  return undefined;
}
