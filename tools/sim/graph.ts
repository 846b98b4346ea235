/**
 * The follow graph inside the world (a sample of each account's whole audience): who
 * follows whom, when, and the follow/unfollow events of churners.
 *
 * Each account follows about `followsPerAccount` accounts of the world (more when its
 * declared following is larger: k ~ sqrt(following)), chosen by preferential attachment
 * (weight followers^0.6, so in-world audiences track declared ones without celebrities
 * taking every edge) and by homophily (35% of choices among accounts whose true topic is
 * the follower's interest). Ordinary accounts follow back 20% of the time (Kwak et al.
 * 2010 measured 22% reciprocity on Twitter); follow-back farms and churners get followed
 * back more, which is how they grow. Pods and communities follow each other.
 */
import type { WorldConfig } from './config.js';
import { GrowTable } from './columns.js';
import { AliasTable, type Rng } from './random.js';
import { P, type SimAccounts, type SimFollowEvents, type SimFollows, type SimGroup } from './world-types.js';

const DAY_MS = 86_400_000;

/** The follow graph and its indexes (CSR) used while simulating. */
export interface FollowGraph {
  follows: SimFollows;
  followEvents: SimFollowEvents;
  /** CSR: followers of account i are folIds[folOff[i] .. folOff[i+1]) */
  folOff: Int32Array;
  folIds: Int32Array;
  /** running sum of the followers' engagement propensity, for weighted engager draws */
  folCum: Float64Array;
  /** CSR: accounts that i follows */
  fwOff: Int32Array;
  fwIds: Int32Array;
}

/** Builds the in-world follow graph and follow/unfollow events. */
export function buildFollowGraph(cfg: WorldConfig, a: SimAccounts, groups: SimGroup[], rng: Rng): FollowGraph {
  const n = a.n;
  const r = rng.fork('graph');
  const edges = new GrowTable({ follower: Int32Array, followee: Int32Array, time: Float64Array }, n * 4);
  const events = new GrowTable(EVENT_SPEC, 256);
  const t0 = cfg.asOf - cfg.historyDays * DAY_MS;

  const edgeTime = (x: number, y: number): number => {
    if (!r.chance(cfg.followTimesShare)) return NaN;
    const from = Math.max(a.createdAt[x]!, a.createdAt[y]!);
    // newer edges are more frequent (audiences grow), so skew toward asOf
    return Math.round((from + (cfg.asOf - from) * Math.pow(r.next(), 0.5)) / 1000) * 1000;
  };
  const add = (x: number, y: number, time: number) => {
    if (x === y) return;
    const e = edges.add();
    edges.cols.follower[e] = x;
    edges.cols.followee[e] = y;
    // a follow-back drawn past the export date happened just before it
    edges.cols.time[e] = time > cfg.asOf ? cfg.asOf : time;
  };

  const attract = new Float64Array(n);
  for (let i = 0; i < n; i++) attract[i] = Math.pow(a.followers[i]! + 1, 0.6);
  const global = new AliasTable(attract);
  const byTopic = topicTables(a, attract);

  // how many in-world accounts each account follows
  const raw = new Float64Array(n);
  let rawSum = 0;
  for (let i = 0; i < n; i++) {
    raw[i] = Math.sqrt((a.following[i]! + 1) / 220) * r.lognormal(0, 0.3);
    rawSum += raw[i]!;
  }
  const scale = (cfg.followsPerAccount * n) / rawSum;
  const maxK = Math.max(1, Math.min(n - 1, Math.floor(n * 0.3), 3000));

  const chosen: number[] = [];
  for (let j = 0; j < n; j++) {
    const persona = a.persona[j]!;
    let k = Math.round(raw[j]! * scale);
    // farms mass-follow: tens of times the usual in-world following
    if (persona === P.farm) k = Math.min(maxK, a.following[j]!, 40 * cfg.followsPerAccount);
    else if (persona === P.churner) k *= 2;
    k = Math.max(1, Math.min(maxK, k));
    chosen.length = 0;
    const seen = k > 48 ? new Set<number>() : undefined;
    const interest = a.interest[j]!;
    const topical = interest >= 0 ? byTopic[interest] : undefined;
    for (let tries = 0; chosen.length < k && tries < k * 4; tries++) {
      const pick = topical && r.chance(0.35) ? topical.ids[topical.table.sample(r)]! : global.sample(r);
      if (pick === j || (seen ? seen.has(pick) : chosen.includes(pick))) continue;
      chosen.push(pick);
      seen?.add(pick);
    }
    for (const i of chosen) {
      const time = edgeTime(j, i);
      add(j, i, time);
      const back = followBackChance(a, j, i);
      if (back > 0 && r.chance(back)) add(i, j, Number.isNaN(time) ? NaN : time + Math.round(r.lognormal(Math.log(DAY_MS), 1)));
    }
  }

  for (const g of groups) {
    if (g.kind === 'pod' || g.kind === 'community') {
      const p = g.kind === 'pod' ? 1 : 0.9;
      for (const x of g.members) for (const y of g.members) if (x !== y && r.chance(p)) add(x, y, edgeTime(x, y));
    } else if (g.target !== undefined) {
      for (const x of g.members) add(x, g.target, edgeTime(x, g.target));
    }
  }

  // churners: bursts of follows, most undone a few days later unless followed back
  const churnFrom = cfg.asOf - Math.min(cfg.historyDays, 90) * DAY_MS;
  for (let j = 0; j < n; j++) {
    if (a.persona[j] === P.churner) {
      for (let t = churnFrom + r.uniform(0, 3) * DAY_MS; t < cfg.asOf; t += r.uniform(3, 7) * DAY_MS) {
        const batch = Math.min(r.between(10, 30), Math.floor(n / 4));
        let at = t;
        for (let b = 0; b < batch; b++) {
          at += Math.round(r.uniform(10, 120)) * 1000;
          const target = global.sample(r);
          if (target === j) continue;
          pushEvent(events, j, target, 0, Math.round(at / 1000) * 1000);
          if (r.chance(0.15)) {
            add(j, target, Math.round(at / 1000) * 1000);
            add(target, j, Math.round((at + r.uniform(0.1, 2) * DAY_MS) / 1000) * 1000);
          } else if (r.chance(0.9)) {
            pushEvent(events, j, target, 1, Math.round((at + r.uniform(1, 4) * DAY_MS) / 1000) * 1000);
          } else {
            add(j, target, Math.round(at / 1000) * 1000);
          }
        }
      }
    } else if (a.persona[j] !== P.bot && r.chance(0.03)) {
      // the odd ordinary change of mind: one follow, undone weeks later
      const target = global.sample(r);
      if (target !== j) {
        const at = Math.round((t0 + r.uniform(0, cfg.historyDays - 60) * DAY_MS) / 1000) * 1000;
        pushEvent(events, j, target, 0, at);
        pushEvent(events, j, target, 1, at + Math.round(r.uniform(30, 60) * DAY_MS));
      }
    }
  }

  const follows = dedupeEdges(n, edges.finish());
  const ev = events.finish();
  const followEvents: SimFollowEvents = { n: ev.actor.length, ...ev };
  return { follows, followEvents, ...indexGraph(n, follows, a.engage) };
}

