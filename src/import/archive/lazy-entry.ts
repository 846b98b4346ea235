/**
 * An archive entry whose bytes are read from the archive only if someone asks: media files
 * are listed (so adapters can report them as skipped) but never inflated into memory.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { SourceEntry } from '../source.js';
import { checkTextSize } from '../disk-source.js';

/** An entry that calls `open` (which re-reads the archive, within its bounds) on demand. */
export function lazyEntry(name: string, size: number, displayPrefix: string, open: () => Promise<Readable>): SourceEntry {
  return {
    name,
    displayPath: `${displayPrefix}:${name}`,
    size,
    readText: async () => {
      checkTextSize(size, `${displayPrefix}:${name}`);
      const chunks: Buffer[] = [];
      for await (const chunk of await open()) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
    },
    openStream: () => {
      const out = new PassThrough();
      open().then(
        (stream) => {
          stream.on('error', (err) => out.destroy(err));
          stream.pipe(out);
        },
        (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
      );
      return out;
    },
  };
}
