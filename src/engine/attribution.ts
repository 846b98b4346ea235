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
import { boundIndices, factorSlopesInto, imputeWithPlan, makeImputePlan, planImputation, type FactorPosterior, type ImputePlan } from './impute.js';

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

/**
 * The model evaluated at the end of the path (the account's own values): the values used
 * (imputed filled in), which are imputed, each curve value and their sum. engine/score.ts
 * has it from scoring the account and hands it over, so it is not evaluated twice.
 */
export interface EvaluatedPoint {
  t: Float64Array;
  imputed: Uint8Array;
  g: Float64Array;
  total: number;
}

/** One evaluated point of the path, with the imputation's state (for the slopes). */
interface PathPoint extends EvaluatedPoint {
  posterior: FactorPosterior;
}

/**
 * Reused buffers of one model's attribution: an account's 13 path points are evaluated
 * without allocating (100k accounts itemise in about a second instead of five). Never held
 * across calls, so sharing them per model is safe (the engine is single-threaded and an
 * attribution never calls another).
 */
interface Workspace {
  top: Float64Array;
  informs: Uint8Array;
  moving: Int32Array;
  pathA: Float64Array;
  pathB: Float64Array;
  a: PathPoint;
  b: PathPoint;
  end: PathPoint;
  slopes: Float64Array;
  share: Float64Array;
  /** the imputation's plan: every point of an account's path has the same features informing it */
  plan: ImputePlan;
}

const pathPoint = (K: number): PathPoint => ({
  t: new Float64Array(K),
  imputed: new Uint8Array(K),
  g: new Float64Array(K),
  total: 0,
  posterior: { missing: 0, factor: 0, variance: 1, capped: new Int16Array(K), rawFactor: 0, den: 1 },
});

// per model: its workspace (a memo of buffers sized by the model; see Workspace)
const workspaces = new WeakMap<Model, Workspace>();

function workspaceOf(model: Model): Workspace {
  let w = workspaces.get(model);
  if (!w) {
    const K = model.features.length;
    w = {
      top: new Float64Array(K),
      informs: new Uint8Array(K),
      moving: new Int32Array(K),
      pathA: new Float64Array(K),
      pathB: new Float64Array(K),
      a: pathPoint(K),
      b: pathPoint(K),
      end: pathPoint(K),
      slopes: new Float64Array(K),
      share: new Float64Array(K),
      plan: makeImputePlan(model),
    };
    workspaces.set(model, w);
  }
  return w;
}

/**
 * Splits C(T) over the present features of `tIn` (log values, NaN missing; `lower` marks
 * lower bounds, imputed like missing ones and raised to the observed value when larger).
 */
export function attributePoints(model: Model, tIn: Float64Array, lower: Uint8Array | undefined, apply: (total: number) => number): Attribution {
  const points = new Float64Array(model.features.length);
  return { baseline: attributeInto(model, tIn, lower, apply, points), points };
}

/**
 * attributePoints writing the points to `points` (K entries) and returning the baseline;
 * `end`, when given, is the model's evaluation of `tIn` itself (it must be that: the path
 * ends there), saving one evaluation.
 */
