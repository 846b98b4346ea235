import { describe, expect, it } from 'vitest';
import { PRESETS, resolveConfig } from '../../tools/sim/config.js';
import { E_LIKE } from '../../tools/sim/events.js';
import { postText } from '../../tools/sim/text.js';
import { computeTruth } from '../../tools/sim/truth.js';
import { generateWorld } from '../../tools/sim/world.js';
import { C, KIND_ORIGINAL, KIND_RESHARE, P } from '../../tools/sim/world-types.js';
import { SIM_TOPICS } from '../../tools/sim/topics.js';
import { accountsOf, asOfSec, events, gapCv, median, sampleWorld } from './world-fixture.js';

describe('config', () => {
  it('merges overrides into a preset and rejects nonsense', () => {
    const c = resolveConfig('sample', { accounts: 500, planted: { bot: 0.02 } });
    expect(c.accounts).toBe(500);
    expect(c.planted.bot).toBe(0.02);
    expect(c.planted.farm).toBe(PRESETS.sample.planted.farm);
    expect(() => resolveConfig('sample', { accounts: 5 })).toThrow(/accounts/);
    expect(() => resolveConfig('sample', { historyDays: 1000 })).toThrow(/historyDays/);
    expect(() => resolveConfig('sample', { planted: { farm: 0.4, bot: 0.3 } })).toThrow(/planted/);
  });
});

describe('generateWorld', () => {
  it('is deterministic: same seed, same world; another seed, another world', () => {
    const cfg = resolveConfig('sample', { accounts: 120, historyDays: 100, futureDays: 30 });
    const a = generateWorld(cfg);
    const b = generateWorld(cfg);
    const c = generateWorld({ ...cfg, seed: cfg.seed + 1 });
    expect(b.accounts.handle).toEqual(a.accounts.handle);
    const bytes = (x: ArrayBufferView) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
    expect(bytes(b.posts.time).equals(bytes(a.posts.time))).toBe(true);
    expect(bytes(b.likes.actor).equals(bytes(a.likes.actor))).toBe(true);
    expect(bytes(b.follows.followee).equals(bytes(a.follows.followee))).toBe(true);
    expect(bytes(b.followEvents.time).equals(bytes(a.followEvents.time))).toBe(true);
    expect(b.posts.n).toBe(a.posts.n);
    expect(c.accounts.handle).not.toEqual(a.accounts.handle);
  });

  it('keeps time order and causality', () => {
    const w = sampleWorld();
    const end = (w.end - w.t0) / 1000;
    for (let q = 1; q < w.posts.n; q++) expect(w.posts.time[q]! >= w.posts.time[q - 1]!).toBe(true);
    for (let q = 0; q < w.posts.n; q++) {
      expect(w.posts.time[q]!).toBeLessThan(end);
      const parent = w.posts.parent[q]!;
      if (parent >= 0) {
        expect(parent).toBeLessThan(q);
        expect(w.posts.kind[parent]).not.toBe(KIND_RESHARE);
      }
    }
    for (let k = 0; k < w.likes.n; k++) expect(w.likes.time[k]!).toBeGreaterThanOrEqual(w.posts.time[w.likes.post[k]!]!);
  });

  it('has every planted kind and hard negative in the sample', () => {
    const w = sampleWorld();
    for (const p of ['farm', 'bot', 'pod', 'stuffer', 'serial-target', 'serial-engager', 'churner', 'prolific', 'community', 'celebrity', 'expert', 'everyday', 'lurker'] as const) {
      expect(accountsOf(w, p).length, p).toBeGreaterThan(0);
    }
    expect(w.groups.filter((g) => g.kind === 'pod').length).toBeGreaterThanOrEqual(2);
    for (const g of w.groups.filter((g) => g.kind === 'pod')) {
      expect(g.members.length).toBeGreaterThanOrEqual(5);
      expect(g.members.length).toBeLessThanOrEqual(12);
    }
  });
});

