/**
 * Adapters for the generic tables as CSV (table by header), JSON (an array of row
 * objects, or an object of named arrays {"accounts": [...], ...}) and NDJSON (one row
 * object per line). JSON and NDJSON rows are recognised one by one by their keys, so one
 * file may mix tables.
 */
import type { Adapter, AdapterOptions, Source, SourceEntry } from '../source.js';
import type { RecordSink } from '../../store/records.js';
import { readCsvRecords } from './csv-reader.js';
import { CsvRow, RowError, TABLES, normalizeColumn, normalizeRow, objectRow } from './tables.js';
import { NESTED_COLUMNS, headerColumns, readLayout, type ReadLayout } from './layouts.js';
import { readJsonItems, type JsonKey, type JsonKind } from '../json/read-json-items.js';
import { jsonMessage } from '../json/json-scanner.js';
import { parseJsonRecord } from '../json/parse-record.js';
import { readLines } from '../read-lines.js';
import { describeRecordLimit } from '../record-limits.js';
import { readEntryHeadText } from '../entry-head.js';

/** Enough bytes for any real header line. */
const HEADER_BYTES = 65_536;

const tableHint = `${TABLES.map((t) => `${t.name} (${t.required.join(', ')})`).join('; ')}; or Twitter API user objects as accounts (screen_name or username, followers_count)`;

const isCsv = (e: SourceEntry) => /\.(csv|tsv|txt)$/i.test(e.name) || !/\.[a-z0-9]+$/i.test(e.name);
const isJson = (e: SourceEntry) => /\.json$/i.test(e.name);
const isNdjson = (e: SourceEntry) => /\.(ndjson|jsonl)$/i.test(e.name);

/** The first line of an entry (for detection by header). */
async function firstLine(entry: SourceEntry): Promise<string> {
  return (await readEntryHeadText(entry, HEADER_BYTES)).split(/\r\n|\r|\n/)[0] ?? '';
}

function reportRowError(sink: RecordSink, err: unknown, file: string, where: { line?: number; record?: number }, layout: ReadLayout): void {
  if (err instanceof RowError) {
    // the file's own name of the column (followers_count in a Twitter users table, not followers)
    sink.problem({ file, ...where, field: layout.fileColumn(err.field), reason: err.reason, expected: err.expected, fix: err.fix });
    return;
  }
  throw err;
}

/**
 * Progress over a whole source (a folder of tables counts as one: bytes of the files read
 * so far plus this file's), never from 0 for each file.
 */
function sourceProgress(source: Source, sink: RecordSink): { of(entry: SourceEntry): (bytes: number) => void; skip(entry: SourceEntry): void } {
  let done = 0;
  let current: SourceEntry | undefined;
  const finish = () => {
    if (current) done += current.size;
    current = undefined;
  };
  return {
    of(entry) {
      finish();
      current = entry;
      return (bytes) => sink.progress?.(done + Math.min(bytes, entry.size), source.totalBytes);
    },
    skip(entry) {
      finish();
      done += entry.size;
      sink.progress?.(done, source.totalBytes);
    },
  };
}

/** Generic CSV tables: accounts.csv, posts.csv, interactions.csv, follows.csv (any file name). */
export const genericCsvAdapter: Adapter = {
  format: 'csv',
  description: `generic CSV tables, recognised by header: ${tableHint}`,
  async detect(source: Source) {
    const entries = source.entries.filter(isCsv);
    if (entries.length === 0 || entries.length !== source.entries.length) return false;
    for (const e of entries) {
      if (!readLayout(headerColumns(await firstLine(e)))) return false;
    }
    return true;
  },
  async read(source, sink, options) {
    const progress = sourceProgress(source, sink);
    for (const entry of source.entries) {
      if (!isCsv(entry)) {
        sink.skippedFile(entry.name, 'not a CSV file');
        progress.skip(entry);
        continue;
      }
      await readCsvEntry(entry, sink, options, progress.of(entry));
    }
  },
};

