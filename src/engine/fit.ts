/**
 * Fitting the model to labelled pairs: Bradley-Terry with a logistic link on feature
 * differences, L2-regularised, curves constrained to be non-decreasing.
 *
 * Definition. Each fitted feature's curve is a sum of segment ramps in log space,
 *   g_k(t) = sum_j beta_kj * clamp(t - K_j, 0, K_{j+1} - K_j)   (last segment open),
 * so beta_kj is the curve's slope on segment j and beta >= 0 makes g_k non-decreasing
 * (the DESIGN's monotonicity) with any concave or convex shape. For a pair (A, B) with
 * y = 1 when A was judged more influential:
 *   P(y = 1) = sigma(o + x . beta),  x = ramps(A) - ramps(B),  o = prior curves(A) - (B)
 *   minimise  sum_pairs [log(1 + e^m) - y m] + lambda/2 |beta|^2,   subject to beta >= 0
 * solved by projected Newton (Bertsekas 1982) with an Armijo line search: deterministic,
 * no random starts, fixed iteration order. Features the pairs do not show (absent in most
 * accounts) keep the spec's prior curve and enter as the offset o. Missing values are
 * imputed exactly as scoring does (engine/impute.ts), with the reference statistics of the
 * training accounts.
 *
 * Sources: Bradley and Terry (1952), "Rank analysis of incomplete block designs";
 * Bertsekas (1982), "Projected Newton methods for optimization problems with simple
 * constraints"; the Kaggle/PeerIndex "Influencers in Social Networks" task (2013).
 *
 * Calibration: the raw totals of the training accounts, importance-weighted so that their
 * follower counts follow the spec's "realistic active population" (log10 followers normal),
 * are mapped by weighted quantiles to the spec's Klout-shaped targets (median 40, 95th
 * percentile 63, 99th 71).
 *
 * Worked example: one feature, knots [0, 5], pairs where the larger value wins 3 times out
 * of 4: the fit gives positive slopes, the winner's total is larger, AUC > 0.5.
 */
import type { FeatureVector, ScoredFeature } from './features.js';
import { imputeMissing, MAX_LOADING } from './impute.js';
import { pairAccuracy, pairAuc } from './metrics.js';
import { evaluateCurve, SCORE_GROUPS, type Calibration, type Model, type ModelFeature, type ScoreGroup } from './model.js';
import type { ModelSpec } from './model-spec.js';
import { evaluateModel, scoreFeatureVector, toLogSpace, type Evaluation } from './score.js';

/** Two accounts' features and which one was judged more influential. */
export interface LabelledPair {
  a: FeatureVector;
  b: FeatureVector;
  /** 1 when A was judged more influential, 0 when B */
  winner: 0 | 1;
  /** identities of the two accounts (dedupes the reference population); default: their values */
  aKey?: string;
  bKey?: string;
  /** where the pair came from (a file name): fit reports cross-validated AUC per source */
  source?: string;
  /** authenticity damping and cap of each side when scored (default 1 and 100); fitting ignores them */
  aDamping?: number;
  bDamping?: number;
  aCap?: number;
  bCap?: number;
}

/** Fitting parameters and what to record in the model file. */
export interface FitOptions {
  /** L2 penalty on the slopes */
  lambda: number;
  /** cross-validation folds (pair i goes to fold i mod folds); 0 or 1: none */
  folds: number;
  /** interior knots per fitted feature (quantiles of the training accounts) */
  knots: number;
  /** a feature is fitted when present in at least this share of training accounts */
  minPresence: number;
  version: string;
  description: string;
  /** recorded in the model file (command, data hash, date ...); fit adds its own numbers */
  provenance: Record<string, unknown>;
}

/** lambda 1, 5 folds, 4 interior knots, fitted when present in half the training accounts. */
export const DEFAULT_FIT_OPTIONS = { lambda: 1, folds: 5, knots: 4, minPresence: 0.5 } as const;

/** The fitted model with its cross-validated and in-sample quality. */
export interface FitReport {
  model: Model;
  cv: { folds: number; auc: number; accuracy: number; foldAuc: number[]; bySource: Record<string, number> } | null;
  inSample: { auc: number; accuracy: number };
  fitted: ScoredFeature[];
  prior: ScoredFeature[];
  iterations: number;
}

