/**
 * Deterministic generators for authenticity tests (the simulator's seeded Rng) and builders for
 * ordinary behaviour (diurnal, bursty humans with real, diverse audiences) and for the
 * gaming archetypes (follow-back farms, bots, pods, hashtag stuffers, bought serial
 * engagement, follow/unfollow churners).
 */
import type { ScoringWindow } from '../../../src/engine/window.js';
import { DAY, DatasetBuilder, day } from '../dataset-builder.js';
import { Rng } from '../random.js';

export { Rng };

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** The window every scenario is judged in: the 90 days up to day(90). */
export const WINDOW: ScoringWindow = { asOf: day(90), windowDays: 90 };
const FROM = day(0);
const TO = day(90);

const inWindow = (t: number): boolean => t > FROM && t <= TO;

export interface HumanRhythm {
  /** mean posts per day */
  perDay: number;
  /** hours east of UTC where the person lives */
  tz?: number;
  /** local hour they wake, and how long they are awake */
  wake?: number;
  awake?: number;
  /** vary the sleep time by up to this many hours each day (shift work, insomnia) */
  jitter?: number;
  /** mean posts per session (bursts); 1 = no bursts */
  session?: number;
}

/**
 * Post times of a human: sessions at random waking hours, posts within a session minutes
 * apart (bursty), nothing while asleep.
 */
export function humanTimes(rng: Rng, r: HumanRhythm): number[] {
  const tz = r.tz ?? 0;
  const wake = r.wake ?? 7;
  const awake = r.awake ?? 16;
  const session = r.session ?? 3;
  const out: number[] = [];
  for (let d = 0; d < 90; d++) {
    const posts = rng.poisson(r.perDay);
    const shift = r.jitter ? rng.uniform(-r.jitter, r.jitter) : 0;
    let left = posts;
    while (left > 0) {
      let t = day(d) + (wake - tz + shift + rng.uniform(0, awake)) * HOUR;
      const size = Math.min(left, 1 + rng.poisson(session - 1));
      for (let i = 0; i < size; i++) {
        out.push(Math.round(t));
        t += rng.exponential(4 * MINUTE) + 20_000;
      }
      left -= size;
    }
  }
  return out.filter(inWindow).sort((a, b) => a - b);
}

export interface PostMeta {
  index: number;
  at: number;
}

/** Adds posts at the given times (hashtags/words drawn by `text`). */
export function addPosts(b: DatasetBuilder, author: number, times: number[], text: (i: number) => { hashtags: number; words: number } = () => ({ hashtags: 0, words: 14 })): PostMeta[] {
  return times.map((at, i) => ({ index: b.post(author, { at, ...text(i) }), at }));
}

const KINDS = ['like', 'like', 'like', 'like', 'like', 'reshare', 'reply', 'reply'] as const;

/**
 * Organic engagement: each post gets Poisson(perPost) reactions from an audience with
 * Zipf-like loyalty (a few regulars, a long tail), arriving with human latency
 * (lognormal, median `latencyMin` minutes).
 */
export function engageOrganically(
  b: DatasetBuilder,
  rng: Rng,
  author: number,
  posts: PostMeta[],
  audience: number[],
  opts: { perPost: number; latencyMin?: number; zipf?: number },
): void {
  if (audience.length === 0) return;
  const zipf = opts.zipf ?? 1;
  const weights = audience.map((_, i) => 1 / (i + 1) ** zipf);
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  for (const p of posts) {
    const k = rng.poisson(opts.perPost);
    const seen = new Set<number>();
    for (let i = 0; i < k; i++) {
      const u = rng.next();
      let j = cumulative.findIndex((c) => c >= u);
      if (j < 0) j = audience.length - 1;
      const actor = audience[j]!;
      if (actor === author || seen.has(actor)) continue;
      seen.add(actor);
      const at = p.at + rng.lognormalMedian((opts.latencyMin ?? 120) * MINUTE, 1.3);
      if (at <= TO) b.interact(actor, author, rng.pick(KINDS), { at, post: p.index });
    }
  }
}

/** A random sample of `k` distinct items. */
export function sample<T>(rng: Rng, xs: readonly T[], k: number): T[] {
  const copy = xs.slice();
  const out: T[] = [];
  for (let i = 0; i < k && copy.length > 0; i++) out.push(copy.splice(Math.floor(rng.next() * copy.length), 1)[0]!);
  return out;
}

// ---------------------------------------------------------------- gaming archetypes

/** A follow-back farm: huge matched follower/following counts, a few posts nobody engages. */
export function addFollowBackFarm(b: DatasetBuilder, rng: Rng, audience: number[], handle: string): number {
  const followers = Math.round(rng.lognormalMedian(5000, 0.8)) + 1000;
  const a = b.account({ handle, followers, following: Math.round(followers * rng.uniform(0.9, 1.12)) });
  const posts = addPosts(b, a, humanTimes(rng, { perDay: rng.uniform(0.05, 0.3), tz: rng.between(-8, 9) }));
  engageOrganically(b, rng, a, posts, sample(rng, audience, 10), { perPost: 0.3 });
  return a;
}

