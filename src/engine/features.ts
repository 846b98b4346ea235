/**
 * Per-account features for a window, each with where it came from ('events' measured in
 * the database, 'declared' by an export's counts, or 'missing'), how many counted events
 * stand behind it (for the score's interval), and what the database knows of the account
 * at all (audience, reception, activity: for abstention and the as-of hint).
 *
 * Units (the model's units; see the model file's "units"):
 *   followers, listed        accounts (followers: declared, or the incoming follow edges
 *                            when the account's own follower list was imported; a follow
 *                            edge from someone else's export is not a follower count)
 *   follower_ratio           followers / max(1, following) (both declared or own lists)
 *   net_followers            followers beyond the accounts followed: max(0, followers - following)
 *                            (both declared or own lists); a follow-for-follow exchange nets zero,
 *                            so following many accounts is never rewarded and follow-back
 *                            audiences count for nothing
 *   engagers                 distinct accounts engaging in the window, per 90 days
 *                            (distinct * 90 / windowDays; each counted at its largest
 *                            authenticity weight)
 *   mentions_received        mentions and replies received per day
 *   reshares_received        reshares received per day
 *   *_per_post               reactions of that kind received in the window per authored post
 *                            (original, reply or quote) in the window, at least 1 post;
 *                            mentions_per_post counts mentions and replies
 *   network                  TunkRank value of the account (engine/network.ts)
 *   conversation             mentions and replies the account sent per day
 *   engagement_per_follower  mentions, replies and reshares received per day per follower
 *                            (max(1, followers)); scored only by a model that lists it
 *   following, posts_per_day, mentions_sent, reshares_sent, replies_sent, likes_sent:
 *                            context (not scored): authenticity and display use them.
 * Received counts are sums of authenticity weights (1 per event when nothing is flagged).
 *
 * Where received reactions come from, per account i:
 *   - events, complete: the data holds all engagement i received: i's posts are in the
 *     database and the database holds engagement with authors of posts (a generic or
 *     simulated dataset; a single owner's archive holds only the owner's outgoing events),
 *     or i is marked LISTS.RECEPTION. Then zero is evidence, not a gap.
 *   - events, a lower bound: others' engagement with i is in the database but not i's
 *     reception as a whole (i is the far end of someone else's edges). The scorer uses the
 *     larger of the observed value and the imputation (engine/score.ts).
 *   - declared: counts on i's posts in the window, or the accounts table's window
 *     aggregates scaled to the window (value * windowDays / window_days).
 *   When several are available the largest wins (each undercounts the same quantity).
 *   Network has no declared form: missing unless events are observed. Engagers have one
 *   lower bound from declared counts: a post in the window declaring n likes or n reshares
 *   had n distinct engagers (n * 90 / windowDays per 90 days), used when it exceeds what
 *   the events show and the events are not complete.
 *   An account whose own export is imported (LISTS.POSTS) has complete reception only when
 *   it is also marked LISTS.RECEPTION: its export holds its outgoing events and the counts
 *   its posts declare, not who engaged with it.
 *   A kind of engagement the database holds for nobody (a replies-only data set has no
 *   reshares or likes) gives events of that kind to nobody: a gap, not a zero.
 *
 * Evidence (FeatureTable.evidence): audience = followers or listed known; reception =
 * complete events or declared reception counts. An account with neither abstains
 * (engine/score.ts): the database holds only the far end of others' edges.
 *
 * Worked example: window 90 days, alice posted 3 originals in it, bob and carol reshared
 * two of them and bob replied once: engagers = 2, reshares_received = 2/90 per day,
 * reshares_per_post = 2/3, mentions_per_post = 1/3, mentions_received = 1/90 per day.
 */
import type { EngagementGraph } from './engagement.js';
import { KIND, LISTS, POST_KINDS, type Dataset } from './dataset.js';
import { DAY_MS, type ScoringWindow } from './window.js';
import type { FeatureSource } from './result-types.js';

