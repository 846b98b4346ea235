/**
 * Fits the audience model (model.ts) on labelled accounts: multinomial logistic regression
 * with `real` as reference and one category per archetype, L2-penalised, with sign
 * constraints, by projected Newton; then the decision thresholds on P(real).
 *
 * Definition: minimise
 *   sum_i w_i * -log P(y_i | x_i) + lambda/2 |theta|^2 + lambdaArchetype/2 |delta|^2
 * where archetype a's weights are theta_class(a) + delta_a (see solveConstrainedLogit)
 * over intercepts and weights, where x is standardised (mean 0, scale 1 over the known
 * values) and an unknown value is 0 (the mean), subject to each weight's sign constraint.
 * The objective is convex and the constraints are boxes, so projected Newton (Bertsekas
 * 1982, see solveConstrainedLogit) reaches the unique optimum.
 *
 * Missing data: every example is also seen `copies - 1` more times with feature groups
 * dropped (set unknown) at random, each group with probability `dropRate`, decided by a
 * hash of (seed, example, copy, group): the weights then carry the evidence of the
 * features that remain when an export lacks a column (the marginalisation a mean-imputed
 * linear logit cannot do by itself). Deterministic: no clock, no Math.random.
 *
 * Sign constraints keep each weight on the side the literature and common sense give
 * (more likes given never makes an account look more fake), so that a quirk of one crawl
 * cannot flip a feature's meaning on another source.
 *
 * Example: two examples, one feature, real at x = 1 and fake at x = -1, lambda 1: the
 * optimum has weight < 0 (lower x, more likely fake) and the fake example's P(fake) > 0.5.
 */
import { FEATURE_UNITS, PROFILE_FEATURES, type ProfileFeature } from '../../../src/engine/audience/features.js';
import {
  applyAudienceModel,
  envelopeValue,
  standardScore,
  type Archetype,
  type AudienceModel,
  type EnvelopeMeasure,
  type EnvelopeRule,
  type EvidenceKey,
  type InauthenticClass,
  type ModelFeature,
  type Submodel,
} from '../../../src/engine/audience/model.js';

/** -1: the weight may only be <= 0; 1: only >= 0; 0: free. Per feature, for fake archetypes and for bot archetypes. */
export type SignConstraints = Record<ProfileFeature, { fake: -1 | 0 | 1; bot: -1 | 0 | 1 }>;

/** How to fit. Defaults in AUDIENCE_FIT_DEFAULTS. */
export interface AudienceFitOptions {
  /** L2 penalty on the weights a class's archetypes share */
  lambda: number;
  /** L2 penalty on each archetype's deviation from its class's shared weights */
  lambdaArchetype: number;
  signs: SignConstraints;
  /** groups of features an export may lack together, dropped together in the augmented copies */
  dropGroups: ProfileFeature[][];
  dropRate: number;
  /** copies of each example: 1 as given, the rest with groups dropped */
  copies: number;
  seed: number;
  /** Newton iterations at most */
  maxSweeps: number;
  /**
   * share of real training accounts (weighted) flagged in all: below the `real` threshold,
   * at the mass-following count or beyond the envelope (`budget: 'joint'`); or below the
   * `real` threshold alone (`budget: 'separate'`, model 1.1.0's rule, the mass-followers on top)
   */
  realFlagRate: number;
  budget: 'joint' | 'separate';
  /** share of real training accounts allowed below the `flag` threshold (called fake or bot) */
  hardFlagRate: number;
  /** share of real training accounts allowed at or above the mass-following count */
  massFollowerRate: number;
  /** the envelope's edges (measure and the side that is suspicious), each at `envelopeRate` of the real training accounts */
  envelope: { measure: EnvelopeMeasure; direction: 'below' | 'above' }[];
  envelopeRate: number;
  /**
   * Re-weight the real training accounts so that each population of people (`peopleGroup`,
   * e.g. English-language interface or not) weighs the same in total, the people's total
   * unchanged: the logit, the envelope's edges, the mass-following count and the thresholds
   * (all weighted) then describe "a person" without one population dominating. The group is
   * never a feature. Off (false) without `peopleGroup`.
   */
  balancePeople?: boolean;
}

