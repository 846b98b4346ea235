/**
 * Reading a CARv1 file (IPLD "Content Addressable aRchive", the format of atproto repository
 * exports) into a bounded, verified block index. The file is untrusted: its size is capped
 * (MAX_CAR_BYTES, documented in the README), every block length is checked against the bytes
 * that are really there (a length field of 2^50 is an error, not an allocation), and every
 * block is hashed before use: a block whose bytes do not match its CID is a corrupted file.
 * Framing is parsed by @atcute/car, which accepts only atproto's CIDs (v1, sha-256, DAG-CBOR
 * or raw).
 */
import crypto from 'node:crypto';
import { fromUint8Array } from '@atcute/car';
import * as CID from '@atcute/cid';
import { InputError } from '../../errors.js';
import type { SourceEntry } from '../source.js';

/** Bounds on one repository file. */
export interface CarLimits {
  /** largest CAR file read (it is held in memory whole: blocks come in any order) */
  maxBytes: number;
  /** largest block decoded (records and tree nodes are small; a huge one is not a real repository) */
  maxBlockBytes: number;
}

/** 1 GiB per file (the same cap as for archives), 4 MiB per block. */
export const DEFAULT_CAR_LIMITS: Readonly<CarLimits> = Object.freeze({ maxBytes: 1024 ** 3, maxBlockBytes: 4 * 1024 ** 2 });

const REEXPORT = 'the file is damaged or cut off: export the repository again (Bluesky: Settings > Account > Export my data, or `goat repo export HANDLE`)';

/** The blocks of one CAR file, by CID, read on demand and verified against their hash. */
export interface CarBlocks {
  /** the file, as messages name it */
  file: string;
  /** the header's root CIDs (bytes) */
  roots: Uint8Array[];
  /** how many distinct blocks the file holds */
  size: number;
  /** the verified bytes of the block with this CID; InputError (naming `what`) when it is missing or corrupted */
  get(cid: Uint8Array, what: string): Uint8Array;
  /** true when the file holds a block with this CID */
  has(cid: Uint8Array): boolean;
}

/** The whole content of an entry as bytes, refusing more than `maxBytes`. */
export async function readEntryBytes(entry: SourceEntry, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (): InputError =>
    new InputError(`repository file is larger than ${maxBytes} bytes`, {
      file: entry.displayPath,
      expected: `a CAR file of at most ${maxBytes} bytes`,
      fix: 'this is larger than any account repository seen so far; check that it is a Bluesky repository export',
    });
  if (entry.size > maxBytes) throw tooLarge();
  // Filled in place (one copy of the file in memory, not two); an entry already in memory
  // arrives as one chunk and is used as it is.
  let out: Buffer | undefined;
  let total = 0;
  for await (const chunk of entry.openStream()) {
    const buf = chunk as Buffer;
    if (total === 0 && buf.length === entry.size) {
      out = buf;
      total = buf.length;
      continue;
    }
    if (total + buf.length > maxBytes) throw tooLarge();
    if (!out || out.length < total + buf.length) {
      // the entry grew while being read, or came in pieces after a whole first chunk
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(entry.size, 2 * (total + buf.length))));
      if (out) out.copy(bigger, 0, 0, total);
      out = bigger;
    }
    buf.copy(out, total);
    total += buf.length;
  }
  return out ? out.subarray(0, total) : new Uint8Array(0);
}

/**
 * Indexes the blocks of a CAR file (no block is decoded here). InputError naming the file
 * for anything that is not a complete CARv1: a bad header, a block running past the end
 * (a truncated download), a CID that is not atproto's, an absurd block length.
 */
export function indexCar(bytes: Uint8Array, file: string, limits: CarLimits = DEFAULT_CAR_LIMITS): CarBlocks {
  const fail = (reason: string, expected: string): never => {
    throw new InputError(reason, { file, expected, fix: REEXPORT });
  };
  let reader: ReturnType<typeof fromUint8Array>;
  try {
    reader = fromUint8Array(bytes);
  } catch (err) {
    return fail(`not a readable CAR file: bad header (${describe(err)})`, 'a CARv1 header (a DAG-CBOR map {version: 1, roots: [commit CID]})');
  }
  // Offsets into `bytes`, keyed by the CID's bytes: no copy of any block is made.
  const index = new Map<string, number>();
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = reader.header.headerEnd;
  try {
    for (const entry of reader) {
      const length = entry.bytesEnd - entry.bytesStart;
      if (length > limits.maxBlockBytes) {
        fail(`block at byte ${entry.entryStart} is ${length} bytes long`, `blocks of at most ${limits.maxBlockBytes} bytes`);
      }
      const key = cidKey(entry.cid.bytes);
      if (!index.has(key)) {
        index.set(key, starts.length);
        starts.push(entry.bytesStart);
        ends.push(entry.bytesEnd);
      }
      offset = entry.entryEnd;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const expected = 'complete blocks, each a length, an atproto CID (v1, sha-256) and its bytes';
    const claimed = readVarint(bytes, offset);
    if (claimed === undefined) fail(`the file ends inside a block's length (at byte ${offset} of ${bytes.length}): it is truncated`, expected);
    const remaining = bytes.length - claimed!.end;
    if (claimed!.value > remaining) {
      fail(`the block at byte ${offset} claims ${claimed!.value} bytes but only ${remaining} remain: the file is truncated (or that length is damaged)`, expected);
    }
    fail(`unreadable block at byte ${offset} (${describe(err)})`, expected);
  }
  const roots = reader.roots.map((r) => (r as unknown as { bytes: Uint8Array }).bytes);
  return {
    file,
    roots,
    size: starts.length,
    has: (cid) => index.has(cidKey(cid)),
    get(cid, what) {
      const i = index.get(cidKey(cid));
      if (i === undefined) {
        return fail(`${what} is missing from the file (block ${showCid(cid)})`, 'every block the repository tree links to');
      }
      const block = bytes.subarray(starts[i]!, ends[i]!);
      if (!digestMatches(cid, block)) {
        return fail(`${what} is corrupted: block ${showCid(cid)} does not match its hash`, 'blocks whose sha-256 matches their CID');
      }
      return block;
    },
  };
}

/** The unsigned varint at `at` and the offset after it, or undefined when the bytes end first (or it runs past 8 bytes). */
function readVarint(bytes: Uint8Array, at: number): { value: number; end: number } | undefined {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const b = bytes[at + i];
    if (b === undefined) return undefined;
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return { value, end: at + i + 1 };
  }
  return { value, end: at + 8 };
}

function cidKey(cid: Uint8Array): string {
  return Buffer.from(cid.buffer, cid.byteOffset, cid.byteLength).toString('latin1');
}

// crypto.hash (Node 20.12+) is a one-shot digest about twice as fast as createHash for small blocks.
const sha256: (data: Uint8Array) => Buffer =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'buffer') : (data) => crypto.createHash('sha256').update(data).digest();

/** A CIDv1 (01, codec, 0x12 sha-256, 0x20 = 32 bytes, digest) whose digest is the block's sha-256. */
function digestMatches(cid: Uint8Array, block: Uint8Array): boolean {
  if (cid.length !== 36 || cid[2] !== 0x12 || cid[3] !== 0x20) return false;
  return sha256(block).equals(cid.subarray(4));
}

/** A CID as atproto tools print it (`bafyrei…`), for messages. */
export function showCid(cid: Uint8Array): string {
  try {
    return CID.toString(CID.decode(cid));
  } catch {
    return `0x${Buffer.from(cid.subarray(0, 40)).toString('hex')}`;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