/** Features the model scores, in model order. */
export const SCORED_FEATURES = [
  'followers',
  'listed',
  'follower_ratio',
  'net_followers',
  'engagers',
  'mentions_received',
  'reshares_received',
  'mentions_per_post',
  'reshares_per_post',
  'replies_per_post',
  'quotes_per_post',
  'likes_per_post',
  'network',
  'conversation',
  'engagement_per_follower',
] as const;
/** Features computed for context (authenticity, display), not scored. */
export const CONTEXT_FEATURES = ['following', 'posts_per_day', 'mentions_sent', 'reshares_sent', 'replies_sent', 'likes_sent'] as const;
/** The features whose values are counts of events (they have units per count: FeatureTable.perCount); the others never do. */
export const COUNTED_FEATURES = ['mentions_received', 'reshares_received', 'engagers', 'conversation', 'mentions_per_post', 'reshares_per_post', 'replies_per_post', 'quotes_per_post', 'likes_per_post'] as const;
const COUNTED: ReadonlySet<string> = new Set(COUNTED_FEATURES);
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

/** Source codes in FeatureTable.source columns (3: events, 4: declared, each only a lower bound). */
export const SOURCE_CODES: readonly FeatureSource[] = ['events', 'declared', 'missing', 'events', 'declared'];
const EVENTS = 0;
const DECLARED = 1;
const MISSING = 2;
/** Source code of an events value that is only a lower bound (the account's whole reception is not in the database). */
export const LOWER_BOUND = 3;
/** Source code of a declared value that is only a lower bound (distinct engagers implied by one post's declared likes or reshares). */
export const DECLARED_LOWER_BOUND = 4;

/** Whether a source code marks a lower bound (imputed, then raised to the value when larger: engine/score.ts). */
export function isLowerBound(code: number): boolean {
  return code === LOWER_BOUND || code === DECLARED_LOWER_BOUND;
}

/** The reference window of volume features that are not per day (engagers). */
export const REFERENCE_WINDOW_DAYS = 90;

/** What the database knows of each account besides its feature values. */
export interface AccountEvidence {
  /** 1: followers or listed are known (declared, or the account's own follower list) */
  audience: Uint8Array;
  /** 1: the account's reception is known (complete events, or declared counts) */
  reception: Uint8Array;
  /** the account's own posts and sent events in the window */
  activityInWindow: Float64Array;
  /** time of the account's latest own post or sent event in the data (any time), NaN when none */
  lastActivity: Float64Array;
  /** events received in the window from others (for the abstention reason) */
  receivedInWindow: Float64Array;
}

/** Features of every account, as columns: value NaN when missing. */
export interface FeatureTable {
  n: number;
  value: Record<FeatureName, Float64Array>;
  source: Record<FeatureName, Uint8Array>;
  /**
   * per feature: the value's units per counted event (e.g. 1/windowDays for a per-day
   * rate, 1/posts for a per-post rate, 90/windowDays for engagers), NaN when the value is
   * not a count of events (declared counts): the counting noise of the interval
   */
  perCount: Record<FeatureName, Float64Array>;
  evidence: AccountEvidence;
  /** the features computed, when not all were (extractFeatures' `only`): the others read as missing for everyone */
  computed?: ReadonlySet<FeatureName>;
}

/** One account's features (pairs, tests): NaN / 'missing' when absent. */
export interface FeatureVector {
  value: Record<FeatureName, number>;
  source: Record<FeatureName, FeatureSource>;
  /** features whose value is only a lower bound (see LOWER_BOUND) */
  lowerBound?: Partial<Record<FeatureName, boolean>>;
  /** per feature: units per counted event (see FeatureTable.perCount); absent: not counts */
  perCount?: Partial<Record<FeatureName, number>>;
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
  if (table.computed) throw new Error('featureVectorOf: this feature table holds only some features (extractFeatures was given `only`)');
  const v = emptyFeatureVector();
  for (const f of FEATURE_NAMES) {
    v.value[f] = table.value[f][i]!;
    const code = table.source[f][i]!;
    v.source[f] = SOURCE_CODES[code]!;
    if (isLowerBound(code)) (v.lowerBound ??= {})[f] = true;
    const pc = table.perCount[f][i]!;
    if (!Number.isNaN(pc)) (v.perCount ??= {})[f] = pc;
  }
  return v;
}

