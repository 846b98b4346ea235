/** Real followers (engine/audience/real-followers.ts): the definition's cases, worked by hand. */
import { describe, expect, it } from 'vitest';
import { applyRealFollowers } from '../../../src/engine/audience/real-followers.js';
import type { AudienceTable } from '../../../src/engine/audience/classes.js';
import { FEATURE_NAMES, type FeatureTable } from '../../../src/engine/features.js';

/** A feature table of n accounts with the given followers and following (ratio known where both are). */
function makeFeatures(followers: number[], following: number[]): FeatureTable {
  const n = followers.length;
  const col = (): Float64Array => new Float64Array(n).fill(NaN);
  const value = Object.fromEntries(FEATURE_NAMES.map((f) => [f, col()])) as FeatureTable['value'];
  value.followers.set(followers);
  value.following.set(following);
  for (let i = 0; i < n; i++) {
    const known = !Number.isNaN(followers[i]!) && !Number.isNaN(following[i]!);
    value.follower_ratio[i] = known ? followers[i]! / Math.max(1, following[i]!) : NaN;
    value.net_followers[i] = known ? Math.max(0, followers[i]! - following[i]!) : NaN;
  }
  const source = Object.fromEntries(FEATURE_NAMES.map((f) => [f, new Uint8Array(n)])) as FeatureTable['source'];
  const perCount = Object.fromEntries(FEATURE_NAMES.map((f) => [f, col()])) as FeatureTable['perCount'];
  return { n, value, source, perCount, evidence: {} as FeatureTable['evidence'] };
}

/** An audience table where account i's followers fall in the classes given. */
function makeAudience(rows: { real: number; suspicious?: number; fake?: number; bot?: number; unknown?: number }[]): AudienceTable {
  const n = rows.length;
  const col = (k: 'real' | 'suspicious' | 'fake' | 'bot' | 'unknown'): Int32Array => Int32Array.from(rows, (r) => r[k] ?? 0);
  return { model: 't', asOf: null, agesFrom: null, class: new Uint8Array(n), probability: new Float64Array(n), followers: { real: col('real'), suspicious: col('suspicious'), fake: col('fake'), bot: col('bot'), unknown: col('unknown') } };
}

describe('applyRealFollowers', () => {
  it('a complete list: 1,030 followers, 412 fake or bot -> 618; the ratio follows', () => {
    const f = makeFeatures([1030], [100]);
    const r = applyRealFollowers(f, makeAudience([{ real: 600, suspicious: 18, fake: 400, bot: 12 }]));
    expect(f.value.followers[0]).toBe(618);
    expect(f.value.follower_ratio[0]).toBeCloseTo(6.18, 10);
    expect(f.value.net_followers[0]).toBe(518); // 618 - 100 following
    expect(r.removed[0]).toBe(412);
    expect(r.before[0]).toBe(1030);
    expect(r.ratioBefore[0]).toBeCloseTo(10.3, 10);
    expect([r.fake[0], r.bot[0], r.classified[0]]).toEqual([400, 12, 1030]);
  });
  it('a partial list is not extrapolated: 1,000,000 declared, 50 of 100 listed fake -> 999,950', () => {
    const f = makeFeatures([1_000_000], [10]);
    applyRealFollowers(f, makeAudience([{ real: 50, fake: 50, unknown: 30 }]));
    expect(f.value.followers[0]).toBe(999_950);
  });
  it('a declared count below the list loses the classified share, never more: 10 declared, 6 of 12 fake -> 5', () => {
    const f = makeFeatures([10], [10]);
    applyRealFollowers(f, makeAudience([{ real: 6, fake: 6 }]));
    expect(f.value.followers[0]).toBe(5);
  });
  it('suspicious and unknown followers still count; nothing classified or no followers value: unchanged', () => {
    const f = makeFeatures([100, 100, NaN], [10, 10, 10]);
    const r = applyRealFollowers(f, makeAudience([{ real: 10, suspicious: 40, unknown: 50 }, { real: 0, unknown: 100 }, { real: 3, fake: 3 }]));
    expect(Array.from(f.value.followers)).toEqual([100, 100, NaN]);
    expect(r.removed[0]).toBe(0);
    expect(r.before[0]).toBe(100); // an audit was possible: explain says "0 of 50"
    expect(Number.isNaN(r.before[1]!)).toBe(true);
    expect(Number.isNaN(r.before[2]!)).toBe(true);
  });
  it('more fake followers never leave more followers', () => {
    let last = Infinity;
    for (let fake = 0; fake <= 20; fake++) {
      const f = makeFeatures([20], [5]);
      applyRealFollowers(f, makeAudience([{ real: 20 - fake, fake }]));
      expect(f.value.followers[0]!).toBeLessThanOrEqual(last);
      last = f.value.followers[0]!;
    }
    expect(last).toBe(0);
  });
});
