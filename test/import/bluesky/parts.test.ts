import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { isCarHead } from '../../../src/import/bluesky/car-head.js';
import { EARLIEST_PLAUSIBLE, judgeTime, parseDatetime } from '../../../src/import/bluesky/datetime.js';
import { isDid, normalizeHandle, parseAtUri, readGoatFileName, splitRepoKey } from '../../../src/import/bluesky/identifiers.js';
import { Readable } from 'node:stream';
import { indexCar, readEntryBytes } from '../../../src/import/bluesky/read-car.js';
import type { SourceEntry } from '../../../src/import/source.js';
import { readTidTime } from '../../../src/import/bluesky/tid.js';
import { walkMst } from '../../../src/import/bluesky/walk-mst.js';
import { buildTree, encodeBlock, fakeCid, tidAt, writeCar, writeRepo } from '../../helpers/bluesky-repo.js';

describe('TIDs', () => {
  it('decode to the time they encode (the sample commit rev, and round trips of the fixture writer)', () => {
    expect(new Date(readTidTime('3ljlyqit2uk2l')!).toISOString()).toBe('2025-03-05T03:06:28.274Z');
    for (const t of [0, Date.UTC(2023, 3, 1, 12, 0, 0, 5), Date.UTC(2099, 11, 31)]) expect(readTidTime(tidAt(t, 513))).toBe(t);
  });

  it('refuse what is not a TID', () => {
    for (const s of ['self', '3ljlyqit2uk2', '3ljlyqit2uk2l0', 'zljlyqit2uk2l', '3LJLYQIT2UK2L']) expect(readTidTime(s)).toBeUndefined();
  });
});

describe('record date-times', () => {
  it('read milliseconds, 6 and 9 fractional digits (truncated to ms), zones and no zone (UTC)', () => {
    expect(parseDatetime('2024-08-27T03:39:06.474134Z')).toBe(Date.UTC(2024, 7, 27, 3, 39, 6, 474));
    expect(parseDatetime('2024-08-27T03:39:06.474134999Z')).toBe(Date.UTC(2024, 7, 27, 3, 39, 6, 474));
    expect(parseDatetime('2024-08-27T03:39:06Z')).toBe(Date.UTC(2024, 7, 27, 3, 39, 6));
    expect(parseDatetime('2024-08-27T05:39:06.5+02:00')).toBe(Date.UTC(2024, 7, 27, 3, 39, 6, 500));
    expect(parseDatetime('2024-08-26T22:39:06-0500')).toBe(Date.UTC(2024, 7, 27, 3, 39, 6));
    expect(parseDatetime('2024-08-27t03:39:06.474')).toBe(Date.UTC(2024, 7, 27, 3, 39, 6, 474));
    expect(parseDatetime('0001-01-01T00:00:00Z')).toBe(Date.UTC(2000, 0, 1) - 730_119 * 86_400_000); // not 1901
  });

  it('refuse what is not a date-time', () => {
    for (const v of ['2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2024-08-27', 'yesterday', 1724729946, null, '2024-08-27T25:00:00Z']) expect(parseDatetime(v)).toBeUndefined();
  });

  it('judge plausibility: before 2022-11-01, or more than a day after the export', () => {
    const exportTime = Date.UTC(2025, 2, 10);
    expect(judgeTime(EARLIEST_PLAUSIBLE - 1, exportTime)).toBe('before-network');
    expect(judgeTime(EARLIEST_PLAUSIBLE, exportTime)).toBeUndefined();
    expect(judgeTime(exportTime + 86_400_000, exportTime)).toBeUndefined();
    expect(judgeTime(exportTime + 86_400_001, exportTime)).toBe('after-export');
    expect(judgeTime(Date.UTC(2040, 0, 1), undefined)).toBeUndefined();
  });
});

describe('DIDs, handles, keys and at:// URIs', () => {
  it('tell DIDs and handles apart; handles are lower-cased; handle.invalid is no handle', () => {
    expect(isDid('did:plc:nhxcyu4ewwhl5pqil4dotqjo')).toBe(true);
    expect(isDid('did:web:example.com')).toBe(true);
    expect(isDid('did:plc:')).toBe(false);
    expect(normalizeHandle('@Alice.Bsky.Social')).toBe('alice.bsky.social');
    expect(normalizeHandle('handle.invalid')).toBeUndefined();
    expect(normalizeHandle('alice')).toBeUndefined();
    expect(normalizeHandle('alice.123')).toBeUndefined();
  });

  it('split repository keys and at:// URIs', () => {
    expect(splitRepoKey('app.bsky.feed.post/3kaaaaaaaaa22')).toEqual({ collection: 'app.bsky.feed.post', rkey: '3kaaaaaaaaa22' });
    expect(splitRepoKey('app.bsky.feed.post')).toBeUndefined();
    expect(splitRepoKey('app.bsky.feed.post/a/b')).toBeUndefined();
    expect(parseAtUri('at://did:plc:abc/app.bsky.feed.post/3k')).toEqual({ authority: 'did:plc:abc', collection: 'app.bsky.feed.post', rkey: '3k' });
    expect(parseAtUri('at://alice.test/app.bsky.feed.post/3k')?.authority).toBe('alice.test');
    expect(parseAtUri('at://did:plc:abc')).toBeUndefined();
    expect(parseAtUri('https://bsky.app/profile/x/post/3k')).toBeUndefined();
  });

  it('read goat export file names: handle or DID, and the local time', () => {
    expect(readGoatFileName('bnewbold.robocracy.org.20250310005405.car')).toEqual({ handle: 'bnewbold.robocracy.org', localTime: Date.UTC(2025, 2, 10, 0, 54, 5) });
    expect(readGoatFileName('did:plc:abc.20250310005405.car')).toEqual({ did: 'did:plc:abc', localTime: Date.UTC(2025, 2, 10, 0, 54, 5) });
    expect(readGoatFileName('repo.car')).toBeUndefined();
  });
});