/** Sign constraints: see the module comment. Ratios and activity point away from fake; missing-profile cues toward it. */
export const AUDIENCE_SIGNS: SignConstraints = {
  followRatio: { fake: -1, bot: -1 }, // more followers per followed account: more likely a person
  followers: { fake: -1, bot: -1 }, // a large audience is not evidence of being fake (celebrities)
  following: { fake: 1, bot: 1 }, // mass-following is the fake-follower's job
  posts: { fake: -1, bot: 0 }, // bought followers rarely post; bots may post a lot
  listed: { fake: -1, bot: -1 }, // others curating the account into lists
  likesGiven: { fake: -1, bot: -1 }, // people like things
  likesPerPost: { fake: 0, bot: -1 }, // bots broadcast without reacting
  ageDays: { fake: -1, bot: -1 }, // older accounts are less likely throwaways
  postsPerDay: { fake: 0, bot: 0 },
  defaultAvatar: { fake: 1, bot: 1 },
  noBio: { fake: 1, bot: 1 },
  hasUrl: { fake: 0, bot: 0 }, // spam links vs personal sites: no prior direction
  hasLocation: { fake: -1, bot: -1 },
  handleDigits: { fake: 1, bot: 1 }, // generated handles (jane84312)
  verified: { fake: -1, bot: -1 },
  likesPerFollowing: { fake: -1, bot: -1 }, // people react to what they follow
};

/** The defaults `scripts/fit-audience.ts` uses for models/audience-v1.json. */
export const AUDIENCE_FIT_DEFAULTS: AudienceFitOptions = {
  lambda: 1,
  lambdaArchetype: 1000,
  signs: AUDIENCE_SIGNS,
  // what a generic export most often lacks: likes given, creation date (or the as-of), lists,
  // the picture, the profile text, the verified mark, even the post count
  dropGroups: [
    ['likesGiven', 'likesPerPost', 'likesPerFollowing'],
    ['ageDays', 'postsPerDay'],
    ['listed'],
    ['defaultAvatar'],
    ['noBio', 'hasUrl', 'hasLocation'],
    ['verified'],
    ['posts', 'likesPerPost', 'postsPerDay'],
  ],
  dropRate: 0.5,
  copies: 4,
  seed: 12,
  maxSweeps: 100,
  // the total share of people flagged, and each envelope edge's share: scripts/fit-audience.ts
  // chooses them on a small grid (choosePair: the best leave-one-source-out mean under the CV
  // bar; models/audience-v1.md, "Choosing the envelope"); these are what it chose, used as given
  // by --quick
  realFlagRate: 0.027,
  budget: 'joint',
  hardFlagRate: 0.008,
  massFollowerRate: 0.008,
  envelope: [
    { measure: 'followRatio', direction: 'below' }, // following >> followers: bought followers, follow farms
    { measure: 'likesPerPost', direction: 'below' }, // posting without reacting: broadcasters
    { measure: 'likesPerDay', direction: 'below' }, // years without a like: dormant or scripted
    // on far more lists than its followers would put it on: lists made by someone other than an
    // audience (model 1.4.0; leave-one-source-out mean 87.9% -> 89.8%, worst family 61.4% ->
    // 76.6%, traditional spambots 3 61.4% -> 81.6%: models/audience-variants.md)
    { measure: 'listedPerFollower', direction: 'above' },
    // an edge on likes per followed account (needs no age) raised the leave-one-source-out mean
    // further but cost the in-distribution catch (1.3.0: route on the labelled files 94.7% < 95%;
    // with the lists edge: CV 92.0% of all non-genuine): not used (models/audience-variants.md)
  ],
  envelopeRate: 0.004,
};

/** An archetype to fit: its name (the labelled source), class and description. */
export interface ArchetypeSpec {
  name: string;
  class: InauthenticClass;
  description: string;
}

/** Labelled training data: feature rows (NaN = unknown), y = 0 real or 1 + archetype index, example weights. */
export interface LabelledFeatures {
  x: Float64Array[];
  y: Uint8Array;
  weight: Float64Array;
  archetypes: ArchetypeSpec[];
  /** per example, the population a real account belongs to (for `balancePeople` only; never a feature) */
  peopleGroup?: Uint8Array;
}

