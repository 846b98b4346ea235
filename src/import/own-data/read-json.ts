/**
 * The one way the own-data adapters (Instagram, Threads, TikTok) read a JSON file. Every
 * JSON entry goes through `readJsonFile`, so switching to a streaming reader for large
 * files is a change in this module only. A file that is not valid JSON (cut off, damaged)
 * is reported as a problem naming the file, line and column; strict imports stop there.
 */
import type { RecordSink } from '../../store/records.js';
import { locateJsonError } from '../locate-json-error.js';
import type { SourceEntry } from '../source.js';

/** What a JSON reader needs to report a bad file: what the file should be, and how to get a good one. */
export interface JsonExpectation {
  /** e.g. "Instagram followers_1.json: an array of accounts" */
  expected: string;
  /** e.g. "download your information again from Instagram" */
  fix: string;
}

/** The parsed document, or undefined after reporting a problem (file, line, reason, fix). */
export async function readJsonFile(entry: SourceEntry, sink: RecordSink, what: JsonExpectation): Promise<unknown> {
  const text = await entry.readText();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const where = locateJsonError(text);
    sink.problem({
      file: entry.displayPath,
      ...(where ? { line: where.line } : {}),
      reason: `invalid JSON: ${where ? `${where.reason} (column ${where.column})` : cleanMessage(err)}`,
      expected: what.expected,
      fix: where?.truncated ? `the file is cut off: ${what.fix}` : what.fix,
    });
    return undefined;
  }
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
