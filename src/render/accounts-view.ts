/** `influence accounts` views: the accounts found, as a table, CSV or the JSON contract. */
import type { Theme } from './output-mode.js';
import { toCsv } from './csv.js';
import { cleanText } from './sanitize.js';
import { DEFAULT_COLUMNS, renderTable } from './table.js';
import { countNoun } from './counts.js';

/** One account (`accounts --json`: accounts[]). */
export interface AccountView {
  /** the handle to type in other commands: network:handle */
  ref: string;
  handle: string | null;
  network: string;
  externalId: string | null;
  displayName: string | null;
  followers: number | null;
  following: number | null;
  /** posts stored */
  posts: number;
  /** interactions stored with the account as actor */
  eventsSent: number;
  /** ISO, null when the database holds no activity of its own */
  lastActivity: string | null;
}

/** `accounts --json`. */
export interface AccountsView {
  schema: 1;
  search: string | null;
  network: string | null;
  /** accounts matching in all (the list is cut at --limit) */
  total: number;
  accounts: AccountView[];
}

/** Longest name the table shows (JSON and CSV keep it whole): a name imported 1,000,000 characters long made one row that long. */
const NAME_CHARS = 60;
const shortName = (s: string): string => (s.length > NAME_CHARS ? `${s.slice(0, NAME_CHARS - 1)}…` : s);

const fmt = (n: number | null): string => (n === null ? '-' : n.toLocaleString('en-US'));

/** The accounts as a table, with how many more match. */
export function renderAccounts(v: AccountsView, theme: Theme, tty: boolean, columns = DEFAULT_COLUMNS): string {
  if (v.accounts.length === 0) return v.search !== null ? `no account matches '${cleanText(v.search)}'` : 'no accounts: run `influence import FILE` first';
  const rows = v.accounts.map((a) => [
    cleanText(a.ref),
    shortName(cleanText(a.displayName ?? '')),
    fmt(a.followers),
    fmt(a.following),
    fmt(a.posts),
    fmt(a.eventsSent),
    a.lastActivity?.slice(0, 10) ?? '-',
  ]);
  const out = [renderTable({ head: ['account', 'name', 'followers', 'following', 'posts', 'events', 'last active'], rows, numeric: new Set([2, 3, 4, 5]) }, theme, tty, columns)];
  const more = v.total - v.accounts.length;
  out.push(`${countNoun(v.total, 'account')}${v.search !== null ? ` matching '${cleanText(v.search)}'` : ''}${more > 0 ? `; ${fmt(more)} more not shown (--limit N)` : ''}`);
  return out.join('\n');
}

/** CSV of the accounts. */
export function renderAccountsCsv(v: AccountsView): string {
  return toCsv(
    ['account', 'handle', 'network', 'external_id', 'display_name', 'followers', 'following', 'posts', 'events_sent', 'last_activity'],
    v.accounts.map((a) => [a.ref, a.handle, a.network, a.externalId, a.displayName, a.followers, a.following, a.posts, a.eventsSent, a.lastActivity]),
  );
}
