/**
 * The score model: an additive, transparent model stored as a versioned JSON file
 * (models/model-v2.json; the CLI loads it, the engine receives it).
 *
 * Definition. For an account with feature values x_k (units in engine/features.ts):
 *   t_k   = ln(1 + s_k x_k)                               (log space; s_k the feature's
 *                                                          scale, default 1: a per-day rate
 *                                                          with s = 30 is read per 30 days)
 *   g_k   = piecewise-linear curve through (knots_k, points_k) at t_k, continued past the
 *           last knot with the last segment's slope; g_k(0) = 0, non-decreasing
 *   T     = sum_k g_k                                     (raw total, in logit units)
 *   T'    = T * damping                                   (authenticity, in (0, 1])
 *   score = C(T')                                         (1..100, calibration table C)
 * and per group G (reach, amplification, network) subscore_G = C_G(damping * sum_{k in G} g_k)
 * on 0..100. A missing x_k is imputed (engine/impute.ts) and lowers the confidence.
 *
 * Source: Bradley-Terry (1952) paired comparisons with a logistic link: P(A judged more
 * influential than B) = 1 / (1 + exp(-(T_A - T_B))); `influence fit` estimates the curves
 * from labelled pairs (engine/fit.ts). The calibration maps T to Klout's published shape
 * (median active account near 40, 63+ about the top 5%, 70+ rarer).
 *
 * Worked example: followers curve knots [0, 5, 10] points [0, 1, 1.5]; 20,000 followers
 * -> t = ln(20001) = 9.90 -> g = 1 + 0.5 * (9.90 - 5) / 5 = 1.49 logits.
 */
import { SCORED_FEATURES, type ScoredFeature } from './features.js';
import { MAX_LOADING } from './impute.js';

/** The three sub-scores, as Klout named them. */
export type ScoreGroup = 'reach' | 'amplification' | 'network';
/** The groups in display order. */
export const SCORE_GROUPS: readonly ScoreGroup[] = ['reach', 'amplification', 'network'];

/** One feature's curve, group, reference distribution and confidence weight. */
export interface ModelFeature {
  name: ScoredFeature;
  group: ScoreGroup;
  /** what the value measures (documentation) */
  unit: string;
  /** t = ln(1 + scale * x); default 1 */
  scale?: number;
  /** knots in t = ln(1 + scale * x), ascending, the first 0 */
  knots: number[];
  /** curve values at the knots (logit units), the first 0, non-decreasing */
  points: number[];
  /** true when estimated by `fit`; false for a prior kept from the model spec */
  fitted: boolean;
  /** the feature's distribution on the reference population, in t space, and its loading on the common factor (engine/impute.ts) */
  reference: { median: number; scale: number; loading: number };
  /** weight of this feature in the confidence (its typical spread of points) */
  importance: number;
}

/**
 * A cap on an imputed feature given a present one, fitted on real accounts where both are
 * measured (scripts/lib/fit/imputation-bounds.ts): the `quantile` of t(feature) among accounts
 * with t(given) near the account's, as a non-decreasing piecewise-linear curve of
 * t(given) (knots -> points), flat below the first knot and rising with slope 1 above the
 * last (the two counts' ratio held at the top of the data). engine/impute.ts applies it.
 */
export interface ImputationBound {
  feature: ScoredFeature;
  given: ScoredFeature;
  quantile: number;
  /** t(given), ascending */
  knots: number[];
  /** cap on t(feature) at the knots, non-decreasing */
  points: number[];
  /** how many real accounts (and from which data sets) the curve was fitted on */
  accounts: number;
  data: string;
}

/** A monotone map from a raw total to a score: linear between points, saturating above. */
export interface Calibration {
  /** raw totals, strictly ascending, the first 0 */
  totals: number[];
  /** scores at those totals, non-decreasing */
  scores: number[];
  /** the asymptote above the last point (100) */
  max: number;
}

/** How the network value is computed (engine/engagement.ts, engine/network.ts). */
export interface NetworkParams {
  damping: number;
  halfLifeDays: number;
  /** per interaction kind: reply, reshare, quote, mention, like */
  kindWeights: { reply: number; reshare: number; quote: number; mention: number; like: number };
  tolerancePerNode: number;
  maxIterations: number;
}

