/**
 * Fitting feature curves by Bradley-Terry on pairs: each fitted feature's curve is a sum
 * of segment ramps in log space,
 *   g_k(t) = sum_j beta_kj * clamp(t - K_j, 0, K_{j+1} - K_j)   (last segment open),
 * so beta_kj is the curve's slope on segment j; beta >= minSlope > 0 makes g_k increasing
 * everywhere (monotone, and no flat stretch). For a pair (A, B) with y = 1 when A won:
 *   P(y = 1) = sigma(o + (ramps(A) - ramps(B)) . beta),  o = sum of the other curves' differences
 * fitted by penalised logistic regression (fit/logistic.ts: ridge lambda, smoothing mu
 * between neighbouring slopes). The sides are log values with missing features imputed
 * exactly as scoring does, so the other curves enter as the offset o.
 *
 * Sources: Bradley and Terry (1952), "Rank analysis of incomplete block designs"; Eilers
 * and Marx (1996), "Flexible smoothing with B-splines and penalties" (difference penalty).
 * Worked example: one feature, knots [0, 5], the larger value winning 3 times of 4: the
 * slopes come out positive and the winner's total is larger.
 */
import { evaluateCurve, type Model } from '../model.js';
import { fitLogisticBounded } from './logistic.js';
import { quantileSorted, round } from './stats.js';

/** Two accounts' log values (model feature order, imputed), the winner and a weight. */
export interface SidePair {
  a: Float64Array;
  b: Float64Array;
  /** 1 when A won */
  y: 0 | 1;
  weight?: number;
}

/** How curves are fitted. */
export interface CurveOptions {
  /** interior knots per curve (quantiles of the present values) */
  interiorKnots: number;
  lambda: number;
  mu: number;
  /** the smallest slope of any segment, logits per unit of t (no flat stretch) */
  minSlope: number;
  /**
   * larger smallest slopes for some features, by feature name: on every segment, or only on
   * segments that start below `below` or at or above `from` (t); for the DESIGN's properties
   * that the data cannot identify (e.g. distinct engagers on Digg, where the past count already
   * ranks the future)
   */
  minSlopes?: Record<string, { slope: number; below?: number; from?: number }>;
}

/** 8 interior knots, ridge 0.1, smoothing 10, slopes at least 0.01. */
export const DEFAULT_CURVE_OPTIONS: CurveOptions = { interiorKnots: 8, lambda: 0.1, mu: 10, minSlope: 0.01 };

/** Knots 0 then interior quantiles of the values (rounded to 0.01, at least 0.05 apart). */
export function knotsOf(values: readonly number[], interior: number): number[] {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const ks = [0];
  for (let q = 1; q <= interior; q++) {
    const v = round(quantileSorted(sorted, q / (interior + 1)), 2);
    if (v > ks[ks.length - 1]! + 0.05) ks.push(v);
  }
  return ks;
}

const ramp = (t: number, lo: number, width: number): number => Math.min(Math.max(t - lo, 0), width);

/**
 * Fits the curves of features `fitted` (indices) on the pairs, in place: knots[k] are the
 * segment starts of feature k, `end[k]` the last knot written to the file (the top of the data).
 */
export function fitCurves(model: Model, pairs: readonly SidePair[], fitted: readonly number[], knots: readonly number[][], end: readonly number[], options: CurveOptions): void {
  const columns: { k: number; lo: number; width: number }[] = [];
  const groups: number[] = [];
  for (const k of fitted) {
    const ks = knots[k]!;
    ks.forEach((lo, j) => columns.push({ k, lo, width: j + 1 < ks.length ? ks[j + 1]! - lo : Infinity }));
    groups.push(ks.length);
  }
  const P = columns.length;
  const n = pairs.length;
  const X = new Float64Array(n * P);
  const offset = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  const isFitted = new Uint8Array(model.features.length);
  for (const k of fitted) isFitted[k] = 1;
  pairs.forEach((pair, i) => {
    columns.forEach((c, p) => {
      X[i * P + p] = ramp(pair.a[c.k]!, c.lo, c.width) - ramp(pair.b[c.k]!, c.lo, c.width);
    });
    let o = 0;
    model.features.forEach((f, k) => {
      if (isFitted[k] !== 1) o += evaluateCurve(f.knots, f.points, pair.a[k]!) - evaluateCurve(f.knots, f.points, pair.b[k]!);
    });
    offset[i] = o;
    y[i] = pair.y;
    weight[i] = pair.weight ?? 1;
  });
  const lower = new Float64Array(P).fill(options.minSlope);
  columns.forEach((c, p) => {
    const m = options.minSlopes?.[model.features[c.k]!.name];
    if (m && (m.below === undefined || c.lo < m.below) && (m.from === undefined || c.lo >= m.from)) lower[p] = Math.max(options.minSlope, m.slope);
  });
  const { beta } = fitLogisticBounded({ X, P, offset, y, weight, lambda: options.lambda, mu: options.mu, groups, lower });
  let p = 0;
  for (const k of fitted) {
    const ks = knots[k]!;
    const top = Math.max(end[k]!, ks[ks.length - 1]! + 1);
    const kn = [...ks, round(top, 2)];
    const points = [0];
    for (let j = 0; j < ks.length; j++) points.push(round(points[j]! + beta[p + j]! * (kn[j + 1]! - kn[j]!), 6));
    p += ks.length;
    // rounding never makes a segment flat: at least a millionth per segment
    for (let j = 1; j < points.length; j++) if (points[j]! <= points[j - 1]!) points[j] = round(points[j - 1]! + 1e-6, 6);
    model.features[k]!.knots = kn;
    model.features[k]!.points = points;
  }
}
