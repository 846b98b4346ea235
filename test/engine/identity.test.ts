/** One person across networks (engine/identity.ts): the combination's definition, its properties, and rankIdentities. */
import { describe, expect, it } from 'vitest';
import { analyze, resultOf, type Analysis } from '../../src/engine/analyze.js';
import type { Dataset } from '../../src/engine/dataset.js';
import { applyCalibration } from '../../src/engine/model.js';
import { checkIdentityName, combineAccounts, combineNetworks, invertCalibration, resolveIdentity, scoreIdentity, type NetworkTotal } from '../../src/engine/identity.js';
import { rankIdentities } from '../../src/engine/campaign/rank-identities.js';
import { DatasetBuilder, day } from '../../tools/sim/dataset-builder.js';
import { shippedModel } from '../helpers/model.js';

const model = shippedModel();
const window = { asOf: day(100), windowDays: 90 };
const tenths = (x: number) => Math.round(x * 10);

/** A deterministic pseudo-random sequence (LCG) for property checks. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Alice on four networks (twitter and mastodon with real reception, bluesky with a little,
 * threads only at the far end of one event: it abstains), an alt account on twitter, bob in
 * no identity, and carol whose two accounts both abstain.
 */
function world(): { dataset: Dataset; at: Record<string, number> } {
  const b = new DatasetBuilder();
  const at: Record<string, number> = {};
  const engage = (target: number, network: string, fans: number, followers: number) => {
    for (let k = 0; k < 4; k++) {
      const p = b.post(target, { at: day(20 + k * 7) });
      for (let f = 0; f < fans; f++) if ((f + k) % 2 === 0) b.interact(fanOf(network, f), target, f % 3 ? 'like' : 'reshare', { at: day(20 + k * 7 + 0.5 + f / 100), post: p });
    }
    void followers;
  };
  const fans = new Map<string, number[]>();
  const fanOf = (network: string, f: number): number => {
    let list = fans.get(network);
    if (!list) fans.set(network, (list = []));
    while (list.length <= f) list.push(b.account({ handle: `fan${list.length}`, network, followers: 40 + list.length }));
    return list[f]!;
  };
  at['twitter:alice'] = b.account({ handle: 'alice', network: 'twitter', followers: 4000, listed: 30 });
  at['twitter:alice_alt'] = b.account({ handle: 'alice_alt', network: 'twitter', followers: 90 });
  at['mastodon:alice'] = b.account({ handle: 'alice@example.social', network: 'mastodon', followers: 900 });
  at['bluesky:alice'] = b.account({ handle: 'alice.bsky.social', network: 'bluesky', followers: 120 });
  at['threads:alice'] = b.account({ handle: 'alice', network: 'threads' });
  at['twitter:bob'] = b.account({ handle: 'bob', network: 'twitter', followers: 700 });
  at['twitter:carol'] = b.account({ handle: 'carol', network: 'twitter' });
  at['mastodon:carol'] = b.account({ handle: 'carol@example.social', network: 'mastodon' });
  engage(at['twitter:alice'], 'twitter', 24, 4000);
  engage(at['twitter:alice_alt'], 'twitter', 3, 90);
  engage(at['mastodon:alice'], 'mastodon', 12, 900);
  engage(at['bluesky:alice'], 'bluesky', 3, 120);
  engage(at['twitter:bob'], 'twitter', 8, 700);
  b.interact(fanOf('threads', 0), at['threads:alice'], 'like', { at: day(60) });
  b.interact(fanOf('twitter', 1), at['twitter:carol'], 'like', { at: day(61) });
  b.interact(fanOf('mastodon', 1), at['mastodon:carol'], 'like', { at: day(62) });
  return { dataset: b.build(), at };
}

/** The world's analysis with identities: name -> account keys. */
function analysisWith(identities: Record<string, string[]>): { analysis: Analysis; at: Record<string, number> } {
  const { dataset, at } = world();
  const names = Object.keys(identities).sort();
  const of = new Int32Array(dataset.accounts.n).fill(-1);
  names.forEach((name, k) => {
    for (const key of identities[name]!) of[at[key]!] = k;
  });
  dataset.identities = { names, of };
  return { analysis: analyze(dataset, { window, model }), at };
}

