import { CarReader } from '@ipld/car';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../src/errors.js';
import { blueskyAdapter } from '../../../src/import/bluesky/index.js';
import { readBlueskySource } from '../../../src/import/bluesky/adapter.js';
import { makeMemorySource } from '../../../src/import/memory-source.js';
import type { AdapterOptions, Source } from '../../../src/import/source.js';
import type { PostRecord } from '../../../src/store/records.js';
import { follow, like, post, profile, record, repost, strongRef, tidAt, writeRepo, type RepoRecord } from '../../helpers/bluesky-repo.js';
import { makeCollectingSink } from '../../helpers/collect-sink.js';

const ALICE = 'did:plc:alice4abcdefghijklmnopq';
const BOB = 'did:plc:bob4abcdefghijklmnopqrs';
const CAROL = 'did:web:carol.example.com';
const OPTIONS: AdapterOptions = { defaultNetwork: 'generic' };
const GOAT_NAME = 'alice.test.20250310005405.car';

/** Alice's repository: every kind of record influence reads, and some it does not. */
function aliceRecords(): RepoRecord[] {
  return [
    profile({ displayName: 'Alice', description: 'Birder and baker' }),
    post('3kaaaaaaaaa22', { text: 'hello #Birds', createdAt: '2024-02-22T18:44:31.123Z', langs: ['en'], tags: ['birds', 'bread'] }),
    post('3kaaaaaaaab22', {
      text: 'replying to @bob.test',
      createdAt: '2024-08-27T03:39:06.474134Z', // 6 fractional digits, as Go and Python clients write
      reply: { root: strongRef(BOB, 'app.bsky.feed.post', '3kbob0000root'), parent: strongRef(BOB, 'app.bsky.feed.post', '3kbob000post1') },
      facets: [{ index: { byteStart: 12, byteEnd: 21 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: BOB }] }],
    }),
    post('3kaaaaaaaac22', {
      text: 'look at this',
      embed: { $type: 'app.bsky.embed.recordWithMedia', record: { $type: 'app.bsky.embed.record', record: strongRef(CAROL, 'app.bsky.feed.post', '3kcarol0post1') }, media: { $type: 'app.bsky.embed.images', images: [] } },
    }),
    post('3kaaaaaaaad22', { text: 'quoting', embed: { $type: 'app.bsky.embed.record', record: strongRef(BOB, 'app.bsky.feed.post', '3kbob000post2') } }),
    post('3kaaaaaaaae22', { text: 'my feed', embed: { $type: 'app.bsky.embed.record', record: strongRef(CAROL, 'app.bsky.feed.generator', 'birds') } }),
    repost('3kaaaaaaaaf22', BOB, '3kbob000post3', '2025-01-05T00:00:00Z'),
    like('3kaaaaaaaag22', BOB, '3kbob000post1'),
    like('3kaaaaaaaah22', CAROL, '3kcarol0post1'),
    follow('3kaaaaaaaai22', BOB),
    follow('3kaaaaaaaaj22', CAROL),
    follow('3kaaaaaaaak22', BOB), // a second follow record of Bob (a client race)
    record('app.bsky.graph.block', '3kaaaaaaaal22', { subject: 'did:plc:troll', createdAt: '2025-01-01T00:00:00Z' }),
    record('chat.bsky.actor.declaration', 'self', { allowIncoming: 'following' }),
    record('com.example.game.score', '3kaaaaaaaam22', { points: 7 }),
    record('com.example.game.score', '3kaaaaaaaan22', { points: 9 }),
  ];
}

function fileSource(name: string, bytes: Buffer): Source {
  return makeMemorySource(`/tmp/${name}`, { [name]: bytes }, 'file');
}

async function read(source: Source, options: AdapterOptions = OPTIONS, strict = true) {
  const sink = makeCollectingSink({ strict });
  const owners: unknown[] = [];
  const notices: Array<{ name: string; message: string }> = [];
  sink.owner = (ref) => owners.push(ref);
  sink.notice = (name, message) => notices.push({ name, message });
  await blueskyAdapter.read(source, sink, options);
  return Object.assign(sink, { owners, notices });
}

