/**
 * `likes.json`: an OrderedCollection of the liked status URIs (2024 exports have no
 * `totalItems`). No authors and no times: the author is inferred from the URI path when
 * it names one, else left unknown.
 */
import type { InteractionRecord } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { refFromUri } from './addresses.js';
import { type ArchiveContext, emitOwner, requireOwner } from './archive-context.js';
import { isObject, linkId, readJsonEntry } from './read-json-entry.js';

/** Reads the likes: one 'like' InteractionRecord per liked status. */
export async function readLikes(entry: SourceEntry, ctx: ArchiveContext): Promise<void> {
  const { sink } = ctx;
  const file = entry.displayPath;
  const parsed = await readJsonEntry(entry, sink, 'an ActivityStreams OrderedCollection (Mastodon likes.json)');
  if (parsed === undefined) return;
  const items = isObject(parsed) ? parsed['orderedItems'] : undefined;
  if (!Array.isArray(items)) {
    sink.problem({ file, field: 'orderedItems', reason: 'is missing or not an array', expected: 'an array of liked status URIs', fix: 'use the likes.json of an unmodified Mastodon archive' });
    return;
  }
  const owner = requireOwner(ctx, file);
  emitOwner(ctx, file);
  items.forEach((item, index) => {
    const uri = linkId(item);
    if (!uri) {
      sink.problem({ file, record: index, field: `orderedItems[${index}]`, reason: 'is not a status URI', expected: "a URI such as 'https://host/users/name/statuses/123'", fix: 'use the likes.json of an unmodified Mastodon archive, or pass --skip-invalid' });
      return;
    }
    const like: InteractionRecord = { type: 'interaction', actor: owner.ref, kind: 'like', targetPost: uri };
    const target = refFromUri(uri);
    if (target) like.target = target;
    sink.record(like, { file, record: index });
  });
  // The export holds every status the owner favourited: its length is the likes given.
  sink.record({ type: 'account', ref: owner.ref, likesGiven: items.length }, { file });
}
