/** One result contract, several sinks: which sink a command writes to, decided once. */
import { Chalk, type ChalkInstance } from 'chalk';
import { UsageError } from '../errors.js';

export type OutputMode = 'tty' | 'plain' | 'json' | 'csv';

export interface OutputFlags {
  json?: boolean;
  csv?: boolean;
  plain?: boolean;
  /** commander's --no-color sets color=false */
  color?: boolean;
}

/** Picks the sink: explicit --json/--csv/--plain (one of them), else a TTY gets the rich view, a pipe plain text. */
export function selectOutputMode(flags: OutputFlags, isTTY: boolean): OutputMode {
  const asked = (['json', 'csv', 'plain'] as const).filter((f) => flags[f] === true);
  if (asked.length > 1) throw new UsageError(`${asked.map((f) => `--${f}`).join(' and ')} together`, 'choose one output format');
  if (flags.json) return 'json';
  if (flags.csv) return 'csv';
  if (flags.plain || !isTTY) return 'plain';
  return 'tty';
}

/** Colour only on a TTY, and never with --no-color or NO_COLOR set (https://no-color.org). */
export function colorEnabled(flags: OutputFlags, isTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (flags.color === false) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return isTTY;
}

/** The theme formatters receive: colour functions that are identity when colour is off. */
export interface Theme {
  color: boolean;
  chalk: ChalkInstance;
}

export function makeTheme(color: boolean): Theme {
  return { color, chalk: new Chalk({ level: color ? 2 : 0 }) };
}
