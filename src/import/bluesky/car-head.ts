/** Recognising a CARv1 file by its first bytes: a varint length, then the DAG-CBOR header map `{roots, version: 1}`. */
import * as CBOR from '@atcute/cbor';
import type { SourceEntry } from '../source.js';
import { isMap } from './decode-block.js';
import { readEntryHead } from '../entry-head.js';

/** Bytes read to recognise a CAR: a one-root header is about 60 bytes. */
const HEAD_BYTES = 1024;

/** True when `head` starts with a CARv1 header (version 1 and a list of roots). */
export function isCarHead(head: Uint8Array): boolean {
  let length = 0;
  let shift = 0;
  let i = 0;
  for (; i < 4; i++) {
    const b = head[i];
    if (b === undefined) return false;
    length += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) break;
  }
  if (i === 4 || length === 0 || i + 1 + length > head.length) return false;
  if (head[i + 1] !== 0xa2) return false; // a DAG-CBOR map of two keys

  try {
    const header = CBOR.decode(head.subarray(i + 1, i + 1 + length));
    return isMap(header) && header['version'] === 1 && Array.isArray(header['roots']);
  } catch {
    return false;
  }
}

/** True when the entry's content starts like a CARv1 file. */
export async function entryIsCar(entry: SourceEntry): Promise<boolean> {
  if (entry.size < 40) return false;
  return isCarHead(await readEntryHead(entry, HEAD_BYTES));
}
