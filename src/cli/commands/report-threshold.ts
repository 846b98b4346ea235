/** `influence report threshold`: the Klout70 club, near misses with their cheapest lever, movement since the last run. */
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { addMinConfidenceOption, addOntologyOption, addOptionGroups, addScoringOptions, type AnalysisFlags, parseMinConfidence, parseNumberFlag, parseRequiredNumberFlag, helpExamples } from '../options.js';
import { loadAnalysisForRun, taxonomyOf } from '../analysis.js';
import { outputOf } from '../output.js';
import type { Analysis } from '../../engine/analyze.js';
import { movementSince, planThreshold, type ThresholdPlan, type ThresholdRequest } from '../../engine/campaign/threshold-report.js';
import { runRecordOf } from '../../engine/run-record.js';
import { resolveTopicArg } from '../../engine/topics/search.js';
import { readFollowerList } from '../../inputs/follower-list.js';
import { findPreviousRun, readRunScores, storeRun, type RunScope } from '../../store/runs.js';
import { unlessReadOnly } from '../unless-read-only.js';
import { reportPopulation, runScopeOf } from '../run-scope.js';
import { CheckFailed } from '../../errors.js';
import type { Db } from '../../store/open.js';
import { reportHeader } from '../../render/report-header.js';
import { renderThresholdText, toThresholdReport, type ThresholdReport } from '../../render/threshold-view.js';

interface ThresholdFlags extends AnalysisFlags {
  at: string;
  near: string;
  topic?: string;
  list?: string;
  save?: boolean;
  minConfidence?: string;
  require?: string;
}

/** Registers `report threshold [--at 70] [--near 5] [--topic SLUG] [--list FILE] [--require N]`. */
export function registerReportThreshold(report: Command, io: Io): void {
  addOptionGroups(
    report
      .command('threshold')
      .description('who is at or above a score (the Klout70 club), who is near and the one lever that lifts each over, movement since the last run')
      .option('--at <score>', 'the threshold', '70')
      .option('--near <points>', 'how far below the threshold counts as near', '5')
      .option('--topic <slug>', 'only accounts with this topic (sub-topics included)')
      .option('--list <file>', 'only the accounts of a follower list')
      .option('--require <n>', 'exit 1 (after the report) when fewer than N accounts are at or above the threshold')
      .option('--no-save', 'do not store this run (movement still compares with the stored runs)')
      .addHelpText('after', helpExamples(['influence report threshold --at 70', 'influence report threshold --at 60 --list followers.csv --require 5 --json'])),
    addScoringOptions, addOntologyOption, addMinConfidenceOption,
  ).action(async (opts: ThresholdFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const output = outputOf<ThresholdReport>(ctx, 'report threshold', { jsonLists: ['above', 'near'], plain: (r, theme) => renderThresholdText(r, theme, false), tty: (r, theme, columns) => renderThresholdText(r, theme, true, columns) });
    const at = parseRequiredNumberFlag(opts.at, '--at', { min: 1, max: 100 });
    const near = parseRequiredNumberFlag(opts.near, '--near', { min: 0, max: 99 });
    const required = parseNumberFlag(opts.require, '--require', { min: 0, max: Infinity, integer: true });
    const minConfidence = parseMinConfidence(opts.minConfidence);
    const list = opts.list !== undefined ? readFollowerList(ctx.resolvePath(opts.list)) : null;
    const save = opts.save !== false;
    const taxonomy = opts.topic !== undefined || save ? taxonomyOf(ctx, opts.ontology) : null;
    const topic = opts.topic !== undefined ? resolveTopicArg(taxonomy!, opts.topic) : null;
    const { analysis, data } = await loadAnalysisForRun(ctx, opts, { topics: taxonomy ?? false });
    const request: ThresholdRequest = { at, near, list, topic, minConfidence };
    const plan = planThreshold(analysis, request);
    const scope = runScopeOf(reportPopulation(list, topic !== null ? taxonomy!.ids[topic]! : null), data);
    const { runId, previous } = ctx.withStore((db) => storeAndCompare(ctx, db, analysis, plan, scope, save));
    await output.write(toThresholdReport(reportHeader(analysis.window, analysis.model.version), plan, runId, previous, scope.population));
    if (required !== undefined && plan.counts.above < required) {
      throw new CheckFailed(`threshold not met: ${plan.counts.above} account${plan.counts.above === 1 ? '' : 's'} at or above ${at}, --require ${required}`);
    }
  });
}

/**
 * Stores the plan's run (unless --no-save, or the same run is stored already) and measures
 * movement against the previous stored run of the same model, window and population
 * (store/runs.ts findPreviousRun), with or without saving.
 */
function storeAndCompare(ctx: CommandContext, db: Db, analysis: Analysis, plan: ThresholdPlan, scope: RunScope, save: boolean): { runId: number | null; previous: Parameters<typeof toThresholdReport>[3] } {
  const runId = save ? (unlessReadOnly(ctx, () => storeRun(db, runRecordOf(analysis, plan.pool, new Map(plan.scores.map((s) => [s.index, s]))), Date.now(), scope))?.runId ?? null) : null;
  const current = { modelVersion: analysis.model.version, windowDays: analysis.window.windowDays, asOf: analysis.window.asOf, ...scope };
  const prev = findPreviousRun(db, current, runId ?? undefined);
  if (prev === null) return { runId, previous: null };
  return { runId, previous: { run: { id: prev.id, asOf: new Date(prev.asOf).toISOString() }, movement: movementSince(analysis, plan, readRunScores(db, prev.id)) } };
}
