/** `influence eval PAIRS.csv...`: AUC and accuracy of a model on labelled pairs, with baselines. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { loadPairs } from '../load-pairs.js';
import { addScoringOptions, type AnalysisFlags } from '../options.js';
import { outputOf } from '../output.js';
import { evaluatePairs } from '../../engine/fit.js';
import { readModelFile } from '../../inputs/model-file.js';
import { renderEval, type EvalReport } from '../../render/eval-text.js';

/** Registers `influence eval`. */
export function registerEval(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('eval')
      .description('AUC and pairwise accuracy of the model on labelled pairs (PeerIndex wide CSV or a,b,winner)')
      .argument('<pairs...>', 'pair files'),
  ).action(async (files: string[], opts: AnalysisFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const output = outputOf<EvalReport>(ctx, 'eval', { plain: renderEval });
    const { model } = readModelFile(opts.model !== undefined ? ctx.resolvePath(opts.model) : undefined);
    const { pairs } = await loadPairs(ctx, files, opts);
    const e = evaluatePairs(model, pairs);
    await output.write({ schema: 1, model: model.version, n: e.n, auc: e.auc, accuracy: e.accuracy, baselines: e.baselines });
  });
}
