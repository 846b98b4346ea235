/**
 * `influence runs`: the stored scoring runs. `runs` (or `runs list`) lists them newest
 * first; `runs show N` shows one with its scores; `runs prune --keep N | --before DATE`
 * deletes old runs with their scores, flags and topic scores (`--dry-run` to see first).
 */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { helpExamples, parseDateFlag, parseNumberFlag } from '../options.js';
import { outputOf } from '../output.js';
import { parseDataFingerprint } from '../../store/data-fingerprint.js';
import { countRunRows, countRuns, deleteRuns, listRuns, readRun, readRunRows, selectPrunedRuns, type RunInfo } from '../../store/runs.js';
import {
  renderRunShow,
  renderRunShowCsv,
  renderRunsCsv,
  renderRunsList,
  renderRunsPrune,
  type RunShowView,
  type RunsListView,
  type RunsPruneView,
  type RunView,
} from '../../render/runs-view.js';

/** Scores `runs show` prints in text unless --limit says otherwise. */
const SHOWN_SCORES = 20;

function toRunView(r: RunInfo): RunView {
  return {
    id: r.id,
    createdAt: new Date(r.createdAt).toISOString(),
    model: r.modelVersion,
    asOf: new Date(r.asOf).toISOString(),
    windowDays: r.windowDays,
    population: r.population,
    accounts: r.accounts,
    data: parseDataFingerprint(r.data),
  };
}

/** Parses a --before date: an ISO date means its first instant (UTC), a date-time as is; strictly (options.ts parseDateFlag: '1' is no date). */
function parseBefore(value: string): number {
  return parseDateFlag('--before', value);
}

/** Registers `influence runs` with list, show and prune. */
export function registerRuns(program: Command, io: Io): void {
  const runs = program
    .command('runs')
    .description('the stored scoring runs: list them, show one, prune old ones')
    .addHelpText('after', helpExamples(['influence runs', 'influence runs show 12 --json', 'influence runs prune --keep 10']));

  runs
    .command('list', { isDefault: true })
    .description('stored runs, newest first: model, as-of, window, population, accounts, the data read')
    .option('--limit <n>', 'the newest N runs')
    .addHelpText('after', helpExamples(['influence runs list', 'influence runs list --limit 5 --json']))
    .action(async (opts: { limit?: string }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<RunsListView>(ctx, 'runs list', { csv: renderRunsCsv, plain: (v, theme) => renderRunsList(v, theme, false), tty: (v, theme, columns) => renderRunsList(v, theme, true, columns) });
      const limit = parseNumberFlag(opts.limit, '--limit', { min: 1, max: Infinity, integer: true });
      await output.write({ schema: 1, runs: ctx.withStore((db) => listRuns(db, limit)).map(toRunView) });
    });

  runs
    .command('show')
    .description('one stored run: its metadata and its scores, best first')
    .argument('<run>', 'the run id (influence runs lists them)')
    .option('--limit <n>', `scores shown in text (default ${SHOWN_SCORES}; --json and --csv have all)`)
    .addHelpText('after', helpExamples(['influence runs show 12', 'influence runs show 12 --csv > run-12.csv']))
    .action(async (id: string, opts: { limit?: string }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const limit = parseNumberFlag(opts.limit, '--limit', { min: 1, max: Infinity, integer: true }) ?? SHOWN_SCORES;
      const output = outputOf<RunShowView>(ctx, 'runs show', { jsonLists: ['scores'], csv: renderRunShowCsv, plain: (v, theme) => renderRunShow(v, theme, false, limit), tty: (v, theme, columns) => renderRunShow(v, theme, true, limit, columns) });
      const runId = parseNumberFlag(id, 'run', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true })!;
      const view = ctx.withStore((db): RunShowView => {
        const run = readRun(db, runId);
        if (!run) throw new UsageError(`no run ${runId} in the database`, '`influence runs` lists the stored runs');
        const scores = readRunRows(db, runId).map((s) => ({
          handle: s.handle ?? `id:${s.externalId ?? s.accountId}`,
          network: s.network,
          score: s.score,
          interval: s.interval,
          subscores: { reach: s.reach, amplification: s.amplification, network: s.networkScore },
          confidence: s.confidence,
          flags: s.flags,
        }));
        return { schema: 1, run: toRunView(run), scores };
      });
      await output.write(view);
    });

  runs
    .command('prune')
    .description('delete old runs with their scores, flags and topic scores: all but the newest --keep N, and/or those stored before --before DATE (both: both must hold)')
    .option('--keep <n>', 'keep the newest N runs')
    .option('--before <date>', 'only runs stored before this ISO date or date-time (a date means 00:00 UTC)')
    .option('--dry-run', 'say what would be deleted, delete nothing')
    .addHelpText('after', helpExamples(['influence runs prune --keep 10', 'influence runs prune --before 2026-01-01 --dry-run']))
    .action(async (opts: { keep?: string; before?: string; dryRun?: boolean }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<RunsPruneView>(ctx, 'runs prune', { plain: renderRunsPrune });
      const keep = parseNumberFlag(opts.keep, '--keep', { min: 0, max: Infinity, integer: true });
      const before = opts.before !== undefined ? parseBefore(opts.before) : undefined;
      if (keep === undefined && before === undefined) throw new UsageError('prune needs --keep N or --before DATE', 'e.g. influence runs prune --keep 10 (add --dry-run to see what goes)');
      const dryRun = opts.dryRun === true;
      const view = ctx.withStore((db): RunsPruneView => {
        const runIds = selectPrunedRuns(db, { keep, before });
        const total = countRuns(db);
        const deleted = dryRun ? countRunRows(db, runIds) : deleteRuns(db, runIds);
        return { schema: 1, dryRun, runIds, deleted, kept: total - runIds.length };
      });
      await output.write(view);
    });
}