const scoreOfAccount = (a: Analysis, i: number) => resultOf(a, i).score;

describe('combineNetworks (the definition)', () => {
  it('matches the worked example of the module doc: E 5.0 and 4.0 give 39.7 = 35.0 + 4.7', () => {
    // the doc's calibration: linear from (4, 20) to (6, 50)
    const toy = { ...model, calibration: { totals: [0, 4, 6], scores: [1, 20, 50], max: 100 } };
    const part = (total: number): NetworkTotal => ({ total, sd: 0, cap: 100, confidence: 1 });
    const c = combineNetworks(toy, [part(5), part(4)]);
    expect(c.total).toBeCloseTo(Math.log(Math.exp(5) + Math.exp(4)), 12);
    expect(c.total).toBeCloseTo(5.313, 3);
    expect(applyCalibration(toy.calibration, 5)).toBe(35);
    expect(applyCalibration(toy.calibration, 4)).toBe(20);
    expect(tenths(c.score)).toBe(397);
    expect(c.shares.map((s) => Math.round(s * 100))).toEqual([73, 27]);
    expect(c.added.map(tenths)).toEqual([350, 47]);
    expect(c.interval).toEqual([c.score, c.score]); // no uncertainty in, none out
  });

  it('invertCalibration undoes the calibration, in the table and on its saturating tail', () => {
    for (const x of [0.05, 1, 2.5, 4.1, 5.5, 7.9, 8.5, 10, 14]) {
      expect(invertCalibration(model.calibration, applyCalibration(model.calibration, x))).toBeCloseTo(x, 9);
    }
    expect(invertCalibration(model.calibration, 1)).toBe(0);
    expect(invertCalibration(model.calibration, 100)).toBe(Infinity);
  });

  it('properties on random parts: never below the best part, adding a part never lowers it, the interval holds the score, the points add up', () => {
    const rnd = lcg(14);
    for (let trial = 0; trial < 500; trial++) {
      const parts: NetworkTotal[] = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ({
        total: rnd() * 11,
        sd: rnd() * 1.5,
        cap: rnd() < 0.25 ? 60 + Math.floor(rnd() * 10) : 100,
        confidence: rnd(),
      }));
      // a capped part counts with the total its cap stands for (as scoreIdentity gives it)
      for (const p of parts) p.total = Math.min(p.total, invertCalibration(model.calibration, p.cap));
      const c = combineNetworks(model, parts);
      const own = parts.map((p) => Math.min(p.cap, applyCalibration(model.calibration, p.total)));
      expect(c.score).toBeGreaterThanOrEqual(Math.max(...own) - 1e-9);
      expect(c.interval[0]).toBeLessThanOrEqual(c.score + 1e-9);
      expect(c.interval[1]).toBeGreaterThanOrEqual(c.score - 1e-9);
      expect(c.added.reduce((s, x) => s + x, 0)).toBeCloseTo(c.score, 9);
      expect(c.shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      const extra: NetworkTotal = { total: rnd() * 11, sd: rnd(), cap: 100, confidence: rnd() };
      const more = combineNetworks(model, [...parts, extra]);
      expect(more.score).toBeGreaterThanOrEqual(c.score - 1e-9);
      // with real reception (a part not negligible beside the others) it rises
      if (extra.total > Math.max(...parts.map((p) => p.total)) - 2 && c.score < Math.max(...parts.map((p) => p.cap)) - 1) expect(more.score).toBeGreaterThan(c.score);
    }
  });

  it('an identity of flagged accounts stays under the highest of their caps', () => {
    const capped = (cap: number): NetworkTotal => ({ total: invertCalibration(model.calibration, cap), sd: 0.5, cap, confidence: 1 });
    const c = combineNetworks(model, [capped(69), capped(69), capped(65)]);
    expect(c.score).toBeLessThanOrEqual(69);
    expect(c.interval[1]).toBeLessThanOrEqual(69);
  });
});

