/** Ordinary accounts that must not be flagged, each in a population where every signal is measurable. */
import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { addCommunity } from '../../../tools/sim/scenarios/planted-population.js';
import { MINUTE, Rng, WINDOW, addPosts, engageOrganically, humanTimes, sample } from '../../../tools/sim/scenarios/authenticity.js';

function crowd(b: DatasetBuilder, n: number): number[] {
  return Array.from({ length: n }, (_, i) => b.account({ handle: `crowd${i}`, followers: 50 + i, following: 120 }));
}

describe('ordinary accounts are not flagged', () => {
  it('a prolific but real poster: 30 a day, irregular bursts, a nightly sleep gap, diverse engagers, hashtags now and then', () => {
    const rng = new Rng(2024);
    const b = new DatasetBuilder();
    const people = crowd(b, 600);
    const a = b.account({ handle: 'prolific', followers: 4200, following: 3900 });
    const posts = addPosts(b, a, humanTimes(rng, { perDay: 30, tz: 1, session: 6 }), () => ({ hashtags: rng.poisson(0.7), words: rng.between(5, 40) }));
    engageOrganically(b, rng, a, posts, sample(rng, people, 400), { perPost: 3, latencyMin: 90 });
    for (let i = 0; i < 50; i++) b.interact(a, rng.pick(people), 'follow', { at: day(rng.uniform(0, 89)) });
    const pop = b.build();
    expect(posts.length).toBeGreaterThan(2500);
    const as = assessAuthenticity(pop, WINDOW);
    expect(as.flags[a]).toEqual([]);
    expect(as.damping[a]).toBe(1);
    expect(as.cap[a]).toBe(100);
  });

  it('a small tight community: 8 friends engaging each other often but irregularly, with outside engagement', () => {
    const rng = new Rng(8);
    const b = new DatasetBuilder();
    const friends = addCommunity(b, rng, crowd(b, 300), 'friend', 8);
    const as = assessAuthenticity(b.build(), WINDOW);
    for (const f of friends) expect(as.flags[f]).toEqual([]);
  });

  it('a new account with almost no data', () => {
    const b = new DatasetBuilder();
    const people = crowd(b, 5);
    const a = b.account({ handle: 'newbie', followers: 3, following: 120, createdAt: day(85) });
    const p = b.post(a, { at: day(86), hashtags: 5, words: 2 });
    b.interact(people[0]!, a, 'like', { at: day(86) + 5 * MINUTE, post: p });
    b.interact(a, people[0]!, 'follow', { at: day(85) });
    b.interact(a, people[0]!, 'unfollow', { at: day(85.1) });
    const as = assessAuthenticity(b.build(), WINDOW);
    expect(as.flags[a]).toEqual([]);
  });

  it('an account with no timestamps at all, even with farm-like counts', () => {
    const b = new DatasetBuilder();
    const people = crowd(b, 50);
    const a = b.account({ handle: 'untimed', followers: 5000, following: 5000 });
    for (let i = 0; i < 300; i++) {
      const p = b.post(a, { at: NaN, hashtags: 8, words: 3 });
      for (const x of people.slice(0, 5)) b.interact(x, a, 'like', { at: NaN, post: p });
    }
    for (let i = 0; i < 400; i++) {
      b.interact(a, people[i % 50]!, 'follow', { at: NaN });
      b.interact(a, people[i % 50]!, 'unfollow', { at: NaN });
    }
    // the rest of the population has timed events, so the window is an event dataset
    const other = b.account({ handle: 'other' });
    b.interact(people[1]!, other, 'like', { at: day(50), post: b.post(other, { at: day(49) }) });
    const as = assessAuthenticity(b.build(), WINDOW);
    expect(as.flags[a]).toEqual([]);
  });

  it('an account with no data but declared counts (a follower-list row)', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'row', followers: 12_000, following: 11_800 });
    const as = assessAuthenticity(b.build(), WINDOW);
    expect(as.flags[a]).toEqual([]);
    expect(as.damping[a]).toBe(1);
  });
});
