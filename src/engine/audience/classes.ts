/**
 * The audience classes of every account of a dataset, computed once per analysis
 * (engine/analyze.ts) so that audit, rank, report authenticity and the score agree on who
 * is real: each account's own class (classify.ts, with the analysis's authenticity flags)
 * and, per account, how many of its followers in the database fall in each class.
 *
 * Followers of account a: the distinct accounts with a follow edge to a (self-follows and
 * unknown followers left out), as in audit.ts followersOf.
 *
 * Ages count from the window's as-of, except when the as-of policy dated the window by an
 * import (engine/window.ts): an import time is when a file was read, not when the profiles
 * were. The profiles were read after the latest account creation among them, though, so
 * ages then count from that date, a lower bound: every age is understated by the same gap,
 * never overstated, and the report says so. Measured on the labelled accounts
 * (../shared/data/labelled-accounts, profiles read in April 2017, latest creation 2016-03-15,
 * a gap of 13 months), through the import route without --as-of: people flagged 3.0% and
 * non-genuine caught 95.4%, against 2.8% and 94.1% with ages unknown (the no-age sub-model)
 * and 2.8% / 95.1% from the true date. On random audiences of 10 to 1,000 of those accounts
 * (bench/audit-as-of-bound.ts, 200 per size and mix), whose latest creation falls 1-5 years
 * before the reading: people flagged 2.7-3.7% (from the true date 1.9-3.2%), the rest caught
 * 93.2-95.9% (ages unknown 92.1-94.8%). On families the model never saw (leave one source
 * out, bench/audit-loso-as-of.ts), where the bound falls 13-24 months early, it does worse
 * than unknown ages: 85.2% caught on average at 3.1% of people, against 87.5% at 3.0%
 * (from the true date 87.9% at 2.5%); traditional spambots 4, old accounts, 80.3% against
 * 97.2%. The labelled files were read again two years after they were collected, hence the
 * long gap; profiles read when their followers were listed leave a short one, and the
 * bound then gives about the true date's numbers. Creation dates after the import are
 * errors and date nothing; with no creation date at or before it, ages are unknown and the
 * classifier uses its no-age sub-model.
 *
 * Example: b and c follow a; b is classified real, c fake -> followers of a: real 1, fake 1.
 */
import type { Dataset } from '../dataset.js';
import type { Flag } from '../result-types.js';
import type { ScoringWindow } from '../window.js';
import { wilsonInterval, type AgesFrom } from './audit.js';
import { classifyAccountClasses } from './classify.js';
import { AUDIENCE_CLASSES, type AudienceClass, type AudienceModel } from './model.js';

/** Index of a class in AUDIENCE_CLASSES. */
export const CLASS_INDEX: Record<AudienceClass, number> = { real: 0, suspicious: 1, fake: 2, bot: 3, unknown: 4 };

/** Every account's class and its followers' classes. */
export interface AudienceTable {
  /** the audience model's version */
  model: string;
  /** what account ages count from (epoch ms); null when the data gives no date the profiles were read at */
  asOf: number | null;
  /** where `asOf` came from; null with it */
  agesFrom: AgesFrom | null;
  /** per account: index into AUDIENCE_CLASSES */
  class: Uint8Array;
  /** per account: the probability of its class (suspicious: of not being real); NaN for unknown */
  probability: Float64Array;
  /** per account and class: distinct followers of the account in the database with that class */
  followers: Record<AudienceClass, Int32Array>;
}

/** What the classifier counts account ages from, for a window over accounts created at `createdAt` (see the module doc). */
export function audienceAsOf(window: ScoringWindow, createdAt: ArrayLike<number>): { asOf: number; agesFrom: AgesFrom } | null {
  if (window.datedBy !== 'import') return { asOf: window.asOf, agesFrom: window.datedBy ?? 'requested' };
  let latest = -Infinity;
  for (let i = 0; i < createdAt.length; i++) {
    const t = createdAt[i]!;
    if (t > latest && t <= window.asOf) latest = t; // NaN (unknown) compares false
  }
  return latest === -Infinity ? null : { asOf: latest, agesFrom: 'latest-creation' };
}

/** Classifies every account and counts each account's followers per class (see the module doc). */
export function classifyAudience(dataset: Dataset, model: AudienceModel, options: { window: ScoringWindow; flags?: readonly (readonly Flag[])[] }): AudienceTable {
  const n = dataset.accounts.n;
  const dated = audienceAsOf(options.window, dataset.accounts.createdAt);
  const asOf = dated?.asOf ?? null;
  const { class: cls, probability } = classifyAccountClasses(dataset, model, { asOf, flags: options.flags });
  const followers = Object.fromEntries(AUDIENCE_CLASSES.map((c) => [c, new Int32Array(n)])) as Record<AudienceClass, Int32Array>;
  const byClass = AUDIENCE_CLASSES.map((c) => followers[c]);
  const F = dataset.follows;
  const seen = new Set<number>();
  for (let e = 0; e < F.n; e++) {
    const f = F.follower[e]!;
    const a = F.followee[e]!;
    if (f < 0 || a < 0 || f === a) continue;
    const key = a * n + f; // exact below 2^53 for any realistic n
    if (seen.has(key)) continue;
    seen.add(key);
    byClass[cls[f]!]![a]!++;
  }
  return { model: model.version, asOf, agesFrom: dated?.agesFrom ?? null, class: cls, probability, followers };
}

/** Account i's class. */
export function classOf(table: AudienceTable, i: number): AudienceClass {
  return AUDIENCE_CLASSES[table.class[i]!]!;
}

/** Account i's followers per class, and how many the database has. */
export function followerClassesOf(table: AudienceTable, i: number): { total: number; counts: Record<AudienceClass, number> } {
  const counts = Object.fromEntries(AUDIENCE_CLASSES.map((c) => [c, table.followers[c][i]!])) as Record<AudienceClass, number>;
  return { total: AUDIENCE_CLASSES.reduce((s, c) => s + counts[c], 0), counts };
}

/** Account i's audience quality: 100 x real / classified followers with its 95% Wilson interval (audit.ts); null when none is classified. */
export function audienceQualityOf(table: AudienceTable, i: number): { quality: number; interval: [number, number]; classified: number; followers: number } | null {
  const { total, counts } = followerClassesOf(table, i);
  const classified = total - counts.unknown;
  if (classified === 0) return null;
  return { quality: Number(((100 * counts.real) / classified).toFixed(1)), interval: wilsonInterval(counts.real, classified), classified, followers: total };
}