const byId = (posts: PostRecord[], rkey: string, collection = 'app.bsky.feed.post'): PostRecord => {
  const p = posts.find((x) => x.externalId === `at://${ALICE}/${collection}/${rkey}`);
  if (!p) throw new Error(`no post ${rkey}`);
  return p;
};

describe('bluesky: a v3 repository whose first block is a tree node', async () => {
  const car = writeRepo({ did: ALICE, records: aliceRecords(), rev: tidAt(Date.UTC(2025, 2, 10, 0, 54)) });
  const sink = await read(fileSource(GOAT_NAME, car));

  it('is a file whose header root is not its first block', async () => {
    const reader = await CarReader.fromBytes(car);
    const [root] = await reader.getRoots();
    const first = (await reader.blocks().next()).value!;
    expect(first.cid.equals(root!)).toBe(false);
  });

  it('is detected by its content, whatever the name', async () => {
    expect(await blueskyAdapter.detect(fileSource('export.bin', car))).toBe(true);
    expect(await blueskyAdapter.detect(fileSource('repo.car', Buffer.from('{"not":"a car"}')))).toBe(false);
  });

  it('names the owner by DID and by the goat file name handle, with profile fields and declared counts', () => {
    expect(sink.owners).toEqual([{ network: 'bluesky', externalId: ALICE, handle: 'alice.test' }]);
    expect(sink.accounts).toHaveLength(1);
    expect(sink.accounts[0]).toMatchObject({ ref: { network: 'bluesky', externalId: ALICE, handle: 'alice.test' }, displayName: 'Alice', bio: 'Birder and baker', posts: 5, following: 2 });
    expect(sink.accounts[0]!.followers).toBeUndefined();
    // the repository holds every like the owner gave; a profile without an avatar blob shows the default picture
    expect(sink.accounts[0]).toMatchObject({ likesGiven: 2, defaultAvatar: true });
  });

  it('reads posts: text, language, hashtags from facets and tags, public', () => {
    const p = byId(sink.posts, '3kaaaaaaaaa22');
    expect(p).toMatchObject({ network: 'bluesky', author: { externalId: ALICE }, text: 'hello #Birds', lang: 'en', visibility: 'public', hashtags: ['birds', 'bread'] });
    expect(p.createdAt).toBe(Date.parse('2024-02-22T18:44:31.123Z'));
  });

  it('keeps a 6-digit fractional createdAt to the millisecond; a reply names reply.parent and its author DID; mentions by DID', () => {
    const p = byId(sink.posts, '3kaaaaaaaab22');
    expect(p.createdAt).toBe(Date.UTC(2024, 7, 27, 3, 39, 6, 474));
    expect(p.replyTo).toEqual({ externalId: `at://${BOB}/app.bsky.feed.post/3kbob000post1`, author: { network: 'bluesky', externalId: BOB } });
    expect(p.mentions).toEqual([{ network: 'bluesky', externalId: BOB }]);
  });

  it('reads quotes from embed.record and embed.recordWithMedia.record; an embedded feed is not a quote', () => {
    expect(byId(sink.posts, '3kaaaaaaaac22').quoteOf).toEqual({ externalId: `at://${CAROL}/app.bsky.feed.post/3kcarol0post1`, author: { network: 'bluesky', externalId: CAROL } });
    expect(byId(sink.posts, '3kaaaaaaaad22').quoteOf?.author).toEqual({ network: 'bluesky', externalId: BOB });
    expect(byId(sink.posts, '3kaaaaaaaae22').quoteOf).toBeUndefined();
  });

  it('reads a repost as the owner\'s post resharing the original', () => {
    const r = byId(sink.posts, '3kaaaaaaaaf22', 'app.bsky.feed.repost');
    expect(r.reshareOf).toEqual({ externalId: `at://${BOB}/app.bsky.feed.post/3kbob000post3`, author: { network: 'bluesky', externalId: BOB } });
    expect(r.createdAt).toBe(Date.UTC(2025, 0, 5));
    expect(r.text).toBeUndefined();
  });

  it('reads likes with the liked post and its author (the DID in the subject URI)', () => {
    expect(sink.interactions).toEqual([
      { type: 'interaction', actor: sink.owners[0], target: { network: 'bluesky', externalId: BOB }, kind: 'like', createdAt: Date.parse('2025-01-02T03:04:05.678Z'), targetPost: `at://${BOB}/app.bsky.feed.post/3kbob000post1` },
      { type: 'interaction', actor: sink.owners[0], target: { network: 'bluesky', externalId: CAROL }, kind: 'like', createdAt: Date.parse('2025-01-02T03:04:05.678Z'), targetPost: `at://${CAROL}/app.bsky.feed.post/3kcarol0post1` },
    ]);
  });

  it('reads follows by DID', () => {
    expect(sink.follows.map((f) => f.followee.externalId)).toEqual([BOB, CAROL, BOB]);
    expect(sink.follows.every((f) => f.follower.externalId === ALICE)).toBe(true);
  });

  it('lists every other collection with its count, chat declarations included; nothing of theirs is emitted', () => {
    expect(sink.skipped).toEqual([
      { name: `${GOAT_NAME}#app.bsky.graph.block`, reason: '1 record: blocks are not engagement' },
      { name: `${GOAT_NAME}#chat.bsky.actor.declaration`, reason: expect.stringMatching(/^1 record: chat settings only .*direct messages are never in a repository/) },
      { name: `${GOAT_NAME}#com.example.game.score`, reason: '2 records: a collection influence does not read' },
    ]);
    expect(sink.records).toHaveLength(1 + 6 + 2 + 3);
  });

  it('reports no implausible dates when there are none', () => {
    expect(sink.notices).toEqual([]);
  });
});

