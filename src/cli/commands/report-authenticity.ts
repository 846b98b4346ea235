/** `influence report authenticity`: accounts flagged as gaming, with the evidence behind each flag. */
import type { Command } from 'commander';
import { assessAuthenticity } from '../../engine/authenticity/index.js';
import { buildAuthenticityReport, renderAuthenticityCsv, renderAuthenticityReport } from '../../render/authenticity-report.js';
import { toJson } from '../../render/json.js';
import { readLatestActivity, readPopulation } from '../../store/read-population.js';
import { makeContext } from '../context.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

const DAY = 86_400_000;

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
        const pop = readPopulation(store);
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

/** --window: a positive whole number of days. */
export function parseWindow(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0 || n > 36_500) throw new UsageError(`--window must be a positive whole number of days, got '${s}'`, 'for example --window 90');
  return n;
}

/** --as-of: an ISO date (the end of that day, UTC) or date-time. */
export function parseAsOf(s: string): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const t = Date.parse(dateOnly ? `${s}T00:00:00Z` : s);
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(t)) throw new UsageError(`--as-of must be an ISO date or date-time, got '${s}'`, 'for example --as-of 2026-03-31 or --as-of 2026-03-31T12:00:00Z');
  return dateOnly ? t + DAY - 1 : t;
}
