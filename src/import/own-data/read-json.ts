/**
 * The one way the own-data adapters (Instagram, Threads, TikTok) read a JSON file: streamed
 * record by record with the project's JSON scanner (import/json/), so a 50 MB TikTok
 * export is never one string or one object tree in memory. The adapter says which values
 * are its records (`select`, on their path from the root) and receives each one parsed;
 * everything else (a watch history, direct messages) is walked over without being parsed.
 * A damaged record is reported and skipped; a file cut off or broken between records is
 * reported (file, line, reason, fix) with the records before the damage delivered.
 */
import type { RecordSink } from '../../store/records.js';
import { type JsonItem, type JsonKey, type JsonKind, type JsonSelect, readJsonItems } from '../json/read-json-items.js';
import type { SourceEntry } from '../source.js';

export type { JsonItem, JsonKey, JsonKind, JsonSelect } from '../json/read-json-items.js';

/** What a JSON reader needs to report a bad file: what the file should be, and how to get a good one. */
export interface JsonExpectation {
  /** e.g. "Instagram followers_1.json: an array of accounts" */
  expected: string;
  /** e.g. "download your information again from Instagram" */
  fix: string;
}

/**
 * Streams `entry`, handing each value `select` picks to `onItem`; returns false when the
 * file could not be read to its end (the problem went to the sink).
 */
export async function readJsonRecords(entry: SourceEntry, sink: RecordSink, what: JsonExpectation, select: JsonSelect, onItem: (item: JsonItem) => void): Promise<boolean> {
  const result = await readJsonItems(entry, sink, { select, onItem, expected: what.expected, fix: what.fix });
  return result.complete;
}

/** The first `bytes` bytes of an entry as text (BOM removed), for detection without reading it all. */
export async function peekText(entry: SourceEntry, bytes = 65_536): Promise<string> {
  return (await peekBytes(entry, bytes)).toString('utf8').replace(/^\uFEFF/, '');
}

/** The first `bytes` bytes of an entry (fewer when it is shorter; empty when it cannot be read). */
export async function peekBytes(entry: SourceEntry, bytes = 65_536): Promise<Buffer> {
  const stream = entry.openStream();
  const chunks: Buffer[] = [];
  let got = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(buf);
      got += buf.length;
      if (got >= bytes) break;
    }
  } catch {
    return Buffer.alloc(0);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** The whole entry as bytes (for files whose encoding must be sniffed: UTF-16 CSVs). */
export async function readBytes(entry: SourceEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry.openStream()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** V8's message without the input excerpt it may quote (imported text is untrusted). */
function cleanMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/, (?:\.\.\.)?".*$/s, '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
