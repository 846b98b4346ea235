import { describe, expect, it } from 'vitest';
import { emptyFeatureVector } from '../../src/engine/features.js';
import { evaluatePairs, fitModelOnPairs, type LabelledPair } from '../../src/engine/fit/pairs.js';
import { DEFAULT_CURVE_OPTIONS, fitCurves, knotsOf, type SidePair } from '../../src/engine/fit/curves.js';
import { fitLogisticNonNegative } from '../../src/engine/fit/logistic.js';
import { solveCholesky } from '../../src/engine/fit/linear-algebra.js';
import { buildCalibration, KLOUT_TARGETS } from '../../scripts/lib/fit/calibration.js';
import { factorLoadings } from '../../scripts/lib/fit/factor-analysis.js';
import { pairFolds } from '../../scripts/lib/fit/real-data.js';
import { scoreFeatureVector } from '../../src/engine/score.js';
import { pairAccuracy, pairAuc, spearman, topKOverlap } from '../../src/engine/metrics.js';
import { validateModel } from '../../src/engine/model.js';
import { shippedModel } from '../helpers/model.js';

/** Pairs of declared accounts where the one with more listed and mentions wins 85% of the time. */
function syntheticPairs(n: number): LabelledPair[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const account = () => {
    const fv = emptyFeatureVector();
    const level = rand() * 10;
    fv.value.followers = Math.expm1(level + rand() * 2);
    fv.value.listed = Math.expm1(level * 0.7 + rand());
    fv.value.mentions_received = Math.expm1(level * 0.4 + rand());
    for (const f of ['followers', 'listed', 'mentions_received'] as const) fv.source[f] = 'declared';
    return { fv, level: Math.log1p(fv.value.listed) + Math.log1p(fv.value.mentions_received) };
  };
  return Array.from({ length: n }, () => {
    const a = account();
    const b = account();
    const right = rand() < 0.85;
    return { a: a.fv, b: b.fv, winner: (a.level > b.level) === right ? 1 : 0 };
  });
}

