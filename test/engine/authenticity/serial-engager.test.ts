import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { HOUR, WINDOW } from '../../../tools/sim/scenarios/authenticity.js';

/** 40 posts; `fans` accounts react to posts i where fanCovers(f, i); `organic` others once each. */
function build(opts: { fans: number; fanCovers?: (f: number, i: number) => boolean; organic: number; posts?: number }) {
  const b = new DatasetBuilder();
  const a = b.account({ handle: 'star', followers: 2000, following: 300 });
  const fans = Array.from({ length: opts.fans }, (_, i) => b.account({ handle: `fan${i}` }));
  const others = Array.from({ length: opts.organic }, (_, i) => b.account({ handle: `o${i}` }));
  const posts = Array.from({ length: opts.posts ?? 40 }, (_, i) => ({ at: day(2 + i * 2), index: 0 }));
  const fanEvents: number[] = [];
  const organicEvents: number[] = [];
  let e = 0;
  posts.forEach((p, i) => {
    p.index = b.post(a, { at: p.at });
    fans.forEach((f, j) => {
      if (opts.fanCovers && !opts.fanCovers(j, i)) return;
      b.interact(f, a, 'like', { at: p.at + HOUR, post: p.index });
      fanEvents.push(e++);
    });
  });
  others.forEach((o, j) => {
    const p = posts[j % posts.length]!;
    b.interact(o, a, 'reply', { at: p.at + 3 * HOUR, post: p.index });
    organicEvents.push(e++);
  });
  return { pop: b.build(), a, fans, fanEvents, organicEvents };
}

describe('serial-engager', () => {
  it('fires when a few accounts engage everything, with share and thresholds; their repeats count once', () => {
    // fans cover 38, 39 and 40 of the 40 posts; 12 others react once each
    const { pop, a, fanEvents, organicEvents } = build({ fans: 3, fanCovers: (f, i) => i >= 2 - f, organic: 12 });
    const as = assessAuthenticity(pop, WINDOW);
    const f = as.flags[a]!.find((x) => x.code === 'serial-engager')!;
    expect(f.evidence).toMatchObject({
      serialEngagers: 3,
      top: ['fan2', 'fan1', 'fan0'],
      pairEventsMin: 5,
      pairCoverageMin: 0.6,
      events: 129,
      eventsMin: 30,
      serialEvents: 117,
      serialShare: 0.907,
      serialShareMin: 0.6,
      distinctEngagers: 15,
    });
    expect(f.severity).toBeCloseTo((0.907 - 0.6) / (0.95 - 0.6), 3);
    const reacted = [38, 39, 40]; // fan0, fan1, fan2
    for (const e of fanEvents) expect(as.interactionWeight[e]).toBeCloseTo(1 / reacted[pop.interactions.actor[e]! - 1]!, 6);
    for (const e of organicEvents) expect(as.interactionWeight[e]).toBe(1);
  });

  it('does not flag a real account with one superfan, but the superfan still counts once', () => {
    const { pop, a, fanEvents } = build({ fans: 1, fanCovers: (_, i) => i % 5 !== 0, organic: 120 });
    const as = assessAuthenticity(pop, WINDOW);
    expect(as.flags[a]).toEqual([]);
    expect(as.interactionWeight[fanEvents[0]!]).toBeCloseTo(1 / 32, 6);
  });

  it('leaves engagers who react to fewer than 60% of the posts at full weight', () => {
    const { pop, a, fanEvents } = build({ fans: 5, fanCovers: (f, i) => (i + f) % 2 === 0, organic: 5 });
    const as = assessAuthenticity(pop, WINDOW);
    expect(as.flags[a]).toEqual([]);
    for (const e of fanEvents) expect(as.interactionWeight[e]).toBe(1);
  });

  it('does not judge coverage on accounts with fewer than 5 posts in the window', () => {
    const { pop, a, fanEvents } = build({ fans: 10, organic: 0, posts: 4 });
    const as = assessAuthenticity(pop, WINDOW);
    expect(as.flags[a]).toEqual([]);
    for (const e of fanEvents) expect(as.interactionWeight[e]).toBe(1);
  });

  it('needs 30 engagement events', () => {
    const { pop, a } = build({ fans: 2, fanCovers: (_, i) => i < 14, organic: 1, posts: 20 });
    expect(assessAuthenticity(pop, WINDOW).flags[a]).toEqual([]); // 28 + 1 events
  });

  it('gives self-engagement weight 0 and never counts it as engagement', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'self' });
    for (let i = 0; i < 40; i++) {
      const p = b.post(a, { at: day(1 + i) });
      b.interact(a, a, 'reply', { at: day(1 + i) + HOUR, post: p });
    }
    const as = assessAuthenticity(b.build(), WINDOW);
    expect(as.flags[a]).toEqual([]);
    expect(Array.from(as.interactionWeight)).toEqual(Array(40).fill(0));
  });
});
