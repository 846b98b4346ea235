/**
 * Follower lists for `rank --list` and `report threshold --list`: a CSV with a `handle`
 * column (other columns are kept and shown), or one handle per line, as follower
 * exporters produce. Every line is accounted for: parsed, duplicate, or an error.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { parseHandleSpec } from '../engine/handles.js';
import type { FollowerList, ListEntry } from '../engine/campaign/list.js';
import { decodeText } from './decode-text.js';

const HANDLE_COLUMNS = ['handle', 'screen_name', 'username', 'account', 'account address', 'acct'];

/** CRLF, LF or CR alone (a list saved on an old Mac, or by some spreadsheets). */
const LINE_BREAK = /\r\n|\n|\r/;

/** Reads a follower list file; a line that is not a handle is an InputError naming it. */
export function readFollowerList(file: string): FollowerList {
  if (!fs.existsSync(file)) throw new InputError('no such file', { file, fix: 'check the path given to --list' });
  const text = decodeText(fs.readFileSync(file)).replace(/^\uFEFF/, '');
  const firstLine = text.split(LINE_BREAK).find((l) => l.trim()) ?? '';
  const header = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  const handleColumn = header.findIndex((c) => HANDLE_COLUMNS.includes(c));
  return handleColumn >= 0 ? readCsvList(file, text, handleColumn) : readPlainList(file, text);
}

function readCsvList(file: string, text: string, handleColumn: number): FollowerList {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, relax_column_count: false, bom: true }) as unknown as typeof rows;
  } catch (err) {
    throw new InputError(`not a valid CSV list (${(err as Error).message})`, {
      file,
      line: (err as { lines?: number }).lines,
      expected: 'a CSV with a handle column, or one handle per line',
      fix: 'quote fields containing commas; check every row has as many fields as the header',
    });
  }
  const [head, ...body] = rows;
  const names = head!.record.map((c) => c.trim());
  const extraColumns = names.filter((_, i) => i !== handleColumn);
  const list: FollowerList = { entries: [], extraColumns, duplicates: [] };
  const seen = new Set<string>();
  for (const { record, info } of body) {
    const input = record[handleColumn] ?? '';
    const extra: Record<string, string> = {};
    names.forEach((n, i) => {
      if (i !== handleColumn) extra[n] = record[i] ?? '';
    });
    addEntry(list, seen, file, input, info.lines, extra, names[handleColumn]!);
  }
  return list;
}

function readPlainList(file: string, text: string): FollowerList {
  const list: FollowerList = { entries: [], extraColumns: [], duplicates: [] };
  const seen = new Set<string>();
  text.split(LINE_BREAK).forEach((l, i) => {
    if (l.trim() && !l.trim().startsWith('#')) addEntry(list, seen, file, l, i + 1, {}, 'handle');
  });
  return list;
}

function addEntry(list: FollowerList, seen: Set<string>, file: string, input: string, line: number, extra: Record<string, string>, field: string): void {
  const spec = parseHandleSpec(input);
  if (!spec) {
    throw new InputError(`'${input.slice(0, 60)}' is not a handle`, {
      file,
      line,
      field,
      expected: 'a handle such as @alice, alice@mastodon.social, mastodon:alice@host, or a profile URL',
      fix: 'fix or delete the line',
    });
  }
  const entry: ListEntry = { ...spec, input: input.trim(), line, extra };
  const key = `${spec.network ?? ''}:${spec.handle.toLowerCase()}`;
  if (seen.has(key)) {
    list.duplicates.push(entry);
    return;
  }
  seen.add(key);
  list.entries.push(entry);
}
