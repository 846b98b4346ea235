/**
 * Posting and engagement over the history and future windows.
 *
 * Originals: people post in sessions (1.6 posts per session on average, a few minutes
 * apart) at local hours drawn from a diurnal curve (low 2-6 am, peaks at lunch and
 * 8-10 pm: the shape reported by Golder & Macy 2011, "Diurnal and seasonal mood..." and
 * every Twitter activity-by-hour study since), so gaps between posts are bursty
 * (coefficient of variation well above 1). Bots post round the clock on a fixed period
 * with a 2% jitter (or none: schedulers), so their gaps have a CV near 0.
 *
 * Engagement on a post by author a at time t: K ~ Poisson(q_a(t) * quality), quality
 * lognormal with mean 1 and sigma 0.9 (a few posts go viral), q_a(t) = q_a *
 * exp(trend_a * (t - asOf) / 90 days), capped at `maxReactionShare` of the world.
 * Each reaction is a like (70%), reshare (13%), reply (11%), quote (3%) or mention (3%);
 * the engager is a follower of a (85%, weighted by the follower's propensity to engage) or
 * anyone (15%, same weights); the delay is lognormal with median 25 min (sigma 1.6), so
 * ~70% come within the hour (Sysomos 2010: 92% of retweets and 96% of replies within the
 * first hour of a tweet that gets any). Replies get a few likes and the replied-to
 * author answers back 30% of the time (conversations are reciprocal in real life too).
 *
 * Planted mechanisms: pod members like ~92% of each other's posts within minutes
 * (median 4 min) and often reply (15%) and reshare (20%); serial engagers like ~97% and reshare ~55%
 * of their target's posts; bots reshare recent popular posts; community members engage
 * ~35% of each other's posts at human delays (median 2 h) and are not flagged.
 */
import type { WorldConfig } from './config.js';
import { GrowTable, sortPermutationByTime } from './columns.js';
import type { FollowGraph } from './graph.js';
import { AliasTable, type Rng, sampleCumulative } from './random.js';
import { C, KIND_ORIGINAL, KIND_QUOTE, KIND_REPLY, KIND_RESHARE, P, type SimAccounts, type SimGroup } from './world-types.js';

const DAY = 86_400;
/** Relative posting intensity per local hour 0..23. */
export const DIURNAL = [2.0, 1.2, 0.7, 0.4, 0.3, 0.4, 0.8, 1.6, 2.6, 3.2, 3.4, 3.6, 3.9, 3.7, 3.4, 3.4, 3.5, 3.7, 4.0, 4.3, 4.5, 4.4, 3.8, 2.9];

/** Reaction kinds as drawn (like, reshare, reply, quote, mention). */
const R_LIKE = 0;
const R_RESHARE = 1;
const R_REPLY = 2;
const R_QUOTE = 3;
// 4: mention (the default branch of react)
const REACTION_MIX = [0.7, 0.13, 0.11, 0.03, 0.03];

const POST_SPEC = {
  author: Int32Array, time: Uint32Array, kind: Uint8Array, content: Uint8Array, topic: Int16Array,
  parent: Int32Array, mention: Int32Array, fake: Uint8Array, alsoEvent: Uint8Array,
};
const LIKE_SPEC = { actor: Int32Array, post: Int32Array, time: Uint32Array, fake: Uint8Array };

/** Unsorted posts and likes as simulated (world.ts sorts them by time). */
export interface RawPosts {
  author: Int32Array; time: Uint32Array; kind: Uint8Array; content: Uint8Array; topic: Int16Array;
  parent: Int32Array; mention: Int32Array; fake: Uint8Array; alsoEvent: Uint8Array;
}
/** Unsorted likes as simulated. */
export interface RawLikes {
  actor: Int32Array; post: Int32Array; time: Uint32Array; fake: Uint8Array;
}
/** What simulateActivity returns. */
export interface Activity {
  posts: RawPosts;
  likes: RawLikes;
}

const QUALITY_SIGMA = 0.9;

