/** Flag parsers shared by rank, check and report threshold. */
import { cleanText } from '../render/sanitize.js';
import { UsageError } from '../errors.js';

/** A number flag within [min, max]; undefined stays undefined. */
export function parseNumberFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag}: expected a number from ${min} to ${max}, got '${cleanText(value)}'`, `e.g. ${flag} ${Math.min(max, Math.max(min, 10))}`);
  return n;
}

/** A positive whole number flag; undefined stays undefined. */
export function parseCountFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: expected a positive whole number, got '${cleanText(value)}'`, `e.g. ${flag} 20`);
  return n;
}
