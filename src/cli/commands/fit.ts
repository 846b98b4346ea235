/** `influence fit PAIRS.csv... [--out FILE]`: fits a model on labelled pairs and records how. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { loadPairs } from '../load-pairs.js';
import { addScoringOptions, parseRequiredNumberFlag, type AnalysisFlags } from '../options.js';
import { loadAnalysisWithModel } from '../analysis.js';
import { outputOf } from '../output.js';
import type { ScoringWindow } from '../../engine/window.js';
import type { CommandContext } from '../context.js';
import { DEFAULT_FIT_OPTIONS, fitModel, recalibrateModel } from '../../engine/fit.js';
import { featureVectorOf, isActiveInWindow, type FeatureVector } from '../../engine/features.js';
import type { Model } from '../../engine/model.js';
import { MODEL_SPEC } from '../../engine/model-spec.js';
import { toJson } from '../../render/json.js';
import { renderFit, type FitSummary } from '../../render/eval-text.js';
import { VERSION } from '../../version.js';

interface FitFlags extends AnalysisFlags {
  out?: string;
  folds: string;
  lambda: string;
  knots: string;
  modelVersion?: string;
  date?: string;
  description?: string;
  calibrateDb?: boolean;
}

/** Fewer pairs than this per fold make a cross-validated AUC noise. */
const MIN_PAIRS_PER_FOLD = 10;

/** Rebuilds the calibration tables on the database's active accounts, scored with the new model. */
async function calibrateOnDatabase(ctx: CommandContext, opts: FitFlags, model: Model): Promise<{ model: Model; accounts: number; window: ScoringWindow }> {
  const { table, window } = await loadAnalysisWithModel(ctx, opts, model);
  const active: FeatureVector[] = [];
  for (let i = 0; i < table.n; i++) if (isActiveInWindow(table.features, i)) active.push(featureVectorOf(table.features, i));
  if (active.length < 20) throw new UsageError(`--calibrate-db: only ${active.length} active accounts in the window`, 'calibrate on a database with at least 20 accounts that posted in the window');
  return { model: recalibrateModel(model, MODEL_SPEC, active), accounts: active.length, window };
}

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
      .option('--folds <k>', 'cross-validation folds (pair i in fold i mod k; 0: none)', String(DEFAULT_FIT_OPTIONS.folds))
      .option('--lambda <x>', 'L2 penalty on the curve slopes', String(DEFAULT_FIT_OPTIONS.lambda))
      .option('--knots <n>', 'interior knots per fitted curve', String(DEFAULT_FIT_OPTIONS.knots))
      .option('--model-version <v>', 'version name written into the model (default: fit-<date>)')
      .option('--date <YYYY-MM-DD>', 'date recorded in the model (default: today; pass it for a reproducible file)')
      .option('--description <text>', 'description written into the model')
      .option('--calibrate-db', 'calibrate the 1-100 scale on the active accounts (a post in the window) of --db instead of the training accounts'),
  ).action(async (files: string[], opts: FitFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const folds = parseRequiredNumberFlag(opts.folds, '--folds', { min: 0, max: 100, integer: true });
    const lambda = parseRequiredNumberFlag(opts.lambda, '--lambda', { min: 0, max: Infinity });
    const knots = parseRequiredNumberFlag(opts.knots, '--knots', { min: 1, max: 12, integer: true });
    if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got ${JSON.stringify(opts.date)}`);
    const date = opts.date ?? new Date().toISOString().slice(0, 10);
    const version = opts.modelVersion ?? `fit-${date}`;
    const output = outputOf<FitSummary>(ctx, 'fit', { plain: renderFit });
    const { pairs, sources, analysis } = await loadPairs(ctx, files, opts);
    if (folds >= 2 && pairs.length < folds * MIN_PAIRS_PER_FOLD) {
      throw new UsageError(`${pairs.length} pairs are too few for ${folds}-fold cross-validation (at least ${folds * MIN_PAIRS_PER_FOLD})`, `label more pairs, or pass --folds ${Math.max(0, Math.floor(pairs.length / MIN_PAIRS_PER_FOLD))} (0: no cross-validation)`);
    }
    ctx.info(`fitting on ${pairs.length} pairs${folds >= 2 ? ` with ${folds}-fold cross-validation` : ''}...`);
    const report = fitModel(MODEL_SPEC, pairs, {
      lambda,
      folds,
      knots,
      minPresence: DEFAULT_FIT_OPTIONS.minPresence,
      version,
      description: opts.description ?? `influence score model ${version}: additive monotone curves in log space fitted by Bradley-Terry logistic loss on labelled pairs`,
      provenance: {
        command: commandLine(cmd, files),
        tool: `influence ${VERSION}`,
        date,
        data: sources,
        ...(analysis ? { asOf: new Date(analysis.window.asOf).toISOString(), windowDays: analysis.window.windowDays } : {}),
      },
    });
    if (opts.calibrateDb) {
      const { model, accounts, window } = await calibrateOnDatabase(ctx, opts, report.model);
      report.model = model;
      report.model.provenance['calibration'] = `the ${accounts} active accounts (a post in the window) of ${path.basename(ctx.dbPath)}, as of ${new Date(window.asOf).toISOString()}, window ${window.windowDays} days, equally weighted`;
    }
    const json = toJson(report.model);
    // without --out the model file itself is the output (to redirect into a file)
    if (!opts.out) return ctx.out(json);
    fs.writeFileSync(ctx.resolvePath(opts.out), json);
    await output.write({ schema: 1, out: opts.out, model: version, pairs: pairs.length, fitted: report.fitted, prior: report.prior, cv: report.cv, inSample: report.inSample });
  });
}
