/**
 * Topic expertise: which topics an account writes about in a window (aboutness, from its own
 * posts), how much its audience responds there (the 1-100 topic score), and the evidence.
 *
 * Definition. For account a and topic T over the window (asOf - windowDays, asOf]:
 *   1. Language and words. Each post's language is its tag when the background knows it, else
 *      identified from its words (language.ts). Its words are counted per language: W_a,L.
 *   2. Matches and senses. Each post of a whose text names some topic t (matcher.ts) has a quality
 *        q(p) = kind(p) * stuffing(p) * dilution(p)
 *      kind: original 1, quote 0.8, reply 0.6, reshare 0.25 (a reshare is someone else's words);
 *      stuffing = min(1, ((H0+1)/(h+1))^2) for h hashtags (H0 = 3 free; 6 -> 0.33, 15 -> 0.06);
 *      dilution = min(1, M0/m) for m distinct topics in the post (M0 = 4: a post that names
 *      twelve topics is about none of them);
 *      and an engagement e(p) = the larger of the events others aimed at p (reply, reshare,
 *      quote 1 each, like 0.5) and its declared counts (likes 0.5, reshares, replies 1);
 *      a reshare's engagement belongs to the original and counts 0 here.
 *      A match whose form is an everyday word in the post's language counts only with sense
 *      evidence, or when the account shows the sense in >= 2 posts (sense.ts).
 *   3. Repeats: of an account's posts with the same words (URLs, mentions, emoji and
 *      punctuation set aside), only the first counts: a template posted ten times is one
 *      piece of evidence.
 *   4. Against the background (significance.ts): n(a,t) = a's posts naming t of quality
 *      q >= 0.5 (originals, quotes and replies; not reshares nor stuffed posts),
 *      mu(a,t) = sum over L of W_a,L * f_t,L (how often ordinary writing names t: the sum of its
 *      forms' frequencies, a phrase's estimated from its words as TopicConfig.phraseFrequency
 *      says, background.ts; W counts the words of a's own posts, reshares left out),
 *      D(a,t) = max(0, n - mu) / n. Matches with D < 0.5 count nothing.
 *   5. Roll-up: a post reaches T if it names T or a descendant of T; its weight for T is
 *      w_T(p) = max over its matched topics t below T of q(p) * D(a,t): each post reaches each
 *      ancestor once. A post counts for T when w_T(p) >= 0.25 (so a reshare alone never counts).
 *      Evidence for (a,T): posts = number of posts that count, P = sum of their w_T(p),
 *      R = sum w_T(p) * e(p), G = distinct engagers of those posts (or, when the export gives
 *      only counts, the lower bound max over posts of max(likes, reshares)), bio = a's bio
 *      names T or a descendant.
 *   6. Assignment (aboutness, never engagement): T is a candidate when >= 3 distinct posts
 *      count for it with P >= 1.5. A candidate named in >= 3 posts (with TopicConfig.detailsLead,
 *      off by default: posts it leads, where no other topic is named more often by a) is tested
 *      on its own words (step 4); one reached only
 *      through sub-topics is tested on the rolled-up counts against the rolled-up background
 *      (the sum over its descendants' forms). Each candidate gets
 *      lfdr = P(the account's rate <= 2x ordinary writing's | n, mu) under a Gamma prior of
 *      writers' rates (empirical Bayes, significance.ts); the account's candidates are kept in
 *      increasing lfdr while their average stays <= q = 0.05 (Bayesian FDR); a kept candidate
 *      with D >= 0.5 is assigned, one reached through sub-topics only above
 *      an assigned descendant. So an export without any engagement (a Mastodon archive) still
 *      gets its topics.
 *   7. Score (influence on the topic):
 *        raw   = ln(1+P) + ln(1+G) + 0.5 * ln(1+R) + 0.5 * bio
 *        score = round(1 + 99 * (1 - exp(-raw / 9)))        (1..100)
 *      An expert nobody engages with keeps the topic with a low score (10 posts, no audience: 24).
 *      All thresholds are in TOPIC_DEFAULTS.
 *
 * Source: Klout's topic model scored expertise from topical messages and the reactions they
 * drew over a 90-day window (Spasojevic et al., "Mining Half a Billion Topical Experts Across
 * Multiple Social Networks", arXiv:1608.09002) on the Klout Topic Ontology (Ellinger et al.,
 * arXiv:1710.09824). The background plays the role of IDF in TF-IDF, from general word
 * frequencies (background.ts) rather than from whoever else was imported; the false discovery
 * rate is controlled by empirical Bayes (significance.ts); senses by neighbourhood (sense.ts).
 *
 * Worked example: 3 original posts about cookies among a's 30 posts of 15 words (450 words,
 * all English); cookies is Zipf 4.1 (f = 1.26e-5 with its plural forms ~2.5e-5): mu = 0.011,
 * lfdr = P_gamma(3.28, 2 * 0.291) = 0.013 <= 0.05: assigned, D = 0.996. Engagers b, c, d;
 * events: reshare + like, like, like + like -> e = 1.5, 0.5, 1.0. P = 2.99, R = 2.99, G = 3:
 * raw = 1.384 + 1.386 + 0.692 = 3.46, score = round(1 + 99 * 0.319) = 33. The same words in
 * one post: posts = 1 < 3, not assigned. The same three posts and nobody engaging: score 15.
 */
import type { PostKind } from '../dataset.js';
import { DAY_MS, type ScoringWindow } from '../window.js';
import { createMatchScratch, languageMask, matchTokens, tokenizeText, type MatchScratch, type TopicMatcher } from './matcher.js';
import { identifyLanguage, OTHER_LANGUAGE, SCRIPT_LATIN, UNDETERMINED } from './language.js';
import { backgroundLanguageIndex, capitalisesNames, EVERYDAY_RANK, everydayForms, everydayThresholds, phraseZipf, zipfToFrequency, type PhraseFrequency } from './background.js';
import { discourseNeighbourhoodOf, isCapitalisedName, neighbourhoodOf } from './sense.js';
import { bayesianFdrSelect, distinctShare, posteriorNullProbability } from './significance.js';
import type { Taxonomy } from './taxonomy.js';

