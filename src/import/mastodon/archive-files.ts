/**
 * The registry of Mastodon archive files: one small handler per file the archive holds
 * (STYLE.md pattern 3). Files worth nothing to influence (bookmarks, media, avatar) are
 * listed as skipped with a reason; files nobody knows are listed as unknown.
 */
import type { SourceEntry } from '../source.js';
import { type ArchiveContext, emitOwner, requireOwner, setOwner } from './archive-context.js';
import { detectFollowingList, readFollowingList } from './following-list.js';
import { readActor } from './read-actor.js';
import { readLikes } from './read-likes.js';
import { readOutbox } from './read-outbox.js';

/** A handler for archive entries whose path (relative to the archive root) it matches. */
export interface ArchiveFileHandler {
  /** path relative to the archive root, '/' separated */
  match(relPath: string): boolean;
  /** handlers run in ascending order: the owner (actor.json) must be known before posts, likes and follows */
  order: number;
  read(entry: SourceEntry, ctx: ArchiveContext): Promise<void>;
}

/** Entries that are recognised and deliberately not imported, with the reason shown to the user. */
export const SKIPPED_FILES: ReadonlyArray<{ match: (relPath: string) => boolean; reason: string }> = [
  { match: (p) => p === 'bookmarks.json', reason: 'bookmarks are private: not imported' },
  { match: (p) => /^(?:avatar|header)\.[a-z0-9]+$/i.test(p), reason: 'profile image: not imported' },
];

/** Media files are summarised in one skipped line: an archive can hold thousands. */
export const MEDIA_FOLDER = 'media_attachments/';

/** The files of a Mastodon archive that carry records. */
export const ARCHIVE_FILE_HANDLERS: readonly ArchiveFileHandler[] = [
  {
    match: (p) => p === 'actor.json',
    order: 0,
    read: async (entry, ctx) => {
      const record = await readActor(entry, ctx.sink);
      if (record?.ref.handle) setOwner(ctx, record.ref.handle, record);
    },
  },
  { match: (p) => p === 'outbox.json', order: 1, read: readOutbox },
  { match: (p) => p === 'likes.json', order: 2, read: readLikes },
  {
    match: (p) => /\.(?:csv|txt)$/i.test(p),
    order: 3,
    read: async (entry, ctx) => {
      if (!(await readFollowingEntry(entry, ctx))) {
        ctx.sink.skippedFile(entry.name, 'not a following list (lists, mutes and blocks are not imported)');
      }
    },
  },
];

/** Reads `entry` as a following list when it is one; false when it is not. */
export async function readFollowingEntry(entry: SourceEntry, ctx: ArchiveContext): Promise<boolean> {
  const layout = await detectFollowingList(entry);
  if (!layout) return false;
  const owner = requireOwner(ctx, entry.displayPath);
  emitOwner(ctx, entry.displayPath);
  await readFollowingList(entry, layout, owner.ref, ctx.sink);
  return true;
}