/**
 * The same data with the real accounts re-weighted so that every people group present
 * weighs the same in total, the real accounts' total weight unchanged (inauthentic rows
 * untouched). Without groups, or with one group, the data as given.
 * Example: 3 people of group 0 and 1 of group 1, each weight 1: group 0's weigh 2/3 each,
 * group 1's 2 (total 4).
 */
export function balancePeopleWeights(data: LabelledFeatures): LabelledFeatures {
  const g = data.peopleGroup;
  if (!g) return data;
  const totals = new Map<number, number>();
  let all = 0;
  data.y.forEach((y, i) => {
    if (y !== 0) return;
    totals.set(g[i]!, (totals.get(g[i]!) ?? 0) + data.weight[i]!);
    all += data.weight[i]!;
  });
  if (totals.size < 2) return data;
  const weight = Float64Array.from(data.weight, (w, i) => (data.y[i] === 0 ? (w * all) / (totals.size * totals.get(g[i]!)!) : w));
  return { ...data, weight };
}

/** A 32-bit mix of integers (Murmur3's finaliser): the deterministic "random" of the augmentation. */
function mix(a: number, b: number, c: number, d: number): number {
  let h = (a * 0x9e3779b1) ^ (b * 0x85ebca77) ^ (c * 0xc2b2ae3d) ^ (d * 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Mean and scale (standard deviation, at least 1e-6) of each feature over its known values. */
function standardisation(x: Float64Array[], p: number): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let n = 0;
    let s = 0;
    let ss = 0;
    for (const row of x) {
      const v = row[j]!;
      if (Number.isNaN(v)) continue;
      n++;
      s += v;
      ss += v * v;
    }
    mean[j] = n > 0 ? s / n : 0;
    scale[j] = n > 1 ? Math.max(1e-6, Math.sqrt(Math.max(0, ss / n - mean[j]! ** 2))) : 1;
  }
  return { mean, scale };
}

/** The shared standardisation: mean and scale of each feature over its known training values. */
export function fitStandardisation(data: LabelledFeatures, heldToRealRange: readonly ProfileFeature[] = HELD_TO_REAL_RANGE): ModelFeature[] {
  const p = PROFILE_FEATURES.length;
  const { mean, scale } = standardisation(data.x, p);
  const { lowest, highest } = realRange(data, p);
  return PROFILE_FEATURES.map((name, j) => ({
    name,
    unit: FEATURE_UNITS[name],
    mean: round6(mean[j]!),
    scale: round6(scale[j]!),
    ...(heldToRealRange.includes(name) && Number.isFinite(lowest[j]!) ? { lowest: round6(lowest[j]!), highest: round6(highest[j]!) } : {}),
  }));
}

/**
 * Features read inside the range the labelled people span (ModelFeature.lowest). Account
 * age (and posts per day, which divides by it): the labelled people are 2 to 10 years old
 * only because of when they were sampled, and every younger account in the data is bought
 * or a bot, so a linear logit learns "young = fake" and calls anyone a few months old fake
 * with certainty (a real archive owner of 6 months: P(fake) 0.99). The data says nothing
 * about young people, so youth beyond the oldest-sampled edge is not evidence. The other
 * features keep their full range: a profile following 5,000 with 2 followers is more like a
 * bought one than any labelled fake, and the sign constraints say which way that points.
 */
export const HELD_TO_REAL_RANGE: readonly ProfileFeature[] = ['ageDays', 'postsPerDay'];

/** Per feature, the smallest and largest known value among the real (y = 0) training accounts (see ModelFeature.lowest). */
function realRange(data: LabelledFeatures, p: number): { lowest: Float64Array; highest: Float64Array } {
  const lowest = new Float64Array(p).fill(Infinity);
  const highest = new Float64Array(p).fill(-Infinity);
  data.x.forEach((row, i) => {
    if (data.y[i] !== 0) return;
    for (let j = 0; j < p; j++) {
      const v = row[j]!;
      if (Number.isNaN(v)) continue;
      if (v < lowest[j]!) lowest[j] = v;
      if (v > highest[j]!) highest[j] = v;
    }
  });
  return { lowest, highest };
}

const round6 = (v: number): number => Number(v.toFixed(6));

