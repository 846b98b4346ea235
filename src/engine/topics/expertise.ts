/**
 * Topic expertise: which topics an account is an expert on in a window, how strongly
 * (1-100), and the evidence.
 *
 * Definition. For account a and topic T over the window (asOf - windowDays, asOf]:
 *   1. Each post p of a whose text matches some topic t (matcher.ts) has a quality
 *        q(p) = kind(p) * stuffing(p) * dilution(p)
 *      kind: original 1, quote 0.8, reply 0.6, reshare 0.25 (a reshare is someone else's words);
 *      stuffing = min(1, ((H0+1)/(h+1))^2) for h hashtags (H0 = 3 free; 6 -> 0.33, 15 -> 0.06);
 *      dilution = min(1, M0/m) for m distinct topics in the post (M0 = 4: a post that names
 *      twelve topics is about none of them);
 *      and an engagement e(p) = the larger of the events others aimed at p (reply, reshare,
 *      quote 1 each, like 0.5) and its declared counts (likes 0.5, reshares, replies 1);
 *      a reshare's engagement belongs to the original and counts 0 here.
 *   2. Repeats: of an account's posts with the same words (URLs, mentions, emoji and
 *      punctuation set aside), only the first counts: a template posted ten times, by a bot or
 *      by habit ("nice weather today"), is one piece of evidence.
 *      Distinctiveness D(a,t) (distinctiveness.ts): the share of a's posts on t, each counted
 *      at its quality, that everybody else's rate of t (in a's language) does not explain.
 *      A word everybody uses at about the same rate ("nice", "weather") gets D ~ 0: it is
 *      nobody's expertise. Matches with D < 0.5 (less than twice everybody else's rate) count
 *      nothing.
 *   3. Roll-up: a post reaches T if it matches T or a descendant of T; its weight for T is
 *      w_T(p) = max over its matched topics t below T of q(p) * D(a,t): each post reaches each
 *      ancestor once, however many parents or matched sub-topics lead there. A post counts
 *      for T when w_T(p) >= 0.25 (so a stuffed post or a reshare alone never counts).
 *   4. Evidence for (a,T): posts = number of posts that count, P = sum of their w_T(p),
 *      R = sum w_T(p) * e(p), G = distinct engagers of those posts (or, when the export gives
 *      only counts, the lower bound max over posts of max(likes, reshares)), bio = a's bio
 *      names T or a descendant.
 *   5. T is assigned directly when its own forms carry it: the posts that name T and that T
 *      leads (no other topic in the post is named more often by a: "avalanche report" in a
 *      skier's posts about skiing is a detail of skiing, not a second expertise) number >= 3,
 *      drew >= 2 engagers and weigh >= 1.5, and T's own usage is significantly distinct for a
 *      (Poisson tail < 0.001; distinctiveness.ts). An ancestor is assigned only above a
 *      directly assigned topic, with the rolled-up evidence of step 4 (posts >= 3, G >= 2,
 *      P >= 1.5): one jazz, one hip hop and one R&B post make nobody a music expert, and a few
 *      lucky everyday-word posts are not expertise.
 *      All thresholds are in TOPIC_DEFAULTS. Then
 *        raw   = ln(1+P) + ln(1+G) + 0.5 * ln(1+R) + 0.5 * bio
 *        score = round(1 + 99 * (1 - exp(-raw / 9)))        (1..100)
 *      An ancestor's evidence is a superset of each descendant's, so its score is never lower.
 *
 * Source: Klout's topic model scored expertise from topical messages and the reactions they
 * drew over a 90-day window (Spasojevic et al., "Mining Half a Billion Topical Experts Across
 * Multiple Social Networks", arXiv:1608.09002) on the Klout Topic Ontology (Ellinger et al.,
 * arXiv:1710.09824). The distinctiveness step plays the role of IDF in TF-IDF; the
 * minimum-evidence gate answers Klout's "expert on cookies after one tweet" failure.
 *
 * Worked example: 3 original posts about cookies among a's 30 posts; nobody else's 1,000
 * posts mention cookies. r = 0.2/1100, mu = 30r = 0.0055, D = (3 - 0.0055)/3 = 0.998 (and
 * P(X >= 3 | 0.0055) = 3e-8: significant). Engagers b, c, d; events: reshare + like, like,
 * like + like -> e = 1.5, 0.5, 1.0. P = 2.995, R = 0.998 * 3 = 2.995, G = 3:
 * raw = 1.385 + 1.386 + 0.693 = 3.464, score = round(1 + 99 * 0.3194) = 33.
 * The same words in one post: posts = 1 < 3, not assigned.
 */
