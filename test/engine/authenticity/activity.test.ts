import { describe, expect, it } from 'vitest';
import { coverageOf, indexActivity, radixSortBySlot } from '../../../src/engine/authenticity/activity.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { Rng, WINDOW } from '../../../tools/sim/scenarios/authenticity.js';

describe('radixSortBySlot', () => {
  it('sorts by key, stably, carrying the payload (1, 2 and 3 passes)', () => {
    for (const maxKey of [100, 3_000_000, 2 ** 30]) {
      const rng = new Rng(maxKey);
      const m = 5000;
      const keys = Int32Array.from({ length: m }, () => Math.floor(rng.next() * (maxKey + 1)) % 50 === 0 ? 7 : Math.floor(rng.next() * (maxKey + 1)));
      const payload = new Int32Array(2 * m);
      for (let i = 0; i < m; i++) {
        payload[2 * i] = i;
        payload[2 * i + 1] = keys[i]! ^ 0x5555;
      }
      const expected = Array.from(keys, (k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const out = radixSortBySlot(keys.slice(), payload, maxKey);
      expect(Array.from(out.keys)).toEqual(expected.map((x) => x[0]));
      expect(Array.from({ length: m }, (_, i) => out.payload[2 * i])).toEqual(expected.map((x) => x[1])); // stable
      for (let i = 0; i < m; i++) expect(out.payload[2 * i + 1]).toBe(out.keys[i]! ^ 0x5555);
    }
  });
});

describe('indexActivity', () => {
  it('groups engagement into pairs with event counts and distinct posts, following the window rules', () => {
    const b = new DatasetBuilder();
    const [t, x, y] = [b.account({ handle: 't' }), b.account({ handle: 'x' }), b.account({ handle: 'y' })];
    const posts = [1, 2, 3, 4, 5, 6].map((d) => b.post(t, { at: day(d) }));
    const old = b.post(t, { at: day(-10) });
    b.interact(x, t, 'like', { at: day(1.1), post: posts[0] });
    b.interact(x, t, 'reply', { at: day(1.2), post: posts[0] }); // same post again
    b.interact(x, t, 'like', { at: day(2.1), post: posts[1] });
    b.interact(x, t, 'like', { at: NaN, post: posts[2] }); // untimed, post in window: counted
    b.interact(x, t, 'like', { at: NaN, post: old }); // untimed, post before the window: not counted
    b.interact(x, t, 'mention', { at: NaN }); // untimed, no post: cannot be placed
    b.interact(x, t, 'mention', { at: day(3) }); // timed, no post: counted, no post covered
    b.interact(y, t, 'like', { at: day(95), post: posts[3] }); // after asOf
    b.interact(y, t, 'like', { at: day(4.5), post: posts[3] });
    b.interact(y, x, 'like', { at: day(4.5), post: posts[4] }); // post is t's, target says x: no post covered
    b.interact(t, t, 'reply', { at: day(5), post: posts[5] }); // self
    b.interact(x, t, 'follow', { at: day(5) }); // not engagement
    const act = indexActivity(b.build(), WINDOW);
    expect(Array.from(act.postCount)).toEqual([6, 0, 0]);
    expect(act.pairs.n).toBe(3);
    const pair = (a: number, tt: number) => [...Array(act.pairs.n).keys()].find((p) => act.pairs.actor[p] === a && act.pairs.target[p] === tt)!;
    const xt = pair(x, t);
    expect(act.pairs.events[xt]).toBe(5);
    expect(act.pairs.posts[xt]).toBe(3);
    expect(coverageOf(act, xt, 5)).toBe(0.5);
    expect(coverageOf(act, xt, 7)).toBeNaN();
    const yt = pair(y, t);
    expect([act.pairs.events[yt], act.pairs.posts[yt]]).toEqual([1, 1]);
    const yx = pair(y, x);
    expect([act.pairs.events[yx], act.pairs.posts[yx]]).toEqual([1, 0]);
    expect(act.eventStart[1]! - act.eventStart[0]!).toBe(6); // t received 6 counted events
    expect(act.eventsObserved).toBe(true);
  });

  it("measures coverage on content posts (originals, quotes): the account's replies and reshares are not in the denominator", () => {
    const b = new DatasetBuilder();
    const [t, x, other] = [b.account({ handle: 't' }), b.account({ handle: 'x' }), b.account({ handle: 'o' })];
    const originals = [1, 2, 3, 4].map((d) => b.post(t, { at: day(d) }));
    const quote = b.post(t, { at: day(5), kind: 'quote' });
    const theirs = b.post(other, { at: day(6) });
    const reactions: number[] = [];
    for (let i = 0; i < 20; i++) {
      reactions.push(b.post(t, { at: day(6 + i), kind: i % 2 ? 'reply' : 'reshare' }));
      b.interact(t, other, i % 2 ? 'reply' : 'reshare', { at: day(6 + i), post: theirs });
    }
    for (const p of [...originals, quote]) b.interact(x, t, 'like', { at: day(7), post: p });
    b.interact(x, t, 'like', { at: day(30), post: reactions[1] }); // a like on one of t's replies: an event, not coverage
    const act = indexActivity(b.build(), WINDOW);
    expect(act.postCount[t]).toBe(25);
    expect(act.contentCount[t]).toBe(5);
    const xt = [...Array(act.pairs.n).keys()].find((p) => act.pairs.actor[p] === x && act.pairs.target[p] === t)!;
    expect([act.pairs.events[xt], act.pairs.posts[xt]]).toEqual([6, 5]);
    expect(coverageOf(act, xt, 5)).toBe(1);
  });
});
