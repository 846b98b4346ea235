/**
 * How sure a rank correlation is, and whether one predictor correlates better than another
 * with the same outcome (both measured on the same accounts).
 *
 * One correlation: Fisher's z = atanh(r) is close to normal; for Spearman's rho its standard
 * error is sqrt(1.06 / (n - 3)) (Fieller, Hartley and Pearson 1957, "Tests for rank
 * correlation coefficients. I", Biometrika 44:470-481). The 95% interval is tanh(z +- 1.96 SE).
 *
 * Two correlations sharing the outcome y, r1 = r(x1, y) and r2 = r(x2, y), with r12 =
 * r(x1, x2): Zou's interval for r1 - r2 (Zou 2007, "Toward using confidence intervals to
 * compare correlations", Psychological Methods 12:399-413, overlapping case), from each one's
 * own interval (l_k, u_k) and the correlation c between the two estimates (Olkin and Finn's
 * large-sample formula, as in Zou's equation 13):
 *   c = ((r12 - r1 r2 / 2)(1 - r1^2 - r2^2 - r12^2) + r12^3) / ((1 - r1^2)(1 - r2^2))
 *   L = r1 - r2 - sqrt((r1 - l1)^2 + (u2 - r2)^2 - 2 c (r1 - l1)(u2 - r2))
 *   U = r1 - r2 + sqrt((u1 - r1)^2 + (r2 - l2)^2 - 2 c (u1 - r1)(r2 - l2))
 * Applied here to Spearman's rho with the interval above (ranks in place of values).
 *
 * Worked example: r1 = 0.378, r2 = 0.319, r12 = 0.6, n = 9,824: intervals 0.360-0.395 and
 * 0.301-0.337, c = 0.55, difference +0.059 with 95% interval about +0.042 to +0.076.
 */

import { Z95 } from './delong.js';

/** 95% interval of Spearman's rho from n pairs (null with fewer than 4, or |rho| = 1). */
export function spearmanInterval(rho: number, n: number): [number, number] | null {
  if (n < 4 || !(Math.abs(rho) < 1)) return null;
  const z = Math.atanh(rho);
  const se = Math.sqrt(1.06 / (n - 3));
  return [Math.tanh(z - Z95 * se), Math.tanh(z + Z95 * se)];
}

/**
 * rho(x1, y) - rho(x2, y) with its 95% interval (Zou 2007), given both correlations, the
 * correlation of the two predictors and n; null when either interval is not defined.
 */
export function correlationDifference(r1: number, r2: number, r12: number, n: number): { difference: number; interval: [number, number] } | null {
  const i1 = spearmanInterval(r1, n);
  const i2 = spearmanInterval(r2, n);
  if (!i1 || !i2 || !(Math.abs(r12) < 1)) return null;
  const [l1, u1] = i1;
  const [l2, u2] = i2;
  const c = ((r12 - (r1 * r2) / 2) * (1 - r1 * r1 - r2 * r2 - r12 * r12) + r12 ** 3) / ((1 - r1 * r1) * (1 - r2 * r2));
  const d = r1 - r2;
  const lower = d - Math.sqrt(Math.max(0, (r1 - l1) ** 2 + (u2 - r2) ** 2 - 2 * c * (r1 - l1) * (u2 - r2)));
  const upper = d + Math.sqrt(Math.max(0, (u1 - r1) ** 2 + (r2 - l2) ** 2 - 2 * c * (u1 - r1) * (r2 - l2)));
  return { difference: d, interval: [lower, upper] };
}
