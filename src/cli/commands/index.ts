/**
 * The command registry: each command is one module that adds itself to the program. The
 * modules are loaded on demand: a run loads the one command it names (an import then does
 * not load the scoring, rendering and dashboard modules: ~0.1 s of start-up), `--help` and
 * anything unrecognised load them all.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';

export type RegisterCommand = (program: Command, io: Io) => void;

/** A command by its name, and how to load the function that registers it. */
export interface CommandEntry {
  name: string;
  load: () => Promise<RegisterCommand>;
}

/** In the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'import', load: async () => (await import('./import.js')).registerImport },
  { name: 'score', load: async () => (await import('./score.js')).registerScore },
  { name: 'explain', load: async () => (await import('./explain.js')).registerExplain },
  { name: 'topics', load: async () => (await import('./topics.js')).registerTopics },
  { name: 'rank', load: async () => (await import('./rank.js')).registerRank },
  { name: 'history', load: async () => (await import('./history.js')).registerHistory },
  { name: 'runs', load: async () => (await import('./runs.js')).registerRuns },
  { name: 'accounts', load: async () => (await import('./accounts.js')).registerAccounts },
  { name: 'identity', load: async () => (await import('./identity.js')).registerIdentity },
  { name: 'report', load: async () => (await import('./report.js')).registerReport },
  { name: 'audit', load: async () => (await import('./audit.js')).registerAudit },
  { name: 'check', load: async () => (await import('./check.js')).registerCheck },
  { name: 'eval', load: async () => (await import('./eval.js')).registerEval },
  { name: 'fit', load: async () => (await import('./fit.js')).registerFit },
  { name: 'demo', load: async () => (await import('./demo.js')).registerDemo },
  { name: 'dashboard', load: async () => (await import('./dashboard.js')).registerDashboard },
  { name: 'db', load: async () => (await import('./db.js')).registerDb },
];