/** Fits one sub-model's archetype logits on the training rows as an export with `key`'s evidence gives them. */
export function fitSubmodelWeights(data: LabelledFeatures, features: ModelFeature[], key: EvidenceKey, options: AudienceFitOptions = AUDIENCE_FIT_DEFAULTS): { archetypes: Archetype[]; iterations: number } {
  const p = PROFILE_FEATURES.length;
  const hidden: LabelledFeatures = { ...data, x: data.x.map((row) => hideEvidence(row, key)) };
  const design = buildDesign(hidden, options, features);
  const beta = solveConstrainedLogit(design, data.archetypes, options);
  const d = p + 1;
  return {
    archetypes: data.archetypes.map((spec, a) => ({
      ...spec,
      intercept: round6(beta.values[a * d]!),
      weights: PROFILE_FEATURES.map((_, j) => round6(beta.values[a * d + 1 + j]!)),
    })),
    iterations: beta.iterations,
  };
}

/** The augmented, standardised design: rows of [1, z_1..z_p] (unknown = 0), then any product columns, classes and weights. */
export interface Design {
  n: number;
  /** columns per row: 1 + p (+ the product columns) */
  d: number;
  rows: Float64Array;
  y: Uint8Array;
  w: Float64Array;
}

/**
 * The design of the fit: each example `copies` times (the later copies with feature groups
 * dropped), standardised. `products` (development tooling only, bench/audit-people-variants.ts;
 * the shipped fit has none) appends one column per pair (a, b): z_a * z_b of the same copy,
 * 0 when either is unknown or dropped.
 */
export function buildDesign(data: LabelledFeatures, options: AudienceFitOptions, features: ModelFeature[], products: readonly (readonly [number, number])[] = []): Design {
  const p = PROFILE_FEATURES.length;
  const d = p + 1 + products.length;
  const groupsOf = options.dropGroups.map((g) => g.map((name) => PROFILE_FEATURES.indexOf(name)));
  const n0 = data.x.length;
  const n = n0 * options.copies;
  const rows = new Float64Array(n * d);
  const y = new Uint8Array(n);
  const w = new Float64Array(n);
  const dropped = new Uint8Array(p);
  for (let i = 0; i < n0; i++) {
    const x = data.x[i]!;
    for (let c = 0; c < options.copies; c++) {
      const r = i * options.copies + c;
      y[r] = data.y[i]!;
      w[r] = data.weight[i]! / options.copies;
      dropped.fill(0);
      if (c > 0) {
        groupsOf.forEach((g, k) => {
          if (mix(options.seed, i, c, k) < options.dropRate) for (const j of g) dropped[j] = 1;
        });
      }
      const base = r * d;
      rows[base] = 1;
      for (let j = 0; j < p; j++) {
        const v = x[j]!;
        rows[base + 1 + j] = dropped[j] || Number.isNaN(v) ? 0 : standardScore(features[j]!, v);
      }
      products.forEach(([a, b], k) => (rows[base + 1 + p + k] = rows[base + 1 + a]! * rows[base + 1 + b]!));
    }
  }
  return { n, d, rows, y, w };
}

/**
 * Projected Newton for the sign-constrained, L2-penalised multinomial logit (Bertsekas,
 * "Projected Newton methods for optimization problems with simple constraints", SIAM J.
 * Control Optim. 20, 1982): at each step the variables held at their bound by a gradient
 * pointing outward are fixed, the Newton system is solved for the rest, and the step is
 * projected onto the constraints and halved until the objective decreases.
 *
 * Parameters (hierarchical): per class c a shared weight vector theta_c, per archetype a an
 * intercept b_a and a deviation delta_a; archetype a's weights are theta_class(a) + delta_a.
 * theta is penalised by `lambda`, delta by `lambdaArchetype` (larger): what the families of
 * a class share is learnt from all of them, what sets one family apart only as far as the
 * data insists. An unseen family is then judged mostly by the shared part (see
 * leave-one-source-out in scripts/fit-audience.ts). theta and delta both keep the
 * class's sign, so their sum does too. Columns beyond the profile features (a design with
 * more than 1 + PROFILE_FEATURES.length columns, e.g. the pairwise products that
 * bench/audit-people-variants.ts tries) have no sign constraint.
 */
