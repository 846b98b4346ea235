import { LISTS } from '../../src/engine/dataset.js';
import { describe, expect, it } from 'vitest';
import { buildEngagementGraph } from '../../src/engine/engagement.js';
import { extractFeatures, featureVectorOf } from '../../src/engine/features.js';
import { computeNetworkInfluence } from '../../src/engine/network.js';
import type { Dataset } from '../../src/engine/dataset.js';
import { DatasetBuilder, day } from '../../tools/sim/dataset-builder.js';

const window = { asOf: day(100), windowDays: 90 };
const weights = { kindWeight: [0.8, 1, 1, 0.6, 0.3, 0, 0], halfLifeDays: 30 };

function features(pop: Dataset, i: number) {
  const w = new Float32Array(pop.interactions.n).fill(1);
  const g = buildEngagementGraph(pop, window, weights, w);
  const net = computeNetworkInfluence(g);
  return featureVectorOf(extractFeatures(pop, window, g, net.value, w), i);
}

describe('features', () => {
  it('measures the worked example from events', () => {
    const b = new DatasetBuilder();
    const alice = b.account({ followers: 500 });
    const bob = b.account();
    const carol = b.account();
    const p = [b.post(alice, { at: day(20) }), b.post(alice, { at: day(30) }), b.post(alice, { at: day(40) })];
    b.interact(bob, alice, 'reshare', { at: day(21), post: p[0] });
    b.interact(carol, alice, 'reshare', { at: day(31), post: p[1] });
    b.interact(bob, alice, 'reply', { at: day(32), post: p[1] });
    const f = features(b.build(), alice);
    expect(f.value.engagers).toBe(2);
    expect(f.source.engagers).toBe('events');
    expect(f.value.reshares_received).toBeCloseTo(2 / 90, 12);
    expect(f.value.reshares_per_post).toBeCloseTo(2 / 3, 12);
    expect(f.value.replies_per_post).toBeCloseTo(1 / 3, 12);
    expect(f.value.mentions_received).toBeCloseTo(1 / 90, 12);
    // the database records no likes at all: alice's likes are unknown, not zero
    expect(Number.isNaN(f.value.likes_per_post)).toBe(true);
    expect(f.source.likes_per_post).toBe('missing');
    expect(f.value.followers).toBe(500);
    expect(f.source.followers).toBe('declared');
    expect(f.source.listed).toBe('missing');
    expect(Number.isNaN(f.value.listed)).toBe(true);
    expect(f.value.network).toBeGreaterThan(0);
  });

  it('a kind of engagement the database holds for someone is measured, zero included, for everyone', () => {
    const b = new DatasetBuilder();
    const alice = b.account({ followers: 500 });
    const bob = b.account();
    const dan = b.account();
    const p = b.post(alice, { at: day(20) });
    b.interact(bob, alice, 'reply', { at: day(21), post: p });
    const q = b.post(dan, { at: day(22) });
    b.interact(bob, dan, 'like', { at: day(23), post: q }); // likes exist in this database
    const f = features(b.build(), alice);
    expect(f.value.likes_per_post).toBe(0);
    expect(f.source.likes_per_post).toBe('events');
    expect(f.value.mentions_received).toBeCloseTo(1 / 90, 12);
    // no reshares anywhere (a replies-only data set such as the Digg replies): unknown for all
    expect(f.source.reshares_received).toBe('missing');
    expect(f.source.reshares_per_post).toBe('missing');
  });

  it('counts follow edges when they exceed the declared followers', () => {
    const b = new DatasetBuilder();
    const a = b.account({ followers: 1 });
    const fans = Array.from({ length: 3 }, () => b.account());
    for (const f of fans) b.follow(f, a);
    b.follow(fans[0]!, a, day(150)); // after as-of: not counted
    const pop = b.build();
    pop.accounts.lists = new Uint8Array(pop.accounts.n);
    pop.accounts.lists[a] = LISTS.FOLLOWERS; // edges count only with the account's own follower list
    const f = features(pop, a);
    expect(f.value.followers).toBe(3);
    expect(f.source.followers).toBe('events');
  });

  it('reads an archive owner from declared per-post counts; engagers only as the lower bound one post implies, network missing', () => {
    const b = new DatasetBuilder();
    const owner = b.account({ followers: 800 });
    const other = b.account();
    b.post(owner, { at: day(50), likes: 10, reshares: 4 });
    b.post(owner, { at: day(60), likes: 6, reshares: 0 });
    b.interact(owner, other, 'reply', { at: day(61) }); // the owner's own outgoing activity
    const f = features(b.build(), owner);
    expect(f.value.likes_per_post).toBe(8);
    expect(f.source.likes_per_post).toBe('declared');
    expect(f.value.reshares_per_post).toBe(2);
    // the post with 10 likes had 10 distinct engagers: at least 10 in the 90-day window
    expect(f.value.engagers).toBe(10);
    expect(f.source.engagers).toBe('declared');
    expect(f.lowerBound?.engagers).toBe(true);
    expect(f.source.network).toBe('missing');
    expect(f.source.replies_per_post).toBe('missing');
    expect(f.value.replies_sent).toBeCloseTo(1 / 90, 12);
  });

  it('net followers: followers beyond the accounts followed, never below zero, known only when both counts are', () => {
    const b = new DatasetBuilder();
    const star = b.account({ followers: 5200, following: 200 });
    const farm = b.account({ followers: 5200, following: 5600 });
    const half = b.account({ followers: 5200 });
    const pop = b.build();
    expect(features(pop, star).value.net_followers).toBe(5000);
    expect(features(pop, star).source.net_followers).toBe('declared');
    expect(features(pop, star).value.follower_ratio).toBe(26);
    expect(features(pop, farm).value.net_followers).toBe(0);
    expect(Number.isNaN(features(pop, half).value.net_followers)).toBe(true);
    expect(features(pop, half).source.net_followers).toBe('missing');
  });

  it('leaves an account known only from a follower list missing, not zero', () => {
    const b = new DatasetBuilder();
    const listed = b.account({ followers: 2000 });
    const x = b.account();
    const y = b.account();
    b.post(x, { at: day(50) });
    b.interact(y, x, 'like', { at: day(51) });
    const f = features(b.build(), listed);
    expect(f.source.engagers).toBe('missing');
    expect(f.source.reshares_received).toBe('missing');
    expect(f.source.likes_per_post).toBe('missing');
    expect(f.value.followers).toBe(2000);
  });

  it('scales declared aggregates from their window to the scoring window', () => {
    const b = new DatasetBuilder();
    const a = b.account({ mentionsReceived: 60, resharesReceived: 30, windowDays: 30, posts: 3650, createdAt: day(100 - 3650) });
    const f = features(b.build(), a);
    expect(f.value.mentions_received).toBeCloseTo(2, 12); // 60 per 30 days
    expect(f.value.reshares_received).toBeCloseTo(1, 12);
    expect(f.source.reshares_received).toBe('declared');
    expect(f.value.posts_per_day).toBeCloseTo(1, 12);
    expect(f.value.reshares_per_post).toBeCloseTo(1, 12); // 90 reshares over 90 posts
  });

  it('weights received events by the authenticity stage', () => {
    const b = new DatasetBuilder();
    const a = b.account();
    const x = b.account();
    b.post(a, { at: day(50) });
    b.interact(x, a, 'like', { at: day(51) }).interact(x, a, 'like', { at: day(52) });
    const pop = b.build();
    const w = Float32Array.from([1, 0.25]);
    const g = buildEngagementGraph(pop, window, weights, w);
    const f = featureVectorOf(extractFeatures(pop, window, g, computeNetworkInfluence(g).value, w), a);
    expect(f.value.likes_per_post).toBeCloseTo(1.25, 6);
    expect(f.value.engagers).toBe(1);
  });
});
