/** `identity link/unlink/list` views: the JSON contract, CSV and plain text of the identities table. */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { toCsv, type CsvCell } from './csv.js';
import { countNoun } from './counts.js';

/** One account of an identity. */
export interface IdentityAccountView {
  network: string;
  /** the handle the CLI names it by ('id:...' when only a platform id is known) */
  handle: string;
  /** 'hand': linked with `identity link`; 'import': declared by an imported accounts table */
  source: 'import' | 'hand';
}

/** One identity and its accounts (network, then handle order). */
export interface IdentityView {
  identity: string;
  accounts: IdentityAccountView[];
}

/** The `identity list --json` document. */
export interface IdentityListReport {
  schema: 1;
  identities: IdentityView[];
  /** accounts unlinked by hand: they stand alone, and imports do not link them again */
  unlinked: { network: string; handle: string }[];
}

/** The `identity link --json` and `identity unlink --json` document. */
export interface IdentityChangeReport {
  schema: 1;
  identity: string;
  /** what happened to each account named (link), or the accounts taken out (unlink) */
  changes: { network: string; handle: string; change: 'added' | 'moved' | 'unchanged' | 'unlinked'; from: string | null }[];
  /** the identity's accounts afterwards ([] when none is left) */
  accounts: IdentityAccountView[];
}

/** What an import's identity column did besides adding rows (store/identities.ts): lines for its summary. */
export function renderIdentityOutcome(added: { merged: number; identitiesMoved?: number; identitiesKept?: number }, theme: Theme): string[] {
  const { identitiesMoved: moved = 0, identitiesKept: kept = 0 } = added;
  const lines: string[] = [];
  if (moved) lines.push(`moved ${countNoun(moved, 'account')} to the identity this import declares (an earlier import had put ${moved === 1 ? 'it' : 'them'} in another)`);
  if (kept) {
    lines.push(theme.chalk.yellow(`kept ${countNoun(kept, 'account')} as linked or unlinked by hand, where the import's identity column says otherwise (influence identity list; influence identity link NAME ACCOUNT changes it)`));
  }
  return lines;
}

/** `network:handle`, the way the CLI takes an account. */
export function accountName(a: { network: string; handle: string }): string {
  return `${a.network}:${a.handle}`;
}

/** The identities as text: a heading per identity, an aligned line per account. */
export function renderIdentityList(rep: IdentityListReport, theme: Theme): string {
  if (rep.identities.length === 0) return 'no identities (link accounts: influence identity link NAME twitter:alice mastodon:alice@example.social)';
  const out: string[] = [];
  for (const id of rep.identities) {
    out.push(theme.chalk.bold(`${cleanText(id.identity)} (${countNoun(id.accounts.length, 'account')})`));
    const names = id.accounts.map((a) => cleanText(accountName(a)));
    const width = Math.max(...names.map((n) => n.length));
    id.accounts.forEach((a, k) => out.push(`  ${names[k]!.padEnd(width)}  ${a.source === 'hand' ? 'linked by hand' : 'from an import'}`));
  }
  if (rep.unlinked.length > 0) out.push(theme.chalk.dim(`unlinked by hand (imports do not link them again): ${rep.unlinked.map((a) => cleanText(accountName(a))).join(', ')}`));
  return out.join('\n');
}

/** The identities as CSV: one row per account. */
export function renderIdentityCsv(rep: IdentityListReport): string {
  const rows: CsvCell[][] = rep.identities.flatMap((id) => id.accounts.map((a) => [id.identity, a.network, a.handle, a.source]));
  return toCsv(['identity', 'network', 'handle', 'source'], rows);
}
