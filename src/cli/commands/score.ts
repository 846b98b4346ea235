/** `influence score @handle... | --all`: the 1-100 score with sub-scores, confidence, contributions, flags. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { addIdentityScoreOption, scoreIdentities } from '../identity-score.js';
import { UsageError } from '../../errors.js';
import { addOntologyOption, addOptionGroups, addScoringOptions, type AnalysisFlags } from '../options.js';
import { loadAnalysis } from '../analysis.js';
import { outputOf } from '../output.js';
import { allAccounts, resolveAccount, resultOf } from '../../engine/analyze.js';
import { runRecordOf } from '../../engine/run-record.js';
import { saveRun } from '../../store/runs.js';
import { reportHeader } from '../../render/report-header.js';
import { renderScoreCsv, renderScorePlain, toScoreResultView, type ScoreReport } from '../../render/score-view.js';
import { loadScoreCards } from '../load-score-cards.js';

interface ScoreFlags extends AnalysisFlags {
  all?: boolean;
  save?: boolean;
  identity?: string[];
}

/** More results than this are drawn as rows, not cards, on a terminal. */
const MAX_CARDS = 20;

/** Registers `influence score`. */
export function registerScore(program: Command, io: Io): void {
  addIdentityScoreOption(addOptionGroups(
    program
      .command('score')
      .description('score accounts 1-100 (reach, amplification, network), with every contribution')
      .argument('[handles...]', 'handles: @alice, alice, mastodon:alice@host')
      .option('--all', 'score every account in the database')
      .option('--no-save', 'do not store this run (history shows stored runs)'),
    addScoringOptions, addOntologyOption,
  )).action(async (handles: string[], opts: ScoreFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    if (opts.identity) return scoreIdentities(ctx, opts, opts.identity, handles);
    if (handles.length === 0 && !opts.all) throw new UsageError('no handle given', 'name accounts (influence score @alice) or pass --all');
    if (handles.length > 0 && opts.all) throw new UsageError('--all and handles together', 'use one or the other');
    const output = outputOf<ScoreReport>(ctx, 'score', {
      csv: (r) => renderScoreCsv(r.results),
      plain: renderScorePlain,
      tty: async (r, theme, columns) => (r.results.length <= MAX_CARDS ? (await loadScoreCards())(r.results, theme, columns, r) : renderScorePlain(r, theme)),
    });
    const save = opts.save !== false;
    // a stored run keeps its accounts' topics, so storing needs the topic stage
    const analysis = await loadAnalysis(ctx, opts, { topics: save });
    const indices = opts.all ? allAccounts(analysis) : [...new Set(handles.map((h) => resolveAccount(analysis, h)))];
    const results = indices.map((i) => resultOf(analysis, i));
    if (save) ctx.withStore((db) => saveRun(db, runRecordOf(analysis, indices, new Map(results.map((r) => [r.index, r]))), Date.now()));
    await output.write({ schema: 1, ...reportHeader(analysis.window, analysis.model.version), results: results.map(toScoreResultView) });
  });
}
