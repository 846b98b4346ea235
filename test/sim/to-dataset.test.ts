import { describe, expect, it } from 'vitest';
import { KIND, POST_KINDS } from '../../src/engine/dataset.js';
import { computeTruth } from '../../tools/sim/truth.js';
import { countTokens, toDataset } from '../../tools/sim/to-dataset.js';
import { asOfSec, sampleWorld } from './world-fixture.js';

describe('toDataset', () => {
  const w = sampleWorld();
  const pop = toDataset(w);
  const truth = computeTruth(w);

  it('keeps accounts in order and only the history', () => {
    expect(pop.accounts.n).toBe(w.accounts.n);
    expect(pop.accounts.handle).toEqual(w.accounts.handle);
    expect(Math.max(...pop.posts.createdAt)).toBeLessThanOrEqual(w.asOf);
    expect(Math.max(...pop.interactions.createdAt)).toBeLessThanOrEqual(w.asOf);
    let history = 0;
    for (let q = 0; q < w.posts.n; q++) if (w.posts.time[q]! <= asOfSec(w)) history++;
    expect(pop.posts.n).toBe(history);
    expect(Array.from(pop.posts.kind).every((k) => k < POST_KINDS.length)).toBe(true);
  });

  it('carries the engagement the truth counts in the past window', () => {
    const from = w.asOf - 90 * 86_400_000;
    const received = new Map<number, number>();
    const i = pop.interactions;
    for (let k = 0; k < i.n; k++) {
      if (i.kind[k] === KIND.follow || i.kind[k] === KIND.unfollow || i.createdAt[k]! <= from) continue;
      received.set(i.target[k]!, (received.get(i.target[k]!) ?? 0) + 1);
      if (i.kind[k] === KIND.like) expect(pop.posts.author[i.targetPost[k]!]).toBe(i.target[k]);
    }
    truth.accounts.forEach((a, idx) => expect(received.get(idx) ?? 0).toBe(a.past.reactions));
    expect(Array.from(i.kind).filter((k) => k === KIND.unfollow).length).toBeGreaterThan(0);
  });

  it('marks missing declared counts as NaN, never 0', () => {
    const likes = Array.from(pop.posts.likes);
    expect(likes.some((x) => Number.isNaN(x))).toBe(true);
    expect(likes.some((x) => x > 0)).toBe(true);
    expect(Array.from(pop.accounts.mentionsReceived).every((x) => Number.isNaN(x))).toBe(true);
  });

  it('counts hashtags and words the way the store does', () => {
    expect(countTokens('New post! #coffee #latte art')).toEqual({ hashtags: 2, words: 3 });
    expect(countTokens('今日のコーヒー #coffee')).toEqual({ hashtags: 1, words: 1 });
    expect(countTokens('')).toEqual({ hashtags: 0, words: 0 });
    expect(Math.max(...pop.posts.hashtags)).toBeGreaterThanOrEqual(6);
  });
});
