/**
 * Seeded randomness for the synthetic world. Never Math.random, never the clock: the same
 * seed gives the same stream on every machine (only 32-bit integer ops and IEEE doubles).
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter, from PractRand; passes
 * PractRand to 2^40+ bytes), seeded through splitmix32 so that nearby seeds give unrelated
 * streams. Samplers are the textbook ones, each named with its source below.
 */

/** Mixes any number of integers and strings into one 32-bit seed (murmur3 finaliser per step). */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === 'number') {
      // split into 2 x 32 bits so doubles above 2^32 (times in ms) still mix fully
      h = mix32(h ^ (part >>> 0));
      h = mix32(h ^ Math.floor(part / 4294967296));
    } else {
      for (let i = 0; i < part.length; i++) h = mix32(h ^ part.charCodeAt(i));
      h = mix32(h ^ part.length);
    }
  }
  return h >>> 0;
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

const TWO_32 = 4294967296;

/** A seeded pseudo-random stream (sfc32) with the samplers the simulator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  constructor(seed: number | string, ...more: (number | string)[]) {
    const st = { s: hashSeed(seed, ...more) };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /**
   * A cheap stream for item `index` of a family keyed by `base` (a hashSeed value): for
   * per-post text, where millions of small streams are made. splitmix32 seeding already
   * decorrelates neighbouring indexes, so fewer warm-up rounds are needed.
   */
  static forItem(base: number, index: number): Rng {
    const r = Object.create(Rng.prototype) as Rng;
    const st = { s: mix32(base ^ mix32(index >>> 0)) };
    r.a = splitmix32(st);
    r.b = splitmix32(st);
    r.c = splitmix32(st);
    r.d = 1;
    r.spare = NaN;
    for (let i = 0; i < 4; i++) r.u32();
    return r;
  }

  /** A new independent stream derived from this one's seed material and a label. */
  fork(label: string | number): Rng {
    return new Rng(this.u32(), label);
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.u32() / TWO_32;
  }

  /** Uniform in (0, 1): safe for logarithms. */
  open(): number {
    return (this.u32() + 0.5) / TWO_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Marsaglia polar method, Marsaglia & Bray 1964), one spare cached. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** exp(N(mu, sigma^2)): the median is exp(mu). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Lognormal given its median directly. */
  lognormalMedian(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(this.open()) * mean;
  }

  /** Pareto type I: P(X > x) = (xm / x)^alpha for x >= xm (inverse transform). */
  pareto(xm: number, alpha: number): number {
    return xm / Math.pow(this.open(), 1 / alpha);
  }

  /** Geometric number of failures before the first success, P(k) = (1-p)^k p. */
  geometric(p: number): number {
    if (p >= 1) return 0;
    return Math.floor(Math.log(this.open()) / Math.log(1 - p));
  }

  /**
   * Poisson(lambda). Knuth's multiplication method below 30; above, Hormann's PTRS
   * transformed rejection ("The transformed rejection method for generating Poisson random
   * variables", Insurance: Mathematics and Economics 12, 1993), O(1) for any lambda.
   */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = this.next();
      while (p > limit) {
        k++;
        p *= this.next();
      }
      return k;
    }
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.open();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
    }
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

const LOG_FACT_TABLE: number[] = [0];
for (let i = 1; i < 256; i++) LOG_FACT_TABLE.push(LOG_FACT_TABLE[i - 1]! + Math.log(i));

/** ln(k!), exact below 256, Stirling series above (error < 1e-10 there). */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACT_TABLE[k]!;
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/**
 * Walker's alias method (Vose's O(n) construction, "A linear algorithm for generating
 * random numbers with a given distribution", IEEE TSE 1991): O(1) weighted draws, for
 * millions of draws over a fixed set of weights.
 */
export class AliasTable {
  readonly n: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error('AliasTable: no weights');
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`AliasTable: weight ${i} is ${w}`);
      total += w;
    }
    if (!(total > 0)) throw new Error('AliasTable: weights sum to 0');
    this.n = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / total;
      if (scaled[i]! < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns]!;
      const l = large[--nl]!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl > 0) {
      const l = large[--nl]!;
      this.prob[l] = 1;
      this.alias[l] = l;
    }
    while (ns > 0) {
      const s = small[--ns]!;
      this.prob[s] = 1;
      this.alias[s] = s;
    }
  }

  /** One weighted draw: an index in [0, n). */
  sample(rng: Rng): number {
    const x = rng.next() * this.n;
    const i = Math.floor(x);
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

/**
 * Weighted draw from a slice [lo, hi) of a running-sum array (cum[i] = sum of weights up to
 * and including i, restarting at each slice's start is not required): binary search,
 * O(log n). Used for per-author follower sets stored in CSR form.
 */
export function sampleCumulative(cum: Float64Array, lo: number, hi: number, rng: Rng): number {
  const base = lo > 0 ? cum[lo - 1]! : 0;
  const target = base + rng.next() * (cum[hi - 1]! - base);
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (cum[m]! > target) b = m;
    else a = m + 1;
  }
  return a;
}

/**
 * Zipf(s) over ranks 1..n by inverse transform on a precomputed CDF (binary search):
 * P(k) proportional to k^-s.
 */
export class ZipfTable {
  private readonly cdf: Float64Array;
  constructor(n: number, s: number) {
    this.cdf = new Float64Array(n);
    let acc = 0;
    for (let k = 1; k <= n; k++) {
      acc += Math.pow(k, -s);
      this.cdf[k - 1] = acc;
    }
  }
  /** A rank in [1, n]. */
  sample(rng: Rng): number {
    return sampleCumulative(this.cdf, 0, this.cdf.length, rng) + 1;
  }
}