/** A model file (models/model-v2.json), validated. */
export interface Model {
  schema: 1;
  version: string;
  description: string;
  /** how the file was made: command, data hash, date, cross-validated AUC, ... */
  provenance: Record<string, unknown>;
  /** how the features map from events, declared counts and the PeerIndex columns */
  units: Record<string, string>;
  features: ModelFeature[];
  /** maxFactor: the latent factor's clamp, in reference deviations; bounds: real-data caps (engine/impute.ts) */
  imputation: {
    method: string;
    maxFactor: number;
    /** real-data caps on imputed values (engine/impute.ts) */
    bounds?: ImputationBound[];
    /** factor on the imputed part of the interval's variance, fitted on real partial views (engine/interval.ts); default 1 */
    varianceScale?: number;
  };
  calibration: Calibration;
  subscoreCalibration: Record<ScoreGroup, Calibration>;
  network: NetworkParams;
}

/** t = ln(1 + scale * x) for x >= 0; NaN stays NaN (missing). */
export function featureT(f: Pick<ModelFeature, 'scale'>, x: number): number {
  return Number.isNaN(x) ? NaN : Math.log1p((f.scale ?? 1) * Math.max(0, x));
}

/** x from t: the inverse of featureT. */
export function featureValueOf(f: Pick<ModelFeature, 'scale'>, t: number): number {
  return Math.expm1(t) / (f.scale ?? 1);
}

/** The curve's slope at t (right derivative; the last segment's slope past the last knot). */
export function curveSlope(knots: readonly number[], points: readonly number[], t: number): number {
  const last = knots.length - 1;
  if (last === 0) return 0;
  let j = 1;
  while (j < last && t >= knots[j]!) j++;
  if (t < knots[0]!) return 0;
  return (points[j]! - points[j - 1]!) / (knots[j]! - knots[j - 1]!);
}

/** The cap an imputation bound puts on t(feature) at t(given) (see ImputationBound). */
export function evaluateBound(b: Pick<ImputationBound, 'knots' | 'points'>, tGiven: number): number {
  const last = b.knots.length - 1;
  if (tGiven >= b.knots[last]!) return b.points[last]! + (tGiven - b.knots[last]!);
  return evaluateCurve(b.knots, b.points, tGiven);
}

/** g(t): the piecewise-linear curve at t (t >= 0), continued linearly past the last knot. */
export function evaluateCurve(knots: readonly number[], points: readonly number[], t: number): number {
  const last = knots.length - 1;
  if (last === 0) return points[0]!;
  if (t <= knots[0]!) return points[0]!;
  let j = 1;
  while (j < last && t > knots[j]!) j++;
  const k0 = knots[j - 1]!;
  const k1 = knots[j]!;
  const p0 = points[j - 1]!;
  const p1 = points[j]!;
  return p0 + ((p1 - p0) * (t - k0)) / (k1 - k0);
}

/**
 * C(T): linear between calibration points; above the last point it keeps the last slope s
 * and saturates: C = max - (max - c_L) * exp(-s * (T - T_L) / (max - c_L)), continuous with
 * a continuous slope, never above max. Below 0: the first score.
 */
export function applyCalibration(cal: Calibration, total: number): number {
  const { totals, scores } = cal;
  const last = totals.length - 1;
  if (!(total > totals[0]!)) return scores[0]!;
  if (total <= totals[last]!) return evaluateCurve(totals, scores, total);
  const cL = scores[last]!;
  const room = cal.max - cL;
  if (room <= 0 || last === 0) return Math.min(cal.max, cL);
  const slope = (scores[last]! - scores[last - 1]!) / (totals[last]! - totals[last - 1]!);
  return cal.max - room * Math.exp((-slope * (total - totals[last]!)) / room);
}

