/**
 * Recognising a Bluesky repository (CAR) file, apart from reading one: the registry loads
 * this for every import; the CBOR decoder (@atcute) and the reader load only for a file
 * whose first bytes frame a CAR header.
 */
import nodePath from 'node:path';
import type { Source, SourceEntry } from '../source.js';
import { readEntryHead } from '../entry-head.js';

/** The format's name and line for `--help`. */
export const BLUESKY_FORMAT = {
  format: 'bluesky',
  description: 'Bluesky repository export (repo.car, or <handle>.<time>.car from goat): the file, a folder or a .zip of it',
} as const;

/** Bytes read to recognise a CAR: a one-root header is about 60 bytes. */
const HEAD_BYTES = 1024;

/** The entries that may be repository files: a lone file, else `*.car` and names without an extension. */
export function carCandidates(source: Source): SourceEntry[] {
  if (source.entries.length === 1) return source.entries;
  return source.entries.filter((e) => {
    const base = nodePath.posix.basename(e.name);
    return /\.car$/i.test(base) || !base.includes('.');
  });
}

/**
 * Where the header block of a CARv1 file lies in `head` ([start, end)): after a varint
 * length, a DAG-CBOR map of two keys. Undefined when the bytes cannot start a CAR.
 */
export function carHeaderSpan(head: Uint8Array): [number, number] | undefined {
  let length = 0;
  let shift = 0;
  let i = 0;
  for (; i < 4; i++) {
    const b = head[i];
    if (b === undefined) return undefined;
    length += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) break;
  }
  if (i === 4 || length === 0 || i + 1 + length > head.length) return undefined;
  if (head[i + 1] !== 0xa2) return undefined; // a DAG-CBOR map of two keys
  return [i + 1, i + 1 + length];
}

/** True when the entry's content starts like a CARv1 file. */
export async function entryIsCar(entry: SourceEntry): Promise<boolean> {
  if (entry.size < 40) return false;
  const head = await readEntryHead(entry, HEAD_BYTES);
  if (carHeaderSpan(head) === undefined) return false;
  return (await import('./car-head.js')).isCarHead(head);
}

/** True when the source holds a repository file. */
export async function detectBluesky(source: Source): Promise<boolean> {
  for (const entry of carCandidates(source)) if (await entryIsCar(entry)) return true;
  return false;
}
