/** `influence eval PAIRS.csv...`: AUC and accuracy of a model on labelled pairs, with baselines. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { loadPairs } from '../load-pairs.js';
import { addScoringOptions, loadModel, type ScoringFlags } from '../scoring-options.js';
import { evaluatePairs } from '../../engine/fit/pairs.js';
import { toJson } from '../../render/json.js';
import { renderEngagementEval, renderEval, type EvalReport } from '../../render/eval-text.js';
import { runEngagementEval } from '../eval-engagement.js';
import { UsageError } from '../../errors.js';

/** Registers `influence eval`. */
export function registerEval(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('eval')
      .description('AUC and pairwise accuracy of the model on labelled pairs (PeerIndex wide CSV or a,b,winner); or, with --engagement, how the score ranks future distinct engagers')
      .argument('[pairs...]', 'pair files')
      .option('--engagement <file>', 'interactions CSV (actor,target,kind,created_at): score as of --split, compare with distinct engagers after it')
      .option('--split <date>', 'with --engagement: the start of the late period (scored as of one second before)'),
  ).action(async (files: string[], opts: ScoringFlags & { engagement?: string; split?: string }, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const { model } = loadModel(opts.model, ctx.resolvePath);
    if (opts.engagement !== undefined) {
      const rep = runEngagementEval(opts.engagement, ctx.resolvePath(opts.engagement), opts.split, opts.window, model);
      ctx.out(ctx.mode === 'json' ? toJson(rep) : renderEngagementEval(rep, ctx.theme));
      return;
    }
    if (files.length === 0) throw new UsageError('eval needs pair files or --engagement FILE', 'e.g. influence eval dev.csv, or influence eval --engagement digg.csv --split 2008-11-06 --window 9');
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
