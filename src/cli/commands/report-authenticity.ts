/** `influence report authenticity`: accounts flagged as gaming, with the evidence behind each flag. */
import type { Command } from 'commander';
import { assessAuthenticity } from '../../engine/authenticity/index.js';
import { buildAuthenticityReport, renderAuthenticityCsv, renderAuthenticityReport } from '../../render/authenticity-report.js';
import { toJson } from '../../render/json.js';
import { readLatestActivity, readDataset } from '../../store/read-dataset.js';
import { makeContext } from '../context.js';
import { parseAsOf, parseWindow } from '../scoring-options.js';
import type { Io } from '../io.js';

/** Registers `report authenticity [--window DAYS] [--as-of DATE]`. */
export function registerReportAuthenticity(report: Command, io: Io): void {
  report
    .command('authenticity')
    .description('accounts flagged for follow-back farming, bot cadence, hashtag stuffing, engagement pods, serial engagers or churn, with evidence')
    .option('--window <days>', 'window in days', '90')
    .option('--as-of <date>', 'end of the window, ISO date or date-time (default: latest activity in the database)')
    .action((opts: { window: string; asOf?: string }, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const windowDays = parseWindow(opts.window);
      const requestedAsOf = opts.asOf === undefined ? null : parseAsOf(opts.asOf);
      const store = ctx.openExistingStore();
      try {
        const pop = readDataset(store);
        const asOf = requestedAsOf ?? readLatestActivity(store);
        const assessment = assessAuthenticity(pop, { asOf: asOf ?? 0, windowDays });
        const result = buildAuthenticityReport(pop, assessment, asOf, windowDays);
        if (ctx.mode === 'json') ctx.out(toJson({ schema: 1, ...result }));
        else if (ctx.mode === 'csv') ctx.out(renderAuthenticityCsv(result));
        else ctx.out(renderAuthenticityReport(result, ctx.theme));
      } finally {
        store.close();
      }
    });
}
