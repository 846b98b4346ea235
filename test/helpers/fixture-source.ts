/** Test sources read from fixture folders and files on disk. */
import fs from 'node:fs';
import path from 'node:path';
import { makeMemorySource } from '../../src/import/memory-source.js';
import type { Source } from '../../src/import/source.js';

/** A folder as an in-memory Source: entry names relative to it, '/' separated. */
export function loadFolderSource(dir: string): Source {
  const files: Record<string, Buffer> = {};
  const walk = (sub: string): void => {
    for (const d of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${d.name}` : d.name;
      if (d.isDirectory()) walk(rel);
      else files[rel] = fs.readFileSync(path.join(dir, rel));
    }
  };
  walk('');
  return makeMemorySource(dir, files, 'folder');
}

/** One file as a single-entry Source named by its base name. */
export function loadFileSource(file: string): Source {
  return makeMemorySource(file, { [path.basename(file)]: fs.readFileSync(file) }, 'file');
}
