/**
 * Handles as users type them: `@alice`, `alice`, `alice@mastodon.social`, or with a network
 * prefix `mastodon:alice@host`, `twitter:@bob`. Matching is case-insensitive. An unknown
 * handle is a UsageError suggesting close matches (edit distance); a handle present on
 * several networks is a UsageError listing the prefixed forms to choose from.
 */
import type { AccountColumns } from '../engine/dataset.js';
import { cleanText } from '../render/sanitize.js';
import { UsageError } from '../errors.js';

/** A parsed handle argument. */
export interface HandleQuery {
  network: string | null;
  /** lower case, without a leading '@' */
  key: string;
  /** as typed */
  raw: string;
}

/** Parses a handle argument. */
export function parseHandleArg(raw: string): HandleQuery {
  let s = raw.trim();
  let network: string | null = null;
  const m = /^([a-z][a-z0-9_-]*):(.+)$/i.exec(s);
  if (m) {
    network = m[1]!.toLowerCase();
    s = m[2]!;
  }
  s = s.replace(/^@/, '');
  if (s === '') throw new UsageError(`empty handle ${JSON.stringify(raw)}`, 'write a handle such as @alice or mastodon:alice@host');
  return { network, key: s.toLowerCase(), raw };
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

/** Resolves one handle to an account index, or throws a UsageError that helps. */
export function resolveHandle(accounts: AccountColumns, index: Map<string, number[]>, raw: string): number {
  const q = parseHandleArg(raw);
  const found = (index.get(q.key) ?? []).filter((i) => q.network === null || accounts.network[i] === q.network);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const options = found.map((i) => `${accounts.network[i]}:${accounts.handle[i]}`).map(cleanText);
    throw new UsageError(`@${cleanText(q.key)} is on several networks: ${options.join(', ')}`, `name one, e.g. ${options[0]}`);
  }
  const limit = Math.max(2, Math.floor(q.key.length / 3));
  const close: { key: string; d: number }[] = [];
  for (const key of index.keys()) {
    const d = editDistance(q.key, key, limit);
    if (d <= limit) close.push({ key, d });
  }
  close.sort((a, b) => a.d - b.d || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const where = q.network ? ` on ${cleanText(q.network)}` : '';
  const suggestions = close.slice(0, 5).map((c) => `@${cleanText(c.key)}`);
  throw new UsageError(
    `unknown handle @${cleanText(q.key)}${where}`,
    suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}?` : 'import the account first (influence import FILE), or check the spelling',
  );
}
