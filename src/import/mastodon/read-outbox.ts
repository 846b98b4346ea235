/**
 * `outbox.json`: an ActivityStreams OrderedCollection of the owner's activities. Real 2024
 * exports write the key `orderedItems` twice (`[]`, then the real array); JSON.parse keeps
 * the last one, which is right (a streaming parser keeping the first sees no posts).
 * `totalItems` is the account's status count, not the array length.
 */
import type { SourceEntry } from '../source.js';
import { inferHandleFromUri } from './addresses.js';
import { type ArchiveContext, emitOwner, requireOwner } from './archive-context.js';
import { convertActivity } from './convert-activity.js';
import { isObject, readJsonEntry, stringField } from './read-json-entry.js';

/** Reads the outbox: the owner's declared status count, then one PostRecord per status or boost. */
export async function readOutbox(entry: SourceEntry, ctx: ArchiveContext): Promise<void> {
  const { sink } = ctx;
  const file = entry.displayPath;
  const parsed = await readJsonEntry(entry, sink, 'an ActivityStreams OrderedCollection (Mastodon outbox.json)');
  if (parsed === undefined) return;
  if (!isObject(parsed)) {
    sink.problem({ file, reason: 'the outbox is not a JSON object', expected: "an OrderedCollection with 'orderedItems'", fix: 'use the outbox.json of an unmodified Mastodon archive' });
    return;
  }
  const items = parsed['orderedItems'];
  if (!Array.isArray(items)) {
    sink.problem({ file, field: 'orderedItems', reason: items === undefined ? 'is missing' : 'is not an array', expected: 'an array of activities', fix: 'use the outbox.json of an unmodified Mastodon archive' });
    return;
  }

  const owner = requireOwner(ctx, file, inferOwnerFromActors(items));
  const declared = readCount(parsed['totalItems']);
  if (declared !== undefined && ctx.ownerRecord) ctx.ownerRecord.posts = declared;
  emitOwner(ctx, file);

  let direct = 0;
  const unsupported = new Map<string, number>();
  items.forEach((item, index) => {
    const result = convertActivity(item, owner);
    switch (result.kind) {
      case 'post':
        sink.record(result.post, { file, record: index });
        break;
      case 'direct':
        direct++;
        break;
      case 'unsupported':
        unsupported.set(result.type, (unsupported.get(result.type) ?? 0) + 1);
        break;
      case 'problem':
        sink.problem({
          file,
          record: index,
          field: result.field ? `orderedItems[${index}].${result.field}` : `orderedItems[${index}]`,
          reason: result.reason,
          expected: result.expected,
          fix: 'use the outbox.json of an unmodified Mastodon archive, or pass --skip-invalid to import the other activities',
        });
        break;
    }
  });
  // Counted, not silently dropped: the import summary lists these beside skipped files.
  if (direct > 0) sink.skippedFile(entry.name, `${direct} direct message${direct === 1 ? '' : 's'} not imported`);
  for (const [type, n] of unsupported) sink.skippedFile(entry.name, `${n} activit${n === 1 ? 'y' : 'ies'} of type ${type} not imported`);
}

/** The owner's handle from the first activity `actor` URI that names one. */
function inferOwnerFromActors(items: unknown[]): string | undefined {
  for (const item of items) {
    const actor = isObject(item) ? stringField(item, 'actor') : undefined;
    const handle = actor ? inferHandleFromUri(actor) : undefined;
    if (handle) return handle;
  }
  return undefined;
}

function readCount(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}
