import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { makeMemorySource } from '../../../src/import/memory-source.js';
import { openSource } from '../../../src/import/open-source.js';
import type { AccountRecord, FollowRecord, ImportRecord, InteractionRecord, PostRecord } from '../../../src/store/records.js';
import type { AdapterOptions, Source } from '../../../src/import/source.js';
import { twitterAdapter } from '../../../src/import/twitter/index.js';
import { makeTarGz, makeZip, readTree } from '../../helpers/archives.js';
import { ROOT, tempDir } from '../../helpers/cli.js';
import { makeCollectingSink } from '../../helpers/collect-sink.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'twitter');
const A2026 = path.join(FIXTURES, 'archive-2026');
const A2019 = path.join(FIXTURES, 'archive-2019');
const OPTIONS: AdapterOptions = { defaultNetwork: 'generic' };
const LENA = { network: 'twitter', handle: 'lena_dev', externalId: '1600000000000000001' };

async function readAll(source: Source, options: AdapterOptions = OPTIONS, strict = true) {
  const sink = makeCollectingSink({ strict });
  await twitterAdapter.read(source, sink, options);
  const of = <T extends ImportRecord>(type: T['type']) => sink.records.filter((r): r is T => r.type === type);
  return { sink, posts: of<PostRecord>('post'), follows: of<FollowRecord>('follow'), interactions: of<InteractionRecord>('interaction'), accounts: of<AccountRecord>('account') };
}

function byId(posts: PostRecord[], suffix: string): PostRecord {
  const p = posts.find((x) => x.externalId === `20299053582615000${suffix}`);
  if (!p) throw new Error(`no tweet ...${suffix}`);
  return p;
}

