/**
 * A Source over in-memory files. Used by tests, and by the archive readers once a .zip or
 * .tar.gz has been extracted (within bounds) into memory.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Source, SourceEntry } from './source.js';
import { checkTextSize } from './disk-source.js';

const BOM = /^\uFEFF/;

/** An entry over a buffer; `displayPrefix` is what messages show before the entry name. */
export function memoryEntry(name: string, content: Buffer | string, displayPrefix: string): SourceEntry {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    displayPath: displayPrefix ? `${displayPrefix}:${name}` : name,
    size: buf.length,
    readText: async () => {
      checkTextSize(buf.length, displayPrefix ? `${displayPrefix}:${name}` : name);
      return buf.toString('utf8').replace(BOM, '');
    },
    openStream: () => Readable.from([buf]),
  };
}

/** A Source of the given files (name -> content), hashed over sorted names and contents. */
export function makeMemorySource(path: string, files: Record<string, Buffer | string>, kind: Source['kind'] = 'folder'): Source {
  const names = Object.keys(files).sort();
  const hash = createHash('sha256');
  let totalBytes = 0;
  const entries = names.map((name) => {
    const content = files[name]!;
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    hash.update(name).update('\0').update(buf).update('\0');
    totalBytes += buf.length;
    return memoryEntry(name, buf, path);
  });
  return { path, kind, entries, sha256: hash.digest('hex'), totalBytes };
}
