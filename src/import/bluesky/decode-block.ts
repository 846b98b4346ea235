/**
 * Decoding one verified block as DAG-CBOR (@atcute/cbor: strict, non-recursive, so deep
 * nesting cannot overflow the stack) and reading its links and byte strings.
 */
import * as CBOR from '@atcute/cbor';
import { InputError } from '../../errors.js';
import type { CarBlocks } from './read-car.js';
import { showCid } from './read-car.js';

/** The decoded block with this CID; InputError naming `what` when it is missing, corrupted or not DAG-CBOR. */
export function decodeBlock(blocks: CarBlocks, cid: Uint8Array, what: string): unknown {
  const bytes = blocks.get(cid, what);
  try {
    return CBOR.decode(bytes);
  } catch (err) {
    throw new InputError(`${what} is not valid DAG-CBOR (block ${showCid(cid)}: ${err instanceof Error ? err.message : String(err)})`, {
      file: blocks.file,
      expected: 'DAG-CBOR records and tree nodes',
      fix: 'the file is damaged: export the repository again',
    });
  }
}

/**
 * A record block decoded, or why it cannot be: unlike a tree node, a record whose bytes match
 * its hash but are not DAG-CBOR (written by a lax server) is one bad record, not a damaged
 * file. A missing or corrupted block is still an InputError.
 */
export function decodeRecordBlock(blocks: CarBlocks, cid: Uint8Array, what: string): { value: unknown } | { error: string } {
  const bytes = blocks.get(cid, what);
  try {
    return { value: CBOR.decode(bytes) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The CID bytes of a decoded link (`{$link}`), or undefined when `v` is not a link. */
export function linkBytes(v: unknown): Uint8Array | undefined {
  return v instanceof CBOR.CidLinkWrapper ? v.bytes : undefined;
}

/** The bytes of a decoded byte string, or undefined when `v` is not one. */
export function byteString(v: unknown): Uint8Array | undefined {
  return v instanceof CBOR.BytesWrapper ? v.buf : undefined;
}

/** True for a decoded CBOR map (a plain object). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof CBOR.CidLinkWrapper) && !(v instanceof CBOR.BytesWrapper);
}
