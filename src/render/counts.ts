/**
 * Counts as people read them: digits grouped by thousands ("1,668 accounts"), a noun in the
 * singular for exactly one. Every view writes counts through these two, so no report says
 * "1668" beside another's "1,668".
 */

/** '1,668': a count with its thousands grouped (en-US, whatever the machine's locale). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** '1 account', '1,668 accounts': a count and its noun (the plural given, or the noun + s). */
export function countNoun(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
