/**
 * The attribution of engine/attribution.ts as first written (one allocation per path
 * point, every curve evaluated afresh) with the imputation of engine/impute.ts as first
 * written: the reference the allocation-free path is compared with, number for number
 * (test/engine/attribution-fast.test.ts). Not used by the project itself.
 */
import { curveSlope, evaluateBound, evaluateCurve, type Model } from '../../src/engine/model.js';
import { boundIndices, type FactorPosterior } from '../../src/engine/impute.js';
import { ATTRIBUTION_SEGMENTS, invertCurve, type Attribution } from '../../src/engine/attribution.js';

function referenceImpute(model: Model, t: Float64Array): FactorPosterior {
  let num = 0;
  let den = 1;
  let missing = 0;
  for (let k = 0; k < model.features.length; k++) {
    const v = t[k]!;
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    const ref = model.features[k]!.reference;
    const l = ref.loading;
    const psi = 1 - l * l;
    num += (l * (v - ref.median)) / ref.scale / psi;
    den += (l * l) / psi;
  }
  const cap = model.imputation.maxFactor;
  const factor = Math.min(cap, Math.max(-cap, num / den));
  const capped = new Int16Array(model.features.length).fill(-1);
  if (missing === 0) return { missing, factor, variance: 1 / den, capped, rawFactor: num / den, den };
  const K = model.features.length;
  const imputed = new Uint8Array(K);
  for (let k = 0; k < K; k++) {
    if (!Number.isNaN(t[k]!)) continue;
    imputed[k] = 1;
    const ref = model.features[k]!.reference;
    t[k] = Math.max(0, ref.median + ref.scale * ref.loading * factor);
  }
  const bounds = model.imputation.bounds;
  if (bounds) {
    const at = boundIndices(model);
    const byFeature = model.features.map((_, m) => bounds.map((_, b) => b).filter((b) => at[2 * b] === m));
    for (let m = 0; m < K; m++) {
      if (imputed[m] !== 1) continue;
      for (const b of byFeature[m]!) {
        const g = at[2 * b + 1]!;
        if (g < 0 || imputed[g] === 1) continue;
        const limit = Math.max(0, evaluateBound(bounds[b]!, t[g]!));
        if (limit < t[m]!) {
          t[m] = limit;
          capped[m] = b;
        }
      }
    }
  }
  return { missing, factor, variance: 1 / den, capped, rawFactor: num / den, den };
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
export function referenceAttributePoints(model: Model, tIn: Float64Array, lower: Uint8Array | undefined, apply: (total: number) => number): Attribution {
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
    const posterior = referenceImpute(model, t);
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

/** apportionTenths of engine/score.ts as first written (objects sorted by a comparator). */
export function referenceApportionTenths(exact: readonly number[], target: number): number[] {
  const scaled = exact.map((x) => x * 10);
  const out = scaled.map((x) => Math.floor(x));
  let left = target - out.reduce((a, b) => a + b, 0);
  const order = scaled.map((x, i) => ({ i, frac: x - Math.floor(x) }));
  if (left > 0) {
    order.sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (let r = 0; left > 0; r = (r + 1) % order.length, left--) out[order[r]!.i]!++;
  } else if (left < 0) {
    order.sort((a, b) => a.frac - b.frac || a.i - b.i);
    for (let r = 0; left < 0; r = (r + 1) % order.length, left++) out[order[r]!.i]!--;
  }
  return out;
}
