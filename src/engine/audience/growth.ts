/**
 * Suspicious growth: an account's follower series, from follow times (follows and follow
 * events with a time) or from the declared counts of successive imports, with bursts
 * flagged and dated.
 *
 * Burst rule (follow times): daily new followers g_d over every day from the first follow
 * to the last (days without one count as 0). A day is a burst when
 *   M_d = 0.6745 * (g_d - median(g)) / MAD(g) > 3.5            (modified z-score)
 * and g_d >= minFollows and g_d >= minRatio * max(1, median(g)). The modified z-score and
 * its 3.5 cut-off are Iglewicz and Hoaglin's ("How to Detect and Handle Outliers", ASQC
 * 1993; NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.5.17). When most days are
 * alike MAD is 0; then the mean absolute deviation stands in (M = (g - median) /
 * (1.253314 * MeanAD), the usual substitute), and with no spread at all no day is a burst.
 * Bought followers arrive "within a short period of time (usually a single day)", the
 * pattern influencer-audit tools look for in follower graphs.
 * Successive imports: the same rule on followers gained per day between snapshots.
 *
 * Example: 60 days of 2-4 new followers and one day of 400 -> median 3, MAD 1,
 * M = 0.6745 * 397 = 268 > 3.5: that day is a burst.
 */
import { DAY_MS } from '../window.js';

/** Knobs of the burst rule. */
export interface BurstConfig {
  /** modified z-score above which a day is a burst (Iglewicz and Hoaglin: 3.5) */
  minScore: number;
  /** fewest follows in a day for a burst (a quiet account's 3 in a day is no purchase) */
  minFollows: number;
  /** a burst is at least this many times the typical day */
  minRatio: number;
  /** fewest points (days with a known time, or snapshots) for a series worth judging */
  minPoints: number;
}

export const DEFAULT_BURST_CONFIG: BurstConfig = { minScore: 3.5, minFollows: 20, minRatio: 5, minPoints: 3 };

/** One point of the follower series. */
export interface GrowthPoint {
  /** epoch ms: the day (UTC midnight) for follow times, the import time for snapshots */
  at: number;
  /** followers at that point (cumulative for follow times: those with a time, up to that day) */
  followers: number;
  /** followers gained since the previous point */
  gained: number;
  /** true when the gain is a burst (see the module comment) */
  burst: boolean;
  /** modified z-score of the gain (per day between snapshots); null when the series is too short */
  score: number | null;
}

/** The series and where it came from. */
export interface GrowthSeries {
  source: 'follows' | 'imports' | 'none';
  points: GrowthPoint[];
  bursts: GrowthPoint[];
  /** false when the series is too short for the burst test (BurstConfig.minPoints): no bursts then means none could be seen, not none happened */
  judged: boolean;
  /** follows to the account without a time (not in the series) */
  untimed: number;
}

function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Modified z-scores of values (Iglewicz and Hoaglin), MeanAD when MAD is 0; null when no spread. */
export function modifiedZScores(values: readonly number[]): (number | null)[] {
  const sorted = Float64Array.from(values).sort();
  const med = median(sorted);
  const dev = Float64Array.from(values, (v) => Math.abs(v - med)).sort();
  const mad = median(dev);
  if (mad > 0) return values.map((v) => (0.6745 * (v - med)) / mad);
  const meanAd = dev.reduce((s, v) => s + v, 0) / Math.max(1, dev.length);
  if (meanAd === 0) return values.map(() => null);
  return values.map((v) => (v - med) / (1.253314 * meanAd));
}

/** The follower series from follow times (one follow time per follower; NaN = not known). */
export function growthFromFollowTimes(times: readonly number[], config: BurstConfig = DEFAULT_BURST_CONFIG): GrowthSeries {
  const timed = times.filter((t) => Number.isFinite(t));
  const untimed = times.length - timed.length;
  if (timed.length === 0) return { source: 'none', points: [], bursts: [], judged: false, untimed };
  const days = timed.map((t) => Math.floor(t / DAY_MS));
  let first = days[0]!;
  let last = days[0]!;
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  // every day of the span counts, quiet ones as 0; spans are bounded by the data (a follow per day at most 100k years is not a concern)
  const span = last - first + 1;
  const gains = new Float64Array(span);
  for (const d of days) gains[d - first]!++;
  const judge = span >= config.minPoints;
  const scores = judge ? modifiedZScores(Array.from(gains)) : [];
  const med = median(Float64Array.from(gains).sort());
  const points: GrowthPoint[] = [];
  let total = 0;
  for (let k = 0; k < span; k++) {
    const g = gains[k]!;
    total += g;
    if (g === 0) continue; // the series lists days with new followers; quiet days are implied
    const score = judge ? (scores[k] ?? null) : null;
    const burst = score !== null && score > config.minScore && g >= config.minFollows && g >= config.minRatio * Math.max(1, med);
    points.push({ at: (first + k) * DAY_MS, followers: total, gained: g, burst, score: score === null ? null : round(score) });
  }
  return { source: 'follows', points, bursts: points.filter((p) => p.burst), judged: judge, untimed };
}

/** The follower series from declared counts of successive imports (sorted by time). */
export function growthFromSnapshots(snapshots: readonly { at: number; followers: number }[], config: BurstConfig = DEFAULT_BURST_CONFIG): GrowthSeries {
  const s = snapshots.filter((p) => Number.isFinite(p.followers)).slice().sort((a, b) => a.at - b.at);
  if (s.length === 0) return { source: 'none', points: [], bursts: [], judged: false, untimed: 0 };
  const rates: number[] = [];
  for (let k = 1; k < s.length; k++) rates.push((s[k]!.followers - s[k - 1]!.followers) / Math.max(1, (s[k]!.at - s[k - 1]!.at) / DAY_MS));
  const judge = s.length >= config.minPoints + 1;
  const scores = judge ? modifiedZScores(rates) : [];
  const med = median(Float64Array.from(rates).sort());
  const points: GrowthPoint[] = s.map((p, k) => {
    if (k === 0) return { at: p.at, followers: p.followers, gained: 0, burst: false, score: null };
    const gained = p.followers - s[k - 1]!.followers;
    const score = judge ? (scores[k - 1] ?? null) : null;
    const burst = score !== null && score > config.minScore && gained >= config.minFollows && rates[k - 1]! >= config.minRatio * Math.max(1, med);
    return { at: p.at, followers: p.followers, gained, burst, score: score === null ? null : round(score) };
  });
  return { source: 'imports', points, bursts: points.filter((p) => p.burst), judged: judge, untimed: 0 };
}

const round = (v: number): number => Number(v.toFixed(2));
