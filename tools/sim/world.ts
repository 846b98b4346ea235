/**
 * generateWorld: a deterministic synthetic social world with ground truth. Same config,
 * same world, on any machine (seeded sfc32; no clock, no Math.random, no I/O).
 *
 *   const world = generateWorld(resolveConfig('sample'));
 *   writeGenericTables(world, 'out/');           // write-generic.ts
 *   const truth = computeTruth(world);           // truth.ts
 *
 * Steps: accounts (personas, audiences, true influence) -> activity level (solved from
 * targetInteractions when given) -> true topics -> names -> follow graph -> posts and
 * engagement over history and future -> sorted by time, declared counts filled in.
 */
import { assignTopics, createAccounts } from './accounts.js';
import { type RawLikes, type RawPosts, simulateActivity } from './activity.js';
import type { WorldConfig } from './config.js';
import { permute, sortPermutationByTime } from './columns.js';
import { buildFollowGraph } from './graph.js';
import { makeNames } from './names.js';
import { Rng } from './random.js';
import { KIND_REPLY, KIND_RESHARE, P, type SimAccounts, type SimGroup, type SimLikes, type SimPosts, type World } from './world-types.js';

const DAY_MS = 86_400_000;

/** Generates the world described by `config` (see config.ts for presets). */
export function generateWorld(config: WorldConfig): World {
  const cfg = config;
  const rng = new Rng(cfg.seed, 'influence-sim');
  const { accounts, groups } = createAccounts(cfg, rng.fork('accounts'));
  const activity = cfg.targetInteractions !== undefined ? solveActivity(cfg, accounts, groups, cfg.targetInteractions) : cfg.activity;
  assignTopics(accounts, groups, activity, rng.fork('topics'));
  const names = makeNames(rng.fork('names'), accounts.persona, accounts.lang, (i) => accounts.topics[i * 3]!);
  accounts.handle = names.handle;
  accounts.displayName = names.displayName;
  const played = playActivity(cfg, accounts, groups, activity, rng);

  // sorting releases the unsorted columns one by one: peak memory stays near one copy
  const posts = sortPosts(played.posts);
  const likes = sortLikes(played.likes, posts.inverse);
  const world: World = {
    config: cfg,
    t0: cfg.asOf - cfg.historyDays * DAY_MS,
    asOf: cfg.asOf,
    end: cfg.asOf + cfg.futureDays * DAY_MS,
    accounts,
    posts: posts.posts,
    likes,
    follows: played.follows,
    followEvents: played.followEvents,
    groups,
    activity,
  };
  fillDeclared(world, played.inFollowers, played.inFollowing, rng.fork('declared'));
  return world;
}

/** Follow graph and activity; returns what the world keeps (the graph's indexes are dropped). */
function playActivity(cfg: WorldConfig, accounts: SimAccounts, groups: SimGroup[], activity: number, rng: Rng) {
  const graph = buildFollowGraph(cfg, accounts, groups, rng.fork('graph'));
  const act = simulateActivity(cfg, accounts, groups, graph, activity, rng.fork('activity'));
  const degree = (off: Int32Array) => Int32Array.from({ length: accounts.n }, (_, i) => off[i + 1]! - off[i]!);
  return {
    posts: act.posts as Partial<RawPosts>,
    likes: act.likes as Partial<RawLikes>,
    follows: graph.follows,
    followEvents: graph.followEvents,
    inFollowers: degree(graph.folOff),
    inFollowing: degree(graph.fwOff),
  };
}

/**
 * The activity multiplier that makes the expected number of engagement events up to asOf
 * equal `target`. Expected events are linear in activity (every mechanism scales with the
 * posting rate), so one pass at activity 1 gives the answer. SECONDARY covers reactions to
 * replies, quotes and mention posts and replies back (measured: ~1.3 on the presets).
 */
export function solveActivity(cfg: WorldConfig, a: SimAccounts, groups: SimGroup[], target: number): number {
  const SECONDARY = 1.3;
  const H = cfg.historyDays;
  const cap = Math.max(1, Math.floor(cfg.maxReactionShare * a.n));
  // bots post at their own rate: their reshares do not scale with activity
  let fixed = 0;
  let e1 = 0;
  for (let i = 0; i < a.n; i++) {
    const persona = a.persona[i]!;
    if (persona === P.bot) {
      fixed += a.rate[i]! * Math.min(H, cfg.botActiveDays) * 0.4;
      continue;
    }
    const x = (a.trend[i]! * H) / 90;
    const trendMean = Math.abs(x) < 1e-6 ? 1 : (1 - Math.exp(-x)) / x;
    e1 += a.rate[i]! * H * (Math.min(cap, a.q[i]! * trendMean) * SECONDARY + 0.06);
  }
  for (const g of groups) {
    const size = g.members.length;
    if (g.kind === 'pod') for (const m of g.members) e1 += a.rate[m]! * H * (size - 1) * 0.92 * 1.45;
    else if (g.kind === 'community') for (const m of g.members) e1 += a.rate[m]! * H * (size - 1) * 0.35;
    else if (g.target !== undefined) e1 += a.rate[g.target]! * H * size * 1.52;
  }
  if (!(e1 > 0)) return cfg.activity;
  return Math.max(0.01, (target - fixed) / e1);
}

