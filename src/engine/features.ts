/**
 * Per-account features for a window, each with where it came from ('events' measured in
 * the database, 'declared' by an export's counts, or 'missing').
 *
 * Units (the model's units; see models/model-v1.json "units"):
 *   followers, listed        accounts (followers: max of the declared count and follow edges)
 *   engagers                 distinct accounts engaging in the window, per 90 days
 *                            (distinct * 90 / windowDays; each counted at its largest
 *                            authenticity weight)
 *   mentions_received        mentions and replies received per day
 *   reshares_received        reshares received per day
 *   *_per_post               reactions of that kind received in the window per authored post
 *                            (original, reply or quote) in the window, at least 1 post
 *   network                  TunkRank value of the account (engine/network.ts)
 *   following, posts_per_day, mentions_sent, reshares_sent, replies_sent, likes_sent:
 *                            context (not scored): authenticity and display use them.
 * Received counts are sums of authenticity weights (1 per event when nothing is flagged).
 *
 * Where received reactions come from, per account i:
 *   - events, complete: i's posts are in the database and the database holds engagement
 *     with authors of posts (a generic or simulated dataset; a single owner's archive holds
 *     only the owner's outgoing events). Then zero is evidence, not a gap.
 *   - events, a lower bound: i's posts are not in the database but others' engagement with
 *     i is (an account seen only as a target). The scorer uses the larger of the observed
 *     value and the imputation (engine/score.ts), so one observed reply never lowers an
 *     account below what its other evidence implies.
 *   - declared: counts on i's posts in the window, or the accounts table's window
 *     aggregates scaled to the window (value * windowDays / window_days).
 *   When several are available the largest wins (each undercounts the same quantity).
 *   Engagers and network have no declared form: missing unless events are observed.
 *
 * Worked example: window 90 days, alice posted 3 originals in it, bob and carol reshared
 * two of them and bob replied once: engagers = 2, reshares_received = 2/90 per day,
 * reshares_per_post = 2/3, replies_per_post = 1/3, mentions_received = 1/90 per day.
 */
import type { EngagementGraph } from './engagement.js';
import { KIND, POST_KINDS, type Dataset } from './dataset.js';
import { DAY_MS, type ScoringWindow } from './window.js';
import type { FeatureSource } from './result-types.js';

/** Features the model scores, in model order. */
export const SCORED_FEATURES = [
  'followers',
  'listed',
  'engagers',
  'mentions_received',
  'reshares_received',
  'reshares_per_post',
  'replies_per_post',
  'quotes_per_post',
  'likes_per_post',
  'network',
] as const;
/** Features computed for context (authenticity, display), not scored. */
export const CONTEXT_FEATURES = ['following', 'posts_per_day', 'mentions_sent', 'reshares_sent', 'replies_sent', 'likes_sent'] as const;
/** Every feature, scored then context. */
export const FEATURE_NAMES = [...SCORED_FEATURES, ...CONTEXT_FEATURES] as const;
/** A scored feature's name. */
export type ScoredFeature = (typeof SCORED_FEATURES)[number];
/** Any feature's name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Whether account i posted in the window: its posting rate measured from its own posts (source code 0, events) and above zero. The "active account" of calibration. */
export function isActiveInWindow(table: FeatureTable, i: number): boolean {
  return table.source.posts_per_day[i] === EVENTS && table.value.posts_per_day[i]! > 0;
}

/** Source codes in FeatureTable.source columns (3: events, but only a lower bound). */
export const SOURCE_CODES: readonly FeatureSource[] = ['events', 'declared', 'missing', 'events'];
const EVENTS = 0;
const DECLARED = 1;
const MISSING = 2;
/** Source code of an events value that is only a lower bound (the account's own posts are not in the database). */
export const LOWER_BOUND = 3;

/** The reference window of volume features that are not per day (engagers). */
export const REFERENCE_WINDOW_DAYS = 90;

/** Features of every account, as columns: value NaN when missing. */
export interface FeatureTable {
  n: number;
  value: Record<FeatureName, Float64Array>;
  source: Record<FeatureName, Uint8Array>;
}

/** One account's features (pairs, tests): NaN / 'missing' when absent. */
export interface FeatureVector {
  value: Record<FeatureName, number>;
  source: Record<FeatureName, FeatureSource>;
  /** features whose value is only a lower bound (see LOWER_BOUND) */
  lowerBound?: Partial<Record<FeatureName, boolean>>;
}

/** A feature vector with every feature missing. */
export function emptyFeatureVector(): FeatureVector {
  const value = {} as Record<FeatureName, number>;
  const source = {} as Record<FeatureName, FeatureSource>;
  for (const f of FEATURE_NAMES) {
    value[f] = NaN;
    source[f] = 'missing';
  }
  return { value, source };
}