async function thrown(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('twitter adapter on a 2026-style archive (manifest, multi-part tweets, account.js)', () => {
  it('is detected', async () => {
    expect(await twitterAdapter.detect(await openSource(A2026))).toBe(true);
    expect(await twitterAdapter.detect(await openSource(path.join(A2026, 'data')))).toBe(true);
    expect(await twitterAdapter.detect(await openSource(path.join(A2026, 'data', 'tweets.js')))).toBe(true);
  });

  it('reads every tweet of every part, followers, following and likes', async () => {
    const { posts, follows, interactions, accounts, sink } = await readAll(await openSource(A2026));
    expect(sink.problems).toEqual([]);
    expect(posts).toHaveLength(11);
    expect(posts.every((p) => p.author === LENA || JSON.stringify(p.author) === JSON.stringify(LENA))).toBe(true);
    // part 0 before part 1, as the manifest orders them
    expect(posts.slice(-2).map((p) => p.externalId)).toEqual(['2029905358261500010', '2029905358261500011']);
    expect(follows.filter((f) => f.followee.handle === 'lena_dev').map((f) => f.follower.externalId)).toEqual(['1700000000000000011', '25073877', '1700000000000000013']);
    expect(follows.filter((f) => f.follower.handle === 'lena_dev').map((f) => f.followee)).toEqual([
      { network: 'twitter', externalId: '1700000000000000021' },
      { network: 'twitter', externalId: '25073877' },
    ]);
    expect(interactions.map((i) => [i.kind, i.targetPost, i.target?.handle, i.createdAt])).toEqual([
      ['like', '2029894586810660001', undefined, undefined],
      ['like', '2029894586810660002', undefined, undefined], // fullText missing: a deleted tweet
      ['like', '1200000000000000003', 'carol_k', undefined],
    ]);
    expect(interactions.every((i) => i.actor.handle === 'lena_dev')).toBe(true);
    expect(accounts).toEqual([
      {
        type: 'account',
        ref: LENA,
        displayName: 'Lena Dev',
        bio: 'Writes about #rustlang and compilers.\nOpinions mine.',
        url: 'https://t.co/AbCdEf1234',
        location: 'Lisbon',
        defaultAvatar: false,
        createdAt: Date.UTC(2022, 9, 1, 8, 30),
        followers: 3,
        following: 2,
        posts: 11,
        likesGiven: 3,
        // the archive's own lists are complete (store/records.ts OwnLists)
        lists: { followers: true, following: true, posts: true },
      },
    ]);
  });

  it('reproduces each tweet quirk of the fixture', async () => {
    const { posts } = await readAll(await openSource(A2026));
    expect(byId(posts, '01')).toMatchObject({ likes: 12, reshares: 3, hashtags: ['rustlang', 'compilers'], createdAt: Date.UTC(2026, 2, 6, 13, 2, 5) });
    expect(byId(posts, '01').replyTo).toBeUndefined();
    expect(byId(posts, '02').replyTo).toEqual({ externalId: '2029800000000000002', author: { network: 'twitter', handle: 'maria_s', externalId: '1700000000000000021' } });
    expect(byId(posts, '03').replyTo).toEqual({ author: { network: 'twitter', handle: 'Twitter', externalId: '783214' } });
    expect(byId(posts, '04').replyTo).toEqual({ externalId: '2029905358261500001', author: LENA });
    expect(byId(posts, '04').quoteOf).toBeUndefined(); // a github link is not a quote
    expect(byId(posts, '05')).toMatchObject({ reshareOf: { author: { network: 'twitter', handle: 'alice_w', externalId: '1700000000000000031' } } });
    expect(byId(posts, '05').likes).toBeUndefined();
    expect(byId(posts, '06').quoteOf).toEqual({ externalId: '2029000000000000006', author: { network: 'twitter', handle: 'bob_r' } });
    expect(byId(posts, '07')).toMatchObject({ quoteOf: { externalId: '2029000000000000007' }, lang: 'und' });
    expect(byId(posts, '08')).toMatchObject({ lang: 'qme', mentions: [{ network: 'twitter', handle: 'ghost_acct' }, { handle: 'maria_s', externalId: '1700000000000000021' }] });
    expect(byId(posts, '08').mentions![0]!.externalId).toBeUndefined();
    expect(byId(posts, '09')).toMatchObject({ lang: 'qam', reshareOf: { author: { network: 'twitter', handle: 'dave_x' } } });
    expect(byId(posts, '10')).toMatchObject({ lang: 'zxx', hashtags: ['zig'], likes: 7 }); // the bare object
    expect(byId(posts, '11')).toMatchObject({ text: 'Shipping a new #rustlang release today! (edited: typo)' }); // an edit
  });

  it('lists every other file as skipped, media folders as one line', async () => {
    const { sink } = await readAll(await openSource(A2026));
    expect(sink.skipped).toEqual([
      { name: 'Your archive.html', reason: "outside the archive's data folder" },
      { name: 'data/README.txt', reason: "the archive's own documentation" },
      { name: 'data/ad-engagements.js', reason: 'advertising data: not imported' },
      { name: 'data/block.js', reason: 'blocks and mutes are private: not imported' },
      { name: 'data/direct-messages.js', reason: 'direct messages are private: not imported' },
      { name: 'data/tweets_media/', reason: '1 file: media are not imported' },
    ]);
  });

  it('names the file and line of every record', async () => {
    const { sink } = await readAll(await openSource(A2026));
    const i = sink.records.findIndex((r) => r.type === 'post' && r.externalId === '2029905358261500011');
    expect(sink.locations[i]).toEqual({ file: path.join(A2026, 'data', 'tweets-part1.js'), line: 42, record: 1 }); // the line of its opening '{'
    expect(sink.locations.at(-1)!.file).toBe(path.join(A2026, 'data', 'account.js'));
    expect(sink.progressCalls.at(-1)![0]).toBe(sink.progressCalls.at(-1)![1]);
  });

  it('reads the same records from the folder, the data folder, a .zip (with a wrapper folder) and a .tar.gz', async () => {
    const dir = tempDir();
    const tree = readTree(A2026);
    const zipPath = path.join(dir, 'twitter-2026-03-06.zip');
    fs.writeFileSync(zipPath, makeZip(Object.entries(tree).map(([name, content]) => ({ name: `twitter-2026-03-06-abc/${name}`, content }))));
    const tgzPath = path.join(dir, 'archive.tar.gz');
    fs.writeFileSync(tgzPath, await makeTarGz(Object.entries(tree).map(([name, content]) => ({ name, content }))));
    const expected = (await readAll(await openSource(A2026))).sink.records;
    for (const p of [path.join(A2026, 'data'), zipPath, tgzPath]) {
      const source = await openSource(p);
      expect(await twitterAdapter.detect(source)).toBe(true);
      expect((await readAll(source)).sink.records).toEqual(expected);
    }
  });
});

const hasTool = (tool: string): boolean => spawnSync(tool, ['--help'], { stdio: 'ignore' }).status === 0;

describe('twitter adapter on archives made by real tools (when installed)', () => {
  it.skipIf(!hasTool('zip'))('Info-ZIP, including a streamed zip with data descriptors', async () => {
    const dir = tempDir();
    spawnSync('zip', ['-qr', path.join(dir, 'a.zip'), 'archive-2026'], { cwd: FIXTURES });
    spawnSync('sh', ['-c', `zip -qr - . > ${JSON.stringify(path.join(dir, 'stream.zip'))}`], { cwd: A2026 });
    const expected = (await readAll(await openSource(A2026))).sink.records;
    for (const name of ['a.zip', 'stream.zip']) expect((await readAll(await openSource(path.join(dir, name)))).sink.records).toEqual(expected);
  });

  it.skipIf(!hasTool('tar'))('GNU tar czf', async () => {
    const dir = tempDir();
    spawnSync('tar', ['czf', path.join(dir, 'a.tgz'), 'archive-2026'], { cwd: FIXTURES });
    const expected = (await readAll(await openSource(A2026))).sink.records;
    expect((await readAll(await openSource(path.join(dir, 'a.tgz')))).sink.records).toEqual(expected);
  });
});

describe('twitter adapter on a 2019-style archive (tweet.js, bare tweets, no account.js)', () => {
  it('takes the owner from manifest.js userInfo and reads every row', async () => {
    const source = await openSource(A2019);
    expect(await twitterAdapter.detect(source)).toBe(true);
    const { posts, follows, interactions, accounts, sink } = await readAll(source);
    expect(sink.problems).toEqual([]);
    const owner = { network: 'twitter', handle: 'old_timer', externalId: '40000001' };
    expect(accounts).toEqual([{ type: 'account', ref: owner, displayName: 'Old Timer', followers: 2, following: 1, posts: 4, likesGiven: 2, lists: { followers: true, following: true, posts: true } }]);
    expect(posts.map((p) => p.externalId)).toEqual(['1138000000000000001', '1138000000000000002', '1138000000000000003', '1138000000000000004']);
    expect(posts.every((p) => p.author.handle === 'old_timer')).toBe(true);
    expect(posts[1]!.replyTo).toEqual({ externalId: '1137000000000000002', author: { network: 'twitter', handle: 'old_friend', externalId: '20000002' } });
    expect(posts[2]!.reshareOf).toEqual({ author: { network: 'twitter', handle: 'news_org', externalId: '30000004' } });
    expect(posts[3]!.quoteOf).toEqual({ externalId: '1137000000000000005', author: { network: 'twitter', handle: 'news_org' } });
    expect(follows.map((f) => [f.follower.externalId ?? f.follower.handle, f.followee.externalId ?? f.followee.handle])).toEqual([
      ['50000001', '40000001'],
      ['50000002', '40000001'],
      ['40000001', '20000002'],
    ]);
    expect(interactions.map((i) => i.targetPost)).toEqual(['1136000000000000001', '1136000000000000002']);
  });
});

describe('twitter adapter: bad and partial input', () => {
  it('a truncated tweets.js: strict import fails naming the file and line; --skip-invalid keeps the complete tweets', async () => {
    const source = await openSource(path.join(FIXTURES, 'truncated'));
    const err = await thrown(readAll(source));
    expect(err.detail.file).toBe(path.join(FIXTURES, 'truncated', 'data', 'tweets.js'));
    expect(err.detail.line).toBe(fs.readFileSync(path.join(FIXTURES, 'truncated', 'data', 'tweets.js'), 'utf8').split('\n').length);
    expect(err.message).toMatch(/truncated/);
    const { posts, sink, accounts } = await readAll(source, OPTIONS, false);
    expect(posts).toHaveLength(3);
    expect(sink.problems).toHaveLength(1);
    expect(sink.problems[0]).toMatchObject({ record: 3 });
    expect(accounts[0]!.posts).toBe(3);
  });

  it('a malformed record names its line and field; the others import with --skip-invalid', async () => {
    const tweets = 'window.YTD.tweets.part0 = [\n  { "tweet" : { "id_str" : "1", "created_at" : "Fri Mar 06 13:02:05 +0000 2026", "full_text" : "a" } },\n  { "tweet" : { "id_str" : "2", "created_at" : "not a date" } },\n  { "tweet" : { "id_str" : "3", "created_at" : "Fri Mar 06 13:02:05 +0000 2026", "full_text" : "c" } }\n]';
    const source = makeMemorySource('x.zip', { 'data/tweets.js': tweets, 'data/account.js': 'window.YTD.account.part0 = [ { "account" : { "username" : "u", "accountId" : "9" } } ]' }, 'zip');
    const err = await thrown(readAll(source));
    expect(err.detail).toMatchObject({ file: 'x.zip:data/tweets.js', line: 3, record: 1, field: 'created_at' });
    const { posts, sink } = await readAll(source, OPTIONS, false);
    expect(posts.map((p) => p.externalId)).toEqual(['1', '3']);
    expect(sink.problems).toHaveLength(1);
  });

  it('a part listed in the manifest but missing is a problem (unless the archive says it is partial)', async () => {
    const tree = readTree(A2026);
    delete tree['data/tweets-part1.js'];
    const err = await thrown(readAll(makeMemorySource('a.zip', tree, 'zip')));
    expect(err.message).toMatch(/lists "data\/tweets-part1\.js" \(2 rows\) but the archive lacks it/);
    expect(err.detail.file).toBe('a.zip:data/manifest.js');
    const manifest = tree['data/manifest.js']!.toString('utf8').replace('"isPartialArchive" : false', '"isPartialArchive" : true');
    const { posts, sink } = await readAll(makeMemorySource('a.zip', { ...tree, 'data/manifest.js': manifest }, 'zip'));
    expect(sink.problems).toEqual([]);
    expect(posts).toHaveLength(9);
  });

  it('without account.js or manifest userInfo, asks for --owner, and uses it when given', async () => {
    const source = await openSource(path.join(A2026, 'data', 'tweets.js'));
    const err = await thrown(readAll(source));
    expect(err.message).toMatch(/does not name its owner/);
    expect(err.detail.fix).toMatch(/--owner HANDLE/);
    const { posts, accounts } = await readAll(source, { ...OPTIONS, owner: '@lena_dev' });
    expect(posts).toHaveLength(9);
    expect(posts[0]!.author).toEqual({ network: 'twitter', handle: 'lena_dev' });
    expect(accounts).toEqual([{ type: 'account', ref: { network: 'twitter', handle: 'lena_dev' }, posts: 9, lists: { followers: false, following: false, posts: true } }]);
  });

  it('prefers account.js to the manifest for the owner', async () => {
    const tree = readTree(A2026);
    tree['data/manifest.js'] = Buffer.from(tree['data/manifest.js']!.toString('utf8').replace('"userName" : "lena_dev"', '"userName" : "someone_else"'));
    const { accounts } = await readAll(makeMemorySource('a', tree));
    expect(accounts[0]!.ref).toEqual(LENA);
  });

  it('reads a lone data file with an unusual name by its global name', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tweets (1).js');
    fs.copyFileSync(path.join(A2019, 'data', 'tweet.js'), file);
    const source = await openSource(file);
    expect(await twitterAdapter.detect(source)).toBe(true);
    const { posts } = await readAll(source, { ...OPTIONS, owner: 'old_timer' });
    expect(posts).toHaveLength(4);
  });

  it('counts a tweet present in both tweet.js and tweets.js once', async () => {
    const tree = readTree(A2019);
    tree['data/tweets.js'] = Buffer.from(tree['data/tweet.js']!.toString('utf8').replace('YTD.tweet.part0', 'YTD.tweets.part0'));
    const { posts, accounts } = await readAll(makeMemorySource('a', tree));
    expect(posts).toHaveLength(4);
    expect(accounts[0]!.posts).toBe(4);
  });

  it('is not detected on other folders', async () => {
    const cases: Record<string, string>[] = [
      { 'posts.csv': 'id,author\n1,a\n' },
      { 'account.js': 'module.exports = { username: "x" }' },
      { 'outbox.json': '{"orderedItems":[]}', 'actor.json': '{}' },
      { 'src/data/tweets.js': 'export const tweets = []' },
    ];
    for (const files of cases) expect(await twitterAdapter.detect(makeMemorySource('f', files))).toBe(false);
  });
});
