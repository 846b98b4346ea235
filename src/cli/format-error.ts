/** Turns the leaf errors (src/errors.ts) into the lines a person reads on stderr. */
import type { InputError } from '../errors.js';
import { visibleText } from '../render/sanitize.js';

/** Formats an InputError for stderr: 'file:line: field: message (expected ...) fix'. */
export function formatInputError(err: InputError): string {
  const d = err.detail;
  const where = [d.file, d.line !== undefined ? `line ${d.line}` : undefined, d.record !== undefined ? `record ${d.record}` : undefined]
    .filter(Boolean)
    .join(':');
  // Messages quote file names and cell values from untrusted imports: clean every part.
  const lines = [`error: ${where ? `${where}: ` : ''}${d.field ? `field '${d.field}': ` : ''}${err.message}`];
  if (d.expected) lines.push(`  expected: ${d.expected}`);
  if (d.fix) lines.push(`  fix: ${d.fix}`);
  return lines.map(visibleText).join('\n');
}
