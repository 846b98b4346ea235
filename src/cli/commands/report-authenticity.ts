/** `influence report authenticity`: accounts flagged as gaming, with the evidence behind each flag. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { addScoringOptions, type AnalysisFlags, helpExamples } from '../options.js';
import { loadAnalysis } from '../analysis.js';
import { outputOf } from '../output.js';
import { buildAuthenticityReport } from '../../engine/authenticity/report.js';
import { renderAuthenticityCsv, renderAuthenticityReport, toAuthenticityReportView, type AuthenticityReportView } from '../../render/authenticity-report.js';

/** Registers `report authenticity [--window DAYS] [--as-of DATE]`. */
export function registerReportAuthenticity(report: Command, io: Io): void {
  addScoringOptions(
    report
      .command('authenticity')
      .description('accounts flagged for follow-back farming, bot cadence, hashtag stuffing, engagement pods, serial engagers or churn, with evidence')
      .addHelpText('after', helpExamples(['influence report authenticity', 'influence report authenticity --window 30 --csv > flags.csv'])),
  ).action(async (opts: AnalysisFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const output = outputOf<AuthenticityReportView & { schema: 1 }>(ctx, 'report authenticity', { jsonLists: ['results'], csv: renderAuthenticityCsv, plain: renderAuthenticityReport });
    const analysis = await loadAnalysis(ctx, opts, { topics: false });
    await output.write({ schema: 1, ...toAuthenticityReportView(buildAuthenticityReport(analysis)) });
  });
}