/** Posts in time order (so ids grow with time, like snowflake ids), parents remapped. */
function sortPosts(raw: Partial<RawPosts>): { posts: SimPosts; inverse: Int32Array } {
  const n = raw.author!.length;
  const perm = sortPermutationByTime(raw.time!, n);
  const inverse = new Int32Array(n);
  for (let k = 0; k < n; k++) inverse[perm[k]!] = k;
  const parent = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const old = raw.parent![perm[k]!]!;
    parent[k] = old >= 0 ? inverse[old]! : -1;
  }
  delete raw.parent;
  const take = <K extends keyof RawPosts>(key: K): RawPosts[K] => {
    const out = permute(raw[key]!, perm);
    delete raw[key];
    return out;
  };
  const posts: SimPosts = {
    n,
    author: take('author'),
    time: take('time'),
    kind: take('kind'),
    content: take('content'),
    topic: take('topic'),
    parent,
    mention: take('mention'),
    fake: take('fake'),
    alsoEvent: take('alsoEvent'),
    likes: new Int32Array(n).fill(-1),
    reshares: new Int32Array(n).fill(-1),
    replies: new Int32Array(n).fill(-1),
  };
  return { inverse, posts };
}

function sortLikes(raw: Partial<RawLikes>, postInverse: Int32Array): SimLikes {
  const n = raw.actor!.length;
  const perm = sortPermutationByTime(raw.time!, n);
  const post = new Int32Array(n);
  for (let k = 0; k < n; k++) post[k] = postInverse[raw.post![perm[k]!]!]!;
  delete raw.post;
  const take = <K extends keyof RawLikes>(key: K): RawLikes[K] => {
    const out = permute(raw[key]!, perm);
    delete raw[key];
    return out;
  };
  return { n, actor: take('actor'), post, time: take('time'), fake: take('fake') };
}

/**
 * Declared numbers as an export at asOf shows them: per-post counts (for accounts whose
 * export has them) equal the events up to asOf; followers and following at least the
 * in-world ones; status count = posts in the history plus the account's earlier life.
 */
function fillDeclared(w: World, inFollowers: Int32Array, inFollowing: Int32Array, rng: Rng): void {
  const a = w.accounts;
  const p = w.posts;
  const asOfSec = (w.asOf - w.t0) / 1000;
  for (let k = 0; k < w.likes.n; k++) {
    if (w.likes.time[k]! > asOfSec) continue;
    const q = w.likes.post[k]!;
    if (a.declared[p.author[q]!]) p.likes[q] = Math.max(0, p.likes[q]!) + 1;
  }
  for (let q = 0; q < p.n; q++) {
    if (p.time[q]! <= asOfSec && a.declared[p.author[q]!]) {
      if (p.likes[q]! < 0) p.likes[q] = 0;
      if (p.reshares[q]! < 0) p.reshares[q] = 0;
      if (p.replies[q]! < 0) p.replies[q] = 0;
    }
  }
  const historyPosts = new Float64Array(a.n);
  for (let q = 0; q < p.n; q++) {
    if (p.time[q]! > asOfSec) continue;
    historyPosts[p.author[q]!]!++;
    const parent = p.parent[q]!;
    if (parent < 0 || !a.declared[p.author[parent]!]) continue;
    if (p.kind[q] === KIND_RESHARE) p.reshares[parent]!++;
    else if (p.kind[q] === KIND_REPLY) p.replies[parent]!++;
  }
  for (let i = 0; i < a.n; i++) {
    a.followers[i] = Math.max(a.followers[i]!, inFollowers[i]!);
    a.following[i] = Math.max(a.following[i]!, inFollowing[i]!);
    const earlierDays = Math.max(0, (w.t0 - a.createdAt[i]!) / DAY_MS);
    const rate = a.persona[i] === P.bot ? 0.5 : a.rate[i]! * w.activity;
    a.postsDeclared[i] = historyPosts[i]! + Math.round(rate * earlierDays * rng.uniform(0.3, 1));
  }
}

