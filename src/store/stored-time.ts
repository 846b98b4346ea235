/** Reading stored times defensively (issue 13, item 3). */
import { TIME_RANGE } from './records.js';

/**
 * A time column as read for the engine: a value outside TIME_RANGE (stored by a version
 * that did not check, e.g. 1e300) reads as NULL ("no time"), or as `otherwise` where a
 * time is required (a post's), so no stored value can break a later command. The bounds
 * are constants, not input.
 */
export function storedTime(column: string, otherwise?: number): string {
  return `CASE WHEN ${column} >= ${TIME_RANGE.min} AND ${column} < ${TIME_RANGE.max} THEN ${column}${otherwise === undefined ? '' : ` ELSE ${otherwise}`} END`;
}
