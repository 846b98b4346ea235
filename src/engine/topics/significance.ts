/**
 * Is an account's use of a topic beyond how people write in general, across all its topics?
 *
 * ASSIGNMENT USES posteriorNullProbability and bayesianFdrSelect (below, empirical Bayes). The
 * negative-binomial p-value with Benjamini-Hochberg described next was the first rule: its
 * p-value, conditioned on the word turning up at all, asks whether the account names t more
 * than other writers who name it, and writers' own burstiness (k = 0.28) is mostly topicality,
 * so 5-10 posts on a rare subject stayed inconclusive on real archives (milahu104: 5 of 33
 * labelled topics; bench/diagnose-real-topics.ts). The functions stay for the dispersion fit.
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

/**
 * Regularized lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a) for a > 0, x >= 0: the
 * Gamma(a, rate 1) distribution function at x. Series below a + 1, continued fraction above
 * (Press et al., Numerical Recipes, 3rd ed., section 6.2).
 * Example: P(1, 1) = 1 - e^-1 = 0.632.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, Math.exp(logPrefix) * sum);
  }
  // Lentz's continued fraction for the upper tail Q(a, x)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/**
 * Empirical Bayes for one account and topic: how likely it is that the account names the topic
 * at most `ratio` times as often as ordinary writing does, given that it named it in n posts
 * where ordinary writing predicts mu.
 *
 * Definition. The account's rate is theta times the background's, with theta ~ Gamma(k, rate k)
 * across writers and words (mean 1; k = the fitted dispersion, bench/fit-topic-dispersion.ts:
 * how much writers' rates of ordinary words spread around the background), and
 * n | theta ~ Poisson(theta * mu). The posterior is Gamma(k + n, rate k + mu), so the local
 * false discovery rate of "the account writes about t" (theta > ratio) is
 *   lfdr(n, mu) = P(theta <= ratio | n, mu) = P_gamma(k + n, ratio * (k + mu)).
 * Unlike a p-value conditioned on the word turning up at all, this keeps the writer's own
 * burstiness (the prior) apart from the question (is this writer's rate beyond the threshold):
 * the prior says "most writers use most words near the background rate, a few far above it",
 * and n posts move the account along it.
 * Source: Gamma-Poisson empirical Bayes (Robbins 1956; Efron 2010, "Large-Scale Inference",
 * ch. 5 local false discovery rates; Church and Gale 1995 for the Gamma mixture of word rates).
 * Example: k = 0.28, ratio 2: 6 posts where 0.25 are expected: P_gamma(6.28, 1.06) = 0.0006;
 * 3 posts where 1.27 are expected: P_gamma(3.28, 3.1) = 0.55 (as likely ordinary as not).
 */
export function posteriorNullProbability(n: number, mu: number, k: number, ratio: number): number {
  if (n <= 0) return 1;
  if (mu <= 0) return 0;
  return regularizedGammaP(k + n, ratio * (k + mu));
}

/**
 * Bayesian false discovery rate control over one family: the largest set of hypotheses, taken
 * in increasing order of lfdr, whose average lfdr (the expected share of false discoveries
 * among them) is at most q (Newton, Noueiry, Sarkar and Ahlquist 2004, Biostatistics 5:155-176;
 * Efron 2010). Returns a flag per input, in input order.
 * Example: lfdr 0.001, 0.02, 0.09, 0.5 at q = 0.05: the first three average 0.037 (kept), all
 * four 0.153 (not): [true, true, true, false].
 */
export function bayesianFdrSelect(lfdr: readonly number[], q: number): boolean[] {
  const order = lfdr.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let sum = 0;
  let k = 0;
  for (let r = 0; r < order.length; r++) {
    sum += order[r]![0];
    if (sum / (r + 1) <= q) k = r + 1;
    else break;
  }
  const out = new Array<boolean>(lfdr.length).fill(false);
  for (let r = 0; r < k; r++) out[order[r]![1]] = true;
  return out;
}
