import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeInto, attributePoints } from '../../src/engine/attribution.js';
import { applyCalibration, validateModel, type Model } from '../../src/engine/model.js';
import { apportionTenths, evaluateModel } from '../../src/engine/score.js';
import { referenceApportionTenths, referenceAttributePoints } from '../helpers/attribution-reference.js';
import { ROOT } from '../helpers/cli.js';
import { shippedModel } from '../helpers/model.js';
import { seededRandom as seeded } from '../helpers/seeded-random.js';


/** A random account in log space: each feature missing, a lower bound, or present (0, a knot, or anywhere up to past the last knot). */
function randomAccount(model: Model, rnd: () => number): { t: Float64Array; lower: Uint8Array | undefined } {
  const K = model.features.length;
  const t = new Float64Array(K);
  const lower = new Uint8Array(K);
  for (let k = 0; k < K; k++) {
    const f = model.features[k]!;
    const r = rnd();
    const top = f.knots[f.knots.length - 1]! * 1.3 + 0.5;
    if (r < 0.35) t[k] = NaN;
    else if (r < 0.42) t[k] = 0;
    else if (r < 0.5) t[k] = f.knots[Math.floor(rnd() * f.knots.length)]!;
    else t[k] = rnd() * top;
    if (!Number.isNaN(t[k]!) && rnd() < 0.2) lower[k] = 1;
  }
  return { t, lower: rnd() < 0.3 ? undefined : lower };
}

const models = (): [string, Model][] => {
  const v2 = shippedModel();
  const v1 = validateModel(JSON.parse(fs.readFileSync(path.join(ROOT, 'models', 'model-v1.json'), 'utf8')));
  // a tight factor clamp: most accounts hit it, so the clamped-slope branch is walked too
  const clamped = shippedModel();
  clamped.imputation.maxFactor = 0.3;
  return [['model-v2', v2], ['model-v1', v1], ['model-v2, factor clamped at 0.3', clamped]];
};

describe('attribution without allocation', () => {
  it.each(models())('gives the reference numbers exactly on 3,000 random accounts (%s)', (_name, model) => {
    const rnd = seeded(13);
    const apply = (total: number) => applyCalibration(model.calibration, total);
    const points = new Float64Array(model.features.length);
    let imputedAccounts = 0;
    for (let a = 0; a < 3000; a++) {
      const { t, lower } = randomAccount(model, rnd);
      const ref = referenceAttributePoints(model, t, lower, apply);
      const fast = attributePoints(model, t, lower, apply);
      // bit for bit: the fast path reorders no arithmetic
      expect([a, fast.baseline]).toEqual([a, ref.baseline]);
      expect([a, [...fast.points]]).toEqual([a, [...ref.points]]);
      // handed the account's evaluation as the path's end, the same again
      const ev = evaluateModel(model, t, 1, lower);
      if (ev.imputed.some((x) => x === 1)) imputedAccounts++;
      const baseline = attributeInto(model, t, lower, apply, points, ev);
      expect([a, baseline, [...points]]).toEqual([a, ref.baseline, [...ref.points]]);
    }
    // the walk along the path (not only the closed form) was compared
    expect(imputedAccounts).toBeGreaterThan(1000);
  });

  it('the points add up to the calibrated total of the account, imputed or not', () => {
    const model = shippedModel();
    const rnd = seeded(7);
    const apply = (total: number) => applyCalibration(model.calibration, total);
    for (let a = 0; a < 500; a++) {
      const { t, lower } = randomAccount(model, rnd);
      const { baseline, points } = attributePoints(model, t, lower, apply);
      const sum = points.reduce((s, x) => s + x, baseline);
      expect(sum).toBeCloseTo(apply(evaluateModel(model, t, 1, lower).total), 9);
    }
  });
});

describe('apportionTenths without sorting objects', () => {
  it('gives the reference tenths on 20,000 random splits (ties, surplus and deficit included)', () => {
    const rnd = seeded(29);
    let up = 0;
    let down = 0;
    for (let a = 0; a < 20000; a++) {
      const n = 1 + Math.floor(rnd() * 18);
      // tenths and hundredths make ties of fractional parts common
      const exact = Array.from({ length: n }, () => (rnd() < 0.5 ? Math.round((rnd() - 0.2) * 400) / 10 : Math.round((rnd() - 0.2) * 4000) / 100 + (rnd() < 0.3 ? 0.05 : 0)));
      const sum = exact.reduce((s, x) => s + x, 0);
      const target = Math.round(sum * 10) + (rnd() < 0.2 ? Math.floor(rnd() * 2 * n) - n : 0);
      const floors = exact.reduce((s, x) => s + Math.floor(x * 10), 0);
      if (target > floors) up++;
      if (target < floors) down++;
      expect([a, apportionTenths(exact, target)]).toEqual([a, referenceApportionTenths(exact, target)]);
    }
    expect(up).toBeGreaterThan(1000);
    expect(down).toBeGreaterThan(100);
  });
});
