/**
 * The planted population: ~500 ordinary accounts of varied, realistic behaviour, a pool
 * of lurkers who only engage, and 60 planted gaming accounts (follow-back farms, bots of
 * three kinds, two engagement pods, hashtag stuffers, bought serial engagement, churners).
 * Deterministic for a seed.
 */
import type { Dataset } from '../../../src/engine/dataset.js';
import { DatasetBuilder, day, DAY } from '../dataset-builder.js';
import {
  HOUR,
  MINUTE,
  Rng,
  addBot,
  addChurner,
  addFollowBackFarm,
  addHashtagStuffer,
  addPod,
  addPosts,
  addSerialTarget,
  engageOrganically,
  humanTimes,
  sample,
  type HumanRhythm,
} from './authenticity.js';

export type Archetype = 'follow-back' | 'bot' | 'pod' | 'hashtag-stuffing' | 'serial-engager' | 'churn';

export interface PlantedWorld {
  pop: Dataset;
  /** active ordinary accounts (the false-positive denominator) */
  ordinary: number[];
  /** accounts that only engage others */
  lurkers: number[];
  /** planted gaming accounts and what they are */
  planted: Map<number, Archetype>;
  /** the bought fans behind serial targets (gaming infrastructure, neither ordinary nor planted targets) */
  fans: number[];
  /** which behaviour each ordinary account was generated with */
  ordinaryKind: Map<number, string>;
}

const ORDINARY_KINDS = ['casual', 'casual', 'casual', 'regular', 'regular', 'prolific', 'big', 'socialite', 'hashtags', 'habit', 'owl', 'community', 'quiet', 'follower'] as const;

/** Builds the planted population for a seed. */
export function buildPlantedWorld(seed: number, ordinaryCount = 500): PlantedWorld {
  const rng = new Rng(seed);
  const b = new DatasetBuilder();
  const lurkers: number[] = [];
  for (let i = 0; i < 1500; i++) lurkers.push(b.account({ handle: `lurker${i}`, followers: Math.round(rng.lognormalMedian(80, 1.2)), following: Math.round(rng.lognormalMedian(150, 1)) }));

  const ordinary: number[] = [];
  const ordinaryKind = new Map<number, string>();
  const pool = (): number[] => [...lurkers, ...ordinary];
  let communityBuffer: number[] = [];
  while (ordinary.length < ordinaryCount) {
    const kind = rng.pick(ORDINARY_KINDS);
    if (kind === 'community') {
      const members = addCommunity(b, rng, pool(), `c${ordinary.length}_`, 8);
      for (const m of members) {
        ordinary.push(m);
        ordinaryKind.set(m, 'community');
      }
      communityBuffer = members;
      continue;
    }
    const a = addOrdinary(b, rng, pool(), kind, `${kind}${ordinary.length}`);
    ordinary.push(a);
    ordinaryKind.set(a, kind);
  }
  void communityBuffer;

  const planted = new Map<number, Archetype>();
  const fans: number[] = [];
  const audience = pool();
  for (let i = 0; i < 12; i++) planted.set(addFollowBackFarm(b, rng, audience, `farm${i}`), 'follow-back');
  for (let i = 0; i < 12; i++) planted.set(addBot(b, rng, audience, `bot${i}`, (['scheduled', 'random', 'office'] as const)[i % 3]), 'bot');
  for (const m of addPod(b, rng, audience, 'podA', 6)) planted.set(m, 'pod');
  for (const m of addPod(b, rng, audience, 'podB', 6)) planted.set(m, 'pod');
  for (let i = 0; i < 8; i++) planted.set(addHashtagStuffer(b, rng, audience, `stuffer${i}`), 'hashtag-stuffing');
  for (let i = 0; i < 8; i++) {
    const s = addSerialTarget(b, rng, audience, `bought${i}`);
    planted.set(s.target, 'serial-engager');
    fans.push(...s.fans);
  }
  for (let i = 0; i < 8; i++) planted.set(addChurner(b, rng, audience, `churner${i}`), 'churn');

  // Ordinary people also follow and unfollow a little (with times); their declared
  // following count stays consistent with it (follows made minus undone <= following).
  const pb = b as unknown as { accounts: { following?: number }[] };
  for (const a of ordinary) {
    const follows = rng.chance(0.1) ? rng.between(100, 160) : rng.between(0, 40);
    const spec = pb.accounts[a]!;
    spec.following = Math.max(spec.following ?? 0, follows + rng.between(0, 300));
    for (let i = 0; i < follows; i++) {
      const t = rng.pick(audience);
      if (t === a) continue;
      const at = day(rng.uniform(0, 89));
      b.interact(a, t, 'follow', { at });
      if (rng.chance(0.25)) b.interact(a, t, 'unfollow', { at: Math.min(day(90), at + rng.uniform(0.5, 60) * DAY) });
    }
  }
  return { pop: b.build(), ordinary, lurkers, planted, fans, ordinaryKind };
}

