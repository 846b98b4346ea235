/**
 * LinkedIn's CSV files, whose encoding and dialect changed over the years:
 *   - 2018 `Shares.csv` is UTF-16LE with a byte-order mark and tab-separated;
 *   - `Connections.csv` starts with a `Notes:` preamble before its header;
 *   - line endings may be mixed in one export, even in one file (CRLF and LF);
 *   - 2025 `Comments.csv` escapes quotes with a backslash (`\"`) instead of doubling them,
 *     which an RFC 4180 reader turns into ragged rows: such a file is detected (it holds
 *     `\"` and reads cleanly only with backslash escapes) and read that way.
 * Header names differ in case and spacing by year (`SharedURL`, `SharedUrl`): columns are
 * looked up by their letters and digits only, lower-cased.
 */
import type { RowProblem } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { readBytes } from '../own-data/read-json.js';

/** One data row: its fields by normalized column name, and the line it ends on. */
export interface CsvRow {
  get(column: string): string | undefined;
  line: number;
}

/** A LinkedIn CSV file, read. */
export interface LinkedinCsv {
  /** normalized column names ('sharedurl', 'connectedon') */
  columns: string[];
  rows: CsvRow[];
  /** how quotes were escaped: doubled (RFC 4180) or with a backslash (2025 Comments.csv) */
  escape: 'rfc4180' | 'backslash';
  delimiter: ',' | '\t';
  /**
   * Rows that could not be read and were left out: a quote in the middle of a field, or a
   * row of another width than the header. The rest of the file is read; the adapter reports
   * each one (an error, or skipped with --skip-invalid).
   */
  problems: RowProblem[];
}

/** Most bad lines one file may have skipped before it counts as unreadable (each skip parses the file again). */
const MAX_SKIPPED_LINES = 100;

/** `SharedURL`, `Shared Url` and `sharedurl` are one column. */
export function normalizeColumn(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Text of a CSV file in UTF-8 or UTF-16 (by byte-order mark, or by the zero bytes of UTF-16 text). */
export function decodeCsvBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return swapBytes(bytes.subarray(2)).toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  // UTF-16 without a mark: ASCII text has a zero in every other byte
  const sample = bytes.subarray(0, 512);
  let zerosOdd = 0;
  let zerosEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? zerosOdd++ : zerosEven++);
  if (sample.length >= 4 && zerosOdd > sample.length / 4 && zerosEven === 0) return bytes.toString('utf16le');
  if (sample.length >= 4 && zerosEven > sample.length / 4 && zerosOdd === 0) return swapBytes(bytes).toString('utf16le');
  return bytes.toString('utf8');
}

function swapBytes(b: Buffer): Buffer {
  const out = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  return out.swap16();
}

/** The offset where the header starts, past a `Notes:` preamble (Connections.csv), and the lines skipped. */
export function skipPreamble(text: string): { offset: number; lines: number } {
  if (!/^Notes:/i.test(text)) return { offset: 0, lines: 0 };
  // the preamble ends at the first blank line; without one, at the first line naming columns
  const blank = /\r?\n[ \t]*\r?\n/.exec(text);
  const header = /(?:^|\r?\n)(?=(?:First Name|"First Name"|Date|"Date")[,\t])/i.exec(text);
  const at = blank ? blank.index + blank[0].length : header ? header.index + (header[0].length) : 0;
  return { offset: at, lines: countLines(text.slice(0, at)) };
}

function countLines(s: string): number {
  return (s.match(/\r\n|\r|\n/g) ?? []).length;
}

