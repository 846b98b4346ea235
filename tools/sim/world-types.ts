/**
 * The shape of a generated World: columnar tables of accounts, posts, likes, follows and
 * follow/unfollow events, history and future together. Post and like times are whole
 * seconds since `t0` (the history start); follow times are epoch ms (they predate t0).
 * Accounts, posts and likes refer to each other by index.
 */
import type { WorldConfig } from './config.js';
import type { Lang } from './lexicon.js';

/** Who an account is, finer than its archetype (index = SimAccounts.persona code). */
export const PERSONAS = [
  'lurker', 'everyday', 'expert', 'celebrity', 'rising', 'prolific', 'community',
  'farm', 'bot', 'pod', 'stuffer', 'serial-target', 'serial-engager', 'churner',
] as const;
/** One of PERSONAS. */
export type Persona = (typeof PERSONAS)[number];
/** persona name -> code */
export const P = Object.fromEntries(PERSONAS.map((p, i) => [p, i])) as { [K in Persona]: number };

/** The authenticity label of an account: 'ordinary' or the planted kind it is. */
export type Archetype =
  | 'ordinary' | 'follow-back-farm' | 'bot' | 'engagement-pod' | 'hashtag-stuffer' | 'serial-engaged' | 'serial-engager' | 'churner';

/** Archetype of each persona; prolific and community accounts are ordinary (hard negatives). */
export const ARCHETYPE_OF: Record<Persona, Archetype> = {
  lurker: 'ordinary', everyday: 'ordinary', expert: 'ordinary', celebrity: 'ordinary', rising: 'ordinary',
  prolific: 'ordinary', community: 'ordinary', farm: 'follow-back-farm', bot: 'bot', pod: 'engagement-pod',
  stuffer: 'hashtag-stuffer', 'serial-target': 'serial-engaged', 'serial-engager': 'serial-engager', churner: 'churner',
};

/** The authenticity flag code (DESIGN.md / issue 6) an account of this persona should raise, if any. */
export const EXPECTED_FLAG: Partial<Record<Persona, string>> = {
  farm: 'follow-back', bot: 'bot-cadence', pod: 'engagement-pod', stuffer: 'hashtag-stuffing',
  'serial-target': 'serial-engager', churner: 'churn',
};

/** Post kinds, in the engine's POST_KINDS order. */
export const KIND_ORIGINAL = 0;
/** A reply. */
export const KIND_REPLY = 1;
/** A reshare: the resharer's post referencing the original. */
export const KIND_RESHARE = 2;
/** A quote: a comment with the quoted post's link. */
export const KIND_QUOTE = 3;

/** What a post's text is made of (text is generated lazily from this, see text.ts). */
export const C = {
  chatter: 0, topic: 1, once: 2, spam: 3, stuffed: 4, reply: 5, replyBack: 6, quote: 7, reshare: 8, mention: 9,
} as const;

/** Accounts as columns (index = account). */
export interface SimAccounts {
  n: number;
  handle: string[];
  displayName: string[];
  persona: Uint8Array;
  /** pod / community / serial group index, -1 */
  group: Int32Array;
  /** index into LANGS */
  lang: Uint8Array;
  /** UTC offset in hours */
  tz: Float64Array;
  /** declared audience (the whole network, not just this world) */
  followers: Float64Array;
  following: Float64Array;
  listed: Float64Array;
  /** declared status count, filled after the simulation */
  postsDeclared: Float64Array;
  verified: Uint8Array;
  /** epoch ms */
  createdAt: Float64Array;
  /**
   * True influence: expected genuine reactions per original post at asOf, before the cap
   * that a world's size puts on it. Heavy-tailed; q = 0.015 * followers^0.7 * exp(eta).
   */
  q: Float64Array;
  /** log change of q per 90 days (rising accounts > 0) */
  trend: Float64Array;
  /** originals per day (before `activity`) */
  rate: Float64Array;
  /** propensity to engage others (weight when engagers are drawn) */
  engage: Float64Array;
  /** up to 3 true topics per account at [3i, 3i+3), -1 = none */
  topics: Int16Array;
  /** share of the account's originals that are about its true topics */
  topicShare: Float64Array;
  /** a topic mentioned in exactly one post, -1 */
  onceTopic: Int16Array;
  /** topic the account likes to read (follow homophily), -1 */
  interest: Int16Array;
  /** 1: the account's posts carry declared likes/reshares/replies counts */
  declared: Uint8Array;
  /** topic a bot spams about, or a bio-only topic mention, -1 */
  sideTopic: Int16Array;
}

/** Posts as columns, sorted by time (index = post). */
export interface SimPosts {
  n: number;
  author: Int32Array;
  /** seconds since t0 */
  time: Uint32Array;
  /** KIND_* */
  kind: Uint8Array;
  /** C.* */
  content: Uint8Array;
  /** topic index for topic/once/spam posts, -1 */
  topic: Int16Array;
  /** the post replied to, reshared or quoted, -1 */
  parent: Int32Array;
  /** the account an original mentions by @handle, -1 */
  mention: Int32Array;
  /** 1: produced by a gaming mechanism (pod, serial engager, bot), not genuine interest */
  fake: Uint8Array;
  /** 1: this reply is also written as an interactions.csv row */
  alsoEvent: Uint8Array;
  /** declared counts at asOf, -1 when the export has none */
  likes: Int32Array;
  reshares: Int32Array;
  replies: Int32Array;
}

/** Likes as columns, sorted by time. */
export interface SimLikes {
  n: number;
  actor: Int32Array;
  post: Int32Array;
  /** seconds since t0 */
  time: Uint32Array;
  fake: Uint8Array;
}

/** The follow graph at asOf, sorted by follower then followee. */
export interface SimFollows {
  n: number;
  follower: Int32Array;
  followee: Int32Array;
  /** epoch ms, NaN when unknown */
  time: Float64Array;
}

/** Follow and unfollow events (churners, and the odd ordinary unfollow). */
export interface SimFollowEvents {
  n: number;
  actor: Int32Array;
  target: Int32Array;
  /** 0 follow, 1 unfollow */
  kind: Uint8Array;
  /** epoch ms */
  time: Float64Array;
}

/** A planted group of accounts. */
export interface SimGroup {
  kind: 'pod' | 'community' | 'serial';
  members: number[];
  /** serial groups: the account the members engage */
  target?: number;
  /** community groups: the hobby they share, -1 */
  topic?: number;
}

/** A generated world: config, columns, groups. */
export interface World {
  config: WorldConfig;
  /** epoch ms of the history start (asOf - historyDays) */
  t0: number;
  asOf: number;
  /** epoch ms of the future window's end */
  end: number;
  accounts: SimAccounts;
  posts: SimPosts;
  likes: SimLikes;
  follows: SimFollows;
  followEvents: SimFollowEvents;
  groups: SimGroup[];
  /** `activity` actually used (solved when targetInteractions was given) */
  activity: number;
}

/** Epoch ms of a post's or like's time. */
export function toMs(world: World, seconds: number): number {
  return world.t0 + seconds * 1000;
}

/** Seconds since t0 of asOf: events at or before it are history. */
export function asOfSeconds(world: World): number {
  return (world.asOf - world.t0) / 1000;
}

/** Re-exported for convenience. */
export type { Lang };
