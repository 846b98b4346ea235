import { describe, expect, it } from 'vitest';
import { aucDifference, aucWithInterval } from '../../src/engine/fit/delong.js';
import { pairAuc } from '../../src/engine/metrics.js';
import { Rng } from '../../tools/sim/random.js';

/** DeLong's components the slow way, psi over every positive-negative pair (an independent check of the mid-rank formulas). */
function naive(first: number[], second: number[], label: number[]) {
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const parts = (s: number[]) => {
    const pos = s.filter((_, i) => label[i] === 1);
    const neg = s.filter((_, i) => label[i] === 0);
    const v10 = pos.map((x) => neg.reduce((a, y) => a + psi(x, y), 0) / neg.length);
    const v01 = neg.map((y) => pos.reduce((a, x) => a + psi(x, y), 0) / pos.length);
    return { auc: v10.reduce((a, b) => a + b, 0) / pos.length, v10, v01 };
  };
  const cov = (a: number[], b: number[]) => {
    const ma = a.reduce((s, x) => s + x, 0) / a.length;
    const mb = b.reduce((s, x) => s + x, 0) / b.length;
    return a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0) / (a.length - 1);
  };
  const a = parts(first);
  const b = parts(second);
  const m = a.v10.length;
  const n = a.v01.length;
  return {
    auc: a.auc,
    se: Math.sqrt(cov(a.v10, a.v10) / m + cov(a.v01, a.v01) / n),
    diffSe: Math.sqrt((cov(a.v10, a.v10) + cov(b.v10, b.v10) - 2 * cov(a.v10, b.v10)) / m + (cov(a.v01, a.v01) + cov(b.v01, b.v01) - 2 * cov(a.v01, b.v01)) / n),
    difference: a.auc - b.auc,
  };
}

const normal = (rng: Rng): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

describe("DeLong's AUC interval and paired difference", () => {
  it('gives the worked example of the module doc', () => {
    const e = aucWithInterval([3, 2, 1, 2.5], [1, 1, 0, 0])!;
    expect(e.auc).toBe(0.75);
    expect(e.se).toBeCloseTo(Math.sqrt(0.125), 12);
    expect(e.interval[1]).toBe(1); // clipped
  });

  it('agrees with the slow all-pairs computation, ties included, and with pairAuc', () => {
    const rng = new Rng('delong-naive');
    for (let round = 0; round < 20; round++) {
      const size = 15 + Math.floor(rng.next() * 40);
      const label = Array.from({ length: size }, (_, i) => (i < 2 ? 1 : i < 4 ? 0 : rng.next() < 0.4 ? 1 : 0));
      // integer scores make ties common
      const first = label.map((y) => Math.round(3 * rng.next() + 2 * y));
      const second = label.map((y, i) => first[i]! + Math.round(2 * rng.next() - y));
      const slow = naive(first, second, label);
      const e = aucWithInterval(first, label)!;
      expect(e.auc).toBeCloseTo(slow.auc, 12);
      expect(e.auc).toBeCloseTo(pairAuc(first, label), 12);
      expect(e.se).toBeCloseTo(slow.se, 12);
      const d = aucDifference(first, second, label)!;
      expect(d.difference).toBeCloseTo(slow.difference, 12);
      expect(d.se).toBeCloseTo(slow.diffSe, 12);
    }
  });

  it('says nothing with fewer than two items of a class, and a ranking against itself differs by exactly 0', () => {
    expect(aucWithInterval([1, 2, 3], [1, 1, 0])).toBeNull();
    expect(aucDifference([1, 2, 3], [3, 2, 1], [0, 0, 1])).toBeNull();
    const same = aucDifference([1, 4, 2, 3], [1, 4, 2, 3], [0, 1, 0, 1])!;
    expect(same.difference).toBe(0);
    expect(same.se).toBe(0);
  });

  it('covers the true AUC about 95% of the time (normal scores shifted by 1: AUC = Phi(1 / sqrt 2) = 0.7602)', () => {
    const rng = new Rng('delong-coverage');
    const truth = 0.760249938906;
    let covered = 0;
    const reps = 400;
    for (let r = 0; r < reps; r++) {
      const label = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? 1 : 0));
      const score = label.map((y) => normal(rng) + y);
      const e = aucWithInterval(score, label)!;
      if (e.interval[0] <= truth && truth <= e.interval[1]) covered++;
    }
    // binomial(400, 0.95) lies within 0.92-0.98 with probability > 0.99
    expect(covered / reps).toBeGreaterThan(0.92);
    expect(covered / reps).toBeLessThan(0.98);
  });
});
