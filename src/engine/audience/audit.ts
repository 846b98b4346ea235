/**
 * The audience audit of one account (issue 12): who its followers really are.
 *
 *   followers     the accounts the database knows to follow it (follows, follow events)
 *   classes       each follower's verdict (classify.ts): real, suspicious, fake, bot, unknown
 *   quality       100 x real / classified (unknown followers are left out), with a 95%
 *                 Wilson score interval for a proportion from `classified` draws
 *                 (E. B. Wilson, JASA 22, 1927): what the share would be over an audience
 *                 like the one classified, not a margin for classifier error
 *   reach         real followers; when the account declares more followers than the list
 *                 holds, the declared count x quality, with the same interval
 *   engagement    engagement rate against follower-tier benchmarks (engagement.ts)
 *   growth        the follower series with bursts dated (growth.ts), and what each burst
 *                 day's followers were classified as
 * A follower list alone (followers with profiles, no activity) is enough.
 *
 * Example: 1,030 followers, all classified, 618 real -> quality 60.0 [57.0, 62.9].
 */
import type { Dataset } from '../dataset.js';
import type { Flag } from '../result-types.js';
import { DAY_MS, type ScoringWindow } from '../window.js';
import { classifyAccounts, type AccountVerdict } from './classify.js';
import { measureEngagement, type EngagementReport } from './engagement.js';
import { DEFAULT_BURST_CONFIG, growthFromFollowTimes, growthFromSnapshots, type BurstConfig, type GrowthPoint, type GrowthSeries } from './growth.js';
import type { AudienceClass, AudienceModel } from './model.js';

/** Where the date account ages count from came from: a tier of the as-of policy, or the latest account creation (a lower bound: engine/audience/classes.ts). */
export type AgesFrom = 'requested' | 'activity' | 'follow' | 'latest-creation';

/** What an audit needs. */
export interface AudienceAuditInput {
  dataset: Dataset;
  /** index of the audited account */
  account: number;
  model: AudienceModel;
  /** the audit's as-of (epoch ms): account ages and the engagement window; null when not known */
  asOf: number | null;
  /** where asOf came from; 'latest-creation' (a lower bound, no activity in the data) dates ages but no engagement window (default: a data date) */
  agesFrom?: AgesFrom | null;
  windowDays: number;
  /** authenticity flags per account index, when the database has activity */
  flags?: readonly (readonly Flag[])[];
  /** the audited account's declared follower counts at successive imports */
  snapshots?: readonly { at: number; followers: number }[];
  burst?: BurstConfig;
}

/** A growth point with, for burst days of follow times, what that day's new followers were classified as. */
export interface AuditGrowthPoint extends GrowthPoint {
  classes: Record<AudienceClass, number> | null;
}

/** The audit. */
export interface AudienceAudit {
  account: number;
  asOf: number | null;
  agesFrom: AgesFrom | null;
  windowDays: number;
  /** follower accounts in the database */
  followers: number;
  /** the account's own declared follower count, null when not given */
  declaredFollowers: number | null;
  /** followers with a class other than unknown */
  classified: number;
  counts: Record<AudienceClass, number>;
  /** 0-100: real share of the classified followers; null when none was classified */
  quality: number | null;
  /** 95% Wilson interval of quality; null when none was classified */
  interval: [number, number] | null;
  reach: { realFollowers: number; estimatedReal: number | null; estimatedInterval: [number, number] | null };
  engagement: EngagementReport | null;
  growth: { source: GrowthSeries['source']; points: AuditGrowthPoint[]; bursts: AuditGrowthPoint[]; judged: boolean; untimed: number };
  /** one per follower: flagged first (fake, bot, suspicious), likeliest first, then real, then unknown */
  verdicts: AccountVerdict[];
}

/** 95% Wilson score interval of k successes in n, in percent. */
export function wilsonInterval(k: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 100];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const r = (v: number): number => Number((100 * Math.min(1, Math.max(0, v))).toFixed(1));
  return [r(centre - half), r(centre + half)];
}

const ORDER: Record<AudienceClass, number> = { fake: 0, bot: 1, suspicious: 2, real: 3, unknown: 4 };

