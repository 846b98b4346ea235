/** A table in two sinks: cli-table3 boxes on a TTY, space-aligned columns when piped. */
import Table from 'cli-table3';
import type { Theme } from './output-mode.js';

export interface TableSpec {
  head: string[];
  rows: string[][];
  /** column indices aligned right (numbers) */
  numeric?: ReadonlySet<number>;
}

/** Renders the table; `tty` picks boxes, else plain aligned text. Cells must already be clean. */
export function renderTable(spec: TableSpec, theme: Theme, tty: boolean): string {
  const right = spec.numeric ?? new Set<number>();
  if (tty) {
    const t = new Table({
      head: spec.head.map((h) => theme.chalk.bold(h)),
      style: { head: [], border: theme.color ? ['gray'] : [] },
      colAligns: spec.head.map((_, k) => (right.has(k) ? 'right' : 'left')),
    });
    for (const r of spec.rows) t.push(r);
    return t.toString();
  }
  const widths = spec.head.map((h, k) => Math.max(h.length, ...spec.rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, k) => (right.has(k) ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ').trimEnd();
  return [line(spec.head), ...spec.rows.map(line)].join('\n');
}
