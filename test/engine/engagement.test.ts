import { describe, expect, it } from 'vitest';
import { buildEngagementGraph, type EngagementWeights } from '../../src/engine/engagement.js';
import type { Dataset } from '../../src/engine/dataset.js';
import { DAY_MS, windowStart, type ScoringWindow } from '../../src/engine/window.js';
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

  it('is the same graph, bit for bit, as merging events read at their own indices (the straightforward build)', () => {
    // a deterministic pseudo-random world: repeats of pairs, self events, unknown ends,
    // events outside the window and undated, authenticity weights of 0, fractions and 1
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const b = new DatasetBuilder();
    const accounts = Array.from({ length: 60 }, () => b.account());
    const kinds = ['reply', 'reshare', 'quote', 'mention', 'like', 'follow'] as const;
    const events = 3000;
    for (let e = 0; e < events; e++) {
      const a = rand() < 0.03 ? -1 : accounts[Math.floor(rand() * rand() * accounts.length)]!;
      const t = rand() < 0.05 ? a : rand() < 0.03 ? -1 : accounts[Math.floor(rand() * accounts.length)]!;
      const at = rand() < 0.02 ? NaN : day(Math.floor(rand() * 120));
      b.interact(a, t, kinds[Math.floor(rand() * kinds.length)]!, { at });
    }
    const pop = b.build();
    const aw = Float32Array.from({ length: events }, () => [0, 0.25, 1 / 3, 1][Math.floor(rand() * 4)]!);
    const weights = { kindWeight: [0.8, 1, 1, 0.6, 0.3, 0, 0], halfLifeDays: 30 };
    const g = buildEngagementGraph(pop, window, weights, aw);
    const ref = referenceGraph(pop, window, weights, aw);
    expect(g.m).toBeGreaterThan(500);
    expect(g.m).toBeLessThan(ref.selected); // repeats were merged
    expect(Array.from(g.inStart)).toEqual(Array.from(ref.inStart));
    expect(Array.from(g.inSource)).toEqual(Array.from(ref.inSource));
    expect(Array.from(g.inWeight)).toEqual(Array.from(ref.inWeight));
    expect(Array.from(g.pairWeight)).toEqual(Array.from(ref.pairWeight));
    expect(Array.from(g.outTotal)).toEqual(Array.from(ref.outTotal));
  });
});

/** The graph as defined (engine/engagement.ts), built the plain way: events sorted by target, each read at its own index. */
function referenceGraph(pop: Dataset, window: ScoringWindow, weights: EngagementWeights, interactionWeight: Float32Array) {
  const n = pop.accounts.n;
  const ev = pop.interactions;
  const start = windowStart(window);
  const lambda = Math.LN2 / (weights.halfLifeDays * DAY_MS);
  const outTotal = new Float64Array(n);
  const byTarget: number[][] = Array.from({ length: n }, () => []);
  const w = new Float64Array(ev.n);
  let selected = 0;
  for (let e = 0; e < ev.n; e++) {
    const a = ev.actor[e]!;
    const b = ev.target[e]!;
    const t = ev.createdAt[e]!;
    const kw = weights.kindWeight[ev.kind[e]!] ?? 0;
    if (a < 0 || b < 0 || a === b || kw <= 0 || !(t <= window.asOf && t > start)) continue;
    w[e] = kw * Math.exp(-lambda * (window.asOf - t));
    outTotal[a]! += w[e]!;
    byTarget[b]!.push(e);
    selected++;
  }
  const inStart = [0];
  const inSource: number[] = [];
  const inWeight: number[] = [];
  const pairWeight: number[] = [];
  for (let i = 0; i < n; i++) {
    const edgeOf = new Map<number, number>();
    for (const e of byTarget[i]!) {
      const a = ev.actor[e]!;
      const aw = interactionWeight[e]!;
      let edge = edgeOf.get(a);
      if (edge === undefined) {
        edgeOf.set(a, (edge = inSource.length));
        inSource.push(a);
        inWeight.push(0);
        pairWeight.push(0);
      }
      inWeight[edge] = inWeight[edge]! + w[e]! * aw;
      if (aw > pairWeight[edge]!) pairWeight[edge] = aw;
    }
    inStart.push(inSource.length);
  }
  return { selected, inStart: Int32Array.from(inStart), inSource: Int32Array.from(inSource), inWeight: Float64Array.from(inWeight), pairWeight: Float32Array.from(pairWeight), outTotal };
}