export function attributeInto(model: Model, tIn: Float64Array, lower: Uint8Array | undefined, apply: (total: number) => number, points: Float64Array, end?: EvaluatedPoint): number {
  const K = model.features.length;
  const curves = model.features;
  const w = workspaceOf(model);
  const { top, informs, moving, slopes, share } = w;
  // what moves along the path: present features and lower bounds, by their curve value
  let nMoving = 0;
  for (let k = 0; k < K; k++) {
    top[k] = 0;
    informs[k] = 0;
    points[k] = 0;
    if (Number.isNaN(tIn[k]!)) continue;
    moving[nMoving++] = k;
    top[k] = evaluateCurve(curves[k]!.knots, curves[k]!.points, tIn[k]!);
    if (lower?.[k] !== 1) informs[k] = 1;
  }
  planImputation(model, informs, w.plan);
  const last = end ?? evaluateAt(model, w, tIn, w.end);
  let anyImputed = false;
  for (let k = 0; k < K; k++) if (last.imputed[k] === 1) anyImputed = true;
  if (!anyImputed) {
    // nothing imputed: T(s) = s T, every share is u_k / T (the closed form)
    const base = apply(0);
    const pool = apply(last.total) - base;
    for (let j = 0; j < nMoving; j++) {
      const k = moving[j]!;
      points[k] = last.total > 0 ? (pool * top[k]!) / last.total : 0;
    }
    return base;
  }
  let prevPath = pathAt(model, w, nMoving, tIn, 0, w.pathA);
  let prev = evaluateAt(model, w, prevPath, w.a);
  let spare = w.b;
  let sparePath = w.pathB;
  const baseline = apply(prev.total);
  let prevScore = baseline;
  for (let seg = 1; seg <= ATTRIBUTION_SEGMENTS; seg++) {
    const s = seg / ATTRIBUTION_SEGMENTS;
    const lastSegment = seg === ATTRIBUTION_SEGMENTS;
    const path = lastSegment ? tIn : pathAt(model, w, nMoving, tIn, s, sparePath);
    const next = lastSegment ? last : evaluateAt(model, w, path, spare);
    const dC = apply(next.total) - prevScore;
    prevScore += dC;
    const dT = next.total - prev.total;
    if (dC !== 0 && dT > 0) {
      // the slopes of the segment's start stand for it (the curves are piecewise linear)
      // loops, not fill(): K entries, a dozen times an account (fill's call costs more than the stores)
      for (let k = 0; k < K; k++) share[k] = 0;
      for (let m = 0; m < K; m++) {
        const dg = next.g[m]! - prev.g[m]!;
        if (dg === 0) continue;
        if (prev.imputed[m] !== 1) {
          share[m] = share[m]! + dg; // its own (observed) value moved
          continue;
        }
        // an imputed value moved: split over the evidence that moved it
        imputationSlopes(model, w.plan, prev, m, slopes);
        let weight = 0;
        for (let j = 0; j < nMoving; j++) {
          const k = moving[j]!;
          slopes[k] = slopes[k]! * Math.max(0, path[k]! - prevPath[k]!);
          weight += slopes[k]!;
        }
        if (weight > 0) {
          for (let j = 0; j < nMoving; j++) {
            const k = moving[j]!;
            share[k] = share[k]! + (dg * slopes[k]!) / weight;
          }
        } else {
          // a clamp or cap switched inside the segment: split by the present features' own moves
          let own = 0;
          for (let j = 0; j < nMoving; j++) {
            const k = moving[j]!;
            own += informs[k] === 1 ? Math.max(0, path[k]! - prevPath[k]!) : 0;
          }
          for (let j = 0; j < nMoving; j++) {
            const k = moving[j]!;
            if (informs[k] === 1 && own > 0) share[k] = share[k]! + (dg * Math.max(0, path[k]! - prevPath[k]!)) / own;
          }
        }
      }
      for (let k = 0; k < K; k++) points[k] = points[k]! + (dC * share[k]!) / dT;
    }
    if (!lastSegment) {
      // the point just evaluated starts the next segment; the old start's buffers are reused
      spare = prev as PathPoint;
      prev = next as PathPoint;
      sparePath = prevPath;
      prevPath = path;
    }
  }
  return baseline;
}

/** T(s)'s values into `out`: each moving feature at the fraction s of its curve value (NaN for the others). */
function pathAt(model: Model, w: Workspace, nMoving: number, tIn: Float64Array, s: number, out: Float64Array): Float64Array {
  for (let k = 0; k < out.length; k++) out[k] = NaN;
  const { moving, top } = w;
  for (let j = 0; j < nMoving; j++) {
    const k = moving[j]!;
    const f = model.features[k]!;
    out[k] = s >= 1 ? tIn[k]! : invertCurve(f.knots, f.points, s * top[k]!);
  }
  return out;
}

/** The model at path values `tPath` into `p`: features that inform imputed from them, lower bounds raised to their value, the curves summed. */
function evaluateAt(model: Model, w: Workspace, tPath: Float64Array, p: PathPoint): PathPoint {
  const K = model.features.length;
  const { informs } = w;
  const t = p.t;
  for (let k = 0; k < K; k++) t[k] = informs[k] === 1 ? tPath[k]! : NaN;
  imputeWithPlan(model, w.plan, t, p.posterior);
  let total = 0;
  for (let k = 0; k < K; k++) {
    p.imputed[k] = 0;
    if (informs[k] !== 1) {
      const observed = tPath[k]!;
      if (!Number.isNaN(observed) && observed >= t[k]!) t[k] = observed;
      else p.imputed[k] = 1;
    }
    const f = model.features[k]!;
    const g = evaluateCurve(f.knots, f.points, t[k]!);
    p.g[k] = g;
    total += g;
  }
  p.total = total;
  return p;
}

/**
 * dt_m / dt_k of imputed feature m for every present feature k (written to `out`) at the
 * path point `at` (engine/impute.ts): through the cap that bound it (its slope in the given
 * feature), else through the common factor (scale_m loading_m loading_k / (psi_k scale_k
 * den)), 0 when the factor is clamped or the value floored at 0.
 */
function imputationSlopes(model: Model, plan: ImputePlan, at: PathPoint, m: number, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = 0;
  const b = at.posterior.capped[m]!;
  if (b >= 0) {
    const bound = model.imputation.bounds![b]!;
    const g = boundIndices(model)[2 * b + 1]!;
    const last = bound.knots.length - 1;
    out[g] = at.t[g]! >= bound.knots[last]! ? 1 : curveSlope(bound.knots, bound.points, at.t[g]!);
    return;
  }
  const { rawFactor, den } = at.posterior;
  if (Math.abs(rawFactor) >= model.imputation.maxFactor || !(at.t[m]! > 0)) return;
  factorSlopesInto(model, plan, m, den, out);
}
