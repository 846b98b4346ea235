/**
 * The first bytes of an archive entry, read without reading the rest: how every adapter
 * recognises its files (a CSV header, a `window.YTD` prefix, a CAR header). An entry that
 * cannot be read has no head (empty), so detection says "not mine" instead of failing.
 */
import type { SourceEntry } from './source.js';

/** Up to `maxBytes` from the start of the entry (fewer when it is shorter or unreadable). */
export async function readEntryHead(entry: SourceEntry, maxBytes: number): Promise<Buffer> {
  const stream = entry.openStream();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(buf);
      size += buf.length;
      if (size >= maxBytes) break;
    }
  } catch {
    return Buffer.alloc(0);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}

/** The head as text, without a byte-order mark. */
export async function readEntryHeadText(entry: SourceEntry, maxBytes: number): Promise<string> {
  return (await readEntryHead(entry, maxBytes)).toString('utf8').replace(/^\uFEFF/, '');
}