const AUTHORED = new Uint8Array(POST_KINDS.length);
AUTHORED[POST_KINDS.indexOf('original')] = 1;
AUTHORED[POST_KINDS.indexOf('reply')] = 1;
AUTHORED[POST_KINDS.indexOf('quote')] = 1;

/**
 * What feature extraction reads of the posts, events and follows, summed per account
 * (countActivity). Made before the engagement graph is built, so that the dataset's
 * posts, events and follows can be let go of once the graph is made (engine/score.ts).
 */
export interface ActivityCounts {
  /** per account: HAS_* bits (posts, incoming events at any time, outgoing events) */
  has: Uint8Array;
  /** authored posts (original, reply, quote) in the window */
  authored: Float64Array;
  /** all own posts in the window */
  allPosts: Float64Array;
  /** declared likes, reshares, replies summed over authored posts in the window (NaN: none declared) */
  declLikes: Float64Array;
  declReshares: Float64Array;
  declReplies: Float64Array;
  /** the most likes or reshares one authored post in the window declares */
  declMaxPerPost: Float64Array;
  /** per account RECEIVED_STRIDE numbers: the weighted sum received per engagement kind, then the count of events */
  received: Float64Array;
  /** per kind code: the weighted sum each account sent (empty for a kind no wanted feature reads) */
  sent: Float64Array[];
  /** the database holds engagement with authors of posts */
  observesAuthors: boolean;
  /** per engagement kind: 1 when the database holds any event of it */
  kindSeen: Uint8Array;
  /** follow edges in and out (dated at or before the as-of, or undated) */
  inEdges: Float64Array;
  outEdges: Float64Array;
  /** the account's own posts and sent events in the window; its latest own post or sent event; events received in the window */
  activityInWindow: Float64Array;
  lastActivity: Float64Array;
  receivedInWindow: Float64Array;
}

/** The features computed for `only` (and what they are made from: followers and following), or all. */
function wantedOf(only: readonly FeatureName[] | undefined): Set<FeatureName> {
  return only ? new Set<FeatureName>([...only, 'followers', 'following']) : new Set<FeatureName>(FEATURE_NAMES);
}

/**
 * Computes every feature for the window, or only `only` (and what they are made from:
 * followers and following): a feature left out is missing for every account, in columns
 * shared with the other left-out features, and the table lists what it holds (`computed`),
 * so that featureVectorOf refuses it. The features computed are the same either way.
 * `graph` is the window's engagement graph and `network` its network values
 * (engine/network.ts); `interactionWeight` the authenticity stage's per-event weights.
 * The same as featuresOf(pop.accounts, window, engagersOf(graph), network,
 * countActivity(pop, window, interactionWeight, only), only).
 */
export function extractFeatures(
  pop: Dataset,
  window: ScoringWindow,
  graph: EngagementGraph,
  network: Float64Array,
  interactionWeight: Float32Array,
  only?: readonly FeatureName[],
): FeatureTable {
  return featuresOf(pop.accounts, window, engagersOf(graph), network, countActivity(pop, window, interactionWeight, only), only);
}

/**
 * Per account, the sum of its engagement edges' pair weights (the largest authenticity
 * weight among a pair's events), in edge order: its distinct engagers before scaling.
 */
export function engagersOf(graph: Pick<EngagementGraph, 'n' | 'inStart' | 'pairWeight'>): Float64Array {
  const engagers = new Float64Array(graph.n);
  for (let i = 0; i < graph.n; i++) {
    let sum = 0;
    for (let k = graph.inStart[i]!; k < graph.inStart[i + 1]!; k++) sum += graph.pairWeight[k]!;
    engagers[i] = sum;
  }
  return engagers;
}

/**
 * Writes the network feature's values of a table made by featuresOf without them (network
 * null): account i's value is network[i] wherever featuresOf set its source, as featuresOf
 * given the values writes it.
 */
export function fillNetworkFeature(features: FeatureTable, network: Float64Array): void {
  if (features.computed && !features.computed.has('network')) return;
  const value = features.value.network;
  const source = features.source.network;
  for (let i = 0; i < features.n; i++) if (source[i] !== MISSING) value[i] = network[i]!;
}