import type { PostKind } from '../dataset.js';
import type { ScoringWindow } from '../window.js';
import { createMatchScratch, languageMask, matchInto, type TopicMatcher } from './matcher.js';
import { distinctShare, isSignificantlyDistinct, type TopicReference, type TopicUsage } from './distinctiveness.js';
import type { Taxonomy } from './taxonomy.js';

/** Every tunable of the topic model, in one place. */
export interface TopicConfig {
  minPosts: number;
  minEngagers: number;
  /** minimum P (quality- and distinctiveness-weighted posts) */
  minWeightedPosts: number;
  /** minimum D(a,t) for a matched topic to count at all (0.5: at least twice everybody else's rate) */
  minDistinctiveness: number;
  /** minimum weight w_T(p) for a post to count for a topic (a clean original post weighs up to 1) */
  minPostWeight: number;
  kindWeight: Record<PostKind, number>;
  engagementWeight: { reply: number; reshare: number; quote: number; like: number };
  /** hashtags a post may carry before it counts less (quadratically) */
  freeHashtags: number;
  /** distinct topics a post may name before each counts less */
  freeTopicsPerPost: number;
  /** the distinctiveness test (distinctiveness.ts) */
  lift: { alpha: number; priorRate: number; priorPosts: number };
  score: { scale: number; engagementWeight: number; bioBonus: number };
  /** example posts kept per topic */
  examples: number;
}

export const TOPIC_DEFAULTS: TopicConfig = {
  minPosts: 3,
  minEngagers: 2,
  minWeightedPosts: 1.5,
  minDistinctiveness: 0.5,
  minPostWeight: 0.25,
  kindWeight: { original: 1, quote: 0.8, reply: 0.6, reshare: 0.25 },
  engagementWeight: { reply: 1, reshare: 1, quote: 1, like: 0.5 },
  freeHashtags: 3,
  freeTopicsPerPost: 4,
  lift: { alpha: 0.001, priorRate: 0.002, priorPosts: 100 },
  score: { scale: 9, engagementWeight: 0.5, bioBonus: 0.5 },
  examples: 3,
};

/** An account as the topic model sees it (index = position in TopicInput.accounts). */
export interface TopicAccount {
  handle: string;
  network: string;
  bio: string | null;
}

/** A post with the engagement it drew. */
export interface TopicPost {
  /** account index of the author */
  author: number;
  /** the platform's post id */
  id: string;
  createdAt: number;
  kind: PostKind;
  text: string | null;
  lang: string | null;
  /** hashtags the store counted (the text is counted too; the larger wins) */
  hashtags: number;
  /** events from others aimed at this post */
  events: { reply: number; reshare: number; quote: number; like: number };
  /** counts the export declared; NaN when it gave none */
  declared: { likes: number; reshares: number; replies: number };
  /** distinct account indices that engaged with the post (author excluded) */
  engagers: ArrayLike<number>;
}

/** The model's input: accounts, and posts streamed once (a generator over a DB cursor is fine). */
export interface TopicInput {
  accounts: TopicAccount[];
  posts: Iterable<TopicPost>;
}

export interface TopicExample {
  id: string;
  text: string;
  engagement: number;
}

/** Why a topic was assigned: the numbers behind the score. */
export interface TopicEvidence {
  /** distinct posts that count for the topic (its own or a sub-topic's forms) */
  posts: number;
  /** distinct accounts that engaged with them (or the lower bound declared counts give) */
  engagers: number;
  /** P: posts weighted by quality and distinctiveness */
  weightedPosts: number;
  /** R: engagement on those posts, weighted the same way */
  engagement: number;
  /** P / quality-weighted posts: 1 = nothing explained by ordinary use of the words */
  distinctiveness: number;
  /** of the posts, how many matched only through hashtags */
  hashtagOnly: number;
  /** of the posts, how many were reshares */
  reshares: number;
  /** the account's bio names the topic or a sub-topic */
  bio: boolean;
  /** matched by its own surface forms (false: only through sub-topics) */
  direct: boolean;
  /** highest-weighted posts first */
  examples: TopicExample[];
}