export function solveConstrainedLogit(design: Design, archetypes: ArchetypeSpec[], options: AudienceFitOptions): { values: Float64Array; iterations: number } {
  const { n, d, rows, y, w } = design;
  const K = archetypes.length;
  const p = d - 1;
  const classes: InauthenticClass[] = ['fake', 'bot'];
  const classOf = archetypes.map((a) => classes.indexOf(a.class));
  // parameter layout: theta_fake (p), theta_bot (p), then per archetype [b_a, delta_a (p)]
  const m = 2 * p + K * d;
  const thetaAt = (c: number, j: number): number => c * p + j;
  const archAt = (a: number, k: number): number => 2 * p + a * d + k; // k = 0 intercept, 1..p deviation
  const lower = new Float64Array(m).fill(-Infinity);
  const upper = new Float64Array(m).fill(Infinity);
  const penalty = new Float64Array(m);
  for (let j = 0; j < p; j++) {
    classes.forEach((cls, c) => {
      const name = PROFILE_FEATURES[j];
      const sign = name === undefined ? 0 : options.signs[name][cls];
      const bound = (k: number) => {
        if (sign > 0) lower[k] = 0;
        if (sign < 0) upper[k] = 0;
      };
      bound(thetaAt(c, j));
      penalty[thetaAt(c, j)] = options.lambda;
      archetypes.forEach((_, a) => {
        if (classOf[a] !== c) return;
        bound(archAt(a, 1 + j));
        penalty[archAt(a, 1 + j)] = options.lambdaArchetype;
      });
    });
  }
  /** archetype weight vectors [b_a, w_a] (K x d) from parameters */
  const effective = (params: Float64Array): Float64Array => {
    const beta = new Float64Array(K * d);
    for (let a = 0; a < K; a++) {
      beta[a * d] = params[archAt(a, 0)]!;
      for (let j = 0; j < p; j++) beta[a * d + 1 + j] = params[thetaAt(classOf[a]!, j)]! + params[archAt(a, 1 + j)]!;
    }
    return beta;
  };
  /** the parameters each archetype coordinate (a, k) depends on, with coefficient 1 */
  const sourcesOf = (a: number, k: number): number[] => (k === 0 ? [archAt(a, 0)] : [thetaAt(classOf[a]!, k - 1), archAt(a, k)]);

  const z = new Float64Array(K);
  const prob = new Float64Array(K);
  /** softmax of row r under archetype weights b into prob; returns log-sum-exp (reference logit 0 included) */
  const rowProbs = (b: Float64Array, r: number): number => {
    const base = r * d;
    let top = 0;
    for (let a = 0; a < K; a++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = rows[base + j]!;
        if (v !== 0) s += b[a * d + j]! * v;
      }
      z[a] = s;
      if (s > top) top = s;
    }
    let sum = Math.exp(-top);
    for (let a = 0; a < K; a++) {
      prob[a] = Math.exp(z[a]! - top);
      sum += prob[a]!;
    }
    for (let a = 0; a < K; a++) prob[a]! /= sum;
    return top + Math.log(sum);
  };
  const objective = (params: Float64Array): number => {
    const b = effective(params);
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const lse = rowProbs(b, r);
      loss += w[r]! * (lse - (y[r]! > 0 ? z[y[r]! - 1]! : 0));
    }
    let pen = 0;
    for (let k = 0; k < m; k++) pen += penalty[k]! * params[k]! * params[k]!;
    return loss + pen / 2;
  };
  const params = new Float64Array(m);
  let current = objective(params);
  let iterations = 0;
  const ma = K * d;
  const gArch = new Float64Array(ma);
  const hArch = new Float64Array(ma * ma);
  const nz: number[] = [];
  for (; iterations < options.maxSweeps; iterations++) {
    const beta = effective(params);
    gArch.fill(0);
    hArch.fill(0);
    for (let r = 0; r < n; r++) {
      rowProbs(beta, r);
      const base = r * d;
      const wr = w[r]!;
      nz.length = 0;
      for (let j = 0; j < d; j++) if (rows[base + j] !== 0) nz.push(j);
      for (let a = 0; a < K; a++) {
        const res = wr * (prob[a]! - (y[r] === a + 1 ? 1 : 0));
        for (const j of nz) gArch[a * d + j]! += res * rows[base + j]!;
      }
      // Hessian block (a, b) = w p_a (delta_ab - p_b) x x^T; upper blocks only (b >= a), full within
      for (let a = 0; a < K; a++) {
        for (let b = a; b < K; b++) {
          const c = wr * prob[a]! * ((a === b ? 1 : 0) - prob[b]!);
          if (c === 0) continue;
          for (const j of nz) {
            const vj = c * rows[base + j]!;
            const rowOff = (a * d + j) * ma + b * d;
            for (const l of nz) hArch[rowOff + l]! += vj * rows[base + l]!;
          }
        }
      }
    }
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        for (let j = 0; j < d; j++) for (let l = 0; l < d; l++) hArch[(b * d + l) * ma + a * d + j] = hArch[(a * d + j) * ma + b * d + l]!;
      }
    }
    // chain rule to the parameters: g = M^T gArch, H = M^T hArch M (M is 0/1, two sources per weight)
    const grad = new Float64Array(m);
    const hess = new Float64Array(m * m);
    const src: number[][] = [];
    for (let a = 0; a < K; a++) for (let k = 0; k < d; k++) src.push(sourcesOf(a, k));
    for (let u = 0; u < ma; u++) for (const q of src[u]!) grad[q]! += gArch[u]!;
    for (let u = 0; u < ma; u++) {
      for (let v = 0; v < ma; v++) {
        const h = hArch[u * ma + v]!;
        if (h === 0) continue;
        for (const q of src[u]!) for (const t of src[v]!) hess[q * m + t]! += h;
      }
    }
    for (let k = 0; k < m; k++) {
      grad[k]! += penalty[k]! * params[k]!;
      hess[k * m + k]! += penalty[k]! || 1e-9;
    }
    // variables held at a bound by the gradient are fixed this step
    const free: number[] = [];
    for (let k = 0; k < m; k++) {
      const atLower = params[k]! <= lower[k]! && grad[k]! > 0;
      const atUpper = params[k]! >= upper[k]! && grad[k]! < 0;
      if (!atLower && !atUpper) free.push(k);
    }
    const step = solveSymmetric(hess, m, free, grad);
    let t = 1;
    let improved = false;
    const next = new Float64Array(m);
    for (let tries = 0; tries < 30; tries++, t /= 2) {
      for (let k = 0; k < m; k++) next[k] = Math.min(upper[k]!, Math.max(lower[k]!, params[k]! - t * step[k]!));
      const value = objective(next);
      if (value <= current) {
        improved = current - value > 1e-10 * Math.max(1, Math.abs(current));
        params.set(next);
        current = value;
        break;
      }
    }
    if (!improved) break;
  }
  return { values: effective(params), iterations };
}

