/**
 * Is an account's use of a topic beyond how people write in general, across all its topics?
 *
 * Definition. For account a and topic t, n = the account's posts naming t (expertise.ts) and
 * mu = the posts the background predicts: mu = sum over languages L of W_a,L * f_t,L, where
 * W_a,L is the number of words a wrote in L in the window and f_t,L the background frequency
 * per word of t's surface forms in L (background.ts; an everyday form that needs sense
 * evidence enters at s0 * f, the share of its ordinary uses that carry such evidence by chance).
 * A writer is burstier than Poisson: their rate of a word is the background's times a
 * Gamma(k, 1/k) factor of their own, so X ~ NegativeBinomial(mean mu, shape k), with k = 0.28
 * fitted on real archives (bench/fit-topic-dispersion.ts: words that name no topic, in the
 * owners' 90-day windows; held-out log-likelihood far above Poisson's). Then
 *   p(a,t) = P(X >= n | X >= 1) = P(X >= n) / P(X >= 1)
 *   D(a,t) = max(0, n - mu) / n                            (the share ordinary writing does not explain)
 * The family of an account is every topic it names at least once (or reaches through a
 * sub-topic); conditioning each p-value on that selection keeps it valid (a p-value given the
 * event that put the hypothesis in the family; Fithian, Sun and Taylor 2014, arXiv:1410.2597),
 * and the family is decided by Benjamini-Hochberg at level q: order the p-values p(1) <= p(2) <= ...,
 * find the largest k with p(k) <= k * q / m, and reject (assign) the k smallest. Decisions are per
 * account, so an account gets the same topics whoever else was imported, and the expected share
 * of false topics among each account's topics is at most q, hence over all (account, topic)
 * candidates too.
 * Source: Benjamini and Hochberg (1995), "Controlling the false discovery rate", JRSS B
 * 57:289-300 (valid under the positive dependence of nested topics: Benjamini and Yekutieli
 * 2001, Annals of Statistics 29:1165-1188); negative binomial word counts: Church and Gale
 * (1995), "Poisson mixtures", Natural Language Engineering 1:163-190.
 * Example: an account names 30 topics (m = 30), q = 0.05; overpopulation in 29 posts where
 * ordinary writing predicts mu = 0.016: p = 1e-40, assigned. Venezuela in 3 posts at mu = 0.23:
 * P(X >= 3) / P(X >= 1) = 0.11: not assigned.
 */

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

/** D: the share of the n posts beyond the mu ordinary writing predicts. */
export function distinctShare(n: number, mu: number): number {
  return n > 0 ? Math.max(0, n - mu) / n : 0;
}

/**
 * Benjamini-Hochberg: of these p-values (one family of `m` hypotheses, the untested ones
 * counting as p = 1), which are rejected at level q. Returns a flag per input, in input order.
 */
export function benjaminiHochberg(pValues: readonly number[], m: number, q: number): boolean[] {
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const family = Math.max(m, pValues.length);
  let k = 0;
  for (let r = order.length; r >= 1; r--) {
    if (order[r - 1]![0] <= (r * q) / family) {
      k = r;
      break;
    }
  }
  const out = new Array<boolean>(pValues.length).fill(false);
  for (let r = 0; r < k; r++) out[order[r]![1]] = true;
  return out;
}

/** ln Gamma(x) for x > 0 (Lanczos, g = 7). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln P(X = n) for X ~ NegativeBinomial(mean mu, shape k): Poisson(mu * G), G ~ Gamma(k, 1/k). */
export function negativeBinomialLogPmf(n: number, mu: number, k: number): number {
  return logGamma(n + k) - logGamma(k) - logGamma(n + 1) + k * Math.log(k / (k + mu)) + n * Math.log(mu / (k + mu));
}

/** P(X >= n) for X ~ NegativeBinomial(mean mu, shape k), summed upward from n. */
export function negativeBinomialUpperTail(n: number, mu: number, k: number): number {
  if (n <= 0) return 1;
  if (mu <= 0) return 0;
  if (!Number.isFinite(k)) return poissonUpperTail(n, mu);
  const q = mu / (k + mu);
  if (n <= mu) {
    let below = 0;
    for (let j = 0; j < n; j++) below += Math.exp(negativeBinomialLogPmf(j, mu, k));
    return Math.max(0, Math.min(1, 1 - below));
  }
  let term = Math.exp(negativeBinomialLogPmf(n, mu, k));
  let sum = 0;
  for (let j = n; term > sum * 1e-15 && j < n + 100_000; j++) {
    sum += term;
    term *= ((j + k) / (j + 1)) * q;
  }
  return Math.min(1, sum);
}
