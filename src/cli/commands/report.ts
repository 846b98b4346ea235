/**
 * `influence report <name>`: a group of reports over the database. Each report is a module
 * exporting `registerReport<Name>(report, io)`; add it to REPORTS to make it a subcommand.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { helpExamples } from '../options.js';
import { registerReportAuthenticity } from './report-authenticity.js';
import { registerReportThreshold } from './report-threshold.js';

export type RegisterReport = (report: Command, io: Io) => void;

/** The reports under `influence report` (add new reports here). */
export const REPORTS: readonly RegisterReport[] = [registerReportAuthenticity, registerReportThreshold];

/** Adds the `report` group and every report in REPORTS. */
export function registerReport(program: Command, io: Io): void {
  const report = program
    .command('report')
    .description('reports over the database (see each subcommand)')
    .addHelpText('after', helpExamples(['influence report threshold --at 70', 'influence report authenticity --json']));
  for (const register of REPORTS) register(report, io);
}
