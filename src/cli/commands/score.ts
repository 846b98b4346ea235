/** `influence score @handle... | --all`: the 1-100 score with sub-scores, confidence, contributions, flags. */
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { addIdentityScoreOption, scoreIdentities } from '../identity-score.js';
import { UsageError } from '../../errors.js';
import { addOntologyOption, addOptionGroups, addScoringOptions, type AnalysisFlags, helpExamples } from '../options.js';
import { loadAnalysisForRun, type AnalysisNeeds, type RunAnalysis } from '../analysis.js';
import { accountsPopulation, runScopeOf } from '../run-scope.js';
import { outputOf } from '../output.js';
import { allAccounts, displayHandle, explainAccount, resolveAccount, summaryOf } from '../../engine/analyze.js';
import { runRecordOf } from '../../engine/run-record.js';
import { storeRun } from '../../store/runs.js';
import { unlessReadOnly } from '../unless-read-only.js';
import { reportHeader } from '../../render/report-header.js';
import { renderScoreCsvStream, renderScoreJsonStream, renderScoreStreamPlain, scoreResultViewOf, toScoreRowView, type ScoreStream } from '../../render/score-view.js';
import { loadScoreCards } from '../load-score-cards.js';
import { STAGE_PROGRESS_MIN_ACCOUNTS } from '../progress.js';
import { startScoreJsonThreads, startScoreJsonWorker, type ScoreJsonWorker, type ScoreJsonWriter } from '../score-json-threads.js';
import type { Model } from '../../engine/model.js';

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
      .option('--no-save', 'do not store this run (history shows stored runs)')
      .addHelpText('after', helpExamples(['influence score @alice', 'influence score --all --json > scores.json'])),
    addScoringOptions, addOntologyOption,
  )).action(async (handles: string[], opts: ScoreFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    if (opts.identity) return scoreIdentities(ctx, opts, opts.identity, handles);
    if (handles.length === 0 && !opts.all) throw new UsageError('no handle given', 'name accounts (influence score @alice) or pass --all');
    if (handles.length > 0 && opts.all) throw new UsageError('--all and handles together', 'use one or the other');
    const output = outputOf<ScoreStream>(ctx, 'score', {
      json: renderScoreJsonStream,
      csv: renderScoreCsvStream,
      plain: renderScoreStreamPlain,
      tty: async (v, theme, columns) => (v.count <= MAX_CARDS ? (await loadScoreCards())([...v.results()], theme, columns, v.head) : renderScoreStreamPlain(v, theme)),
    });
    const save = opts.save !== false;
    // --json of many accounts is itemised and written on two threads (cli/score-json-threads.ts):
    // the worker starts once the data is read, and warms up while this thread analyses it
    let worker: ScoreJsonWorker | null = null;
    let threads: ScoreJsonWriter | null = null;
    try {
      const onRead = opts.all && ctx.mode === 'json' ? (accounts: number, model: Model) => void (worker = startScoreJsonWorker(accounts, model)) : undefined;
      const { analysis, data } = await loadScores(ctx, opts, save, onRead);
      const indices = opts.all ? allAccounts(analysis) : [...new Set(handles.map((h) => resolveAccount(analysis, h)))];
      // the job is the worker's once the scores exist: it works while the run is stored
      const writer = worker ? startScoreJsonThreads(analysis, indices, { started: worker }) : null;
      threads = writer;
      if (save) {
        // the run is stored before anything is written (a reader that stops early loses nothing);
        // it keeps each account's score, interval, sub-scores and flags, read from the score
        // table's columns (no itemising: only the output itemises, when it shows contributions)
        if (indices.length >= STAGE_PROGRESS_MIN_ACCOUNTS) ctx.progress.stage(`storing the run of ${indices.length.toLocaleString('en-US')} scores`);
        const population = opts.all ? 'all' : accountsPopulation(indices.map((i) => analysis.dataset.accounts.dbId[i]!));
        const run = unlessReadOnly(ctx, () => ctx.withStore((db) => storeRun(db, runRecordOf(analysis, indices), Date.now(), runScopeOf(population, data))));
        if (run && !run.stored) ctx.info(`same scoring as run ${run.runId} (model, as-of, window, accounts and data): not stored again`);
      }
      if (indices.length >= STAGE_PROGRESS_MIN_ACCOUNTS) ctx.progress.stage(`writing ${indices.length.toLocaleString('en-US')} scores`);
      // results are produced as they are written: itemised for JSON and cards, as rows for CSV and text
      await output.write({
        head: { schema: 1, ...reportHeader(analysis.window, analysis.model.version) },
        count: indices.length,
        results: () => mapIterable(indices, (i) => scoreResultViewOf(explainAccount(analysis, i), displayHandle(analysis.dataset, i), analysis.dataset.accounts.network[i]!)),
        rows: () => mapIterable(indices, (i) => toScoreRowView(summaryOf(analysis, i))),
        csvRows: () => mapIterable(indices, (i) => summaryOf(analysis, i)),
        ...(writer ? { resultBlocks: () => writer.blocks() } : {}),
      });
    } finally {
      await (threads ?? worker)?.close();
    }
  });
}

/**
 * The analysis that `score` reads (scoresOnly: no events, posts or engagement edges), in
 * a function of its own so that nothing of the command holds the whole analysis while the
 * results are written (at 10M events ~400 MB that the output's garbage would stack on).
 */
async function loadScores(ctx: CommandContext, opts: ScoreFlags, save: boolean, onRead?: AnalysisNeeds['onRead']): Promise<RunAnalysis> {
  // a stored run keeps its accounts' topics, so storing needs the topic stage (when some post has text to find them in)
  return loadAnalysisForRun(ctx, opts, { topics: save, topicsNeedTexts: true, scoresOnly: true, networkOnThread: true, ...(onRead ? { onRead } : {}) });
}

function* mapIterable<T, U>(xs: readonly T[], f: (x: T) => U): Iterable<U> {
  for (const x of xs) yield f(x);
}
