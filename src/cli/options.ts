/**
 * The flags the commands share and their one parser each: numbers (--window, --at,
 * --limit, ...), --as-of, and the option groups (window, model, ontology).
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { DAY_MS } from '../engine/window.js';
import { MAX_WINDOW_DAYS, isStorableTime } from '../store/records.js';
import { isoDateExists } from '../import/checked-time.js';

export { MAX_WINDOW_DAYS };

/** Bounds of a number flag. */
export interface NumberBounds {
  min: number;
  max: number;
  integer?: boolean;
}

/** Parses a number flag within bounds; undefined stays undefined. */
export function parseNumberFlag(value: string | undefined, flag: string, bounds: NumberBounds): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const whole = bounds.integer === true;
  if (value.trim() === '' || !Number.isFinite(n) || n < bounds.min || n > bounds.max || (whole && !Number.isInteger(n))) {
    const range = bounds.max === Infinity ? `${bounds.min} or more` : `from ${bounds.min} to ${bounds.max}`;
    const example = Math.min(bounds.max, Math.max(bounds.min, whole ? 20 : 10));
    throw new UsageError(`${flag}: expected ${whole ? 'a whole number' : 'a number'} ${range}, got ${JSON.stringify(value)}`, `e.g. ${flag} ${example}`);
  }
  return n;
}

/** A number flag that has a default (commander supplies it), so never undefined. */
export function parseRequiredNumberFlag(value: string, flag: string, bounds: NumberBounds): number {
  return parseNumberFlag(value, flag, bounds)!;
}

/** Parses an --as-of value: an ISO date means the end of that day (UTC); a date-time is taken as is (UTC when it names no zone). */
export function parseAsOf(value: string): number {
  const t = parseIsoFlag(value);
  if (t === undefined) throw new UsageError(`--as-of: ${JSON.stringify(value)} is not a date (an ISO date or date-time)`, 'write e.g. 2026-03-01 or 2026-03-01T12:00:00Z');
  return t.dateOnly ? t.ms + DAY_MS - 1 : t.ms;
}

const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 date or date-time given on the command line, within the years the store
 * holds. Date.parse alone read '1' as 2001-01-01, 'Mar 5' as 2001-03-05 and 2026-02-31 as
 * March 3rd, and a time without a zone in the machine's local zone.
 */
function parseIsoFlag(value: string): { ms: number; dateOnly: boolean } | undefined {
  const dateOnly = ISO_DATE_ONLY.test(value);
  const m = dateOnly ? null : ISO_DATE_TIME.exec(value);
  if ((!dateOnly && !m) || !isoDateExists(value)) return undefined;
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : m![1] ? value : `${value}Z`);
  return Number.isFinite(ms) && isStorableTime(ms) ? { ms, dateOnly } : undefined;
}

/** Parses --window (whole days, 1..MAX_WINDOW_DAYS). */
export function parseWindow(value: string | undefined): number {
  return parseNumberFlag(value ?? '90', '--window', { min: 1, max: MAX_WINDOW_DAYS, integer: true })!;
}

/** The raw values of --as-of and --window. */
export interface WindowFlags {
  asOf?: string;
  window?: string;
}

/** The raw values of the analysis flags. */
export interface AnalysisFlags extends WindowFlags {
  model?: string;
  ontology?: string;
  audienceModel?: string;
}

/** An option group: adds its options to a command and returns it. */
export type OptionGroup = (cmd: Command) => Command;

/** Adds option groups to a command, in order (they list in --help in this order). */
export function addOptionGroups(cmd: Command, ...groups: OptionGroup[]): Command {
  return groups.reduce((c, add) => add(c), cmd);
}

/** Adds --as-of and --window. */
export function addWindowOptions(cmd: Command): Command {
  return cmd
    .option('--as-of <date>', 'as of this ISO date or date-time (default: the latest activity in the database, else its latest dated follow, else its latest import; a date means the end of that day, UTC)')
    .option('--window <days>', 'window in days', '90');
}

/** Adds --as-of, --window, --model and --audience-model (the scoring commands). */
export function addScoringOptions(cmd: Command): Command {
  return addAudienceModelOption(addWindowOptions(cmd).option('--model <file>', 'model file (default: the shipped model)'));
}

/** Adds --audience-model (the follower classifier every analysis runs: audit, rank quality, real followers in the score). */
export function addAudienceModelOption(cmd: Command): Command {
  return cmd.option('--audience-model <file>', 'audience model file (default: the shipped models/audience-v1.json)');
}

/** Adds --ontology (commands that compute topics). */
export function addOntologyOption(cmd: Command): Command {
  return cmd.option('--ontology <dir>', 'your own topic ontology: a directory with Klout-format CSVs');
}

/** The "Examples:" section of a command's --help (each line a command as typed): `.addHelpText('after', helpExamples([...]))`. */
export function helpExamples(examples: readonly string[]): string {
  return `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}`;
}

/** Whether the user gave an option on the command line (not its default). */
export function givenOnCommandLine(cmd: Command, option: string): boolean {
  return cmd.getOptionValueSource(option) === 'cli';
}

/** Parses a --split date: an ISO date means its first instant (00:00 UTC); a date-time is taken as is (UTC when it names no zone). */
export function parseSplitDate(value: string): number {
  return parseDateFlag('--split', value, 'use an ISO date such as 2008-11-06');
}

/** A date flag read as parseSplitDate reads --split (strict ISO 8601, 1990-2100); a UsageError naming `flag` otherwise. */
export function parseDateFlag(flag: string, value: string, fix = 'write e.g. 2026-03-01 or 2026-03-01T12:00:00Z'): number {
  const t = parseIsoFlag(value);
  if (t === undefined) throw new UsageError(`${flag}: ${JSON.stringify(value)} is not a date`, fix);
  return t.ms;
}

/** Adds --min-confidence (commands that compare accounts). */
export function addMinConfidenceOption(cmd: Command): Command {
  return cmd.option('--min-confidence <x>', 'list accounts whose score confidence is below X (0-1) apart, with those that abstain');
}

/** Parses --min-confidence (0..1); undefined stays undefined. */
export function parseMinConfidence(value: string | undefined): number | undefined {
  return parseNumberFlag(value, '--min-confidence', { min: 0, max: 1 });
}