/** Fits a model to labelled pairs, with k-fold cross-validation. */
export function fitModel(spec: ModelSpec, pairs: LabelledPair[], options: FitOptions): FitReport {
  if (pairs.length < 2) throw new Error('fit needs at least 2 labelled pairs');
  let cv: FitReport['cv'] = null;
  if (options.folds >= 2) {
    const diff = new Float64Array(pairs.length);
    const winner = Uint8Array.from(pairs, (p) => p.winner);
    const foldAuc: number[] = [];
    for (let f = 0; f < options.folds; f++) {
      const train = pairs.filter((_, i) => i % options.folds !== f);
      const testIdx = pairs.map((_, i) => i).filter((i) => i % options.folds === f);
      const { model } = fitOnce(spec, train, options);
      const d = testIdx.map((i) => scorePair(model, pairs[i]!));
      testIdx.forEach((i, k) => (diff[i] = d[k]!));
      foldAuc.push(round(pairAuc(d, testIdx.map((i) => winner[i]!)), 4));
    }
    const bySource: Record<string, number> = {};
    for (const src of [...new Set(pairs.map((p) => p.source ?? 'pairs'))].sort()) {
      const idx = pairs.map((p, i) => ((p.source ?? 'pairs') === src ? i : -1)).filter((i) => i >= 0);
      bySource[src] = round(pairAuc(idx.map((i) => diff[i]!), idx.map((i) => winner[i]!)), 4);
    }
    cv = { folds: options.folds, auc: round(pairAuc(diff, winner), 4), accuracy: round(pairAccuracy(diff, winner), 4), foldAuc, bySource };
  }
  const { model, fitted, prior, iterations } = fitOnce(spec, pairs, options);
  const diff = pairs.map((p) => scorePair(model, p));
  const winner = pairs.map((p) => p.winner);
  const inSample = { auc: round(pairAuc(diff, winner), 4), accuracy: round(pairAccuracy(diff, winner), 4) };
  model.provenance = {
    ...options.provenance,
    pairs: pairs.length,
    lambda: options.lambda,
    fitted,
    prior,
    ...(cv ? { cvFolds: cv.folds, cvAuc: cv.auc, cvAccuracy: cv.accuracy, cvFoldAuc: cv.foldAuc, cvAucBySource: cv.bySource } : {}),
    inSampleAuc: inSample.auc,
    inSampleAccuracy: inSample.accuracy,
    calibration: `the training accounts, importance-weighted so that log10(followers) ~ Normal(${spec.referenceFollowers.log10Mean}, ${spec.referenceFollowers.log10Sd}) (a realistic active population); targets ${spec.calibrationTargets.map((t) => `q${t.quantile}->${t.score}`).join(', ')}`,
  };
  return { model, cv, inSample, fitted, prior, iterations };
}

/** Score difference of a pair under a model (calibrated, unrounded): the eval statistic. */
export function scorePair(model: Model, pair: LabelledPair): number {
  return scoreFeatureVector(model, pair.a, pair.aDamping ?? 1, pair.aCap ?? 100).score - scoreFeatureVector(model, pair.b, pair.bDamping ?? 1, pair.bCap ?? 100).score;
}

/** The model's AUC and accuracy on pairs, with the followers-alone and listed-alone baselines. */
export function evaluatePairs(model: Model, pairs: LabelledPair[]): { n: number; auc: number; accuracy: number; baselines: { followers: number; listed: number } } {
  const winner = pairs.map((p) => p.winner);
  const diff = pairs.map((p) => scorePair(model, p));
  const alone = (f: 'followers' | 'listed') =>
    pairs.map((p) => {
      const d = toLogSpace(p.a.value[f]) - toLogSpace(p.b.value[f]);
      return Number.isNaN(d) ? 0 : d; // a side without the count: no opinion (a tie)
    });
  return {
    n: pairs.length,
    auc: round(pairAuc(diff, winner), 4),
    accuracy: round(pairAccuracy(diff, winner), 4),
    baselines: { followers: round(pairAuc(alone('followers'), winner), 4), listed: round(pairAuc(alone('listed'), winner), 4) },
  };
}

function logValues(names: readonly ScoredFeature[], fv: FeatureVector): Float64Array {
  return Float64Array.from(names, (f) => toLogSpace(fv.value[f]));
}

interface Account {
  t: Float64Array;
  weight: number;
}

