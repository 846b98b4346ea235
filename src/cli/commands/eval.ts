/**
 * `influence eval PAIRS.csv...`: AUC and accuracy of a model on labelled pairs, with
 * baselines; `influence eval --engagement FILE --split DATE`: how the score as of the split
 * ranks the distinct engagers each account receives after it, against past engagers.
 */
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { loadPairs } from '../load-pairs.js';
import { addScoringOptions, parseSplitDate, parseWindow, type AnalysisFlags, helpExamples } from '../options.js';
import { outputOf } from '../output.js';
import { evaluatePairs } from '../../engine/fit/pairs.js';
import { datasetFromInteractions, evaluateEngagement, splitEngagement } from '../../engine/engagement-split.js';
import { readModelFile } from '../../inputs/model-file.js';
import { readInteractionsFile } from '../../inputs/interactions-file.js';
import { parseTime } from '../../import/values.js';
import { renderEngagementEval, renderEval, type EngagementEvalReport, type EvalReport } from '../../render/eval-text.js';

interface EvalFlags extends AnalysisFlags {
  engagement?: string;
  split?: string;
}

/** Registers `influence eval`. */
export function registerEval(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('eval')
      .description('AUC and pairwise accuracy of the model on labelled pairs (PeerIndex wide CSV or a,b,winner); or, with --engagement, how the score ranks future distinct engagers')
      .argument('[pairs...]', 'pair files')
      .option('--engagement <file>', 'interactions CSV (actor,target,kind,created_at): score as of --split, compare with distinct engagers after it')
      .option('--split <date>', 'with --engagement: the start of the late period (scored as of one millisecond before; a date means 00:00 UTC)')
      .addHelpText('after', helpExamples(['influence eval dev.csv', 'influence eval --engagement digg.csv --split 2008-11-06 --window 9 --json'])),
  ).action(async (files: string[], opts: EvalFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    if (opts.engagement !== undefined) return evalEngagement(ctx, opts.engagement, opts);
    const output = outputOf<EvalReport>(ctx, 'eval', { plain: renderEval });
    if (files.length === 0) throw new UsageError('eval needs pair files or --engagement FILE', 'e.g. influence eval dev.csv, or influence eval --engagement digg.csv --split 2008-11-06 --window 9');
    const { model } = readModelFile(opts.model !== undefined ? ctx.resolvePath(opts.model) : undefined);
    const { pairs } = await loadPairs(ctx, files, opts);
    const e = evaluatePairs(model, pairs);
    await output.write({ schema: 1, model: model.version, n: e.n, auc: e.auc, aucInterval: e.aucInterval, accuracy: e.accuracy, baselines: e.baselines, versusBaselines: e.versusBaselines });
  });
}

async function evalEngagement(ctx: CommandContext, file: string, opts: EvalFlags): Promise<void> {
  const output = outputOf<EngagementEvalReport>(ctx, 'eval --engagement', { plain: renderEngagementEval });
  if (opts.split === undefined) throw new UsageError('--engagement needs --split DATE', 'e.g. --split 2008-11-06 (the late period starts at that instant, UTC)');
  const { model } = readModelFile(opts.model !== undefined ? ctx.resolvePath(opts.model) : undefined);
  const split = parseSplitDate(opts.split);
  const windowDays = parseWindow(opts.window);
  const dataset = datasetFromInteractions(readInteractionsFile(ctx.resolvePath(file), file, parseTime));
  const rep = evaluateEngagement(splitEngagement(dataset, split, windowDays, model));
  await output.write({ schema: 1, model: model.version, ...rep, asOf: new Date(rep.asOf).toISOString(), split: new Date(rep.split).toISOString() });
}