export interface TopicScore {
  topic: number;
  id: string;
  slug: string;
  name: string;
  score: number;
  evidence: TopicEvidence;
}

export interface AccountTopics {
  account: number;
  /** assigned topics, highest score first (at equal scores: matched directly first, then more posts, then slug) */
  topics: TopicScore[];
}

export interface TopicExpertise {
  window: ScoringWindow;
  /** every input account, in input order */
  accounts: AccountTopics[];
  corpus: { posts: number; matchedPosts: number; accounts: number };
}

interface MatchedPost {
  author: number;
  /** language group index */
  group: number;
  id: string;
  text: string;
  reshare: boolean;
  quality: number;
  engagement: number;
  engagerBound: number;
  engagers: ArrayLike<number>;
  /** distinct matched topics, ascending */
  topics: number[];
  /** per entry of `topics`: 1 when every occurrence was a hashtag */
  hashtagOnly: number[];
}

interface Accumulator {
  posts: number;
  weighted: number;
  quality: number;
  engagement: number;
  engagers: Set<number>;
  engagerBound: number;
  hashtagOnly: number;
  reshares: number;
  direct: boolean;
  /** the posts that name the topic itself (not only a sub-topic): the direct gate of step 5 */
  selfPosts: number;
  selfWeighted: number;
  selfEngagers: Set<number>;
  selfEngagerBound: number;
  examples: Ranked[];
}

/** Per language group: posts, and posts per topic. */
interface GroupCounts {
  posts: number;
  direct: Float64Array;
  /** per account: its posts in this group */
  byAuthor: Float64Array;
}

/** Per-topic scratch arrays reused account after account (reset through `touched`). */
interface Scratch {
  directN: Float64Array;
  directNGroup: Float64Array;
  share: Float64Array;
  counting: Float64Array;
  anchored: Uint8Array;
  acc: (Accumulator | undefined)[];
  touched: number[];
  seen: Uint8Array;
  /** the roll-up of one post: per topic its weight, via its own forms, only via hashtags */
  bestW: Float64Array;
  bestStamp: Int32Array;
  bestSelf: Uint8Array;
  /** the weight of a post for a topic through that topic's own forms */
  selfW: Float64Array;
  bestHash: Uint8Array;
  reached: number[];
  stamp: number;
}

/**
 * Scores every account's topics in the window. Pure: the same input, taxonomy, matcher,
 * window and config give the same output.
 */