async function readCsvEntry(entry: SourceEntry, sink: RecordSink, options: AdapterOptions, progress: (bytes: number) => void): Promise<void> {
  let layout: ReadLayout | undefined;
  let columns: string[] = [];
  let row: CsvRow | undefined;
  let bytes = 0;
  const stream = entry.openStream();
  stream.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length;
    progress(bytes);
  });
  for await (const batch of readCsvRecords(stream, entry.displayPath)) {
    for (const rec of batch) {
      if (rec.problem) {
        const { reason, expected, fix } = rec.problem;
        sink.problem({ file: entry.displayPath, line: rec.line, reason, expected, fix });
        continue; // after a fatal problem the reader yields nothing more
      }
      if (!layout) {
        columns = rec.fields.map(normalizeColumn);
        layout = readLayout(columns);
        if (!layout) {
          sink.problem({
            file: entry.displayPath,
            line: rec.line,
            reason: `the header '${rec.fields.join(',').slice(0, 120)}' is not one of the generic tables`,
            expected: `the columns of one table: ${tableHint}`,
            fix: 'rename the columns to the generic names (see README, "Generic tables"), or pass --format for another export',
          });
          stream.destroy();
          return;
        }
        const twice = findRepeatedColumn(layout.columns.map((c) => (c !== null && layout!.spec.columns.includes(c) ? c : null)));
        if (twice) {
          // a row would keep only one of the two cells: refuse the file rather than lose one
          sink.problem({
            file: entry.displayPath,
            line: rec.line,
            reason: `the header names column '${twice.name}' twice (columns ${twice.first + 1} and ${twice.second + 1}; names are case-insensitive)`,
            expected: 'each column once',
            fix: 'rename or remove one of the two columns',
          });
          stream.destroy();
          return;
        }
        reportUnusedColumns(sink, entry.name, columns, layout);
        row = new CsvRow(layout.columns.map((c) => c ?? DROPPED));
        continue;
      }
      if (rec.fields.length !== columns.length) {
        sink.problem({
          file: entry.displayPath,
          line: rec.line,
          reason: `${rec.fields.length} fields where the header has ${columns.length}`,
          expected: `${columns.length} comma-separated fields`,
          fix: 'quote fields that contain commas, and check for a missing or extra comma',
        });
        continue;
      }
      row!.fields = rec.fields;
      try {
        sink.record(normalizeRow(layout.spec.name, row!, options.defaultNetwork), { file: entry.displayPath, line: rec.line });
      } catch (err) {
        reportRowError(sink, err, entry.displayPath, { line: rec.line }, layout);
      }
    }
  }
  if (!layout) sink.skippedFile(entry.name, 'empty file');
}

/** The first column name a header maps twice (0-based positions), or undefined; unread (null) columns do not count (a column not read loses nothing). */
function findRepeatedColumn(mapped: ReadonlyArray<string | null>): { name: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < mapped.length; i++) {
    const name = mapped[i];
    if (name === null || name === undefined) continue;
    const first = seen.get(name);
    if (first !== undefined) return { name, first, second: i };
    seen.set(name, i);
  }
  return undefined;
}

/** A column name no header can have after normalizing (it has no letters): where a layout's dropped column sits. */
const DROPPED = '\u0000';

/** Reports once per file the columns the table does not read, by the file's own names. */
function reportUnusedColumns(sink: RecordSink, name: string, columns: readonly string[], layout: ReadLayout): void {
  const unused = columns.filter((c, i) => layout.columns[i] === null || !layout.spec.columns.includes(layout.columns[i]!));
  if (unused.length) sink.skippedFile(name, `columns not used: ${unused.map((c) => c || '(unnamed)').join(', ')}`);
}