/** Reads account i of a table as a vector. */
export function featureVectorOf(table: FeatureTable, i: number): FeatureVector {
  const v = emptyFeatureVector();
  for (const f of FEATURE_NAMES) {
    v.value[f] = table.value[f][i]!;
    const code = table.source[f][i]!;
    v.source[f] = SOURCE_CODES[code]!;
    if (code === LOWER_BOUND) (v.lowerBound ??= {})[f] = true;
  }
  return v;
}

const AUTHORED = new Uint8Array(POST_KINDS.length);
AUTHORED[POST_KINDS.indexOf('original')] = 1;
AUTHORED[POST_KINDS.indexOf('reply')] = 1;
AUTHORED[POST_KINDS.indexOf('quote')] = 1;

/**
 * Computes every feature for the window. `graph` is the window's engagement graph and
 * `network` its network values (engine/network.ts); `interactionWeight` the authenticity
 * stage's per-event weights.
 */
export function extractFeatures(
  pop: Dataset,
  window: ScoringWindow,
  graph: EngagementGraph,
  network: Float64Array,
  interactionWeight: Float32Array,
): FeatureTable {
  const n = pop.accounts.n;
  const A = pop.accounts;
  const P = pop.posts;
  const E = pop.interactions;
  const days = window.windowDays;
  const start = window.asOf - days * DAY_MS;
  const within = (t: number): boolean => t <= window.asOf && t > start;

  const value = {} as Record<FeatureName, Float64Array>;
  const source = {} as Record<FeatureName, Uint8Array>;
  for (const f of FEATURE_NAMES) {
    value[f] = new Float64Array(n).fill(NaN);
    source[f] = new Uint8Array(n).fill(MISSING);
  }
  const set = (f: FeatureName, i: number, v: number, s: number): void => {
    value[f][i] = v;
    source[f][i] = s;
  };

  // posts: who has any, authored posts in the window, declared counts on them
  const hasPosts = new Uint8Array(n);
  const authored = new Float64Array(n);
  const allPosts = new Float64Array(n);
  const declLikes = new Float64Array(n).fill(NaN);
  const declReshares = new Float64Array(n).fill(NaN);
  const declReplies = new Float64Array(n).fill(NaN);
  const addDeclared = (arr: Float64Array, i: number, v: number): void => {
    if (!Number.isNaN(v)) arr[i] = (Number.isNaN(arr[i]!) ? 0 : arr[i]!) + v;
  };
  for (let p = 0; p < P.n; p++) {
    const a = P.author[p]!;
    if (a < 0) continue;
    hasPosts[a] = 1;
    if (!within(P.createdAt[p]!)) continue;
    allPosts[a]!++;
    if (AUTHORED[P.kind[p]!] !== 1) continue;
    authored[a]!++;
    addDeclared(declLikes, a, P.likes[p]!);
    addDeclared(declReshares, a, P.reshares[p]!);
    addDeclared(declReplies, a, P.replies[p]!);
  }

  // events: received per kind (weighted), sent per kind, who has incoming at any time
  const hasIncoming = new Uint8Array(n);
  const hasOutgoing = new Uint8Array(n);
  const received = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const sent = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  let observesAuthors = false;
  for (let e = 0; e < E.n; e++) {
    const k = E.kind[e]!;
    if (k > KIND.like) continue; // follow, unfollow
    const a = E.actor[e]!;
    const b = E.target[e]!;
    if (a >= 0) hasOutgoing[a] = 1;
    const other = b >= 0 && b !== a;
    if (other) {
      hasIncoming[b] = 1;
      if (hasPosts[b] === 1) observesAuthors = true;
    }
    if (!within(E.createdAt[e]!)) continue;
    const w = interactionWeight[e] ?? 1;
    if (a >= 0) sent[k]![a]! += w;
    if (other) received[k]![b]! += w;
  }

  // follow edges as a lower bound of declared audience counts
  const inEdges = new Float64Array(n);
  const outEdges = new Float64Array(n);
  for (let f = 0; f < pop.follows.n; f++) {
    const t = pop.follows.createdAt[f]!;
    if (t > window.asOf) continue; // NaN passes: an undated edge counts
    const a = pop.follows.follower[f]!;
    const b = pop.follows.followee[f]!;
    if (a >= 0) outEdges[a]!++;
    if (b >= 0) inEdges[b]!++;
  }

  const scaleAggregate = (v: number, i: number): number => {
    const w = A.aggregateWindowDays[i]!;
    return (v * days) / (Number.isNaN(w) || w <= 0 ? REFERENCE_WINDOW_DAYS : w);
  };

  for (let i = 0; i < n; i++) {
    // audience
    audience('followers', i, A.followers[i]!, inEdges[i]!);
    audience('following', i, A.following[i]!, outEdges[i]!);
    if (!Number.isNaN(A.listed[i]!)) set('listed', i, A.listed[i]!, DECLARED);

    const complete = hasPosts[i] === 1 && observesAuthors;
    const observed = complete || hasIncoming[i] === 1;
    const evSrc = complete ? EVENTS : LOWER_BOUND;

    // posts in the window: counted when the database has the account's posts, else the
    // declared lifetime rate (posts / account age)
    let posts = NaN;
    let postsSource = MISSING;
    if (hasPosts[i] === 1) {
      posts = authored[i]!;
      postsSource = EVENTS;
      set('posts_per_day', i, allPosts[i]! / days, EVENTS);
    } else {
      const age = (window.asOf - A.createdAt[i]!) / DAY_MS;
      const declared = A.postsDeclared[i]!;
      if (!Number.isNaN(declared) && age > 0) {
        posts = (declared / age) * days;
        postsSource = DECLARED;
        set('posts_per_day', i, declared / age, DECLARED);
      }
    }

    // received reactions, per kind, in the window: [value, source]
    const reshares = pick(observed ? received[KIND.reshare]![i]! : NaN, evSrc, declReshares[i]!, agg(A.resharesReceived[i]!, i));
    const replies = pick(observed ? received[KIND.reply]![i]! : NaN, evSrc, declReplies[i]!, agg(A.repliesReceived[i]!, i));
    const likes = pick(observed ? received[KIND.like]![i]! : NaN, evSrc, declLikes[i]!, agg(A.likesReceived[i]!, i));
    const quotes = pick(observed ? received[KIND.quote]![i]! : NaN, evSrc, NaN, NaN);
    const mentions = pick(
      observed ? received[KIND.mention]![i]! + received[KIND.reply]![i]! : NaN,
      evSrc,
      declReplies[i]!,
      agg(A.mentionsReceived[i]!, i),
    );
    if (mentions[1] !== MISSING) set('mentions_received', i, mentions[0] / days, mentions[1]);
    if (reshares[1] !== MISSING) set('reshares_received', i, reshares[0] / days, reshares[1]);
    perPost('reshares_per_post', i, reshares, posts, postsSource);
    perPost('replies_per_post', i, replies, posts, postsSource);
    perPost('quotes_per_post', i, quotes, posts, postsSource);
    perPost('likes_per_post', i, likes, posts, postsSource);

    if (observed) {
      let engagers = 0;
      for (let k = graph.inStart[i]!; k < graph.inStart[i + 1]!; k++) engagers += graph.pairWeight[k]!;
      set('engagers', i, (engagers * REFERENCE_WINDOW_DAYS) / days, evSrc);
      set('network', i, network[i]!, evSrc);
    }

    // activity sent: events when the database has the account's own activity
    if (hasOutgoing[i] === 1 || hasPosts[i] === 1) {
      set('mentions_sent', i, sent[KIND.mention]![i]! / days, EVENTS);
      set('reshares_sent', i, sent[KIND.reshare]![i]! / days, EVENTS);
      set('replies_sent', i, sent[KIND.reply]![i]! / days, EVENTS);
      set('likes_sent', i, sent[KIND.like]![i]! / days, EVENTS);
    } else {
      const ms = A.mentionsSent[i]!;
      const rs = A.resharesSent[i]!;
      if (!Number.isNaN(ms)) set('mentions_sent', i, scaleAggregate(ms, i) / days, DECLARED);
      if (!Number.isNaN(rs)) set('reshares_sent', i, scaleAggregate(rs, i) / days, DECLARED);
    }
  }
  return { n, value, source };

  function agg(v: number, i: number): number {
    return Number.isNaN(v) ? NaN : scaleAggregate(v, i);
  }

  function audience(f: FeatureName, i: number, declared: number, edges: number): void {
    if (!Number.isNaN(declared) && declared >= edges) set(f, i, declared, DECLARED);
    else if (edges > 0) set(f, i, edges, EVENTS);
  }

  function perPost(f: FeatureName, i: number, reactions: [number, number], posts: number, postsSource: number): void {
    if (reactions[1] === MISSING || postsSource === MISSING) return;
    const s = reactions[1] === LOWER_BOUND ? LOWER_BOUND : reactions[1] === EVENTS && postsSource === EVENTS ? EVENTS : DECLARED;
    set(f, i, reactions[0] / Math.max(1, posts), s);
  }
}

/** The largest available of events / declared-per-post / declared-aggregate (ties: events). */
function pick(events: number, eventsSource: number, perPost: number, aggregate: number): [number, number] {
  let best = NaN;
  let src = MISSING;
  if (!Number.isNaN(events)) {
    best = events;
    src = eventsSource;
  }
  for (const v of [perPost, aggregate]) {
    if (!Number.isNaN(v) && (Number.isNaN(best) || v > best)) {
      best = v;
      src = DECLARED;
    }
  }
  return [best, src];
}