describe('bluesky: other layouts of the same repository', () => {
  it('reads a legacy v2 repository (no rev, prev set) exactly like v3', async () => {
    const v2 = await read(fileSource('repo.car', writeRepo({ did: ALICE, records: aliceRecords(), version: 2 })), { ...OPTIONS, owner: 'alice.test' });
    const v3 = await read(fileSource(GOAT_NAME, writeRepo({ did: ALICE, records: aliceRecords() })));
    expect(v2.records).toEqual(v3.records);
  });

  it('reads the record shapes of early 2023 a legacy repository can hold: votes, follow subjects as objects, mention entities', async () => {
    const legacy = [
      post('3jaaaaaaaaa22', { text: 'hi @bob', createdAt: '2023-02-01T10:00:00.000Z', entities: [{ index: { start: 3, end: 7 }, type: 'mention', value: BOB }] }),
      record('app.bsky.feed.vote', '3jaaaaaaaab22', { direction: 'up', subject: strongRef(BOB, 'app.bsky.feed.post', '3jbob0000001'), createdAt: '2023-02-01T11:00:00.000Z' }),
      record('app.bsky.feed.vote', '3jaaaaaaaac22', { direction: 'down', subject: strongRef(BOB, 'app.bsky.feed.post', '3jbob0000002'), createdAt: '2023-02-01T12:00:00.000Z' }),
      record('app.bsky.graph.follow', '3jaaaaaaaad22', { subject: { did: CAROL, declarationCid: 'bafyreid' }, createdAt: '2023-02-01T13:00:00.000Z' }),
      record('app.bsky.system.declaration', 'self', { actorType: 'app.bsky.system.actorUser' }),
    ];
    const sink = await read(fileSource('repo.car', writeRepo({ did: ALICE, records: legacy, version: 2, prev: null })), { ...OPTIONS, owner: 'alice.test' });
    expect(sink.posts[0]!.mentions).toEqual([{ network: 'bluesky', externalId: BOB }]);
    expect(sink.interactions).toEqual([expect.objectContaining({ kind: 'like', target: { network: 'bluesky', externalId: BOB }, targetPost: `at://${BOB}/app.bsky.feed.post/3jbob0000001` })]);
    expect(sink.follows.map((f) => f.followee)).toEqual([{ network: 'bluesky', externalId: CAROL }]);
    expect(sink.skipped).toEqual([
      { name: 'repo.car#app.bsky.feed.vote', reason: '1 record: down votes (early 2023) are not likes' },
      { name: 'repo.car#app.bsky.system.declaration', reason: '1 record: an actor type declaration of 2022-23' },
    ]);
  });

  it('reads a repository whose commit is the first block', async () => {
    const first = await read(fileSource(GOAT_NAME, writeRepo({ did: ALICE, records: aliceRecords(), commitAt: 'first' })));
    const last = await read(fileSource(GOAT_NAME, writeRepo({ did: ALICE, records: aliceRecords(), commitAt: 'last' })));
    expect(first.records).toEqual(last.records);
    expect(first.posts).toHaveLength(6);
  });

  it('imports only records reachable from the commit: a deleted post left in the file is not imported', async () => {
    const ghost = { $type: 'app.bsky.feed.post', text: 'deleted', createdAt: '2025-01-01T00:00:00Z' };
    const sink = await read(fileSource('repo.car', writeRepo({ did: ALICE, records: [post('3kaaaaaaaaa22', { text: 'kept' })], unreachable: [ghost] })));
    expect(sink.posts.map((p) => p.text)).toEqual(['kept']);
  });

  it('reads an empty repository (no records) as an owner with no posts', async () => {
    const sink = await read(fileSource('repo.car', writeRepo({ did: ALICE, records: [] })));
    expect(sink.accounts).toEqual([{ type: 'account', ref: { network: 'bluesky', externalId: ALICE }, posts: 0, following: 0, likesGiven: 0, lists: { following: true, posts: true } }]); // a repository holds all likes: none given
    expect(sink.notices.map((n) => n.message)).toEqual([expect.stringContaining('pass --owner HANDLE')]);
  });

  it('reads a large tree (2,000 records, several levels) in key order, every record once', async () => {
    const records = Array.from({ length: 2000 }, (_, i) => like(tidAt(Date.UTC(2024, 0, 1) + i * 1000), BOB, `3kbobpost${String(i).padStart(4, '0')}`));
    const sink = await read(fileSource('repo.car', writeRepo({ did: ALICE, records })));
    expect(sink.interactions).toHaveLength(2000);
    expect(new Set(sink.interactions.map((l) => l.targetPost)).size).toBe(2000);
  });

  it('finds the CAR in a folder or zip beside other files, and lists the others as skipped', async () => {
    const car = writeRepo({ did: ALICE, records: aliceRecords() });
    const source = makeMemorySource('/tmp/export', { [`export/${GOAT_NAME}`]: car, 'export/README.txt': 'my export' }, 'zip');
    expect(await blueskyAdapter.detect(source)).toBe(true);
    const sink = await read(source);
    expect(sink.posts).toHaveLength(6);
    expect(sink.skipped).toContainEqual({ name: 'export/README.txt', reason: 'not a Bluesky repository (CAR) file' });
    expect(sink.owners).toEqual([{ network: 'bluesky', externalId: ALICE, handle: 'alice.test' }]);
  });

  it('reads two repositories in one folder, each with its own owner', async () => {
    const source = makeMemorySource('/tmp/two', {
      'alice.test.20250310005405.car': writeRepo({ did: ALICE, records: [post('3kaaaaaaaaa22')] }),
      'bob.test.20250310005405.car': writeRepo({ did: BOB, records: [post('3kaaaaaaaaa22')] }),
    });
    const sink = await read(source);
    expect(sink.owners).toEqual([
      { network: 'bluesky', externalId: ALICE, handle: 'alice.test' },
      { network: 'bluesky', externalId: BOB, handle: 'bob.test' },
    ]);
    expect(sink.posts.map((p) => p.externalId)).toEqual([`at://${ALICE}/app.bsky.feed.post/3kaaaaaaaaa22`, `at://${BOB}/app.bsky.feed.post/3kaaaaaaaaa22`]);
    await expect(read(source, { ...OPTIONS, owner: 'alice.test' })).rejects.toThrow(UsageError);
  });
});

