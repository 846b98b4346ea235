/**
 * The authenticity report of an analysis: how many accounts were judged, how many each
 * signal flagged, and every flagged account with its damping, cap and evidence, worst first;
 * then the profile-based verdicts (issue 12): every account the audience classifier calls
 * suspicious, fake or bot (engine/audience, the analysis's classes), likeliest first, with
 * its probability and reasons.
 */
import { displayHandle, verdictsOf, type Analysis } from '../analyze.js';
import { AUDIENCE_CLASSES, type AudienceClass } from '../audience/model.js';
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

/** One account the audience classifier did not call real (its profile, and its activity flags when it has them). */
export interface ProfileVerdict {
  handle: string;
  network: string;
  class: AudienceClass;
  /** probability of the class (suspicious: of not being real) */
  probability: number | null;
  reasons: string[];
}

/** The profile-based verdicts: how many accounts had profile data, how many fell in each class, and each non-real one. */
export interface ProfileVerdicts {
  model: string;
  /** accounts with a class other than unknown */
  classified: number;
  byClass: Record<AudienceClass, number>;
  /** suspicious, fake and bot accounts: fake and bot first, then suspicious, likeliest first */
  results: ProfileVerdict[];
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
  /** profile-based verdicts; null when the analysis ran without an audience model */
  profiles: ProfileVerdicts | null;
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
    profiles: profileVerdictsOf(analysis),
  };
}

const ORDER: Record<AudienceClass, number> = { fake: 0, bot: 1, suspicious: 2, real: 3, unknown: 4 };

/** The classifier's non-real verdicts (see the module doc). */
function profileVerdictsOf(analysis: Analysis): ProfileVerdicts | null {
  const t = analysis.audience;
  if (!t) return null;
  const byClass = Object.fromEntries(AUDIENCE_CLASSES.map((c) => [c, 0])) as Record<AudienceClass, number>;
  const shown: number[] = [];
  for (let i = 0; i < t.class.length; i++) {
    const c = AUDIENCE_CLASSES[t.class[i]!]!;
    byClass[c]++;
    if (c !== 'real' && c !== 'unknown') shown.push(i);
  }
  const ds = analysis.dataset;
  const results = verdictsOf(analysis, shown).map((v) => ({ handle: displayHandle(ds, v.index), network: ds.accounts.network[v.index]!, class: v.class, probability: v.probability, reasons: v.reasons }));
  results.sort((a, b) => ORDER[a.class] - ORDER[b.class] || (b.probability ?? 0) - (a.probability ?? 0) || (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0) || a.network.localeCompare(b.network));
  return { model: t.model, classified: t.class.length - byClass.unknown, byClass, results };
}
