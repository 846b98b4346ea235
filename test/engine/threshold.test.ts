import { describe, expect, it } from 'vitest';
import { emptyFeatureVector, type FeatureVector } from '../../src/engine/features.js';
import { scoreFeatureVector } from '../../src/engine/score.js';
import { bandOf, findCheapestLever, findFeatureMultiplier, shownScore } from '../../src/engine/threshold.js';
import { shippedModel } from '../helpers/model.js';

const model = shippedModel();

function makeVector(values: Partial<Record<string, number>>): FeatureVector {
  const fv = emptyFeatureVector();
  for (const [k, v] of Object.entries(values)) {
    (fv.value as Record<string, number>)[k] = v!;
    (fv.source as Record<string, string>)[k] = 'events';
  }
  return fv;
}

const base = makeVector({ followers: 800, listed: 10, engagers: 60, mentions_received: 20, reshares_received: 15, reshares_per_post: 0.5, replies_per_post: 0.6, quotes_per_post: 0.05, likes_per_post: 3, network: 0.002, following: 500, posts_per_day: 1 });
const shown = (fv: FeatureVector, damping = 1, cap = 100) => shownScore(scoreFeatureVector(model, fv, damping, cap).score);

describe('threshold levers', () => {
  const now = shown(base);
  const at = Math.ceil(now) + 3;

  it('the multiplier found is the smallest that crosses: at it the score reaches the threshold, just below it does not', () => {
    const m = findFeatureMultiplier(model, base, 'mentions_received', at)!;
    expect(m).toBeGreaterThan(1);
    expect(shown({ ...base, value: { ...base.value, mentions_received: 20 * m } })).toBeGreaterThanOrEqual(at);
    expect(shown({ ...base, value: { ...base.value, mentions_received: 20 * m * 0.999 } })).toBeLessThan(at);
  });

  it('the cheapest lever is the feature with the smallest multiplier, and it crosses', () => {
    const lever = findCheapestLever(model, base, at);
    expect(lever.kind).toBe('feature');
    if (lever.kind !== 'feature') return;
    for (const f of model.features) {
      const m = findFeatureMultiplier(model, base, f.name as 'engagers', at);
      if (m !== null) expect(m).toBeGreaterThanOrEqual(lever.multiplier);
    }
    expect(lever.increasePct).toBe(Math.ceil((lever.multiplier - 1) * 100));
    expect(shown({ ...base, value: { ...base.value, [lever.feature]: lever.from * lever.multiplier } })).toBeGreaterThanOrEqual(at);
  });

  it('a cap below the threshold says so instead of a lever; damping makes levers dearer', () => {
    expect(findCheapestLever(model, base, at, 0.6, 39.9)).toEqual({ kind: 'capped', cap: 39.9 });
    const free = findCheapestLever(model, base, at);
    const damped = findCheapestLever(model, base, shown(base, 0.8) + 2, 0.8);
    expect(free.kind).toBe('feature');
    expect(damped.kind).toBe('feature');
    const mFree = findFeatureMultiplier(model, base, 'mentions_received', now + 2)!;
    const mDamped = findFeatureMultiplier(model, base, 'mentions_received', now + 2, 0.8);
    expect(mFree).toBeGreaterThan(1);
    expect(mDamped === null || mDamped > mFree).toBe(true);
  });

  it('missing or zero values are no lever; an account already over needs none (x1)', () => {
    const fv = makeVector({ followers: 0 });
    expect(findFeatureMultiplier(model, fv, 'followers', 50)).toBeNull();
    expect(findFeatureMultiplier(model, fv, 'engagers', 50)).toBeNull();
    expect(findFeatureMultiplier(model, base, 'mentions_received', now)).toBe(1);
  });

  it('bands by the shown score', () => {
    expect(bandOf(69.96, 70, 5)).toBe('above');
    expect(bandOf(69.94, 70, 5)).toBe('near');
    expect(bandOf(65, 70, 5)).toBe('near');
    expect(bandOf(64.9, 70, 5)).toBe('below');
  });
});

describe('describeLever', () => {
  it('reads as a percentage of one feature with its unit, or says why there is none', async () => {
    const { describeLever } = await import('../../src/render/threshold-view.js');
    expect(describeLever({ kind: 'feature', feature: 'mentions_received', from: 0.206, to: 0.257, multiplier: 1.2476, increasePct: 25 })).toBe('+25% mentions received (0.206 -> 0.257 per day)');
    expect(describeLever({ kind: 'feature', feature: 'listed', from: 267, to: 450, multiplier: 1.69, increasePct: 69 })).toBe('+69% listed (267 -> 450)');
    expect(describeLever({ kind: 'capped', cap: 39.87 })).toBe('capped at 39.9 by authenticity flags: no lever');
  });
});
