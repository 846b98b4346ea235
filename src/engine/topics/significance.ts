/**
 * Is an account's use of a topic beyond how people write in general, across all topics at once?
 *
 * Definition. For account a and topic t, n = the account's posts naming t (each counted at its
 * quality, expertise.ts) and mu = the posts the background predicts: mu = sum over languages L
 * of W_a,L * f_t,L, where W_a,L is the number of words a wrote in L in the window and f_t,L the
 * background frequency per word of t's surface forms in L (background.ts; an everyday form that
 * needs sense evidence enters at s0 * f, the share of its ordinary uses that carry such
 * evidence by accident). Ordinary writing gives X ~ Poisson(mu), and
 *   p(a,t) = P(X >= n)                                    (an exact tail: the counts are small)
 *   D(a,t) = max(0, n - mu) / n                            (the share ordinary writing does not explain)
 * Every topic of the ontology is a hypothesis for every account (m = the number of topics, so a
 * topic nobody names still counts against the multiple-testing budget). The account's
 * hypotheses are decided by Benjamini-Hochberg at level q: order the p-values p(1) <= p(2) <= ...,
 * find the largest k with p(k) <= k * q / m, and reject (assign) the k smallest. Decisions are per
 * account, so an account gets the same topics whoever else was imported; they control the false
 * discovery rate over the (account, topic) candidates because each account's family does
 * (the expected share of false topics among an account's topics is at most q).
 * Source: Benjamini and Hochberg (1995), "Controlling the false discovery rate", JRSS B
 * 57:289-300 (valid under the positive dependence of nested topics: Benjamini and Yekutieli
 * 2001, Annals of Statistics 29:1165-1188).
 * Example: 8,033 topics, q = 0.05: the smallest p-value must be below 6.2e-6. An account that
 * wrote 20,000 words names cookies (Zipf 4.1, f = 1.3e-5) in 6 posts: mu = 0.26,
 * p = P(X >= 6 | 0.26) = 3.6e-7, D = 0.96: assigned. In 3 posts: p = 2.6e-3: not assigned.
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