describe('scoreIdentity', () => {
  const all = ['twitter:alice', 'twitter:alice_alt', 'mastodon:alice', 'bluesky:alice', 'threads:alice'];

  it('is never below its best network, and a network with real reception raises it', () => {
    const { analysis, at } = analysisWith({ alice: all, carol: ['twitter:carol', 'mastodon:carol'] });
    const s = scoreIdentity(analysis, resolveIdentity(analysis.dataset, 'alice'));
    const best = scoreOfAccount(analysis, at['twitter:alice']!)!;
    const mastodon = scoreOfAccount(analysis, at['mastodon:alice']!)!;
    expect(best).toBeGreaterThan(mastodon);
    expect(mastodon).toBeGreaterThan(20); // real reception: it is scored, not abstaining
    expect(s.score!).toBeGreaterThan(best);
    expect(s.networks.map((n) => n.network)).toEqual(['twitter', 'mastodon', 'bluesky', 'threads']);
    // each network's part keeps its own score and interval, as `score network:handle` shows them
    const twitter = s.networks[0]!;
    expect(twitter.account.handle).toBe('alice');
    expect(twitter.account.score).toBe(best);
    expect(twitter.account.interval).toEqual(resultOf(analysis, at['twitter:alice']!).interval);
    expect(twitter.others.map((o) => o.handle)).toEqual(['alice_alt']);
    // the points add up to the score, the first is the best network's own score (within a tenth)
    const points = s.networks.filter((n) => n.points !== null).map((n) => tenths(n.points!));
    expect(points.reduce((a, b) => a + b, 0)).toBe(tenths(s.score!));
    expect(Math.abs(points[0]! - tenths(best))).toBeLessThanOrEqual(1);
    expect(s.interval![0]).toBeLessThanOrEqual(s.score!);
    expect(s.interval![1]).toBeGreaterThanOrEqual(s.score!);
    // threads abstains: listed with its reason, adds nothing
    const threads = s.networks[3]!;
    expect(threads.points).toBeNull();
    expect(threads.account.abstain).toEqual(expect.any(String));
    expect(threads.account.score).toBeNull();
  });

  it('adding a network with real reception never lowers the combined score', () => {
    const order = ['twitter:alice', 'mastodon:alice', 'bluesky:alice', 'threads:alice', 'twitter:alice_alt'];
    let prev = -Infinity;
    const seen: number[] = [];
    for (let n = 1; n <= order.length; n++) {
      const { analysis } = analysisWith({ alice: order.slice(0, n) });
      const s = scoreIdentity(analysis, 0).score!;
      expect(s).toBeGreaterThanOrEqual(prev);
      prev = s;
      seen.push(s);
    }
    expect(seen[1]!).toBeGreaterThan(seen[0]!); // mastodon adds
    expect(seen[3]).toBe(seen[2]); // an abstaining network adds nothing
    expect(seen[4]).toBe(seen[3]); // a second account on the same network adds nothing
    // and starting from the weaker network: adding the stronger one lifts it to at least the stronger's score
    const { analysis, at } = analysisWith({ alice: ['mastodon:alice', 'twitter:alice'] });
    expect(scoreIdentity(analysis, 0).score!).toBeGreaterThanOrEqual(scoreOfAccount(analysis, at['twitter:alice']!)!);
  });

  it('one scored network: exactly that account\'s score and interval', () => {
    const { analysis, at } = analysisWith({ alice: ['twitter:alice', 'threads:alice'] });
    const s = scoreIdentity(analysis, 0);
    const r = resultOf(analysis, at['twitter:alice']!);
    expect(s.score).toBe(r.score);
    expect(s.interval).toEqual(r.interval);
    expect(s.confidence).toBe(r.confidence);
  });

  it('abstains when every account abstains, with each account\'s reason', () => {
    const { analysis } = analysisWith({ alice: all, carol: ['twitter:carol', 'mastodon:carol'] });
    const s = scoreIdentity(analysis, resolveIdentity(analysis.dataset, 'carol'));
    expect(s.score).toBeNull();
    expect(s.interval).toBeNull();
    expect(s.abstain).toMatch(/^every account abstains \(mastodon:carol@example.social: .*; twitter:carol: /);
    expect(s.networks.every((n) => n.points === null)).toBe(true);
  });

  it('combineAccounts with the same accounts is scoreIdentity (one code path)', () => {
    const { analysis, at } = analysisWith({ alice: all });
    const direct = combineAccounts(analysis, 'alice', all.map((k) => at[k]!));
    expect(JSON.stringify(direct)).toBe(JSON.stringify(scoreIdentity(analysis, 0)));
  });

  it('an unknown name is a UsageError naming close ones', () => {
    const { analysis } = analysisWith({ alice: all });
    expect(() => resolveIdentity(analysis.dataset, 'alcie')).toThrow(/no identity named "alcie"/);
    try {
      resolveIdentity(analysis.dataset, 'alcie');
    } catch (e) {
      expect((e as { fix?: string }).fix).toMatch(/"alice"/);
    }
  });

  it('identity names: trimmed; empty, control characters and account-like names refused', () => {
    expect(checkIdentityName('  Alice Smith ')).toBe('Alice Smith');
    expect(() => checkIdentityName(' ')).toThrow(/empty/);
    expect(() => checkIdentityName('a\u001b[31m')).toThrow(/control/);
    expect(() => checkIdentityName('twitter:alice')).toThrow(/reads as an account/);
    expect(() => checkIdentityName('myshop:alice', new Set(['myshop']))).toThrow(/reads as an account/);
    expect(checkIdentityName('team: alice')).toBe('team: alice');
  });
});

describe('rankIdentities', () => {
  it('ranks each identity as one row with scoreIdentity\'s number, and accounts in none as themselves', () => {
    const { analysis, at } = analysisWith({ alice: ['twitter:alice', 'mastodon:alice', 'bluesky:alice', 'threads:alice'], carol: ['twitter:carol', 'mastodon:carol'] });
    const ranking = rankIdentities(analysis, {});
    const alice = ranking.results.find((r) => r.kind === 'identity' && r.identity.identity === 'alice');
    expect(alice && alice.kind === 'identity' ? alice.identity.score : null).toBe(scoreIdentity(analysis, resolveIdentity(analysis.dataset, 'alice')).score);
    expect(alice!.rank).toBe(1);
    const accounts = ranking.results.flatMap((r) => (r.kind === 'account' ? [r.account.index] : []));
    // no account of an identity ranks on its own; bob and alice_alt (in no identity) do, with their own scores
    for (const k of ['twitter:alice', 'mastodon:alice', 'bluesky:alice', 'threads:alice', 'twitter:carol', 'mastodon:carol']) expect(accounts).not.toContain(at[k]);
    const bob = ranking.results.find((r) => r.kind === 'account' && r.account.index === at['twitter:bob']);
    expect(bob && bob.kind === 'account' ? bob.account.score : null).toBe(scoreOfAccount(analysis, at['twitter:bob']!));
    expect(ranking.abstained.find((a) => a.identity === 'carol')?.reason).toMatch(/every account abstains/);
    expect(ranking.counts.identities).toBe(2);
    expect(ranking.counts.accounts).toBe(analysis.dataset.accounts.n - 6);
    expect(ranking.counts.ranked + ranking.counts.abstained).toBe(ranking.counts.identities + ranking.counts.accounts);
    const scores = ranking.results.map((r) => (r.kind === 'identity' ? r.identity.score : r.account.score));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const cut = rankIdentities(analysis, { limit: 2, minScore: 1 });
    expect(cut.results).toHaveLength(2);
    expect(cut.counts.cut).toBe(ranking.counts.ranked - 2 - cut.counts.filtered);
  });
});