/** Validates a parsed model file; throws an Error naming the first problem. */
export function validateModel(data: unknown): Model {
  const fail = (what: string): never => {
    throw new Error(`model file: ${what}`);
  };
  if (typeof data !== 'object' || data === null) fail('expected a JSON object');
  const m = data as Partial<Model>;
  if (m.schema !== 1) fail(`"schema" must be 1 (got ${JSON.stringify(m.schema)})`);
  if (typeof m.version !== 'string' || m.version === '') fail('"version" must be a non-empty string');
  if (!Array.isArray(m.features)) fail('"features" must be an array');
  const seen = new Set<string>();
  for (const [i, f] of m.features!.entries()) {
    const at = `features[${i}]`;
    if (!(SCORED_FEATURES as readonly string[]).includes(f.name)) fail(`${at}.name: unknown feature ${JSON.stringify(f.name)} (known: ${SCORED_FEATURES.join(', ')})`);
    if (seen.has(f.name)) fail(`${at}.name: ${f.name} appears twice`);
    seen.add(f.name);
    if (!SCORE_GROUPS.includes(f.group)) fail(`${at}.group must be one of ${SCORE_GROUPS.join(', ')}`);
    checkCurve(`${at}`, f.knots, f.points, fail);
    if (f.points[0] !== 0) fail(`${at}.points[0] must be 0 (no evidence adds no points)`);
    if (!f.reference || !(f.reference.scale > 0) || !Number.isFinite(f.reference.median)) fail(`${at}.reference needs a median and a positive scale`);
    if (!(f.reference.loading >= 0 && f.reference.loading <= MAX_LOADING)) fail(`${at}.reference.loading must be in [0, ${MAX_LOADING}]`);
    if (!(f.importance >= 0)) fail(`${at}.importance must be >= 0`);
    if (f.scale !== undefined && !(f.scale > 0)) fail(`${at}.scale must be > 0`);
  }
  checkCalibration('calibration', m.calibration, fail);
  for (const g of SCORE_GROUPS) checkCalibration(`subscoreCalibration.${g}`, m.subscoreCalibration?.[g], fail);
  if (typeof m.imputation?.method !== 'string' || !(m.imputation.maxFactor > 0)) fail('imputation needs a method and a positive maxFactor');
  if (m.imputation!.varianceScale !== undefined && !(m.imputation!.varianceScale >= 1)) fail('imputation.varianceScale must be a number >= 1');
  if (m.imputation!.bounds !== undefined) {
    if (!Array.isArray(m.imputation!.bounds)) fail('imputation.bounds must be an array');
    for (const [i, b] of m.imputation!.bounds!.entries()) {
      const at = `imputation.bounds[${i}]`;
      if (!seen.has(b.feature) || !seen.has(b.given) || b.feature === b.given) fail(`${at}: feature and given must be two different model features`);
      if (!Array.isArray(b.knots) || !Array.isArray(b.points) || b.knots.length === 0 || b.knots.length !== b.points.length) fail(`${at}: knots and points must be arrays of the same non-zero length`);
      for (let j = 0; j < b.knots.length; j++) {
        if (!Number.isFinite(b.knots[j]) || !Number.isFinite(b.points[j])) fail(`${at}: knots and points must be finite numbers`);
        if (j > 0 && !(b.knots[j]! > b.knots[j - 1]!)) fail(`${at}.knots must be strictly ascending`);
        if (j > 0 && !(b.points[j]! >= b.points[j - 1]!)) fail(`${at}.points must be non-decreasing (a cap never falls as the evidence rises)`);
      }
    }
  }
  const net = m.network;
  if (!net || !(net.damping > 0 && net.damping < 1)) fail('network.damping must be in (0, 1)');
  if (!(net!.halfLifeDays > 0) || !(net!.tolerancePerNode > 0) || !(net!.maxIterations >= 1)) fail('network: halfLifeDays, tolerancePerNode and maxIterations must be positive');
  for (const k of ['reply', 'reshare', 'quote', 'mention', 'like'] as const) {
    if (!(net!.kindWeights?.[k] >= 0)) fail(`network.kindWeights.${k} must be >= 0`);
  }
  return m as Model;
}

function checkCurve(at: string, knots: unknown, points: unknown, fail: (w: string) => never): void {
  if (!Array.isArray(knots) || !Array.isArray(points) || knots.length === 0 || knots.length !== points.length) {
    fail(`${at}: knots and points must be arrays of the same non-zero length`);
  }
  const k = knots as number[];
  const p = points as number[];
  if (k[0] !== 0) fail(`${at}.knots[0] must be 0`);
  for (let i = 0; i < k.length; i++) {
    if (!Number.isFinite(k[i]) || !Number.isFinite(p[i])) fail(`${at}: knots and points must be finite numbers`);
    if (i > 0 && !(k[i]! > k[i - 1]!)) fail(`${at}.knots must be strictly ascending`);
    if (i > 0 && !(p[i]! >= p[i - 1]!)) fail(`${at}.points must be non-decreasing (the score is monotone in every feature)`);
  }
}

function checkCalibration(at: string, c: Calibration | undefined, fail: (w: string) => never): void {
  if (!c) fail(`${at} is missing`);
  checkCurve(at, c!.totals, c!.scores, fail);
  if (!(c!.max >= c!.scores[c!.scores.length - 1]!)) fail(`${at}.max must be at least the last score`);
}
