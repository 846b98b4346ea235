/** Options shared by the scoring commands: --as-of, --window, --model, and the authenticity hook. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { validateModel, type Model } from '../engine/model.js';
import { assessAuthenticity } from '../engine/authenticity/index.js';
import type { AuthenticityAssessment } from '../engine/result-types.js';
import type { Dataset } from '../engine/dataset.js';
import type { ScoringWindow } from '../engine/window.js';
import type { Db } from '../store/open.js';
import { readLatestActivity } from '../store/read-dataset.js';
import { InputError, UsageError } from '../errors.js';
import { MODELS_DIR } from './package-paths.js';

const DAY = 86_400_000;

/** The model shipped with the package. */
export const DEFAULT_MODEL_PATH = path.join(MODELS_DIR, 'model-v2.json');

/** Adds --as-of, --window and --model to a command. */
export function addScoringOptions(cmd: Command): Command {
  return cmd
    .option('--as-of <date>', 'score as of this ISO date or date-time (default: the latest activity in the database; a date means the end of that day, UTC)')
    .option('--window <days>', 'window in days', '90')
    .option('--model <file>', 'model file (default: the shipped models/model-v2.json)');
}

/** The raw values of --as-of, --window, --model. */
export interface ScoringFlags {
  asOf?: string;
  window?: string;
  model?: string;
}

/** Parses --as-of; without it, the latest activity in the database (never the wall clock). */
export function resolveAsOf(value: string | undefined, db: Db): number {
  if (value === undefined) {
    const latest = readLatestActivity(db);
    if (latest === null) throw new UsageError('the database has no activity to date a score by', 'import posts or interactions, or pass --as-of DATE');
    return latest;
  }
  return parseAsOf(value);
}

/** Parses an --as-of value: an ISO date means the end of that day (UTC); a date-time is taken as is. */
export function parseAsOf(value: string): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw new UsageError(`--as-of: ${JSON.stringify(value)} is not a date (an ISO date or date-time)`, 'write e.g. 2026-03-01 or 2026-03-01T12:00:00Z');
  return dateOnly ? t + DAY - 1 : t;
}

/** Parses --window (whole days, 1..3650). */
export function parseWindow(value: string | undefined): number {
  const v = Number(value ?? '90');
  if (!Number.isInteger(v) || v < 1 || v > 3650) throw new UsageError(`--window: expected whole days from 1 to 3650, got ${JSON.stringify(value)}`, 'e.g. --window 90');
  return v;
}

/** The scoring window from the flags. */
export function resolveWindow(flags: ScoringFlags, db: Db): ScoringWindow {
  return { asOf: resolveAsOf(flags.asOf, db), windowDays: parseWindow(flags.window) };
}

/** Loads and validates a model file (default: the shipped model). */
export function loadModel(file: string | undefined, resolvePath: (p: string) => string): { model: Model; path: string } {
  const p = file === undefined ? DEFAULT_MODEL_PATH : resolvePath(file);
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch {
    throw new UsageError(`cannot read model file ${p}`, 'pass --model FILE with a model written by `influence fit`');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file: p, expected: 'a model file written by `influence fit`', fix: 'regenerate it with influence fit' });
  }
  try {
    return { model: validateModel(data), path: p };
  } catch (err) {
    throw new InputError((err as Error).message, { file: p, expected: 'a model file (schema 1)', fix: 'regenerate it with influence fit' });
  }
}

/** The authenticity stage's assessment of the population (flags, damping, caps, event weights). */
export function assessPopulation(pop: Dataset, window: ScoringWindow): AuthenticityAssessment {
  return assessAuthenticity(pop, window);
}
