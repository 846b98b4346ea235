/** Recognising a CARv1 file by its first bytes: a varint length, then the DAG-CBOR header map `{roots, version: 1}`. */
import * as CBOR from '@atcute/cbor';
import { isMap } from './decode-block.js';
import { carHeaderSpan } from './detect.js';

/** True when `head` starts with a CARv1 header (version 1 and a list of roots). */
export function isCarHead(head: Uint8Array): boolean {
  const span = carHeaderSpan(head);
  if (span === undefined) return false;
  try {
    const header = CBOR.decode(head.subarray(span[0], span[1]));
    return isMap(header) && header['version'] === 1 && Array.isArray(header['roots']);
  } catch {
    return false;
  }
}