/** The followers of account `a` (distinct), each with its earliest known follow time (NaN when none). */
export function followersOf(ds: Dataset, a: number): { followers: number[]; times: number[] } {
  const F = ds.follows;
  const first = new Map<number, number>();
  for (let e = 0; e < F.n; e++) {
    if (F.followee[e] !== a) continue;
    const f = F.follower[e]!;
    if (f < 0 || f === a) continue;
    const t = F.createdAt[e]!;
    const had = first.get(f);
    if (had === undefined || (Number.isFinite(t) && (!Number.isFinite(had) || t < had))) first.set(f, t);
  }
  const followers = [...first.keys()].sort((x, y) => x - y);
  return { followers, times: followers.map((f) => first.get(f)!) };
}

/** Audits the audience of one account (see the module comment). */
export function auditAudience(input: AudienceAuditInput): AudienceAudit {
  const { dataset: ds, account, model, asOf, windowDays } = input;
  const { followers, times } = followersOf(ds, account);
  const verdicts = classifyAccounts(ds, model, { asOf, agesAtLeast: input.agesFrom === 'latest-creation', accounts: followers, flags: input.flags });
  const counts: Record<AudienceClass, number> = { real: 0, suspicious: 0, fake: 0, bot: 0, unknown: 0 };
  for (const v of verdicts) counts[v.class]++;
  const classified = followers.length - counts.unknown;
  const quality = classified > 0 ? Number(((100 * counts.real) / classified).toFixed(1)) : null;
  const interval = classified > 0 ? wilsonInterval(counts.real, classified) : null;

  const declared = ds.accounts.followers[account]!;
  const declaredFollowers = Number.isFinite(declared) ? declared : null;
  const extrapolate = declaredFollowers !== null && declaredFollowers > followers.length && quality !== null && interval !== null;
  const reach = {
    realFollowers: counts.real,
    estimatedReal: extrapolate ? Math.round((declaredFollowers * quality) / 100) : null,
    estimatedInterval: extrapolate ? ([Math.round((declaredFollowers * interval[0]) / 100), Math.round((declaredFollowers * interval[1]) / 100)] as [number, number]) : null,
  };

  const agesFrom = asOf === null ? null : (input.agesFrom ?? 'requested');
  const window: ScoringWindow | null = asOf === null || agesFrom === 'latest-creation' ? null : { asOf, windowDays };
  const engagement = window === null ? null : measureEngagement(ds, account, window, followers.length);

  const growth = buildGrowth(times, followers, verdicts, input.snapshots ?? [], input.burst ?? DEFAULT_BURST_CONFIG);
  const sorted = verdicts.slice().sort((x, y) => ORDER[x.class] - ORDER[y.class] || (y.probability ?? 0) - (x.probability ?? 0) || compareHandles(ds, x.index, y.index));
  return { account, asOf, agesFrom, windowDays, followers: followers.length, declaredFollowers, classified, counts, quality, interval, reach, engagement, growth, verdicts: sorted };
}

function compareHandles(ds: Dataset, a: number, b: number): number {
  const ha = ds.accounts.handle[a] ?? '';
  const hb = ds.accounts.handle[b] ?? '';
  return ha < hb ? -1 : ha > hb ? 1 : a - b;
}

/** Follow times when any are known, else the import snapshots; burst days get their followers' classes. */
function buildGrowth(times: number[], followers: number[], verdicts: AccountVerdict[], snapshots: readonly { at: number; followers: number }[], config: BurstConfig): AudienceAudit['growth'] {
  const fromFollows = growthFromFollowTimes(times, config);
  const series = fromFollows.source === 'follows' ? fromFollows : { ...growthFromSnapshots(snapshots, config), untimed: fromFollows.untimed };
  const byDay = new Map<number, Record<AudienceClass, number>>();
  if (series.source === 'follows') {
    const burstDays = new Set(series.bursts.map((p) => p.at / DAY_MS));
    followers.forEach((_, k) => {
      const t = times[k]!;
      if (!Number.isFinite(t)) return;
      const d = Math.floor(t / DAY_MS);
      if (!burstDays.has(d)) return;
      const c = byDay.get(d) ?? { real: 0, suspicious: 0, fake: 0, bot: 0, unknown: 0 };
      c[verdicts[k]!.class]++;
      byDay.set(d, c);
    });
  }
  const points = series.points.map((p) => ({ ...p, classes: p.burst && series.source === 'follows' ? (byDay.get(p.at / DAY_MS) ?? null) : null }));
  return { source: series.source, points, bursts: points.filter((p) => p.burst), judged: series.judged, untimed: series.untimed };
}
