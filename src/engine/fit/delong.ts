/**
 * How sure an AUC is: its standard error and 95% interval, and whether one ranking beats
 * another on the same labelled items, by DeLong's method (DeLong, DeLong and Clarke-Pearson
 * 1988, "Comparing the areas under two or more correlated receiver operating characteristic
 * curves", Biometrics 44:837-845), computed from mid-ranks (Sun and Xu 2014, "Fast
 * implementation of DeLong's algorithm", IEEE Signal Processing Letters 21:1389-1393).
 *
 * Definition. With m positives X_i and n negatives Y_j and psi(x, y) = 1 if x > y, 1/2 if
 * equal, 0 otherwise, AUC = mean psi(X_i, Y_j). Each positive's component is
 * V10_i = mean_j psi(X_i, Y_j) = (R_i - R'_i) / n, and each negative's is
 * V01_j = mean_i psi(X_i, Y_j) = 1 - (R_j - R''_j) / m, where R is the mid-rank among all
 * items, R' among the positives and R'' among the negatives. Var(AUC) = S10 / m + S01 / n,
 * S10 and S01 the sample variances of the components. Two rankings of the same items:
 * Var(A1 - A2) = Var(A1) + Var(A2) - 2 Cov(A1, A2), the covariance built from the same
 * components. Intervals are normal: estimate +- 1.96 SE (clipped to [0, 1] for an AUC).
 *
 * Worked example: positives [3, 2], negatives [1, 2.5]: psi = 1, 1 / 1, 0 -> AUC 3/4;
 * V10 = [1, 0.5], V01 = [1, 0.5], S10 = S01 = 0.125, Var = 0.0625 + 0.0625, SE 0.354.
 */
import { averageRanks } from '../metrics.js';

/** z for a two-sided 95% normal interval (the 97.5th percentile of the standard normal). */
export const Z95 = 1.959963984540054;

/** An AUC with its DeLong standard error and 95% interval. */
export interface AucEstimate {
  auc: number;
  se: number;
  interval: [number, number];
}

/** The difference of two AUCs on the same items (first minus second), its SE and 95% interval. */
export interface AucDifference {
  difference: number;
  se: number;
  interval: [number, number];
}

/** Per item of one ranking: its DeLong component (V10 for a positive, V01 for a negative) and the AUC. */
function componentsOf(score: ArrayLike<number>, label: ArrayLike<number>): { auc: number; v10: Float64Array; v01: Float64Array } {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < score.length; i++) (label[i] === 1 ? pos : neg).push(score[i]!);
  const m = pos.length;
  const n = neg.length;
  const all = averageRanks([...pos, ...neg]);
  const rp = averageRanks(pos);
  const rn = averageRanks(neg);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let auc = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = (all[i]! - rp[i]!) / n;
    auc += v10[i]!;
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (all[m + j]! - rn[j]!) / m;
  return { auc: auc / m, v10, v01 };
}

/** Sample covariance of two equal-length vectors (n - 1 in the denominator; 0 for fewer than two). */
function covariance(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return s / (n - 1);
}

function classSizes(label: ArrayLike<number>): [number, number] {
  let m = 0;
  for (let i = 0; i < label.length; i++) if (label[i] === 1) m++;
  return [m, label.length - m];
}

/** The AUC of `score` against `label` (1 = positive) with its DeLong SE and 95% interval; null when a class has fewer than two items. */
export function aucWithInterval(score: ArrayLike<number>, label: ArrayLike<number>): AucEstimate | null {
  const [m, n] = classSizes(label);
  if (m < 2 || n < 2) return null;
  const c = componentsOf(score, label);
  const se = Math.sqrt(covariance(c.v10, c.v10) / m + covariance(c.v01, c.v01) / n);
  return { auc: c.auc, se, interval: [Math.max(0, c.auc - Z95 * se), Math.min(1, c.auc + Z95 * se)] };
}

/** AUC(first) - AUC(second) on the same items and labels, with its DeLong SE and 95% interval; null when a class has fewer than two items. */
export function aucDifference(first: ArrayLike<number>, second: ArrayLike<number>, label: ArrayLike<number>): AucDifference | null {
  const [m, n] = classSizes(label);
  if (m < 2 || n < 2) return null;
  const a = componentsOf(first, label);
  const b = componentsOf(second, label);
  const variance =
    (covariance(a.v10, a.v10) + covariance(b.v10, b.v10) - 2 * covariance(a.v10, b.v10)) / m +
    (covariance(a.v01, a.v01) + covariance(b.v01, b.v01) - 2 * covariance(a.v01, b.v01)) / n;
  const se = Math.sqrt(Math.max(0, variance));
  const difference = a.auc - b.auc;
  return { difference, se, interval: [difference - Z95 * se, difference + Z95 * se] };
}
