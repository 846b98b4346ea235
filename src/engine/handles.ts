/**
 * Accounts as people write them, on the command line, in follower lists and expectation
 * files: `@alice`, `alice`, `twitter:alice`, `mastodon:alice@host`, `alice@host`
 * (Mastodon), or a profile URL (`https://x.com/alice`, `https://mastodon.social/@bob`).
 * Matching is case-insensitive. An unknown handle is a UsageError suggesting close
 * matches (edit distance); a handle present on several networks is a UsageError listing
 * the prefixed forms to choose from. (Messages may quote user text: the CLI cleans every
 * message before it reaches a terminal.)
 */
import type { AccountColumns } from './dataset.js';
import { UsageError } from '../errors.js';

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

/** Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** An index from lower-case handle to account indices. */
export function indexHandles(accounts: AccountColumns): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let i = 0; i < accounts.n; i++) {
    const h = accounts.handle[i]!;
    if (h === '') continue;
    const key = h.toLowerCase();
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  }
  return map;
}

/** A handle argument as typed, parsed; a UsageError when it is not a handle. */
export function parseHandleArg(raw: string): HandleSpec {
  const spec = parseHandleSpec(raw);
  if (!spec) throw new UsageError(`not a handle: ${JSON.stringify(raw)}`, 'write a handle such as @alice, alice@mastodon.social or mastodon:alice@host');
  return spec;
}

/** Every account a spec names: its handle on any network, or on the one it names. */
export function findAccounts(accounts: AccountColumns, index: Map<string, number[]>, spec: HandleSpec): number[] {
  return (index.get(spec.handle.toLowerCase()) ?? []).filter((i) => spec.network === undefined || accounts.network[i] === spec.network);
}

/** The accounts whose handle is an address `name@host` with this local part (the name people know a Mastodon account by). */
export function findByLocalPart(accounts: AccountColumns, index: Map<string, number[]>, spec: HandleSpec): number[] {
  const key = spec.handle.toLowerCase();
  if (key.includes('@')) return [];
  const prefix = `${key}@`;
  const out: number[] = [];
  for (const [k, list] of index) {
    if (k.startsWith(prefix)) for (const i of list) if (spec.network === undefined || accounts.network[i] === spec.network) out.push(i);
  }
  return out.sort((x, y) => x - y);
}

/** Suggestions shown with an unknown handle. */
const MAX_SUGGESTIONS = 5;

/**
 * Resolves one handle to an account index, or throws a UsageError that helps. An exact
 * handle wins; else a unique local part of an address (`@dealingwith` for
 * dealingwith@indieweb.social); else the error suggests handles that start with what was
 * typed (`@milahu` -> milahu104), then close spellings (edit distance).
 */
export function resolveHandle(accounts: AccountColumns, index: Map<string, number[]>, raw: string): number {
  const spec = parseHandleArg(raw);
  const q = { key: spec.handle.toLowerCase(), network: spec.network };
  const named = (list: number[]) => list.map((i) => `${accounts.network[i]}:${accounts.handle[i]}`);
  const found = findAccounts(accounts, index, spec);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const options = named(found);
    throw new UsageError(`@${q.key} is on several networks: ${options.join(', ')}`, `name one, e.g. ${options[0]}`);
  }
  const local = findByLocalPart(accounts, index, spec);
  if (local.length === 1) return local[0]!;
  if (local.length > 1) {
    const options = named(local);
    throw new UsageError(`@${q.key} matches several accounts: ${options.slice(0, 10).join(', ')}${options.length > 10 ? `, and ${options.length - 10} more` : ''}`, `name one in full, e.g. ${options[0]}`);
  }
  const where = q.network ? ` on ${q.network}` : '';
  const suggestions = suggestHandles(accounts, index, q.key, q.network).map((h) => `@${h}`);
  throw new UsageError(
    `unknown handle @${q.key}${where}`,
    suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}?` : 'import the account first (influence import FILE), or check the spelling; `influence accounts --search WORD` lists accounts',
  );
}

/** Handles (lower case) to suggest for an unknown one: those starting with it (shortest first), then close spellings. */
export function suggestHandles(accounts: AccountColumns, index: Map<string, number[]>, key: string, network?: string): string[] {
  const onNetwork = (k: string) => network === undefined || index.get(k)!.some((i) => accounts.network[i] === network);
  const prefixed: string[] = [];
  const limit = Math.max(2, Math.floor(key.length / 3));
  const close: { key: string; d: number }[] = [];
  for (const k of index.keys()) {
    if (!onNetwork(k)) continue;
    if (k.startsWith(key)) prefixed.push(k);
    else {
      const d = editDistance(key, k, limit);
      if (d <= limit) close.push({ key: k, d });
    }
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  prefixed.sort((a, b) => a.length - b.length || byText(a, b));
  close.sort((a, b) => a.d - b.d || byText(a.key, b.key));
  return [...prefixed, ...close.map((c) => c.key)].slice(0, MAX_SUGGESTIONS);
}
