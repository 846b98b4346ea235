/**
 * Ground truth of a World: per account its persona and authenticity label, true influence
 * q, true topics (and the topic it mentioned exactly once), and the engagement it received
 * in the scoring window before asOf ("past") and in the window after it ("future"),
 * counted from the generated events: the future numbers use events after asOf only.
 */
import type { WorldConfig } from './config.js';
import { ENGAGEMENT_KINDS, forEachEngagement } from './events.js';
import { SIM_TOPICS } from './topics.js';
import { ARCHETYPE_OF, C, EXPECTED_FLAG, KIND_ORIGINAL, PERSONAS, type Archetype, type Persona, type World } from './world-types.js';

/** Engagement received by one account over a window. */
export interface WindowStats {
  /** posts the account wrote in the window (all kinds) */
  posts: number;
  /** engagement events received: likes, replies, reshares, quotes, mentions */
  reactions: number;
  /** distinct accounts behind those events */
  engagers: number;
  /** the same, without events produced by gaming (pods, serial engagers, bots) */
  genuineReactions: number;
  genuineEngagers: number;
  /** reactions by kind */
  byKind: { reply: number; reshare: number; quote: number; mention: number; like: number };
}

/** Ground truth for one account. */
export interface AccountTruth {
  handle: string;
  persona: Persona;
  /** 'ordinary' or the planted kind */
  archetype: Archetype;
  /** the authenticity flag code this account should raise, or null */
  expectedFlag: string | null;
  /** 'pod-3', 'community-1', 'serial-0' or null */
  group: string | null;
  /** true influence: expected genuine reactions per original post at asOf (uncapped) */
  q: number;
  /** true topic slugs */
  topics: string[];
  /** topics the account wrote about exactly once (must not be assigned) */
  onceTopics: string[];
  /** a topic named only in the bio, never in a post (must not be assigned), or null */
  bioOnlyTopic: string | null;
  /** originals per topic (true and once topics) in the past window */
  topicPosts: Record<string, number>;
  past: WindowStats;
  future: WindowStats;
}

/** A planted group (pod, community, serial engagers and their target), by handles. */
export interface TruthGroup {
  id: string;
  kind: 'pod' | 'community' | 'serial';
  members: string[];
  target?: string;
  topic?: string;
}

/** Ground truth of a world: the content of truth.json. */
export interface Truth {
  schema: 1;
  generator: 'influence-sim';
  config: WorldConfig;
  /** activity multiplier used */
  activity: number;
  asOf: string;
  /** length of the past window, days */
  windowDays: number;
  futureDays: number;
  topics: { slug: string; name: string; expert: boolean; everyday: boolean }[];
  groups: TruthGroup[];
  accounts: AccountTruth[];
}

const emptyStats = (): WindowStats => ({
  posts: 0, reactions: 0, engagers: 0, genuineReactions: 0, genuineEngagers: 0,
  byKind: { reply: 0, reshare: 0, quote: 0, mention: 0, like: 0 },
});

/** Rounds to 4 significant digits (truth files stay readable and diffable). */
const sig4 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));

