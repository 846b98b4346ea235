/** `influence dashboard`: the interactive full-screen browser of the database (cli/dashboard/). */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { addOntologyOption, addOptionGroups, addScoringOptions, helpExamples } from '../options.js';
import { runDashboard, type DashboardFlags } from '../dashboard/run-dashboard.js';

/** Registers `influence dashboard [--list FILE] [--topic SLUG] [--as-of DATE] [--window N] [--model FILE] [--ontology DIR]`. */
export function registerDashboard(program: Command, io: Io): void {
  addOptionGroups(
    program
      .command('dashboard')
      .description('browse the database in a full-screen terminal view: ranking, Klout70, topics, authenticity, each account in detail (reads only)')
      .option('--list <file>', 'only the accounts of a follower list (unknown handles listed apart)')
      .option('--topic <slug>', 'start with this topic picked (sub-topics included)')
      .addHelpText('after', helpExamples(['influence dashboard', 'influence dashboard --list campaign.csv --topic music --as-of 2026-03-31'])),
    addScoringOptions, addOntologyOption,
  ).action(async (opts: DashboardFlags, cmd: Command) => runDashboard(makeContext(io, cmd), opts, io));
}
