/**
 * The window's activity, indexed once for every signal: in-window posts by author (times
 * sorted), and engagement events grouped into pairs (engager -> account) with how many
 * events and how many distinct posts of the account each pair covers.
 *
 * Coverage ("engaged x% of the account's posts") is measured on the account's own content:
 * originals and quotes. Its reshares are someone else's content (a like on a retweet is a
 * like of the original) and its replies are turns in conversations that nobody engages
 * systematically; counting them in the denominator made a pod member who reshares and
 * replies to the ring all day look like it is engaged on a quarter of its posts when the
 * ring covers every one of its originals.
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
import { KIND, POST_KINDS, type Dataset } from '../dataset.js';
import type { ScoringWindow } from '../window.js';
import { DAY } from './measure.js';

const ENGAGEMENT_KINDS = new Uint8Array(8);
/** Post kinds that are the account's own content (coverage is measured on them). */
const CONTENT_KINDS = new Uint8Array(8);
for (const k of ['original', 'quote'] as const) CONTENT_KINDS[POST_KINDS.indexOf(k)] = 1;
for (const k of ['reply', 'reshare', 'quote', 'mention', 'like'] as const) ENGAGEMENT_KINDS[KIND[k]] = 1;

/** Engagement pairs (engager -> account), grouped by account: pairs of t are start[t]..start[t+1]. */
export interface EngagementPairs {
  n: number;
  actor: Int32Array;
  target: Int32Array;
  /** engagement events of the pair in the window */
  events: Int32Array;
  /** distinct in-window content posts (originals, quotes) of the target the pair engaged (coverage numerator) */
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
  /** per account: content posts (originals and quotes) in the window: the coverage denominator */
  contentCount: Int32Array;
  /** in-window post times grouped by author, ascending: postTimes[postStart[a] .. postStart[a+1]) */
  postStart: Int32Array;
  postTimes: Float64Array;
  /**
   * Counted engagement events in "positions", grouped by target (positions
   * eventStart[t] .. eventStart[t+1]) and, within a target, by the post engaged:
   * eventAt[2 pos] is the interaction index, eventAt[2 pos + 1] its actor,
   * eventPairAt[pos] its pair.
   */
  eventStart: Int32Array;
  eventAt: Int32Array;
  eventPairAt: Int32Array;
  pairs: EngagementPairs;
  /** true when the window holds at least one counted engagement event (an event dataset) */
  eventsObserved: boolean;
}

/**
 * Indexes a population's window for the signals.
 *
 * Layout: each account t owns postCount[t] + 1 consecutive "slots": one per in-window
 * post, then one for events on no known post (mentions, likes of unknown posts). An
 * event's slot is computed in one sequential pass; a radix sort by slot then groups
 * events by target and, inside a target, by post, so pairs and distinct posts per pair
 * come out of a single sequential sweep with one interleaved stamp array. On 10M
 * interactions the cost is a few passes of memory traffic, not hashing or comparison sorts.
 */
