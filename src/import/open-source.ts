/** Opens a path as a Source: a plain file or a folder (archives: see the archive readers). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../cli/errors.js';
import type { Source, SourceEntry } from './source.js';

function fileEntry(abs: string, name: string, displayPath: string): SourceEntry {
  return {
    name,
    displayPath,
    size: fs.statSync(abs).size,
    readText: async () => (await fs.promises.readFile(abs, 'utf8')).replace(/^\uFEFF/, ''),
    openStream: () => fs.createReadStream(abs, { highWaterMark: 1 << 20 }),
  };
}

async function hashFile(abs: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(abs, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Opens a file or folder; a missing path is an InputError with a fix. */
export async function openSource(p: string): Promise<Source> {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) throw new InputError('no such file or folder', { file: p, fix: 'check the path' });
  if (stat.isDirectory()) {
    const names = (fs.readdirSync(p, { recursive: true }) as string[]).filter((n) => fs.statSync(path.join(p, n)).isFile()).sort();
    const hash = createHash('sha256');
    let totalBytes = 0;
    const entries = [];
    for (const n of names) {
      const name = n.split(path.sep).join('/');
      hash.update(name).update('\0').update(await hashFile(path.join(p, n)));
      const e = fileEntry(path.join(p, n), name, path.join(p, n));
      totalBytes += e.size;
      entries.push(e);
    }
    return { path: p, kind: 'folder', entries, sha256: hash.digest('hex'), totalBytes };
  }
  const entry = fileEntry(p, path.basename(p), p);
  return { path: p, kind: 'file', entries: [entry], sha256: await hashFile(p), totalBytes: entry.size };
}