/** Sums what feature extraction reads of the posts, events and follows (ActivityCounts), for the features `only` (all when absent). */
export function countActivity(pop: Dataset, window: ScoringWindow, interactionWeight: Float32Array, only?: readonly FeatureName[]): ActivityCounts {
  const n = pop.accounts.n;
  const P = pop.posts;
  const E = pop.interactions;
  const days = window.windowDays;
  const start = window.asOf - days * DAY_MS;
  const within = (t: number): boolean => t <= window.asOf && t > start;
  const wanted = wantedOf(only);
  const activityInWindow = new Float64Array(n);
  const lastActivity = new Float64Array(n).fill(NaN);
  const seen = (i: number, t: number): void => {
    if (!(t <= lastActivity[i]!)) lastActivity[i] = Number.isNaN(t) ? lastActivity[i]! : t;
  };

  // posts: who has any, authored posts in the window, declared counts on them. Who has
  // posts, incoming or outgoing events are bits of one byte per account (HAS_*): an event
  // reads and sets its target's in one place
  const has = new Uint8Array(n);
  const authored = new Float64Array(n);
  const allPosts = new Float64Array(n);
  const declLikes = new Float64Array(n).fill(NaN);
  const declReshares = new Float64Array(n).fill(NaN);
  const declReplies = new Float64Array(n).fill(NaN);
  // the most likes or reshares one authored post in the window declares: each is a distinct account
  const declMaxPerPost = new Float64Array(n).fill(NaN);
  const addDeclared = (arr: Float64Array, i: number, v: number): void => {
    if (!Number.isNaN(v)) arr[i] = (Number.isNaN(arr[i]!) ? 0 : arr[i]!) + v;
  };
  for (let p = 0; p < P.n; p++) {
    const a = P.author[p]!;
    if (a < 0) continue;
    has[a]! |= HAS_POSTS;
    seen(a, P.createdAt[p]!);
    if (!within(P.createdAt[p]!)) continue;
    allPosts[a]!++;
    activityInWindow[a]!++;
    if (AUTHORED[P.kind[p]!] !== 1) continue;
    authored[a]!++;
    addDeclared(declLikes, a, P.likes[p]!);
    addDeclared(declReshares, a, P.reshares[p]!);
    addDeclared(declReplies, a, P.replies[p]!);
    const most = Math.max(Number.isNaN(P.likes[p]!) ? -1 : P.likes[p]!, Number.isNaN(P.reshares[p]!) ? -1 : P.reshares[p]!);
    if (most >= 0 && !(most <= declMaxPerPost[a]!)) declMaxPerPost[a] = most;
  }

  // events: received per kind (weighted), sent per kind, who has incoming at any time.
  // What an account received is one row of RECEIVED_STRIDE numbers (the weighted sum per
  // kind, then the count of events): an event adds to its target's row in one place, where
  // separate columns per kind were a cache miss each at 10M events
  const received = new Float64Array(n * RECEIVED_STRIDE);
  const sentKinds = new Array<boolean>(RECEIVED_KINDS).fill(false);
  sentKinds[KIND.mention] = wanted.has('mentions_sent') || wanted.has('conversation');
  sentKinds[KIND.reply] = wanted.has('replies_sent') || wanted.has('conversation');
  sentKinds[KIND.reshare] = wanted.has('reshares_sent');
  sentKinds[KIND.like] = wanted.has('likes_sent');
  // a kind no wanted feature reads is not summed (and has no column)
  const sent = sentKinds.map((want) => new Float64Array(want ? n : 0));
  let observesAuthors = false;
  // the kinds of engagement the database records at all: a kind it never holds (a replies-only
  // data set has no reshares) is unknown for everyone, not zero
  const kindSeen = new Uint8Array(RECEIVED_KINDS);
  for (let e = 0; e < E.n; e++) {
    const k = E.kind[e]!;
    if (k < kindSeen.length) kindSeen[k] = 1;
    const a = E.actor[e]!;
    if (a >= 0) seen(a, E.createdAt[e]!);
    if (k > KIND.like) {
      if (a >= 0 && within(E.createdAt[e]!)) activityInWindow[a]!++;
      continue; // follow, unfollow
    }
    const b = E.target[e]!;
    if (a >= 0) has[a]! |= HAS_OUTGOING;
    const other = b >= 0 && b !== a;
    if (other) {
      const hb = has[b]!;
      has[b] = hb | HAS_INCOMING;
      if ((hb & HAS_POSTS) !== 0) observesAuthors = true;
    }
    if (!within(E.createdAt[e]!)) continue;
    const w = interactionWeight[e] ?? 1;
    if (a >= 0) {
      if (sentKinds[k]) sent[k]![a]! += w;
      activityInWindow[a]!++;
    }
    if (other) {
      const row = b * RECEIVED_STRIDE;
      received[row + k]! += w;
      received[row + RECEIVED_KINDS]!++;
    }
  }
  const receivedInWindow = new Float64Array(n);
  for (let i = 0; i < n; i++) receivedInWindow[i] = received[i * RECEIVED_STRIDE + RECEIVED_KINDS]!;

  // follow edges: followers (following) only for accounts whose own list is present
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
  return { has, authored, allPosts, declLikes, declReshares, declReplies, declMaxPerPost, received, sent, observesAuthors, kindSeen, inEdges, outEdges, activityInWindow, lastActivity, receivedInWindow };
}

