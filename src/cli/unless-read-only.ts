/**
 * Storing a run on a database that cannot be written. `score` and `report threshold` store
 * their run before printing; on a read-only database (a shared copy, read-only media) that
 * failed the whole command, though its answer needs no write. The answer is printed, with
 * one line on stderr that the run was not stored and how to silence it.
 */
import { StoreError } from '../errors.js';
import type { CommandContext } from './context.js';

/** `store()`, or undefined with a warning when the database is read-only; any other error is thrown. */
export function unlessReadOnly<T>(ctx: CommandContext, store: () => T): T | undefined {
  try {
    return store();
  } catch (err) {
    if (!(err instanceof StoreError) || err.problem !== 'read-only') throw err;
    ctx.warn(`note: the run was not stored: ${err.message} (pass --no-save to score without storing)`);
    return undefined;
  }
}
