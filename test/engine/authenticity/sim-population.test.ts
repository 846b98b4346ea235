/**
 * Dataset level on the simulator's independent world (tools/sim): 2,000 accounts of the
 * eval preset (seed 7, the preset's own), ~2.5 s to generate. Farms, bots and pods are
 * planted by code written apart from the detectors, ordinary accounts include the hard
 * negatives (prolific posters, tight communities). The bar: >= 90% of planted
 * farms, bots and pods flagged, <= 3% of ordinary accounts, no flagged account able to show
 * 70. The bought fans ('serial-engager' archetype: they like everything of one target) are
 * not gamers of their own score and are not counted; the signal of that name flags the
 * target ('serial-engaged'). Fuller report, more seeds and the 10,000-account world:
 * `npx tsx bench/eval-authenticity.ts --preset eval --seeds 1,2,3,4,5`.
 */
import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { computeTruth, generateWorld, resolveConfig, toDataset } from '../../../tools/sim/index.js';

describe('simulator world (eval preset, 2,000 accounts, seed 7)', () => {
  const world = generateWorld(resolveConfig('eval', { accounts: 2000, seed: 7 }));
  const truth = computeTruth(world);
  const as = assessAuthenticity(toDataset(world), { asOf: world.asOf, windowDays: 90 });
  const of = (pred: (a: (typeof truth.accounts)[number]) => boolean): number[] => truth.accounts.flatMap((a, i) => (pred(a) ? [i] : []));
  const flagged = (xs: number[]): number[] => xs.filter((i) => as.flags[i]!.length > 0);

  it('flags >= 90% of planted farms, bots and pods, each by its own signal', () => {
    const headline = of((a) => a.archetype === 'follow-back-farm' || a.archetype === 'bot' || a.archetype === 'engagement-pod');
    expect(headline.length).toBeGreaterThanOrEqual(50);
    for (const arch of ['follow-back-farm', 'bot', 'engagement-pod']) expect(of((a) => a.archetype === arch).length).toBeGreaterThanOrEqual(10);
    expect(flagged(headline).length / headline.length).toBeGreaterThanOrEqual(0.9);
    const right = headline.filter((i) => as.flags[i]!.some((f) => f.code === truth.accounts[i]!.expectedFlag));
    expect(right.length / headline.length).toBeGreaterThanOrEqual(0.9);
  });

  it('flags >= 90% of every planted kind with an expected flag (stuffers, serial-engaged targets, churners too; fans excluded)', () => {
    const planted = of((a) => a.expectedFlag !== null);
    expect(planted.every((i) => truth.accounts[i]!.archetype !== 'serial-engager')).toBe(true);
    expect(flagged(planted).length / planted.length).toBeGreaterThanOrEqual(0.9);
  });

  it('flags <= 3% of ordinary accounts, and of the hard negatives (prolific posters, tight communities)', () => {
    const ordinary = of((a) => a.archetype === 'ordinary');
    expect(ordinary.length).toBeGreaterThan(1500);
    expect(flagged(ordinary).length / ordinary.length).toBeLessThanOrEqual(0.03);
    const hard = of((a) => a.persona === 'prolific' || a.persona === 'community');
    expect(hard.length).toBeGreaterThanOrEqual(40);
    expect(flagged(hard).length / hard.length).toBeLessThanOrEqual(0.03);
  });

  it('damps and caps every flagged account below 70', () => {
    const all = flagged(truth.accounts.map((_, i) => i));
    expect(all.length).toBeGreaterThan(0);
    for (const i of all) {
      expect(as.damping[i]).toBeLessThan(1);
      expect(as.cap[i]).toBeLessThan(70);
    }
  });
});
