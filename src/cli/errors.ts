/** Errors that map to exit code 2 with a message a person can act on. */
import { cleanText } from '../render/sanitize.js';

/** Bad input data: names file, line or record, field, what was expected and the fix. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly detail: { file?: string; line?: number; record?: number; field?: string; expected?: string; fix?: string } = {},
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Wrong command line: unknown handle, bad flag value, missing argument. */
export class UsageError extends Error {
  constructor(message: string, readonly fix?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A check or threshold did not hold: exit code 1, output already written. */
export class CheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailed';
  }
}

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
  return lines.map(cleanText).join('\n');
}
