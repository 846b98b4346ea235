/**
 * The errors every layer may throw: a leaf module (it imports nothing), so import, store,
 * inputs and engine code can say what went wrong without knowing about the command line.
 * Only cli/ formats them and maps them to exit codes (cli/main.ts).
 */

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

/** Where a database problem lies, so the CLI can name it and suggest the fix. */
export type StoreProblem = 'schema-too-new' | 'locked' | 'read-only' | 'not-a-database' | 'missing-folder' | 'is-directory' | 'not-a-file' | 'disk-full' | 'io-error';

/** The database cannot be used as asked (too new, locked, read-only, not SQLite, ...). */
export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