/** Ground truth of `world`; the past window is the `windowDays` before asOf. */
export function computeTruth(world: World, windowDays = 90): Truth {
  const a = world.accounts;
  const n = a.n;
  const asOfSec = (world.asOf - world.t0) / 1000;
  const pastFrom = asOfSec - windowDays * 86400;
  const endSec = (world.end - world.t0) / 1000;
  const past = Array.from({ length: n }, emptyStats);
  const future = Array.from({ length: n }, emptyStats);
  const pastKeys: number[] = [];
  const futureKeys: number[] = [];

  // window membership: past = (pastFrom, asOf], future = (asOf, end]
  const which = (t: number) => (t > asOfSec ? (t <= endSec ? 1 : -1) : t > pastFrom ? 0 : -1);
  for (let q = 0; q < world.posts.n; q++) {
    const w = which(world.posts.time[q]!);
    if (w >= 0) (w === 0 ? past : future)[world.posts.author[q]!]!.posts++;
  }
  forEachEngagement(world, (actor, target, kind, time, _s, _t, fake) => {
    const w = which(time);
    if (w < 0) return;
    const s = (w === 0 ? past : future)[target]!;
    s.reactions++;
    if (!fake) s.genuineReactions++;
    s.byKind[ENGAGEMENT_KINDS[kind]!]++;
    (w === 0 ? pastKeys : futureKeys).push((target * n + actor) * 2 + (fake ? 0 : 1));
  });
  countEngagers(pastKeys, n, past);
  countEngagers(futureKeys, n, future);

  const topicPosts = topicPostCounts(world, pastFrom, asOfSec);
  const groupName = world.groups.map((g, k) => `${g.kind}-${k}`);
  const accounts: AccountTruth[] = [];
  for (let i = 0; i < n; i++) {
    const persona = PERSONAS[a.persona[i]!]!;
    const topics: string[] = [];
    for (let k = 0; k < 3; k++) {
      const t = a.topics[i * 3 + k]!;
      if (t >= 0) topics.push(SIM_TOPICS[t]!.slug);
    }
    const once = a.onceTopic[i]!;
    const side = a.sideTopic[i]!;
    accounts.push({
      handle: a.handle[i]!,
      persona,
      archetype: ARCHETYPE_OF[persona],
      expectedFlag: EXPECTED_FLAG[persona] ?? null,
      group: a.group[i]! >= 0 ? groupName[a.group[i]!]! : null,
      q: sig4(a.q[i]!),
      topics,
      onceTopics: once >= 0 ? [SIM_TOPICS[once]!.slug] : [],
      bioOnlyTopic: side >= 0 && persona !== 'bot' ? SIM_TOPICS[side]!.slug : null,
      topicPosts: topicPosts.get(i) ?? {},
      past: past[i]!,
      future: future[i]!,
    });
  }
  return {
    schema: 1,
    generator: 'influence-sim',
    config: world.config,
    activity: sig4(world.activity),
    asOf: new Date(world.asOf).toISOString(),
    windowDays,
    futureDays: world.config.futureDays,
    topics: SIM_TOPICS.map((t) => ({ slug: t.slug, name: t.name, expert: t.expert, everyday: t.everyday })),
    groups: world.groups.map((g, k) => ({
      id: groupName[k]!,
      kind: g.kind,
      members: g.members.map((m) => a.handle[m]!),
      ...(g.target !== undefined ? { target: a.handle[g.target]! } : {}),
      ...(g.topic !== undefined && g.topic >= 0 ? { topic: SIM_TOPICS[g.topic]!.slug } : {}),
    })),
    accounts,
  };
}

/** Distinct engagers per target from keys (target*n + actor)*2 + genuine. */
function countEngagers(keys: number[], n: number, stats: WindowStats[]): void {
  const sorted = Float64Array.from(keys).sort();
  let k = 0;
  while (k < sorted.length) {
    const pair = Math.floor(sorted[k]! / 2);
    let genuine = false;
    while (k < sorted.length && Math.floor(sorted[k]! / 2) === pair) {
      if (sorted[k]! % 2 === 1) genuine = true;
      k++;
    }
    const s = stats[Math.floor(pair / n)]!;
    s.engagers++;
    if (genuine) s.genuineEngagers++;
  }
}

function topicPostCounts(world: World, from: number, to: number): Map<number, Record<string, number>> {
  const out = new Map<number, Record<string, number>>();
  const p = world.posts;
  for (let q = 0; q < p.n; q++) {
    const c = p.content[q]!;
    if (p.kind[q] !== KIND_ORIGINAL || (c !== C.topic && c !== C.once)) continue;
    const t = p.time[q]!;
    if (t <= from || t > to) continue;
    const i = p.author[q]!;
    let rec = out.get(i);
    if (!rec) out.set(i, (rec = {}));
    const slug = SIM_TOPICS[p.topic[q]!]!.slug;
    rec[slug] = (rec[slug] ?? 0) + 1;
  }
  return out;
}