function fitOnce(spec: ModelSpec, pairs: LabelledPair[], options: FitOptions): { model: Model; fitted: ScoredFeature[]; prior: ScoredFeature[]; iterations: number } {
  const names = spec.features.map((f) => f.name);
  const K = names.length;
  const accounts = referenceAccounts(spec, pairs, names);
  const presence = names.map((_, k) => accounts.filter((a) => !Number.isNaN(a.t[k]!)).length / accounts.length);
  // shown: present in enough training accounts to estimate its distribution; fitted: shown
  // and not fixed by the spec (a fixed feature keeps its prior curve)
  const isShown = presence.map((p) => p >= options.minPresence && p > 0);
  const isFitted = isShown.map((shown, k) => shown && spec.features[k]!.fixed !== true);

  // reference statistics: data for shown features, the spec's priors for the rest
  const features: ModelFeature[] = spec.features.map((fs, k) => {
    const present = accounts.filter((a) => !Number.isNaN(a.t[k]!));
    const reference = isShown[k]
      ? { ...weightedReference(present.map((a) => a.t[k]!), present.map((a) => a.weight)), loading: 0 }
      : { ...fs.prior.reference };
    return { name: fs.name, group: fs.group, unit: fs.unit, knots: [...fs.prior.knots], points: [...fs.prior.points], fitted: isFitted[k]!, reference, importance: 0 };
  });
  const loadings = factorLoadings(accounts, isShown);
  features.forEach((f, k) => {
    if (isShown[k]) f.reference.loading = round(loadings[k]!, 4);
  });
  const skeleton: Model = {
    schema: 1,
    version: options.version,
    description: options.description,
    provenance: {},
    units: spec.units,
    features,
    imputation: { method: 'conditional expectation under a one-factor model of the standardised log features (engine/impute.ts)', maxFactor: spec.imputationMaxFactor },
    calibration: { totals: [0, 1], scores: [spec.floor, 100], max: 100 },
    subscoreCalibration: { reach: { totals: [0, 1], scores: [0, 100], max: 100 }, amplification: { totals: [0, 1], scores: [0, 100], max: 100 }, network: { totals: [0, 1], scores: [0, 100], max: 100 } },
    network: { ...spec.network, kindWeights: { ...spec.network.kindWeights } },
  };

  // segment knots of fitted features: 0 and interior quantiles of the training accounts
  const segKnots: number[][] = names.map((_, k) => {
    if (!isFitted[k]) return [];
    const vals = accounts.map((a) => a.t[k]!).filter((v) => !Number.isNaN(v)).sort((x, y) => x - y);
    // evenly spaced quantiles, plus the 95th and 99th percentiles so the top of the range
    // (where influential accounts are) has segments of its own
    const qs = [...Array.from({ length: options.knots }, (_, q) => (q + 1) / (options.knots + 1)), 0.95, 0.99];
    const ks = [0];
    for (const q of qs) {
      const v = round(quantileSorted(vals, q), 2);
      if (v > ks[ks.length - 1]! + 0.05) ks.push(v);
    }
    return ks;
  });
  const tMax = names.map((_, k) => Math.max(...accounts.map((a) => (Number.isNaN(a.t[k]!) ? 0 : a.t[k]!))));

  // imputed log values of every pair side (imputation needs only reference stats and rho)
  const side = (fv: FeatureVector): Float64Array => {
    const t = logValues(names, fv);
    imputeMissing(skeleton, t);
    return t;
  };
  const columns: { k: number; j: number; lo: number; width: number }[] = [];
  segKnots.forEach((ks, k) => ks.forEach((lo, j) => columns.push({ k, j, lo, width: j + 1 < ks.length ? ks[j + 1]! - lo : Infinity })));
  const P = columns.length;
  const X = new Float64Array(pairs.length * P);
  const offset = new Float64Array(pairs.length);
  const y = new Float64Array(pairs.length);
  pairs.forEach((pair, i) => {
    const ta = side(pair.a);
    const tb = side(pair.b);
    columns.forEach((c, p) => {
      X[i * P + p] = ramp(ta[c.k]!, c.lo, c.width) - ramp(tb[c.k]!, c.lo, c.width);
    });
    let o = 0;
    features.forEach((f, k) => {
      if (!isFitted[k]) o += evaluateCurve(f.knots, f.points, ta[k]!) - evaluateCurve(f.knots, f.points, tb[k]!);
    });
    offset[i] = o;
    y[i] = pair.winner;
  });
  const { beta, iterations } = fitLogisticNonNegative(X, offset, y, P, options.lambda);

  // slopes -> knots and points (rounded: the file is what scores), extended past the data
  names.forEach((_, k) => {
    if (!isFitted[k]) return;
    const ks = segKnots[k]!;
    const slopes = columns.map((c, p) => (c.k === k ? beta[p]! : NaN)).filter((v) => !Number.isNaN(v));
    const end = Math.max(round(tMax[k]!, 2), ks[ks.length - 1]! + 1);
    const knots = [...ks, end];
    const points = [0];
    for (let j = 0; j < ks.length; j++) points.push(points[j]! + slopes[j]! * (knots[j + 1]! - knots[j]!));
    features[k]!.knots = knots;
    features[k]!.points = monotoneRounded(points);
  });
  for (const f of features) f.importance = round(importanceOf(f), 4);

  // calibration on the reference population (imputed as scoring does)
  calibrateOn(
    skeleton,
    spec,
    accounts.map((a) => evaluateModel(skeleton, Float64Array.from(a.t))),
    accounts.map((a) => a.weight),
  );
  return { model: skeleton, fitted: names.filter((_, k) => isFitted[k]), prior: names.filter((_, k) => !isFitted[k]), iterations };
}

