/**
 * Writes atproto repository exports (CARv1) for tests and benchmarks, from the spec and with
 * a different encoder (@ipld/dag-cbor + multiformats) than the importer reads with
 * (@atcute), so a shared misreading cannot make both sides agree:
 *
 *   const car = writeRepo({ did: ALICE, records: [post('3kabc…', { text: 'hi' })] });
 *
 * The record tree is a real MST: each key's level is the number of leading zero bit-pairs of
 * sha-256(key) (fanout 4), entries share key prefixes within a node. Options reproduce what
 * real exports do (the commit is not the first block; a legacy v2 commit) and what damaged or
 * hostile files do (extra blocks outside the tree, a corrupted byte, a truncation).
 */
import { createHash } from 'node:crypto';
import * as dagCbor from '@ipld/dag-cbor';
import { CID } from 'multiformats/cid';
import * as Digest from 'multiformats/hashes/digest';

const DAG_CBOR = 0x71;
const SHA256 = 0x12;

/** One record: its key (`collection/rkey`) and its value (`$type` and fields; links as CIDs). */
export interface RepoRecord {
  key: string;
  value: unknown;
}

export interface RepoOptions {
  did: string;
  records: RepoRecord[];
  /** 3 (default: `rev` and `prev: null`) or 2 (legacy: no `rev`, `prev` a CID or null) */
  version?: 2 | 3;
  /** the v3 rev, a TID (default: tidAt(2025-03-10T00:00:00Z)) */
  rev?: string;
  /** the v2 `prev` (default: a link to a made-up previous commit) */
  prev?: CID | null;
  /** where the commit block goes in the file (default 'last': the first block is a tree node, as in real exports) */
  commitAt?: 'first' | 'last';
  /** records written to the file but not linked from the tree (deleted records left in a CAR) */
  unreachable?: unknown[];
}

/** A block: its CID and bytes. */
export interface Block {
  cid: CID;
  bytes: Uint8Array;
}

/** The CID and bytes of a DAG-CBOR value. */
export function encodeBlock(value: unknown): Block {
  const bytes = dagCbor.encode(value);
  return { cid: cidOf(bytes), bytes };
}

/** The atproto CID (v1, DAG-CBOR, sha-256) of some bytes. */
export function cidOf(bytes: Uint8Array): CID {
  return CID.createV1(DAG_CBOR, Digest.create(SHA256, createHash('sha256').update(bytes).digest()));
}

/** A CID standing for a record we do not have (the `cid` half of a strong reference). */
export function fakeCid(seed: string): CID {
  return cidOf(new TextEncoder().encode(seed));
}

const TID_CHARS = '234567abcdefghijklmnopqrstuvwxyz';

/** The TID of epoch ms `t` (clock id `clock`): 53 bits of microseconds, 10 of clock id, base32-sortable. */
export function tidAt(t: number, clock = 0): string {
  let v = (BigInt(t) * 1000n << 10n) | BigInt(clock & 1023);
  let s = '';
  for (let i = 0; i < 13; i++) {
    s = TID_CHARS[Number(v & 31n)]! + s;
    v >>= 5n;
  }
  return s;
}

/** The MST level of a key: leading zero bit-pairs of its sha-256. */
export function keyLevel(key: string): number {
  const hash = createHash('sha256').update(key).digest();
  let level = 0;
  for (const byte of hash) {
    if (byte === 0) {
      level += 4;
      continue;
    }
    if ((byte & 0xc0) === 0) level++;
    if ((byte & 0xf0) === 0) level++;
    if ((byte & 0xfc) === 0) level++;
    break;
  }
  return level;
}

interface Leaf {
  key: string;
  level: number;
  cid: CID;
}

/** Builds the tree node for `leaves` (sorted, all at `level` or below); returns its CID, or null when empty. */
function buildNode(leaves: Leaf[], level: number, out: Block[]): CID | null {
  if (leaves.length === 0) return null;
  if (level < 0) throw new Error('mst: leaves below level 0');
  const here = leaves.map((l, i) => (l.level === level ? i : -1)).filter((i) => i >= 0);
  const left = buildNode(leaves.slice(0, here[0] ?? leaves.length), level - 1, out);
  const entries: unknown[] = [];
  let previous = new Uint8Array(0);
  here.forEach((index, n) => {
    const leaf = leaves[index]!;
    const key = new TextEncoder().encode(leaf.key);
    let p = 0;
    while (p < previous.length && p < key.length && previous[p] === key[p]) p++;
    const right = buildNode(leaves.slice(index + 1, here[n + 1] ?? leaves.length), level - 1, out);
    entries.push({ p, k: key.subarray(p), v: leaf.cid, t: right });
    previous = key;
  });
  const node = encodeBlock({ l: left, e: entries });
  out.push(node);
  return node.cid;
}