describe('bluesky: the owner', () => {
  const car = writeRepo({ did: ALICE, records: [post('3kaaaaaaaaa22')] });

  it('takes --owner over the file name, lower-cased, without @', async () => {
    const sink = await read(fileSource(GOAT_NAME, car), { ...OPTIONS, owner: '@Alice.Example.COM' });
    expect(sink.owners).toEqual([{ network: 'bluesky', externalId: ALICE, handle: 'alice.example.com' }]);
  });

  it('accepts the repository DID as --owner (then the file name gives the handle) and refuses another DID or a non-handle', async () => {
    expect((await read(fileSource(GOAT_NAME, car), { ...OPTIONS, owner: ALICE })).owners).toEqual([{ network: 'bluesky', externalId: ALICE, handle: 'alice.test' }]);
    await expect(read(fileSource(GOAT_NAME, car), { ...OPTIONS, owner: BOB })).rejects.toThrow(/not this repository's account/);
    await expect(read(fileSource(GOAT_NAME, car), { ...OPTIONS, owner: 'not a handle' })).rejects.toThrow(UsageError);
  });

  it('has only its DID when neither --owner nor a goat file name gives a handle (repo.car), and says how to add one', async () => {
    const sink = await read(fileSource('repo.car', car));
    expect(sink.owners).toEqual([{ network: 'bluesky', externalId: ALICE }]);
    expect(sink.notices).toEqual([{ name: 'repo.car', message: expect.stringContaining('--owner HANDLE') }]);
  });

  it('a goat file named by DID gives no handle, and a DID that is not the repository\'s is reported', async () => {
    const sink = await read(fileSource(`${BOB}.20250310005405.car`, car));
    expect(sink.owners).toEqual([{ network: 'bluesky', externalId: ALICE }]);
    expect(sink.notices.map((n) => n.message)).toContainEqual(expect.stringContaining(`the file name says ${BOB}`));
  });
});

describe('bluesky: record times set by clients', () => {
  const rev = tidAt(Date.UTC(2025, 2, 10, 0, 54));
  const records = [
    post('3kaaaaaaaaa22', { createdAt: '2009-06-01T12:00:00.000Z', text: 'copied from another network' }),
    post('3kaaaaaaaab22', { createdAt: '2031-01-01T00:00:00+02:00', text: 'clock far ahead' }),
    post('3kaaaaaaaac22', { createdAt: '2025-03-10T12:00:00Z', text: 'hours after the rev: within a day' }),
    like('3kaaaaaaaad22', BOB, '3kbob000post1', '1970-01-01T00:00:00Z'),
  ];

  it('keeps implausible times as written and reports them: before 2022-11, or over a day after the last commit (rev)', async () => {
    const sink = await read(fileSource('repo.car', writeRepo({ did: ALICE, records, rev })), { ...OPTIONS, owner: 'alice.test' });
    expect(sink.posts.map((p) => p.createdAt)).toEqual([Date.UTC(2009, 5, 1, 12), Date.UTC(2030, 11, 31, 22), Date.UTC(2025, 2, 10, 12)]);
    expect(sink.interactions[0]!.createdAt).toBe(0);
    expect(sink.notices).toHaveLength(2);
    expect(sink.notices[0]!.message).toMatch(/^2 records have a createdAt before 2022-11-01.*kept as written; e\.g\. app\.bsky\.feed\.like\/3kaaaaaaaad22 at 1970-01-01T00:00:00\.000Z; app\.bsky\.feed\.post\/3kaaaaaaaaa22 at 2009-06-01/);
    expect(sink.notices[0]!.message).toContain('app.bsky.feed.post/3kaaaaaaaaa22');
    expect(sink.notices[1]!.message).toMatch(/^1 record has a createdAt more than 24 hours after the repository's last commit \(rev 3.*, 2025-03-10T00:54:00\.000Z\).*--as-of.*app\.bsky\.feed\.post\/3kaaaaaaaab22 at 2030-12-31T22:00:00\.000Z$/);
  });

  it('without a rev (v2), bounds the future by the goat file name time plus the widest time zone, else not at all', async () => {
    const v2 = writeRepo({ did: ALICE, records, version: 2 });
    const named = await read(fileSource(GOAT_NAME, v2));
    expect(named.notices.map((n) => n.message)).toContainEqual(expect.stringMatching(/^1 record has a createdAt more than 24 hours after the export time in the file name/));
    const unnamed = await read(fileSource('repo.car', v2), { ...OPTIONS, owner: 'alice.test' });
    expect(unnamed.notices.map((n) => n.message)).toEqual([expect.stringMatching(/^2 records have a createdAt before 2022-11-01/)]);
  });
});

describe('bluesky: records that break their lexicon', () => {
  const bad = [
    post('3kaaaaaaaaa22', { text: 'fine' }),
    { key: 'app.bsky.feed.post/3kaaaaaaaab22', value: { $type: 'app.bsky.feed.post', text: 'no date' } },
    post('3kaaaaaaaac22', { createdAt: 'yesterday' }),
    post('3kaaaaaaaad22', { reply: { parent: { uri: 'https://example.com/not-at-uri' } } }),
    { key: 'app.bsky.feed.like/3kaaaaaaaae22', value: { $type: 'app.bsky.feed.repost', subject: strongRef(BOB, 'app.bsky.feed.post', 'x'), createdAt: '2025-01-01T00:00:00Z' } },
    follow('3kaaaaaaaaf22', 'bob.test'),
  ];
  const car = writeRepo({ did: ALICE, records: bad });

  it('fail a strict import with the file, the record key and field, and the fix', async () => {
    const err = await read(fileSource('repo.car', car)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail).toMatchObject({ file: '/tmp/repo.car:repo.car', field: 'app.bsky.feed.like/3kaaaaaaaae22.$type' });
    expect((err as InputError).detail.fix).toContain('--skip-invalid');
  });

  it('a record that matches its hash but is not canonical DAG-CBOR (map keys out of order) is one bad record', async () => {
    const { writeCar, encodeBlock, cidOf } = await import('../../helpers/bluesky-repo.js');
    // {"$type": …, "text": "x", "createdAt": …}: valid CBOR, but DAG-CBOR orders keys by length ("text" first)
    const lax = Buffer.concat([Buffer.from([0xa3, 0x65]), Buffer.from('$type'), Buffer.from([0x72]), Buffer.from('app.bsky.feed.post'), Buffer.from([0x64]), Buffer.from('text'), Buffer.from([0x61, 0x78, 0x69]), Buffer.from('createdAt'), Buffer.from([0x78, 0x18]), Buffer.from('2025-01-02T03:04:05.678Z')]);
    const laxBlock = { cid: cidOf(lax), bytes: lax };
    const goodBlock = encodeBlock(post('3kaaaaaaaaa22', { text: 'fine' }).value);
    const node = encodeBlock({ l: null, e: [
      { p: 0, k: new TextEncoder().encode('app.bsky.feed.post/3kaaaaaaaaa22'), v: goodBlock.cid, t: null },
      { p: 29, k: new TextEncoder().encode('b22'), v: laxBlock.cid, t: null },
    ] });
    const commit = encodeBlock({ did: ALICE, version: 3, data: node.cid, rev: tidAt(Date.UTC(2025, 2, 10)), prev: null, sig: new Uint8Array(64) });
    const car = writeCar([commit.cid], [node, goodBlock, laxBlock, commit]);
    const strictErr = await read(fileSource('repo.car', car), { ...OPTIONS, owner: 'alice.test' }).catch((e: unknown) => e);
    expect((strictErr as InputError).detail.field).toBe('app.bsky.feed.post/3kaaaaaaaab22');
    expect((strictErr as InputError).message).toMatch(/^is not valid DAG-CBOR/);
    const sink = await read(fileSource('repo.car', car), { ...OPTIONS, owner: 'alice.test' }, false);
    expect(sink.posts.map((p) => p.text)).toEqual(['fine']);
    expect(sink.problems).toHaveLength(1);
  });

  it('are each counted once with --skip-invalid, and the valid record is imported', async () => {
    const sink = await read(fileSource('repo.car', car), OPTIONS, false);
    expect(sink.posts.map((p) => p.text)).toEqual(['fine']);
    expect(sink.problems.map((p) => [p.field, p.reason])).toEqual([
      ['app.bsky.feed.like/3kaaaaaaaae22.$type', 'is "app.bsky.feed.repost", not the record\'s collection'],
      ['app.bsky.feed.post/3kaaaaaaaab22.createdAt', 'is missing'],
      ['app.bsky.feed.post/3kaaaaaaaac22.createdAt', 'is not a date-time: "yesterday"'],
      ['app.bsky.feed.post/3kaaaaaaaad22.reply.parent', 'is not a reference to a post'],
      ['app.bsky.graph.follow/3kaaaaaaaaf22.subject', 'is not a DID'],
    ]);
    expect(sink.accounts[0]).toMatchObject({ posts: 1, following: 0 });
  });
});

describe('bluesky: damaged and hostile files are input errors naming the file', () => {
  const car = writeRepo({ did: ALICE, records: aliceRecords() });
  const fail = async (bytes: Buffer, name = 'repo.car', limits?: { maxBytes: number; maxBlockBytes: number }) => {
    const sink = makeCollectingSink({ strict: true });
    const err = await readBlueskySource(fileSource(name, bytes), sink, { ...OPTIONS, owner: 'alice.test' }, limits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail.file).toBe(`/tmp/${name}:${name}`);
    return { message: (err as InputError).message, records: sink.records.length };
  };

  it('a file cut anywhere after its header: truncated mid-block, or a whole block short', async () => {
    // every cut point: inside a block, at a block boundary (the commit or a node goes missing)
    for (let cut = 100; cut < car.length; cut += 97) {
      const r = await fail(car.subarray(0, cut));
      expect(r.message).toMatch(/truncated|is missing from the file/);
    }
  });

  it('a file cut inside its header is not readable as a CAR', async () => {
    expect((await fail(car.subarray(0, 30))).message).toMatch(/not a Bluesky repository export|bad header/);
  });

  it('a corrupted byte in a record, a tree node or the commit (its hash no longer matches)', async () => {
    const reader = await CarReader.fromBytes(car);
    const blocks: Array<{ at: number; length: number }> = [];
    for await (const b of reader.blocks()) blocks.push({ at: car.indexOf(Buffer.from(b.bytes)), length: b.bytes.length });
    for (const { at, length } of blocks) {
      const damaged = Buffer.from(car);
      damaged[at + Math.floor(length / 2)]! ^= 0x01;
      const r = await fail(damaged);
      expect(r.message).toMatch(/corrupted|not valid DAG-CBOR/);
    }
  });

  it('an absurd block length (2^40 bytes) is an error, not an allocation', async () => {
    const header = car.subarray(0, car[0]! + 1);
    const cid = (await CarReader.fromBytes(car)).getRoots().then((r) => r[0]!.bytes);
    const hostile = Buffer.concat([header, Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x20]), await cid, Buffer.alloc(64, 1)]);
    expect((await fail(hostile)).message).toMatch(/^the block at byte \d+ claims 1099511627776 bytes but only 100 remain: the file is truncated/);
  });

  it('a file over the size limit, and a block over the block limit', async () => {
    expect((await fail(car, 'repo.car', { maxBytes: 1000, maxBlockBytes: 1 << 20 })).message).toMatch(/larger than 1000 bytes/);
    expect((await fail(car, 'repo.car', { maxBytes: 1 << 20, maxBlockBytes: 40 })).message).toMatch(/block at byte \d+ is \d+ bytes long/);
  });

  it('a CAR whose root is not a commit, or a version 1 repository', async () => {
    const { writeCar, encodeBlock } = await import('../../helpers/bluesky-repo.js');
    const notCommit = encodeBlock({ hello: 'world' });
    expect((await fail(writeCar([notCommit.cid], [notCommit]))).message).toMatch(/unknown repository version/);
    const v1 = encodeBlock({ root: notCommit.cid, sig: new Uint8Array(4) });
    expect((await fail(writeCar([v1.cid], [v1, notCommit]))).message).toMatch(/version 1 repository/);
  });
});
