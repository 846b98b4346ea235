/** The command registry: each command is one module that adds itself to the program. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerAccounts } from './accounts.js';
import { registerAudit } from './audit.js';
import { registerCheck } from './check.js';
import { registerDashboard } from './dashboard.js';
import { registerDb } from './db.js';
import { registerDemo } from './demo.js';
import { registerEval } from './eval.js';
import { registerExplain } from './explain.js';
import { registerFit } from './fit.js';
import { registerHistory } from './history.js';
import { registerIdentity } from './identity.js';
import { registerImport } from './import.js';
import { registerRank } from './rank.js';
import { registerReport } from './report.js';
import { registerRuns } from './runs.js';
import { registerScore } from './score.js';
import { registerTopics } from './topics.js';

export type RegisterCommand = (program: Command, io: Io) => void;

/** In the order `--help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerImport,
  registerScore,
  registerExplain,
  registerTopics,
  registerRank,
  registerHistory,
  registerRuns,
  registerAccounts,
  registerIdentity,
  registerReport,
  registerAudit,
  registerCheck,
  registerEval,
  registerFit,
  registerDemo,
  registerDashboard,
  registerDb,
];