/** Solves H[free, free] s = g[free] by Cholesky (H positive definite: L2 penalty); s = 0 elsewhere. */
function solveSymmetric(h: Float64Array, m: number, free: number[], g: Float64Array): Float64Array {
  const k = free.length;
  const L = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = h[free[a]! * m + free[b]!]!;
      for (let c = 0; c < b; c++) sum -= L[a * k + c]! * L[b * k + c]!;
      L[a * k + b] = a === b ? Math.sqrt(Math.max(sum, 1e-12)) : sum / L[b * k + b]!;
    }
  }
  const z = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let sum = g[free[a]!]!;
    for (let c = 0; c < a; c++) sum -= L[a * k + c]! * z[c]!;
    z[a] = sum / L[a * k + a]!;
  }
  const s = new Float64Array(k);
  for (let a = k - 1; a >= 0; a--) {
    let sum = z[a]!;
    for (let c = a + 1; c < k; c++) sum -= L[c * k + a]! * s[c]!;
    s[a] = sum / L[a * k + a]!;
  }
  const out = new Float64Array(m);
  free.forEach((idx, a) => (out[idx] = s[a]!));
  return out;
}

/** The eight evidence keys: likes given, account age, post count, each known or not. */
export const EVIDENCE_KEYS: readonly EvidenceKey[] = [true, false].flatMap((likes) => [true, false].flatMap((age) => [true, false].map((posts) => ({ likes, age, posts }))));