/** Every tunable of the topic model, in one place. */
export interface TopicConfig {
  minPosts: number;
  /** minimum P (quality- and distinctiveness-weighted posts) */
  minWeightedPosts: number;
  /**
   * true: a topic is tested on its own words only from posts it leads (no other topic of the post named more often by the
   * account; else it is a detail of the bigger subject). Off by default: on, milahu104 recall is 64% instead of 85% (bitcoin
   * beside gold, schizophrenia beside psychiatry are missed) at the same precision; the simulated everyday senses it once held
   * down are now held down by sense.discourseNeighbours = 'children' (bench/eval-real-topics.ts, bench/eval-topics.ts)
   */
  detailsLead: boolean;
  /** minimum D(a,t) for a matched topic to count at all (0.5: at least twice ordinary writing) */
  minDistinctiveness: number;
  /** minimum weight w_T(p) for a post to count for a topic (a clean original post weighs up to 1) */
  minPostWeight: number;
  /** minimum quality q(p) for a post to count in the background test (replies 0.6 do; reshares 0.25 and stuffed posts do not) */
  countedQuality: number;
  kindWeight: Record<PostKind, number>;
  engagementWeight: { reply: number; reshare: number; quote: number; like: number };
  /** hashtags a post may carry before it counts less (quadratically) */
  freeHashtags: number;
  /** distinct topics a post may name before each counts less */
  freeTopicsPerPost: number;
  /** Bayesian false discovery rate per account: the largest average lfdr of the topics assigned (significance.ts) */
  fdr: number;
  /** shape k of the Gamma prior of a writer's rate of a word relative to the background (fitted on real archives: bench/fit-topic-dispersion.ts) */
  dispersion: number;
  /**
   * a multi-word form's background frequency (background.ts, Phrases): 'collocation-midpoint', the geometric midpoint
   * between independence and the upper bound 1/f = sum 1/f_i, or 'rarest-word', that bound (about its rarest word's
   * frequency). Calibrated on the real archives' own posts (bench/phrase-frequencies.ts --archives): phrases of common
   * words are predicted 0.66x (English) and 0.84x (German) as often as they are found with the midpoint, as single words
   * are (0.78x, 0.94x), and 31x and 43x with the bound. With the midpoint, the simulated population (seeds 1-3) keeps its
   * recall and everyday senses at equal or higher precision with 5% more (correct) categories, and the real archives get 5
   * more correct categories at the same precision; milahu104 loses Islam (3 posts, lfdr 0.39, kept under the bound only
   * through categories the FDR keeps and never lists): pooled recall 79% (30 of 38) against 82%
   * (bench/eval-real-topics.ts --set phraseFrequency='"rarest-word"')
   */
  phraseFrequency: PhraseFrequency;
  sense: {
    /** a form as frequent as the language's n-th commonest word is an everyday word (background.ts) */
    everydayRank: number;
    /** s0: share of ordinary uses of an everyday word that carry sense evidence by accident */
    accidentalEvidence: number;
    /** posts with sense evidence after which all of an account's uses count (one sense per discourse) */
    anchorPosts: number;
    /**
     * which topics, named in >= minPosts of the account's posts, anchor an everyday word's sense for all its posts (sense.ts):
     * 'children' (its sub-topics: Germany, France, Poland -> "europe"), 'neighbourhood' (also parent and siblings, outside
     * super-topics), 'none'. 'children': milahu104 recall 85% as with 'neighbourhood' (79% with 'none'); simulated everyday
     * senses 0.0-0.3% instead of 0.6-1.0% (a video-card writer's "apple" is the fruit)
     */
    discourseNeighbours: 'children' | 'neighbourhood' | 'none';
    /**
     * true: a form that no other Latin-script language writes less than half as often as this one does is a
     * shared name, not an everyday word (background.ts): German "twitter" needs no sense evidence, English "nice" does.
     * On: Threads archive recall 1/3 instead of 0/3 (bench/eval-real-topics.ts), nothing else changes there nor in the
     * simulated population (bench/eval-topics.ts)
     */
    sharedNames: boolean;
    /**
     * true: a proper name that the language's dictionary also holds as a common word ("python", "oracle", "phoenix") needs
     * sense evidence at any frequency, like an everyday word (background.ts, name homonyms; English only)
     */
    nameHomonyms: boolean;
  };
  /** naive-Bayes margin (nats) to decide a post's language from its words (language.ts) */
  languageMargin: number;
  score: { scale: number; engagementWeight: number; bioBonus: number };
  /** example posts kept per topic */
  examples: number;
  /** sub-topics listed behind a topic */
  subTopics: number;
  /** distinct named sub-topics a category needs before it is listed through them (roll-up) */
  minSubTopics: number;
}

