/**
 * The one CSV writer of every --csv output (score, rank, topics, report authenticity):
 * RFC 4180 (CRLF line ends, a field quoted when it holds a comma, quote or line break),
 * header cells and text cells made spreadsheet-safe (sanitize.ts: cleaned, then guarded
 * against formula injection), numbers written as numbers.
 *
 * Rows can be written as they are produced (`csvHeader` + `csvRow`), so a big output never
 * sits in memory whole; `toCsv` is the same bytes for a document in hand.
 */
import { spreadsheetSafe } from './sanitize.js';

export type CsvCell = string | number | boolean | null | undefined;

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One cell as written: text guarded and quoted, numbers as numbers ('' when not finite), booleans as true/false. */
export function formatCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return quote(spreadsheetSafe(cell));
}

/** The header line (CRLF-terminated); header names are guarded like any text cell (a list's column may be named `=HYPERLINK(...)`). */
export function csvHeader(header: readonly string[]): string {
  return csvRow(header);
}

/** One record line (CRLF-terminated). */
export function csvRow(cells: readonly CsvCell[]): string {
  // concatenated in place (not map + join): every row of a 1M-account --csv goes through here
  let line = cells.length > 0 ? formatCsvCell(cells[0]) : '';
  for (let k = 1; k < cells.length; k++) line += `,${formatCsvCell(cells[k])}`;
  return `${line}\r\n`;
}

/** A whole CSV document: header row, then one row per record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = csvHeader(header);
  for (const r of rows) out += csvRow(r);
  return out;
}