/**
 * The features (see extractFeatures) from the accounts' columns, each account's summed
 * engagers (engagersOf), the network values and the activity counts (countActivity, for
 * the same `only`). `network` null: the network feature's values are left missing (its
 * sources are set), for fillNetworkFeature to write once the values are known.
 */
export function featuresOf(
  A: Dataset['accounts'],
  window: ScoringWindow,
  engagersSum: Float64Array,
  network: Float64Array | null,
  counts: ActivityCounts,
  only?: readonly FeatureName[],
): FeatureTable {
  const n = A.n;
  const days = window.windowDays;
  const value = {} as Record<FeatureName, Float64Array>;
  const source = {} as Record<FeatureName, Uint8Array>;
  const perCount = {} as Record<FeatureName, Float64Array>;
  const wanted = wantedOf(only);
  // features that are never counts of events share one all-NaN column, never written (12
  // of 21: 96 MB at 1M accounts); so do the value and source columns of features not wanted
  const notCounts = new Float64Array(n).fill(NaN);
  const notComputed = wanted.size < FEATURE_NAMES.length ? new Uint8Array(n).fill(MISSING) : null;
  // per feature: 1 when its value has units per counted event, 0 when not, -1 when not computed
  const kept = {} as Record<FeatureName, number>;
  for (const f of FEATURE_NAMES) {
    const computed = wanted.has(f);
    kept[f] = computed ? (COUNTED.has(f) ? 1 : 0) : -1;
    value[f] = computed ? new Float64Array(n).fill(NaN) : notCounts;
    source[f] = computed ? new Uint8Array(n).fill(MISSING) : notComputed!;
    perCount[f] = computed && COUNTED.has(f) ? new Float64Array(n).fill(NaN) : notCounts;
  }
  const evidence: AccountEvidence = {
    audience: new Uint8Array(n),
    reception: new Uint8Array(n),
    activityInWindow: counts.activityInWindow,
    lastActivity: counts.lastActivity,
    receivedInWindow: counts.receivedInWindow,
  };
  const set = (f: FeatureName, i: number, v: number, s: number, unitsPerCount = NaN): void => {
    const counted = kept[f];
    if (counted === -1) return; // not wanted: its columns are shared
    value[f][i] = v;
    source[f][i] = s;
    if (counted === 1) perCount[f][i] = unitsPerCount;
    else if (!Number.isNaN(unitsPerCount)) throw new Error(`feature ${f} has units per count but is not in COUNTED_FEATURES`);
  };
  const lists = A.lists;
  const hasList = (i: number, bit: number): boolean => lists !== undefined && (lists[i]! & bit) !== 0;
  const { has, authored, allPosts, declLikes, declReshares, declReplies, declMaxPerPost, received, sent, observesAuthors, kindSeen, inEdges, outEdges } = counts;

  const scaleAggregate = (v: number, i: number): number => {
    const w = A.aggregateWindowDays[i]!;
    return (v * days) / (Number.isNaN(w) || w <= 0 ? REFERENCE_WINDOW_DAYS : w);
  };

  for (let i = 0; i < n; i++) {
    // audience
    audience('followers', i, A.followers[i]!, inEdges[i]!, hasList(i, LISTS.FOLLOWERS));
    audience('following', i, A.following[i]!, outEdges[i]!, hasList(i, LISTS.FOLLOWING));
    if (!Number.isNaN(A.listed[i]!)) set('listed', i, A.listed[i]!, DECLARED);
    const fo = value.followers[i]!;
    const fg = value.following[i]!;
    if (!Number.isNaN(fo) && !Number.isNaN(fg)) {
      const src = source.followers[i] === DECLARED || source.following[i] === DECLARED ? DECLARED : EVENTS;
      set('follower_ratio', i, fo / Math.max(1, fg), src);
      set('net_followers', i, Math.max(0, fo - fg), src);
    }
    if (!Number.isNaN(fo) || !Number.isNaN(A.listed[i]!)) evidence.audience[i] = 1;

    // an account whose own export is here (POSTS) has only what other imports hold of its
    // reception, unless it is also marked RECEPTION; other accounts with posts, in a
    // database that records engagement with authors (a generic or listening data set), are
    // taken to have it all (store/records.ts OwnLists)
    const hasPosts = (has[i]! & HAS_POSTS) !== 0;
    const complete = hasList(i, LISTS.RECEPTION) || (hasPosts && observesAuthors && !hasList(i, LISTS.POSTS));
    const observed = complete || (has[i]! & HAS_INCOMING) !== 0;
    const evSrc = complete ? EVENTS : LOWER_BOUND;

    // posts in the window: counted when the database has the account's posts, else the
    // declared lifetime rate (posts / account age)
    let posts = NaN;
    let postsSource = MISSING;
    if (hasPosts) {
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

    // received reactions, per kind, in the window: [value, source, events counted]
    const row = i * RECEIVED_STRIDE;
    const ev = (k: number): number => (observed && kindSeen[k] === 1 ? received[row + k]! : NaN);
    const reshares = pick(ev(KIND.reshare), evSrc, declReshares[i]!, agg(A.resharesReceived[i]!, i));
    const replies = pick(ev(KIND.reply), evSrc, declReplies[i]!, agg(A.repliesReceived[i]!, i));
    const likes = pick(ev(KIND.like), evSrc, declLikes[i]!, agg(A.likesReceived[i]!, i));
    const quotes = pick(ev(KIND.quote), evSrc, NaN, NaN);
    const mentions = pick(
      observed && (kindSeen[KIND.mention] === 1 || kindSeen[KIND.reply] === 1) ? received[row + KIND.mention]! + received[row + KIND.reply]! : NaN,
      evSrc,
      declReplies[i]!,
      agg(A.mentionsReceived[i]!, i),
    );
    if (mentions[1] !== MISSING) set('mentions_received', i, mentions[0] / days, mentions[1], 1 / days);
    if (reshares[1] !== MISSING) set('reshares_received', i, reshares[0] / days, reshares[1], 1 / days);
    perPost('reshares_per_post', i, reshares, posts, postsSource);
    perPost('replies_per_post', i, replies, posts, postsSource);
    perPost('quotes_per_post', i, quotes, posts, postsSource);
    perPost('likes_per_post', i, likes, posts, postsSource);
    perPost('mentions_per_post', i, mentions, posts, postsSource);
    if (complete || [reshares, replies, likes, mentions].some((r) => r[1] === DECLARED)) evidence.reception[i] = 1;
    // reactions per follower: mentions and reshares received per day per follower
    if (mentions[1] !== MISSING && reshares[1] !== MISSING && !Number.isNaN(value.followers[i]!)) {
      const lowerBound = mentions[1] === LOWER_BOUND || reshares[1] === LOWER_BOUND;
      const src = lowerBound ? LOWER_BOUND : mentions[1] === EVENTS && reshares[1] === EVENTS && source.followers[i] === EVENTS ? EVENTS : DECLARED;
      set('engagement_per_follower', i, (mentions[0] + reshares[0]) / days / Math.max(1, value.followers[i]!), src);
    }

    if (observed) {
      set('engagers', i, (engagersSum[i]! * REFERENCE_WINDOW_DAYS) / days, evSrc, REFERENCE_WINDOW_DAYS / days);
      set('network', i, network === null ? NaN : network[i]!, evSrc);
    }
    // a post that declares n likes (or reshares) had n distinct accounts engage with it: a
    // lower bound of the distinct engagers, whatever else is known (each account likes or
    // reshares a post at most once)
    const implied = (declMaxPerPost[i]! * REFERENCE_WINDOW_DAYS) / days;
    if (implied > 0 && source.engagers[i] !== EVENTS && !(implied <= value.engagers[i]!)) set('engagers', i, implied, DECLARED_LOWER_BOUND);

    // activity sent: events when the database has the account's own activity
    if ((has[i]! & HAS_OUTGOING) !== 0 || hasPosts || hasList(i, LISTS.RECEPTION)) {
      set('mentions_sent', i, sent[KIND.mention]![i]! / days, EVENTS);
      set('reshares_sent', i, sent[KIND.reshare]![i]! / days, EVENTS);
      set('replies_sent', i, sent[KIND.reply]![i]! / days, EVENTS);
      set('likes_sent', i, sent[KIND.like]![i]! / days, EVENTS);
      set('conversation', i, (sent[KIND.mention]![i]! + sent[KIND.reply]![i]!) / days, EVENTS, 1 / days);
    } else {
      const ms = A.mentionsSent[i]!;
      const rs = A.resharesSent[i]!;
      if (!Number.isNaN(ms)) {
        set('mentions_sent', i, scaleAggregate(ms, i) / days, DECLARED);
        set('conversation', i, scaleAggregate(ms, i) / days, DECLARED);
      }
      if (!Number.isNaN(rs)) set('reshares_sent', i, scaleAggregate(rs, i) / days, DECLARED);
    }
  }
  return only ? { n, value, source, perCount, evidence, computed: wanted } : { n, value, source, perCount, evidence };

  function agg(v: number, i: number): number {
    return Number.isNaN(v) ? NaN : scaleAggregate(v, i);
  }

  function audience(f: FeatureName, i: number, declared: number, edges: number, ownList: boolean): void {
    if (!Number.isNaN(declared) && (declared >= edges || !ownList)) set(f, i, declared, DECLARED);
    else if (ownList) set(f, i, edges, EVENTS);
  }

  function perPost(f: FeatureName, i: number, reactions: Reactions, posts: number, postsSource: number): void {
    if (reactions[1] === MISSING || postsSource === MISSING) return;
    const s = reactions[1] === LOWER_BOUND ? LOWER_BOUND : reactions[1] === EVENTS && postsSource === EVENTS ? EVENTS : DECLARED;
    // each reaction counted adds 1/posts (declared per-post counts are counts too)
    set(f, i, reactions[0] / Math.max(1, posts), s, 1 / Math.max(1, posts));
  }
}

/** A received quantity: [value, source code]. */
type Reactions = [number, number];

/** Bits of extractFeatures' per-account byte: the account has posts, incoming events (at any time), outgoing events. */
const HAS_POSTS = 1;
const HAS_INCOMING = 2;
const HAS_OUTGOING = 4;
/** Engagement kinds (codes 0..4: reply, reshare, quote, mention, like); a received row holds their sums, then the count of events. */
const RECEIVED_KINDS = KIND.like + 1;
const RECEIVED_STRIDE = RECEIVED_KINDS + 1;


/** The largest available of events / declared-per-post / declared-aggregate (ties: events). */
function pick(events: number, eventsSource: number, perPost: number, aggregate: number): Reactions {
  let best = NaN;
  let src = MISSING;
  if (!Number.isNaN(events)) {
    best = events;
    src = eventsSource;
  }
  if (!Number.isNaN(perPost) && (Number.isNaN(best) || perPost > best)) {
    best = perPost;
    src = DECLARED;
  }
  if (!Number.isNaN(aggregate) && (Number.isNaN(best) || aggregate > best)) {
    best = aggregate;
    src = DECLARED;
  }
  return [best, src];
}
