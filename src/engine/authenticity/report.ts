/**
 * The authenticity report of an analysis: how many accounts were judged, how many each
 * signal flagged, and every flagged account with its damping, cap and evidence, worst first.
 */
import type { Analysis } from '../analyze.js';
import { FLAG_CODES, type Flag, type FlagCode } from '../result-types.js';

/** One flagged account in the report. */
export interface FlaggedAccount {
  handle: string;
  network: string;
  /** multiplier on the raw additive score (1 = none) */
  damping: number;
  /** highest calibrated score the account may show */
  cap: number;
  flags: Flag[];
}

/** The report: what was judged, how many were flagged by which signal, and each flagged account. */
export interface AuthenticityReport {
  /** when the window ends, epoch ms */
  asOf: number;
  windowDays: number;
  accounts: number;
  flagged: number;
  byCode: Record<FlagCode, number>;
  results: FlaggedAccount[];
}

/** A flagged account by index, with the severity it is ordered by. */
export interface FlaggedEntry extends FlaggedAccount {
  account: number;
  /** its largest flag severity */
  worst: number;
}

/**
 * The flagged accounts among `pool` (default: every account), worst first: largest
 * severity, then strongest damping, then handle and network.
 */
export function flaggedAccountsOf(analysis: Analysis, pool?: Iterable<number>): FlaggedEntry[] {
  const pop = analysis.dataset;
  const as = analysis.table.assessment;
  const results: FlaggedEntry[] = [];
  for (const i of pool ?? Array.from({ length: pop.accounts.n }, (_, k) => k)) {
    const flags = as.flags[i]!;
    if (flags.length === 0) continue;
    results.push({
      handle: pop.accounts.handle[i] || `#${pop.accounts.dbId[i]}`,
      network: pop.accounts.network[i]!,
      damping: as.damping[i]!,
      cap: as.cap[i]!,
      flags,
      account: i,
      worst: Math.max(...flags.map((f) => f.severity)),
    });
  }
  return results.sort((a, b) => b.worst - a.worst || a.damping - b.damping || a.handle.localeCompare(b.handle) || a.network.localeCompare(b.network));
}

/** How many of `entries` each signal flagged. */
export function countFlags(entries: readonly { flags: Flag[] }[]): Record<FlagCode, number> {
  const byCode = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
  for (const e of entries) for (const f of e.flags) byCode[f.code]++;
  return byCode;
}

/** Builds the report from an assessment: flagged accounts, worst first (largest severity, then strongest damping, then handle). */
export function buildAuthenticityReport(analysis: Analysis): AuthenticityReport {
  const { asOf, windowDays } = analysis.window;
  const flagged = flaggedAccountsOf(analysis);
  return {
    asOf,
    windowDays,
    accounts: analysis.dataset.accounts.n,
    flagged: flagged.length,
    byCode: countFlags(flagged),
    results: flagged.map(({ account: _account, worst: _worst, ...r }) => r),
  };
}
