import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { DAY, DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { WINDOW } from '../../../tools/sim/scenarios/authenticity.js';

/** `follows` follow events; `undone(i)` days after which follow i is undone, or null. */
function churner(opts: { follows: number; undone: (i: number) => number | null; following?: number; timed?: boolean }) {
  const b = new DatasetBuilder();
  const a = b.account({ handle: 'churner', following: opts.following });
  for (let i = 0; i < opts.follows; i++) {
    const t = b.account({ handle: `t${i}` });
    const at = day(1 + (i % 80));
    b.interact(a, t, 'follow', { at: opts.timed === false ? NaN : at });
    const after = opts.undone(i);
    if (after !== null) b.interact(a, t, 'unfollow', { at: opts.timed === false ? NaN : at + after * DAY });
  }
  const as = assessAuthenticity(b.build(), WINDOW);
  return as.flags[a]!.find((f) => f.code === 'churn');
}

describe('churn', () => {
  it('fires on follow/unfollow cycles, counting unfollows within 30 days of the follow', () => {
    // 300 follows; 240 undone after 3 days (cycles), 30 more undone after 40 days (not cycles)
    const f = churner({ follows: 300, undone: (i) => (i < 240 ? 3 : i < 270 ? 40 : null) })!;
    expect(f.evidence).toMatchObject({
      follows: 300,
      followsFrom: 'events',
      followsMin: 100,
      unfollows: 270,
      cycles: 240,
      cycleMaxDays: 30,
      undone: 240,
      undoneShare: 0.8,
      undoneShareMin: 0.5,
    });
    expect(f.evidence['impliedUndone']).toBeUndefined(); // no declared following to compare
    expect(f.severity).toBeGreaterThan(0.2);
  });

  it('fires on follows implied undone: more follows made than the account now follows', () => {
    const f = churner({ follows: 400, undone: () => null, following: 100 })!;
    expect(f.evidence).toMatchObject({ follows: 400, cycles: 0, following: 100, impliedUndone: 300, undone: 300, undoneShare: 0.75 });
  });

  it('does not fire without timestamps', () => {
    expect(churner({ follows: 400, undone: () => 2, timed: false })).toBeUndefined();
  });

  it('does not fire on an ordinary follower: a few unfollows, or slow ones', () => {
    expect(churner({ follows: 60, undone: (i) => (i % 2 ? 2 : null) })).toBeUndefined(); // too few follows
    expect(churner({ follows: 150, undone: (i) => (i % 5 === 0 ? 10 : null), following: 400 })).toBeUndefined(); // 20% undone
    expect(churner({ follows: 200, undone: (i) => (i < 150 ? 45 : null) })).toBeUndefined(); // undone after 45 days: not cycles
  });

  it('counts follows made from the follows table created_at, which alone shows no churn', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'grower', following: 250 });
    for (let i = 0; i < 200; i++) b.follow(a, b.account({ handle: `t${i}` }), day(1 + (i % 80)));
    expect(assessAuthenticity(b.build(), WINDOW).flags[a]).toEqual([]);
  });
});
