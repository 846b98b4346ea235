/**
 * Lines of a byte stream, in linear time and bounded memory: a line that does not end in
 * a chunk is kept as a list of pieces (never re-joined and re-split per chunk, which made a
 * file without newlines quadratic), and a line longer than MAX_RECORD_BYTES is dropped as
 * it streams and reported by its line number; reading goes on at the next line.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { MAX_RECORD_BYTES } from './record-limits.js';
import { makeLineBreakNormalizer } from './line-breaks.js';

/** One line (without its '\n', '\r\n' or lone '\r'), or the line number of one that was too long. */
export type Line = { line: number; text: string; tooLong?: false } | { line: number; text: ''; tooLong: true };

/**
 * Yields the lines of `stream` (UTF-8, BOM stripped); a final line without '\n' is yielded
 * too. `stats.scanned` counts the characters searched for a line break and joined into a
 * line (tests: it stays a small multiple of the input, however long a line runs).
 */
export async function* readLines(stream: Readable | AsyncIterable<Buffer | string>, stats?: { scanned: number }): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  // LF and CRLF, or CR alone (the first line break decides: line-breaks.ts)
  const normalize = makeLineBreakNormalizer();
  let pieces: string[] = [];
  let pendingLength = 0;
  let tooLong = false;
  let line = 0;
  let first = true;
  const finish = (last: string): Line => {
    line++;
    if (tooLong || pendingLength + last.length > MAX_RECORD_BYTES) {
      tooLong = false;
      pieces = [];
      pendingLength = 0;
      return { line, text: '', tooLong: true };
    }
    let text = pieces.length ? pieces.join('') + last : last;
    if (stats) stats.scanned += text.length;
    pieces = [];
    pendingLength = 0;
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    return { line, text };
  };
  for await (const chunk of stream) {
    let s = normalize(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (first && s.length > 0) {
      s = s.replace(/^\uFEFF/, '');
      first = false;
    }
    if (stats) stats.scanned += s.length;
    let from = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
      yield finish(s.slice(from, nl));
      from = nl + 1;
    }
    if (from < s.length) {
      const rest = s.slice(from);
      pendingLength += rest.length;
      if (pendingLength > MAX_RECORD_BYTES) {
        tooLong = true;
        pieces = [];
      } else if (!tooLong) pieces.push(rest);
    }
  }
  // the rest of the last chunk (a CR held back at the end of a CR-only file is a line break now)
  const tail = normalize(decoder.end(), true);
  let from = 0;
  for (let nl = tail.indexOf('\n'); nl >= 0; nl = tail.indexOf('\n', from)) {
    yield finish(tail.slice(from, nl));
    from = nl + 1;
  }
  if (from < tail.length) pieces.push(tail.slice(from));
  if (pieces.length > 0 || tooLong) yield finish('');
}
