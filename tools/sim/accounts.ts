/**
 * The account population: who is who (persona, planted groups), audiences, posting rates,
 * true influence q, languages, time zones and true topics.
 *
 * Audience and influence, per persona (medians; all lognormal unless said):
 *   lurker 40 followers, everyday 150 (sigma 1.2), expert 900 (sigma 0.9), celebrity
 *   Pareto(xm 30,000, alpha 1.0) up to 30M, rising 300.
 * True influence q (expected genuine reactions per original post) =
 *   Q_SCALE * followers^Q_EXPONENT * exp(eta), eta ~ N(persona shift, 0.5).
 *   Worked example: an everyday account with 150 followers and eta 0 expects
 *   0.015 * 150^0.7 = 0.50 reactions per post (so most of its posts get none or one);
 *   a celebrity with 1M followers and eta -1.3 expects 0.015 * 15,849 * 0.27 = 65, i.e.
 *   0.007% of its followers (RivalIQ's ~0.05% is for brands; celebrities sit lower);
 *   a niche expert with 900 followers and eta 1.2 expects 0.015 * 117 * 3.3 = 5.8.
 * Posting rates (originals per day, lognormal medians): lurker 0.01, everyday 0.1 (sigma
 *   1.0: about 3 a month, Pew 2019's median user posts twice a month), expert 0.7,
 *   celebrity 0.5, prolific 10-25; so the top decile writes most posts (Pew 2019: 80%).
 *   Bots post at botPostsPerDay whatever the activity multiplier.
 */
import type { WorldConfig } from './config.js';
import { type Rng, ZipfTable } from './random.js';
import { EXPERT_TOPICS, PLAIN_EXPERT_TOPICS, SIM_TOPICS } from './topics.js';
import { P, type Persona, type SimAccounts, type SimGroup } from './world-types.js';

/** q = Q_SCALE * followers^Q_EXPONENT * exp(eta) (see the module comment). */
export const Q_SCALE = 0.015;
/** Exponent of followers in q: engagement grows slower than audience (rate per follower falls). */
export const Q_EXPONENT = 0.7;
const DAY_MS = 86_400_000;

/** Number of accounts for a share: at least one when the share is positive. */
function countOf(share: number, n: number): number {
  return share > 0 ? Math.max(1, Math.round(share * n)) : 0;
}

interface Slot {
  persona: Persona;
  group: number;
}

/** Persona slots for every account, planted groups formed, in a shuffled order. */
function planSlots(cfg: WorldConfig, rng: Rng, groups: SimGroup[]): Slot[] {
  const n = cfg.accounts;
  const slots: Slot[] = [];
  const pl = cfg.planted;
  const ringSizes = (members: number, [lo, hi]: [number, number]): number[] => {
    if (members === 0) return [];
    const rings = Math.max(1, Math.round(members / ((lo + hi) / 2)));
    return Array.from({ length: rings }, () => rng.between(lo, hi));
  };
  for (const size of ringSizes(countOf(pl.pod, n), cfg.podSize)) {
    const g = groups.push({ kind: 'pod', members: [] }) - 1;
    for (let k = 0; k < size; k++) slots.push({ persona: 'pod', group: g });
  }
  for (const size of ringSizes(countOf(pl.community, n), cfg.communitySize)) {
    const topic = rng.chance(0.7) ? rng.pick(EXPERT_TOPICS) : -1;
    const g = groups.push({ kind: 'community', members: [], topic }) - 1;
    for (let k = 0; k < size; k++) slots.push({ persona: 'community', group: g });
  }
  for (let t = countOf(pl.serialTarget, n); t > 0; t--) {
    const g = groups.push({ kind: 'serial', members: [] }) - 1;
    slots.push({ persona: 'serial-target', group: g });
    for (let k = rng.between(cfg.serialEngagers[0], cfg.serialEngagers[1]); k > 0; k--) slots.push({ persona: 'serial-engager', group: g });
  }
  const simple: [Persona, number][] = [
    ['farm', pl.farm], ['bot', pl.bot], ['stuffer', pl.stuffer], ['churner', pl.churner], ['prolific', pl.prolific],
  ];
  for (const [persona, share] of simple) for (let k = countOf(share, n); k > 0; k--) slots.push({ persona, group: -1 });
  if (slots.length > n * 0.6) throw new Error(`invalid world config: ${slots.length} planted accounts in a world of ${n}`);

  const ordinary = n - slots.length;
  const ps = cfg.personas;
  const order: Persona[] = ['celebrity', 'expert', 'rising', 'lurker', 'everyday'];
  const total = order.reduce((s, p) => s + ps[p as keyof typeof ps], 0);
  let left = ordinary;
  for (const p of order) {
    const share = ps[p as keyof typeof ps] / total;
    const k = p === 'everyday' ? left : Math.min(left, share > 0 ? Math.max(1, Math.round(share * ordinary)) : 0);
    for (let j = 0; j < k; j++) slots.push({ persona: p, group: -1 });
    left -= k;
  }
  return rng.shuffle(slots);
}

