/** The command registry: each command is one module that adds itself to the program. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerDb } from './db.js';
import { registerScore } from './score.js';
import { registerExplain } from './explain.js';
import { registerHistory } from './history.js';
import { registerEval } from './eval.js';
import { registerFit } from './fit.js';

export type RegisterCommand = (program: Command, io: Io) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerDb, registerScore, registerExplain, registerHistory, registerEval, registerFit];