function ramp(t: number, lo: number, width: number): number {
  return Math.min(Math.max(t - lo, 0), width);
}

/** Unique accounts of the pairs, weighted to the spec's realistic follower distribution. */
function referenceAccounts(spec: ModelSpec, pairs: LabelledPair[], names: readonly ScoredFeature[]): Account[] {
  const seen = new Map<string, Float64Array>();
  for (const p of pairs) {
    for (const [fv, key] of [
      [p.a, p.aKey],
      [p.b, p.bKey],
    ] as const) {
      const t = logValues(names, fv);
      const id = key ?? Array.from(t, (v) => (Number.isNaN(v) ? 'NaN' : v.toString())).join(',');
      if (!seen.has(id)) seen.set(id, t);
    }
  }
  const ts = [...seen.values()];
  const fi = names.indexOf('followers');
  const x = ts.map((t) => (fi >= 0 && !Number.isNaN(t[fi]!) ? Math.log10(Math.expm1(t[fi]!) + 1) : NaN));
  const w = importanceWeights(x, spec);
  return ts.map((t, i) => ({ t, weight: w[i]! }));
}

/** Importance weights w_i = target density / sample density (Gaussian KDE) of log10 followers, capped at 2% each. */
function importanceWeights(x: number[], spec: ModelSpec): number[] {
  const present = x.filter((v) => !Number.isNaN(v));
  const n = present.length;
  const out = new Array<number>(x.length).fill(1 / Math.max(1, x.length));
  if (n >= 2) {
    const mean = present.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) || 1;
    const h = 1.06 * sd * n ** -0.2;
    const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const { log10Mean, log10Sd } = spec.referenceFollowers;
    const raw = x.map((v) => {
      if (Number.isNaN(v)) return NaN;
      let dens = 0;
      for (const u of present) dens += phi((v - u) / h);
      dens /= n * h;
      return phi((v - log10Mean) / log10Sd) / log10Sd / dens;
    });
    const known = raw.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const median = quantileSorted(known, 0.5);
    let w = raw.map((v) => (Number.isNaN(v) ? median : v));
    for (let pass = 0; pass < 3; pass++) {
      const sum = w.reduce((a, b) => a + b, 0);
      w = w.map((v) => Math.min(v / sum, 0.02));
    }
    const sum = w.reduce((a, b) => a + b, 0);
    w.forEach((v, i) => (out[i] = v / sum));
  }
  return out;
}

