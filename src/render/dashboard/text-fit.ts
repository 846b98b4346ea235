/**
 * Text to cells: bars on the score's own scale and word wrapping for the detail pane.
 * Pure; the components decide colour.
 */

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A bar for `points` on a scale where `width` cells are `scale` points (default: the
 * 1-100 score), so bars of the items of a score laid end to end are as long as the score's
 * own bar. Partial cells in eighths. A negative amount (an authenticity deduction) is drawn
 * with light shade, whole cells. Example: scaleBar(25, 20) = 5 full cells.
 */
export function scaleBar(points: number, width: number, scale = 100): string {
  const cells = (Math.abs(points) / scale) * width;
  if (points < 0) return '░'.repeat(Math.max(cells > 0 ? 1 : 0, Math.round(cells)));
  const eighths = Math.round(cells * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** Splits text into lines of at most `width` characters at spaces (a longer word is cut). */
export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > w) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, w));
      line = '';
      rest = rest.slice(w);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= w) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** A number with thousands separators: 100000 -> '100,000'. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** An interval as 'lo-hi' in tenths. */
export function formatInterval(interval: readonly [number, number]): string {
  return `${interval[0].toFixed(1)}-${interval[1].toFixed(1)}`;
}
