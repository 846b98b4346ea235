/**
 * Engagement rate against follower-tier benchmarks.
 *
 * Definition: ER = mean over the account's own posts in the window (originals, replies and
 * quotes; not its reshares of others) of (likes + replies + reshares + quotes received) /
 * followers x 100, the per-post form HypeAuditor uses ((likes + comments) / followers on
 * Instagram). A post's reactions are its declared counts where the export gives them,
 * else the reactions in the database that name it. Followers: the declared count, else the
 * follower list's length.
 *
 * Benchmark: HypeAuditor, "Instagram Engagement Rate Benchmark 2018" (study run in March
 * 2018 over almost 37,000 Instagram accounts, their last 90 days of activity;
 * https://hypeauditor.com/blog/what-is-instagram-engagement-rate-and-how-to-calculate-it/),
 * six tiers by followers with average and median ER. They are Instagram numbers: other
 * networks engage less per follower (Twitter far less), so the comparison says where an
 * account sits against that scale, not that a lower rate is bad on every network.
 *
 * Example: 3 posts with 30, 10 and 20 reactions, 1,000 followers -> ER 2.0%; tier 1k-5k
 * (median 6.45%): 0.31 of the tier median.
 */
import type { Dataset } from '../dataset.js';
import { KIND } from '../dataset.js';
import { inWindow, type ScoringWindow } from '../window.js';

/** One follower tier and HypeAuditor's 2018 numbers for it. */
export interface Tier {
  label: string;
  /** followers from (inclusive) */
  min: number;
  /** followers up to (exclusive); Infinity for the top tier */
  max: number;
  /** average and median ER in percent, HypeAuditor 2018 (Instagram) */
  averageEr: number;
  medianEr: number;
}

/** HypeAuditor's six tiers, "Instagram Engagement Rate Benchmark 2018" (see the module comment). */
export const HYPEAUDITOR_2018_TIERS: readonly Tier[] = [
  { label: '0-1k', min: 0, max: 1_000, averageEr: 10.58, medianEr: 16.99 },
  { label: '1k-5k', min: 1_000, max: 5_000, averageEr: 4.26, medianEr: 6.45 },
  { label: '5k-20k', min: 5_000, max: 20_000, averageEr: 2.28, medianEr: 3.76 },
  { label: '20k-100k', min: 20_000, max: 100_000, averageEr: 1.62, medianEr: 2.63 },
  { label: '100k-1M', min: 100_000, max: 1_000_000, averageEr: 1.55, medianEr: 2.57 },
  { label: '1M+', min: 1_000_000, max: Infinity, averageEr: 1.54, medianEr: 2.56 },
];

/** Where the benchmark numbers come from. */
export const BENCHMARK_SOURCE = 'HypeAuditor, Instagram Engagement Rate Benchmark 2018 (March 2018, ~37,000 Instagram accounts, last 90 days), https://hypeauditor.com/blog/what-is-instagram-engagement-rate-and-how-to-calculate-it/';

/** The engagement part of an audit. */
export interface EngagementReport {
  /** percent; null when there are no posts in the window or no follower count */
  rate: number | null;
  posts: number;
  /** reactions counted over those posts */
  reactions: number;
  followers: number | null;
  tier: Tier | null;
  /** rate / tier median; null without a rate */
  vsMedian: number | null;
  source: string;
  /** why there is no rate, when there is none */
  note: string | null;
}

/** The tier of a follower count. */
export function tierOf(followers: number, tiers: readonly Tier[] = HYPEAUDITOR_2018_TIERS): Tier {
  return tiers.find((t) => followers >= t.min && followers < t.max) ?? tiers[tiers.length - 1]!;
}

/** Engagement rate of account `i` over the window, against its tier (see the module comment). */
export function measureEngagement(ds: Dataset, i: number, window: ScoringWindow, followerListLength: number, tiers: readonly Tier[] = HYPEAUDITOR_2018_TIERS): EngagementReport {
  const declared = ds.accounts.followers[i]!;
  const followers = Number.isFinite(declared) ? declared : followerListLength > 0 ? followerListLength : null;
  const P = ds.posts;
  const own: number[] = [];
  for (let p = 0; p < P.n; p++) {
    if (P.author[p] !== i || P.kind[p] === 2 /* reshare */ || !inWindow(P.createdAt[p]!, window)) continue;
    own.push(p);
  }
  const base = { posts: own.length, followers, tier: followers === null ? null : tierOf(followers, tiers), source: BENCHMARK_SOURCE };
  if (own.length === 0) return { ...base, rate: null, reactions: 0, vsMedian: null, note: 'no posts by the account in the window' };
  if (followers === null || followers === 0) return { ...base, rate: null, reactions: 0, vsMedian: null, note: 'follower count unknown' };
  // reactions recorded in the database per post, for posts without declared counts
  const counted = new Map<number, number>();
  const I = ds.interactions;
  const postSet = new Set(own);
  for (let e = 0; e < I.n; e++) {
    const post = I.targetPost[e]!;
    if (post < 0 || !postSet.has(post)) continue;
    const k = I.kind[e]!;
    if (k === KIND.like || k === KIND.reply || k === KIND.reshare || k === KIND.quote) counted.set(post, (counted.get(post) ?? 0) + 1);
  }
  let reactions = 0;
  for (const p of own) {
    const declaredSum = [P.likes[p]!, P.reshares[p]!, P.replies[p]!].filter(Number.isFinite);
    reactions += declaredSum.length > 0 ? declaredSum.reduce((s, v) => s + v, 0) : (counted.get(p) ?? 0);
  }
  const rate = (reactions / own.length / followers) * 100;
  const tier = tierOf(followers, tiers);
  // four significant digits, not fixed decimals: a rate of 0.0016% must not round to 0.002 or 0
  return { ...base, rate: Number(rate.toPrecision(4)), reactions, vsMedian: Number((rate / tier.medianEr).toPrecision(4)), note: null };
}
