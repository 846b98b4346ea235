/**
 * The window's activity, indexed once for every signal: in-window posts by author (times
 * sorted), and engagement events grouped into pairs (engager -> account) with how many
 * events and how many distinct posts of the account each pair covers.
 *
 * Everything is counting sorts on typed arrays: O(accounts + posts log posts-per-author +
 * interactions), no per-account loop over all interactions.
 *
 * What counts as an engagement event here: kind reply, reshare, quote, mention or like;
 * actor and target both known and different (self-engagement is never evidence); inside
 * the window (asOf - windowDays, asOf]. An event without a time counts when the post it
 * reacts to is in the window; without a time and without a post it cannot be placed and
 * is left out (missing data must not fire a flag).
 */
import { KIND, type Population, type ScoringWindow } from '../population.js';
import { DAY } from './measure.js';

const ENGAGEMENT_KINDS = new Uint8Array(8);
for (const k of ['reply', 'reshare', 'quote', 'mention', 'like'] as const) ENGAGEMENT_KINDS[KIND[k]] = 1;

/** Engagement pairs (engager -> account), grouped by account: pairs of t are start[t]..start[t+1]. */
export interface EngagementPairs {
  n: number;
  actor: Int32Array;
  target: Int32Array;
  /** engagement events of the pair in the window */
  events: Int32Array;
  /** distinct in-window posts of the target the pair engaged (coverage numerator) */
  posts: Int32Array;
  /** CSR offsets by target account, length accounts + 1 */
  start: Int32Array;
}

export interface Activity {
  accounts: number;
  /** window bounds: (from, asOf] */
  from: number;
  asOf: number;
  windowDays: number;
  /** per post: 1 when created inside the window */
  postInWindow: Uint8Array;
  /** per account: posts in the window */
  postCount: Int32Array;
  /** in-window post times grouped by author, ascending: postTimes[postStart[a] .. postStart[a+1]) */
  postStart: Int32Array;
  postTimes: Float64Array;
  /** per interaction: its engagement pair, or -1 when it is not a counted engagement event */
  eventPair: Int32Array;
  /** counted engagement events grouped by target: eventOrder[eventStart[t] .. eventStart[t+1]) */
  eventStart: Int32Array;
  eventOrder: Int32Array;
  pairs: EngagementPairs;
  /** true when the window holds at least one counted engagement event (an event dataset) */
  eventsObserved: boolean;
}

