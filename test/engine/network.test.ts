import { describe, expect, it } from 'vitest';
import { buildEngagementGraph, type EngagementWeights } from '../../src/engine/engagement.js';
import { computeNetworkInfluence, edgeShare, edgeSharesOf, explainNetworkInfluence, DEFAULT_NETWORK_OPTIONS } from '../../src/engine/network.js';
import { DatasetBuilder, day } from '../../tools/sim/dataset-builder.js';
import type { Dataset } from '../../src/engine/dataset.js';
import type { EngagementGraph } from '../../src/engine/engagement.js';
import { referenceNetworkInfluence } from '../helpers/network-reference.js';
import { seededRandom } from '../helpers/seeded-random.js';

const weights: EngagementWeights = { kindWeight: [1, 1, 1, 1, 1, 0, 0], halfLifeDays: 1e9 };
const window = { asOf: day(100), windowDays: 90 };

function run(pop: Dataset) {
  const graph = buildEngagementGraph(pop, window, weights, new Float32Array(pop.interactions.n).fill(1));
  return { graph, net: computeNetworkInfluence(graph, DEFAULT_NETWORK_OPTIONS) };
}

describe('network influence (absolute PageRank / TunkRank)', () => {
  it('reproduces the worked example: carol -> bob -> alice', () => {
    const b = new DatasetBuilder();
    const alice = b.account();
    const bob = b.account();
    const carol = b.account();
    b.interact(carol, bob, 'reshare', { at: day(50) });
    b.interact(bob, alice, 'reshare', { at: day(50) });
    const { net } = run(b.build());
    expect(net.value[carol]).toBe(0);
    expect(net.value[bob]).toBeCloseTo(1, 12);
    expect(net.value[alice]).toBeCloseTo(1.85, 12);
    expect(net.rank[alice]).toBeCloseTo(2.5725, 12);
    expect(net.converged).toBe(true);
  });

  it('solves a mutual cycle to the analytical fixed point u = 1 / (1 - d)', () => {
    const b = new DatasetBuilder();
    const x = b.account();
    const y = b.account();
    b.interact(x, y, 'like', { at: day(50) }).interact(y, x, 'like', { at: day(50) });
    const { net } = run(b.build());
    expect(net.rank[x]).toBeCloseTo(1 / 0.15, 6);
    expect(net.value[y]).toBeCloseTo((1 / 0.15 - 1) / 0.85, 6);
    expect(net.residual).toBeLessThanOrEqual(1e-9 * 2);
    expect(net.iterations).toBeGreaterThan(1);
  });

  it('extrapolates the geometric tail: fewer sweeps than plain Gauss-Seidel, and no farther from the exact fixed point', () => {
    const b = new DatasetBuilder();
    const x = b.account();
    const y = b.account();
    b.interact(x, y, 'like', { at: day(50) }).interact(y, x, 'like', { at: day(50) });
    const { graph, net } = run(b.build());
    const plain = referenceNetworkInfluence(graph, DEFAULT_NETWORK_OPTIONS);
    expect(plain.iterations).toBeGreaterThan(10);
    expect(net.iterations).toBeLessThan(plain.iterations);
    expect(Math.abs(net.rank[x]! - 1 / 0.15)).toBeLessThanOrEqual(Math.abs(plain.rank[x]! - 1 / 0.15));
  });

  it('splits an engager\'s attention over whom it engages', () => {
    const b = new DatasetBuilder();
    const fan = b.account();
    const a = b.account();
    const c = b.account();
    b.interact(fan, a, 'reshare', { at: day(50) }).interact(fan, c, 'reshare', { at: day(50) });
    const { net } = run(b.build());
    expect(net.value[a]).toBeCloseTo(0.5, 12);
    expect(net.value[c]).toBeCloseTo(0.5, 12);
  });

  it('explains a value by its engagers, parts summing to the value', () => {
    const b = new DatasetBuilder();
    const target = b.account();
    const big = b.account();
    const fans = Array.from({ length: 6 }, () => b.account());
    for (const f of fans) b.interact(f, big, 'reshare', { at: day(50) });
    b.interact(big, target, 'reshare', { at: day(50) });
    const small = b.account();
    b.interact(small, target, 'reshare', { at: day(50) });
    const { graph, net } = run(b.build());
    const parts = explainNetworkInfluence(graph, net, target, 10);
    expect(parts[0]!.engager).toBe(big);
    expect(parts.reduce((s, p) => s + p.value, 0)).toBeCloseTo(net.value[target]!, 9);
    expect(parts[0]!.value).toBeGreaterThan(parts[1]!.value);
  });

  it('explains with the shares the values were computed from: inWeight / the engager\'s total, bit for bit', () => {
    const b = new DatasetBuilder();
    const fan = b.account();
    const a = b.account();
    const c = b.account();
    const lurker = b.account();
    // fan gives a two events and c one (share 2/3 and 1/3); lurker engages a once (share 1)
    b.interact(fan, a, 'reshare', { at: day(50) }).interact(fan, a, 'reply', { at: day(50) }).interact(fan, c, 'reshare', { at: day(50) });
    b.interact(lurker, a, 'like', { at: day(50) });
    const { graph, net } = run(b.build());
    const shares = edgeSharesOf(graph);
    expect(shares.length).toBe(graph.m);
    const parts = explainNetworkInfluence(graph, net, a, 10);
    const byEngager = new Map(parts.map((p) => [p.engager, p.share]));
    expect(byEngager.get(fan)).toBeCloseTo(2 / 3, 12);
    expect(byEngager.get(lurker)).toBe(1);
    for (let k = graph.inStart[a]!; k < graph.inStart[a + 1]!; k++) {
      expect(byEngager.get(graph.inSource[k]!)).toBe(shares[k]);
      expect(shares[k]).toBe(edgeShare(graph, k));
      expect(shares[k]).toBe(graph.inWeight[k]! / graph.outTotal[graph.inSource[k]!]!);
    }
    // the values are the shares times the engagers' ranks: a = 2/3 u_fan + 1 u_lurker
    expect(net.value[a]).toBeCloseTo(shares[graph.inStart[a]!]! * net.rank[graph.inSource[graph.inStart[a]!]!]! + shares[graph.inStart[a]! + 1]! * net.rank[graph.inSource[graph.inStart[a]! + 1]!]!, 12);
  });

  it('is local: accounts that do not engage an account do not change its value', () => {
    const b = new DatasetBuilder();
    const a = b.account();
    const f1 = b.account();
    const f2 = b.account();
    b.interact(f1, a, 'reply', { at: day(50) }).interact(f2, f1, 'reply', { at: day(60) });
    const before = run(b.build()).net.value[a]!;
    for (let k = 0; k < 50; k++) {
      const x = b.account();
      const y = b.account();
      b.interact(x, y, 'reshare', { at: day(70) }).interact(y, x, 'like', { at: day(71) });
    }
    expect(run(b.build()).net.value[a]).toBe(before);
  });

  it('stops at the iteration cap and says it did not converge', () => {
    const b = new DatasetBuilder();
    const x = b.account();
    const y = b.account();
    b.interact(x, y, 'like', { at: day(50) }).interact(y, x, 'like', { at: day(50) });
    const pop = b.build();
    const graph = buildEngagementGraph(pop, window, weights, new Float32Array(2).fill(1));
    const net = computeNetworkInfluence(graph, { ...DEFAULT_NETWORK_OPTIONS, maxIterations: 3 });
    expect(net.iterations).toBe(3);
    expect(net.converged).toBe(false);
  });

  it('agrees with plain Gauss-Seidel within the tolerance, and bit for bit on the acyclic part', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const graph = randomGraph(seed);
      const net = computeNetworkInfluence(graph, DEFAULT_NETWORK_OPTIONS);
      const ref = referenceNetworkInfluence(graph, DEFAULT_NETWORK_OPTIONS);
      expect([net.cyclic, net.converged]).toEqual([ref.cyclic, true]);
      expect(net.residual).toBeLessThanOrEqual(DEFAULT_NETWORK_OPTIONS.tolerancePerNode * graph.n);
      for (let i = 0; i < graph.n; i++) {
        if (ref.rank[i] === net.rank[i]) continue;
        expect(Math.abs(net.value[i]! - ref.value[i]!)).toBeLessThanOrEqual(1e-8 * Math.max(1, ref.value[i]!));
      }
      // the accounts iterated are the only ones that may differ
      let differing = 0;
      for (let i = 0; i < graph.n; i++) if (!Object.is(net.rank[i], ref.rank[i])) differing++;
      expect(differing).toBeLessThanOrEqual(net.cyclic);
    }
  });
});

