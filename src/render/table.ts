/**
 * A table in two sinks: cli-table3 boxes on a TTY, space-aligned columns when piped.
 *
 * Boxes fit the terminal's width (80 columns unless told): when the natural widths do not
 * fit, the widest text columns are narrowed first, then any column, then the cell padding
 * goes; cells are wrapped at spaces (a word longer than its column is broken), never
 * truncated, and no row is ever dropped. Piped text is never wrapped (one line per row, for
 * grep and cut).
 */
import Table from 'cli-table3';
import type { Theme } from './output-mode.js';

export interface TableSpec {
  head: string[];
  rows: string[][];
  /** column indices aligned right (numbers) */
  numeric?: ReadonlySet<number>;
}

/** The default terminal width boxes fit. */
export const DEFAULT_COLUMNS = 80;
/** Text columns are narrowed to this before numeric ones are touched. */
const MIN_TEXT_WIDTH = 8;
/** No column is narrowed below this (or its natural width, when smaller). */
const MIN_WIDTH = 4;

// East Asian wide and fullwidth ranges, and emoji: two terminal columns each
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
// combining marks and zero-width characters: no column
const ZERO = /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u200b-\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f]/u;

/** Columns a (clean, colourless) string takes on a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  // colour codes (a themed cell) take no columns
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) w += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Splits one line into pieces of at most `width` columns: at spaces where it can, inside a word where it must. */
export function wrapLine(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const out: string[] = [];
  let line = '';
  const push = () => {
    out.push(line.trimEnd());
    line = '';
  };
  for (const word of text.split(/(?<= )/)) {
    if (displayWidth(line + word.trimEnd()) <= width) {
      line += word;
      continue;
    }
    if (line.trim()) push();
    let rest = word;
    while (displayWidth(rest.trimEnd()) > width) {
      let piece = '';
      for (const ch of rest) {
        if (displayWidth(piece + ch) > width) break;
        piece += ch;
      }
      if (piece === '') piece = [...rest][0]!; // a character wider than the column: alone on its line
      out.push(piece);
      rest = rest.slice(piece.length);
    }
    line = rest;
  }
  if (line.trim()) push();
  return out.length ? out : [''];
}

/**
 * Content widths (without padding) that make the table fit `columns`, and the padding per
 * side. Tried in order, each from the natural widths, until one fits: text columns narrowed
 * (widest first) to MIN_TEXT_WIDTH; numeric columns too, down to their longest word (a
 * number is never broken); the same without cell padding; then every column down to
 * MIN_WIDTH (text first). `word[k]` is the widest word of column k.
 */
export function fitWidths(natural: readonly number[], word: readonly number[], numeric: ReadonlySet<number>, columns: number): { widths: number[]; padding: number } {
  type Step = [eligible: (k: number) => boolean, floor: (k: number) => number];
  const text: Step = [(k) => !numeric.has(k), (k) => Math.min(natural[k]!, MIN_TEXT_WIDTH)];
  const numbers: Step = [(k) => numeric.has(k), (k) => Math.min(natural[k]!, Math.max(word[k]!, MIN_WIDTH))];
  const squeeze: Step[] = [
    [(k) => !numeric.has(k), (k) => Math.min(natural[k]!, MIN_WIDTH)],
    [() => true, (k) => Math.min(natural[k]!, MIN_WIDTH)],
  ];
  const attempts: [padding: number, steps: Step[]][] = [
    [1, [text]],
    [1, [text, numbers]],
    [0, [text, numbers]],
    [0, [text, numbers, ...squeeze]],
  ];
  let widths: number[] = [...natural];
  for (const [padding, steps] of attempts) {
    widths = [...natural];
    let over = widths.reduce((a, b) => a + b, 0) - (columns - (widths.length + 1) - 2 * padding * widths.length);
    for (const [eligible, floor] of steps) {
      while (over > 0) {
        let best = -1;
        for (let k = 0; k < widths.length; k++) if (eligible(k) && widths[k]! > floor(k) && (best < 0 || widths[k]! >= widths[best]!)) best = k;
        if (best < 0) break;
        widths[best]!--;
        over--;
      }
    }
    if (over <= 0) return { widths, padding };
  }
  return { widths, padding: 0 }; // more columns than the width can show at the minimum: as narrow as allowed
}

/**
 * Renders the table; `tty` picks boxes (fitting `columns`), else plain aligned text. Cells
 * must already be clean (no control characters).
 */
export function renderTable(spec: TableSpec, theme: Theme, tty: boolean, columns = DEFAULT_COLUMNS): string {
  const right = spec.numeric ?? new Set<number>();
  if (tty) {
    const all = [spec.head, ...spec.rows];
    const widest = (k: number, split: RegExp) => Math.max(1, ...all.map((r) => Math.max(0, ...(r[k] ?? '').split(split).map(displayWidth))));
    const natural = spec.head.map((_, k) => widest(k, /\n/));
    const fits = natural.reduce((a, b) => a + b, 0) + 3 * natural.length + 1 <= columns;
    const { widths, padding } = fits ? { widths: natural, padding: 1 } : fitWidths(natural, spec.head.map((_, k) => widest(k, /\s/)), right, columns);
    const wrap = (cell: string, k: number) => (fits ? cell : cell.split('\n').flatMap((l) => wrapLine(l, widths[k]!)).join('\n'));
    const t = new Table({
      head: spec.head.map((h, k) => theme.chalk.bold(wrap(h, k))),
      style: { head: [], border: theme.color ? ['gray'] : [], 'padding-left': padding, 'padding-right': padding },
      colAligns: spec.head.map((_, k) => (right.has(k) ? 'right' : 'left')),
      ...(fits ? {} : { colWidths: widths.map((w) => w + 2 * padding) }),
    });
    for (const r of spec.rows) t.push(r.map(wrap));
    return t.toString();
  }
  const widths = spec.head.map((h, k) => Math.max(h.length, ...spec.rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, k) => (right.has(k) ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ').trimEnd();
  return [line(spec.head), ...spec.rows.map(line)].join('\n');
}
