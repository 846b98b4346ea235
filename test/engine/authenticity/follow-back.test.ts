import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { WINDOW } from '../../../tools/sim/scenarios/authenticity.js';

/** An account with `posts` posts in the window, engaged once each by `engagers` distinct accounts. */
function farm(b: DatasetBuilder, spec: { followers?: number; following?: number }, posts = 10, engagers = 12): number {
  const a = b.account({ handle: 'farm', ...spec });
  const ps = Array.from({ length: posts }, (_, i) => b.post(a, { at: day(5 + i * 8) }));
  for (let i = 0; i < engagers; i++) {
    const e = b.account({ handle: `fan${i}` });
    b.interact(e, a, 'like', { at: day(5 + (i % posts) * 8) + 3_600_000, post: ps[i % posts]! });
  }
  return a;
}

const flagOf = (b: DatasetBuilder, a: number) => assessAuthenticity(b.build(), WINDOW).flags[a]!.find((f) => f.code === 'follow-back');

describe('follow-back', () => {
  it('fires on matched large counts with little engagement, with the measured values and thresholds', () => {
    const b = new DatasetBuilder();
    const a = farm(b, { followers: 5200, following: 5000 });
    const f = flagOf(b, a)!;
    expect(f).toBeDefined();
    expect(f.evidence).toMatchObject({
      followers: 5200,
      following: 5000,
      countsFrom: 'declared',
      followersMin: 1000,
      followingMin: 1000,
      ratio: 0.9615,
      ratioMin: 0.8,
      engagers: 12,
      engagersFrom: 'events',
      engagersPerFollower: 0.00231,
      engagersPerFollowerMax: 0.01,
    });
    expect(f.severity).toBeGreaterThan(0.4);
    expect(f.severity).toBeLessThanOrEqual(1);
    expect(f.factor).toBeLessThan(1);
  });

  it('stays silent for a mutual follower with a real, engaged audience', () => {
    const b = new DatasetBuilder();
    const a = farm(b, { followers: 1500, following: 1400 }, 20, 80);
    expect(flagOf(b, a)).toBeUndefined();
  });

  it('stays silent when followers and following are far apart (a celebrity, or a mass follower nobody follows back)', () => {
    const b = new DatasetBuilder();
    const celeb = farm(b, { followers: 50_000, following: 300 });
    expect(flagOf(b, celeb)).toBeUndefined();
    const b2 = new DatasetBuilder();
    const spammer = farm(b2, { followers: 900, following: 5000 });
    expect(flagOf(b2, spammer)).toBeUndefined();
  });

  it('does not fire when engagement is not measured (a follower list: counts, no posts, no events, no aggregates)', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'listed', followers: 5000, following: 5000 });
    const other = farm(b, { followers: 10, following: 10 });
    void other;
    expect(flagOf(b, a)).toBeUndefined();
  });

  it('does not fire when counts are missing (NaN)', () => {
    const b = new DatasetBuilder();
    const a = farm(b, { following: 5000 });
    expect(flagOf(b, a)).toBeUndefined();
  });

  it('uses declared window aggregates when there are no events', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'agg', followers: 8000, following: 7900, mentionsReceived: 10, resharesReceived: 5, windowDays: 30 });
    const f = flagOf(b, a)!;
    expect(f.evidence).toMatchObject({ engagers: 45, engagersFrom: 'declared-aggregates', engagersPerFollower: 0.00563 });
  });

  it('takes the largest engagement estimate: declared reactions on posts can keep the flag from firing', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'declared', followers: 3000, following: 3000 });
    for (let i = 0; i < 10; i++) b.post(a, { at: day(10 + i), likes: 10, reshares: 2 });
    expect(flagOf(b, a)).toBeUndefined(); // 120 reactions / 3000 = 0.04 > 0.01
    const b2 = new DatasetBuilder();
    const c = b2.account({ handle: 'declared', followers: 3000, following: 3000 });
    for (let i = 0; i < 10; i++) b2.post(c, { at: day(10 + i), likes: 1 });
    expect(flagOf(b2, c)!.evidence).toMatchObject({ engagers: 10, engagersFrom: 'declared-post-counts' });
  });

  it('adds reciprocity from the follows table and vetoes when it contradicts follow-back', () => {
    const build = (mutual: boolean): { b: DatasetBuilder; a: number } => {
      const b = new DatasetBuilder();
      const a = farm(b, { followers: 2000, following: 2000 });
      for (let i = 0; i < 150; i++) {
        const x = b.account({ handle: `f${i}` });
        b.follow(a, x);
        if (mutual || i < 20) b.follow(x, a);
        else b.follow(b.account({ handle: `g${i}` }), a);
      }
      return { b, a };
    };
    const high = build(true);
    expect(flagOf(high.b, high.a)!.evidence).toMatchObject({ reciprocity: 1, reciprocityMin: 0.3 });
    const low = build(false);
    expect(flagOf(low.b, low.a)).toBeUndefined(); // 20/150 = 0.13 follow back
  });

  it('with a follow-back audience (overlap index >= 0.74 in the follows table), a trickle of engagers up to 5% of followers still fires', () => {
    // 2,000 followers, 60 distinct engagers over 10 posts (3%: above the 1% bar)
    const build = (followBack: number) => {
      const b = new DatasetBuilder();
      const a = farm(b, { followers: 2000, following: 2000 }, 10, 60);
      for (let i = 0; i < 150; i++) {
        const x = b.account({ handle: `f${i}` });
        b.follow(a, x);
        if (i < followBack) b.follow(x, a);
        else b.follow(b.account({ handle: `g${i}` }), a);
      }
      return { b, a };
    };
    const farmLike = build(145); // 145 of 150 both ways: overlap 0.97
    const f = flagOf(farmLike.b, farmLike.a)!;
    expect(f.evidence).toMatchObject({ engagers: 60, engagersPerFollower: 0.03, engagersPerFollowerMax: 0.05, overlap: 0.9667, overlapMin: 0.74, reciprocity: 0.9667 });
    const ordinary = build(75); // half mutual: overlap 0.5, reciprocity 0.5 (no veto) -> the 1% bar applies
    expect(flagOf(ordinary.b, ordinary.a)).toBeUndefined();
    const b = new DatasetBuilder();
    const noGraph = farm(b, { followers: 2000, following: 2000 }, 10, 60); // overlap not measured -> the 1% bar
    expect(flagOf(b, noGraph)).toBeUndefined();
  });

  it('falls back to follows-table degrees when counts are not declared', () => {
    const b = new DatasetBuilder();
    const a = farm(b, {}, 10, 3);
    for (let i = 0; i < 1100; i++) {
      const x = b.account({ handle: `m${i}` });
      b.follow(a, x);
      b.follow(x, a);
    }
    const f = flagOf(b, a)!;
    expect(f.evidence).toMatchObject({ followers: 1100, following: 1100, countsFrom: 'follows-table', reciprocity: 1 });
  });
});