function normalizeObject(obj: unknown, sink: RecordSink, file: string, where: { line?: number; record?: number }, options: AdapterOptions): void {
  if (!isPlainObject(obj)) {
    sink.problem({ file, ...where, reason: 'not a JSON object', expected: 'one object per row, e.g. {"handle": "alice"}', fix: 'write each row as an object' });
    return;
  }
  const values = columnsOf(obj);
  const keys = Object.keys(values);
  const layout = readLayout(keys);
  if (!layout) {
    sink.problem({
      file,
      ...where,
      reason: `keys ${keys.slice(0, 8).join(', ')} match no generic table`,
      expected: tableHint,
      fix: 'rename the keys to the generic names (see README, "Generic tables")',
    });
    return;
  }
  const twice = keys.length < Object.keys(obj).length ? findRepeatedKey(obj, keys, layout) : undefined;
  if (twice) {
    // {"handle": "a", "HANDLE": "b"}: only one would be read, the other lost without a word
    sink.problem({ file, ...where, field: twice[1], reason: `names column '${twice[0]}' twice ('${twice[0]}' and '${twice[1]}'; names are case-insensitive)`, expected: 'each column once', fix: 'remove or rename one of the two keys' });
    return;
  }
  const row = layout.name === 'generic' ? values : renamedRow(values, keys, layout);
  try {
    sink.record(normalizeRow(layout.spec.name, objectRow(row), options.defaultNetwork), { file, ...where });
  } catch (err) {
    reportRowError(sink, err, file, where, layout);
  }
}

/** The first two keys of `obj` that name the same column the layout reads (a nested object's keys aside), or undefined. */
function findRepeatedKey(obj: Record<string, unknown>, keys: readonly string[], layout: ReadLayout): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const k of Object.keys(obj)) {
    const key = normalizeColumn(k);
    const generic = layout.columns[keys.indexOf(key)];
    if (generic === null || generic === undefined || !layout.spec.columns.includes(generic)) continue;
    const first = seen.get(key);
    if (first !== undefined) return [first, k];
    seen.set(key, k);
  }
  return undefined;
}

/** A row of another layout under the generic column names (its dropped columns left out). */
function renamedRow(values: Record<string, unknown>, keys: readonly string[], layout: ReadLayout): Record<string, unknown> {
  const row: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  keys.forEach((k, i) => {
    const generic = layout.columns[i];
    if (generic !== null) row[generic!] = values[k] === null && layout.nullIsEmpty.has(generic!) ? '' : values[k];
  });
  return row;
}

/** A JSON row object's columns, normalized; a nested member a layout reads (v2's public_metrics) flattened one level. */
function columnsOf(obj: Record<string, unknown>): Record<string, unknown> {
  // no prototype: a "__proto__" key is a column like any other
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    const key = normalizeColumn(k);
    if (NESTED_COLUMNS.has(key) && isPlainObject(v)) for (const [sub, w] of Object.entries(v)) values[`${key}.${normalizeColumn(sub)}`] = w;
    else values[key] = v;
  }
  return values;
}

/** True when `v` is a row of some table (generic or another layout). */
const isTableRow = (v: unknown): boolean => isPlainObject(v) && readLayout(Object.keys(columnsOf(v))) !== undefined;

/**
 * Twitter API response pages (what twarc2 writes, one per line, and what the API returns):
 * their rows are under `data` (v2) or `users` (v1.1 followers/list); their other members are
 * paging and side data (`meta`, `includes`: other accounts than the listed ones, `errors`,
 * cursors, twarc's `__twarc`), named once per file as not read, never rows and never errors.
 */
const API_PAGE_ROWS = ['data', 'users'] as const;
const API_PAGE_MEMBERS: ReadonlySet<string> = new Set(['meta', 'includes', 'errors', '__twarc', 'next_cursor', 'next_cursor_str', 'previous_cursor', 'previous_cursor_str', 'total_count']);

/** A response page's member `key` holding `value` that is not a row: read nothing from it. */
const isPageMember = (key: unknown, value: unknown): key is string => typeof key === 'string' && API_PAGE_MEMBERS.has(normalizeColumn(key)) && !isTableRow(value);

/** The rows of a response page given as one object (an NDJSON line), with its other members; undefined for anything else. */
function pageRows(obj: unknown): { rows: unknown[]; others: string[] } | undefined {
  if (!isPlainObject(obj)) return undefined;
  // the cheap test first: a row of a table rarely holds an array under `data` or `users`
  const key = API_PAGE_ROWS.find((k) => Array.isArray(obj[k]));
  if (key === undefined || isTableRow(obj)) return undefined;
  const others = Object.keys(obj).filter((k) => k !== key);
  // a member that is neither paging data nor the rows: not a page (reported as a row that fits no table)
  if (!others.every((k) => isPageMember(k, obj[k]))) return undefined;
  return { rows: obj[key] as unknown[], others };
}