export const TOPIC_DEFAULTS: TopicConfig = {
  minPosts: 3,
  minWeightedPosts: 1.5,
  detailsLead: false,
  minDistinctiveness: 0.5,
  minPostWeight: 0.25,
  countedQuality: 0.5,
  kindWeight: { original: 1, quote: 0.8, reply: 0.6, reshare: 0.25 },
  engagementWeight: { reply: 1, reshare: 1, quote: 1, like: 0.5 },
  freeHashtags: 3,
  freeTopicsPerPost: 4,
  fdr: 0.05,
  dispersion: 0.28,
  phraseFrequency: 'collocation-midpoint',
  sense: { everydayRank: EVERYDAY_RANK, accidentalEvidence: 0.1, anchorPosts: 2, discourseNeighbours: 'children', sharedNames: true, nameHomonyms: true },
  languageMargin: 2,
  score: { scale: 9, engagementWeight: 0.5, bioBonus: 0.5 },
  examples: 3,
  subTopics: 5,
  minSubTopics: 2,
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

/**
 * The model's input: accounts, and posts streamed once (a generator over a DB cursor is fine).
 * Posts outside the window may be included: those before it are counted per account (for the
 * "no topic in this window" hint), their text is never read.
 */
export interface TopicInput {
  accounts: TopicAccount[];
  posts: Iterable<TopicPost>;
  /**
   * The texts' extractions made beforehand (extractTopicTexts, perhaps on several threads and
   * merged in order): entry k belongs to the k-th post whose text is read (a post in the
   * window, by an account of the input, with a non-empty text). Absent: each text is extracted
   * here as its post comes.
   */
  extracted?: TopicExtractions;
}

export interface TopicExample {
  id: string;
  text: string;
  engagement: number;
}

/** A sub-topic behind a topic: posts of the account that name it (or its own sub-topics). */
export interface TopicPart {
  id: string;
  slug: string;
  name: string;
  posts: number;
}

/** Why a topic was assigned: the numbers behind the score. */
export interface TopicEvidence {
  /** distinct posts that count for the topic (its own or a sub-topic's forms) */
  posts: number;
  /** of them, posts that name the topic itself */
  ownPosts: number;
  /** distinct accounts that engaged with them (or the lower bound declared counts give) */
  engagers: number;
  /** P: posts weighted by quality and distinctiveness */
  weightedPosts: number;
  /** R: engagement on those posts, weighted the same way */
  engagement: number;
  /** false when the export carries no engagement for these posts (a Mastodon archive): engagers and engagement are then unknown, not zero */
  engagementKnown: boolean;
  /** P / quality-weighted posts: 1 = nothing explained by ordinary use of the words */
  distinctiveness: number;
  /** posts the background predicts for the account's words (mu), and the posterior chance that the account names the topic no more than twice as often as ordinary writing (lfdr) */
  expected: number;
  lfdr: number;
  /** of the posts, how many matched only through hashtags */
  hashtagOnly: number;
  /** of the posts, how many were reshares */
  reshares: number;
  /** the account's bio names the topic or a sub-topic */
  bio: boolean;
  /** matched by its own surface forms (false: only through sub-topics) */
  direct: boolean;
  /** sub-topics behind the topic, most posts first (at most TopicConfig.subTopics) */
  subTopics: TopicPart[];
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

/** How much the account posted, in the window and before it (for "no topic in this window" hints). */
export interface TopicActivity {
  postsInWindow: number;
  postsBefore: number;
  /** time of the account's first post seen (in or before the window), null when none */
  firstPostAt: number | null;
  /** time of its latest post at or before the as-of, null when none (the as-of to suggest when the window holds none) */
  lastPostAt: number | null;
}

export interface AccountTopics {
  account: number;
  /** assigned topics, highest score first (at equal scores: matched directly first, then more posts, then slug) */
  topics: TopicScore[];
  activity: TopicActivity;
  /** every topic the account named or reached, with the gate that decided it (only with `TopicDetail.decisions`) */
  decisions?: TopicDecision[];
}

/** Where a topic stopped (or that it was assigned): the first gate it failed, in pipeline order. */
export type TopicGate = 'sense' | 'distinctiveness' | 'min-posts' | 'not-leading' | 'fdr' | 'roll-up' | 'assigned';

/** One topic of one account through the pipeline (the detailed variant; bench/diagnose-real-topics.ts prints it). */
export interface TopicDecision {
  topic: number;
  slug: string;
  /** counted posts naming the topic with its sense established (n of the direct test) */
  named: number;
  /** posts naming it only as an everyday word without sense evidence (before one sense per discourse) */
  plain: number;
  /** the sense was anchored for the whole account (one sense per discourse) */
  senseAnchored: boolean;
  /** how: the word shown in its sense in >= anchorPosts posts ('evidence'), or by the account's posts naming its neighbours */
  anchoredBy: 'evidence' | 'neighbours' | null;
  /** posts of its own or its sub-topics that count after the distinctiveness gate */
  counting: number;
  weighted: number;
  direct: boolean;
  /** the tested count, the background's expectation, D and the lfdr (NaN when never tested) */
  n: number;
  mu: number;
  /**
   * where mu comes from, largest first (at most 5): per word column ('de', 'en', 'other') for a topic tested on
   * its own words, per topic of its subtree (its own slug included) for one tested on the rolled-up counts
   */
  muFrom: { part: string; mu: number }[];
  distinctiveness: number;
  lfdr: number;
  /** the largest lfdr the account's Bayesian FDR selection kept (0 when none) */
  fdrCutoff: number;
  gate: TopicGate;
}

/** Options of the detailed variant. */
export interface TopicDetail {
  /** accounts whose decisions are returned (AccountTopics.decisions) */
  decisions?: ReadonlySet<number>;
}

export interface TopicExpertise {
  window: ScoringWindow;
  /** every input account, in input order */
  accounts: AccountTopics[];
  corpus: { posts: number; matchedPosts: number; accounts: number };
}

interface MatchedPost {
  author: number;
  id: string;
  text: string;
  reshare: boolean;
  quality: number;
  engagement: number;
  engagementKnown: boolean;
  engagerBound: number;
  engagers: ArrayLike<number>;
  /** distinct topics matched with their sense established, ascending */
  topics: number[];
  /** per entry of `topics`: 1 when every occurrence was a hashtag */
  hashtagOnly: number[];
  /** distinct topics matched only as everyday words without sense evidence, ascending */
  plain: number[];
  /** per topic (of `topics`, then of `plain`): a hash of the sentence that names it (its first mention) */
  topicKeys: number[];
  plainKeys: number[];
}

interface Accumulator {
  posts: number;
  ownPosts: number;
  weighted: number;
  quality: number;
  /** posts of quality >= countedQuality: the count the background test uses */
  counted: number;
  engagement: number;
  engagementKnown: boolean;
  engagers: Set<number>;
  engagerBound: number;
  hashtagOnly: number;
  reshares: number;
  direct: boolean;
  /** the posts the topic leads (step 6) */
  selfPosts: number;
  selfWeighted: number;
  /** posts per sub-topic behind it */
  parts: Map<number, number>;
  examples: Ranked[];
}

/** Per-topic scratch arrays reused account after account (reset through `touched`). */
interface Scratch {
  directN: Float64Array;
  share: Float64Array;
  counting: Float64Array;
  anchored: Uint8Array;
  senseAnchored: Uint8Array;
  acc: (Accumulator | undefined)[];
  touched: number[];
  seen: Uint8Array;
  bestW: Float64Array;
  bestStamp: Int32Array;
  bestSelf: Uint8Array;
  selfW: Float64Array;
  bestHash: Uint8Array;
  reached: number[];
  stamp: number;
}

/** Background rates per topic and word column (see Rates). */
interface Rates {
  /** columns: the background languages, then "other" (a language the background lacks) */
  columns: number;
  /** the background languages' codes, in column order */
  languages: readonly string[];
  /** per topic * columns: expected naming per word, everyday forms at s0 (sense) or at full weight */
  sense: Float64Array;
  full: Float64Array;
  /** the same summed over each topic and its descendants */
  rollSense: Float64Array;
  rollFull: Float64Array;
}

/**
 * Scores every account's topics in the window. Pure: the same input, taxonomy, matcher,
 * window and config give the same output, and an account's topics do not depend on which
 * other accounts are in the input.
 */
export function computeTopicExpertise(
  input: TopicInput,
  tax: Taxonomy,
  matcher: TopicMatcher,
  window: ScoringWindow,
  config: TopicConfig = TOPIC_DEFAULTS,
  detail: TopicDetail = {},
): TopicExpertise {
  const A = input.accounts.length;
  const T = tax.size;
  const bg = matcher.background;
  const L = bg.languages.length;
  const C = L + 2; // word columns: languages, other, undetermined
  const OTHER = L;
  const UNDET = L + 1;
  const from = window.asOf - window.windowDays * DAY_MS;
  const words = new Float64Array(A * C);
  const activity: TopicActivity[] = input.accounts.map(() => ({ postsInWindow: 0, postsBefore: 0, firstPostAt: null, lastPostAt: null }));
  const matched: MatchedPost[] = [];
  const pre = input.extracted;
  // without extractions made beforehand, each text is extracted as its post comes, into a one-text table
  const extractor = pre ? null : createTopicExtractor(tax, matcher, config);
  let ex = pre ?? extractor!.table;
  let next = 0;
  let corpusPosts = 0;

  // Step 1-2: one pass over the posts; only those naming a topic are kept.
  for (const p of input.posts) {
    if (p.author < 0 || p.author >= A || p.createdAt > window.asOf) continue;
    const act = activity[p.author]!;
    if (act.firstPostAt === null || p.createdAt < act.firstPostAt) act.firstPostAt = p.createdAt;
    if (act.lastPostAt === null || p.createdAt > act.lastPostAt) act.lastPostAt = p.createdAt;
    if (p.createdAt <= from) {
      act.postsBefore++;
      continue;
    }
    act.postsInWindow++;
    corpusPosts++;
    if (!p.text) continue;
    let k = 0;
    if (extractor) {
      extractor.clear();
      extractor.add(p.text, p.lang);
      ex = extractor.table;
    } else {
      k = next++;
      if (k >= ex.n || ex.length[k] !== p.text.length) throw new Error(`topic extractions do not line up with the posts at text ${k} of ${ex.n} (an internal error)`);
    }
    // a reshare's words are someone else's: they neither count for nor dilute the account's topics
    if (p.kind !== 'reshare') words[p.author * C + ex.column[k]!]! += ex.tokens[k]!;
    const e0 = ex.first[k]!;
    const e1 = ex.first[k + 1]!;
    if (e0 === e1) continue;
    const split = e0 + ex.sensed[k]!;
    const sensed: number[] = [];
    const hashtagOnly: number[] = [];
    const topicKeys: number[] = [];
    const plain: number[] = [];
    const plainKeys: number[] = [];
    for (let e = e0; e < split; e++) {
      sensed.push(ex.topic[e]!);
      hashtagOnly.push(ex.hashtagOnly[e]!);
      topicKeys.push(ex.key[e]!);
    }
    for (let e = split; e < e1; e++) {
      plain.push(ex.topic[e]!);
      plainKeys.push(ex.key[e]!);
    }
    const reshare = p.kind === 'reshare';
    const h = Math.max(p.hashtags || 0, ex.hashtags[k]!);
    const quality =
      (config.kindWeight[p.kind] ?? 1) * Math.min(1, ((config.freeHashtags + 1) / (h + 1)) ** 2) * Math.min(1, config.freeTopicsPerPost / (e1 - e0));
    matched.push({
      author: p.author,
      id: p.id,
      text: p.text,
      reshare,
      quality,
      engagement: reshare ? 0 : engagementOf(p, config),
      engagementKnown: !reshare && hasEngagementData(p),
      engagerBound: reshare ? 0 : Math.max(nz(p.declared.likes), nz(p.declared.reshares)),
      engagers: reshare ? [] : p.engagers,
      topics: sensed,
      hashtagOnly,
      plain,
      topicKeys,
      plainKeys,
    });
  }
  if (pre && next !== pre.n) throw new Error(`topic extractions do not line up with the posts: ${pre.n} made, ${next} read (an internal error)`);

  // Everything else is per account: its matched posts, in input order.
  const byAuthor: number[][] = [];
  for (let k = 0; k < matched.length; k++) (byAuthor[matched[k]!.author] ??= []).push(k);
  const rates = backgroundRates(tax, matcher, config);
  const s: Scratch = {
    directN: new Float64Array(T),
    share: new Float64Array(T),
    counting: new Float64Array(T),
    anchored: new Uint8Array(T),
    senseAnchored: new Uint8Array(T),
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
  const accounts: AccountTopics[] = input.accounts.map((_, a) => ({ account: a, topics: [], activity: activity[a]! }));
  const perWord = new Float64Array(rates.columns);
  const ctx = { discourse: new Map<number, Set<number>>() };
  for (let a = 0; a < A; a++) {
    const posts = byAuthor[a];
    if (!posts) continue;
    // the account's words per background column; undetermined words follow its main language
    let main = -1;
    for (let l = 0; l < L; l++) if (words[a * C + l]! > 0 && (main < 0 || words[a * C + l]! > words[a * C + main]!)) main = l;
    for (let c = 0; c <= OTHER; c++) perWord[c] = words[a * C + c]!;
    perWord[main < 0 ? OTHER : main]! += words[a * C + UNDET]!;
    const decisions: TopicDecision[] | null = detail.decisions?.has(a) ? [] : null;
    accounts[a]!.topics = scoreAccount(ctx, uniquePosts(posts.map((k) => matched[k]!)), perWord, rates, bio[a], tax, config, s, decisions);
    if (decisions) accounts[a]!.decisions = decisions;
  }
  return { window, accounts, corpus: { posts: corpusPosts, matchedPosts: matched.length, accounts: A } };
}

/**
 * What steps 1-2 read from post texts, one entry per text in the order given: its length (a
 * check that a table and the posts line up), its word column (a background language, "other"
 * L, or undetermined L + 1), its tokens and hashtags, and its distinct matched topics: those
 * with sense evidence first, ascending (`sensed` of them), then the plain ones, ascending,
 * each with its hashtag-only flag and sentence key. Typed arrays only, so a worker thread
 * can hand a table over without copying it. The same texts give the same table however they
 * are split into parts (mergeTopicExtractions).
 */
export interface TopicExtractions {
  n: number;
  length: Int32Array;
  column: Int32Array;
  tokens: Int32Array;
  hashtags: Int32Array;
  sensed: Int32Array;
  /** entries of text k: first[k] .. first[k + 1] - 1 (n + 1 values) */
  first: Int32Array;
  topic: Int32Array;
  hashtagOnly: Uint8Array;
  key: Int32Array;
}

/** An extractor of one taxonomy, matcher and config: texts added one by one into `table`. */
export interface TopicExtractor {
  /** the table so far (its arrays may be replaced as it grows) */
  readonly table: TopicExtractions;
  add(text: string, lang: string | null): void;
  /** empties the table (its arrays are reused) */
  clear(): void;
}

/** Steps 1-2 of every text of `texts` (with `langs`, the posts' language tags), in order. */
export function extractTopicTexts(tax: Taxonomy, matcher: TopicMatcher, texts: ArrayLike<string>, langs: ArrayLike<string | null>, config: TopicConfig = TOPIC_DEFAULTS): TopicExtractions {
  const x = createTopicExtractor(tax, matcher, config, texts.length);
  for (let i = 0; i < texts.length; i++) x.add(texts[i]!, langs[i] ?? null);
  return trimmed(x.table);
}

/** The parts' entries one after another (the parts of a list of texts, in order). */
export function mergeTopicExtractions(parts: readonly TopicExtractions[]): TopicExtractions {
  const n = parts.reduce((s, p) => s + p.n, 0);
  const entries = parts.reduce((s, p) => s + p.first[p.n]!, 0);
  const out = emptyExtractions(n, entries);
  let k = 0;
  let e = 0;
  for (const p of parts) {
    const pe = p.first[p.n]!;
    for (const f of ['length', 'column', 'tokens', 'hashtags', 'sensed'] as const) out[f].set(p[f].subarray(0, p.n), k);
    for (let i = 0; i < p.n; i++) out.first[k + i] = p.first[i]! + e;
    out.topic.set(p.topic.subarray(0, pe), e);
    out.hashtagOnly.set(p.hashtagOnly.subarray(0, pe), e);
    out.key.set(p.key.subarray(0, pe), e);
    k += p.n;
    e += pe;
  }
  out.n = n;
  out.first[n] = e;
  return out;
}

function emptyExtractions(texts: number, entries: number): TopicExtractions {
  return {
    n: 0,
    length: new Int32Array(texts),
    column: new Int32Array(texts),
    tokens: new Int32Array(texts),
    hashtags: new Int32Array(texts),
    sensed: new Int32Array(texts),
    first: new Int32Array(texts + 1),
    topic: new Int32Array(entries),
    hashtagOnly: new Uint8Array(entries),
    key: new Int32Array(entries),
  };
}

function trimmed(t: TopicExtractions): TopicExtractions {
  const e = t.first[t.n]!;
  return {
    n: t.n,
    length: t.length.slice(0, t.n),
    column: t.column.slice(0, t.n),
    tokens: t.tokens.slice(0, t.n),
    hashtags: t.hashtags.slice(0, t.n),
    sensed: t.sensed.slice(0, t.n),
    first: t.first.slice(0, t.n + 1),
    topic: t.topic.slice(0, e),
    hashtagOnly: t.hashtagOnly.slice(0, e),
    key: t.key.slice(0, e),
  };
}

function grown<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** An extractor with room for `texts` texts to start with (see TopicExtractor). */
export function createTopicExtractor(tax: Taxonomy, matcher: TopicMatcher, config: TopicConfig = TOPIC_DEFAULTS, texts = 1): TopicExtractor {
  const T = tax.size;
  const bg = matcher.background;
  const L = bg.languages.length;
  const OTHER = L;
  const UNDET = L + 1;
  const scratch = createMatchScratch();
  const scores = new Float64Array(Math.max(1, matcher.languageId.latin.length));
  const columnMask = bg.languages.map((l) => languageMask(matcher, l)); // languageMask splits its argument: once per language, not per post
  const stamp = new Int32Array(T).fill(-1);
  const onlyHash = new Uint8Array(T);
  const senseOk = new Uint8Array(T);
  const neighbours = new Map<number, Set<number>>();
  const everyday = everydayTableOf(matcher, config.sense.everydayRank, config.sense.sharedNames, config.sense.nameHomonyms);
  const frequent = everydayTableOf(matcher, config.sense.everydayRank, false, config.sense.nameHomonyms);
  let seq = 0;
  let t = emptyExtractions(Math.max(1, texts), Math.max(16, texts >> 1));
  const sensed: number[] = [];
  const plain: number[] = [];
  let cur = 0; // the text being added
  const push = (topic: number, onlyHashtags: number, key: number): void => {
    const e = t.first[cur + 1]!;
    if (e === t.topic.length) {
      t.topic = grown(t.topic, e + 1);
      t.hashtagOnly = grown(t.hashtagOnly, e + 1);
      t.key = grown(t.key, e + 1);
    }
    t.topic[e] = topic;
    t.hashtagOnly[e] = onlyHashtags;
    t.key[e] = key;
    t.first[cur + 1] = e + 1;
  };
  let keys = new Int32Array(256); // per token: its sentence's key
  const keyOf = (topic: number, count: number): number => {
    for (let k = 0; k < count; k++) if (scratch.topics[k] === topic) return keys[scratch.start[k]!]!;
    return 0;
  };
  return {
    get table() {
      return t;
    },
    clear() {
      t.n = 0;
    },
    add(text, lang) {
      const k = (cur = t.n);
      if (k + 1 >= t.first.length) {
        for (const f of ['length', 'column', 'tokens', 'hashtags', 'sensed'] as const) t[f] = grown(t[f], k + 1);
        t.first = grown(t.first, k + 2);
      }
      const e0 = t.first[k]!;
      t.first[k + 1] = e0;
      tokenizeText(matcher, text, scratch);
      let col = backgroundLanguageIndex(bg, lang);
      if (col < 0) {
        const found = identifyLanguage(matcher.languageId, scratch, config.languageMargin, scores);
        col = found === OTHER_LANGUAGE ? OTHER : found === UNDETERMINED ? UNDET : found;
      }
      t.length[k] = text.length;
      t.column[k] = col;
      t.tokens[k] = scratch.tokens;
      t.sensed[k] = 0;
      const count = matchTokens(matcher, col < L ? columnMask[col]! : languageMask(matcher, lang), scratch);
      t.hashtags[k] = scratch.hashtags;
      t.n = k + 1;
      if (count === 0) return;
      seq++;
      sensed.length = 0;
      plain.length = 0;
      // capitals are only evidence where folding kept the offsets (always for ASCII text)
      const caseText = scratch.cursor.length === text.length && (col < L ? capitalisesNames(bg.languages[col]!) : col === UNDET && scratch.scripts[SCRIPT_LATIN]! > 0) ? text : null;
      const sense: SenseContext = { col, L, OTHER, caseText, count, everyday, frequent };
      const topics: number[] = [];
      for (let m = 0; m < count; m++) {
        const tp = scratch.topics[m]!;
        if (stamp[tp] !== seq) {
          stamp[tp] = seq;
          onlyHash[tp] = 1;
          senseOk[tp] = 0;
          topics.push(tp);
        }
        if (scratch.hashtag[m] === 0) onlyHash[tp] = 0;
        if (senseOk[tp] === 0 && hasSense(m, sense, scratch, matcher, tax, neighbours)) senseOk[tp] = 1;
      }
      if (keys.length < scratch.tokens) keys = new Int32Array(scratch.tokens * 2);
      sentenceKeysOf(scratch, keys);
      for (const tp of topics) (senseOk[tp] ? sensed : plain).push(tp);
      sensed.sort((x, y) => x - y);
      plain.sort((x, y) => x - y);
      for (const tp of sensed) push(tp, onlyHash[tp]!, keyOf(tp, count));
      for (const tp of plain) push(tp, 0, keyOf(tp, count));
      t.sensed[k] = sensed.length;
    },
  };
}

/** The code units that end a sentence: . ! ? newline, and the ideographic and full-width ones, and the ellipsis. */
const SENTENCE_END = /[.!?\n\u3002\uff01\uff1f\u2026]/g;

/** The offset of the first sentence end at or after `from` in text, or text.length when there is none. */
function sentenceEndFrom(text: string, from: number): number {
  SENTENCE_END.lastIndex = from;
  return SENTENCE_END.test(text) ? SENTENCE_END.lastIndex - 1 : text.length;
}

/**
 * Per token of the text in `s`, into keys: a hash of its sentence's tokens (URLs, mentions and
 * punctuation left out), so the same sentence in several posts is one piece of evidence, as
 * a repeated post is. A sentence ends between token k-1 and token k when a sentence end lies
 * in text[tokenStart[k-1], tokenStart[k]); its key is FNV-1a over its tokens' hashes. The
 * sentence ends are found by a regular expression's native search from token to token (a
 * post has few), not by reading every code unit again; each match walking its sentence took
 * 40% of the extraction on generated posts.
 */
function sentenceKeysOf(s: MatchScratch, keys: Int32Array): void {
  const text = s.folded;
  const n = s.tokens;
  // the first sentence end at or after tokenStart[k - 1]
  let end = n > 1 ? sentenceEndFrom(text, s.tokenStart[0]!) : text.length;
  let a = 0; // the current sentence's first token
  for (let k = 1; k <= n; k++) {
    let ends = k === n;
    if (!ends && end < s.tokenStart[k]!) {
      ends = true;
      end = sentenceEndFrom(text, s.tokenStart[k]!);
    }
    if (!ends) continue;
    let h = 0x811c9dc5;
    for (let j = a; j < k; j++) h = Math.imul(h ^ s.tokenHashes[j]!, 0x01000193);
    for (let j = a; j < k; j++) keys[j] = h;
    a = k;
  }
}

interface SenseContext {
  /** the post's word column (a background language, OTHER, or undetermined) */
  col: number;
  L: number;
  OTHER: number;
  /** the post's text when capitals can be read from it, else null */
  caseText: string | null;
  count: number;
  /** per form node and background language: 1 = an everyday word there, so its match needs sense evidence (everydayTableOf) */
  everyday: Uint8Array;
  /** the same by frequency alone (shared names included): a frequent form does not vouch for a neighbour's sense */
  frequent: Uint8Array;
}

/** Sense evidence for match k of the post in `scratch` (sense.ts). */
function hasSense(k: number, c: SenseContext, scratch: MatchScratch, matcher: TopicMatcher, tax: Taxonomy, neighbours: Map<number, Set<number>>): boolean {
  if (scratch.hashtag[k] === 1) return true;
  if (!isEveryday(scratch.node[k]!, c, c.everyday, matcher)) return true;
  if (c.caseText !== null && isCapitalisedName(c.caseText, scratch.tokenStart[scratch.start[k]!]!)) return true;
  const t = scratch.topics[k]!;
  let near = neighbours.get(t);
  if (!near) neighbours.set(t, (near = neighbourhoodOf(tax, t)));
  // a neighbour counts when its own match stands on its own: two everyday words never vouch for each other ("cooking pasta")
  for (let j = 0; j < c.count; j++) if (j !== k && scratch.topics[j] !== t && near.has(scratch.topics[j]!) && ownEvidence(j, c, scratch, matcher)) return true;
  return false;
}

/**
 * Match j needs no context: not a frequent word, a hashtag, or a capitalised name. A shared name
 * that is frequent ("pizza", "internet") needs no evidence itself but says too little to vouch
 * for a neighbour: "café y pizza" does not make the café anyone's topic.
 */
function ownEvidence(j: number, c: SenseContext, scratch: MatchScratch, matcher: TopicMatcher): boolean {
  return scratch.hashtag[j] === 1 || !isEveryday(scratch.node[j]!, c, c.frequent, matcher) || (c.caseText !== null && isCapitalisedName(c.caseText, scratch.tokenStart[scratch.start[j]!]!));
}

/** Which forms are everyday words in which language (background.ts everydayForms), one table per matcher and setting. */
const everydayTables = new WeakMap<TopicMatcher, Map<string, Uint8Array>>();
function everydayTableOf(matcher: TopicMatcher, everydayRank: number, sharedNames: boolean, nameHomonyms: boolean): Uint8Array {
  let byKey = everydayTables.get(matcher);
  if (!byKey) everydayTables.set(matcher, (byKey = new Map()));
  const key = `${everydayRank} ${sharedNames} ${nameHomonyms}`;
  let table = byKey.get(key);
  if (!table) {
    const bg = matcher.background;
    table = everydayForms(matcher.nodeSenseZipf, bg.languages.length, everydayThresholds(bg, everydayRank), matcher.languageId.latin, sharedNames, nameHomonyms ? matcher.nodeHomonym : null);
    byKey.set(key, table);
  }
  return table;
}

/** True when the form ending at `node` is marked in `table` (everyday or frequent) for the post's language. */
function isEveryday(node: number, c: SenseContext, table: Uint8Array, matcher: TopicMatcher): boolean {
  const L = c.L;
  if (c.col < L) return table[node * L + c.col] === 1;
  if (c.col === c.OTHER) return false;
  // undetermined: everyday in any background language written in Latin script
  for (const l of matcher.languageId.latin) if (table[node * L + l] === 1) return true;
  return false;
}

/**
 * Per topic and word column, how often ordinary writing names the topic per word: the sum of
 * its forms' frequencies (background.ts; a phrase's as TopicConfig.phraseFrequency says), everyday forms at s0 for the sense-checked count and
 * at full weight once an account has anchored the sense; and the same over each topic's
 * descendants (each descendant once), for the roll-up test.
 */
function backgroundRates(tax: Taxonomy, matcher: TopicMatcher, config: TopicConfig): Rates {
  const bg = matcher.background;
  const L = bg.languages.length;
  const columns = L + 1;
  const T = tax.size;
  const sense = new Float64Array(T * columns);
  const full = new Float64Array(T * columns);
  const floor = zipfToFrequency(bg.floorZipf);
  const s0 = config.sense.accidentalEvidence;
  const everyday = everydayTableOf(matcher, config.sense.everydayRank, config.sense.sharedNames, config.sense.nameHomonyms);
  for (let t = 0; t < T; t++) {
    const pairs = matcher.topicForms[t]!;
    for (let k = 0; k < pairs.length; k += 2) {
      const node = pairs[k]!;
      const column = pairs[k + 1]!;
      for (let c = 0; c < columns; c++) {
        if (column !== -1 && column !== c) continue;
        let f = floor;
        let isEveryday = false;
        if (c < L) {
          f = zipfToFrequency(phraseZipf(matcher.nodeZipf[node * L + c]!, matcher.nodeIndependentZipf[node * L + c]!, config.phraseFrequency, bg.floorZipf));
          isEveryday = everyday[node * L + c] === 1;
        }
        full[t * columns + c]! += f;
        sense[t * columns + c]! += isEveryday ? s0 * f : f;
      }
    }
  }
  const rollSense = new Float64Array(T * columns);
  const rollFull = new Float64Array(T * columns);
  for (let t = 0; t < T; t++) {
    for (const up of tax.ancestors[t]!) {
      for (let c = 0; c < columns; c++) {
        rollSense[up * columns + c]! += sense[t * columns + c]!;
        rollFull[up * columns + c]! += full[t * columns + c]!;
      }
    }
  }
  return { columns, languages: bg.languages, sense, full, rollSense, rollFull };
}

/** Steps 3-7 for one account (see the module doc). */
function scoreAccount(
  ctx: { discourse: Map<number, Set<number>> },
  posts: MatchedPost[],
  perWord: Float64Array,
  rates: Rates,
  bio: Set<number> | undefined,
  tax: Taxonomy,
  config: TopicConfig,
  s: Scratch,
  decisions: TopicDecision[] | null = null,
): TopicScore[] {
  const cols = rates.columns;
  const mark = (t: number) => {
    if (s.seen[t] === 0) {
      s.seen[t] = 1;
      s.touched.push(t);
    }
  };
  const expectedFor = (t: number, table: Float64Array): number => {
    let mu = 0;
    for (let c = 0; c < cols; c++) mu += perWord[c]! * table[t * cols + c]!;
    return mu;
  };

  // a sentence the account repeats across posts names its topics once (a habit or a template, like a repeated post)
  const seenKeys = new Map<number, Set<number>>();
  const fresh = (t: number, key: number): boolean => {
    let set = seenKeys.get(t);
    if (!set) seenKeys.set(t, (set = new Set()));
    if (set.has(key)) return false;
    set.add(key);
    return true;
  };
  posts = posts.map((mp) => {
    const keepT = mp.topics.map((t, i) => fresh(t, mp.topicKeys[i]!));
    const keepP = mp.plain.map((t, i) => fresh(~t, mp.plainKeys[i]!));
    if (keepT.every(Boolean) && keepP.every(Boolean)) return mp;
    return {
      ...mp,
      topics: mp.topics.filter((_, i) => keepT[i]),
      hashtagOnly: mp.hashtagOnly.filter((_, i) => keepT[i]),
      topicKeys: mp.topicKeys.filter((_, i) => keepT[i]),
      plain: mp.plain.filter((_, i) => keepP[i]),
      plainKeys: mp.plainKeys.filter((_, i) => keepP[i]),
    };
  });

  // one sense per discourse (sense.ts): a topic whose sense the account shows counts its plain uses too
  const sensePosts = new Map<number, number>();
  const plainTopics = new Set<number>();
  // only the account's own words show its senses: not reshares, not hashtag-stuffed posts
  const own = (mp: MatchedPost) => mp.quality >= config.countedQuality;
  for (const mp of posts) {
    if (own(mp)) for (const t of mp.topics) sensePosts.set(t, (sensePosts.get(t) ?? 0) + 1);
    for (const t of mp.plain) plainTopics.add(t);
  }
  const anchoredSense = new Set<number>();
  const anchoredBy = new Map<number, 'evidence' | 'neighbours'>();
  for (const t of plainTopics) {
    if ((sensePosts.get(t) ?? 0) >= config.sense.anchorPosts) {
      anchoredSense.add(t);
      anchoredBy.set(t, 'evidence');
      continue;
    }
    if (config.sense.discourseNeighbours === 'none') continue;
    let near = ctx.discourse.get(t);
    if (!near) ctx.discourse.set(t, (near = config.sense.discourseNeighbours === 'children' ? new Set(tax.children[t]!) : discourseNeighbourhoodOf(tax, t)));
    if (near.size === 0) continue;
    let k = 0;
    for (const mp of posts) {
      if (own(mp) && mp.topics.some((u) => near!.has(u))) k++;
      if (k >= config.minPosts) break;
    }
    if (k >= config.minPosts) {
      anchoredSense.add(t);
      anchoredBy.set(t, 'neighbours');
    }
  }
  const effective = posts.map((mp) => {
    if (mp.plain.length === 0) return mp;
    const extra = mp.plain.filter((t) => anchoredSense.has(t));
    if (extra.length === 0) return mp;
    const topics = [...mp.topics, ...extra].sort((x, y) => x - y);
    return { ...mp, topics, hashtagOnly: topics.map((t) => (mp.topics.includes(t) ? mp.hashtagOnly[mp.topics.indexOf(t)]! : 0)) };
  });
  for (const t of anchoredSense) s.senseAnchored[t] = 1;

  // usage of each named topic against the background; the ancestors it reaches are marked
  for (const mp of effective) {
    const counted = mp.quality >= config.countedQuality ? 1 : 0;
    for (const t of mp.topics) {
      mark(t);
      s.directN[t]! += counted;
    }
    reachOf(mp, tax, mark);
  }
  const anchoredExtra = (t: number, c: number): number => (s.senseAnchored[t] ? rates.full[t * cols + c]! - rates.sense[t * cols + c]! : 0);
  const expectedDirect = (t: number): number => expectedFor(t, s.senseAnchored[t] ? rates.full : rates.sense);
  for (const t of s.touched) if (s.directN[t]! > 0) s.share[t] = distinctShare(s.directN[t]!, expectedDirect(t));

  // step 5: roll up; first count the posts that count, then accumulate where enough do
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
  for (const mp of effective) {
    rollUp(mp);
    for (const up of s.reached) s.counting[up]!++;
  }
  for (const mp of effective) {
    rollUp(mp);
    for (const up of s.reached) {
      if (s.counting[up]! < config.minPosts) continue;
      let x = s.acc[up];
      if (!x) {
        x = {
          posts: 0, ownPosts: 0, weighted: 0, quality: 0, counted: 0, engagement: 0, engagementKnown: false, engagers: new Set(), engagerBound: 0, hashtagOnly: 0, reshares: 0,
          direct: false, selfPosts: 0, selfWeighted: 0, parts: new Map(), examples: [],
        };
        s.acc[up] = x;
      }
      const w = s.bestW[up]!;
      x.posts++;
      x.weighted += w;
      x.quality += mp.quality;
      if (mp.quality >= config.countedQuality) x.counted++;
      x.engagement += w * mp.engagement;
      if (mp.engagementKnown) x.engagementKnown = true;
      for (let e = 0; e < mp.engagers.length; e++) x.engagers.add(mp.engagers[e]!);
      x.engagerBound = Math.max(x.engagerBound, mp.engagerBound);
      if (s.bestHash[up] === 1) x.hashtagOnly++;
      if (mp.reshare) x.reshares++;
      if (s.bestSelf[up] === 1) {
        x.direct = true;
        x.ownPosts++;
      }
      // the named sub-topics that carry the post here (each counted once per post)
      for (const u of mp.topics) if (u !== up && s.share[u]! >= config.minDistinctiveness && tax.ancestors[u]!.includes(up)) x.parts.set(u, (x.parts.get(u) ?? 0) + 1);
      // TopicConfig.detailsLead (off by default): on, a term that only ever turns up in posts about something the account
      // names more often is a detail of that subject; off, a topic named in its own right is tested on its own words beside it
      if (s.bestSelf[up] === 1 && (!config.detailsLead || !mp.topics.some((u) => u !== up && s.directN[u]! > s.directN[up]!))) {
        x.selfPosts++;
        x.selfWeighted += s.selfW[up]!;
      }
      keepExample(x.examples, mp, w * (1 + mp.engagement), config.examples);
    }
  }

  // step 6: candidates, one posterior each, Bayesian FDR over the account's candidates
  const candidates: { t: number; n: number; mu: number; p: number; direct: boolean }[] = [];
  for (const t of s.touched) {
    const x = s.acc[t];
    if (!x || x.posts < config.minPosts || x.weighted < config.minWeightedPosts) continue;
    const direct = x.selfPosts >= config.minPosts && x.selfWeighted >= config.minWeightedPosts;
    let n: number;
    let mu: number;
    if (direct) {
      n = s.directN[t]!;
      mu = expectedDirect(t);
    } else {
      n = x.counted;
      mu = expectedFor(t, rates.rollSense);
      // descendants whose sense the account anchored enter at full weight
      for (const d of s.touched) if (s.senseAnchored[d] && tax.ancestors[d]!.includes(t)) for (let c = 0; c < cols; c++) mu += perWord[c]! * anchoredExtra(d, c);
    }
    // empirical Bayes: how likely the account's rate is at most 1/(1 - D_min) times ordinary writing's
    const p = posteriorNullProbability(Math.round(n), mu, config.dispersion, 1 / (1 - config.minDistinctiveness));
    candidates.push({ t, n, mu, p, direct });
  }
  // Bayesian FDR over the account's candidates: the expected share of ordinary-writing topics among those kept is at most q
  const rejected = bayesianFdrSelect(candidates.map((c) => c.p), config.fdr);
  const assigned = new Set<number>();
  candidates.forEach((c, i) => {
    if (c.direct && rejected[i] && distinctShare(c.n, c.mu) >= config.minDistinctiveness) {
      assigned.add(c.t);
      for (const up of tax.ancestors[c.t]!) s.anchored[up] = 1;
    }
  });
  // a category is listed when it sums up several sub-topics: one (possibly false) topic never
  // becomes six by roll-up; `rank --topic` still finds a single sub-topic's expert (rank.ts)
  candidates.forEach((c, i) => {
    if (!c.direct && rejected[i] && s.anchored[c.t] && s.acc[c.t]!.parts.size >= config.minSubTopics && distinctShare(c.n, c.mu) >= config.minDistinctiveness) assigned.add(c.t);
  });

  if (decisions) {
    // the parts of mu, as candidates compute it (the subtree's sum with the anchored descendants at full weight)
    const muFrom = (t: number, rolled: boolean): { part: string; mu: number }[] => {
      const parts: { part: string; mu: number }[] = [];
      if (!rolled) {
        const table = s.senseAnchored[t] ? rates.full : rates.sense;
        for (let c = 0; c < cols; c++) parts.push({ part: c < cols - 1 ? rates.languages[c]! : 'other', mu: perWord[c]! * table[t * cols + c]! });
      } else {
        for (let d = 0; d < tax.size; d++) {
          if (!tax.ancestors[d]!.includes(t)) continue;
          let mu = 0;
          for (let c = 0; c < cols; c++) mu += perWord[c]! * (rates.sense[d * cols + c]! + anchoredExtra(d, c));
          parts.push({ part: tax.slugs[d]!, mu });
        }
      }
      return parts
        .filter((p) => p.mu > 0)
        .sort((p, q) => q.mu - p.mu || (p.part < q.part ? -1 : 1))
        .slice(0, 5)
        .map((p) => ({ part: p.part, mu: Number(p.mu.toPrecision(3)) }));
    };
    recordDecisions(decisions, effective, candidates, rejected, assigned, expectedDirect, muFrom, tax, config, s, anchoredBy);
  }

  const out: TopicScore[] = [];
  for (const c of candidates) {
    if (!assigned.has(c.t)) continue;
    const t = c.t;
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
        ownPosts: x.ownPosts,
        engagers,
        weightedPosts: round3(x.weighted),
        engagement: round3(x.engagement),
        engagementKnown: x.engagementKnown,
        distinctiveness: round3(x.weighted / x.quality),
        expected: round3(c.mu),
        lfdr: Number(c.p.toPrecision(3)),
        hashtagOnly: x.hashtagOnly,
        reshares: x.reshares,
        bio: hasBio,
        direct: x.direct,
        subTopics: [...x.parts]
          .sort((p, q) => q[1] - p[1] || (tax.slugs[p[0]]! < tax.slugs[q[0]]! ? -1 : 1))
          .slice(0, config.subTopics)
          .map(([u, posts]) => ({ id: tax.ids[u]!, slug: tax.slugs[u]!, name: tax.names[u]!, posts })),
        examples: x.examples.map((e) => ({ id: e.post.id, text: e.post.text, engagement: round3(e.post.engagement) })),
      },
    });
  }
  for (const t of s.touched) {
    s.directN[t] = s.share[t] = s.counting[t] = 0;
    s.anchored[t] = s.seen[t] = s.senseAnchored[t] = 0;
    s.acc[t] = undefined;
  }
  s.touched.length = 0;
  // highest score first; at equal scores the topic named in the posts before the categories above it
  return out.sort(
    (x, y) => y.score - x.score || Number(y.evidence.direct) - Number(x.evidence.direct) || y.evidence.posts - x.evidence.posts || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0),
  );
}