/** The record tree of `records` as blocks (records first, then nodes) and its root. */
export function buildTree(records: RepoRecord[]): { root: CID; blocks: Block[] } {
  const blocks: Block[] = [];
  const leaves: Leaf[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.key)) throw new Error(`duplicate key ${r.key}`);
    seen.add(r.key);
    const block = encodeBlock(r.value);
    blocks.push(block);
    leaves.push({ key: r.key, level: keyLevel(r.key), cid: block.cid });
  }
  leaves.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const top = leaves.reduce((m, l) => Math.max(m, l.level), 0);
  const root = buildNode(leaves, top, blocks) ?? (() => {
    const empty = encodeBlock({ l: null, e: [] });
    blocks.push(empty);
    return empty.cid;
  })();
  return { root, blocks };
}

/** A CARv1 file of a repository: header (root = the commit), then the blocks. */
export function writeRepo(options: RepoOptions): Buffer {
  const tree = buildTree(options.records);
  const version = options.version ?? 3;
  const sig = new Uint8Array(64).fill(7); // never checked offline: the signing key is in the DID document
  const commitValue =
    version === 3
      ? { did: options.did, version: 3, data: tree.root, rev: options.rev ?? tidAt(Date.UTC(2025, 2, 10)), prev: null, sig }
      : { did: options.did, version: 2, data: tree.root, prev: options.prev === undefined ? fakeCid('previous commit') : options.prev, sig };
  const commit = encodeBlock(commitValue);
  const extra = (options.unreachable ?? []).map(encodeBlock);
  const blocks = options.commitAt === 'first' ? [commit, ...tree.blocks.reverse(), ...extra] : [...tree.blocks.reverse(), ...extra, commit];
  return writeCar([commit.cid], blocks);
}

/** CARv1 bytes: varint-prefixed DAG-CBOR header `{roots, version: 1}`, then varint-prefixed (CID bytes + block bytes). */
export function writeCar(roots: CID[], blocks: Block[]): Buffer {
  const parts: Uint8Array[] = [];
  const header = dagCbor.encode({ version: 1, roots });
  parts.push(varint(header.length), header);
  for (const b of blocks) parts.push(varint(b.cid.bytes.length + b.bytes.length), b.cid.bytes, b.bytes);
  return Buffer.concat(parts);
}

/** An unsigned LEB128 varint. */
export function varint(n: number): Uint8Array {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Uint8Array.from(out);
}

// ---- records, as the app.bsky lexicons define them ----

/** A strong reference to a record of `did`. */
export function strongRef(did: string, collection: string, rkey: string): { uri: string; cid: CID } {
  const uri = `at://${did}/${collection}/${rkey}`;
  return { uri, cid: fakeCid(uri) };
}

/** An app.bsky.feed.post record at `rkey` (fields as given, `$type` and `createdAt` filled in). */
export function post(rkey: string, fields: Record<string, unknown> = {}): RepoRecord {
  return { key: `app.bsky.feed.post/${rkey}`, value: { $type: 'app.bsky.feed.post', text: '', createdAt: '2025-01-02T03:04:05.678Z', ...fields } };
}

/** An app.bsky.feed.like of `did`'s post `rkey`. */
export function like(rkey: string, did: string, postRkey: string, createdAt = '2025-01-02T03:04:05.678Z'): RepoRecord {
  return { key: `app.bsky.feed.like/${rkey}`, value: { $type: 'app.bsky.feed.like', subject: strongRef(did, 'app.bsky.feed.post', postRkey), createdAt } };
}

/** An app.bsky.feed.repost of `did`'s post `rkey`. */
export function repost(rkey: string, did: string, postRkey: string, createdAt = '2025-01-02T03:04:05.678Z'): RepoRecord {
  return { key: `app.bsky.feed.repost/${rkey}`, value: { $type: 'app.bsky.feed.repost', subject: strongRef(did, 'app.bsky.feed.post', postRkey), createdAt } };
}

/** An app.bsky.graph.follow of `did`. */
export function follow(rkey: string, did: string, createdAt = '2025-01-02T03:04:05.678Z'): RepoRecord {
  return { key: `app.bsky.graph.follow/${rkey}`, value: { $type: 'app.bsky.graph.follow', subject: did, createdAt } };
}

/** The app.bsky.actor.profile record (key `self`). */
export function profile(fields: Record<string, unknown>): RepoRecord {
  return { key: 'app.bsky.actor.profile/self', value: { $type: 'app.bsky.actor.profile', ...fields } };
}

/** Any record of any collection. */
export function record(collection: string, rkey: string, fields: Record<string, unknown>): RepoRecord {
  return { key: `${collection}/${rkey}`, value: { $type: collection, ...fields } };
}
