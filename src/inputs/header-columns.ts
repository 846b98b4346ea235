import { InputError } from '../errors.js';

/**
 * Refuses a header that names a column the reader uses twice (case-insensitive): only one
 * of the two cells of each row would be read, and the other lost without a word.
 */
export function refuseRepeatedColumns(header: readonly string[], used: readonly string[], file: string): void {
  const wanted = new Set(used.map((c) => c.toLowerCase()));
  const seen = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    if (!wanted.has(name)) return;
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InputError(`the header names column '${name}' twice (columns ${first + 1} and ${i + 1}; names are case-insensitive)`, {
        file,
        line: 1,
        field: name,
        expected: 'each column once',
        fix: 'rename or remove one of the two columns',
      });
    }
    seen.set(name, i);
  });
}
