/** A one-line chart of a series with block characters: ▁▂▃▄▅▆▇█ (for `history` on a TTY). */

const BARS = '▁▂▃▄▅▆▇█';

/**
 * Maps each value to a bar between `min` and `max` (default: the 1-100 score range;
 * `history` passes its own range). Missing values are a space.
 */
export function sparkline(values: readonly (number | null)[], min = 1, max = 100): string {
  const span = max - min || 1;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      const i = Math.round(((Math.min(max, Math.max(min, v)) - min) / span) * (BARS.length - 1));
      return BARS[i];
    })
    .join('');
}
