/**
 * A timestamped interactions file for `eval --engagement`: a generic interactions CSV
 * (actor,target,kind,created_at; more columns are ignored). A bad row is an InputError
 * naming its line and field. (Converters for other layouts, e.g. KONECT edge lists, live
 * in scripts/.)
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError, UsageError } from '../errors.js';
import { KIND_CODES, type KindName } from '../engine/dataset.js';
import type { InteractionRow } from '../engine/engagement-split.js';
import { decodeText } from './decode-text.js';
import { refuseRepeatedColumns } from './header-columns.js';

/**
 * Reads a created_at cell: epoch ms, or undefined when empty; throws when the cell is no
 * time. The CLI passes the importer's reader (import/values.ts parseTime: ISO 8601, Unix
 * seconds, Twitter's form; a day the month lacks or a year outside the store's range is
 * refused), so an engagement file reads its times exactly as an import would. Date.parse
 * took 2026-02-31 for March 3rd and 'Mar 5' for 2001.
 */
export type TimeReader = (raw: string) => number | undefined;

/** Parses the interactions CSV text. */
export function parseInteractionsCsv(text: string, file: string, readTime: TimeReader): InteractionRow[] {
  const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  const head = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0) throw new InputError(`missing column ${name}`, { file, line: 1, field: name, expected: 'a header actor,target,kind,created_at', fix: 'convert the file (e.g. scripts/konect-to-interactions.ts for KONECT edge lists)' });
    return i;
  };
  refuseRepeatedColumns(head, ['actor', 'target', 'kind', 'created_at'], file);
  const [ia, it, ik, ic] = [col('actor'), col('target'), col('kind'), col('created_at')];
  const out: InteractionRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    const actor = row[ia] ?? '';
    const target = row[it] ?? '';
    const kind = (row[ik] ?? '').toLowerCase();
    const raw = row[ic] ?? '';
    if (actor === '' || target === '') throw new InputError('actor and target are required', { file, line, field: actor === '' ? 'actor' : 'target', expected: 'a handle', fix: 'fill it in or remove the row' });
    if (!(KIND_CODES as readonly string[]).includes(kind)) throw new InputError(`unknown kind ${JSON.stringify(kind)}`, { file, line, field: 'kind', expected: KIND_CODES.join(', '), fix: 'use one of the kinds' });
    const t = timeOf(raw, readTime, file, line);
    out.push({ actor, target, kind: kind as KindName, createdAt: t });
  }
  if (out.length === 0) throw new InputError('no interactions in the file', { file, expected: 'rows under the header', fix: 'add rows' });
  return out;
}

/** created_at of one row (see TimeReader); required: a row without a time cannot be placed before or after the split. */
function timeOf(raw: string, readTime: TimeReader, file: string, line: number): number {
  const where = { file, line, field: 'created_at', expected: 'a date-time such as 2026-03-06T13:02:05Z (ISO 8601), or Unix seconds' };
  let t: number | undefined;
  try {
    t = readTime(raw);
  } catch (e) {
    // the reader's own words when it gives them (the importer's ValueError: expected, fix)
    const said = e as { expected?: unknown; fix?: unknown };
    throw new InputError(`not a time: ${JSON.stringify(raw)}`, {
      ...where,
      expected: typeof said.expected === 'string' ? said.expected : where.expected,
      fix: typeof said.fix === 'string' ? said.fix : 'write times as ISO 8601 in UTC, e.g. 2026-03-06T13:02:05Z',
    });
  }
  if (t === undefined) throw new InputError('no time', { ...where, fix: 'fill it in or remove the row' });
  return t;
}

/** Reads and parses the file at `path` (errors name it as `shownAs`). */
export function readInteractionsFile(path: string, shownAs: string, readTime: TimeReader): InteractionRow[] {
  let text: string;
  try {
    text = decodeText(fs.readFileSync(path));
  } catch {
    throw new UsageError(`cannot read ${shownAs}`, 'check the path');
  }
  return parseInteractionsCsv(text, shownAs, readTime);
}
