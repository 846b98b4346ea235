/**
 * `influence check EXPECT.json`: fresh scores of the current database against an
 * expectations file, for CI (exit 0 all hold, 1 drift, 2 bad input); `--write` makes one.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { CheckFailed, UsageError } from '../../errors.js';
import { addOntologyOption, addOptionGroups, addScoringOptions, type AnalysisFlags, givenOnCommandLine, parseNumberFlag, helpExamples } from '../options.js';
import { loadAnalysis } from '../analysis.js';
import { outputOf } from '../output.js';
import { compareExpectations, expectationsOf, observeAccount, type CheckResult } from '../../engine/check.js';
import { readExpectations } from '../../inputs/expectations.js';
import { renderJunit } from '../../render/junit.js';
import { toJson } from '../../render/json.js';
import { reportHeader } from '../../render/report-header.js';
import { renderCheckText, toJunitCases } from '../../render/check-view.js';

interface CheckFlags extends AnalysisFlags {
  tolerance?: string;
  junit?: string;
  write?: boolean;
  force?: boolean;
  all?: boolean;
}

interface CheckReport extends CheckResult {
  schema: 1;
  file: string;
  asOf: string;
  windowDays: number;
}

export function registerCheck(program: Command, io: Io): void {
  addOptionGroups(
    program
      .command('check')
      .description('compare fresh scores with an expectations file (exit 1 on drift), or --write one from the current scores')
      .argument('<file>', 'expectations file (JSON)')
      .option('--tolerance <points>', 'allowed score difference (default: the file\'s tolerance, else 1)')
      .option('--junit <file>', 'also write JUnit XML for CI')
      .option('--write', 'write FILE from the current scores of every account instead of checking')
      .option('--force', 'with --write: overwrite FILE if it exists')
      .option('--all', 'list every expectation, not only those that moved')
      .addHelpText('after', helpExamples(['influence check fixtures/scoring/expected.json --junit check.xml', 'influence check --write expected.json --as-of 2026-03-01'])),
    addScoringOptions, addOntologyOption,
  ).action(async (file: string, opts: CheckFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const tolerance = parseNumberFlag(opts.tolerance, '--tolerance', { min: 0, max: 100 });
    const path = ctx.resolvePath(file);
    if (opts.write) return writeExpectationsFile(ctx, path, opts, tolerance);
    if (givenOnCommandLine(cmd, 'asOf') || givenOnCommandLine(cmd, 'window')) {
      throw new UsageError('--as-of and --window only go with --write', 'a check scores with the as-of and window the expectations file names');
    }
    const output = outputOf<CheckReport>(ctx, 'check', { plain: (r, theme) => renderCheckText(r, file, theme, false, opts.all), tty: (r, theme, columns) => renderCheckText(r, file, theme, true, opts.all, columns) });
    const exp = readExpectations(path);
    const wantsTopics = exp.accounts.some((a) => a.topics?.length);
    const analysis = await loadAnalysis(ctx, { ...opts, asOf: exp.asOf, window: String(exp.windowDays) }, { topics: wantsTopics });
    const result = compareExpectations(exp, (h) => observeAccount(analysis, h), analysis.model.version, tolerance);
    if (opts.junit) fs.writeFileSync(ctx.resolvePath(opts.junit), renderJunit(`influence check ${file}`, toJunitCases(result)));
    await output.write({ schema: 1, file, asOf: exp.asOf, windowDays: exp.windowDays, ...result });
    if (!result.ok) throw new CheckFailed(`check failed: ${result.counts.drift} drifted, ${result.counts.missing} missing${result.model.ok ? '' : ', model version differs'}`);
  });
}

async function writeExpectationsFile(ctx: CommandContext, path: string, opts: CheckFlags, tolerance: number | undefined): Promise<void> {
  const output = outputOf<{ schema: 1; file: string; accounts: number }>(ctx, 'check --write', { plain: () => null });
  // an expectations file is reviewed by hand (claims dropped or added): never overwritten by accident
  if (!opts.force && fs.existsSync(path)) throw new UsageError(`${path} exists`, 'pass --force to overwrite it, or --write a new file and compare');
  const analysis = await loadAnalysis(ctx, opts, { topics: true });
  const doc = expectationsOf(analysis, tolerance ?? 1, reportHeader(analysis.window, analysis.model.version).asOf);
  fs.writeFileSync(path, toJson(doc));
  ctx.info(`wrote ${doc.accounts.length} expectations to ${path} (as of ${doc.asOf}, ${doc.windowDays}-day window, model ${doc.model}, tolerance ${doc.tolerance})`);
  await output.write({ schema: 1, file: path, accounts: doc.accounts.length });
}