function quantileSorted(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Weighted q-quantile: the smallest value whose cumulative weight reaches q of the total. */
function weightedQuantile(values: number[], weights: number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const total = weights.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (const i of order) {
    cum += weights[i]!;
    if (cum >= q * total - 1e-12) return values[i]!;
  }
  return values[order[order.length - 1]!] ?? 0;
}

function weightedReference(values: number[], weights: number[]): { median: number; scale: number } {
  const median = weightedQuantile(values, weights, 0.5);
  const iqr = weightedQuantile(values, weights, 0.75) - weightedQuantile(values, weights, 0.25);
  return { median: round(median, 4), scale: round(Math.max(0.05, iqr / 1.349), 4) };
}

/**
 * Loadings of the fitted features on one common factor, by principal-axis factoring of
 * their weighted (pairwise-complete) correlation matrix: communalities start at each row's
 * largest correlation; the leading eigenvector (power iteration from all ones) gives the
 * loadings; repeated 50 times. Clamped to [0, MAX_LOADING]. NaN for unfitted features.
 */
function factorLoadings(accounts: Account[], isFitted: boolean[]): number[] {
  const ks = isFitted.map((f, k) => (f ? k : -1)).filter((k) => k >= 0);
  const m = ks.length;
  const R = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    R[a * m + a] = 1;
    for (let b = a + 1; b < m; b++) {
      const r = weightedCorrelation(accounts, ks[a]!, ks[b]!);
      R[a * m + b] = r;
      R[b * m + a] = r;
    }
  }
  const h2 = Array.from({ length: m }, (_, a) => Math.max(0, ...Array.from({ length: m }, (_, b) => (a === b ? 0 : Math.abs(R[a * m + b]!)))));
  let loading = new Array<number>(m).fill(0);
  for (let round = 0; round < 50 && m > 0; round++) {
    const Rr = Float64Array.from(R);
    for (let a = 0; a < m; a++) Rr[a * m + a] = h2[a]!;
    let v = new Array<number>(m).fill(1 / Math.sqrt(m));
    let eig = 0;
    for (let it = 0; it < 200; it++) {
      const w = v.map((_, a) => v.reduce((s, vb, b) => s + Rr[a * m + b]! * vb, 0));
      const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
      if (norm === 0) break;
      eig = norm;
      v = w.map((x) => x / norm);
    }
    const sign = v.reduce((s, x) => s + x, 0) < 0 ? -1 : 1;
    loading = v.map((x) => sign * x * Math.sqrt(Math.max(eig, 0)));
    for (let a = 0; a < m; a++) h2[a] = Math.min(MAX_LOADING ** 2, loading[a]! ** 2);
  }
  const out = new Array<number>(isFitted.length).fill(NaN);
  ks.forEach((k, a) => (out[k] = Math.min(MAX_LOADING, Math.max(0, loading[a]!))));
  return out;
}