/** Names once per file the response-page members that were not read. */
function reportPageMembers(sink: RecordSink, name: string, members: ReadonlySet<string>): void {
  if (members.size) sink.skippedFile(name, `Twitter API response members not read: ${[...members].join(', ')}`);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Generic JSON: an array of row objects, or {"accounts": [...], "posts": [...], ...}. */
export const genericJsonAdapter: Adapter = {
  format: 'json',
  description: 'generic tables as JSON: an array of row objects, or an object of named arrays',
  async detect(source) {
    return source.entries.length > 0 && source.entries.every(isJson);
  },
  async read(source, sink, options) {
    const progress = sourceProgress(source, sink);
    for (const entry of source.entries) {
      if (!isJson(entry)) {
        sink.skippedFile(entry.name, 'not a JSON file');
        progress.skip(entry);
        continue;
      }
      const notRead = new Set<string>();
      // streamed: rows are read one at a time, whatever the file's size
      await readJsonItems(entry, sink, {
        select: selectGenericRows,
        expected: 'a complete JSON document: an array of row objects, or an object of named arrays',
        fix: 'check the file is complete (not truncated) and valid JSON',
        onProgress: progress.of(entry),
        onItem: (item) => {
          if (isPageMember(item.path[0], item.value)) notRead.add(item.path[0]);
          else normalizeObject(item.value, sink, entry.displayPath, { record: item.ordinal }, options);
        },
      });
      reportPageMembers(sink, entry.name, notRead);
    }
  },
};

/**
 * The rows of a generic JSON file: the elements of a root array; or, under a root object,
 * the elements of each array member ({"accounts": [...], "posts": [...]}) and any other
 * member value (reported when it is not a row object).
 */
function selectGenericRows(path: readonly JsonKey[], kind: JsonKind): boolean {
  if (path.length === 0) return kind === 'scalar';
  if (path.length === 1) return !(typeof path[0] === 'string' && kind === 'array');
  return path.length === 2 && typeof path[0] === 'string' && typeof path[1] === 'number';
}

/** Generic NDJSON / JSON Lines: one row object per line. */
export const genericNdjsonAdapter: Adapter = {
  format: 'ndjson',
  description: 'generic tables as NDJSON (JSON Lines): one row object per line',
  async detect(source) {
    return source.entries.length > 0 && source.entries.every(isNdjson);
  },
  async read(source, sink, options) {
    const progress = sourceProgress(source, sink);
    for (const entry of source.entries) {
      if (!isNdjson(entry)) {
        sink.skippedFile(entry.name, 'not an NDJSON file');
        progress.skip(entry);
        continue;
      }
      let bytes = 0;
      const notRead = new Set<string>();
      const toProgress = progress.of(entry);
      const stream = entry.openStream();
      stream.on('data', (chunk: Buffer | string) => {
        bytes += chunk.length;
        toProgress(bytes);
      });
      for await (const l of readLines(stream)) {
        if (l.tooLong) {
          sink.problem({
            file: entry.displayPath,
            line: l.line,
            reason: `the line is longer than ${describeRecordLimit()} (the most one record may hold)`,
            expected: 'one JSON object per line',
            fix: 'check the file has one object per line (NDJSON), not one big JSON document; reading goes on at the next line',
          });
          continue;
        }
        if (!l.text.trim()) continue;
        let obj: unknown;
        try {
          obj = parseJsonRecord(l.text);
        } catch (err) {
          sink.problem({
            file: entry.displayPath,
            line: l.line,
            reason: `not valid JSON (${jsonMessage(err)})`,
            expected: 'one complete JSON object per line',
            fix: 'check the line is a complete object and not split over lines',
          });
          continue;
        }
        const page = pageRows(obj);
        if (page) {
          for (const row of page.rows) normalizeObject(row, sink, entry.displayPath, { line: l.line }, options);
          for (const k of page.others) notRead.add(k);
        } else normalizeObject(obj, sink, entry.displayPath, { line: l.line }, options);
      }
      reportPageMembers(sink, entry.name, notRead);
    }
  },
};