/**
 * A random engagement graph: some accounts engage only lower-numbered ones (an acyclic
 * part, chains included), the others anyone (cycles, and accounts downstream of them);
 * some engagers have a zero attention total (share 0).
 */
function randomGraph(seed: number): EngagementGraph {
  const random = seededRandom(seed);
  const n = 2 + Math.floor(random() * 60);
  const acyclicBelow = Math.floor(random() * n);
  const engagers: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < n; j++) {
    const count = Math.floor(random() * 4);
    for (let c = 0; c < count; c++) {
      const i = j < acyclicBelow ? Math.floor(random() * j) : Math.floor(random() * n);
      if (i !== j && (j >= acyclicBelow || i < j) && !engagers[i]!.includes(j)) engagers[i]!.push(j);
    }
  }
  const inStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) inStart[i + 1] = inStart[i]! + engagers[i]!.length;
  const m = inStart[n]!;
  const inSource = Int32Array.from(engagers.flat());
  const inWeight = Float64Array.from({ length: m }, () => 0.05 + random());
  const outTotal = new Float64Array(n);
  for (let k = 0; k < m; k++) outTotal[inSource[k]!]! += inWeight[k]! * (1 + random());
  for (let j = 0; j < n; j++) if (random() < 0.1) outTotal[j] = 0;
  return { n, m, inStart, inSource, inWeight, outTotal, pairWeight: new Float32Array(m).fill(1) };
}
