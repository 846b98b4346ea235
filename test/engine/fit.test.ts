import { describe, expect, it } from 'vitest';
import { emptyFeatureVector } from '../../src/engine/features.js';
import { evaluatePairs, fitLogisticNonNegative, fitModel, recalibrateModel, solveCholesky, type LabelledPair } from '../../src/engine/fit.js';
import { scoreFeatureVector } from '../../src/engine/score.js';
import { pairAccuracy, pairAuc } from '../../src/engine/metrics.js';
import { MODEL_SPEC } from '../../src/engine/model-spec.js';
import { validateModel } from '../../src/engine/model.js';

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

const options = { lambda: 1, folds: 3, knots: 3, minPresence: 0.5, version: 't', description: 't', provenance: { date: '2026-01-01' } };

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

  it('fits shown features, keeps priors for the rest, cross-validates, and is deterministic', () => {
    const pairs = syntheticPairs(600);
    // flat priors: the fitted curves must carry the signal themselves
    const spec = structuredClone(MODEL_SPEC);
    for (const f of spec.features) f.prior.points = f.prior.points.map(() => 0);
    const r1 = fitModel(spec, pairs, options);
    const r2 = fitModel(spec, pairs, options);
    expect(JSON.stringify(r1.model)).toBe(JSON.stringify(r2.model));
    expect(r1.fitted).toEqual(['followers', 'listed', 'mentions_received']);
    expect(r1.prior).toContain('network');
    expect(r1.cv!.auc).toBeGreaterThan(0.75);
    expect(r1.cv!.foldAuc).toHaveLength(3);
    validateModel(JSON.parse(JSON.stringify(r1.model)));
    const listed = r1.model.features.find((f) => f.name === 'listed')!;
    expect(listed.fitted).toBe(true);
    expect(listed.points[listed.points.length - 1]).toBeGreaterThan(0);
    expect(r1.model.provenance['cvAuc']).toBe(r1.cv!.auc);
    expect(r1.model.provenance['date']).toBe('2026-01-01');
    const e = evaluatePairs(r1.model, pairs);
    expect(e.auc).toBe(r1.inSample.auc);
    expect(e.baselines.listed).toBeGreaterThan(0.7);
    // the calibration puts the reference median near 40
    expect(r1.model.calibration.scores).toContain(40);
  });

  it('recalibrates on a population: its median scores 40 and its 95th percentile 63', () => {
    const model = fitModel(MODEL_SPEC, syntheticPairs(300), { ...options, folds: 0 }).model;
    const population = syntheticPairs(500).flatMap((p) => [p.a, p.b]);
    const cal = recalibrateModel(model, MODEL_SPEC, population);
    const scores = population.map((fv) => scoreFeatureVector(cal, fv).score).sort((a, b) => a - b);
    expect(scores[Math.floor(0.5 * scores.length)]).toBeCloseTo(40, 0);
    expect(scores[Math.floor(0.95 * scores.length)]).toBeCloseTo(63, 0);
    expect(scores.filter((s) => s >= 70).length / scores.length).toBeLessThan(0.02);
    expect(cal.features).toEqual(model.features); // curves untouched: rankings unchanged
  });

  it('with the real spec, imputed priors share the signal and the model still ranks well', () => {
    const pairs = syntheticPairs(400);
    const r = fitModel(MODEL_SPEC, pairs, { ...options, folds: 0 });
    expect(r.cv).toBeNull();
    expect(r.inSample.auc).toBeGreaterThan(0.78);
    for (const f of r.model.features) for (let k = 1; k < f.points.length; k++) expect(f.points[k]).toBeGreaterThanOrEqual(f.points[k - 1]!);
  });
});
