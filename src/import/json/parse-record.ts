/**
 * One JSON record held as text (an NDJSON line): JSON.parse at native speed, falling back
 * to the lossless parser when a number lost digits (an id above 2^53, at any depth: a
 * Twitter API response page holds its rows one level down), and refusing nesting deeper
 * than MAX_JSON_DEPTH (something later would walk it recursively).
 */
import { MAX_JSON_DEPTH } from '../record-limits.js';
import { parseJsonLossless } from './parse-lossless.js';

/** The parsed record; throws SyntaxError for invalid JSON or too deep a nesting. */
export function parseJsonRecord(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null) return isLossy(value) ? parseJsonLossless(text) : value;
  let nested = false;
  for (const v of Object.values(value)) {
    if (isLossy(v)) return parseJsonLossless(text); // it checks the depth too
    if (typeof v === 'object' && v !== null) nested = true;
  }
  if (!nested) return value;
  const walk = walkNested(value);
  if (walk.depth > MAX_JSON_DEPTH) throw new SyntaxError(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  return walk.lossy ? parseJsonLossless(text) : value;
}

/** A number JSON.parse may have rounded: an integer beyond 2^53 (its digits were not kept). */
function isLossy(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v);
}

/** Levels of nesting, counted without recursion (stops counting past the limit), and whether a nested number lost digits. */
function walkNested(root: object): { depth: number; lossy: boolean } {
  let max = 0;
  let lossy = false;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) {
      lossy ||= isLossy(v);
      continue;
    }
    if (d > max) max = d;
    if (max > MAX_JSON_DEPTH) return { depth: max, lossy };
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return { depth: max, lossy };
}
