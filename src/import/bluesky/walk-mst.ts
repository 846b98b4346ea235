/**
 * Walking a repository's Merkle Search Tree (atproto spec, "Repository": MST) in key order.
 * A node is `{l, e}`: `l` the subtree of keys before the first entry (or null), `e` the
 * entries, each `{p, k, v, t}`: the key is the previous entry's key cut to `p` bytes plus
 * `k`, `v` the record's CID, `t` the subtree of keys between this entry and the next.
 * Worked example: entries {p:0,k:"app.bsky.feed.like/3ja"} then {p:20,k:"b"} are the keys
 * app.bsky.feed.like/3ja and app.bsky.feed.like/3jb.
 *
 * Records are found ONLY by walking the tree from the commit's `data` root, never by scanning
 * the file's blocks: a CAR may also carry blocks that are not in the current tree (records
 * since deleted or edited, older tree nodes, another commit's diff), and those are not part
 * of the repository; importing them would bring back deleted posts, likes and follows.
 */
import { InputError } from '../../errors.js';
import { byteString, decodeBlock, isMap, linkBytes } from './decode-block.js';
import type { CarBlocks } from './read-car.js';

/** Deeper than any real tree: each level holds ~4x more keys (2 bits of the key's hash per level). */
export const MAX_TREE_DEPTH = 128;
/** Longer than any valid key (a collection NSID of at most 317 characters, '/', a key of at most 512). */
export const MAX_KEY_BYTES = 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Calls `visit(key, recordCid, index)` for every record in the tree under `root`, in
 * ascending key order. InputError for a missing, corrupted or malformed node, or keys out
 * of order (a tree that is not a valid MST).
 */
export function walkMst(blocks: CarBlocks, root: Uint8Array, visit: (key: string, cid: Uint8Array, index: number) => void): number {
  let previous: string | undefined;
  let count = 0;
  const fail = (reason: string): never => {
    throw new InputError(reason, {
      file: blocks.file,
      expected: 'a record tree (MST) as the atproto repository spec defines it',
      fix: 'the file is damaged or not a repository export: export the repository again',
    });
  };

  const walk = (cid: Uint8Array, depth: number): void => {
    if (depth > MAX_TREE_DEPTH) fail(`the record tree is deeper than ${MAX_TREE_DEPTH} levels`);
    const node = decodeBlock(blocks, cid, `a record tree node (level ${depth})`);
    if (!isMap(node) || !Array.isArray(node['e'])) return fail(`a record tree node (level ${depth}) has no entry list 'e'`);
    const left = node['l'];
    if (left !== null && left !== undefined) walk(linkOrFail(left, 'l'), depth + 1);
    let key = new Uint8Array(0);
    for (const [i, entry] of (node['e'] as unknown[]).entries()) {
      if (!isMap(entry)) return fail(`entry ${i} of a record tree node is not a map`);
      const p = entry['p'];
      const suffix = byteString(entry['k']);
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > key.length) fail(`entry ${i} of a record tree node has a bad prefix length ${String(p)}`);
      if (!suffix) return fail(`entry ${i} of a record tree node has no key bytes 'k'`);
      if ((p as number) + suffix.length > MAX_KEY_BYTES) fail(`entry ${i} of a record tree node has a key longer than ${MAX_KEY_BYTES} bytes`);
      const next = new Uint8Array((p as number) + suffix.length);
      next.set(key.subarray(0, p as number));
      next.set(suffix, p as number);
      key = next;
      let text: string;
      try {
        text = utf8.decode(key);
      } catch {
        return fail(`entry ${i} of a record tree node has a key that is not UTF-8`);
      }
      // Keys are ASCII, so UTF-16 order is byte order; strictly increasing also rules out a
      // subtree linked twice.
      if (previous !== undefined && text <= previous) fail(`record keys out of order in the tree ('${previous}' then '${text}')`);
      previous = text;
      visit(text, linkOrFail(entry['v'], 'v'), count++);
      const right = entry['t'];
      if (right !== null && right !== undefined) walk(linkOrFail(right, 't'), depth + 1);
    }
  };
  const linkOrFail = (v: unknown, field: string): Uint8Array => linkBytes(v) ?? fail(`a record tree node's '${field}' is not a link`);

  walk(root, 0);
  return count;
}
