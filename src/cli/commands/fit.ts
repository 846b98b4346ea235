/** `influence fit PAIRS.csv... [--out FILE]`: fits a model on labelled pairs and records how. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { loadPairs } from '../load-pairs.js';
import { addScoringOptions, loadModel, type ScoringFlags } from '../scoring-options.js';
import { fitModelOnPairs } from '../../engine/fit/pairs.js';
import { DEFAULT_CURVE_OPTIONS } from '../../engine/fit/curves.js';
import { toJson } from '../../render/json.js';
import { renderFit, type FitSummary } from '../../render/eval-text.js';
import { VERSION } from '../../version.js';

interface FitFlags extends ScoringFlags {
  out?: string;
  folds: string;
  lambda: string;
  knots: string;
  modelVersion?: string;
  date?: string;
  description?: string;
}

const positive = (name: string, v: string, integer: boolean): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) throw new UsageError(`${name}: expected a ${integer ? 'whole ' : ''}number >= 0, got ${JSON.stringify(v)}`);
  return n;
};

/** The command as typed (its own options given on the command line), for the model's provenance. */
function commandLine(cmd: Command, files: string[]): string {
  const parts = ['influence', 'fit', ...files];
  for (const o of cmd.options) {
    const key = o.attributeName();
    if (cmd.getOptionValueSource(key) !== 'cli') continue;
    const v = cmd.getOptionValue(key) as unknown;
    parts.push(o.long ?? o.flags);
    if (typeof v === 'string') parts.push(/^[\w.\/:-]+$/.test(v) ? v : JSON.stringify(v));
  }
  return parts.join(' ');
}

/** Registers `influence fit`. */
export function registerFit(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('fit')
      .description('fit the score model on labelled pairs (Bradley-Terry, L2, monotone curves) and write a model file')
      .argument('<pairs...>', 'pair files: PeerIndex wide CSV and/or a,b,winner CSVs of handles in the database')
      .option('--out <file>', 'write the model here (default: stdout)')
      .option('--folds <k>', 'cross-validation folds (pair i in fold i mod k; 0: none)', '5')
      .option('--lambda <x>', 'ridge penalty on the curve slopes', String(DEFAULT_CURVE_OPTIONS.lambda))
      .option('--knots <n>', 'interior knots per fitted curve', String(DEFAULT_CURVE_OPTIONS.interiorKnots))
      .option('--model-version <v>', 'version name written into the model (default: fit-<date>)')
      .option('--date <YYYY-MM-DD>', 'date recorded in the model (default: today; pass it for a reproducible file)')
      .option('--description <text>', 'description written into the model'),
  ).action(async (files: string[], opts: FitFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const folds = positive('--folds', opts.folds, true);
    const lambda = positive('--lambda', opts.lambda, false);
    const knots = positive('--knots', opts.knots, true);
    if (knots < 1 || knots > 12) throw new UsageError('--knots: expected 1 to 12');
    if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got ${JSON.stringify(opts.date)}`);
    const date = opts.date ?? new Date().toISOString().slice(0, 10);
    const version = opts.modelVersion ?? `fit-${date}`;
    const { pairs, sources, session } = await loadPairs(ctx, files, opts);
    try {
      // refits, on these pairs, the curves of the base model (--model) that the pairs show;
      // the shipped model itself is made by scripts/fit-model.ts from real data (README)
      const { model: base } = loadModel(opts.model, ctx.resolvePath);
      ctx.info(`fitting on ${pairs.length} pairs${folds >= 2 ? ` with ${folds}-fold cross-validation` : ''}...`);
      const report = fitModelOnPairs(base, pairs, folds, { ...DEFAULT_CURVE_OPTIONS, lambda, interiorKnots: knots });
      report.model.version = version;
      report.model.description = opts.description ?? `influence score model ${version}: ${base.version} with the curves shown by the pairs refitted (Bradley-Terry, monotone)`;
      report.model.provenance = {
        command: commandLine(cmd, files),
        tool: `influence ${VERSION}`,
        date,
        base: base.version,
        data: sources,
        ...(session ? { asOf: new Date(session.window.asOf).toISOString(), windowDays: session.window.windowDays } : {}),
        ...(report.cv ? { cvFolds: report.cv.folds, cvAuc: report.cv.auc, cvFoldAuc: report.cv.foldAuc } : {}),
        inSampleAuc: report.inSample.auc,
      };
      const json = toJson(report.model);
      if (opts.out) fs.writeFileSync(ctx.resolvePath(opts.out), json);
      const summary: FitSummary = {
        schema: 1,
        out: opts.out ?? null,
        model: version,
        pairs: pairs.length,
        fitted: report.fitted,
        prior: report.kept,
        cv: report.cv,
        inSample: report.inSample,
      };
      if (!opts.out) ctx.out(json);
      else ctx.out(ctx.mode === 'json' ? toJson(summary) : renderFit(summary, ctx.theme));
    } finally {
      session?.db.close();
    }
  });
}
