/**
 * State shared by the per-file handlers of one Mastodon archive: the sink, the options and
 * the owner. The owner comes from `actor.json`, else `--owner`, else the outbox's `actor`
 * URIs; its AccountRecord is emitted once, with fields gathered from several files.
 */
import { InputError, UsageError } from '../../errors.js';
import type { AccountRecord, OwnLists, RecordSink } from '../../store/records.js';
import type { AdapterOptions } from '../source.js';
import { mastodonRef, normalizeAddress } from './addresses.js';
import type { Owner } from './convert-activity.js';

/** What the handlers of one archive share. */
export interface ArchiveContext {
  sink: RecordSink;
  options: AdapterOptions;
  owner?: Owner;
  /** the owner's AccountRecord, until emitted */
  ownerRecord?: AccountRecord;
  ownerEmitted: boolean;
  /**
   * the owner's lists this source holds complete (store/records.ts OwnLists), known before
   * any file is read: a Mastodon archive has the owner's posts and following list, never
   * its followers or others' reactions
   */
  lists: OwnLists;
}

/** A fresh context; `--owner` is validated here so a typo fails before any record is read. */
export function makeArchiveContext(sink: RecordSink, options: AdapterOptions): ArchiveContext {
  if (options.owner !== undefined && normalizeAddress(options.owner) === undefined) {
    throw new UsageError(`--owner '${options.owner}' is not a Mastodon address`, 'pass --owner user@host, e.g. --owner alice@mastodon.social');
  }
  return { sink, options, ownerEmitted: false, lists: {} };
}

/** Sets the owner from a handle (`user@host`), starts the owner's AccountRecord, and names the owner in the import summary. */
export function setOwner(ctx: ArchiveContext, handle: string, record?: AccountRecord): void {
  const ref = mastodonRef(handle);
  ctx.owner = { ref, host: handle.slice(handle.lastIndexOf('@') + 1) };
  ctx.ownerRecord = record ?? { type: 'account', ref };
  ctx.sink.owner?.(ref);
}

/**
 * The owner, falling back to `--owner`, then to `inferred` (from the outbox's actor URIs);
 * an InputError naming `file` when none of them says who the archive belongs to.
 */
export function requireOwner(ctx: ArchiveContext, file: string, inferred?: string): Owner {
  if (!ctx.owner) {
    const fromOption = ctx.options.owner !== undefined ? normalizeAddress(ctx.options.owner) : undefined;
    const handle = fromOption ?? inferred;
    if (!handle) {
      throw new InputError('cannot tell whose account this is: no actor.json in the same archive and no --owner', {
        file,
        expected: 'actor.json beside it, or the owner given on the command line',
        fix: 'pass --owner user@host',
      });
    }
    setOwner(ctx, handle);
  }
  return ctx.owner!;
}

/** Emits the owner's AccountRecord once (before the first record that names the owner). */
export function emitOwner(ctx: ArchiveContext, file: string): void {
  if (ctx.ownerEmitted || !ctx.ownerRecord) return;
  ctx.ownerEmitted = true;
  if (ctx.lists.posts || ctx.lists.following) ctx.ownerRecord.lists = { ...ctx.lists };
  ctx.sink.record(ctx.ownerRecord, { file });
}
