/**
 * Weighted order statistics for the fits. Definition: the weighted q-quantile is the
 * smallest value whose cumulative weight reaches q of the total; a reference
 * distribution is (median, IQR / 1.349), the robust normal scale. Worked example: values
 * [1, 2, 3, 4] equally weighted: median 2, quartiles 1 and 3, scale 2 / 1.349 = 1.48.
 */

/** Linear-interpolated q-quantile of sorted values (0 when empty). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Weighted q-quantile: the smallest value whose cumulative weight reaches q of the total. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const total = weights.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (const i of order) {
    cum += weights[i]!;
    if (cum >= q * total - 1e-12) return values[i]!;
  }
  return values[order[order.length - 1]!] ?? 0;
}

/** Median and robust scale (IQR / 1.349, at least 0.05) of weighted values. */
export function weightedReference(values: readonly number[], weights: readonly number[]): { median: number; scale: number } {
  const median = weightedQuantile(values, weights, 0.5);
  const iqr = weightedQuantile(values, weights, 0.75) - weightedQuantile(values, weights, 0.25);
  return { median: round(median, 4), scale: round(Math.max(0.05, iqr / 1.349), 4) };
}

/** x rounded to `digits` decimals. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
