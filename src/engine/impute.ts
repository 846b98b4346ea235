/**
 * Missing features: imputed by their conditional expectation given the present ones, so a
 * gap is neither zero evidence (a follower list has no events: that is not low influence)
 * nor ignored (the rest of the account's evidence still speaks for it).
 *
 * Definition (one-factor model). In log space t = ln(1 + x), standardise each feature on
 * the reference population, z_k = (t_k - median_k) / scale_k, and model it as one latent
 * "influence" factor F ~ N(0, 1) plus noise: z_k = loading_k * F + e_k, var(e_k) = psi_k
 * = 1 - loading_k^2. Given the present features P, the conditional expectations are
 *     E[F | z_P] = (sum_P loading_k z_k / psi_k) / (1 + sum_P loading_k^2 / psi_k)
 *     E[z_m | z_P] = loading_m * E[F | z_P]
 * and t_m = max(0, median_m + scale_m * E[z_m | z_P]), with E[F | z_P] clamped to
 * +-maxFactor (2.5): a gap is never assumed more extreme than the reference population
 * (and an account with 10M followers does not get 10M-follower-sized imputed engagers
 * counted on top of its followers). With nothing present the imputation is the median. Loadings are >= 0, so raising a present feature never
 * lowers an imputed one: the score stays monotone. Weakly related features (small loading)
 * barely move the imputations.
 *
 * Caps from real data (model.imputation.bounds, scripts/lib/fit/imputation-bounds.ts): the one
 * factor's references come from the accounts each feature was fitted on (prominent
 * accounts for the declared features), so for an ordinary account the factor alone can
 * assume far more than real accounts like it have (61 followers and ~24 lists, when 99% of
 * real accounts with 20-100 followers are on at most 14). So an imputed t_m is at most
 * min over present features k of cap_mk(t_k): the conditional quantile of t_m among real
 * accounts with that t_k. Caps are non-decreasing in t_k, so the score stays monotone.
 *
 * Source: the factor-analysis posterior mean of the common factor (Bartholomew, Knott and
 * Moustaki, Latent Variable Models and Factor Analysis, 3rd ed., 2011, sec. 3.15; the
 * Thomson regression score). Loadings of fitted features are estimated by principal-axis
 * factoring on the training accounts (engine/fit/); the others are priors in the spec.
 *
 * Worked example: followers present with z = +1 and loading 0.9 (psi 0.19); engagers
 * missing with loading 0.8, median 2.0, scale 1.2: E[F] = (0.9/0.19) / (1 + 0.81/0.19)
 * = 4.74 / 5.26 = 0.90; z_engagers = 0.72; t = 2.0 + 1.2 * 0.72 = 2.86 (about 16 engagers
 * per 90 days instead of the median 6.4).
 */
import { evaluateBound, type Model } from './model.js';

/** Fills `t` (log-space values, NaN where missing) in place with imputations; returns how many were missing. */
export function imputeMissing(model: Model, t: Float64Array): number {
  return imputeWithVariance(model, t).missing;
}

/** The common factor given the present features: its conditional mean (clamped) and variance. */
export interface FactorPosterior {
  missing: number;
  /** E[F | present], clamped to +-maxFactor */
  factor: number;
  /** Var(F | present) = 1 / (1 + sum_P loading^2 / psi) (1 with nothing present) */
  variance: number;
  /** per model feature: index into model.imputation.bounds of the cap that bound its imputation, -1 when none did */
  capped: Int16Array;
  /** E[F | present] before the clamp, and the normaliser 1 + sum_P loading^2 / psi (for slopes: engine/attribution.ts) */
  rawFactor: number;
  den: number;
}

/**
 * Fills `t` like imputeMissing and returns the factor's posterior. The conditional
 * variance of an imputed z_m is loading_m^2 Var(F | present) + psi_m (the score's interval,
 * engine/interval.ts); with nothing present it is 1 (the reference population's spread).
 */
export function imputeWithVariance(model: Model, t: Float64Array): FactorPosterior {
  const K = model.features.length;
  const out: FactorPosterior = { missing: 0, factor: 0, variance: 1, capped: new Int16Array(K), rawFactor: 0, den: 1 };
  imputeInto(model, t, out);
  return out;
}

/**
 * imputeWithVariance without allocating: fills `t` in place and writes the posterior to
 * `out` (its `capped` reused). For loops over many accounts. Two steps, each usable alone:
 * planImputation (what depends only on which features are present) and imputeWithPlan (the
 * values); engine/attribution.ts plans once per account and imputes its 12 path points with
 * that one plan. `plan` is the workspace (default: the model's own, makeImputePlan's shape:
 * the engine is single-threaded and an imputation never calls another).
 */
export function imputeInto(model: Model, t: Float64Array, out: FactorPosterior, plan: ImputePlan = tablesOf(model).plan): void {
  const present = plan.present;
  for (let k = 0; k < present.length; k++) present[k] = Number.isNaN(t[k]!) ? 0 : 1;
  planImputation(model, present, plan);
  imputeWithPlan(model, plan, t, out);
}

