/**
 * Streaming JSON for importers: read the records of a big JSON export one at a time, in
 * bounded memory, with problems reported to the sink (file, line, record, reason, fix).
 *
 * Usage (an adapter reading the elements of a root key's array):
 *
 *   await readJsonItems(entry, sink, {
 *     select: arrayAt('orderedItems'),        // the elements of root.orderedItems
 *     lastOf: ['orderedItems'],               // the key repeats: its LAST occurrence counts
 *     expected: 'an ActivityStreams OrderedCollection (Mastodon outbox.json)',
 *     fix: 'use the outbox.json of an unmodified archive',
 *     onItem: (item) => { ... item.value, item.index, item.line ... },
 *   });
 *
 * Other selectors: `arrayAt()` (a root array's elements), `valueAt('totalItems')` (one
 * root member, delivered whole), `anyOf(a, b)`, or any `(path, kind) => boolean`.
 * `assignment: true` reads a Twitter `window.YTD.x.partN = [ ... ]` file (the name is
 * returned); it is never evaluated.
 *
 * Per record: bad JSON, nesting deeper than MAX_JSON_DEPTH or more than MAX_RECORD_BYTES
 * is reported (sink.problem: an error, or skipped with --skip-invalid) and reading goes on
 * after it. A broken structure between records (a truncated file, a missing comma) ends
 * the file: the records before it were delivered, and the problem says nothing after it
 * could be read. Integers beyond 2^53 arrive as BigInt (exact), never rounded.
 */
import type { RecordSink } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { type JsonItem, type JsonKey, type JsonKind, type JsonSelect, JsonScanner, createRootKeyCounter } from './json-scanner.js';

export type { JsonItem, JsonKey, JsonKind, JsonSelect } from './json-scanner.js';

export interface ReadJsonOptions {
  /** which values are records (see the selectors below) */
  select: JsonSelect;
  /** receives each record, in file order */
  onItem(item: JsonItem): void;
  /** what the file should be, for problems: 'an ActivityStreams OrderedCollection (Mastodon outbox.json)' */
  expected: string;
  /** how to fix a damaged file, for problems */
  fix: string;
  /** root keys whose LAST occurrence counts when they repeat (costs one extra pass over the file) */
  lastOf?: readonly string[];
  /** the JSON follows `name =` (Twitter archive data files) */
  assignment?: boolean;
  /** the root must be an array or an object */
  expectRoot?: 'array' | 'object';
  /** bytes read so far of this entry */
  onProgress?(bytesRead: number): void;
}

/** What reading found besides the records. */
export interface ReadJsonResult {
  /** the name before '=' (assignment files), without `window.` */
  assignedName: string;
  /** records delivered or refused */
  records: number;
  /** false when a fatal problem stopped reading before the end */
  complete: boolean;
}

/** Streams `entry` and hands each selected record to `onItem`; problems go to `sink.problem`. */
export async function readJsonItems(entry: SourceEntry, sink: RecordSink, options: ReadJsonOptions): Promise<ReadJsonResult> {
  const file = entry.displayPath;
  let lastOf: Map<string, number> | undefined;
  if (options.lastOf && options.lastOf.length > 0) {
    const counter = createRootKeyCounter(options.lastOf);
    await pump(entry, counter.scanner);
    lastOf = counter.counts;
  }
  const scanner = new JsonScanner({
    select: options.select,
    onItem: options.onItem,
    assignment: options.assignment,
    expectRoot: options.expectRoot,
    lastOf,
    onProblem(p) {
      sink.problem({
        file,
        line: p.line,
        ...(p.record !== undefined ? { record: p.record } : {}),
        reason: p.fatal ? `${p.reason}; nothing after this point can be read (the file cannot be resynchronised)` : p.reason,
        expected: options.expected,
        fix: options.fix,
      });
    },
  });
  await pump(entry, scanner, options.onProgress);
  return { assignedName: scanner.assignedName, records: scanner.records, complete: scanner.complete };
}

async function pump(entry: SourceEntry, scanner: JsonScanner, onProgress?: (bytes: number) => void): Promise<void> {
  const stream = entry.openStream();
  let bytes = 0;
  let first = true;
  try {
    for await (const raw of stream) {
      let chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : (raw as Buffer);
      bytes += chunk.length;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3); // BOM
      }
      scanner.push(chunk);
      onProgress?.(bytes);
    }
  } finally {
    stream.destroy();
  }
  scanner.end();
}

/** Parses a whole JSON text with the same rules (tests, and small values already in memory). */
export function scanJsonText(text: string, options: Omit<ConstructorParameters<typeof JsonScanner>[0], 'onItem' | 'onProblem'>): {
  items: JsonItem[];
  problems: { line: number; record?: number; reason: string; fatal: boolean }[];
  assignedName: string;
} {
  const items: JsonItem[] = [];
  const problems: { line: number; record?: number; reason: string; fatal: boolean }[] = [];
  const scanner = new JsonScanner({ ...options, onItem: (i) => items.push(i), onProblem: (p) => problems.push(p) });
  scanner.push(Buffer.from(text.replace(/^\uFEFF/, ''), 'utf8'));
  scanner.end();
  return { items, problems, assignedName: scanner.assignedName };
}

// ---- selectors ------------------------------------------------------------------------

/** The elements of the array at `key` under the root object, or of the root array when no key is given. */
export function arrayAt(key?: string): JsonSelect {
  if (key === undefined) return (path) => path.length === 1 && typeof path[0] === 'number';
  return (path) => path.length === 2 && path[0] === key && typeof path[1] === 'number';
}

/** The value of one root key, delivered whole (a count, a small object). */
export function valueAt(key: string): JsonSelect {
  return (path) => path.length === 1 && path[0] === key;
}

/** The root value itself, delivered whole (a small document such as actor.json). */
export const wholeDocument: JsonSelect = (path) => path.length === 0;

/** Values any of the selectors picks. */
export function anyOf(...selectors: JsonSelect[]): JsonSelect {
  return (path: readonly JsonKey[], kind: JsonKind) => selectors.some((s) => s(path, kind));
}