function addOrdinary(b: DatasetBuilder, rng: Rng, audience: number[], kind: string, handle: string): number {
  const tz = rng.between(-8, 9);
  let followers = Math.round(rng.lognormalMedian(250, 1.2));
  let following = Math.round(rng.lognormalMedian(300, 0.9));
  let rhythm: HumanRhythm = { perDay: rng.lognormalMedian(0.8, 0.8), tz, wake: rng.uniform(5.5, 9), awake: rng.uniform(14, 17.5), session: rng.uniform(1.5, 4) };
  let hashtagMean = rng.uniform(0, 0.8);
  let perFollower = rng.lognormalMedian(0.01, 0.7);
  let zipf = rng.uniform(0.6, 1.2);
  let times: number[] | null = null;
  switch (kind) {
    case 'casual':
      rhythm = { ...rhythm, perDay: rng.uniform(0.05, 0.6) };
      break;
    case 'prolific':
      rhythm = { ...rhythm, perDay: rng.uniform(15, 60), session: rng.uniform(3, 8) };
      followers = Math.round(rng.lognormalMedian(2000, 1));
      following = Math.round(rng.lognormalMedian(800, 0.8));
      break;
    case 'big':
      followers = Math.round(rng.lognormalMedian(30_000, 1));
      following = Math.round(rng.lognormalMedian(700, 0.8));
      perFollower = rng.lognormalMedian(0.002, 0.5);
      break;
    case 'socialite': {
      // follows back friends and acquaintances: followers ~ following, both in the thousands, but a real, engaged audience
      followers = Math.round(rng.lognormalMedian(1800, 0.5));
      following = Math.round(followers * rng.uniform(0.85, 1.15));
      perFollower = rng.lognormalMedian(0.012, 0.4);
      break;
    }
    case 'hashtags':
      hashtagMean = rng.uniform(1, 2.3);
      break;
    case 'habit': {
      // one or two posts a day at habitual times (a morning post, maybe an evening one)
      const slots = rng.chance(0.5) ? [8] : [8, 20];
      times = [];
      for (let d = 0; d < 90; d++) for (const h of slots) if (rng.chance(0.9)) times.push(Math.round(day(d) + (h - tz) * HOUR + rng.uniform(-15, 15) * MINUTE));
      times = times.filter((t) => t > day(0) && t <= day(90)).sort((x, y) => x - y);
      break;
    }
    case 'owl':
      // irregular sleeper: sleep time drifts by up to +-6 hours day to day
      rhythm = { ...rhythm, perDay: rng.uniform(2, 12), jitter: 6, awake: rng.uniform(17, 20) };
      break;
    case 'quiet':
      // new or near-dormant: almost no data
      rhythm = { ...rhythm, perDay: rng.uniform(0, 0.05) };
      followers = rng.between(0, 40);
      following = rng.between(0, 200);
      break;
    case 'follower':
      // follows a lot, modest audience
      following = Math.round(rng.lognormalMedian(1500, 0.5));
      followers = Math.round(following * rng.uniform(0.1, 0.6));
      break;
  }
  const a = b.account({ handle, followers, following });
  const posts = addPosts(b, a, times ?? humanTimes(rng, rhythm), () => ({ hashtags: rng.poisson(hashtagMean), words: rng.between(5, 35) }));
  const audienceSize = Math.max(5, Math.min(audience.length, Math.round(followers * rng.uniform(0.05, 0.3))));
  // prolific posters get fewer reactions per post (attention is split over many posts)
  const perPost = Math.min(kind === 'prolific' ? 6 : 40, Math.max(0.3, followers * perFollower));
  engageOrganically(b, rng, a, posts, sample(rng, audience, audienceSize), { perPost, latencyMin: rng.uniform(40, 300), zipf });
  return a;
}

/** A small tight community: friends who engage each other often but irregularly and slowly, plus outside engagement. */
export function addCommunity(b: DatasetBuilder, rng: Rng, audience: number[], prefix: string, size: number): number[] {
  const members: number[] = [];
  const posts = new Map<number, ReturnType<typeof addPosts>>();
  const tz = rng.between(-8, 9);
  for (let i = 0; i < size; i++) {
    const a = b.account({ handle: `${prefix}${i}`, followers: Math.round(rng.lognormalMedian(300, 0.6)), following: Math.round(rng.lognormalMedian(300, 0.5)) });
    members.push(a);
    posts.set(a, addPosts(b, a, humanTimes(rng, { perDay: rng.uniform(0.3, 1.2), tz, session: 2 })));
  }
  for (const owner of members) {
    const own = posts.get(owner)!;
    for (const p of own) {
      for (const m of members) {
        if (m === owner || !rng.chance(rng.uniform(0.2, 0.55))) continue;
        const at = p.at + rng.lognormalMedian(150 * MINUTE, 1.2);
        if (at <= day(90)) b.interact(m, owner, rng.pick(['like', 'like', 'reply'] as const), { at, post: p.index });
      }
    }
    engageOrganically(b, rng, owner, own, sample(rng, audience, rng.between(20, 80)), { perPost: rng.uniform(1.5, 5), latencyMin: 180 });
  }
  return members;
}