export function computeTopicExpertise(input: TopicInput, tax: Taxonomy, matcher: TopicMatcher, window: ScoringWindow, config: TopicConfig = TOPIC_DEFAULTS): TopicExpertise {
  const A = input.accounts.length;
  const T = tax.size;
  const from = window.asOf - window.windowDays * 86_400_000;
  const postsByAuthor = new Float64Array(A);
  const corpus: GroupCounts = { posts: 0, direct: new Float64Array(T), byAuthor: postsByAuthor };
  const groups: GroupCounts[] = [];
  const groupIndex = new Map<string, number>();
  const groupOf = (lang: string | null): number => {
    const key = lang ? lang.toLowerCase().split(/[-_]/, 1)[0]! : '';
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groupIndex.set(key, g);
      groups.push({ posts: 0, direct: new Float64Array(T), byAuthor: new Float64Array(A) });
    }
    return g;
  };
  const matched: MatchedPost[] = [];
  const scratch = createMatchScratch();
  const stamp = new Int32Array(T).fill(-1);
  const onlyHash = new Uint8Array(T);
  let seq = 0;

  // Step 1: one pass over the posts; only those naming a topic are kept. Usage counts are
  // quality-weighted: a stuffed post or a reshare must not make everyday words look
  // distinctive for its author (step 2).
  for (const p of input.posts) {
    if (!(p.createdAt > from && p.createdAt <= window.asOf) || p.author < 0 || p.author >= A) continue;
    const g = groupOf(p.lang);
    const group = groups[g]!;
    corpus.posts++;
    group.posts++;
    postsByAuthor[p.author]!++;
    group.byAuthor[p.author]!++;
    if (!p.text) continue;
    const count = matchInto(matcher, p.text, languageMask(matcher, p.lang), scratch);
    if (count === 0) continue;
    seq++;
    const topics: number[] = [];
    for (let k = 0; k < count; k++) {
      const t = scratch.topics[k]!;
      if (stamp[t] !== seq) {
        stamp[t] = seq;
        onlyHash[t] = 1;
        topics.push(t);
      }
      if (scratch.hashtag[k] === 0) onlyHash[t] = 0;
    }
    topics.sort((x, y) => x - y);
    const reshare = p.kind === 'reshare';
    const h = Math.max(p.hashtags || 0, scratch.hashtags);
    const quality =
      (config.kindWeight[p.kind] ?? 1) * Math.min(1, ((config.freeHashtags + 1) / (h + 1)) ** 2) * Math.min(1, config.freeTopicsPerPost / topics.length);
    for (const t of topics) {
      corpus.direct[t]! += quality;
      group.direct[t]! += quality;
    }
    matched.push({
      author: p.author,
      group: g,
      id: p.id,
      text: p.text,
      reshare,
      quality,
      engagement: reshare ? 0 : engagementOf(p, config),
      engagerBound: reshare ? 0 : Math.max(nz(p.declared.likes), nz(p.declared.reshares)),
      engagers: reshare ? [] : p.engagers,
      topics,
      hashtagOnly: topics.map((t) => onlyHash[t]!),
    });
  }

  // Everything else is per account: its matched posts, in input order.
  const byAuthor: number[][] = [];
  for (let k = 0; k < matched.length; k++) (byAuthor[matched[k]!.author] ??= []).push(k);
  const s: Scratch = {
    directN: new Float64Array(T),
    directNGroup: new Float64Array(T),
    share: new Float64Array(T),
    counting: new Float64Array(T),
    anchored: new Uint8Array(T),
    acc: new Array<Accumulator | undefined>(T),
    touched: [],
    seen: new Uint8Array(T),
    bestW: new Float64Array(T),
    bestStamp: new Int32Array(T),
    bestSelf: new Uint8Array(T),
    selfW: new Float64Array(T),
    bestHash: new Uint8Array(T),
    reached: [],
    stamp: 0,
  };
  const bio = bioTopics(input.accounts, tax, matcher);
  const accounts: AccountTopics[] = input.accounts.map((_, a) => ({ account: a, topics: [] }));
  for (let a = 0; a < A; a++) {
    const posts = byAuthor[a];
    if (!posts) continue;
    let main = 0;
    for (let g = 1; g < groups.length; g++) if (groups[g]!.byAuthor[a]! > groups[main]!.byAuthor[a]!) main = g;
    accounts[a]!.topics = scoreAccount(a, uniquePosts(posts.map((k) => matched[k]!)), main, groups, corpus, bio[a], tax, config, s);
  }
  return { window, accounts, corpus: { posts: corpus.posts, matchedPosts: matched.length, accounts: A } };
}