describe('fit', () => {
  it('computes AUC and accuracy with ties (worked example)', () => {
    expect(pairAuc([2, -1, 0.5], [1, 0, 0])).toBe(1);
    expect(pairAccuracy([2, -1, 0.5], [1, 0, 0])).toBeCloseTo(2 / 3, 12);
    expect(pairAuc([1, 1, 1, 1], [1, 0, 1, 0])).toBe(0.5);
    expect(pairAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('solves SPD systems', () => {
    const x = solveCholesky(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
  });

  it('keeps slopes non-negative even when the data pull a feature down', () => {
    // y = 1 exactly when x < 0: an unconstrained fit would give a negative weight
    const X = Float64Array.from([1, -1, 2, -2, 0.5, -0.5]);
    const y = Float64Array.from([0, 1, 0, 1, 0, 1]);
    const { beta } = fitLogisticNonNegative(X, new Float64Array(6), y, 1, 0.1);
    expect(beta[0]).toBe(0);
  });

  it('refits the curves the pairs show, deterministically, monotone with no flat segment', () => {
    const pairs = syntheticPairs(600);
    const base = shippedModel();
    const r1 = fitModelOnPairs(base, pairs, 3);
    const r2 = fitModelOnPairs(base, pairs, 3);
    expect(JSON.stringify(r1.model)).toBe(JSON.stringify(r2.model));
    expect(r1.fitted).toEqual(['followers', 'listed', 'mentions_received']);
    expect(r1.kept).toContain('network');
    expect(r1.cv!.auc).toBeGreaterThan(0.75);
    expect(r1.cv!.foldAuc).toHaveLength(3);
    // out-of-fold: the interval holds the CV AUC, and each margin is the CV AUC less that baseline's AUC
    expect(r1.cv!.aucInterval![0]).toBeLessThan(r1.cv!.auc);
    expect(r1.cv!.aucInterval![1]).toBeGreaterThanOrEqual(r1.cv!.auc);
    const baselines = evaluatePairs(r1.model, pairs).baselines;
    expect(r1.cv!.versusBaselines.listed!.difference).toBeCloseTo(r1.cv!.auc - baselines.listed, 3);
    validateModel(JSON.parse(JSON.stringify(r1.model)));
    for (const f of r1.model.features) for (let k = 1; k < f.points.length; k++) expect(f.points[k]).toBeGreaterThan(f.points[k - 1]!);
    const e = evaluatePairs(r1.model, pairs);
    expect(e.auc).toBe(r1.inSample.auc);
    expect(e.baselines.listed).toBeGreaterThan(0.7);
  });

  it('a feature\'s larger smallest slope holds on the segments it names, and only there', () => {
    // labels that say nothing about the feature: the fit leaves its curve at the floor
    const model = shippedModel();
    const K = model.features.length;
    const k = model.features.findIndex((f) => f.name === 'network');
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const side = () => {
      const t = new Float64Array(K);
      t[k] = rand() * 5;
      return t;
    };
    // each pair also seen the other way round with the same label: the likelihood peaks at slope 0
    const pairs: SidePair[] = Array.from({ length: 200 }, () => [side(), side()] as const).flatMap(([a, b]) => [{ a, b, y: 1 as const }, { a: b, b: a, y: 1 as const }]);
    const knots = model.features.map(() => [0]);
    knots[k] = knotsOf(pairs.flatMap((p) => [p.a[k]!, p.b[k]!]), 8);
    const end = model.features.map(() => 5);
    const slopes = (options: typeof DEFAULT_CURVE_OPTIONS) => {
      fitCurves(model, pairs, [k], knots, end, options);
      const f = model.features[k]!;
      return f.knots.slice(0, -1).map((lo, j) => ({ lo, slope: (f.points[j + 1]! - f.points[j]!) / (f.knots[j + 1]! - lo) }));
    };
    for (const s of slopes(DEFAULT_CURVE_OPTIONS)) expect(s.slope).toBeCloseTo(0.01, 4);
    const from = slopes({ ...DEFAULT_CURVE_OPTIONS, minSlopes: { network: { slope: 0.1, from: 2 } } });
    expect(from.some((s) => s.lo < 2) && from.some((s) => s.lo >= 2)).toBe(true);
    for (const s of from) expect(s.slope).toBeCloseTo(s.lo >= 2 ? 0.1 : 0.01, 4);
    const below = slopes({ ...DEFAULT_CURVE_OPTIONS, minSlopes: { network: { slope: 0.05, below: 1 } } });
    for (const s of below) expect(s.slope).toBeCloseTo(s.lo < 1 ? 0.05 : 0.01, 4);
    // another feature's entry changes nothing here
    for (const s of slopes({ ...DEFAULT_CURVE_OPTIONS, minSlopes: { engagers: { slope: 0.5 } } })) expect(s.slope).toBeCloseTo(0.01, 4);
  });

  it('calibrates a population to the Klout shape: median 40, 95th percentile 63', () => {
    const totals = Array.from({ length: 1000 }, (_, i) => i / 100);
    const cal = buildCalibration(totals, totals.map(() => 1), KLOUT_TARGETS, 1);
    expect(cal.scores).toEqual([1, 8, 18, 29, 40, 50, 58, 63, 71]);
    expect(cal.totals[4]).toBeCloseTo(4.99, 1);
    expect(cal.totals[7]).toBeCloseTo(9.49, 1);
  });

  it('finds one-factor loadings (three features all correlated 0.64 load 0.8)', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
    const rows = Array.from({ length: 4000 }, () => {
      const f = gauss();
      return Float64Array.from([0, 1, 2], () => 0.8 * f + 0.6 * gauss());
    });
    for (const l of factorLoadings(rows, [0, 1, 2])) expect(l).toBeCloseTo(0.8, 1);
  });

  it('deals pair folds: seed 0 is i mod k (the recorded protocol), other seeds balanced, deterministic and different', () => {
    expect(Array.from(pairFolds(5, 2, 0))).toEqual([0, 1, 0, 1, 0]);
    const a = pairFolds(2727, 5, 1);
    expect(Array.from(pairFolds(2727, 5, 1))).toEqual(Array.from(a));
    const sizes = [0, 0, 0, 0, 0];
    for (const f of a) sizes[f]!++;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const b = pairFolds(2727, 5, 2);
    const zero = pairFolds(2727, 5, 0);
    const same = (x: Int32Array, y: Int32Array) => x.filter((f, i) => f === y[i]).length / x.length;
    // a different split: about a fifth of the pairs share a fold by chance, never most of them
    expect(same(a, b)).toBeLessThan(0.3);
    expect(same(a, zero)).toBeLessThan(0.3);
  });

  it('Spearman and top-k overlap (worked examples)', () => {
    expect(spearman([1, 2, 3], [10, 30, 20])).toBeCloseTo(0.5, 12);
    expect(topKOverlap([3, 2, 1], [1, 3, 2], 2)).toBe(0.5);
  });
});
