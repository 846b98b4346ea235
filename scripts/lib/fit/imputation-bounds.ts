/**
 * Real-data caps on imputed features (model.imputation.bounds, applied by engine/impute.ts).
 *
 * Definition. For a feature m and a present feature g, pool the real accounts of every data
 * set that measures both (each data set weighted equally), sort them by t_g, cut them into
 * `bins` groups of equal weight, and take per group the weighted median of t_g (the knot)
 * and the weighted `quantile` of t_m (the cap); the caps are then made non-decreasing by
 * weighted pool-adjacent-violators (isotonic regression), so a cap never falls as the
 * evidence rises. Groups with the same knot (a count of 0 shared by many accounts) merge.
 * A pair measured on fewer than `minAccounts` accounts gets no cap.
 *
 * Source: binned conditional quantiles with an isotonic fit (Barlow, Bartholomew, Bremner
 * and Brunk 1972, Statistical Inference under Order Restrictions; PAV).
 *
 * Worked example: listed given followers on genuine.csv: 90% of the accounts with 20-100
 * followers (t_g about 3-4.6) are on at most 6 lists, so with quantile 0.9 the cap there
 * would be about t = ln 7: an account with 61 followers is never assumed to be on more than
 * ~6 lists (with the shipped 0.75, fewer).
 */
import type { ImputationBound, ModelFeature } from '../../../src/engine/model.js';
import { round } from '../../../src/engine/fit/stats.js';

/** A real data set: its accounts' log values in model feature order (NaN = not measured). */
export interface BoundData {
  name: string;
  rows: readonly Float64Array[];
}

/** How caps are fitted. */
export interface BoundOptions {
  /** the conditional quantile of the imputed feature that caps it */
  quantile: number;
  /** groups of equal weight along the given feature */
  bins: number;
  /** the fewest accounts measuring both features for a cap */
  minAccounts: number;
}

/**
 * Caps at the upper quartile (0.75: chosen on held-out real accounts by
 * scripts/choose-cap-quantile.ts), 12 groups, pairs measured on at least 200 accounts.
 */
export const DEFAULT_BOUND_OPTIONS: BoundOptions = { quantile: 0.75, bins: 12, minAccounts: 200 };

/** Fits a cap for every ordered pair of features that some data set measures together. */
export function fitImputationBounds(features: readonly ModelFeature[], data: readonly BoundData[], options: BoundOptions = DEFAULT_BOUND_OPTIONS): ImputationBound[] {
  const out: ImputationBound[] = [];
  for (let m = 0; m < features.length; m++) {
    for (let g = 0; g < features.length; g++) {
      if (m === g) continue;
      const points: { x: number; y: number; w: number }[] = [];
      const used: string[] = [];
      for (const d of data) {
        const both = d.rows.filter((r) => !Number.isNaN(r[m]!) && !Number.isNaN(r[g]!));
        if (both.length === 0) continue;
        used.push(`${d.name} ${both.length}`);
        for (const r of both) points.push({ x: r[g]!, y: r[m]!, w: 1 / both.length });
      }
      if (points.length < options.minAccounts) continue;
      const curve = binnedIsotonicQuantile(points, options.bins, options.quantile);
      if (curve.knots.length === 0) continue;
      out.push({ feature: features[m]!.name, given: features[g]!.name, quantile: options.quantile, knots: curve.knots, points: curve.points, accounts: points.length, data: used.join(', ') });
    }
  }
  return out;
}

/** Weighted q-quantile of y over points[lo, hi) (the smallest y whose cumulative weight reaches q). */
function quantileOf(points: readonly { y: number; w: number }[], q: number): number {
  const sorted = [...points].sort((a, b) => a.y - b.y);
  const total = sorted.reduce((s, p) => s + p.w, 0);
  let cum = 0;
  for (const p of sorted) {
    cum += p.w;
    if (cum >= q * total - 1e-12) return p.y;
  }
  return sorted[sorted.length - 1]?.y ?? 0;
}

/** The binned, isotonic conditional quantile curve of y given x. */
export function binnedIsotonicQuantile(points: readonly { x: number; y: number; w: number }[], bins: number, q: number): { knots: number[]; points: number[] } {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const total = sorted.reduce((s, p) => s + p.w, 0);
  // groups of equal weight, cut only between different x
  const groups: { x: number; y: number; w: number }[][] = [];
  let current: { x: number; y: number; w: number }[] = [];
  let cum = 0;
  for (let i = 0; i < sorted.length; i++) {
    current.push(sorted[i]!);
    cum += sorted[i]!.w;
    const next = sorted[i + 1];
    if (next && next.x !== sorted[i]!.x && cum >= ((groups.length + 1) * total) / bins - 1e-12) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  // a knot per group (weighted median of x), merged when not ascending after rounding
  const blocks: { knot: number; members: { x: number; y: number; w: number }[] }[] = [];
  for (const members of groups) {
    const knot = round(quantileOf(members.map((p) => ({ y: p.x, w: p.w })), 0.5), 4);
    const last = blocks[blocks.length - 1];
    if (last && knot <= last.knot) last.members.push(...members);
    else blocks.push({ knot, members });
  }
  // pool adjacent violators on the groups' quantiles, weighted by group weight
  type Pool = { value: number; w: number; from: number; to: number; members: { y: number; w: number }[] };
  const pools: Pool[] = [];
  blocks.forEach((b, i) => {
    let pool: Pool = { value: quantileOf(b.members, q), w: b.members.reduce((s, p) => s + p.w, 0), from: i, to: i, members: b.members };
    while (pools.length > 0 && pools[pools.length - 1]!.value > pool.value) {
      const prev = pools.pop()!;
      const members = [...prev.members, ...pool.members];
      pool = { value: quantileOf(members, q), w: prev.w + pool.w, from: prev.from, to: pool.to, members };
    }
    pools.push(pool);
  });
  const values = new Array<number>(blocks.length);
  let floor = -Infinity;
  for (const p of pools) {
    // a pooled quantile can dip below the previous pool's: keep the curve non-decreasing
    floor = Math.max(floor, p.value);
    for (let i = p.from; i <= p.to; i++) values[i] = floor;
  }
  return { knots: blocks.map((b) => b.knot), points: values.map((v) => round(Math.max(0, v), 4)) };
}
