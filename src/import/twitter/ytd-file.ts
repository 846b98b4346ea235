/**
 * Twitter archive data files are JavaScript assignments, `window.YTD.tweets.part0 = [ ... ]`
 * (and `window.__THAR_CONFIG = { ... }` for the manifest). The value after the first '=' is
 * JSON; it is parsed, never evaluated. Arrays are split into their elements first so each
 * element is parsed on its own: a bad element names its own line, the others still import,
 * and a truncated file yields every complete element before the cut.
 */
import type { RecordSink, RowProblem } from '../../store/records.js';
import { arrayAt, readJsonItems, scanJsonText } from '../json/read-json-items.js';
import type { SourceEntry } from '../source.js';
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
  const r = scanJsonText(text, { select: arrayAt(), assignment: true, expectRoot: 'array' });
  return {
    global: r.assignedName,
    items: r.items.map((i) => ({ index: i.index, line: i.line, value: i.value })),
    problems: r.problems.map((p) => ({ file, line: p.line, ...(p.record !== undefined ? { record: p.record } : {}), reason: p.reason, expected: EXPECTED_ARRAY, fix: FIX_FILE })),
  };
}

/** Streams a `window.YTD.x.partN = [...]` entry: each element to `onItem`, problems to the sink. */
export async function readYtdArray(entry: SourceEntry, sink: RecordSink, onItem: (item: YtdItem) => void): Promise<string> {
  const r = await readJsonItems(entry, sink, {
    select: arrayAt(),
    assignment: true,
    expectRoot: 'array',
    expected: EXPECTED_ARRAY,
    fix: FIX_FILE,
    onItem: (i) => onItem({ index: i.index, line: i.line, value: i.value }),
  });
  return r.assignedName;
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