/** The detailed variant: every topic the account named or reached, with the first gate it failed (see TopicGate). */
function recordDecisions(
  out: TopicDecision[],
  posts: MatchedPost[],
  candidates: { t: number; n: number; mu: number; p: number; direct: boolean }[],
  rejected: boolean[],
  assigned: Set<number>,
  expectedDirect: (t: number) => number,
  muFrom: (t: number, rolled: boolean) => { part: string; mu: number }[],
  tax: Taxonomy,
  config: TopicConfig,
  s: Scratch,
  anchoredBy: Map<number, 'evidence' | 'neighbours'>,
): void {
  const plain = new Map<number, number>();
  for (const mp of posts) if (mp.quality >= config.countedQuality) for (const t of mp.plain) plain.set(t, (plain.get(t) ?? 0) + 1);
  const tested = new Map(candidates.map((c, i) => [c.t, { ...c, rejected: rejected[i]! }]));
  let cutoff = 0;
  candidates.forEach((c, i) => {
    if (rejected[i]) cutoff = Math.max(cutoff, c.p);
  });
  const topics = new Set<number>([...s.touched, ...plain.keys()]);
  for (const t of [...topics].sort((x, y) => x - y)) {
    const c = tested.get(t);
    const x = s.acc[t];
    const named = s.seen[t] ? s.directN[t]! : 0;
    let gate: TopicGate;
    if (assigned.has(t)) gate = 'assigned';
    else if (named === 0 && (plain.get(t) ?? 0) > 0 && !(s.seen[t] && s.counting[t]! > 0)) gate = 'sense';
    else if (named > 0 && s.share[t]! < config.minDistinctiveness && !(s.counting[t]! > 0)) gate = 'distinctiveness';
    else if (!c) gate = 'min-posts';
    else if (!c.direct && s.directN[t]! >= config.minPosts) gate = 'not-leading';
    else if (!c.rejected) gate = 'fdr';
    else if (distinctShare(c.n, c.mu) < config.minDistinctiveness) gate = 'distinctiveness';
    else gate = 'roll-up';
    out.push({
      topic: t,
      slug: tax.slugs[t]!,
      named,
      plain: plain.get(t) ?? 0,
      senseAnchored: s.senseAnchored[t] === 1,
      anchoredBy: anchoredBy.get(t) ?? null,
      counting: s.seen[t] ? s.counting[t]! : 0,
      weighted: round3(x?.weighted ?? 0),
      direct: c?.direct ?? false,
      n: c?.n ?? NaN,
      mu: Number((c ? c.mu : expectedDirect(t)).toPrecision(3)),
      muFrom: muFrom(t, c ? !c.direct : false),
      distinctiveness: c ? round3(distinctShare(c.n, c.mu)) : named > 0 ? round3(s.share[t]!) : NaN,
      lfdr: c ? Number(c.p.toPrecision(3)) : NaN,
      fdrCutoff: Number(cutoff.toPrecision(3)),
      gate,
    });
  }
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

/** The 1-100 topic score of step 7 (see the module doc). */
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

/** True when the export says anything about the post's reception (a declared count, or an event). */
function hasEngagementData(p: TopicPost): boolean {
  const e = p.events;
  return Number.isFinite(p.declared.likes) || Number.isFinite(p.declared.reshares) || Number.isFinite(p.declared.replies) || e.like + e.reply + e.reshare + e.quote > 0 || p.engagers.length > 0;
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
    tokenizeText(matcher, acct.bio, scratch);
    const count = matchTokens(matcher, languageMask(matcher, null), scratch);
    if (count === 0) return undefined;
    const set = new Set<number>();
    for (let k = 0; k < count; k++) for (const up of tax.ancestors[scratch.topics[k]!]!) set.add(up);
    return set;
  });
}