/** Simulates every post and engagement event from t0 to the end of the future window. */
export function simulateActivity(cfg: WorldConfig, a: SimAccounts, groups: SimGroup[], g: FollowGraph, activity: number, rng: Rng): Activity {
  const n = a.n;
  const endSec = (cfg.historyDays + cfg.futureDays) * DAY;
  const asOfSec = cfg.historyDays * DAY;
  const posts = new GrowTable(POST_SPEC, Math.max(1024, Math.round(n * 4)));
  const likes = new GrowTable(LIKE_SPEC, Math.max(1024, n * 8));
  const P_ = posts.cols;

  const addPost = (author: number, time: number, kind: number, content: number, topic: number, parent: number, mention: number, fake: number): number => {
    const p = posts.add();
    const c = posts.cols;
    c.author[p] = author;
    c.time[p] = time;
    c.kind[p] = kind;
    c.content[p] = content;
    c.topic[p] = topic;
    c.parent[p] = parent;
    c.mention[p] = mention;
    c.fake[p] = fake;
    return p;
  };
  const addLike = (actor: number, post: number, time: number, fake: number) => {
    const l = likes.add();
    const c = likes.cols;
    c.actor[l] = actor;
    c.post[l] = post;
    c.time[l] = time;
    c.fake[l] = fake;
  };

  // ---- originals
  const r = rng.fork('originals');
  const hours = new AliasTable(DIURNAL);
  const botReshareSlots: number[] = [];
  for (let i = 0; i < n; i++) {
    const persona = a.persona[i]!;
    if (persona === P.bot) {
      const from = Math.max(0, asOfSec - cfg.botActiveDays * DAY);
      const period = DAY / a.rate[i]!;
      const jitter = r.chance(0.3) ? 0 : 0.02 * period;
      for (let t = from + r.uniform(0, period); t < endSec; t += period) {
        const at = Math.round(t + jitter * r.normal());
        if (at < 0 || at >= endSec) continue;
        if (r.chance(0.4)) botReshareSlots.push(addPost(i, at, KIND_RESHARE, C.reshare, -1, -1, -1, 1));
        else addPost(i, at, KIND_ORIGINAL, C.spam, a.sideTopic[i]!, -1, -1, 0);
      }
      continue;
    }
    const perDay = a.rate[i]! * activity;
    const sessionSize = persona === P.prolific ? 4 : 1.6;
    const sessions = r.poisson((perDay * endSec) / DAY / sessionSize);
    const share = a.topicShare[i]!;
    const nTopics = a.topics[i * 3]! < 0 ? 0 : a.topics[i * 3 + 1]! < 0 ? 1 : a.topics[i * 3 + 2]! < 0 ? 2 : 3;
    const followees = g.fwOff[i + 1]! - g.fwOff[i]!;
    for (let s = 0; s < sessions; s++) {
      let t = localTime(r, hours, r.int(Math.ceil(endSec / DAY)), a.tz[i]!);
      const size = 1 + r.geometric(1 / sessionSize);
      for (let k = 0; k < size; k++) {
        if (t >= 0 && t < endSec) {
          let content: number = C.chatter;
          let topic = -1;
          let mention = -1;
          if (persona === P.stuffer && r.chance(0.9)) content = C.stuffed;
          else if (nTopics > 0 && r.chance(share)) {
            content = C.topic;
            topic = a.topics[i * 3 + r.int(nTopics)]!;
          } else if (followees > 0 && r.chance(0.07)) {
            mention = g.fwIds[g.fwOff[i]! + r.int(followees)]!;
          }
          addPost(i, t, KIND_ORIGINAL, content, topic, -1, mention, 0);
        }
        t += Math.round(r.lognormal(Math.log(180), 1.0));
      }
    }
    if (a.onceTopic[i]! >= 0) {
      const day = Math.floor((asOfSec - 90 * DAY) / DAY) + r.int(89);
      const t = Math.min(asOfSec - 1, Math.max(0, localTime(r, hours, day, a.tz[i]!)));
      addPost(i, t, KIND_ORIGINAL, C.once, a.onceTopic[i]!, -1, -1, 0);
    }
  }

  // ---- bots reshare recent popular originals
  fillBotReshares(posts.length, P_, botReshareSlots, a, r);

  // ---- reactions, in creation order (reaction posts are appended and processed in turn)
  const re = rng.fork('reactions');
  const anyone = new AliasTable(a.engage);
  const mix = new AliasTable(REACTION_MIX);
  const cap = Math.max(1, Math.floor(cfg.maxReactionShare * n));
  const seen: number[] = [];
  let seenSet: Set<number> | undefined;
  const already = (key: number) => (seenSet ? seenSet.has(key) : seen.includes(key));
  const remember = (key: number) => {
    seen.push(key);
    if (seenSet) seenSet.add(key);
    else if (seen.length > 48) seenSet = new Set(seen);
  };
  const groupOf = (i: number) => (a.group[i]! >= 0 ? groups[a.group[i]!] : undefined);
  const qAt = (i: number, t: number) => a.q[i]! * Math.exp((a.trend[i]! * (t - asOfSec)) / (90 * DAY));

  const react = (p: number, actor: number, kind: number, t: number, fake: number): void => {
    if (t >= endSec) return;
    const key = actor * 8 + kind;
    if (already(key)) return;
    remember(key);
    if (kind === R_LIKE) addLike(actor, p, t, fake);
    else if (kind === R_RESHARE) addPost(actor, t, KIND_RESHARE, C.reshare, -1, p, -1, fake);
    else if (kind === R_REPLY) {
      const q = addPost(actor, t, KIND_REPLY, C.reply, -1, p, -1, fake);
      if (re.chance(cfg.replyEventsShare)) posts.cols.alsoEvent[q] = 1;
    } else if (kind === R_QUOTE) addPost(actor, t, KIND_QUOTE, C.quote, -1, p, -1, fake);
    else addPost(actor, t, KIND_ORIGINAL, C.mention, -1, -1, P_.author[p]!, fake);
  };
  const delay = (medianSec: number, sigma: number) => Math.max(5, Math.round(medianSec * Math.exp(sigma * re.normal())));

  for (let p = 0; p < posts.length; p++) {
    const c = posts.cols;
    const kind = c.kind[p]!;
    if (kind === KIND_RESHARE) continue;
    const author = c.author[p]!;
    const t = c.time[p]!;
    const content = c.content[p]!;
    seen.length = 0;
    seenSet = undefined;
    remember(author * 8 + R_LIKE);
    let lam = qAt(author, t) * re.lognormal(-0.5 * QUALITY_SIGMA * QUALITY_SIGMA, QUALITY_SIGMA);
    if (kind === KIND_QUOTE) lam *= 0.5;
    else if (kind === KIND_REPLY) lam *= 0.15;
    const K = Math.min(cap, re.poisson(lam));
    const lo = g.folOff[author]!;
    const hi = g.folOff[author + 1]!;
    const followersWeight = hi > lo ? g.folCum[hi - 1]! - (lo > 0 ? g.folCum[lo - 1]! : 0) : 0;
    for (let k = 0; k < K; k++) {
      const rk = kind === KIND_REPLY ? R_LIKE : mix.sample(re);
      let engager = -1;
      for (let tries = 0; tries < 4; tries++) {
        const e = followersWeight > 0 && re.chance(0.85) ? g.folIds[sampleCumulative(g.folCum, lo, hi, re)]! : anyone.sample(re);
        if (e !== author && !already(e * 8 + rk)) {
          engager = e;
          break;
        }
      }
      if (engager >= 0) react(p, engager, rk, t + delay(1500, 1.6), 0);
    }

    if (kind === KIND_REPLY && content === C.reply) {
      const parent = c.parent[p]!;
      const pa = c.author[parent]!;
      const pk = c.kind[parent]!;
      if (pa !== author && (pk === KIND_ORIGINAL || pk === KIND_QUOTE)) {
        const pp = a.persona[pa]!;
        const chance = pp === P.celebrity ? 0.03 : pp === P.pod ? 0.5 : pp === P.bot ? 0 : 0.3;
        if (re.chance(chance)) {
          const at = t + delay(2400, 1.3);
          if (at < endSec) addPost(pa, at, KIND_REPLY, C.replyBack, -1, p, -1, c.fake[p]!);
        }
      }
    }

    if (kind !== KIND_ORIGINAL && kind !== KIND_QUOTE) continue;
    const persona = a.persona[author]!;
    const grp = groupOf(author);
    if (persona === P.pod && grp) {
      for (const m of grp.members) {
        if (m === author || !re.chance(0.92)) continue;
        react(p, m, R_LIKE, t + Math.min(3600, delay(240, 0.5)), 1);
        if (re.chance(0.15)) react(p, m, R_REPLY, t + Math.min(3600, delay(300, 0.5)), 1);
        if (re.chance(0.2)) react(p, m, R_RESHARE, t + Math.min(3600, delay(280, 0.5)), 1);
      }
    } else if (persona === P.community && grp) {
      for (const m of grp.members) {
        if (m === author || !re.chance(0.35)) continue;
        const x = re.next();
        react(p, m, x < 0.65 ? R_LIKE : x < 0.9 ? R_REPLY : R_RESHARE, t + delay(7200, 1.3), 0);
      }
    } else if (persona === P['serial-target'] && grp && kind === KIND_ORIGINAL) {
      for (const m of grp.members) {
        if (re.chance(0.97)) react(p, m, R_LIKE, t + delay(360, 0.8), 1);
        if (re.chance(0.55)) react(p, m, R_RESHARE, t + delay(420, 0.8), 1);
      }
    }
  }

  return { posts: posts.finish(), likes: likes.finish() };
}

