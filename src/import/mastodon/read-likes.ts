/**
 * `likes.json`: an OrderedCollection of the liked status URIs (2024 exports have no
 * `totalItems`). No authors and no times: the author is inferred from the URI path when
 * it names one, else left unknown.
 */
import type { InteractionRecord } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { refFromUri } from './addresses.js';
import { type ArchiveContext, emitOwner, requireOwner } from './archive-context.js';
import { ARCHIVE_FIX, linkId } from './read-json-entry.js';
import { arrayAt, readJsonItems, type JsonKey, type JsonKind } from '../json/read-json-items.js';
import type { Owner } from './convert-activity.js';

/** Reads the likes, streamed: one 'like' InteractionRecord per liked status. */
export async function readLikes(entry: SourceEntry, ctx: ArchiveContext): Promise<void> {
  const { sink } = ctx;
  const file = entry.displayPath;
  let itemsKind: JsonKind | undefined;
  let owner: Owner | undefined;
  let emitted = false;
  let liked = 0;
  const items = arrayAt('orderedItems');
  const result = await readJsonItems(entry, sink, {
    select: (path: readonly JsonKey[], kind: JsonKind) => {
      if (path.length === 1 && path[0] === 'orderedItems') itemsKind = kind;
      return items(path, kind);
    },
    lastOf: ['orderedItems'],
    expectRoot: 'object',
    expected: 'an ActivityStreams OrderedCollection (Mastodon likes.json)',
    fix: ARCHIVE_FIX,
    onItem: ({ value, index }) => {
      if (!owner) {
        owner = requireOwner(ctx, file);
        emitOwner(ctx, file);
        emitted = true;
      }
      liked++;
      const uri = linkId(value);
      if (!uri) {
        sink.problem({ file, record: index, field: `orderedItems[${index}]`, reason: 'is not a status URI', expected: "a URI such as 'https://host/users/name/statuses/123'", fix: 'use the likes.json of an unmodified Mastodon archive, or pass --skip-invalid' });
        return;
      }
      const like: InteractionRecord = { type: 'interaction', actor: owner.ref, kind: 'like', targetPost: uri };
      const target = refFromUri(uri);
      if (target) like.target = target;
      sink.record(like, { file, record: index });
    },
  });
  if (itemsKind !== 'array' && result.complete) {
    sink.problem({ file, field: 'orderedItems', reason: 'is missing or not an array', expected: 'an array of liked status URIs', fix: 'use the likes.json of an unmodified Mastodon archive' });
    return;
  }
  if (!owner && itemsKind === 'array') owner = requireOwner(ctx, file);
  if (owner && itemsKind === 'array') {
    if (!emitted) emitOwner(ctx, file);
    // The export holds every status the owner favourited: its length is the likes given
    // (only when the file was read to its end: a cut-off file gives a lower bound, not a count).
    if (result.complete) sink.record({ type: 'account', ref: owner.ref, likesGiven: liked }, { file });
  }
}