export function indexActivity(pop: Dataset, window: ScoringWindow): Activity {
  const n = pop.accounts.n;
  const asOf = window.asOf;
  const from = asOf - window.windowDays * DAY;

  // Posts in the window, grouped by author; postSlot[p] = its place in that grouping.
  const P = pop.posts;
  const postInWindow = new Uint8Array(P.n);
  const postStart = new Int32Array(n + 1);
  for (let p = 0; p < P.n; p++) {
    const a = P.author[p]!;
    const t = P.createdAt[p]!;
    if (a >= 0 && a < n && t > from && t <= asOf) {
      postInWindow[p] = 1;
      postStart[a + 1]!++;
    }
  }
  for (let a = 0; a < n; a++) postStart[a + 1]! += postStart[a]!;
  const postCount = new Int32Array(n);
  const contentCount = new Int32Array(n);
  // postKey[2p] = the slot of an in-window post (see below) or -1, postKey[2p+1] = its
  // author: interleaved so placing an event costs one random read (on 10M events memory
  // traffic, not arithmetic, is the cost).
  const postKey = new Int32Array(2 * P.n).fill(-1);
  const postTimes = new Float64Array(postStart[n]!);
  // per slot (see below): 1 when the slot's post is content (original or quote)
  const slotContent = new Uint8Array(postStart[n]! + n);
  for (let p = 0; p < P.n; p++) {
    if (!postInWindow[p]) continue;
    const a = P.author[p]!;
    const k = postStart[a]! + postCount[a]!++;
    postKey[2 * p] = k + a;
    postKey[2 * p + 1] = a;
    postTimes[k] = P.createdAt[p]!;
    if (CONTENT_KINDS[P.kind[p]!]) {
      slotContent[k + a] = 1;
      contentCount[a]!++;
    }
  }
  for (let a = 0; a < n; a++) sortRange(postTimes, postStart[a]!, postStart[a + 1]!);

  // The slot of every counted engagement event, compacted: keys[c] its slot, eventAt
  // [2c] its interaction index, [2c+1] its actor. Account t owns slots postStart[t] + t
  // .. postStart[t + 1] + t, the last one for events on no known post.
  const I = pop.interactions;
  const slots = postStart[n]! + n;
  const keys = new Int32Array(I.n);
  const payload = new Int32Array(2 * I.n);
  let counted = 0;
  for (let e = 0; e < I.n; e++) {
    const kind = I.kind[e]!;
    if (kind >= ENGAGEMENT_KINDS.length || !ENGAGEMENT_KINDS[kind]) continue;
    const a = I.actor[e]!;
    const t = I.target[e]!;
    if (a < 0 || t < 0 || a >= n || t >= n || a === t) continue;
    const time = I.createdAt[e]!;
    const post = I.targetPost[e]!;
    const key = post >= 0 && post < P.n ? postKey[2 * post]! : -1;
    const onPost = key >= 0 && postKey[2 * post + 1] === t;
    const placed = Number.isNaN(time) ? onPost : time > from && time <= asOf;
    if (!placed) continue;
    keys[counted] = onPost ? key : postStart[t + 1]! + t;
    payload[2 * counted] = e;
    payload[2 * counted + 1] = a;
    counted++;
  }
  const sorted = radixSortBySlot(keys.subarray(0, counted), payload.subarray(0, 2 * counted), slots);
  const slotAt = sorted.keys;
  const eventAt = sorted.payload;

  // One sweep: pairs per target (stamp by target) and distinct posts per pair (stamp by slot).
  const eventStart = new Int32Array(n + 1);
  const eventPairAt = new Int32Array(counted);
  const pairActor = new Int32Array(counted);
  const pairTarget = new Int32Array(counted);
  const pairEvents = new Int32Array(counted);
  const pairPosts = new Int32Array(counted);
  const pairStart = new Int32Array(n + 1);
  // per actor, interleaved in one array so each event touches one cache line:
  // [3a] last target seen, [3a+1] its pair there, [3a+2] last slot seen
  const stamp = new Int32Array(3 * n).fill(-1);
  let pairs = 0;
  let pos = 0;
  for (let t = 0; t < n; t++) {
    pairStart[t] = pairs;
    eventStart[t] = pos;
    const noPostSlot = postStart[t + 1]! + t;
    for (; pos < counted && slotAt[pos]! <= noPostSlot; pos++) {
      const k = slotAt[pos]!;
      const s3 = 3 * eventAt[2 * pos + 1]!;
      if (stamp[s3] !== t) {
        stamp[s3] = t;
        stamp[s3 + 1] = pairs;
        pairActor[pairs] = s3 / 3;
        pairTarget[pairs] = t;
        pairs++;
      }
      const p = stamp[s3 + 1]!;
      eventPairAt[pos] = p;
      pairEvents[p]!++;
      if (slotContent[k] && stamp[s3 + 2] !== k) {
        stamp[s3 + 2] = k;
        pairPosts[p]!++;
      }
    }
  }
  pairStart[n] = pairs;
  eventStart[n] = counted;

  return {
    accounts: n,
    from,
    asOf,
    windowDays: window.windowDays,
    postInWindow,
    postCount,
    contentCount,
    postStart,
    postTimes,
    eventStart,
    eventAt,
    eventPairAt,
    pairs: {
      n: pairs,
      actor: pairActor.subarray(0, pairs),
      target: pairTarget.subarray(0, pairs),
      events: pairEvents.subarray(0, pairs),
      posts: pairPosts.subarray(0, pairs),
      start: pairStart,
    },
    eventsObserved: counted > 0,
  };
}

const DIGIT_BITS = 11;

/**
 * Sorts events by slot: LSD radix sort on keys in [0, maxKey], 11-bit digits, stable,
 * moving the (interaction, actor) payload along. A 2048-entry histogram stays in L1 and
 * each pass streams into 2048 runs, where a counting sort over millions of slots would
 * scatter every event to a random cache line. 3M slots take 2 passes.
 */
export function radixSortBySlot(keys: Int32Array, payload: Int32Array, maxKey: number): { keys: Int32Array; payload: Int32Array } {
  const m = keys.length;
  let bits = 1;
  while (bits < 31 && 2 ** bits <= maxKey) bits++;
  const passes = Math.ceil(bits / DIGIT_BITS);
  const digit = Math.ceil(bits / passes);
  const mask = (1 << digit) - 1;
  const count = new Int32Array(1 << digit);
  let k0: Int32Array = keys;
  let p0: Int32Array = payload;
  let k1: Int32Array = new Int32Array(m);
  let p1: Int32Array = new Int32Array(2 * m);
  for (let pass = 0, shift = 0; pass < passes; pass++, shift += digit) {
    count.fill(0);
    for (let i = 0; i < m; i++) count[(k0[i]! >>> shift) & mask]!++;
    let sum = 0;
    for (let d = 0; d <= mask; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const k = k0[i]!;
      const to = count[(k >>> shift) & mask]!++;
      k1[to] = k;
      p1[2 * to] = p0[2 * i]!;
      p1[2 * to + 1] = p0[2 * i + 1]!;
    }
    [k0, k1] = [k1, k0];
    [p0, p1] = [p1, p0];
  }
  return { keys: k0, payload: p0 };
}

/** Sorts xs[s..e) ascending in place: insertion sort for the many short ranges, the native sort for long ones. */
function sortRange(xs: Float64Array, s: number, e: number): void {
  if (e - s > 32) {
    xs.subarray(s, e).sort();
    return;
  }
  for (let i = s + 1; i < e; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= s && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
}

/**
 * Coverage of a pair: the share of the target's in-window content posts (originals and
 * quotes) the engager reacted to; NaN when the target has too few for it to mean anything.
 * Example: 9 of the account's 12 originals engaged -> 0.75 (its 40 replies and reshares
 * are not in the denominator).
 */
export function coverageOf(act: Activity, pair: number, minPosts: number): number {
  const posts = act.contentCount[act.pairs.target[pair]!]!;
  return posts >= minPosts ? act.pairs.posts[pair]! / posts : NaN;
}
