/**
 * CSV for --csv: RFC 4180 quoting, and every text cell made spreadsheet-safe (a cell that
 * starts with = + - @ gets a leading quote mark, so Excel/Sheets/LibreOffice show it as
 * text instead of running it as a formula). Numbers are written as numbers.
 */
import { spreadsheetSafe } from './sanitize.js';

export type CsvCell = string | number | boolean | null | undefined;

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return quote(spreadsheetSafe(cell));
}

/** A whole CSV document: header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header.map((h) => quote(h)).join(','), ...rows.map((r) => r.map(formatCell).join(','))].join('\r\n') + '\r\n';
}