/** A bot: scheduled (metronomic), Poisson round the clock, or business-hours scheduler. */
export function addBot(b: DatasetBuilder, rng: Rng, audience: number[], handle: string, style: 'scheduled' | 'random' | 'office' = 'scheduled'): number {
  const a = b.account({ handle, followers: Math.round(rng.lognormalMedian(800, 1)), following: Math.round(rng.lognormalMedian(600, 1)) });
  const times: number[] = [];
  if (style === 'scheduled') {
    const every = rng.pick([20, 30, 60, 120]) * MINUTE;
    for (let t = day(0) + rng.uniform(0, every); t <= TO; t += every) times.push(Math.round(t + rng.uniform(-0.05, 0.05) * every));
  } else if (style === 'random') {
    const mean = DAY / rng.uniform(12, 60);
    for (let t = day(0) + rng.exponential(mean); t <= TO; t += rng.exponential(mean)) times.push(Math.round(t));
  } else {
    const every = rng.pick([10, 15, 30]) * MINUTE;
    const tz = rng.between(-8, 9);
    for (let d = 0; d < 90; d++) for (let t = day(d) + (8 - tz) * HOUR; t < day(d) + (22 - tz) * HOUR; t += every) times.push(Math.round(t + rng.uniform(-0.1, 0.1) * every));
  }
  const posts = addPosts(b, a, times.filter(inWindow).sort((x, y) => x - y));
  engageOrganically(b, rng, a, posts, sample(rng, audience, 40), { perPost: 0.2 });
  return a;
}

/** An engagement pod: every member reacts to (nearly) every other member's post within minutes. */
export function addPod(b: DatasetBuilder, rng: Rng, audience: number[], prefix: string, size: number): number[] {
  const members: number[] = [];
  const posts = new Map<number, PostMeta[]>();
  for (let i = 0; i < size; i++) {
    const a = b.account({ handle: `${prefix}${i}`, followers: Math.round(rng.lognormalMedian(2000, 0.6)), following: Math.round(rng.lognormalMedian(900, 0.5)) });
    members.push(a);
    posts.set(a, addPosts(b, a, humanTimes(rng, { perDay: rng.uniform(0.25, 0.5), tz: rng.between(-2, 2), session: 1 })));
  }
  for (const owner of members) {
    for (const p of posts.get(owner)!) {
      for (const m of members) {
        if (m === owner || !rng.chance(0.9)) continue;
        const at = p.at + rng.uniform(2, 45) * MINUTE;
        if (at <= TO) b.interact(m, owner, rng.chance(0.7) ? 'like' : 'reply', { at, post: p.index });
      }
    }
    engageOrganically(b, rng, owner, posts.get(owner)!, sample(rng, audience, 30), { perPost: 0.8 });
  }
  return members;
}

/** A hashtag stuffer: most posts carry 5-14 hashtags and few words. */
export function addHashtagStuffer(b: DatasetBuilder, rng: Rng, audience: number[], handle: string): number {
  const a = b.account({ handle, followers: Math.round(rng.lognormalMedian(600, 1)), following: Math.round(rng.lognormalMedian(500, 1)) });
  const posts = addPosts(b, a, humanTimes(rng, { perDay: rng.uniform(0.3, 2), tz: rng.between(-8, 9) }), () =>
    rng.chance(0.85) ? { hashtags: rng.between(5, 14), words: rng.between(4, 16) } : { hashtags: rng.between(0, 2), words: rng.between(8, 25) },
  );
  engageOrganically(b, rng, a, posts, sample(rng, audience, 60), { perPost: 2 });
  return a;
}

/** Bought serial engagement: 3-6 accounts that like and reshare every post within minutes, never engaged back. */
export function addSerialTarget(b: DatasetBuilder, rng: Rng, audience: number[], handle: string): { target: number; fans: number[] } {
  const a = b.account({ handle, followers: Math.round(rng.lognormalMedian(1500, 0.8)), following: Math.round(rng.lognormalMedian(400, 0.8)) });
  const posts = addPosts(b, a, humanTimes(rng, { perDay: rng.uniform(0.3, 1), tz: rng.between(-8, 9) }));
  const fans: number[] = [];
  const k = rng.between(3, 6);
  for (let i = 0; i < k; i++) fans.push(b.account({ handle: `${handle}_fan${i}`, followers: 20, following: 3000 }));
  for (const p of posts) {
    for (const f of fans) {
      if (!rng.chance(0.97)) continue;
      const at = p.at + rng.uniform(1, 20) * MINUTE;
      if (at <= TO) b.interact(f, a, rng.chance(0.6) ? 'like' : 'reshare', { at, post: p.index });
    }
  }
  engageOrganically(b, rng, a, posts, sample(rng, audience, 40), { perPost: 0.6 });
  return { target: a, fans };
}

/** A churner: follows hundreds of accounts and unfollows most within days. */
export function addChurner(b: DatasetBuilder, rng: Rng, audience: number[], handle: string): number {
  const following = Math.round(rng.lognormalMedian(900, 0.4));
  const a = b.account({ handle, followers: Math.round(following * rng.uniform(0.5, 1.1)), following });
  const posts = addPosts(b, a, humanTimes(rng, { perDay: rng.uniform(0.3, 1.5), tz: rng.between(-8, 9) }));
  engageOrganically(b, rng, a, posts, sample(rng, audience, 50), { perPost: 1.5 });
  const follows = rng.between(200, 900);
  const undoneShare = rng.uniform(0.6, 0.9);
  for (let i = 0; i < follows; i++) {
    const t = rng.pick(audience);
    if (t === a) continue;
    const at = day(rng.uniform(0, 85));
    b.interact(a, t, 'follow', { at });
    if (rng.chance(undoneShare)) b.interact(a, t, 'unfollow', { at: Math.min(TO, at + rng.uniform(1, 8) * DAY) });
  }
  return a;
}
