/**
 * Texts as small integer codes into their distinct values, so that a column of texts with few
 * distinct values (networks, abstention reasons, language tags) crosses to a worker thread as
 * one typed array and a short list instead of a string per row.
 */

/** Texts as codes into their distinct values (-1 for null), in order of first appearance; returns the distinct values. */
export function codesOf(texts: readonly (string | null)[], n: number, codes: Int32Array | Uint16Array): string[] {
  const distinct = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = texts[i] ?? null;
    if (t === null) {
      codes[i] = -1;
      continue;
    }
    let c = distinct.get(t);
    if (c === undefined) distinct.set(t, (c = distinct.size));
    codes[i] = c;
  }
  return [...distinct.keys()];
}