/**
 * What an imputation works out from which features are present alone: the present and
 * missing features in order, the normaliser den = 1 + sum_P loading^2 / psi, and per missing
 * feature the caps that can bind it (those whose given feature is present). Made by
 * makeImputePlan, filled by planImputation, read by imputeWithPlan.
 */
export interface ImputePlan {
  /** per model feature: 1 when present (planImputation's input; imputeInto fills it from t) */
  present: Uint8Array;
  presentList: Int32Array;
  nPresent: number;
  missingList: Int32Array;
  nMissing: number;
  den: number;
  /** per missing feature (by its place in missingList): its caps are pairs pairStart[j] .. pairStart[j + 1] - 1 */
  pairStart: Int32Array;
  pairBound: Int32Array;
  pairGiven: Int32Array;
}

/** An empty plan sized for the model (reused from account to account). */
export function makeImputePlan(model: Model): ImputePlan {
  const K = model.features.length;
  const pairs = (model.imputation.bounds ?? []).length;
  return {
    present: new Uint8Array(K),
    presentList: new Int32Array(K),
    nPresent: 0,
    missingList: new Int32Array(K),
    nMissing: 0,
    den: 1,
    pairStart: new Int32Array(K + 1),
    pairBound: new Int32Array(pairs),
    pairGiven: new Int32Array(pairs),
  };
}

/** Fills `plan` for imputations where exactly the features with present[k] === 1 hold a value (`present` may be plan.present). */
export function planImputation(model: Model, present: Uint8Array, plan: ImputePlan): void {
  const tab = tablesOf(model);
  const { precision, boundStart, boundList, boundGiven } = tab;
  const K = precision.length;
  let den = 1;
  let nPresent = 0;
  let nMissing = 0;
  for (let k = 0; k < K; k++) {
    if (present[k] === 1) {
      plan.presentList[nPresent++] = k;
      // l^2 / psi, the definition's term, summed in feature order
      den += precision[k]!;
    } else plan.missingList[nMissing++] = k;
  }
  plan.nPresent = nPresent;
  plan.nMissing = nMissing;
  plan.den = den;
  let pairs = 0;
  if (model.imputation.bounds) {
    // (a plan made before the model's caps were set: the fit sets them after its first imputations)
    if (plan.pairBound.length < boundList.length) {
      plan.pairBound = new Int32Array(boundList.length);
      plan.pairGiven = new Int32Array(boundList.length);
    }
    for (let j = 0; j < nMissing; j++) {
      const m = plan.missingList[j]!;
      plan.pairStart[j] = pairs;
      for (let q = boundStart[m]!; q < boundStart[m + 1]!; q++) {
        const g = boundGiven[q]!;
        if (g < 0 || present[g] !== 1) continue;
        plan.pairBound[pairs] = boundList[q]!;
        plan.pairGiven[pairs] = g;
        pairs++;
      }
    }
  }
  plan.pairStart[nMissing] = pairs;
}

/**
 * The imputation of `t`, which holds a value exactly where `plan` says a feature is present
 * (NaN elsewhere): the missing values filled in, the posterior written to `out`.
 */
export function imputeWithPlan(model: Model, plan: ImputePlan, t: Float64Array, out: FactorPosterior): void {
  const { median, scale, loading, psi, scaleLoading } = tablesOf(model);
  const { presentList, nPresent, missingList, nMissing, den } = plan;
  let num = 0;
  for (let j = 0; j < nPresent; j++) {
    const k = presentList[j]!;
    // l (v - median) / scale / psi: the definition's term, in its order of operations
    num += (loading[k]! * (t[k]! - median[k]!)) / scale[k]! / psi[k]!;
  }
  const cap = model.imputation.maxFactor;
  const factor = Math.min(cap, Math.max(-cap, num / den));
  const capped = out.capped;
  // a loop, not fill(): a dozen entries, a million times (fill's call costs more than the stores)
  for (let k = 0; k < capped.length; k++) capped[k] = -1;
  out.missing = nMissing;
  out.factor = factor;
  out.variance = 1 / den;
  out.rawFactor = num / den;
  out.den = den;
  for (let j = 0; j < nMissing; j++) {
    const m = missingList[j]!;
    t[m] = Math.max(0, median[m]! + scaleLoading[m]! * factor);
  }
  const bounds = model.imputation.bounds;
  if (!bounds) return;
  const { pairStart, pairBound, pairGiven } = plan;
  for (let j = 0; j < nMissing; j++) {
    const m = missingList[j]!;
    for (let q = pairStart[j]!; q < pairStart[j + 1]!; q++) {
      const b = pairBound[q]!;
      const limit = Math.max(0, evaluateBound(bounds[b]!, t[pairGiven[q]!]!));
      if (limit < t[m]!) {
        t[m] = limit;
        capped[m] = b;
      }
    }
  }
}

