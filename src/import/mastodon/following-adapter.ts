/**
 * A Mastodon `following_accounts.csv` on its own (or a folder of Mastodon CSV exports).
 * The follower is the owner of `actor.json` in the same source, else `--owner`.
 */
import type { Adapter } from '../source.js';
import { makeArchiveContext, setOwner } from './archive-context.js';
import { readFollowingEntry } from './archive-files.js';
import { MASTODON_FOLLOWING_FORMAT, detectFollowingList, detectMastodonFollowing } from './detect.js';
import { readActor } from './read-actor.js';

/** The standalone following-list adapter; try it before the generic CSV adapter. */
export const mastodonFollowingAdapter: Adapter = {
  ...MASTODON_FOLLOWING_FORMAT,
  detect: detectMastodonFollowing,

  async read(source, sink, options): Promise<void> {
    const ctx = makeArchiveContext(sink, options);
    // the owner's following list is complete (store/records.ts OwnLists); nothing else of theirs is here
    for (const entry of source.entries) if (await detectFollowingList(entry)) ctx.lists.following = true;
    const actorEntry = source.entries.find((e) => /^(?:[^/]+\/)?actor\.json$/.test(e.name));
    if (actorEntry) {
      const record = await readActor(actorEntry, sink);
      if (record?.ref.handle) setOwner(ctx, record.ref.handle, record);
    }
    let bytes = 0;
    for (const entry of source.entries) {
      if (entry !== actorEntry && !(await readFollowingEntry(entry, ctx))) {
        sink.skippedFile(entry.name, 'not a Mastodon following list');
      }
      bytes += entry.size;
      sink.progress?.(bytes, source.totalBytes);
    }
  },
};
