/** `influence score @handle... | --all`: the 1-100 score with sub-scores, confidence, contributions, flags. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { addScoringOptions, type ScoringFlags } from '../scoring-options.js';
import { explainMany, openScoringSession, toResultView, toStoredScore } from '../run-scoring.js';
import { saveRun } from '../../store/runs.js';
import { writeTopicScores } from '../../store/write-topic-scores.js';
import { computeStoredExpertise, loadOntology } from '../topic-session.js';
import type { CommandContext } from '../context.js';
import type { Db } from '../../store/open.js';
import type { ScoringWindow } from '../../engine/window.js';
import { toJson } from '../../render/json.js';
import { renderScoreCsv, renderScorePlain, type ScoreReport } from '../../render/score-view.js';
import { loadScoreCards } from '../load-score-cards.js';

interface ScoreFlags extends ScoringFlags {
  all?: boolean;
  save?: boolean;
}

/** Registers `influence score`. */
export function registerScore(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('score')
      .description('score accounts 1-100 (reach, amplification, network), with every contribution')
      .argument('[handles...]', 'handles: @alice, alice, mastodon:alice@host')
      .option('--all', 'score every account in the database')
      .option('--no-save', 'do not store this run (history shows stored runs)'),
  ).action(async (handles: string[], opts: ScoreFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    if (handles.length === 0 && !opts.all) throw new UsageError('no handle given', 'name accounts (influence score @alice) or pass --all');
    if (handles.length > 0 && opts.all) throw new UsageError('--all and handles together', 'use one or the other');
    const session = await openScoringSession(ctx, opts);
    try {
      const { pop, table, window, model } = session;
      const indices = opts.all ? Array.from({ length: pop.accounts.n }, (_, i) => i) : [...new Set(handles.map((h) => session.resolve(h)))];
      const scores = explainMany(table, indices);
      if (opts.save !== false) {
        const runId = saveRun(session.db, { modelVersion: model.version, asOf: window.asOf, windowDays: window.windowDays, createdAt: Date.now() }, scores.filter((s) => s.score !== null).map((s) => toStoredScore(pop, s)));
        saveRunTopics(ctx, session.db, runId, window, new Set(scores.map((s) => pop.accounts.dbId[s.index]!)));
      }
      const report: ScoreReport = {
        schema: 1,
        asOf: new Date(window.asOf).toISOString(),
        windowDays: window.windowDays,
        model: model.version,
        results: scores.map((s) => toResultView(pop, s)),
      };
      if (ctx.mode === 'json') ctx.out(toJson(report));
      else if (ctx.mode === 'csv') ctx.out(renderScoreCsv(report.results));
      else if (ctx.mode === 'tty' && report.results.length <= 20) ctx.out((await loadScoreCards())(report.results, ctx.theme, ctx.io.stdout.columns ?? 80));
      else ctx.out(renderScorePlain(report, ctx.theme));
    } finally {
      session.db.close();
    }
  });
}

/** Stores the topic scores of the run's accounts with the run, for the same window (issue 4: "stored with the run"). */
function saveRunTopics(ctx: CommandContext, db: Db, runId: number, window: ScoringWindow, accounts: Set<number>): void {
  const stored = computeStoredExpertise(db, loadOntology(ctx, undefined), window);
  const dbIds = stored.input.dbIds;
  const expertise = { ...stored.expertise, accounts: stored.expertise.accounts.filter((a) => accounts.has(dbIds[a.account]!)) };
  writeTopicScores(db, runId, expertise, dbIds);
}
