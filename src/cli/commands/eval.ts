/** `influence eval PAIRS.csv...`: AUC and accuracy of a model on labelled pairs, with baselines. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { loadPairs } from '../load-pairs.js';
import { addScoringOptions, loadModel, type ScoringFlags } from '../scoring-options.js';
import { evaluatePairs } from '../../engine/fit.js';
import { toJson } from '../../render/json.js';
import { renderEval, type EvalReport } from '../../render/eval-text.js';

/** Registers `influence eval`. */
export function registerEval(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('eval')
      .description('AUC and pairwise accuracy of the model on labelled pairs (PeerIndex wide CSV or a,b,winner)')
      .argument('<pairs...>', 'pair files'),
  ).action(async (files: string[], opts: ScoringFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const { model } = loadModel(opts.model, ctx.resolvePath);
    const { pairs, session } = await loadPairs(ctx, files, opts);
    try {
      const e = evaluatePairs(model, pairs);
      const report: EvalReport = { schema: 1, model: model.version, n: e.n, auc: e.auc, accuracy: e.accuracy, baselines: e.baselines };
      ctx.out(ctx.mode === 'json' ? toJson(report) : renderEval(report, ctx.theme));
    } finally {
      session?.db.close();
    }
  });
}