/** A lognormal around `median` whose log is shifted by `rho` times a shared standard score. */
const around = (median: number, sigma: number, z: number) => median * Math.exp(sigma * z);

/** The accounts of a world (without topics and names: see assignTopics, makeNames) and its planted groups. */
export function createAccounts(cfg: WorldConfig, rng: Rng): { accounts: SimAccounts; groups: SimGroup[] } {
  const groups: SimGroup[] = [];
  const slots = planSlots(cfg, rng.fork('slots'), groups);
  const n = slots.length;
  const a: SimAccounts = {
    n,
    handle: [],
    displayName: [],
    persona: new Uint8Array(n),
    group: new Int32Array(n).fill(-1),
    lang: new Uint8Array(n),
    tz: new Float64Array(n),
    followers: new Float64Array(n),
    following: new Float64Array(n),
    listed: new Float64Array(n),
    postsDeclared: new Float64Array(n),
    verified: new Uint8Array(n),
    createdAt: new Float64Array(n),
    q: new Float64Array(n),
    trend: new Float64Array(n),
    rate: new Float64Array(n),
    engage: new Float64Array(n),
    topics: new Int16Array(n * 3).fill(-1),
    topicShare: new Float64Array(n),
    onceTopic: new Int16Array(n).fill(-1),
    interest: new Int16Array(n).fill(-1),
    declared: new Uint8Array(n),
    sideTopic: new Int16Array(n).fill(-1),
  };
  const r = rng.fork('latent');
  const t0 = cfg.asOf - cfg.historyDays * DAY_MS;
  for (let i = 0; i < n; i++) {
    const slot = slots[i]!;
    a.persona[i] = P[slot.persona];
    a.group[i] = slot.group;
    if (slot.group >= 0) {
      const g = groups[slot.group]!;
      if (slot.persona === 'serial-target') g.target = i;
      else g.members.push(i);
    }
    drawLatent(a, i, slot.persona, cfg, r, t0);
  }
  return { accounts: a, groups };
}

function drawLanguage(r: Rng, cfg: WorldConfig, persona: Persona): number {
  const latinOnly = persona === 'bot' || persona === 'farm' || persona === 'churner' || persona === 'celebrity';
  if (latinOnly || !r.chance(cfg.nonEnglishShare)) return 0;
  const x = r.next();
  return x < 0.35 ? 1 : x < 0.6 ? 2 : x < 0.8 ? 3 : 4;
}

const TZ_BY_LANG: readonly (readonly number[])[] = [
  [-8, -7, -6, -5, -5, -5, -4, 0, 0, 0, 1, 1, 10, 5.5, 1, 2],
  [-6, -5, -3, 1, 1],
  [9],
  [2, 3, 3, 4],
  [3, 3, 5],
];