describe('realistic shapes', () => {
  const w = generateWorld(resolveConfig('eval', { accounts: 3000, historyDays: 100, futureDays: 30 }));
  const truth = computeTruth(w);

  it('has heavy-tailed audiences with a median in the low hundreds for everyday posters', () => {
    const everyday = accountsOf(w, 'everyday').map((i) => w.accounts.followers[i]!);
    expect(median(everyday)).toBeGreaterThan(80);
    expect(median(everyday)).toBeLessThan(300);
    const all = Array.from(w.accounts.followers).sort((x, y) => x - y);
    expect(all[Math.floor(all.length * 0.99)]! / median(all)).toBeGreaterThan(20);
  });

  it('gives most posts no reaction or one', () => {
    const reacts = new Int32Array(w.posts.n);
    for (let k = 0; k < w.likes.n; k++) reacts[w.likes.post[k]!]!++;
    for (let q = 0; q < w.posts.n; q++) if (w.posts.parent[q]! >= 0) reacts[w.posts.parent[q]!]!++;
    let originals = 0;
    let few = 0;
    for (let q = 0; q < w.posts.n; q++) {
      if (w.posts.kind[q] !== KIND_ORIGINAL || w.accounts.persona[w.posts.author[q]!] === P.bot) continue;
      originals++;
      if (reacts[q]! <= 1) few++;
    }
    expect(few / originals).toBeGreaterThan(0.6);
  });

  it('makes engagement per follower fall with audience size; celebrities low, niche experts high', () => {
    const rate = (i: number) => truth.accounts[i]!.past.genuineReactions / Math.max(1, truth.accounts[i]!.past.posts) / Math.max(1, w.accounts.followers[i]!);
    const everyday = accountsOf(w, 'everyday').filter((i) => truth.accounts[i]!.past.posts >= 3);
    const celebs = accountsOf(w, 'celebrity');
    const experts = accountsOf(w, 'expert');
    expect(median(celebs.map((i) => w.accounts.followers[i]!))).toBeGreaterThan(10 * median(experts.map((i) => w.accounts.followers[i]!)));
    expect(median(celebs.map(rate))).toBeLessThan(median(everyday.map(rate)) / 5);
    expect(median(experts.map(rate))).toBeGreaterThan(median(everyday.map(rate)));
    // niche experts: smaller audiences than celebrities but more engagement per post than everyday accounts
    const perPost = (i: number) => truth.accounts[i]!.past.genuineReactions / Math.max(1, truth.accounts[i]!.past.posts);
    expect(median(experts.map(perPost))).toBeGreaterThan(3 * median(everyday.map(perPost)));
  });

  it('ties listed counts to audience and influence', () => {
    const ord = accountsOf(w, 'everyday').concat(accountsOf(w, 'expert'));
    const ratio = ord.filter((i) => w.accounts.followers[i]! > 200).map((i) => w.accounts.listed[i]! / w.accounts.followers[i]!);
    expect(median(ratio)).toBeGreaterThan(0.004);
    expect(median(ratio)).toBeLessThan(0.08);
  });

  it('posts on a diurnal rhythm: people rarely post at 3-5 am local time', () => {
    const everyday = new Set([...accountsOf(w, 'everyday'), ...accountsOf(w, 'expert')]);
    let night = 0;
    let all = 0;
    for (let q = 0; q < w.posts.n; q++) {
      const i = w.posts.author[q]!;
      if (!everyday.has(i) || w.posts.kind[q] !== KIND_ORIGINAL) continue;
      const local = (((w.t0 / 1000 + w.posts.time[q]!) / 3600 + w.accounts.tz[i]!) % 24 + 24) % 24;
      all++;
      if (local >= 3 && local < 5) night++;
    }
    expect(night / all).toBeLessThan(0.03); // uniform would be 0.083
  });
});