const EVENT_SPEC = { actor: Int32Array, target: Int32Array, kind: Uint8Array, time: Float64Array };

function pushEvent(t: GrowTable<typeof EVENT_SPEC>, actor: number, target: number, kind: number, time: number): void {
  const e = t.add();
  t.cols.actor[e] = actor;
  t.cols.target[e] = target;
  t.cols.kind[e] = kind;
  t.cols.time[e] = time;
}

/** Chance that followee i follows follower j back. */
function followBackChance(a: SimAccounts, j: number, i: number): number {
  const pi = a.persona[i]!;
  if (pi === P.farm) return 0.9;
  if (pi === P.celebrity || pi === P.bot) return 0.01;
  const pj = a.persona[j]!;
  if (pj === P.farm) return 0.35;
  if (pj === P.churner) return 0.15;
  return a.followers[i]! < 2000 ? 0.2 : 0.05;
}

function topicTables(a: SimAccounts, attract: Float64Array): ({ ids: Int32Array; table: AliasTable } | undefined)[] {
  const members = new Map<number, number[]>();
  for (let i = 0; i < a.n; i++) {
    for (let k = 0; k < 3; k++) {
      const t = a.topics[i * 3 + k]!;
      if (t >= 0) {
        let list = members.get(t);
        if (!list) members.set(t, (list = []));
        list.push(i);
      }
    }
  }
  const out: ({ ids: Int32Array; table: AliasTable } | undefined)[] = [];
  for (const [t, list] of members) {
    const ids = Int32Array.from(list);
    out[t] = { ids, table: new AliasTable(Array.from(ids, (i) => attract[i]!)) };
  }
  return out;
}

/** Drops repeated (follower, followee) pairs, keeping the earliest known time; sorted by follower then followee. */
function dedupeEdges(n: number, e: { follower: Int32Array; followee: Int32Array; time: Float64Array }): SimFollows {
  const m = e.follower.length;
  const off = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) off[e.follower[k]! + 1]!++;
  for (let i = 0; i < n; i++) off[i + 1]! += off[i]!;
  const pos = off.slice(0, n);
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[pos[e.follower[k]!]!++] = k;
  const follower = new Int32Array(m);
  const followee = new Int32Array(m);
  const time = new Float64Array(m);
  let w = 0;
  const seg: number[] = [];
  for (let i = 0; i < n; i++) {
    seg.length = 0;
    for (let s = off[i]!; s < off[i + 1]!; s++) seg.push(order[s]!);
    seg.sort((x, y) => e.followee[x]! - e.followee[y]! || x - y);
    for (let s = 0; s < seg.length; s++) {
      const k = seg[s]!;
      if (s > 0 && e.followee[seg[s - 1]!] === e.followee[k]) {
        const t = e.time[k]!;
        if (!Number.isNaN(t) && (Number.isNaN(time[w - 1]!) || t < time[w - 1]!)) time[w - 1] = t;
        continue;
      }
      follower[w] = i;
      followee[w] = e.followee[k]!;
      time[w] = e.time[k]!;
      w++;
    }
  }
  return { n: w, follower: follower.slice(0, w), followee: followee.slice(0, w), time: time.slice(0, w) };
}

function indexGraph(n: number, f: SimFollows, engage: Float64Array) {
  const fwOff = new Int32Array(n + 1);
  for (let k = 0; k < f.n; k++) fwOff[f.follower[k]! + 1]!++;
  for (let i = 0; i < n; i++) fwOff[i + 1]! += fwOff[i]!;
  const fwIds = f.followee.slice();
  const folOff = new Int32Array(n + 1);
  for (let k = 0; k < f.n; k++) folOff[f.followee[k]! + 1]!++;
  for (let i = 0; i < n; i++) folOff[i + 1]! += folOff[i]!;
  const pos = folOff.slice(0, n);
  const folIds = new Int32Array(f.n);
  for (let k = 0; k < f.n; k++) folIds[pos[f.followee[k]!]!++] = f.follower[k]!;
  const folCum = new Float64Array(f.n);
  let acc = 0;
  for (let k = 0; k < f.n; k++) {
    acc += engage[folIds[k]!]!;
    folCum[k] = acc;
  }
  return { folOff, folIds, folCum, fwOff, fwIds };
}