/** Indexes a population's window for the signals. */
export function indexActivity(pop: Population, window: ScoringWindow): Activity {
  const n = pop.accounts.n;
  const asOf = window.asOf;
  const from = asOf - window.windowDays * DAY;
  const inWindow = (t: number): boolean => t > from && t <= asOf;

  // Posts in the window, grouped by author, times ascending.
  const P = pop.posts;
  const postInWindow = new Uint8Array(P.n);
  const postStart = new Int32Array(n + 1);
  for (let p = 0; p < P.n; p++) {
    const a = P.author[p]!;
    const t = P.createdAt[p]!;
    if (a >= 0 && a < n && inWindow(t)) {
      postInWindow[p] = 1;
      postStart[a + 1]!++;
    }
  }
  for (let a = 0; a < n; a++) postStart[a + 1]! += postStart[a]!;
  const postCount = new Int32Array(n);
  const postTimes = new Float64Array(postStart[n]!);
  for (let p = 0; p < P.n; p++) {
    if (!postInWindow[p]) continue;
    const a = P.author[p]!;
    postTimes[postStart[a]! + postCount[a]!++] = P.createdAt[p]!;
  }
  for (let a = 0; a < n; a++) if (postCount[a]! > 1) postTimes.subarray(postStart[a]!, postStart[a + 1]!).sort();

  // Counted engagement events, grouped by target (counting sort).
  const I = pop.interactions;
  const eventPair = new Int32Array(I.n).fill(-1);
  const eventStart = new Int32Array(n + 1);
  let counted = 0;
  for (let e = 0; e < I.n; e++) {
    if (!ENGAGEMENT_KINDS[I.kind[e]!]) continue;
    const a = I.actor[e]!;
    const t = I.target[e]!;
    if (a < 0 || t < 0 || a >= n || t >= n || a === t) continue;
    const time = I.createdAt[e]!;
    const post = I.targetPost[e]!;
    const placed = Number.isNaN(time) ? post >= 0 && post < P.n && postInWindow[post] === 1 : inWindow(time);
    if (!placed) continue;
    eventPair[e] = -2; // counted; pair assigned below
    eventStart[t + 1]!++;
    counted++;
  }
  for (let t = 0; t < n; t++) eventStart[t + 1]! += eventStart[t]!;
  const eventOrder = new Int32Array(counted);
  const fill = eventStart.slice(0, n);
  for (let e = 0; e < I.n; e++) if (eventPair[e] === -2) eventOrder[fill[I.target[e]!]!++] = e;

  // Pairs: within each target's events, one pair per distinct actor (stamp array, no hashing).
  const pairActor = new Int32Array(counted);
  const pairTarget = new Int32Array(counted);
  const pairEvents = new Int32Array(counted);
  const pairStart = new Int32Array(n + 1);
  const stamp = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  let pairs = 0;
  for (let t = 0; t < n; t++) {
    pairStart[t] = pairs;
    for (let i = eventStart[t]!; i < eventStart[t + 1]!; i++) {
      const e = eventOrder[i]!;
      const a = I.actor[e]!;
      if (stamp[a] !== t) {
        stamp[a] = t;
        slot[a] = pairs;
        pairActor[pairs] = a;
        pairTarget[pairs] = t;
        pairs++;
      }
      const p = slot[a]!;
      eventPair[e] = p;
      pairEvents[p]!++;
    }
  }
  pairStart[n] = pairs;

  // Distinct posts per pair: group events on known in-window posts of the target by post.
  const byPostStart = new Int32Array(P.n + 1);
  const onPost = (e: number): number => {
    const p = I.targetPost[e]!;
    return p >= 0 && p < P.n && postInWindow[p] === 1 && P.author[p] === I.target[e] ? p : -1;
  };
  for (let i = 0; i < counted; i++) {
    const p = onPost(eventOrder[i]!);
    if (p >= 0) byPostStart[p + 1]!++;
  }
  for (let p = 0; p < P.n; p++) byPostStart[p + 1]! += byPostStart[p]!;
  const byPost = new Int32Array(byPostStart[P.n]!);
  const postFill = byPostStart.slice(0, P.n);
  for (let i = 0; i < counted; i++) {
    const e = eventOrder[i]!;
    const p = onPost(e);
    if (p >= 0) byPost[postFill[p]!++] = e;
  }
  const pairPosts = new Int32Array(pairs);
  stamp.fill(-1);
  for (let p = 0; p < P.n; p++) {
    for (let i = byPostStart[p]!; i < byPostStart[p + 1]!; i++) {
      const e = byPost[i]!;
      const a = I.actor[e]!;
      if (stamp[a] !== p) {
        stamp[a] = p;
        pairPosts[eventPair[e]!]!++;
      }
    }
  }

  return {
    accounts: n,
    from,
    asOf,
    windowDays: window.windowDays,
    postInWindow,
    postCount,
    postStart,
    postTimes,
    eventPair,
    eventStart,
    eventOrder,
    pairs: {
      n: pairs,
      actor: pairActor.subarray(0, pairs),
      target: pairTarget.subarray(0, pairs),
      events: pairEvents.subarray(0, pairs),
      posts: pairPosts,
      start: pairStart,
    },
    eventsObserved: counted > 0,
  };
}

/**
 * Coverage of a pair: the share of the target's in-window posts the engager reacted to;
 * NaN when the target has too few posts for it to mean anything.
 * Example: 9 of the account's 12 posts engaged -> 0.75.
 */
export function coverageOf(act: Activity, pair: number, minPosts: number): number {
  const posts = act.postCount[act.pairs.target[pair]!]!;
  return posts >= minPosts ? act.pairs.posts[pair]! / posts : NaN;
}
