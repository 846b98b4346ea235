import { describe, expect, it } from 'vitest';
import { DatasetBuilder, day } from '../../tools/sim/dataset-builder.js';
import { shippedModel } from '../helpers/model.js';
import { explainScore, scoreAccounts, scoreFeatureVector } from '../../src/engine/score.js';
import { emptyFeatureVector, type FeatureVector } from '../../src/engine/features.js';
import { applyCalibration, evaluateCurve, featureValueOf, SCORE_GROUPS } from '../../src/engine/model.js';
import { LISTS } from '../../src/engine/dataset.js';

const model = shippedModel();
const window = { asOf: day(60), windowDays: 90 };

describe('abstention: no score without audience or reception evidence', () => {
  it('a database holding only a following list: every followed account (and the owner) abstains', () => {
    const b = new DatasetBuilder();
    const owner = b.account({ handle: 'owner' });
    const followed = Array.from({ length: 5 }, (_, k) => b.account({ handle: `f${k}` }));
    for (const f of followed) b.follow(owner, f, day(1));
    const pop = b.build();
    pop.accounts.lists = new Uint8Array(pop.accounts.n);
    pop.accounts.lists[owner] = LISTS.FOLLOWING;
    const table = scoreAccounts(pop, { window, model });
    for (const f of followed) {
      const s = explainScore(table, f);
      expect(s.score).toBeNull();
      expect(s.interval).toBeNull();
      expect(s.abstain).toMatch(/audience|reception/);
      // a follow edge from someone's export is not a follower count
      expect(table.features.value.followers[f]).toBeNaN();
    }
    expect(explainScore(table, owner).score).toBeNull();
  });

  it('an archive owner with posts but no reception data abstains; with a follower list it is scored', () => {
    const b = new DatasetBuilder();
    const owner = b.account({ handle: 'owner' });
    const other = b.account({ handle: 'liked' });
    for (let k = 0; k < 30; k++) b.post(owner, { at: day(10 + k) });
    b.interact(owner, other, 'like', { at: day(20) });
    const fans = Array.from({ length: 12 }, (_, k) => b.account({ handle: `fan${k}` }));
    for (const f of fans) b.follow(f, owner, day(1));
    const pop = b.build();
    const alone = scoreAccounts(pop, { window, model });
    expect(explainScore(alone, owner).score).toBeNull();
    expect(explainScore(alone, other).abstain).toMatch(/only others' engagement/);
    pop.accounts.lists = new Uint8Array(pop.accounts.n);
    pop.accounts.lists[owner] = LISTS.FOLLOWERS | LISTS.POSTS;
    const withList = scoreAccounts(pop, { window, model });
    const s = explainScore(withList, owner);
    expect(s.score).not.toBeNull();
    expect(withList.features.value.followers[owner]).toBe(12);
    expect(s.interval![1] - s.interval![0]).toBeGreaterThan(5); // reception imputed: wide
    expect(s.contributions.find((c) => c.feature === 'mentions_received')!.source).toBe('imputed');
  });
});

const declared = (values: Partial<Record<string, number>>): FeatureVector => {
  const fv = emptyFeatureVector();
  for (const [k, v] of Object.entries(values)) {
    (fv.value as Record<string, number>)[k] = v!;
    (fv.source as Record<string, string>)[k] = 'declared';
  }
  return fv;
};

describe('points are effects, no plateau, intervals', () => {
  it('no flat stretch: every sub-score rises when its feature rises tenfold over the data range', () => {
    for (const f of model.features) {
      const lo = Math.max(0.1, f.reference.median - 2 * f.reference.scale);
      const hi = f.reference.median + 2 * f.reference.scale;
      for (let t = lo; t <= hi; t += (hi - lo) / 8) {
        const x = featureValueOf(f, t);
        const g1 = evaluateCurve(f.knots, f.points, t);
        const g2 = evaluateCurve(f.knots, f.points, Math.log1p((f.scale ?? 1) * x * 10));
        expect(g2, `${f.name} at ${x}`).toBeGreaterThan(g1);
        const cal = model.subscoreCalibration[f.group];
        expect(applyCalibration(cal, g2), `${f.group} sub-score, ${f.name} at ${x}`).toBeGreaterThan(applyCalibration(cal, g1));
      }
    }
    expect(SCORE_GROUPS.length).toBe(3);
  });

  it('a feature\'s points never fall when only that feature rises (all others present)', () => {
    const base = { followers: 2000, listed: 40, follower_ratio: 2, mentions_received: 0.5, reshares_received: 0.2, mentions_per_post: 0.3, reshares_per_post: 0.1, engagers: 30, network: 5, conversation: 0.5 };
    for (const f of model.features) {
      let prev = -Infinity;
      for (const mult of [0, 0.1, 0.3, 1, 3, 10, 100, 1000]) {
        const fv = declared({ ...base, [f.name]: (base as Record<string, number>)[f.name]! * mult });
        const ev = scoreFeatureVector(model, fv);
        const pool = applyCalibration(model.calibration, ev.total) - applyCalibration(model.calibration, 0);
        const k = model.features.indexOf(f);
        const points = ev.total > 0 ? (pool * ev.g[k]!) / ev.total : 0;
        expect(points, `${f.name} x${mult}`).toBeGreaterThanOrEqual(prev - 1e-9);
        prev = points;
      }
    }
  });

  it('the interval contains the score, is deterministic, and narrows as evidence is added', () => {
    const few = declared({ followers: 500 });
    const all = declared({ followers: 500, listed: 8, follower_ratio: 1.5, mentions_received: 0.3, reshares_received: 0.1, mentions_per_post: 0.2, reshares_per_post: 0.05, engagers: 10, network: 2, conversation: 0.4 });
    const a = scoreFeatureVector(model, few);
    const b = scoreFeatureVector(model, all);
    for (const e of [a, b]) {
      expect(e.interval[0]).toBeLessThanOrEqual(e.score);
      expect(e.interval[1]).toBeGreaterThanOrEqual(e.score);
    }
    expect(a.interval[1] - a.interval[0]).toBeGreaterThan(b.interval[1] - b.interval[0]);
    expect(scoreFeatureVector(model, few).interval).toEqual(a.interval);
  });
});
