/** `influence fit PAIRS.csv... [--out FILE]`: refits a model's curves on labelled pairs and records how. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { loadPairs } from '../load-pairs.js';
import { addScoringOptions, parseRequiredNumberFlag, type AnalysisFlags, helpExamples } from '../options.js';
import { outputOf } from '../output.js';
import { fitModelOnPairs } from '../../engine/fit/pairs.js';
import { DEFAULT_CURVE_OPTIONS } from '../../engine/fit/curves.js';
import { readModelFile } from '../../inputs/model-file.js';
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
}

/** Fewer pairs than this per fold make a cross-validated AUC noise. */
const MIN_PAIRS_PER_FOLD = 10;

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
      .description('refit the curves of a model (--model, default the shipped one) that labelled pairs show (Bradley-Terry, monotone) and write a model file')
      .argument('<pairs...>', 'pair files: PeerIndex wide CSV and/or a,b,winner CSVs of handles in the database')
      .option('--out <file>', 'write the model here (default: stdout)')
      .option('--folds <k>', 'cross-validation folds (pair i in fold i mod k; 0: none)', '5')
      .option('--lambda <x>', 'ridge penalty on the curve slopes', String(DEFAULT_CURVE_OPTIONS.lambda))
      .option('--knots <n>', 'interior knots per fitted curve', String(DEFAULT_CURVE_OPTIONS.interiorKnots))
      .option('--model-version <v>', 'version name written into the model (default: fit-<date>)')
      .option('--date <YYYY-MM-DD>', 'date recorded in the model (default: today; pass it for a reproducible file)')
      .option('--description <text>', 'description written into the model')
      .addHelpText('after', helpExamples(['influence fit dev.csv --out my-model.json --date 2026-03-01', 'influence fit pairs.csv --folds 0 --model models/model-v2.json > refit.json'])),
  ).action(async (files: string[], opts: FitFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const folds = parseRequiredNumberFlag(opts.folds, '--folds', { min: 0, max: 100, integer: true });
    const lambda = parseRequiredNumberFlag(opts.lambda, '--lambda', { min: 0, max: Infinity });
    const knots = parseRequiredNumberFlag(opts.knots, '--knots', { min: 1, max: 12, integer: true });
    if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got ${JSON.stringify(opts.date)}`);
    const date = opts.date ?? new Date().toISOString().slice(0, 10);
    const version = opts.modelVersion ?? `fit-${date}`;
    const output = outputOf<FitSummary>(ctx, 'fit', { plain: renderFit });
    // refits, on these pairs, the curves of the base model (--model) that the pairs show;
    // the shipped model itself is made by scripts/fit-model.ts from real data (README)
    const { model: base } = readModelFile(opts.model !== undefined ? ctx.resolvePath(opts.model) : undefined);
    const { pairs, sources, analysis } = await loadPairs(ctx, files, opts);
    if (folds >= 2 && pairs.length < folds * MIN_PAIRS_PER_FOLD) {
      throw new UsageError(`${pairs.length} pairs are too few for ${folds}-fold cross-validation (at least ${folds * MIN_PAIRS_PER_FOLD})`, 'label more pairs, or pass --folds 0 (no cross-validation)');
    }
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
      ...(analysis ? { asOf: new Date(analysis.window.asOf).toISOString(), windowDays: analysis.window.windowDays } : {}),
      ...(report.cv ? { cvFolds: report.cv.folds, cvAuc: report.cv.auc, cvFoldAuc: report.cv.foldAuc } : {}),
      inSampleAuc: report.inSample.auc,
    };
    const json = toJson(report.model);
    // without --out the model file itself is the output (to redirect into a file)
    if (!opts.out) return ctx.out(json);
    fs.writeFileSync(ctx.resolvePath(opts.out), json);
    await output.write({ schema: 1, out: opts.out, model: version, pairs: pairs.length, fitted: report.fitted, prior: report.kept, cv: report.cv, inSample: report.inSample });
  });
}