function drawLatent(a: SimAccounts, i: number, persona: Persona, cfg: WorldConfig, r: Rng, t0: number): void {
  a.lang[i] = drawLanguage(r, cfg, persona);
  a.tz[i] = r.pick(TZ_BY_LANG[a.lang[i]!]!);
  a.declared[i] = r.chance(cfg.declaredCountsShare) ? 1 : 0;
  // one shared standard score ties audience, listing and engagement quality together
  const z = r.normal();
  let F: number;
  let following: number;
  let eta = 0.5 * r.normal();
  let rate: number;
  let engage = r.lognormal(0, 1.0);
  let listedBoost = 1;
  let ageDays = 200 + Math.pow(r.next(), 0.8) * 5600;
  let trend = 0.12 * r.normal();
  switch (persona) {
    case 'lurker':
      F = around(40, 1.1, z);
      following = around(120, 0.9, 0.3 * z + r.normal());
      rate = r.lognormalMedian(0.01, 0.8);
      eta -= 0.3;
      engage *= 1.6;
      break;
    case 'everyday':
      F = around(150, 1.2, z);
      following = around(220, 0.9, 0.3 * z + r.normal());
      rate = r.lognormalMedian(0.1, 1.0);
      break;
    case 'expert':
      F = around(900, 0.9, z);
      following = around(400, 0.8, 0.3 * z + r.normal());
      rate = r.lognormalMedian(0.7, 0.5);
      eta = 1.2 + 0.4 * r.normal();
      listedBoost = 2.5;
      break;
    case 'celebrity':
      F = Math.min(3e7, r.pareto(30000, 1.0));
      following = around(300, 1.2, r.normal());
      rate = r.lognormalMedian(0.5, 0.6);
      eta = -1.3 + 0.4 * r.normal();
      listedBoost = 1.5;
      a.verified[i] = 1;
      ageDays = 2000 + r.next() * 4000;
      break;
    case 'rising':
      F = around(300, 1.0, z);
      following = around(350, 0.8, r.normal());
      rate = r.lognormalMedian(0.6, 0.5);
      eta = 0.3 + 0.4 * r.normal();
      trend = 0.6 + 0.2 * r.normal();
      ageDays = 300 + r.next() * 700;
      break;
    case 'prolific':
      F = around(600, 1.0, z);
      following = around(700, 0.8, r.normal());
      rate = r.uniform(10, 25);
      eta = -0.5 + 0.4 * r.normal();
      engage *= 2;
      break;
    case 'community':
      F = around(120, 0.8, z);
      following = around(200, 0.7, r.normal());
      rate = r.lognormalMedian(0.4, 0.5);
      eta = 0.4 * r.normal();
      break;
    case 'farm':
      F = Math.exp(r.uniform(Math.log(5000), Math.log(60000)));
      following = F * r.uniform(0.9, 1.1);
      rate = r.lognormalMedian(1.5, 0.5);
      eta = -2.5 + 0.3 * r.normal();
      listedBoost = 0.05;
      engage *= 0.3;
      ageDays = 200 + r.next() * 900;
      break;
    case 'bot':
      F = around(400, 1.0, z);
      following = around(500, 1.0, r.normal());
      rate = r.uniform(cfg.botPostsPerDay[0], cfg.botPostsPerDay[1]);
      eta = -2.5 + 0.3 * r.normal();
      listedBoost = 0.2;
      // bots act only on their schedule (their reshares), never as someone's engager
      engage = 0;
      ageDays = 200 + r.next() * 1500;
      break;
    case 'pod':
      F = around(800, 0.8, z);
      following = around(900, 0.7, r.normal());
      rate = r.lognormalMedian(0.8, 0.4);
      eta = -0.7 + 0.3 * r.normal();
      break;
    case 'stuffer':
      F = around(500, 1.0, z);
      following = around(600, 0.8, r.normal());
      rate = r.lognormalMedian(2, 0.4);
      eta = -1.0 + 0.4 * r.normal();
      // they broadcast; their stuffed posts should be most of what they write
      engage = Math.min(engage, 1);
      break;
    case 'serial-target':
      F = around(300, 0.9, z);
      following = around(300, 0.8, r.normal());
      rate = r.lognormalMedian(0.8, 0.5);
      eta = -0.5 + 0.4 * r.normal();
      break;
    case 'serial-engager':
      F = around(30, 0.8, z);
      following = around(80, 0.7, r.normal());
      rate = r.lognormalMedian(0.03, 0.5);
      engage *= 0.2;
      ageDays = 200 + r.next() * 700;
      break;
    case 'churner':
      F = around(3000, 0.6, z);
      following = F * r.uniform(0.8, 1.3);
      rate = r.lognormalMedian(0.6, 0.5);
      eta = -1.8 + 0.4 * r.normal();
      listedBoost = 0.2;
      break;
  }
  F = Math.max(0, Math.round(F));
  a.followers[i] = F;
  a.following[i] = Math.max(0, Math.round(following));
  a.q[i] = Q_SCALE * Math.pow(F, Q_EXPONENT) * Math.exp(eta);
  a.trend[i] = trend;
  a.rate[i] = rate;
  a.engage[i] = engage;
  // listed ~ 1-3% of followers (PeerIndex pairs: median 0.03 on prominent accounts), more for
  // accounts people find worth following closely
  a.listed[i] = r.poisson(F * 0.018 * Math.exp(0.6 * eta) * listedBoost * r.lognormal(0, 0.5));
  if (persona === 'expert' && r.chance(0.08)) a.verified[i] = 1;
  a.createdAt[i] = Math.round((t0 - ageDays * DAY_MS) / 1000) * 1000;
}