/**
 * dt_m / dt_k of a missing feature m through the common factor, for each present feature k
 * of `plan` (written to out[k]; other entries untouched): scale_m loading_m loading_k /
 * (psi_k scale_k den), the derivative of imputeWithPlan's t_m while the factor is not clamped
 * and no cap binds (engine/attribution.ts splits an imputed value's moves by these).
 */
export function factorSlopesInto(model: Model, plan: ImputePlan, m: number, den: number, out: Float64Array): void {
  const { loading, psi, scale, scaleLoading } = tablesOf(model);
  const head = scaleLoading[m]!;
  const { presentList, nPresent } = plan;
  for (let j = 0; j < nPresent; j++) {
    const k = presentList[j]!;
    // (scale_m loading_m loading_k) / ((1 - loading_k^2) scale_k den), in that order of operations
    out[k] = (head * loading[k]!) / (psi[k]! * scale[k]! * den);
  }
}

/**
 * A model's reference numbers as arrays in feature order, with the terms the imputation
 * reuses (psi = 1 - loading^2, loading^2 / psi, scale * loading: the same doubles the
 * definition's expressions give), and per feature the bounds that cap it (CSR).
 */
interface ImputeTables {
  median: Float64Array;
  scale: Float64Array;
  loading: Float64Array;
  psi: Float64Array;
  precision: Float64Array;
  scaleLoading: Float64Array;
  boundStart: Int32Array;
  boundList: Int32Array;
  boundGiven: Int32Array;
  /** the bounds array the CSR lists were built from (the fit sets a model's caps after its first imputations) */
  bounds: Model['imputation']['bounds'];
  /** imputeInto's workspace when it is given none */
  plan: ImputePlan;
}

// per model: its tables (a memo of a pure function: a model is not changed once loaded, except
// that the fit (scripts/lib/fit/real-data.ts) sets its caps after imputing the training sides,
// so tables built before are rebuilt when the bounds array is no longer the one they were built from)
const tables = new WeakMap<Model, ImputeTables>();
let lastModel: Model | null = null;
let lastTables: ImputeTables | null = null;

function tablesOf(model: Model): ImputeTables {
  if (model === lastModel && lastTables!.bounds === model.imputation.bounds) return lastTables!;
  let tab = tables.get(model);
  if (!tab || tab.bounds !== model.imputation.bounds) {
    const refs = model.features.map((f) => f.reference);
    const byFeature = boundsByFeature(model);
    const at = boundIndices(model);
    const boundStart = new Int32Array(refs.length + 1);
    for (let m = 0; m < refs.length; m++) boundStart[m + 1] = boundStart[m]! + byFeature[m]!.length;
    const boundList = Int32Array.from(byFeature.flat());
    tab = {
      median: Float64Array.from(refs, (r) => r.median),
      scale: Float64Array.from(refs, (r) => r.scale),
      loading: Float64Array.from(refs, (r) => r.loading),
      psi: Float64Array.from(refs, (r) => 1 - r.loading * r.loading),
      precision: Float64Array.from(refs, (r) => (r.loading * r.loading) / (1 - r.loading * r.loading)),
      scaleLoading: Float64Array.from(refs, (r) => r.scale * r.loading),
      boundStart,
      boundList,
      boundGiven: Int32Array.from(boundList, (b) => at[2 * b + 1]!),
      bounds: model.imputation.bounds,
      plan: makeImputePlan(model),
    };
    tables.set(model, tab);
  }
  lastModel = model;
  lastTables = tab;
  return tab;
}

// per bounds array: [feature, given] model indices of each bound, looked up once (a memo
// of a pure function: a model's bounds and feature order are not changed once loaded)
const indices = new WeakMap<object, Int16Array>();
const grouped = new WeakMap<object, number[][]>();
/** Per model feature, the indices of the bounds that cap it, in bounds order. */
function boundsByFeature(model: Model): number[][] {
  const bounds = model.imputation.bounds ?? [];
  let out = grouped.get(bounds);
  if (!out) {
    const at = boundIndices(model);
    out = model.features.map((_, m) => bounds.map((_, b) => b).filter((b) => at[2 * b] === m));
    grouped.set(bounds, out);
  }
  return out;
}

/** [feature, given] model feature indices of each of model.imputation.bounds, in order (-1: not a model feature). */
export function boundIndices(model: Model): Int16Array {
  const bounds = model.imputation.bounds ?? [];
  let at = indices.get(bounds);
  if (!at) {
    const index = (name: string) => model.features.findIndex((f) => f.name === name);
    at = Int16Array.from(bounds.flatMap((b) => [index(b.feature), index(b.given)]));
    indices.set(bounds, at);
  }
  return at;
}

/** The largest loading allowed: keeps every psi = 1 - loading^2 away from 0. */
export const MAX_LOADING = 0.95;
