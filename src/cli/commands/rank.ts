/** `influence rank`: rank the database, or a follower list, by score, a sub-score, or influence on a topic. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { addScoringOptions, type ScoringFlags } from '../scoring-options.js';
import { displayHandle, openScoringSession, type ScoringSession } from '../run-scoring.js';
import { indexHandles } from '../resolve-handles.js';
import { matchFollowerList, type ListMatch } from '../match-list.js';
import { computeStoredExpertise, loadOntology, resolveTopicFlag } from '../topic-session.js';
import { topicsOfAccount } from '../account-topics.js';
import { parseCountFlag, parseNumberFlag } from '../campaign-options.js';
import { explainScore } from '../../engine/score.js';
import { rankCandidates, RANK_SORTS, type RankCandidate, type RankSort } from '../../engine/ranking.js';
import { rankByTopic } from '../../engine/topics/rank.js';
import { readFollowerList, type FollowerList } from '../../import/follower-list.js';
import { toJson } from '../../render/json.js';
import { renderRankCsv, renderRankText, type RankReport } from '../../render/rank-view.js';

interface RankFlags extends ScoringFlags {
  list?: string;
  topic?: string;
  minScore?: string;
  limit?: string;
  sort?: RankSort;
  excludeFlagged?: boolean;
  ontology?: string;
}

export function registerRank(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('rank')
      .description('rank accounts (all, or a follower list) by score, a sub-score, or influence on a topic')
      .option('--list <file>', 'a follower list: CSV with a handle column (other columns kept), or one handle per line')
      .option('--topic <slug>', 'rank by influence on this topic (sub-topics included): sqrt(topic score x score)')
      .option('--min-score <n>', 'only accounts scoring at least N')
      .option('--limit <n>', 'show the first N')
      .addOption(new Option('--sort <key>', 'sort by').choices(RANK_SORTS as string[]))
      .option('--exclude-flagged', 'leave out accounts with authenticity flags')
      .option('--ontology <dir>', 'your own topic ontology (Klout-format CSVs)'),
  ).action(async (opts: RankFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const minScore = parseNumberFlag(opts.minScore, '--min-score', 0, 100);
    const limit = parseCountFlag(opts.limit, '--limit');
    const list: FollowerList | null = opts.list !== undefined ? readFollowerList(ctx.resolvePath(opts.list)) : null;
    const session = await openScoringSession(ctx, opts);
    try {
      const report = buildRankReport(ctx, session, { list, topic: opts.topic, minScore, limit, sort: opts.sort, excludeFlagged: opts.excludeFlagged, ontology: opts.ontology });
      if (ctx.mode === 'json') ctx.out(toJson(report));
      else if (ctx.mode === 'csv') ctx.out(renderRankCsv(report));
      else ctx.out(renderRankText(report, ctx.theme, ctx.mode === 'tty'));
    } finally {
      session.db.close();
    }
  });
}

export interface RankRequest {
  list: FollowerList | null;
  topic?: string;
  minScore?: number;
  limit?: number;
  sort?: RankSort;
  excludeFlagged?: boolean;
  ontology?: string;
}

/** Builds the ranking of a scoring session (rank, demo). */
export function buildRankReport(ctx: CommandContext, session: ScoringSession, req: RankRequest): RankReport {
  const { pop, table, window, model, db } = session;
  const tax = loadOntology(ctx, req.ontology);
  const topic = req.topic !== undefined ? resolveTopicFlag(tax, req.topic) : null;
  const stored = computeStoredExpertise(db, tax, window);
  const list = req.list;
  const match: ListMatch | null = list ? matchFollowerList(pop.accounts, indexHandles(pop.accounts), list) : null;
  const pool = match ? [...match.matched.keys()] : Array.from({ length: pop.accounts.n }, (_, i) => i);
  const explained = new Map(pool.map((i) => [i, explainScore(table, i)]));

  let topicKeys: Map<number, { score: number; key: number; via?: string }> | null = null;
  if (topic !== null) {
    // rankByTopic works on topic-input indices; map the overall scores onto them
    const influence = new Float64Array(stored.input.dbIds.length).fill(NaN);
    const popIndexOfDbId = new Map<number, number>();
    for (const i of pool) popIndexOfDbId.set(pop.accounts.dbId[i]!, i);
    stored.input.dbIds.forEach((id, k) => {
      const i = popIndexOfDbId.get(id);
      if (i !== undefined) influence[k] = explained.get(i)!.score;
    });
    topicKeys = new Map();
    for (const e of rankByTopic(stored.expertise, topic, tax, { influence, handles: stored.input.accounts.map((a) => a.handle) })) {
      const i = popIndexOfDbId.get(stored.input.dbIds[e.account]!);
      if (i !== undefined) topicKeys.set(i, { score: e.topicScore, key: e.key, ...(e.via ? { via: e.topic.slug } : {}) });
    }
  }

  const candidates: RankCandidate[] = [];
  for (const i of pool) {
    if (topicKeys && !topicKeys.has(i)) continue;
    const s = explained.get(i)!;
    candidates.push({ account: i, handle: displayHandle(pop, i), score: s.score, ...s.subscores, flagged: s.flags.length > 0, key: topicKeys?.get(i)?.key });
  }
  const sort = req.sort ?? (topicKeys ? 'key' : 'score');
  const result = rankCandidates(candidates, { sort, minScore: req.minScore, excludeFlagged: req.excludeFlagged, limit: req.limit });
  return {
    schema: 1,
    asOf: new Date(window.asOf).toISOString(),
    windowDays: window.windowDays,
    model: model.version,
    sort: sort === 'key' ? 'topic' : sort,
    topic: topic !== null ? { slug: tax.slugs[topic] ?? req.topic!, name: tax.names[topic] ?? req.topic! } : null,
    results: result.ranked.map((r) => {
      const s = explained.get(r.account)!;
      const entry = match?.matched.get(r.account);
      return {
        rank: r.rank,
        handle: r.handle,
        network: pop.accounts.network[r.account]!,
        score: s.score,
        subscores: s.subscores,
        confidence: s.confidence,
        topics: topicsOfAccount(stored, pop.accounts.dbId[r.account]!).slice(0, 3).map((t) => ({ slug: t.slug, score: t.score })),
        flags: s.flags.map((f) => f.code),
        ...(topicKeys ? { topic: topicKeys.get(r.account)! } : {}),
        ...(entry ? { extra: entry.extra } : {}),
      };
    }),
    unknown: match?.unknown ?? [],
    duplicates: [...(list?.duplicates ?? []), ...(match?.repeated ?? [])].map((d) => ({ input: d.input, line: d.line })).sort((a, b) => a.line - b.line),
    counts: {
      listed: list ? list.entries.length + list.duplicates.length : null,
      ranked: result.ranked.length,
      unknown: match?.unknown.length ?? 0,
      duplicates: (list?.duplicates.length ?? 0) + (match?.repeated.length ?? 0),
      filtered: result.filtered + (topicKeys ? pool.length - candidates.length : 0),
      cut: result.cut,
    },
    extraColumns: list?.extraColumns ?? [],
  };
}
