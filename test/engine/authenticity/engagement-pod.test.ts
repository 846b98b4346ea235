import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { addCommunity } from '../../../tools/sim/scenarios/planted-population.js';
import { HOUR, MINUTE, Rng, WINDOW } from '../../../tools/sim/scenarios/authenticity.js';

/**
 * A ring of `size` accounts, each posting `posts` times; every member reacts to every
 * other member's post `latency` after it (unless `skip` says so), with or without times.
 */
function buildRing(opts: { size?: number; posts?: number; latency?: (i: number) => number; timed?: boolean; reciprocal?: boolean; outsiders?: number } = {}) {
  const size = opts.size ?? 8;
  const postsEach = opts.posts ?? 30;
  const b = new DatasetBuilder();
  const members = Array.from({ length: size }, (_, i) => b.account({ handle: `pod${i}`, followers: 800, following: 600 }));
  const outsiders = Array.from({ length: opts.outsiders ?? 0 }, (_, i) => b.account({ handle: `out${i}` }));
  let k = 0;
  const ringEvents: number[] = [];
  let event = 0;
  members.forEach((owner, oi) => {
    for (let p = 0; p < postsEach; p++) {
      const at = day(2 + p * 2.5) + oi * HOUR;
      const post = b.post(owner, { at });
      for (const m of members) {
        if (m === owner) continue;
        if (opts.reciprocal === false && m < owner) continue; // one-directional: only higher members engage lower ones
        const lat = opts.latency ? opts.latency(k++) : 10 * MINUTE;
        b.interact(m, owner, 'like', { at: opts.timed === false ? NaN : at + lat, post });
        ringEvents.push(event++);
      }
      outsiders.forEach((o, j) => {
        if ((p + j) % 10 === 0) {
          b.interact(o, owner, 'reply', { at: at + 5 * HOUR, post });
          event++;
        }
      });
    }
  });
  return { pop: b.build(), members, ringEvents };
}

describe('engagement-pod', () => {
  it('flags every member of a fast, reciprocal ring with its evidence, and counts ring pairs once', () => {
    const { pop, members } = buildRing({ latency: (k) => (5 + (k % 25)) * MINUTE });
    const as = assessAuthenticity(pop, WINDOW);
    for (const m of members) {
      const f = as.flags[m]!.find((x) => x.code === 'engagement-pod')!;
      expect(f).toBeDefined();
      expect(f.evidence).toMatchObject({
        ringSize: 7,
        ringSizeMin: 3,
        highCoverageEngagers: 7,
        reciprocity: 1,
        reciprocityMin: 0.5,
        events: 210,
        ringEvents: 210,
        concentration: 1,
        concentrationMin: 0.5,
        quickShare: 1,
        quickMinutes: 60,
        latencySamples: 210,
      });
      expect(f.evidence['ring']).toHaveLength(7);
      expect(f.evidence['medianLatencyMinutes'] as number).toBeGreaterThan(5);
      expect(f.evidence['medianLatencyMinutes'] as number).toBeLessThan(30);
      expect(f.severity).toBe(1);
      // the pod flag covers the ring: not damped twice as serial engagers
      expect(as.flags[m]!.map((x) => x.code)).not.toContain('serial-engager');
    }
    // each member's 30 reactions to one owner count once in total: 1/30 each
    for (let e = 0; e < pop.interactions.n; e++) expect(as.interactionWeight[e]).toBeCloseTo(1 / 30, 6);
  });

  it('flags members whose own timelines are mostly their reshares of and replies to the ring (coverage counts originals only)', () => {
    // as in real exports (and the simulator): a member's reshares and replies are its posts too
    const b = new DatasetBuilder();
    const members = Array.from({ length: 6 }, (_, i) => b.account({ handle: `pod${i}`, followers: 900, following: 700 }));
    members.forEach((owner, oi) => {
      for (let p = 0; p < 20; p++) {
        const at = day(2 + p * 4) + oi * HOUR;
        const post = b.post(owner, { at });
        for (const m of members) {
          if (m === owner) continue;
          b.interact(m, owner, 'like', { at: at + 8 * MINUTE, post });
          b.post(m, { at: at + 9 * MINUTE, kind: 'reshare' });
          b.interact(m, owner, 'reshare', { at: at + 9 * MINUTE, post });
          b.post(m, { at: at + 11 * MINUTE, kind: 'reply' });
          b.interact(m, owner, 'reply', { at: at + 11 * MINUTE, post });
        }
      }
    });
    const as = assessAuthenticity(b.build(), WINDOW);
    for (const m of members) {
      const f = as.flags[m]!.find((x) => x.code === 'engagement-pod');
      expect(f?.evidence).toMatchObject({ ringSize: 5, highCoverageEngagers: 5, reciprocity: 1, concentration: 1, quickShare: 1 });
    }
  });

  it('does not fire when the ring reacts slowly (hours, like friends)', () => {
    const { pop, members } = buildRing({ latency: (k) => (2 + (k % 10)) * HOUR });
    const as = assessAuthenticity(pop, WINDOW);
    for (const m of members) expect(as.flags[m]!.map((f) => f.code)).not.toContain('engagement-pod');
  });

  it('does not fire when latency cannot be measured (no times): missing data never fires', () => {
    const { pop, members } = buildRing({ timed: false });
    const as = assessAuthenticity(pop, WINDOW);
    for (const m of members) expect(as.flags[m]!.map((f) => f.code)).not.toContain('engagement-pod');
  });

  it('does not fire without reciprocity (one-directional fans are serial engagers, not a pod)', () => {
    const { pop, members } = buildRing({ reciprocal: false });
    const as = assessAuthenticity(pop, WINDOW);
    const top = members[0]!; // engaged by all 7 others, engages nobody
    expect(as.flags[top]!.map((f) => f.code)).toEqual(['serial-engager']);
  });

  it('does not fire when outside engagement dominates (concentration below half)', () => {
    const { pop, members } = buildRing({ size: 4, outsiders: 80 });
    const as = assessAuthenticity(pop, WINDOW);
    for (const m of members) expect(as.flags[m]!.map((f) => f.code)).not.toContain('engagement-pod');
  });

  it('does not flag a small tight community: 8 friends engaging each other often but irregularly, with outside engagement', () => {
    const rng = new Rng(42);
    const b = new DatasetBuilder();
    const outside = Array.from({ length: 200 }, (_, i) => b.account({ handle: `o${i}` }));
    const friends = addCommunity(b, rng, outside, 'friend', 8);
    const pop = b.build();
    const as = assessAuthenticity(pop, WINDOW);
    // the friends really do engage each other a lot
    let friendEvents = 0;
    const set = new Set(friends);
    for (let e = 0; e < pop.interactions.n; e++) if (set.has(pop.interactions.actor[e]!) && set.has(pop.interactions.target[e]!)) friendEvents++;
    expect(friendEvents).toBeGreaterThan(400);
    for (const f of friends) expect(as.flags[f]).toEqual([]);
  });
});
