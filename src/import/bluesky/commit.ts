/**
 * The signed commit a repository export starts from: the CAR header's root (which need not be
 * the file's first block). Version 3 (current): `{did, version: 3, data, rev, prev, sig}`,
 * `rev` a TID. Version 2 (legacy, 2023): `{did, version: 2, data, prev, sig}`, no `rev`, `prev`
 * the previous commit. `data` is the root of the record tree in both. Version 1 (a `root`
 * object instead of `data`) never reached the network and is refused. The signature is not
 * checked: that needs the account's current key from its DID document, which is online.
 */
import { InputError } from '../../errors.js';
import { decodeBlock, isMap, linkBytes } from './decode-block.js';
import { isDid } from './identifiers.js';
import type { CarBlocks } from './read-car.js';
import { readTidTime } from './tid.js';

/** What the importer needs from a commit. */
export interface RepoCommit {
  did: string;
  version: 2 | 3;
  /** CID of the record tree's root node */
  data: Uint8Array;
  /** the v3 revision (a TID) and the time it encodes: when the repository last changed (not when it was exported) */
  rev?: string;
  revTime?: number;
}

/** Reads and checks the commit the header names; InputError naming the file otherwise. */
export function readCommit(blocks: CarBlocks): RepoCommit {
  const fail = (reason: string, expected: string, fix = 'import a repository export (a .car from Bluesky or `goat repo export`)'): never => {
    throw new InputError(reason, { file: blocks.file, field: 'commit', expected, fix });
  };
  if (blocks.roots.length === 0) fail('the CAR header names no root', 'one root: the signed commit');
  const commit = decodeBlock(blocks, blocks.roots[0]!, 'the commit (the root the header names)');
  if (!isMap(commit)) return fail('the root block is not a commit object', 'a map with did, version, data');
  if (commit['version'] === undefined && 'root' in commit) {
    fail('this is a version 1 repository (deprecated before the network opened)', 'a version 2 or 3 repository', 'export the repository again from its current server');
  }
  const version = commit['version'];
  if (version !== 2 && version !== 3) return fail(`unknown repository version ${JSON.stringify(version)}`, 'version 2 or 3');
  const did = commit['did'];
  if (typeof did !== 'string' || !isDid(did)) return fail('the commit has no valid did', "the account's DID, e.g. did:plc:…");
  const data = linkBytes(commit['data']);
  if (!data) return fail("the commit's data is not a link", 'a CID link to the root of the record tree');
  const out: RepoCommit = { did, version, data };
  const rev = commit['rev'];
  if (typeof rev === 'string') {
    out.rev = rev;
    const t = readTidTime(rev);
    if (t !== undefined) out.revTime = t;
  }
  // A v3 commit without a rev breaks the spec but loses nothing the importer needs beyond the
  // export time, which then only bounds plausible dates less tightly.
  return out;
}
