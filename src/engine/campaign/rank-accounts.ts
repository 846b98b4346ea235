/**
 * A ranking of an analysis for `rank` (and the demo): the database or a campaign list,
 * by score, a sub-score or influence on a topic, filtered and cut (engine/ranking.ts),
 * each row with the reasons a renderer shows (itemised score, best topics, flags).
 *
 * With a topic, only accounts with the topic assigned (sub-topics roll up) qualify, and
 * the key is sqrt(topic score x score) (engine/topics/rank.ts).
 *
 * Audience (issue 12): each row carries the account's audience quality (real share of its
 * classified followers, engine/audience/classes.ts) and its own class. --exclude-flagged
 * also leaves out accounts whose own profile classifies them fake or bot; --min-quality N
 * leaves out accounts whose measured quality is below N, and lists accounts whose quality
 * cannot be measured (no classified follower in the database) apart with the abstentions,
 * saying so: an unmeasured audience is neither kept as good nor dropped as bad.
 *
 * The order is decided on summaries (the shown numbers read from the score table's columns,
 * equal to the itemised ones): `orderAccounts` is that order alone, cheap enough for an
 * interactive view of 100k accounts; `rankAccounts` adds each ranked row's itemised result.
 */
import { abstentionOf, isScored, scoredResultOf, keptSummaryOf, topicsOfAccount, type Abstention, type AccountSummary, type Analysis, type ScoredResult, type ScoredSummary } from '../analyze.js';
import { rankCandidates, type RankCandidate, type RankSort } from '../ranking.js';
import { rankByTopic } from '../topics/rank.js';
import type { TopicScore } from '../topics/expertise.js';
import type { FollowerList, ListEntry } from './list.js';
import { matchFollowerList, type UnknownEntry } from './list-match.js';
import { audienceQualityOf, classOf } from '../audience/classes.js';
import type { AudienceClass } from '../audience/model.js';

/** Account i's audience row (null without an audience model). */
function audienceOf(analysis: Analysis, i: number): RankAudience | null {
  const t = analysis.audience;
  if (!t) return null;
  const q = audienceQualityOf(t, i);
  return { class: classOf(t, i), quality: q?.quality ?? null, interval: q?.interval ?? null, classified: q?.classified ?? 0 };
}

const INAUTHENTIC: ReadonlySet<AudienceClass> = new Set(['fake', 'bot']);

/** How many of an account's best topics a ranking row carries. */
export const RANK_TOPICS = 3;

/** What to rank and how. */
export interface RankRequest {
  list: FollowerList | null;
  /** taxonomy index of the topic to rank by (needs topics in the analysis) */
  topic: number | null;
  minScore?: number;
  limit?: number;
  sort?: RankSort;
  excludeFlagged?: boolean;
  /** accounts with a lower confidence are listed apart with the abstentions */
  minConfidence?: number;
  /** leave out accounts whose audience quality is below this; those without a measured quality are listed apart */
  minQuality?: number;
}

/** An account's audience as a ranking row shows it. */
export interface RankAudience {
  /** the account's own class (from its profile and activity) */
  class: AudienceClass;
  /** 0-100, real share of its classified followers; null when none is classified */
  quality: number | null;
  /** 95% Wilson interval of quality */
  interval: [number, number] | null;
  /** followers classified (not unknown) */
  classified: number;
}

/** One ranked account with its reasons. */
export interface RankedAccount {
  rank: number;
  account: number;
  handle: string;
  network: string;
  result: ScoredResult;
  /** best assigned topics (at most RANK_TOPICS) */
  topics: TopicScore[];
  /** with a topic: its score and the rank key */
  topicKey: { score: number; key: number } | null;
  /** with a list: the entry that named the account */
  entry: ListEntry | null;
  /** audience quality and own class; null when the analysis has no audience model */
  audience: RankAudience | null;
}

/** A ranking and everything it left out, counted. */
export interface Ranking {
  sort: RankSort | 'topic';
  /** the topic ranked by */
  topic: { index: number; slug: string; name: string } | null;
  results: RankedAccount[];
  /** accounts of the pool without a score to rank (abstaining, or below --min-confidence), listed after the ranking */
  abstained: (Abstention & { entry: ListEntry | null })[];
  unknown: UnknownEntry[];
  duplicates: ListEntry[];
  counts: { listed: number | null; ranked: number; abstained: number; unknown: number; duplicates: number; filtered: number; cut: number };
  extraColumns: string[];
}

/** One ranked account by its shown numbers (the itemisation left out). */
export interface OrderedAccount {
  rank: number;
  account: number;
  handle: string;
  network: string;
  summary: ScoredSummary;
  /** with a topic: its score and the rank key */
  topicKey: { score: number; key: number } | null;
  /** with a list: the entry that named the account */
  entry: ListEntry | null;
  /** audience quality and own class; null when the analysis has no audience model */
  audience: RankAudience | null;
}

/** A ranking's order and everything it left out, without the itemised results. */
export type RankOrder = Omit<Ranking, 'results'> & { rows: OrderedAccount[] };

