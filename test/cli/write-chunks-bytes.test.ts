/**
 * writeChunks to a Node stream hands it byte blocks (cli/output.ts): the stream receives the
 * very bytes it received as text before (each chunk's UTF-8; a lone surrogate as the stream
 * encodes it), in order, with the final newline, and each block it holds stays intact while
 * later ones are filled.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeChunks } from '../../src/cli/output.js';
import type { OutStream } from '../../src/cli/io.js';

/** A stream that keeps what it is given, as given, and asks for 'drain' now and then. */
function collector(): { stream: Writable; held: (Buffer | string)[]; bytes: () => Buffer } {
  const held: (Buffer | string)[] = [];
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      held.push(chunk); // kept, not copied: a block reused after being handed over would show here
      setImmediate(done);
    },
  });
  const bytes = () => Buffer.concat(held.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
  return { stream, held, bytes };
}

describe('writeChunks to a Node stream', () => {
  it('writes the UTF-8 of every chunk in order, in blocks of bytes, ending with a newline', async () => {
    const chunks = [
      ...Array.from({ length: 4000 }, (_, i) =>
        i % 7 === 0 ? `r\u00e9sum\u00e9 ${i} \u{1f600} \u2028\n` : i % 11 === 0 ? `half \ud800 pair ${i}\n` : `{"handle": "u${i}", "x": "\\u009b"}\n`,
      ),
      'y'.repeat(200 * 1024),
      '\u00e9'.repeat(40 * 1024),
      'end',
    ];
    const { stream, held, bytes } = collector();
    // (a Writable is what process.stdout is; its write's overloads don't match OutStream's one signature)
    await writeChunks(stream as unknown as OutStream, chunks);
    await new Promise<void>((resolve) => stream.end(resolve));
    const expected = Buffer.concat([...chunks, '\n'].map((c) => Buffer.from(c, 'utf8')));
    expect(bytes().equals(expected)).toBe(true);
    expect(held.filter((c) => typeof c !== 'string').length).toBeGreaterThan(3);
  });

  it('hands chunks of bytes over as they are, between the blocks of the text around them', async () => {
    const chunks = Array.from({ length: 3000 }, (_, i) => (i % 4 === 0 ? Buffer.from(`bytes \u00e9 ${i}\n`, 'utf8') : `text ${i}\n`));
    const { stream, held, bytes } = collector();
    await writeChunks(stream as unknown as OutStream, chunks);
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(bytes().equals(Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))))).toBe(true);
    // the byte chunks themselves were handed over (not copied into a block)
    const same = (a: Buffer | string, b: Buffer | string) => typeof a !== 'string' && typeof b !== 'string' && a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.length === b.length;
    expect(held.filter((c) => chunks.some((k) => same(c, k))).length).toBe(750);
  });
});
