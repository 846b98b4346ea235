/**
 * Reads and validates an expectations file for `influence check` (format: engine/check.ts).
 * Every problem is an InputError naming the field (`accounts[2].score`), what was expected and the fix.
 */
import fs from 'node:fs';
import type { Expectation, Expectations } from '../engine/check.js';
import { FLAG_CODES } from '../engine/result-types.js';
import { InputError } from '../errors.js';

const FIX = 'correct the field, or regenerate the file with `influence check --write FILE`';

/** Loads EXPECT.json; InputError (exit 2) on a missing file, bad JSON or a bad field. */
export function readExpectations(file: string): Expectations {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError('cannot read the expectations file', { file, fix: 'check the path, or write one with `influence check --write FILE`' });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file, expected: 'an expectations file (JSON)', fix: FIX });
  }
  return validateExpectations(data, file);
}

function fail(file: string, field: string, expected: string, got: unknown): never {
  throw new InputError(`got ${shown(got)}`, { file, field, expected, fix: FIX });
}

/** A value as the start of its JSON text; a value nested too deep to write (JSON.stringify overflows the stack) is said to be so. */
function shown(got: unknown): string {
  try {
    return JSON.stringify(got)?.slice(0, 60) ?? 'nothing';
  } catch {
    return 'a value nested too deep to show';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** Validates parsed JSON as an Expectations document. */
export function validateExpectations(data: unknown, file: string): Expectations {
  if (!isObject(data)) fail(file, '(top level)', 'an object with schema, asOf, windowDays, model, accounts', data);
  if (data['schema'] !== 1) fail(file, 'schema', '1', data['schema']);
  const asOf = data['asOf'];
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(asOf) || Number.isNaN(Date.parse(asOf))) fail(file, 'asOf', 'an ISO date or date-time string', asOf);
  const windowDays = data['windowDays'];
  if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1 || windowDays > 3650) fail(file, 'windowDays', 'whole days from 1 to 3650', windowDays);
  if (typeof data['model'] !== 'string' || data['model'] === '') fail(file, 'model', 'the model version string, e.g. "1.0.0"', data['model']);
  const tolerance = data['tolerance'];
  if (tolerance !== undefined && !(typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance >= 0)) fail(file, 'tolerance', 'a number >= 0 (score points)', tolerance);
  const accounts = data['accounts'];
  if (!Array.isArray(accounts)) fail(file, 'accounts', 'an array of {handle, score | min | max, flags?, topics?}', accounts);
  const seen = new Set<string>();
  const out: Expectation[] = accounts.map((a: unknown, k: number) => {
    const at = `accounts[${k}]`;
    if (!isObject(a)) fail(file, at, 'an object with a handle', a);
    const known = new Set(['handle', 'score', 'min', 'max', 'flags', 'topics']);
    for (const key of Object.keys(a)) if (!known.has(key)) fail(file, `${at}.${key}`, `one of ${[...known].join(', ')}`, key);
    if (typeof a['handle'] !== 'string' || a['handle'].trim() === '') fail(file, `${at}.handle`, 'a handle such as "@alice"', a['handle']);
    const handle = a['handle'];
    if (seen.has(handle.toLowerCase())) fail(file, `${at}.handle`, 'each handle once', handle);
    seen.add(handle.toLowerCase());
    const e: Expectation = { handle };
    for (const key of ['score', 'min', 'max'] as const) {
      if (a[key] === undefined) continue;
      if (!isScore(a[key])) fail(file, `${at}.${key}`, 'a score from 0 to 100', a[key]);
      e[key] = a[key];
    }
    if (e.min !== undefined && e.max !== undefined && e.min > e.max) fail(file, `${at}.min`, `at most max (${e.max})`, e.min);
    if (a['flags'] !== undefined) {
      const flags = a['flags'];
      if (!Array.isArray(flags) || !flags.every((f) => (FLAG_CODES as readonly unknown[]).includes(f))) fail(file, `${at}.flags`, `an array of flag codes (${FLAG_CODES.join(', ')})`, flags);
      e.flags = flags as string[];
    }
    if (a['topics'] !== undefined) {
      const topics = a['topics'];
      if (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string' && t !== '')) fail(file, `${at}.topics`, 'an array of topic slugs, e.g. ["astronomy"]', topics);
      e.topics = topics as string[];
    }
    return e;
  });
  return { schema: 1, asOf, windowDays, model: data['model'], ...(tolerance !== undefined ? { tolerance } : {}), accounts: out };
}
