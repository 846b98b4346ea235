/**
 * Points per feature: how the calibrated score C(T) of an account splits over the features
 * its data holds, when some features are imputed from the others.
 *
 * Definition. Present features k (and lower bounds, engine/score.ts) have curve values
 * u_k = g_k(t_k). Walk the straight path s u, s from 0 to 1 (each present feature at the
 * same fraction of its curve value; t_k(s) = g_k^-1(s u_k)), imputing the missing features
 * from the present ones at every point as scoring does (engine/impute.ts). Cut the path into
 * S segments; on each, the calibrated score changes by dC = C(T(s1)) - C(T(s0)), and T by
 *   dT = sum_k dg_k (the present features' own change)
 *      + sum_m dg_m (the imputed features' change, split over the present features in
 *                    proportion to dt_m/dt_k * dt_k at the segment's start: the evidence
 *                    that moved them)
 * and each present feature gets dC times its share of dT. The baseline is C(T(0)): the
 * score of the same account with zero of everything it was measured on. Imputed features
 * get no points of their own: an assumed value is not evidence, so its effect is credited
 * to the evidence it was inferred from (explain lists it with ~value and its basis).
 * The items add up to C(T) exactly (the segments telescope).
 *
 * Why: with nothing imputed, T(s) = s T and every share is u_k / T, so feature k gets
 * (C(T) - C(0)) u_k / T: the Aumann-Shapley value of C(sum u) (Aumann and Shapley 1974,
 * Values of Non-Atomic Games), which rises when u_k alone rises. Crediting imputed values
 * to the evidence behind them keeps that true when features are missing: with followers
 * alone, followers get C(T) - C(T(0)), which rises with followers even as the list count
 * imputed from them rises too (split as shares of a saturating total, imputed features would
 * take ever more of it and the followers' own points would fall).
 *
 * Worked example: no imputation, C(0) = 1, T = 2 with u_followers = 1.5, u_listed = 0.5,
 * C(2) = 41: baseline 1, followers 30, listed 10.
 */
import { curveSlope, evaluateCurve, type Model } from './model.js';
import { boundIndices, imputeWithVariance, type FactorPosterior } from './impute.js';

/** Path segments: enough that each segment's starting slopes stand for it (curves are piecewise linear). */
export const ATTRIBUTION_SEGMENTS = 12;

/** The baseline and each model feature's points (exact, unrounded; 0 for imputed features). */
export interface Attribution {
  baseline: number;
  points: Float64Array;
}

/** g^-1(y): the smallest t with g(t) = y on a non-decreasing piecewise-linear curve (continued past the last knot). */
export function invertCurve(knots: readonly number[], points: readonly number[], y: number): number {
  if (!(y > points[0]!)) return knots[0]!;
  const last = knots.length - 1;
  for (let j = 1; j <= last; j++) {
    if (points[j]! >= y) {
      const span = points[j]! - points[j - 1]!;
      return span > 0 ? knots[j - 1]! + ((y - points[j - 1]!) * (knots[j]! - knots[j - 1]!)) / span : knots[j - 1]!;
    }
  }
  if (last === 0) return knots[0]!;
  const slope = (points[last]! - points[last - 1]!) / (knots[last]! - knots[last - 1]!);
  return slope > 0 ? knots[last]! + (y - points[last]!) / slope : knots[last]!;
}

/** One evaluated point of the path: the values used (imputed filled in), which are imputed, the raw total, the imputation's state. */
interface PathPoint {
  t: Float64Array;
  imputed: Uint8Array;
  total: number;
  posterior: FactorPosterior;
}

/**
 * Splits C(T) over the present features of `tIn` (log values, NaN missing; `lower` marks
 * lower bounds, imputed like missing ones and raised to the observed value when larger).
 */
