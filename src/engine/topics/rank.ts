/**
 * Ranking accounts by influence on one topic (for `influence rank --topic SLUG`).
 *
 * Definition: an account qualifies when the topic or one of its sub-topics is assigned to it
 * (computeTopicExpertise), so `rank --topic music` includes the K-pop and Exo experts whose
 * posts are not distinctive for the whole of music. Its topic score is the topic's own when
 * assigned, else its best sub-topic's (named in `via`). Without overall scores the
 * rank key is the topic score. With each account's overall influence score S (1-100, from the
 * scoring run) the key is the geometric mean sqrt(topicScore * S): both are needed, so an
 * expert nobody listens to and a celebrity who mentioned the topic three times both rank
 * below an engaged expert. Ties: topic score, distinct engagers, then handle.
 * Source: Klout ranked "influential about X" by combining topical expertise with overall
 * influence (Spasojevic et al., arXiv:1608.09002, section on expertise ranking).
 * Example: topic 60 with S 40 -> sqrt(2400) = 49; topic 35 with S 80 -> sqrt(2800) = 52.9.
 *
 * Wiring `rank --topic SLUG` (cli): tax = loadTaxonomy(--ontology); topic = findTopic(tax, SLUG)
 * (unknown -> UsageError suggesting `influence topics --search`); input = readTopicInput(db,
 * window); expertise = computeTopicExpertise(input, tax, buildTopicMatcher(tax), window);
 * influence[i] = the run's score for account input.dbIds[i]; rankByTopic(expertise, topic, tax,
 * { influence, handles: input.accounts.map((a) => a.handle) }), then --list / --min-score.
 */
import type { TopicExpertise, TopicScore } from './expertise.js';
import { isSelfOrAncestor, type Taxonomy } from './taxonomy.js';

export interface TopicRankEntry {
  account: number;
  rank: number;
  /** the value ranked on: topic score, or sqrt(topic score * influence) */
  key: number;
  topicScore: number;
  /** the overall influence score used, or null when none was given */
  influence: number | null;
  /** the assigned topic that qualified the account: the topic itself or a sub-topic of it */
  topic: TopicScore;
  /** true when the account qualified through a sub-topic (`topic` is that sub-topic) */
  via: boolean;
}

export interface RankByTopicOptions {
  /** per account index: overall influence score 1-100 (NaN or missing = not scored) */
  influence?: ArrayLike<number>;
  /** handles for the last tie-break (per account index) */
  handles?: readonly string[];
  limit?: number;
}

/** Ranks the accounts that have `topic` assigned, best first (see the module doc). */
export function rankByTopic(expertise: TopicExpertise, topic: number, tax: Taxonomy, options: RankByTopicOptions = {}): TopicRankEntry[] {
  const entries: Omit<TopicRankEntry, 'rank'>[] = [];
  for (const acct of expertise.accounts) {
    let ts = acct.topics.find((x) => x.topic === topic);
    const via = !ts;
    // topics are sorted best first: the first assigned sub-topic is the best one
    ts ??= acct.topics.find((x) => isSelfOrAncestor(tax, topic, x.topic));
    if (!ts) continue;
    const s = options.influence?.[acct.account];
    const influence = s !== undefined && Number.isFinite(s) ? s : null;
    const key = influence === null ? ts.score : Math.round(Math.sqrt(ts.score * influence) * 10) / 10;
    entries.push({ account: acct.account, key, topicScore: ts.score, influence, topic: ts, via });
  }
  const handle = (a: number) => options.handles?.[a] ?? '';
  entries.sort(
    (x, y) =>
      y.key - x.key ||
      y.topicScore - x.topicScore ||
      y.topic.evidence.engagers - x.topic.evidence.engagers ||
      (handle(x.account) < handle(y.account) ? -1 : handle(x.account) > handle(y.account) ? 1 : x.account - y.account),
  );
  const limited = options.limit !== undefined ? entries.slice(0, options.limit) : entries;
  return limited.map((e, i) => ({ ...e, rank: i + 1 }));
}
