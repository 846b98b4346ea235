/** Small numeric helpers shared by the signals: severity scaling, rounding, labels. */
import type { Dataset } from '../dataset.js';
import { DAY_MS } from '../window.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
/** The window module's day, under the short name the signals use. */
export const DAY = DAY_MS;

/** x clamped to [0, 1]. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * How far a value is past its threshold, 0 at the threshold and 1 at `full`; works both
 * ways (full > threshold: higher is worse; full < threshold: lower is worse).
 * Example: exceedance(0.9, 0.8, 1.0) = 0.5; exceedance(0.002, 0.01, 0) = 0.8.
 */
export function exceedance(value: number, threshold: number, full: number): number {
  if (full === threshold) return value === threshold ? 0 : 1;
  return clamp01((value - threshold) / (full - threshold));
}

/** Like `exceedance`, on a log scale (for counts spanning orders of magnitude). */
export function logExceedance(value: number, threshold: number, full: number): number {
  if (value <= 0 || threshold <= 0 || full <= 0) return 0;
  return exceedance(Math.log(value), Math.log(threshold), Math.log(full));
}

/** Mean of severities, rounded: a flag's severity is the mean of its criteria's exceedances. */
export function meanSeverity(parts: number[]): number {
  if (parts.length === 0) return 0;
  let s = 0;
  for (const p of parts) s += p;
  return round(s / parts.length);
}

/** Rounded to 4 decimals, so evidence is readable and byte-stable. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** The handle an account is shown by in evidence ('#<dbId>' when only an id is known). */
export function labelOf(pop: Dataset, i: number): string {
  const h = pop.accounts.handle[i];
  return h ? h : `#${pop.accounts.dbId[i] ?? i}`;
}

/** Finite and not NaN. */
export function known(x: number | undefined): x is number {
  return x !== undefined && Number.isFinite(x);
}