export function attributePoints(model: Model, tIn: Float64Array, lower: Uint8Array | undefined, apply: (total: number) => number): Attribution {
  const K = model.features.length;
  const curves = model.features;
  // what moves along the path: present features and lower bounds, by their curve value
  const moving: number[] = [];
  const top = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    if (Number.isNaN(tIn[k]!)) continue;
    moving.push(k);
    top[k] = evaluateCurve(curves[k]!.knots, curves[k]!.points, tIn[k]!);
  }
  const informs = new Uint8Array(K);
  for (const k of moving) if (lower?.[k] !== 1) informs[k] = 1;
  const tAt = (s: number): Float64Array => {
    const t = new Float64Array(K).fill(NaN);
    for (const k of moving) t[k] = s >= 1 ? tIn[k]! : invertCurve(curves[k]!.knots, curves[k]!.points, s * top[k]!);
    return t;
  };
  const evaluate = (tPath: Float64Array): PathPoint => {
    const t = new Float64Array(K);
    for (let k = 0; k < K; k++) t[k] = informs[k] === 1 ? tPath[k]! : NaN;
    const posterior = imputeWithVariance(model, t);
    const imputed = new Uint8Array(K);
    let total = 0;
    for (let k = 0; k < K; k++) {
      if (informs[k] !== 1) {
        const observed = tPath[k]!;
        if (!Number.isNaN(observed) && observed >= t[k]!) t[k] = observed;
        else imputed[k] = 1;
      }
      total += evaluateCurve(curves[k]!.knots, curves[k]!.points, t[k]!);
    }
    return { t, imputed, total, posterior };
  };

  const points = new Float64Array(K);
  const end = evaluate(tIn);
  if (!end.imputed.some((x) => x === 1)) {
    // nothing imputed: T(s) = s T, every share is u_k / T (the closed form)
    const base = apply(0);
    const pool = apply(end.total) - base;
    for (const k of moving) points[k] = end.total > 0 ? (pool * top[k]!) / end.total : 0;
    return { baseline: base, points };
  }
  let prevPath = tAt(0);
  let prev = evaluate(prevPath);
  const baseline = apply(prev.total);
  let prevScore = baseline;
  const slopes = new Float64Array(K);
  const share = new Float64Array(K);
  for (let seg = 1; seg <= ATTRIBUTION_SEGMENTS; seg++) {
    const s = seg / ATTRIBUTION_SEGMENTS;
    const path = seg === ATTRIBUTION_SEGMENTS ? tIn : tAt(s);
    const next = seg === ATTRIBUTION_SEGMENTS ? end : evaluate(path);
    const dC = apply(next.total) - prevScore;
    prevScore += dC;
    const dT = next.total - prev.total;
    if (dC !== 0 && dT > 0) {
      // the slopes of the segment's start stand for it (the curves are piecewise linear)
      const mid = prev;
      share.fill(0);
      for (let m = 0; m < K; m++) {
        const dg = evaluateCurve(curves[m]!.knots, curves[m]!.points, next.t[m]!) - evaluateCurve(curves[m]!.knots, curves[m]!.points, prev.t[m]!);
        if (dg === 0) continue;
        if (mid.imputed[m] !== 1) {
          share[m] = share[m]! + dg; // its own (observed) value moved
          continue;
        }
        // an imputed value moved: split over the evidence that moved it
        imputationSlopes(model, mid, informs, m, slopes);
        let weight = 0;
        for (const k of moving) {
          slopes[k] = slopes[k]! * Math.max(0, path[k]! - prevPath[k]!);
          weight += slopes[k]!;
        }
        if (weight > 0) for (const k of moving) share[k] = share[k]! + (dg * slopes[k]!) / weight;
        else {
          // a clamp or cap switched inside the segment: split by the present features' own moves
          let own = 0;
          for (const k of moving) own += informs[k] === 1 ? Math.max(0, path[k]! - prevPath[k]!) : 0;
          for (const k of moving) if (informs[k] === 1 && own > 0) share[k] = share[k]! + (dg * Math.max(0, path[k]! - prevPath[k]!)) / own;
        }
      }
      for (let k = 0; k < K; k++) points[k] = points[k]! + (dC * share[k]!) / dT;
    }
    prev = next;
    prevPath = path;
  }
  return { baseline, points };
}

/**
 * dt_m / dt_k of imputed feature m for every present feature k (written to `out`) at the
 * path point `at` (engine/impute.ts): through the cap that bound it (its slope in the given
 * feature), else through the common factor (scale_m loading_m loading_k / (psi_k scale_k
 * den)), 0 when the factor is clamped or the value floored at 0.
 */
function imputationSlopes(model: Model, at: PathPoint, informs: Uint8Array, m: number, out: Float64Array): void {
  out.fill(0);
  const b = at.posterior.capped[m]!;
  if (b >= 0) {
    const bound = model.imputation.bounds![b]!;
    const g = boundIndices(model)[2 * b + 1]!;
    const last = bound.knots.length - 1;
    out[g] = at.t[g]! >= bound.knots[last]! ? 1 : curveSlope(bound.knots, bound.points, at.t[g]!);
    return;
  }
  const { rawFactor, den } = at.posterior;
  const fm = model.features[m]!.reference;
  if (Math.abs(rawFactor) >= model.imputation.maxFactor || !(at.t[m]! > 0)) return;
  for (let k = 0; k < model.features.length; k++) {
    if (informs[k] !== 1) continue;
    const ref = model.features[k]!.reference;
    out[k] = (fm.scale * fm.loading * ref.loading) / ((1 - ref.loading * ref.loading) * ref.scale * den);
  }
}