/** Reads a LinkedIn CSV; a problem (file, line) when no dialect reads it into rows of the header's width. */
export async function readLinkedinCsv(entry: SourceEntry): Promise<LinkedinCsv | RowProblem> {
  const full = decodeCsvBytes(await readBytes(entry));
  const pre = skipPreamble(full);
  const text = full.slice(pre.offset);
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const delimiter: ',' | '\t' = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const attempts: Array<'rfc4180' | 'backslash'> = text.includes('\\"') ? ['backslash', 'rfc4180'] : ['rfc4180'];
  let firstFailure: RowProblem | undefined;
  // loaded here, not with the module: detection (linkedin/detect.ts) reads headers only
  const { parse } = await import('csv-parse/sync');
  for (const escape of attempts) {
    const result = tryParse(parse, text, delimiter, escape, entry.displayPath, pre.lines);
    // a dialect that reads the file cleanly wins; else the standard one, with its bad rows
    if (!('reason' in result) && (result.problems.length === 0 || escape === 'rfc4180')) return result;
    if ('reason' in result) firstFailure ??= result;
    if (escape === 'rfc4180') return result;
  }
  return firstFailure!;
}

function tryParse(parse: typeof import('csv-parse/sync').parse, text: string, delimiter: ',' | '\t', escape: 'rfc4180' | 'backslash', file: string, lineOffset: number): LinkedinCsv | RowProblem {
  let records: Array<{ record: string[]; info: { lines: number } }> | undefined;
  const problems: RowProblem[] = [];
  const fix = 'download your LinkedIn data again (Settings > Data privacy > Get a copy of your data)';
  while (records === undefined) {
    try {
      records = parse(text, {
        delimiter,
        escape: escape === 'backslash' ? '\\' : '"',
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as typeof records;
    } catch (err) {
      const e = err as { message?: string; lines?: number; code?: string };
      // A stray quote inside a field (`"x" y`, `re"ply`): that line is left out and the file
      // read again, so one bad row no longer loses every other row of the file.
      if ((e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'INVALID_OPENING_QUOTE' || e.code === 'CSV_INVALID_OPENING_QUOTE') && e.lines !== undefined && problems.length < MAX_SKIPPED_LINES) {
        problems.push({ file, line: e.lines + lineOffset, reason: 'a quote in the middle of a field: the row cannot be read', expected: 'fields quoted whole, with quotes inside doubled ("")', fix });
        text = blankLine(text, e.lines);
        continue;
      }
      return {
        file,
        ...(e.lines !== undefined ? { line: e.lines + lineOffset } : {}),
        reason: `${e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed (the file is cut off?)' : `not a readable CSV file (${(e.code ?? e.message ?? 'parse error').toString().replace(/[\u0000-\u001f]/g, ' ')})`}; no row of this file can be read (it cannot be resynchronised)`,
        expected: 'a LinkedIn export CSV file',
        fix,
      };
    }
  }
  const [head, ...body] = records;
  const columns = (head?.record ?? []).map(normalizeColumn);
  const index = new Map(columns.map((c, i) => [c, i]));
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.length === 1 && record[0]!.trim() === '') continue;
    if (record.length !== columns.length) {
      problems.push({
        file,
        line: info.lines + lineOffset,
        reason: `${record.length} fields where the header has ${columns.length}${escape === 'backslash' ? ' (read with backslash-escaped quotes)' : ''}`,
        expected: `${columns.length} fields, as the header names`,
        fix: 'download your LinkedIn data again; if the file was edited, quote fields that contain commas',
      });
      continue;
    }
    rows.push({ get: (c) => (index.has(c) ? record[index.get(c)!] : undefined), line: info.lines + lineOffset });
  }
  return { columns, rows, escape, delimiter, problems };
}

/** `text` with its line `n` (1-based; CRLF, LF or CR end a line) emptied, the line break kept so later lines keep their numbers. */
function blankLine(text: string, n: number): string {
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let line = 1; line < n; line++) {
    const m = breaks.exec(text);
    if (!m) return text;
    start = m.index + m[0].length;
  }
  breaks.lastIndex = start;
  const end = breaks.exec(text)?.index ?? text.length;
  return text.slice(0, start) + text.slice(end);
}
