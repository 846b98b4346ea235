/** The command registry: each command is one module that adds itself to the program. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerDb } from './db.js';
import { registerImport } from './import.js';
import { registerDemo } from './demo.js';
import { registerReport } from './report.js';

export type RegisterCommand = (program: Command, io: Io) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerImport, registerDemo, registerDb, registerReport];
