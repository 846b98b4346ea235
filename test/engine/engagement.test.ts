import { describe, expect, it } from 'vitest';
import { buildEngagementGraph } from '../../src/engine/engagement.js';
import { DatasetBuilder, day } from '../../tools/sim/dataset-builder.js';

const window = { asOf: day(100), windowDays: 90 };
const flat = { kindWeight: [1, 1, 1, 0.5, 0.25, 0, 0], halfLifeDays: 1e9 };

describe('engagement graph', () => {
  it("merges repeats of a pair into one edge, engagers in order of their first event", () => {
    const b = new DatasetBuilder();
    const t = b.account();
    const x = b.account();
    const y = b.account();
    b.interact(y, t, 'reshare', { at: day(50) }).interact(x, t, 'reshare', { at: day(51) }).interact(y, t, 'like', { at: day(52) });
    const pop = b.build();
    const g = buildEngagementGraph(pop, window, flat, new Float32Array(3).fill(1));
    expect(g.m).toBe(2);
    expect(Array.from(g.inSource.subarray(g.inStart[t]!, g.inStart[t + 1]!))).toEqual([y, x]);
    expect(g.inWeight[0]).toBeCloseTo(1.25, 6);
    expect(g.outTotal[y]).toBeCloseTo(1.25, 6);
  });

  it('keeps only engagement kinds, other accounts, known targets and the window', () => {
    const b = new DatasetBuilder();
    const t = b.account();
    const x = b.account();
    b.interact(x, t, 'follow', { at: day(50) }) // not engagement
      .interact(t, t, 'reply', { at: day(50) }) // self
      .interact(x, -1, 'like', { at: day(50) }) // unknown target
      .interact(x, t, 'reply', { at: day(5) }) // before the window
      .interact(x, t, 'reply', { at: day(101) }) // after as-of
      .interact(x, t, 'reply', { at: NaN }); // undated
    const g = buildEngagementGraph(b.build(), window, flat, new Float32Array(6).fill(1));
    expect(g.m).toBe(0);
  });

  it('weighs by recency and by the authenticity stage (numerator only)', () => {
    const b = new DatasetBuilder();
    const t = b.account();
    const x = b.account();
    b.interact(x, t, 'reshare', { at: day(100) }).interact(x, t, 'reshare', { at: day(70) });
    const pop = b.build();
    const g = buildEngagementGraph(pop, window, { ...flat, halfLifeDays: 30 }, Float32Array.from([1, 0.5]));
    expect(g.outTotal[x]).toBeCloseTo(1 + 0.5, 9);
    expect(g.inWeight[0]).toBeCloseTo(1 + 0.5 * 0.5, 9);
    expect(g.pairWeight[0]).toBe(1);
  });
});