/** Steps 2-5 for one account (see the module doc). */
function scoreAccount(
  a: number,
  posts: MatchedPost[],
  main: number,
  groups: GroupCounts[],
  corpus: GroupCounts,
  bio: Set<number> | undefined,
  tax: Taxonomy,
  config: TopicConfig,
  s: Scratch,
): TopicScore[] {
  const g = groups[main]!;
  const mark = (t: number) => {
    if (s.seen[t] === 0) {
      s.seen[t] = 1;
      s.touched.push(t);
    }
  };
  const usage = (t: number, n: number, nGroup: number, level: 'direct'): [TopicUsage, TopicReference] => [
    { n, nGroup, posts: corpus.byAuthor[a]!, postsGroup: g.byAuthor[a]! },
    { count: corpus[level][t]!, posts: corpus.posts, groupCount: g[level][t]!, groupPosts: g.posts },
  ];

  // usage of each matched topic; the ancestors it reaches are marked for step 5
  for (let k = 0; k < posts.length; k++) {
    const mp = posts[k]!;
    const own = mp.group === main;
    for (const t of mp.topics) {
      mark(t);
      s.directN[t]! += mp.quality;
      if (own) s.directNGroup[t]! += mp.quality;
    }
    reachOf(mp, tax, mark);
  }
  for (const t of s.touched) if (s.directN[t]! > 0) s.share[t] = distinctShare(...usage(t, s.directN[t]!, s.directNGroup[t]!, 'direct'), config);


  // steps 3-4: roll up; first count the posts that count, then accumulate where enough do
  const rollUp = (mp: MatchedPost): void => {
    s.reached.length = 0;
    const k = ++s.stamp;
    for (let i = 0; i < mp.topics.length; i++) {
      const t = mp.topics[i]!;
      const d = s.share[t]!;
      if (d < config.minDistinctiveness) continue;
      const w = mp.quality * d;
      if (!(w >= config.minPostWeight)) continue;
      for (const up of tax.ancestors[t]!) {
        if (s.bestStamp[up] !== k) {
          s.bestStamp[up] = k;
          s.bestW[up] = w;
          s.bestSelf[up] = 0;
          s.bestHash[up] = 1;
          s.reached.push(up);
        } else if (w > s.bestW[up]!) s.bestW[up] = w;
        if (up === t) {
          s.bestSelf[up] = 1;
          s.selfW[up] = w;
        }
        if (mp.hashtagOnly[i] === 0) s.bestHash[up] = 0;
      }
    }
  };
  for (const mp of posts) {
    rollUp(mp);
    for (const up of s.reached) s.counting[up]!++;
  }
  for (const mp of posts) {
    rollUp(mp);
    for (const up of s.reached) {
      if (s.counting[up]! < config.minPosts) continue;
      const b = { w: s.bestW[up]!, self: s.bestSelf[up] === 1, hash: s.bestHash[up] === 1 };
      let x = s.acc[up];
      if (!x) {
        x = {
          posts: 0, weighted: 0, quality: 0, engagement: 0, engagers: new Set(), engagerBound: 0, hashtagOnly: 0, reshares: 0, direct: false,
          selfPosts: 0, selfWeighted: 0, selfEngagers: new Set(), selfEngagerBound: 0, examples: [],
        };
        s.acc[up] = x;
      }
      x.posts++;
      x.weighted += b.w;
      x.quality += mp.quality;
      x.engagement += b.w * mp.engagement;
      for (let e = 0; e < mp.engagers.length; e++) x.engagers.add(mp.engagers[e]!);
      x.engagerBound = Math.max(x.engagerBound, mp.engagerBound);
      if (b.hash) x.hashtagOnly++;
      if (mp.reshare) x.reshares++;
      if (b.self) x.direct = true;
      // the direct gate counts the posts the topic leads: a term that only ever turns up in
      // posts about something the account names more often is a detail of that subject
      if (b.self && !mp.topics.some((u) => u !== up && s.directN[u]! > s.directN[up]!)) {
        x.selfPosts++;
        x.selfWeighted += s.selfW[up]!;
        for (let e = 0; e < mp.engagers.length; e++) x.selfEngagers.add(mp.engagers[e]!);
        x.selfEngagerBound = Math.max(x.selfEngagerBound, mp.engagerBound);
      }
      keepExample(x.examples, mp, b.w * (1 + mp.engagement), config.examples);
    }
  }

  // step 5: the evidence gate on the topic's own posts and its own distinctiveness; only a
  // topic that passes it anchors its ancestors (roll-up never creates a category out of
  // scattered mentions of many of its children)
  const passed: number[] = [];
  for (const t of s.touched) {
    const x = s.acc[t];
    if (!x || x.posts < config.minPosts || Math.max(x.engagers.size, x.engagerBound) < config.minEngagers || x.weighted < config.minWeightedPosts) continue;
    passed.push(t);
    if (x.selfPosts < config.minPosts || Math.max(x.selfEngagers.size, x.selfEngagerBound) < config.minEngagers || x.selfWeighted < config.minWeightedPosts) continue;
    if (isSignificantlyDistinct(...usage(t, s.directN[t]!, s.directNGroup[t]!, 'direct'), config)) for (const up of tax.ancestors[t]!) s.anchored[up] = 1;
  }
  const out: TopicScore[] = [];
  for (const t of passed) {
    if (!s.anchored[t]) continue;
    const x = s.acc[t]!;
    const engagers = Math.max(x.engagers.size, x.engagerBound);
    const hasBio = bio?.has(t) ?? false;
    out.push({
      topic: t,
      id: tax.ids[t]!,
      slug: tax.slugs[t]!,
      name: tax.names[t]!,
      score: topicScore(x.weighted, engagers, x.engagement, hasBio, config),
      evidence: {
        posts: x.posts,
        engagers,
        weightedPosts: round3(x.weighted),
        engagement: round3(x.engagement),
        distinctiveness: round3(x.weighted / x.quality),
        hashtagOnly: x.hashtagOnly,
        reshares: x.reshares,
        bio: hasBio,
        direct: x.direct,
        examples: x.examples.map((e) => ({ id: e.post.id, text: e.post.text, engagement: round3(e.post.engagement) })),
      },
    });
  }
  for (const t of s.touched) {
    s.directN[t] = s.directNGroup[t] = s.share[t] = s.counting[t] = 0;
    s.anchored[t] = s.seen[t] = 0;
    s.acc[t] = undefined;
  }
  s.touched.length = 0;
  // highest score first; at equal scores the topic named in the posts before the categories above it
  return out.sort(
    (x, y) => y.score - x.score || Number(y.evidence.direct) - Number(x.evidence.direct) || y.evidence.posts - x.evidence.posts || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0),
  );
}