const indices = (names: readonly ProfileFeature[]): number[] => names.map((f) => PROFILE_FEATURES.indexOf(f));
const LIKES_FEATURES = indices(['likesGiven', 'likesPerPost', 'likesPerFollowing']);
const AGE_FEATURES = indices(['ageDays', 'postsPerDay']);
/** without a post count the export is taken to be a bare follower list: followers, following (and likes, age if the key has them) */
const NO_POSTS_FEATURES = indices(['posts', 'likesPerPost', 'postsPerDay', 'listed', 'defaultAvatar', 'noBio', 'hasUrl', 'hasLocation', 'verified']);

/** A feature row as an export with only `key`'s evidence would give it. */
export function hideEvidence(x: Float64Array, key: EvidenceKey): Float64Array {
  const out = Float64Array.from(x);
  if (!key.likes) for (const j of LIKES_FEATURES) out[j] = NaN;
  if (!key.age) for (const j of AGE_FEATURES) out[j] = NaN;
  if (!key.posts) for (const j of NO_POSTS_FEATURES) out[j] = NaN;
  return out;
}

/** The weighted `rate` quantile of the real training accounts' P(real). */
function realQuantile(pReal: Float64Array, data: LabelledFeatures, rate: number): number {
  return jointQuantile(pReal, data, rate, null);
}

/**
 * The smallest P(real) threshold that flags at most `rate` of the real training accounts
 * (by weight) together with those `already` flags (null: none): the already-flagged count
 * against the budget, the rest are flagged by P(real) from the lowest up.
 */
function jointQuantile(pReal: Float64Array, data: LabelledFeatures, rate: number, already: Uint8Array | null): number {
  const reals: { p: number; w: number }[] = [];
  let total = 0;
  let spent = 0;
  for (let i = 0; i < data.y.length; i++) {
    if (data.y[i] !== 0) continue;
    total += data.weight[i]!;
    if (already?.[i]) spent += data.weight[i]!;
    else reals.push({ p: pReal[i]!, w: data.weight[i]! });
  }
  reals.sort((a, b) => a.p - b.p);
  let acc = spent;
  for (const r of reals) {
    if (acc + r.w > rate * total) return r.p;
    acc += r.w;
  }
  return reals.length ? reals[reals.length - 1]!.p : 0.5;
}

/**
 * A sub-model's decision thresholds on P(real), with the training rows as an export with
 * the sub-model's evidence gives them. `real`: with `budget: 'joint'`, the real training
 * accounts flagged in all (mass-followers, beyond the envelope, or P(real) below it) are at
 * most `realFlagRate` (by weight); with 'separate', `realFlagRate` of them are below it.
 * `flag` puts `hardFlagRate` below it. Fewer columns make P(real) less extreme and leave
 * fewer envelope measures known; per-sub-model thresholds keep the share of people flagged
 * at the target whatever the export carries (what it costs is fewer catches).
 */
export function chooseThresholds(model: AudienceModel, sub: Submodel, data: LabelledFeatures, options: Pick<AudienceFitOptions, 'realFlagRate' | 'hardFlagRate' | 'budget'>): { real: number; flag: number } {
  const one: AudienceModel = { ...model, submodels: [sub] };
  const pReal = new Float64Array(data.x.length);
  const already = new Uint8Array(data.x.length);
  data.x.forEach((row, i) => {
    const out = applyAudienceModel(one, hideEvidence(row, sub));
    pReal[i] = out.p.real;
    already[i] = out.massFollower || out.outside.length > 0 ? 1 : 0;
  });
  const real = Math.min(0.99, Math.max(1e-6, jointQuantile(pReal, data, options.realFlagRate, options.budget === 'joint' ? already : null)));
  const flag = Math.min(real, Math.max(1e-6, realQuantile(pReal, data, options.hardFlagRate)));
  // not rounded: rounding up would put the person at the threshold below it
  return { real, flag };
}

/**
 * The envelope's edges: per measure, the weighted `rate` quantile of the real training
 * accounts on the suspicious side (the first value at which more than `rate` of them would
 * be beyond). Only people set it: no inauthentic family enters.
 * Example: 1,000 people, rate 0.004, 'below': the 5th lowest value; the 4 below it are beyond.
 */
