import { describe, expect, it } from 'vitest';
import { imputeMissing } from '../../src/engine/impute.js';
import { applyCalibration, evaluateCurve, validateModel } from '../../src/engine/model.js';
import { apportionTenths } from '../../src/engine/score.js';
import { shippedModel } from '../helpers/model.js';

describe('model', () => {
  it('evaluates the worked example curve and extrapolates past the last knot', () => {
    expect(evaluateCurve([0, 5, 10], [0, 1, 1.5], Math.log(20001))).toBeCloseTo(1 + (0.5 * (Math.log(20001) - 5)) / 5, 12);
    expect(evaluateCurve([0, 5, 10], [0, 1, 1.5], 12)).toBeCloseTo(1.7, 12);
    expect(evaluateCurve([0, 5, 10], [0, 1, 1.5], 0)).toBe(0);
  });

  it('calibrates monotonically, continuously, saturating below 100', () => {
    const cal = { totals: [0, 1, 2], scores: [1, 40, 63], max: 100 };
    expect(applyCalibration(cal, 0)).toBe(1);
    expect(applyCalibration(cal, -3)).toBe(1);
    expect(applyCalibration(cal, 1.5)).toBeCloseTo(51.5, 12);
    expect(applyCalibration(cal, 2 + 1e-9)).toBeCloseTo(63, 6);
    let prev = 0;
    for (let t = 0; t < 50; t += 0.01) {
      const s = applyCalibration(cal, t);
      expect(s).toBeGreaterThanOrEqual(prev);
      expect(s).toBeLessThan(100);
      prev = s;
    }
    expect(applyCalibration(cal, 10)).toBeGreaterThan(95);
  });

  it('the shipped model validates and reports how it was made', () => {
    const m = shippedModel();
    expect(m.version).toBe('2.1.0');
    const cv = m.provenance['cv'] as { 'dev.csv': { auc: number }; digg: { spearman: number } };
    expect(cv['dev.csv'].auc).toBeGreaterThanOrEqual(0.87);
    expect((m.provenance['data'] as { sha256: string }[]).every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);
    expect(typeof m.units['peerindex']).toBe('string');
    expect(m.features.map((f) => f.group)).toContain('network');
  });

  it('rejects a model whose curve decreases, naming the field', () => {
    const m = shippedModel() as unknown as { features: { points: number[] }[] };
    const pts = m.features[0]!.points;
    m.features[0]!.points = pts.map((_, k) => (k === 1 ? 2 : k === 2 ? 1 : k === 0 ? 0 : 3));
    expect(() => validateModel(m)).toThrow(/features\[0\]\.points must be non-decreasing/);
    expect(() => validateModel({ schema: 2 })).toThrow(/schema/);
  });

  it('imputes the median with nothing present, more with stronger evidence, within the clamp', () => {
    const m = shippedModel();
    const K = m.features.length;
    const none = new Float64Array(K).fill(NaN);
    imputeMissing(m, none);
    m.features.forEach((f, k) => expect(none[k]).toBeCloseTo(Math.max(0, f.reference.median), 12));
    const fi = m.features.findIndex((f) => f.name === 'followers');
    const ei = m.features.findIndex((f) => f.name === 'engagers');
    const imputed = (followers: number) => {
      const t = new Float64Array(K).fill(NaN);
      t[fi] = Math.log1p(followers);
      imputeMissing(m, t);
      return t[ei]!;
    };
    expect(imputed(100)).toBeLessThan(imputed(10_000));
    const e = m.features[ei]!.reference;
    expect(imputed(1e12)).toBeCloseTo(e.median + e.scale * e.loading * m.imputation.maxFactor, 9);
  });

  it('caps set on a model after it has imputed are applied (the fit sets its caps after imputing the training sides)', () => {
    const K = shippedModel().features.length;
    const imputedGiven = (m: ReturnType<typeof shippedModel>, f: number, g: number, given: number) => {
      const t = new Float64Array(K).fill(NaN);
      t[g] = given;
      imputeMissing(m, t);
      return t[f]!;
    };
    // a bound that binds: some feature imputed from one present feature exceeds its cap without the caps
    const capped = shippedModel();
    const uncapped = shippedModel();
    delete uncapped.imputation.bounds;
    const cases = capped.imputation.bounds!.flatMap((b) => {
      const f = capped.features.findIndex((x) => x.name === b.feature);
      const g = capped.features.findIndex((x) => x.name === b.given);
      return b.knots.map((given) => ({ f, g, given }));
    }).filter((c) => c.f >= 0 && c.g >= 0 && imputedGiven(uncapped, c.f, c.g, c.given) > imputedGiven(capped, c.f, c.g, c.given) + 1e-6);
    expect(cases.length).toBeGreaterThan(0);
    // the same model object first imputes without caps, then gets them, as in the fit
    const m = shippedModel();
    const bounds = m.imputation.bounds;
    delete m.imputation.bounds;
    for (const c of cases) expect(imputedGiven(m, c.f, c.g, c.given)).toBe(imputedGiven(uncapped, c.f, c.g, c.given));
    m.imputation.bounds = bounds;
    for (const c of cases) expect(imputedGiven(m, c.f, c.g, c.given)).toBe(imputedGiven(capped, c.f, c.g, c.given));
  });

  it('apportions tenths by largest remainder so items sum to the target', () => {
    expect(apportionTenths([1, 2.04, 3.06, 4.05], 102)).toEqual([10, 20, 31, 41]);
    expect(apportionTenths([1, 20.56, -3.33], 182)).toEqual([10, 205, -33]);
    const exact = [1, 12.345, 7.777, 0.001, -2.5];
    const target = Math.round(exact.reduce((a, b) => a + b, 0) * 10);
    const out = apportionTenths(exact, target);
    expect(out.reduce((a, b) => a + b, 0)).toBe(target);
    out.forEach((v, i) => expect(Math.abs(v - exact[i]! * 10)).toBeLessThan(1));
  });
});