/** Seconds since t0 of a random moment on `day` at a diurnally drawn local hour. */
function localTime(r: Rng, hours: AliasTable, day: number, tz: number): number {
  const localHour = hours.sample(r);
  return Math.round(day * DAY + (localHour - tz) * 3600 + r.int(3600));
}

function fillBotReshares(n: number, c: RawPosts, slots: number[], a: SimAccounts, r: Rng): void {
  if (slots.length === 0) return;
  const originals: number[] = [];
  for (let p = 0; p < n; p++) if (c.kind[p] === KIND_ORIGINAL && a.persona[c.author[p]!] !== P.bot) originals.push(p);
  const times = Uint32Array.from(originals, (p) => c.time[p]!);
  const order = sortPermutationByTime(times, times.length);
  const sorted = Int32Array.from(order, (k) => originals[k]!);
  for (const slot of slots) {
    const t = c.time[slot]!;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (c.time[sorted[m]!]! < t) lo = m + 1;
      else hi = m;
    }
    if (lo === 0) {
      c.kind[slot] = KIND_ORIGINAL;
      c.content[slot] = C.spam;
      c.topic[slot] = a.sideTopic[c.author[slot]!]!;
      c.fake[slot] = 0;
      continue;
    }
    let best = sorted[lo - 1 - r.int(Math.min(lo, 300))]!;
    for (let k = 0; k < 2; k++) {
      const cand = sorted[lo - 1 - r.int(Math.min(lo, 300))]!;
      if (a.q[c.author[cand]!]! > a.q[c.author[best]!]!) best = cand;
    }
    c.parent[slot] = best;
  }
}
