/**
 * Sources read straight from disk: a plain file (one entry, streamed, so multi-GB tables
 * never sit in memory) and a folder (every regular file below it; symbolic links are not
 * followed, so nothing outside the folder is read).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import { InputError } from '../errors.js';
import { isMediaName } from './archive/limits.js';
import { hashFile } from './hash-file.js';
import type { Source, SourceEntry } from './source.js';

/** Largest file `readText` will load whole: V8's longest string (about 512 MiB). */
export const MAX_TEXT_BYTES = 0x1fffffe8;

/**
 * Bytes per read from disk. 64 KiB (Node's default), not more: a CSV chunk is parsed into
 * its records at once, and every young-generation GC copies the records not yet imported;
 * with 256 KiB chunks (~3,800 rows of the 1M-row benchmark at a time) that copying made
 * the importing thread's CPU 5-9% higher (measured alternating in one process).
 */
export const READ_CHUNK_BYTES = 64 * 1024;

/** An InputError when a file is too large to read whole as one string (the formats that need that are small files). */
export function checkTextSize(size: number, file: string): void {
  if (size > MAX_TEXT_BYTES) {
    throw new InputError(`file is too large to read whole (${size} bytes)`, {
      file,
      expected: `at most ${MAX_TEXT_BYTES} bytes for this kind of file`,
      fix: 'split the file, or convert it to CSV or NDJSON, which are streamed',
    });
  }
}

/**
 * One plain file as a Source, named in messages and the imports log `shown.as`, its entry
 * `shown.name` (standard input is read from a temporary copy: 'stdin', and an entry name
 * whose extension says what its content is). Its hash is taken from the adapter's own reading of the file
 * (each chunk as it is read), not from a pass of its own before it: the hash is only needed
 * once the import is read (for the imports log), and hashing 66 MB first held back the
 * 1M-row import's first batch to the database writer, the busier of its two threads, by
 * about 0.1 s. When no reading went through the whole file as a stream (a small file read
 * whole), the file is hashed when the hash is asked for.
 */
export async function openFileSource(path: string, size: number, shown: { as: string; name: string } = { as: path, name: nodePath.basename(path) }): Promise<Source> {
  let digest: string | undefined;
  const entry = diskEntry(shown.name, path, size, (hex) => void (digest ??= hex), shown.as);
  let hashing: Promise<string> | undefined;
  // a lazy thenable: nothing is hashed unless the hash is awaited, after the reading
  const sha256: PromiseLike<string> = {
    then(onFulfilled, onRejected) {
      hashing ??= digest !== undefined ? Promise.resolve(digest) : hashFile(path);
      return hashing.then(onFulfilled, onRejected);
    },
  };
  return { path: shown.as, kind: 'file', entries: [entry], sha256, totalBytes: size };
}

/**
 * A folder as a Source. The hash covers sorted names and contents (media files by name
 * and size only: they are never imported, and hashing gigabytes of video would dominate).
 */
export async function openFolderSource(path: string): Promise<Source> {
  const found: { name: string; size: number }[] = [];
  await walk(path, '', found);
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash('sha256');
  let totalBytes = 0;
  const entries: SourceEntry[] = [];
  for (const { name, size } of found) {
    const full = nodePath.join(path, ...name.split('/'));
    hash.update(name).update('\0');
    if (isMediaName(name)) hash.update(`size:${size}`);
    else for await (const chunk of fs.createReadStream(full, { highWaterMark: READ_CHUNK_BYTES })) hash.update(chunk as Buffer);
    hash.update('\0');
    totalBytes += size;
    entries.push(diskEntry(name, full, size));
  }
  return { path, kind: 'folder', entries, sha256: hash.digest('hex'), totalBytes };
}

async function walk(root: string, prefix: string, out: { name: string; size: number }[]): Promise<void> {
  const dirents = await fs.promises.readdir(prefix ? nodePath.join(root, ...prefix.split('/')) : root, { withFileTypes: true });
  for (const d of dirents) {
    const name = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) await walk(root, name, out);
    else if (d.isFile()) out.push({ name, size: (await fs.promises.stat(nodePath.join(root, ...name.split('/')))).size });
    // symbolic links, sockets, devices: skipped (a link could lead out of the folder)
  }
}

/** An entry of a file on disk; `onHashed` gets the file's sha256 once a stream of it was read to the end. */
function diskEntry(name: string, file: string, size: number, onHashed?: (hex: string) => void, shownAs = file): SourceEntry {
  return {
    name,
    displayPath: shownAs,
    size,
    readText: async () => {
      checkTextSize(size, shownAs);
      return (await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    },
    // 256 KiB reads: in 64 KiB reads a 300 MB outbox spent seconds in read calls alone
    openStream: () => {
      const stream = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
      if (onHashed) {
        // Every chunk read from the file passes push() in order, and its end is push(null);
        // a stream closed early (format detection) never ends, and hashes nothing. (Not a
        // 'data' listener: that would start the stream flowing before its reader is there.)
        const hash = createHash('sha256');
        const push = stream.push.bind(stream);
        stream.push = (chunk: unknown, encoding?: BufferEncoding) => {
          if (chunk === null) onHashed(hash.digest('hex'));
          else hash.update(chunk as Buffer);
          return push(chunk, encoding);
        };
      }
      return stream;
    },
  };
}