/**
 * True topics, the once-mentioned topic and reading interests. A topic is true only when
 * the account is expected to write at least MIN_TOPIC_POSTS about it in the last 90 days
 * (at the posting rate the world will actually use), so truth is recoverable from data.
 */
export function assignTopics(a: SimAccounts, groups: SimGroup[], activity: number, rng: Rng): void {
  const MIN_TOPIC_POSTS = 4;
  const r = rng.fork('topics');
  const zipf = new ZipfTable(EXPERT_TOPICS.length, 0.7);
  const popular = r.shuffle([...EXPERT_TOPICS]);
  const drawTopic = () => popular[zipf.sample(r) - 1]!;
  const plain = new Set(PLAIN_EXPERT_TOPICS);
  for (let i = 0; i < a.n; i++) {
    const persona = a.persona[i]!;
    let want = 0;
    let share = 0;
    let fixed = -1;
    if (persona === P.expert) {
      const x = r.next();
      want = x < 0.5 ? 1 : x < 0.85 ? 2 : 3;
      share = r.uniform(0.55, 0.85);
    } else if (persona === P.everyday && r.chance(0.3)) {
      want = 1;
      share = r.uniform(0.25, 0.45);
    } else if (persona === P.celebrity && r.chance(0.6)) {
      want = 1;
      share = r.uniform(0.3, 0.5);
    } else if (persona === P.rising && r.chance(0.7)) {
      want = r.chance(0.7) ? 1 : 2;
      share = r.uniform(0.4, 0.7);
    } else if (persona === P.prolific && r.chance(0.5)) {
      want = 1;
      share = r.uniform(0.1, 0.25);
    } else if (persona === P.community) {
      fixed = groups[a.group[i]!]?.topic ?? -1;
      if (fixed >= 0 && r.chance(0.8)) {
        want = 1;
        share = r.uniform(0.2, 0.4);
      }
    }
    // fewer topics when the account does not post enough to show them all
    want = Math.min(want, Math.floor((a.rate[i]! * activity * share * 90) / MIN_TOPIC_POSTS));
    if (want > 0) {
      const chosen: number[] = fixed >= 0 ? [fixed] : [];
      for (let guard = 0; chosen.length < want && guard < 50; guard++) {
        const t = drawTopic();
        if (!chosen.includes(t)) chosen.push(t);
      }
      chosen.forEach((t, k) => (a.topics[i * 3 + k] = t));
      a.topicShare[i] = share;
    }
    const first = a.topics[i * 3]!;
    a.interest[i] = first >= 0 ? first : r.chance(0.6) ? drawTopic() : -1;
    const ordinaryPoster = persona === P.everyday || persona === P.lurker || persona === P.rising || persona === P.community;
    const own = (t: number) => a.topics[i * 3] === t || a.topics[i * 3 + 1] === t || a.topics[i * 3 + 2] === t;
    if (ordinaryPoster && r.chance(0.2)) {
      const t = r.pick(PLAIN_EXPERT_TOPICS);
      if (!own(t)) a.onceTopic[i] = t;
    }
    if (persona === P.bot) a.sideTopic[i] = r.pick(['bitcoin', 'marketing', 'seo', 'startups', 'fashion', 'travel', 'video-games'].map(slugIndex));
    else if (first < 0 && persona !== P.farm && persona !== P.churner && r.chance(0.05)) {
      const t = r.pick(PLAIN_EXPERT_TOPICS);
      if (t !== a.onceTopic[i] && plain.has(t)) a.sideTopic[i] = t;
    }
  }
}

function slugIndex(slug: string): number {
  const i = SIM_TOPICS.findIndex((t) => t.slug === slug);
  if (i < 0) throw new Error(`no curated topic ${slug}`);
  return i;
}