/** Orders the analysis (see the module doc): the ranking of rankAccounts without itemising. */
export function orderAccounts(analysis: Analysis, req: RankRequest): RankOrder {
  const { dataset } = analysis;
  const list = req.list;
  const match = list ? matchFollowerList(dataset.accounts, analysis.handles, list) : null;
  const pool = match ? [...match.matched.keys()] : Array.from({ length: dataset.accounts.n }, (_, i) => i);
  // by account index (an array, not a Map: 100k entries are built on a key press)
  const scored: (ScoredSummary | undefined)[] = new Array(dataset.accounts.n);
  const scoredIn: number[] = [];
  const abstained: Ranking['abstained'] = [];
  const audience: (RankAudience | null)[] = new Array(dataset.accounts.n);
  for (const i of pool) {
    const s = keptSummaryOf(analysis, i);
    const a = audienceOf(analysis, i);
    audience[i] = a;
    const apart = abstentionOf(s, req.minConfidence) ?? unmeasuredQuality(s, a, req.minQuality);
    if (apart === null && isScored(s)) {
      scored[i] = s;
      scoredIn.push(i);
    } else abstained.push({ ...apart!, entry: match?.matched.get(i) ?? null });
  }

  let topicKeys: Map<number, { score: number; key: number; via?: string }> | null = null;
  if (req.topic !== null && analysis.topics) {
    const influence = new Float64Array(dataset.accounts.n).fill(NaN);
    for (const i of scoredIn) influence[i] = scored[i]!.score;
    topicKeys = new Map();
    // sub-topics included: a K-pop expert ranks for music; `via` names the sub-topic
    for (const e of rankByTopic(analysis.topics.expertise, req.topic, analysis.topics.taxonomy, { influence, handles: dataset.accounts.handle })) {
      if (scored[e.account]) topicKeys.set(e.account, { score: e.topicScore, key: e.key, ...(e.via ? { via: e.topic.slug } : {}) });
    }
  }

  const candidates: RankCandidate[] = [];
  for (const i of scoredIn) {
    if (topicKeys && !topicKeys.has(i)) continue;
    const s = scored[i]!;
    const { reach, amplification, network } = s.subscores;
    const a = audience[i] ?? null;
    const flagged = s.flags.length > 0 || (a !== null && INAUTHENTIC.has(a.class));
    candidates.push({ account: i, handle: s.handle, score: s.score, reach, amplification, network, flagged, quality: a?.quality ?? null, key: topicKeys?.get(i)?.key });
  }
  const sort = req.sort ?? (topicKeys ? 'key' : 'score');
  const result = rankCandidates(candidates, { sort, minScore: req.minScore, excludeFlagged: req.excludeFlagged, minQuality: req.minQuality, limit: req.limit });
  const duplicates = [...(list?.duplicates ?? []), ...(match?.repeated ?? [])].sort((a, b) => a.line - b.line);
  return {
    sort: sort === 'key' ? 'topic' : sort,
    topic: topicKeys && analysis.topics ? { index: req.topic!, slug: analysis.topics.taxonomy.slugs[req.topic!]!, name: analysis.topics.taxonomy.names[req.topic!]! } : null,
    rows: result.ranked.map((r) => ({
      rank: r.rank,
      account: r.account,
      handle: r.handle,
      network: dataset.accounts.network[r.account]!,
      summary: scored[r.account]!,
      topicKey: topicKeys?.get(r.account) ?? null,
      entry: match?.matched.get(r.account) ?? null,
      audience: audience[r.account] ?? null,
    })),
    abstained,
    unknown: match?.unknown ?? [],
    duplicates,
    counts: {
      listed: list ? list.entries.length + list.duplicates.length : null,
      ranked: result.ranked.length,
      abstained: abstained.length,
      unknown: match?.unknown.length ?? 0,
      duplicates: duplicates.length,
      filtered: result.filtered + (topicKeys ? scoredIn.length - candidates.length : 0),
      cut: result.cut,
    },
    extraColumns: list?.extraColumns ?? [],
  };
}

/** With --min-quality, an account whose audience quality cannot be measured is listed apart, saying why. */
function unmeasuredQuality(r: AccountSummary, a: RankAudience | null, minQuality: number | undefined): Abstention | null {
  if (minQuality === undefined || r.score === null || (a !== null && a.quality !== null)) return null;
  return { account: r.index, handle: r.handle, network: r.network, reason: `audience quality unknown (no classified follower in the database), so not compared with --min-quality ${minQuality}` };
}

/** Ranks the analysis (see the module doc): the order, each row with its itemised result and best topics. */
export function rankAccounts(analysis: Analysis, req: RankRequest): Ranking {
  const { rows, ...order } = orderAccounts(analysis, req);
  return {
    sort: order.sort,
    topic: order.topic,
    results: rows.map((r) => ({
      rank: r.rank,
      account: r.account,
      handle: r.handle,
      network: r.network,
      result: scoredResultOf(analysis, r.account),
      topics: topicsOfAccount(analysis, r.account).slice(0, RANK_TOPICS),
      topicKey: r.topicKey,
      entry: r.entry,
      audience: r.audience,
    })),
    abstained: order.abstained,
    unknown: order.unknown,
    duplicates: order.duplicates,
    counts: order.counts,
    extraColumns: order.extraColumns,
  };
}

