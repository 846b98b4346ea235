/** Reading one JSON archive entry, turning a syntax error into a located, fixable problem. */
import { isStorableTime, type RecordSink } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { isoDateExists } from '../checked-time.js';
import { readJsonItems, wholeDocument } from '../json/read-json-items.js';

const REEXPORT_FIX =
  'the file is damaged or cut off: extract the archive again, or request a new archive in Mastodon (Preferences > Import and export > Data export)';

/**
 * The parsed content of a small JSON entry (actor.json), or undefined after reporting a
 * problem (file, line, reason, fix). Read with the streaming reader's rules (record size
 * and depth limits, exact big integers), as one record.
 */
export async function readJsonEntry(entry: SourceEntry, sink: RecordSink, expected: string): Promise<unknown> {
  let value: unknown;
  let found = false;
  await readJsonItems(entry, sink, {
    select: wholeDocument,
    expected,
    fix: REEXPORT_FIX,
    onItem: (item) => {
      value = item.value;
      found = true;
    },
  });
  return found ? value : undefined;
}

/** The fix for a damaged archive file. */
export const ARCHIVE_FIX = REEXPORT_FIX;

/** True for a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string property, or undefined when absent or not a string. */
export function stringField(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

/** An address list (`to`, `cc`): ActivityStreams allows one string or an array of them. */
export function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The id of a link that may be given as a URI string or as an object with an `id`. */
export function linkId(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return isObject(v) ? stringField(v, 'id') : undefined;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO 8601 date-time with a zone (`2024-01-02T03:04:05Z`) within TIME_RANGE, or undefined. */
export function parseIsoTime(v: unknown): number | undefined {
  // isoDateExists: Date.parse reads 2026-02-31 as March 3rd
  if (typeof v !== 'string' || !ISO_TIME.test(v) || !isoDateExists(v)) return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) && isStorableTime(t) ? t : undefined;
}