describe('CAR framing', () => {
  const car = writeRepo({ did: 'did:plc:abc', records: [] });

  it('recognises a CARv1 header and nothing else', () => {
    expect(isCarHead(car)).toBe(true);
    expect(isCarHead(Buffer.from('{"roots":[],"version":1}'))).toBe(false);
    expect(isCarHead(car.subarray(0, 10))).toBe(false);
    const v2header = Buffer.from(car);
    v2header[v2header[0]!] = 2; // version 2 (CARv2) in place of 1
    expect(isCarHead(v2header)).toBe(false);
  });

  it('indexes blocks without copying and verifies each on use', () => {
    const blocks = indexCar(car, 'x.car');
    expect(blocks.size).toBe(2);
    expect(blocks.roots).toHaveLength(1);
    expect(blocks.has(blocks.roots[0]!)).toBe(true);
    expect(() => blocks.get(fakeCid('absent').bytes, 'the thing')).toThrow(/the thing is missing from the file/);
  });
});

describe('reading an entry whole, within a bound', () => {
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
  const entry = (size: number, chunk: number): SourceEntry => ({
    name: 'r.car',
    displayPath: 'r.car',
    size,
    readText: async () => '',
    openStream: () => Readable.from(Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk))),
  });

  it('assembles small chunks, and a stream longer than its declared size, byte for byte', async () => {
    expect(Buffer.from(await readEntryBytes(entry(1000, 7), 5000)).equals(bytes)).toBe(true);
    expect(Buffer.from(await readEntryBytes(entry(10, 64), 5000)).equals(bytes)).toBe(true);
    expect(Buffer.from(await readEntryBytes(entry(1000, 1000), 5000)).equals(bytes)).toBe(true);
  });

  it('refuses an entry over the bound by its declared size, and one that only streams past it', async () => {
    await expect(readEntryBytes(entry(1000, 64), 999)).rejects.toThrow(/larger than 999 bytes/);
    await expect(readEntryBytes(entry(10, 64), 500)).rejects.toThrow(/larger than 500 bytes/);
  });
});

describe('record tree walk', () => {
  it('visits every key of a many-level tree in ascending order', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `app.bsky.feed.like/${tidAt(Date.UTC(2024, 0, 1) + i * 7919)}`);
    const tree = buildTree(keys.map((key) => ({ key, value: { $type: 'app.bsky.feed.like' } })));
    const seen: string[] = [];
    const blocks = indexCar(writeCar([tree.root], tree.blocks), 't.car');
    expect(walkMst(blocks, tree.root.bytes, (key) => seen.push(key))).toBe(500);
    expect(seen).toEqual([...keys].sort());
  });

  it('refuses keys out of order (a tree that is not an MST)', () => {
    const rec = encodeBlock({ $type: 'x' });
    const node = encodeBlock({ l: null, e: [{ p: 0, k: new TextEncoder().encode('b.c.d/2'), v: rec.cid, t: null }, { p: 0, k: new TextEncoder().encode('b.c.d/1'), v: rec.cid, t: null }] });
    const blocks = indexCar(writeCar([node.cid], [node, rec]), 'bad.car');
    expect(() => walkMst(blocks, node.cid.bytes, () => undefined)).toThrow(InputError);
    expect(() => walkMst(blocks, node.cid.bytes, () => undefined)).toThrow(/out of order/);
  });

  it('refuses a node without entries list, and a prefix longer than the previous key', () => {
    const notNode = encodeBlock({ hello: 1 });
    expect(() => walkMst(indexCar(writeCar([notNode.cid], [notNode]), 'a.car'), notNode.cid.bytes, () => undefined)).toThrow(/no entry list/);
    const rec = encodeBlock({ $type: 'x' });
    const badPrefix = encodeBlock({ l: null, e: [{ p: 3, k: new TextEncoder().encode('a.b.c/1'), v: rec.cid, t: null }] });
    expect(() => walkMst(indexCar(writeCar([badPrefix.cid], [badPrefix, rec]), 'b.car'), badPrefix.cid.bytes, () => undefined)).toThrow(/bad prefix length/);
  });
});
