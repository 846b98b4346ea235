/**
 * Twitter archive data files are JavaScript assignments, `window.YTD.tweets.part0 = [ ... ]`
 * (and `window.__THAR_CONFIG = { ... }` for the manifest). The value after the first '=' is
 * JSON; it is parsed, never evaluated. Arrays are split into their elements first so each
 * element is parsed on its own: a bad element names its own line, the others still import,
 * and a truncated file yields every complete element before the cut.
 */
import type { RowProblem } from '../../store/records.js';
import { locateJsonError } from '../locate-json-error.js';

/** One element of a data file's array, with where it starts. */
export interface YtdItem {
  /** 0-based position in the array */
  index: number;
  /** 1-based line of the element's first character */
  line: number;
  value: unknown;
}

/** A parsed data file: its global name, the records read, and what went wrong. */
export interface YtdArray {
  /** the assigned name without `window.`: 'YTD.tweets.part0' */
  global: string;
  items: YtdItem[];
  problems: RowProblem[];
}

const EXPECTED_ARRAY = 'window.YTD.<name>.part<N> = [ ... ] (a Twitter archive data file)';
const FIX_FILE = 'download the archive again, or import the files exactly as the archive holds them';
const ASSIGNEE = /^(?:window\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** Splits and parses a `window.YTD.x.partN = [...]` file; problems name lines in `file`. */
export function parseYtdArray(text: string, file: string): YtdArray {
  const out: YtdArray = { global: '', items: [], problems: [] };
  const head = readAssignment(text, file, EXPECTED_ARRAY);
  if ('problem' in head) {
    out.problems.push(head.problem);
    return out;
  }
  out.global = head.global;
  const n = text.length;
  let i = head.valueStart;
  let line = head.valueLine;
  const fail = (reason: string, at: number, extra: Partial<RowProblem> = {}): YtdArray => {
    out.problems.push({ file, line: at, reason, expected: EXPECTED_ARRAY, fix: FIX_FILE, ...extra });
    return out;
  };
  if (text.charCodeAt(i) !== 0x5b /* [ */) return fail("expected '[' after '='", line);
  i++;
  let counted = i; // `line` is the line of offset `counted`; advanced lazily with indexOf
  const lineAt = (pos: number): number => {
    line += countNewlines(text, counted, pos);
    counted = pos;
    return line;
  };
  for (let index = 0; ; index++) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return fail(`the file ends inside the array after ${index} complete records (truncated?)`, lineAt(n), { record: index });
    if (text.charCodeAt(i) === 0x5d /* ] */) {
      i++;
      break;
    }
    const start = i;
    let depth = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22 /* " */) {
        i = closingQuote(text, i + 1);
        if (i < 0) i = n;
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) break; // the array's own ']' (or a stray '}', reported below)
        depth--;
      } else if (c === 0x2c /* , */ && depth === 0) break;
    }
    const startLine = lineAt(start);
    if (i >= n) return fail(`the file ends inside record ${index} (truncated?)`, lineAt(n), { record: index });
    const slice = text.slice(start, i);
    try {
      out.items.push({ index, line: startLine, value: JSON.parse(slice) });
    } catch (err) {
      out.problems.push({ file, line: errorLine(slice, startLine), record: index, reason: `invalid JSON: ${jsonMessage(err)}`, expected: 'a JSON object', fix: FIX_FILE });
    }
    const c = text.charCodeAt(i);
    if (c === 0x2c) i++;
    else if (c === 0x7d) return fail(`unbalanced '}' in record ${index}`, lineAt(i), { record: index });
    // ']' is consumed at the top of the loop
  }
  const rest = text.slice(i).trim();
  if (rest !== '' && rest !== ';') fail("unexpected text after the array's closing ']'", lineAt(i));
  return out;
}

/** Parses a `window.__THAR_CONFIG = {...}` style file whose value is one JSON object. */
export function parseYtdObject(text: string, file: string): { global: string; value: unknown } | { problem: RowProblem } {
  const expected = 'window.__THAR_CONFIG = { ... } (a Twitter archive manifest)';
  const head = readAssignment(text, file, expected);
  if ('problem' in head) return head;
  let body = text.slice(head.valueStart).trimEnd();
  if (body.endsWith(';')) body = body.slice(0, -1);
  try {
    return { global: head.global, value: JSON.parse(body) };
  } catch (err) {
    return { problem: { file, line: errorLine(body, head.valueLine), reason: `invalid JSON: ${jsonMessage(err)}`, expected, fix: FIX_FILE } };
  }
}

function readAssignment(text: string, file: string, expected: string): { global: string; valueStart: number; valueLine: number } | { problem: RowProblem } {
  const eq = text.indexOf('=');
  const lhs = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || !ASSIGNEE.test(lhs)) {
    return { problem: { file, line: 1, reason: 'not a Twitter archive data file (no `window.YTD... =` assignment)', expected, fix: FIX_FILE } };
  }
  let i = eq + 1;
  let line = 1 + countNewlines(text, 0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
  }
  return { global: lhs.replace(/^window\./, ''), valueStart: i, valueLine: line };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Offset of the '"' closing a string whose body starts at `from`, or -1. */
function closingQuote(s: string, from: number): number {
  for (let q = s.indexOf('"', from); q >= 0; q = s.indexOf('"', q + 1)) {
    let backslashes = 0;
    for (let k = q - 1; k >= from && s.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return -1;
}

function countNewlines(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) count++;
  return count;
}

/** The line of a JSON.parse error inside `slice`, which starts at `startLine`. */
function errorLine(slice: string, startLine: number): number {
  return startLine + countNewlines(slice, 0, locateJsonError(slice)?.offset ?? slice.length);
}

/** V8's message without the input excerpt it quotes (archive text is untrusted) or its offset. */
function jsonMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/, (?:\.\.\.)?".*$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
