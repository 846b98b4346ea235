/**
 * Distinctiveness: how much of an account's use of a topic ordinary use does not explain.
 *
 * Definition. An account has n posts on topic t among its N_a posts. Everybody else's rate
 * of t is the reference, smoothed so that small corpora stay sane:
 *   r_out = (C_t,out + B*r0) / (N_out + B)        posts in other languages than the account's
 *   r     = (C_t,g - n_g + B*r_out) / (N_g - N_a,g + B)
 * where g is the language most of the account's posts are tagged with (untagged counts as a
 * language of its own), C and N count posts (the account's own taken out), B = 100 posts and
 * r0 = 0.002. With one language r = (C_t - n + B*r0) / (N - N_a + B). The language level is
 * why "elle" (French for "she") does not make French speakers experts on the magazine Elle.
 * Ordinary use predicts mu = N_a * r posts, and D = max(0, n - mu) / n is the share of the
 * account's posts on t beyond ordinary use (D >= 0.5: at least twice everybody else's rate).
 * A topic is significantly distinct for the account when also P(X >= n | X ~ Poisson(mu))
 * < alpha (alpha = 0.001): a few lucky posts with an everyday word are not expertise.
 * Source: lift against a background corpus, the role IDF plays in TF-IDF; an exact Poisson
 * tail rather than a z-score because the counts are small.
 * Example: 4 posts on "desserts" of 15 where everybody else is at 4.4%: mu = 0.66,
 * D = 0.83 but P(X >= 4) = 0.005: not significant. 10 posts on music of 40 where others are
 * at 4.4%: mu = 1.76, P(X >= 10) = 1.6e-5, D = (10 - 1.76) / 10 = 0.82.
 */
import type { TopicConfig } from './expertise.js';

/** An account's use of one topic. */
export interface TopicUsage {
  /** the account's posts on the topic (quality-weighted), and of them those in its main language group */
  n: number;
  nGroup: number;
  /** the account's posts, and of them those in its main language group */
  posts: number;
  postsGroup: number;
}

/** The corpus the usage is compared with (the account's own posts included; they are taken out). */
export interface TopicReference {
  count: number;
  posts: number;
  groupCount: number;
  groupPosts: number;
}

/** Everybody else's rate of the topic, smoothed toward other languages and a prior. */
export function referenceRate(u: TopicUsage, ref: TopicReference, config: TopicConfig): number {
  const { priorRate, priorPosts } = config.lift;
  const outCount = Math.max(0, ref.count - ref.groupCount - (u.n - u.nGroup));
  const outPosts = Math.max(0, ref.posts - ref.groupPosts - (u.posts - u.postsGroup));
  const out = (outCount + priorPosts * priorRate) / (outPosts + priorPosts);
  return (Math.max(0, ref.groupCount - u.nGroup) + priorPosts * out) / (Math.max(0, ref.groupPosts - u.postsGroup) + priorPosts);
}

/** D: the share of the account's posts on the topic beyond what ordinary use predicts. */
export function distinctShare(u: TopicUsage, ref: TopicReference, config: TopicConfig): number {
  if (u.n <= 0) return 0;
  return Math.max(0, u.n - u.posts * referenceRate(u, ref, config)) / u.n;
}

/** D >= minDistinctiveness and the count is beyond chance (Poisson tail < alpha). */
export function isSignificantlyDistinct(u: TopicUsage, ref: TopicReference, config: TopicConfig): boolean {
  if (u.n <= 0) return false;
  const mu = u.posts * referenceRate(u, ref, config);
  // weighted counts are not integers; the tail of the whole part is the conservative choice
  return (u.n - mu) / u.n >= config.minDistinctiveness && poissonUpperTail(Math.floor(u.n), mu) < config.lift.alpha;
}

/** P(X >= n) for X ~ Poisson(mu), summed in log space from n upward (n an integer >= 0). */
export function poissonUpperTail(n: number, mu: number): number {
  if (n <= 0) return 1;
  if (mu <= 0) return 0;
  if (n <= mu) return 1 - poissonLowerTail(n - 1, mu);
  let term = Math.exp(-mu + n * Math.log(mu) - logFactorial(n));
  let sum = 0;
  for (let k = n; term > sum * 1e-15 && k < n + 10_000; k++) {
    sum += term;
    term *= mu / (k + 1);
  }
  return Math.min(1, sum);
}

/** P(X <= n) for X ~ Poisson(mu). */
function poissonLowerTail(n: number, mu: number): number {
  let term = Math.exp(-mu);
  let sum = term;
  for (let k = 1; k <= n; k++) {
    term *= mu / k;
    sum += term;
  }
  return Math.min(1, sum);
}

/** ln(n!) by Stirling's series (exact enough past 20, summed below). */
function logFactorial(n: number): number {
  if (n < 20) {
    let s = 0;
    for (let k = 2; k <= n; k++) s += Math.log(k);
    return s;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}
