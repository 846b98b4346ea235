/**
 * The Mastodon account archive ("Request your archive": a .tar.gz, .zip or its folder):
 * `actor.json`, `outbox.json`, `likes.json`, plus any `following_accounts.csv` put beside
 * them. The archive may sit at the source's root or one folder down.
 */
import type { Adapter, SourceEntry } from '../source.js';
import { emitOwner, makeArchiveContext } from './archive-context.js';
import { MASTODON_FORMAT, detectFollowingList, detectMastodonArchive, findArchiveRoot } from './detect.js';
import { ARCHIVE_FILE_HANDLERS, type ArchiveFileHandler, MEDIA_FOLDER, SKIPPED_FILES } from './archive-files.js';

/** The Mastodon archive adapter. */
export const mastodonAdapter: Adapter = {
  ...MASTODON_FORMAT,
  detect: detectMastodonArchive,

  async read(source, sink, options): Promise<void> {
    const ctx = makeArchiveContext(sink, options);
    const root = findArchiveRoot(source.entries) ?? '';
    const planned: Array<{ entry: SourceEntry; handler: ArchiveFileHandler }> = [];
    let media = 0;
    for (const entry of source.entries) {
      if (!entry.name.startsWith(root)) {
        sink.skippedFile(entry.name, `outside the Mastodon archive folder '${root}'`);
        continue;
      }
      const rel = entry.name.slice(root.length);
      const handler = ARCHIVE_FILE_HANDLERS.find((h) => h.match(rel));
      if (handler) {
        planned.push({ entry, handler });
        continue;
      }
      if (rel.startsWith(MEDIA_FOLDER)) {
        media++;
        continue;
      }
      sink.skippedFile(entry.name, SKIPPED_FILES.find((s) => s.match(rel))?.reason ?? 'unknown file in a Mastodon archive');
    }
    if (media > 0) sink.skippedFile(`${root}${MEDIA_FOLDER}`, `${media} media file${media === 1 ? '' : 's'} not imported`);

    planned.sort((a, b) => a.handler.order - b.handler.order);
    // what of the owner's own data is here complete, before the owner's record goes out
    for (const { entry } of planned) {
      const rel = entry.name.slice(root.length);
      if (rel === 'outbox.json') ctx.lists.posts = true;
      else if (/\.(?:csv|txt)$/i.test(rel) && (await detectFollowingList(entry))) ctx.lists.following = true;
    }
    let bytes = 0;
    for (const { entry, handler } of planned) {
      await handler.read(entry, ctx);
      bytes += entry.size;
      sink.progress?.(bytes, source.totalBytes);
    }
    // An archive with actor.json but no outbox still yields the owner's profile.
    emitOwner(ctx, planned[0]?.entry.displayPath ?? source.path);
  },
};