/**
 * An account's posts with repeated texts dropped (same words once URLs, mentions, numbers,
 * emoji and punctuation are set aside): a template posted ten times, by a bot or by habit,
 * is one piece of evidence, not ten.
 */
function uniquePosts(posts: MatchedPost[]): MatchedPost[] {
  const seen = new Set<string>();
  return posts.filter((mp) => {
    const key = mp.text
      .toLowerCase()
      .replace(/https?:\/\/\S+|@\S+/gu, ' ')
      .replace(/[^\p{L}\p{M}\p{N}#]+/gu, ' ')
      .trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Calls `visit` once for each topic a post reaches (its matched topics and all their ancestors). */
function reachOf(mp: MatchedPost, tax: Taxonomy, visit: (topic: number) => void): void {
  if (mp.topics.length === 1) {
    for (const up of tax.ancestors[mp.topics[0]!]!) visit(up);
    return;
  }
  const seen = new Set<number>();
  for (const t of mp.topics) {
    for (const up of tax.ancestors[t]!) {
      if (seen.has(up)) continue;
      seen.add(up);
      visit(up);
    }
  }
}

/** The 1-100 topic score of step 5 (see the module doc). */
export function topicScore(weightedPosts: number, engagers: number, engagement: number, bio: boolean, config: TopicConfig = TOPIC_DEFAULTS): number {
  const { scale, engagementWeight, bioBonus } = config.score;
  const raw = Math.log1p(weightedPosts) + Math.log1p(engagers) + engagementWeight * Math.log1p(engagement) + (bio ? bioBonus : 0);
  return Math.max(1, Math.min(100, Math.round(1 + 99 * (1 - Math.exp(-raw / scale)))));
}

const nz = (v: number): number => (Number.isFinite(v) && v > 0 ? v : 0);
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

function engagementOf(p: TopicPost, c: TopicConfig): number {
  const w = c.engagementWeight;
  const events = w.reply * nz(p.events.reply) + w.reshare * nz(p.events.reshare) + w.quote * nz(p.events.quote) + w.like * nz(p.events.like);
  const declared = w.like * nz(p.declared.likes) + w.reshare * nz(p.declared.reshares) + w.reply * nz(p.declared.replies);
  return Math.max(events, declared);
}

interface Ranked {
  post: MatchedPost;
  rank: number;
}

const rankedBefore = (x: Ranked, y: Ranked): boolean => x.rank > y.rank || (x.rank === y.rank && x.post.id < y.post.id);

/** Keeps the `limit` best examples, ties broken by post id so the choice is deterministic. */
function keepExample(list: Ranked[], post: MatchedPost, rank: number, limit: number): void {
  if (limit <= 0) return;
  const item = { post, rank };
  if (list.length === limit && !rankedBefore(item, list[limit - 1]!)) return;
  let i = list.length;
  while (i > 0 && rankedBefore(item, list[i - 1]!)) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}

/** Topics (and their ancestors) each account's bio names; forms gated by language do not apply. */
function bioTopics(accounts: TopicAccount[], tax: Taxonomy, matcher: TopicMatcher): (Set<number> | undefined)[] {
  const scratch = createMatchScratch();
  return accounts.map((acct) => {
    if (!acct.bio) return undefined;
    const count = matchInto(matcher, acct.bio, languageMask(matcher, null), scratch);
    if (count === 0) return undefined;
    const set = new Set<number>();
    for (let k = 0; k < count; k++) for (const up of tax.ancestors[scratch.topics[k]!]!) set.add(up);
    return set;
  });
}