function weightedCorrelation(accounts: Account[], ka: number, kb: number): number {
  const both = accounts.filter((acc) => !Number.isNaN(acc.t[ka]!) && !Number.isNaN(acc.t[kb]!));
  const W = both.reduce((s, acc) => s + acc.weight, 0);
  if (both.length < 3 || W <= 0) return 0;
  const mx = both.reduce((s, acc) => s + acc.weight * acc.t[ka]!, 0) / W;
  const my = both.reduce((s, acc) => s + acc.weight * acc.t[kb]!, 0) / W;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const acc of both) {
    const dx = acc.t[ka]! - mx;
    const dy = acc.t[kb]! - my;
    sxy += acc.weight * dx * dy;
    sxx += acc.weight * dx * dx;
    syy += acc.weight * dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Half the points between one reference scale below and above the median. */
function importanceOf(f: ModelFeature): number {
  const { median, scale } = f.reference;
  return (evaluateCurve(f.knots, f.points, median + scale) - evaluateCurve(f.knots, f.points, Math.max(0, median - scale))) / 2;
}

/**
 * Recalibrates a model on a population (e.g. the active accounts of a database that
 * represents who will be scored): the score and sub-score tables are rebuilt from the
 * accounts' raw totals, equally weighted. Curves are unchanged, so rankings are too.
 */
export function recalibrateModel(model: Model, spec: ModelSpec, accounts: FeatureVector[]): Model {
  const out = structuredClone(model);
  calibrateOn(out, spec, accounts.map((fv) => scoreFeatureVector(out, fv)), accounts.map(() => 1));
  return out;
}

function calibrateOn(model: Model, spec: ModelSpec, evaluations: Evaluation[], weights: number[]): void {
  const groupTotal = (ev: Evaluation, G: ScoreGroup) => model.features.reduce((s, f, k) => s + (f.group === G ? ev.g[k]! : 0), 0);
  model.calibration = buildCalibration(evaluations.map((ev) => ev.total), weights, spec, spec.floor);
  for (const G of SCORE_GROUPS) model.subscoreCalibration[G] = buildCalibration(evaluations.map((ev) => groupTotal(ev, G)), weights, spec, 0);
}

/** Calibration table from weighted totals: (0, floor) then one point per target quantile. */
export function buildCalibration(totals: number[], weights: number[], spec: ModelSpec, floor: number): Calibration {
  const out: Calibration = { totals: [0], scores: [floor], max: 100 };
  for (const { quantile, score } of spec.calibrationTargets) {
    const t = round(weightedQuantile(totals, weights, quantile), 6);
    if (t > out.totals[out.totals.length - 1]! + 1e-6 && score > out.scores[out.scores.length - 1]!) {
      out.totals.push(t);
      out.scores.push(score);
    }
  }
  if (out.totals.length === 1) {
    out.totals.push(1);
    out.scores.push(Math.max(floor + 1, 40));
  }
  return out;
}

/**
 * Non-negative L2-regularised logistic regression with offsets, by projected Newton with
 * an Armijo line search. X is row-major (rows x P). Deterministic.
 */
export function fitLogisticNonNegative(X: Float64Array, offset: Float64Array, y: Float64Array, P: number, lambda: number): { beta: Float64Array; iterations: number } {
  const n = y.length;
  const beta = new Float64Array(P);
  const loss = (b: Float64Array): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      let m = offset[i]!;
      for (let p = 0; p < P; p++) m += X[i * P + p]! * b[p]!;
      f += softplus(m) - y[i]! * m;
    }
    for (let p = 0; p < P; p++) f += 0.5 * lambda * b[p]! * b[p]!;
    return f;
  };
  let f = loss(beta);
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    const g = new Float64Array(P);
    const H = new Float64Array(P * P);
    for (let i = 0; i < n; i++) {
      let m = offset[i]!;
      for (let p = 0; p < P; p++) m += X[i * P + p]! * beta[p]!;
      const pr = 1 / (1 + Math.exp(-m));
      const r = pr - y[i]!;
      const w = pr * (1 - pr);
      for (let p = 0; p < P; p++) {
        const xp = X[i * P + p]!;
        g[p]! += r * xp;
        for (let q = 0; q <= p; q++) H[p * P + q]! += w * xp * X[i * P + q]!;
      }
    }
    for (let p = 0; p < P; p++) {
      g[p]! += lambda * beta[p]!;
      H[p * P + p]! += lambda;
      for (let q = 0; q < p; q++) H[q * P + p] = H[p * P + q]!;
    }
    // free variables: off the bound, or on it with the gradient pointing inside
    const free: number[] = [];
    let pg = 0;
    for (let p = 0; p < P; p++) {
      if (beta[p]! > 1e-12 || g[p]! < 0) {
        free.push(p);
        pg = Math.max(pg, Math.abs(g[p]!));
      }
    }
    if (pg < 1e-8 || free.length === 0) break;
    const Hf = new Float64Array(free.length * free.length);
    free.forEach((p, a) => free.forEach((q, b) => (Hf[a * free.length + b] = H[p * P + q]!)));
    const step = solveCholesky(Hf, Float64Array.from(free, (p) => -g[p]!), free.length);
    let alpha = 1;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++, alpha /= 2) {
      const trial = Float64Array.from(beta);
      free.forEach((p, a) => (trial[p] = Math.max(0, beta[p]! + alpha * step[a]!)));
      let decrease = 0;
      for (let p = 0; p < P; p++) decrease += g[p]! * (trial[p]! - beta[p]!);
      const ft = loss(trial);
      if (ft <= f + 1e-4 * decrease) {
        const change = Math.abs(f - ft);
        beta.set(trial);
        f = ft;
        accepted = true;
        if (change < 1e-12 * Math.max(1, Math.abs(f))) alpha = 0;
        break;
      }
    }
    if (!accepted || alpha === 0) break;
  }
  return { beta, iterations };
}

function softplus(m: number): number {
  return m > 30 ? m : Math.log1p(Math.exp(m));
}

/** Solves A x = b for symmetric positive definite A (n x n, row-major) by Cholesky. */
export function solveCholesky(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / L[j * n + j]!;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * z[k]!;
    z[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Points rounded to 6 decimals, kept non-decreasing. */
function monotoneRounded(points: number[]): number[] {
  const out = points.map((p) => round(p, 6));
  for (let i = 1; i < out.length; i++) if (out[i]! < out[i - 1]!) out[i] = out[i - 1]!;
  out[0] = 0;
  return out;
}