describe('planted archetypes', () => {
  const w = sampleWorld();
  const ev = events(w);
  const hist = asOfSec(w);
  const originalsOf = (i: number) => {
    const out: number[] = [];
    for (let q = 0; q < w.posts.n; q++) if (w.posts.author[q] === i && w.posts.kind[q] === KIND_ORIGINAL && w.posts.time[q]! <= hist) out.push(q);
    return out;
  };
  const likesOn = new Map<number, Map<number, number>>(); // post -> actor -> delay
  for (const e of ev) {
    if (e.kind !== E_LIKE) continue;
    let m = likesOn.get(e.post);
    if (!m) likesOn.set(e.post, (m = new Map()));
    m.set(e.actor, e.time - w.posts.time[e.post]!);
  }

  it('pods: each member likes nearly every post of every other member, within minutes', () => {
    for (const g of w.groups.filter((g) => g.kind === 'pod')) {
      const delays: number[] = [];
      let pairs = 0;
      let likedPairs = 0;
      for (const author of g.members) {
        const posts = originalsOf(author);
        expect(posts.length).toBeGreaterThan(3);
        for (const other of g.members) {
          if (other === author) continue;
          const liked = posts.filter((q) => likesOn.get(q)?.has(other));
          // every member engages every other (reciprocal), most of the time
          expect(liked.length / posts.length).toBeGreaterThan(0.6);
          pairs += posts.length;
          likedPairs += liked.length;
          for (const q of liked) delays.push(likesOn.get(q)!.get(other)!);
        }
      }
      expect(likedPairs / pairs).toBeGreaterThan(0.85);
      expect(median(delays)).toBeLessThan(10 * 60);
    }
  });

  it('bots: metronomic gaps (low CV), round the clock, high volume; a prolific human is bursty', () => {
    for (const i of accountsOf(w, 'bot')) {
      const times: number[] = [];
      for (let q = 0; q < w.posts.n; q++) if (w.posts.author[q] === i && w.posts.time[q]! <= hist) times.push(w.posts.time[q]!);
      expect(times.length).toBeGreaterThan(100);
      expect(gapCv(times)).toBeLessThan(0.1);
      expect(new Set(times.map((t) => Math.floor(((w.t0 / 1000 + t) % 86400) / 3600))).size).toBe(24);
      const days = (Math.max(...times) - Math.min(...times)) / 86400;
      expect(times.length / days).toBeGreaterThan(20);
    }
    for (const i of accountsOf(w, 'prolific')) {
      const times: number[] = [];
      for (let q = 0; q < w.posts.n; q++) if (w.posts.author[q] === i && w.posts.kind[q] === KIND_ORIGINAL) times.push(w.posts.time[q]!);
      expect(gapCv(times)).toBeGreaterThan(1);
    }
  });

  it('follow-back farms: followers close to following, large, little engagement per follower, mass following', () => {
    const outDeg = new Int32Array(w.accounts.n);
    for (let k = 0; k < w.follows.n; k++) outDeg[w.follows.follower[k]!]!++;
    const typical = median(Array.from(outDeg));
    const truth = computeTruth(w);
    for (const i of accountsOf(w, 'farm')) {
      const ratio = w.accounts.followers[i]! / w.accounts.following[i]!;
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.2);
      expect(w.accounts.followers[i]!).toBeGreaterThanOrEqual(5000);
      expect(truth.accounts[i]!.past.reactions / w.accounts.followers[i]!).toBeLessThan(0.05);
      expect(outDeg[i]!).toBeGreaterThan(2.5 * typical);
    }
  });

  it('hashtag stuffers: most posts carry six or more hashtags', () => {
    const stuffed = (q: number) => (postText(w, q).match(/#\w+/g)?.length ?? 0) >= 6;
    for (const i of accountsOf(w, 'stuffer')) {
      const own = originalsOf(i).filter((q) => w.posts.content[q] !== C.mention);
      expect(own.filter(stuffed).length / own.length).toBeGreaterThan(0.75);
      const all: number[] = [];
      for (let q = 0; q < w.posts.n; q++) if (w.posts.author[q] === i && w.posts.time[q]! <= hist && w.posts.kind[q] !== KIND_RESHARE) all.push(q);
      expect(all.filter(stuffed).length / all.length).toBeGreaterThan(0.5);
    }
    const ordinary = accountsOf(w, 'expert').flatMap((i) => originalsOf(i));
    expect(ordinary.filter(stuffed).length / ordinary.length).toBeLessThan(0.01);
  });

  it('serial engagers like nearly everything their target posts', () => {
    for (const g of w.groups.filter((g) => g.kind === 'serial')) {
      const posts = originalsOf(g.target!);
      expect(posts.length).toBeGreaterThan(2);
      let liked = 0;
      for (const m of g.members) {
        const n = posts.filter((q) => likesOn.get(q)?.has(m)).length;
        expect(n / posts.length).toBeGreaterThan(0.7);
        liked += n;
      }
      expect(liked / (posts.length * g.members.length)).toBeGreaterThan(0.85);
    }
  });

  it('churners follow and unfollow the same accounts days later; ordinary accounts rarely do', () => {
    const fe = w.followEvents;
    for (const i of accountsOf(w, 'churner')) {
      const follows = new Map<number, number>();
      let undone = 0;
      let n = 0;
      for (let k = 0; k < fe.n; k++) {
        if (fe.actor[k] !== i) continue;
        if (fe.kind[k] === 0) {
          follows.set(fe.target[k]!, fe.time[k]!);
          n++;
        } else {
          const at = follows.get(fe.target[k]!);
          const days = at === undefined ? -1 : (fe.time[k]! - at) / 86_400_000;
          if (days >= 1 && days <= 4) undone++;
        }
      }
      expect(n).toBeGreaterThan(30);
      expect(undone / n).toBeGreaterThan(0.6);
    }
    const ordinaryEvents = new Map<number, number>();
    for (let k = 0; k < fe.n; k++) if (w.accounts.persona[fe.actor[k]!] === P.everyday) ordinaryEvents.set(fe.actor[k]!, (ordinaryEvents.get(fe.actor[k]!) ?? 0) + 1);
    for (const n of ordinaryEvents.values()) expect(n).toBeLessThanOrEqual(2);
  });

  it('communities (ordinary) engage each other often, at human delays, and not only each other', () => {
    for (const g of w.groups.filter((g) => g.kind === 'community')) {
      const members = new Set(g.members);
      const delays: number[] = [];
      let inside = 0;
      let outside = 0;
      for (const e of ev) {
        if (!members.has(e.target) || e.time > hist) continue;
        if (members.has(e.actor)) {
          inside++;
          if (e.post >= 0 && w.posts.parent[e.source] !== undefined) delays.push(e.time - w.posts.time[e.post]!);
        } else outside++;
      }
      expect(inside).toBeGreaterThan(20);
      expect(outside).toBeGreaterThan(0);
      expect(median(delays)).toBeGreaterThan(30 * 60);
    }
  });
});

describe('topics in the world', () => {
  const w = sampleWorld();
  const truth = computeTruth(w);

  it('has accounts that mention a topic exactly once, and that post is the only one', () => {
    const once = truth.accounts.filter((a) => a.onceTopics.length > 0);
    expect(once.length).toBeGreaterThanOrEqual(5);
    for (const a of once) {
      const i = w.accounts.handle.indexOf(a.handle);
      const slug = a.onceTopics[0]!;
      const t = SIM_TOPICS.findIndex((x) => x.slug === slug);
      const about: number[] = [];
      for (let q = 0; q < w.posts.n; q++) if (w.posts.author[q] === i && w.posts.kind[q] === KIND_ORIGINAL && w.posts.topic[q] === t) about.push(q);
      expect(about.length).toBe(1);
      expect(w.posts.content[about[0]!]).toBe(C.once);
      expect(a.topics).not.toContain(slug);
      const forms = [SIM_TOPICS[t]!.name, ...SIM_TOPICS[t]!.forms].map((f) => f.toLowerCase());
      expect(forms.some((f) => postText(w, about[0]!).toLowerCase().includes(f))).toBe(true);
    }
  });

  it('gives experts true topics they write about repeatedly', () => {
    const experts = truth.accounts.filter((a) => a.persona === 'expert');
    const withTopics = experts.filter((a) => a.topics.length > 0);
    expect(withTopics.length / experts.length).toBeGreaterThan(0.7);
    const shown = withTopics.filter((a) => a.topics.every((t) => (a.topicPosts[t] ?? 0) >= 2));
    expect(shown.length / withTopics.length).toBeGreaterThan(0.8);
    expect(truth.accounts.filter((a) => a.archetype !== 'ordinary').every((a) => a.topics.length === 0)).toBe(true);
  });

  it('writes some non-Latin scripts and emoji', () => {
    const texts: string[] = [];
    for (let q = 0; q < w.posts.n; q += 3) texts.push(postText(w, q));
    const all = texts.join('\n');
    expect(all).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese
    expect(all).toMatch(/[\u0600-\u06ff]/); // Arabic
    expect(all).toMatch(/[\u0400-\u04ff]/); // Cyrillic
    expect(all).toMatch(/\p{Extended_Pictographic}/u);
  });
});

describe('truth', () => {
  const w = sampleWorld();
  const truth = computeTruth(w);
  const ev = events(w);
  const hist = asOfSec(w);
  const end = (w.end - w.t0) / 1000;

  it('counts future engagement from events after asOf only', () => {
    const reactions = new Map<number, number>();
    const engagers = new Map<number, Set<number>>();
    for (const e of ev) {
      if (e.time <= hist || e.time > end) continue;
      reactions.set(e.target, (reactions.get(e.target) ?? 0) + 1);
      if (!engagers.has(e.target)) engagers.set(e.target, new Set());
      engagers.get(e.target)!.add(e.actor);
    }
    let nonzero = 0;
    truth.accounts.forEach((a, i) => {
      expect(a.future.reactions).toBe(reactions.get(i) ?? 0);
      expect(a.future.engagers).toBe(engagers.get(i)?.size ?? 0);
      expect(a.future.genuineReactions).toBeLessThanOrEqual(a.future.reactions);
      const kinds = a.future.byKind;
      expect(kinds.like + kinds.reply + kinds.reshare + kinds.quote + kinds.mention).toBe(a.future.reactions);
      if (a.future.reactions > 0) nonzero++;
    });
    expect(nonzero).toBeGreaterThan(100);
  });

  it('does not see the future in the past window, and a world without a future has no future truth', () => {
    const pastFrom = hist - 90 * 86400;
    const past = new Map<number, number>();
    for (const e of ev) if (e.time > pastFrom && e.time <= hist) past.set(e.target, (past.get(e.target) ?? 0) + 1);
    truth.accounts.forEach((a, i) => expect(a.past.reactions).toBe(past.get(i) ?? 0));
    const noFuture = generateWorld(resolveConfig('sample', { accounts: 100, futureDays: 0 }));
    const t2 = computeTruth(noFuture);
    expect(t2.accounts.every((a) => a.future.reactions === 0 && a.future.posts === 0)).toBe(true);
    const lastPost = noFuture.posts.time[noFuture.posts.n - 1]!;
    expect(lastPost).toBeLessThanOrEqual(asOfSec(noFuture));
  });

  it('labels every account with an archetype and the flag it should raise', () => {
    const byArchetype = new Map<string, number>();
    for (const a of truth.accounts) byArchetype.set(a.archetype, (byArchetype.get(a.archetype) ?? 0) + 1);
    expect(byArchetype.get('ordinary')!).toBeGreaterThan(200);
    for (const a of truth.accounts) {
      if (a.archetype === 'ordinary' || a.archetype === 'serial-engager') expect(a.expectedFlag).toBeNull();
      else expect(a.expectedFlag).toMatch(/^(follow-back|bot-cadence|engagement-pod|hashtag-stuffing|serial-engager|churn)$/);
    }
    expect(truth.groups.find((g) => g.kind === 'serial')?.target).toBeDefined();
  });
});
