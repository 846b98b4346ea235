/**
 * `outbox.json`: an ActivityStreams OrderedCollection of the owner's activities, streamed
 * one activity at a time (a 300 MB outbox never sits in memory whole). Real 2024 exports
 * write the key `orderedItems` twice (`[]`, then the real array): as with JSON.parse, the
 * LAST occurrence counts (FORMATS.md). `totalItems` is the account's status count, not the
 * array length, and may come before or after the items.
 */
import type { SourceEntry } from '../source.js';
import { arrayAt, readJsonItems, type JsonKey, type JsonKind } from '../json/read-json-items.js';
import { inferHandleFromUri } from './addresses.js';
import { type ArchiveContext, emitOwner, requireOwner } from './archive-context.js';
import { type Owner, convertActivity } from './convert-activity.js';
import { ARCHIVE_FIX, isObject, stringField } from './read-json-entry.js';
import { ValueError, describeValue, parseCount } from '../values.js';

const EXPECTED = "an ActivityStreams OrderedCollection with 'orderedItems' (Mastodon outbox.json)";
const ITEM_FIX = 'use the outbox.json of an unmodified Mastodon archive, or pass --skip-invalid to import the other activities';
/** Activities held back while the owner is unknown (no actor.json, no --owner, no actor URI yet). */
const MAX_HELD = 10_000;

/** Reads the outbox: the owner's declared status count, then one PostRecord per status or boost. */
export async function readOutbox(entry: SourceEntry, ctx: ArchiveContext): Promise<void> {
  const { sink } = ctx;
  const file = entry.displayPath;
  let itemsKind: JsonKind | undefined;
  let declared: number | undefined;
  let owner: Owner | undefined = ctx.owner;
  let held: { value: unknown; index: number }[] = [];
  let direct = 0;
  const unsupported = new Map<string, number>();
  const items = arrayAt('orderedItems');

  const convert = (value: unknown, index: number, o: Owner) => {
    const result = convertActivity(value, o);
    switch (result.kind) {
      case 'post':
        sink.record(result.post, { file, record: index });
        return;
      case 'direct':
        direct++;
        return;
      case 'unsupported':
        unsupported.set(result.type, (unsupported.get(result.type) ?? 0) + 1);
        return;
      case 'problem':
        sink.problem({
          file,
          record: index,
          field: result.field ? `orderedItems[${index}].${result.field}` : `orderedItems[${index}]`,
          reason: result.reason,
          expected: result.expected,
          fix: ITEM_FIX,
        });
    }
  };
  const emit = () => {
    if (declared !== undefined && ctx.ownerRecord && !ctx.ownerEmitted) ctx.ownerRecord.posts = declared;
    emitOwner(ctx, file);
  };
  const settleOwner = (inferred: string | undefined): Owner => {
    const o = requireOwner(ctx, file, inferred);
    emit();
    for (const h of held) convert(h.value, h.index, o);
    held = [];
    return o;
  };

  const result = await readJsonItems(entry, sink, {
    select: (path: readonly JsonKey[], kind: JsonKind) => {
      if (path.length === 1 && path[0] === 'orderedItems') itemsKind = kind;
      return items(path, kind) || (path.length === 1 && path[0] === 'totalItems');
    },
    lastOf: ['orderedItems'],
    expectRoot: 'object',
    expected: EXPECTED,
    fix: ARCHIVE_FIX,
    onItem: (item) => {
      if (item.path.length === 1) {
        try {
          declared = readCount(item.value);
        } catch (err) {
          if (!(err instanceof ValueError)) throw err;
          sink.problem({ file, field: 'totalItems', reason: `${describeValue(item.value)} is not valid`, expected: err.expected, fix: err.fix });
        }
        return;
      }
      if (!owner) {
        // the owner comes from actor.json or --owner, else from the first actor URI naming one
        const actor = isObject(item.value) ? stringField(item.value, 'actor') : undefined;
        const inferred = actor ? inferHandleFromUri(actor) : undefined;
        if (inferred || ctx.owner || ctx.options.owner !== undefined || held.length >= MAX_HELD) owner = settleOwner(inferred);
        else {
          held.push({ value: item.value, index: item.index });
          return;
        }
      } else emit();
      convert(item.value, item.index, owner);
    },
  });

  if (itemsKind !== 'array') {
    if (result.complete) {
      sink.problem({ file, field: 'orderedItems', reason: itemsKind === undefined ? 'is missing' : 'is not an array', expected: 'an array of activities', fix: ARCHIVE_FIX });
    }
    return;
  }
  if (!owner) owner = settleOwner(undefined);
  else emit();
  // a count read after the activities (or after the owner was written) updates the owner's row
  if (declared !== undefined && ctx.ownerRecord && ctx.ownerRecord.posts !== declared) {
    sink.record({ type: 'account', ref: owner.ref, posts: declared }, { file });
  }
  // Counted, not silently dropped: the import summary lists these beside skipped files.
  if (direct > 0) sink.skippedFile(entry.name, `${direct} direct message${direct === 1 ? '' : 's'} not imported`);
  for (const [type, n] of unsupported) sink.skippedFile(entry.name, `${n} activit${n === 1 ? 'y' : 'ies'} of type ${type} not imported`);
}

/**
 * The declared status count: a whole number (or its digits as text) within the bound every
 * importer uses (values.ts parseCount); absent, null or empty is none. Anything else (1e300, -1,
 * 2^64, 'many') is a ValueError: it was dropped without a word.
 */
function readCount(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (v === null || v === undefined || v === '') return undefined;
  const n = parseCount(typeof v === 'string' && !/^\s*\d+\s*$/.test(v) ? NaN : v);
  if (n !== undefined && !Number.isInteger(n)) throw new ValueError('a whole number such as 1200', 'check the value: a count of statuses is a whole number');
  return n;
}
