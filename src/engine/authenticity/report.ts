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

/** Builds the report from an assessment: flagged accounts, worst first (largest severity, then strongest damping, then handle). */
export function buildAuthenticityReport(analysis: Analysis): AuthenticityReport {
  const pop = analysis.dataset;
  const as = analysis.table.assessment;
  const { asOf, windowDays } = analysis.window;
  const byCode = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
  const results: (FlaggedAccount & { worst: number })[] = [];
  for (let i = 0; i < pop.accounts.n; i++) {
    const flags = as.flags[i]!;
    if (flags.length === 0) continue;
    for (const f of flags) byCode[f.code]++;
    results.push({
      handle: pop.accounts.handle[i] || `#${pop.accounts.dbId[i]}`,
      network: pop.accounts.network[i]!,
      damping: as.damping[i]!,
      cap: as.cap[i]!,
      flags,
      worst: Math.max(...flags.map((f) => f.severity)),
    });
  }
  results.sort((a, b) => b.worst - a.worst || a.damping - b.damping || a.handle.localeCompare(b.handle) || a.network.localeCompare(b.network));
  return {
    asOf,
    windowDays,
    accounts: pop.accounts.n,
    flagged: results.length,
    byCode,
    results: results.map(({ worst: _worst, ...r }) => r),
  };
}