export function fitEnvelope(data: LabelledFeatures, options: Pick<AudienceFitOptions, 'envelope' | 'envelopeRate'>): EnvelopeRule[] {
  return options.envelope.map(({ measure, direction }) => {
    const sign = direction === 'below' ? 1 : -1;
    const vals: { v: number; w: number }[] = [];
    let total = 0;
    data.x.forEach((row, i) => {
      if (data.y[i] !== 0) return;
      const v = envelopeValue(measure, row);
      if (Number.isNaN(v)) return;
      vals.push({ v: sign * v, w: data.weight[i]! });
      total += data.weight[i]!;
    });
    vals.sort((a, b) => a.v - b.v);
    let acc = 0;
    let cut = vals.length ? vals[0]!.v : 0;
    for (const e of vals) {
      cut = e.v;
      if (acc + e.w > options.envelopeRate * total) break;
      acc += e.w;
    }
    // rounded toward the people's side, so rounding never puts one more person beyond
    const edge = Math.floor(cut * 1e6) / 1e6;
    let beyond = 0;
    for (const e of vals) if (e.v < edge) beyond += e.w;
    return { measure, direction, threshold: sign * edge, peopleBeyond: Number((total > 0 ? beyond / total : 0).toFixed(5)) };
  });
}

/**
 * Re-chooses every sub-model's thresholds for `options` (the envelope as the model has it):
 * the same fitted weights under another decision rule, e.g. model 1.1.0's (no envelope,
 * separate budget) for the before/after tables.
 */
export function rethreshold(model: AudienceModel, train: LabelledFeatures, options: Pick<AudienceFitOptions, 'realFlagRate' | 'hardFlagRate' | 'budget'>): AudienceModel {
  return { ...model, submodels: model.submodels.map((sub) => ({ ...sub, ...chooseThresholds(model, sub, train, options) })) };
}

/**
 * Fits the whole model: the standardisation, the mass-following count, the envelope, one
 * sub-model per evidence key with its thresholds.
 */
export function fitAudienceModel(given: LabelledFeatures, options: AudienceFitOptions, meta: { version: string; description: string; provenance: Record<string, unknown> }): AudienceModel {
  const train = options.balancePeople ? balancePeopleWeights(given) : given;
  const features = fitStandardisation(train);
  const massFollowing = chooseMassFollowing(train, options.massFollowerRate);
  const envelope = fitEnvelope(train, options);
  const base: AudienceModel = { schema: 1, version: meta.version, description: meta.description, features, submodels: [], massFollowing, envelope, provenance: meta.provenance };
  const iterations: number[] = [];
  const submodels = EVIDENCE_KEYS.map((key) => {
    const fitted = fitSubmodelWeights(train, features, key, options);
    iterations.push(fitted.iterations);
    const draft: Submodel = { ...key, archetypes: fitted.archetypes, real: 0.5, flag: 0.5 };
    return { ...draft, ...chooseThresholds(base, draft, train, options) };
  });
  return { ...base, submodels, provenance: { ...meta.provenance, newtonIterations: iterations } };
}

/**
 * The mass-following count: the smallest following count (a whole number) that at most
 * `massFollowerRate` of the real training accounts (by weight) reach.
 * Example: 1,000 people of whom 8 follow 5,200 or more and 9 follow 4,990 or more, rate
 * 0.008 -> 5,200 (or the count just above the 9th person's).
 */
export function chooseMassFollowing(data: LabelledFeatures, rate: number): number {
  const j = PROFILE_FEATURES.indexOf('following');
  const reals: { v: number; w: number }[] = [];
  for (let i = 0; i < data.y.length; i++) if (data.y[i] === 0 && !Number.isNaN(data.x[i]![j]!)) reals.push({ v: Math.round(10 ** data.x[i]![j]! - 1), w: data.weight[i]! });
  reals.sort((a, b) => b.v - a.v);
  const total = reals.reduce((s, r) => s + r.w, 0);
  let acc = 0;
  let cut = reals.length ? reals[0]!.v + 1 : 5000;
  for (let k = 0; k < reals.length; k++) {
    const v = reals[k]!.v;
    let group = 0;
    let end = k;
    while (end < reals.length && reals[end]!.v === v) group += reals[end++]!.w;
    if (acc + group > rate * total) break;
    acc += group;
    cut = v;
    k = end - 1;
  }
  return cut;
}

