import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiktokAdapter } from '../../src/import/tiktok/index.js';
import { parseVideoLink, readCount } from '../../src/import/tiktok/convert.js';
import { chooseAdapter } from '../../src/import/run-import.js';
import { makeMemorySource } from '../../src/import/memory-source.js';
import type { AdapterOptions, Source } from '../../src/import/source.js';
import { makeCollectingSink } from '../helpers/collect-sink.js';
import { loadFolderSource } from '../helpers/fixture-source.js';
import { ROOT } from '../helpers/cli.js';

const FIX = path.join(ROOT, 'test', 'fixtures', 'tiktok');
const OPTIONS: AdapterOptions = { defaultNetwork: 'generic' };
const tt = (handle: string) => ({ network: 'tiktok', handle });

async function read(source: Source, options: AdapterOptions = OPTIONS) {
  const sink = makeCollectingSink({ strict: true });
  await tiktokAdapter.read(source, sink, options);
  return sink;
}

describe('tiktok: the 2024 layout (root "Your Activity")', async () => {
  const source = loadFolderSource(path.join(FIX, 'export-2024'));
  const sink = await read(source);

  it('is detected, and names the owner from Profile Info', async () => {
    expect((await chooseAdapter(source)).format).toBe('tiktok');
    expect(sink.owners).toEqual([tt('tok.owner')]);
  });

  it('reads followers and following with their dates as UTC', () => {
    expect(sink.follows.map((f) => [f.follower.handle, f.followee.handle, f.createdAt])).toEqual([
      ['fan.one', 'tok.owner', Date.UTC(2024, 1, 1)],
      ['fan_two', 'tok.owner', Date.UTC(2024, 1, 2)],
      ['vid.maker', 'tok.owner', Date.UTC(2024, 1, 3)],
      ['tok.owner', 'vid.maker', Date.UTC(2024, 1, 5)],
      ['tok.owner', 'chef.tok', Date.UTC(2024, 1, 6)],
    ]);
  });

  it('reads the Like List (lowercase date/link): the video id, and the author when the link names one', () => {
    expect(sink.interactions.map((i) => [i.kind, i.targetPost, i.target, i.createdAt])).toEqual([
      ['like', '7200000000000000001', undefined, Date.UTC(2024, 2, 1, 19, 3, 14)],
      ['like', '7200000000000000002', tt('chef.tok'), Date.UTC(2024, 2, 2, 19, 3, 14)],
    ]);
  });

  it('reads posts: a Link of several lines is one post named by its video id; likes as text or number', () => {
    const posts = sink.posts.filter((p) => !p.replyTo && !p.reshareOf);
    expect(posts.map((p) => [p.externalId, p.likes, p.text])).toEqual([
      ['7350000000000000001', 15, 'My first dance #fyp'],
      ['7350000000000000002', 7, 'Photo post with @vid.maker'],
    ]);
    expect(posts[1]!.mentions).toEqual([tt('vid.maker')]);
  });

  it('reads comments as replies to the video in their url, and reposts as reshares', () => {
    const replies = sink.posts.filter((p) => p.replyTo);
    expect(replies.map((p) => [p.text, p.replyTo])).toEqual([
      ['Love this @vid.maker #dance', { externalId: '7300000000000000001', author: tt('vid.maker') }],
      ['so true', {}],
    ]);
    const reshares = sink.posts.filter((p) => p.reshareOf);
    expect(reshares.map((p) => [p.reshareOf, p.createdAt])).toEqual([[{ externalId: '7200000000000000003' }, Date.UTC(2024, 2, 5, 11)]]);
  });

  it('attributes records met before the profile (Comment, Post come first in the file) to the owner it names', () => {
    expect(sink.posts.map((p) => p.author)).toEqual(Array(5).fill(tt('tok.owner')));
    expect(sink.notices).toEqual([]);
  });

  it('declares the owner counts from its lists', () => {
    expect(sink.accounts.find((a) => a.ref.handle === 'tok.owner')).toMatchObject({ bio: 'Dancing daily', followers: 3, following: 2, posts: 2 });
  });

  it('never reads direct messages (keys ending with a colon): counted and listed only', () => {
    const all = JSON.stringify(sink.records);
    expect(all).not.toContain('SECRET-DM-TEXT');
    expect(all).not.toContain('dmfriend');
    expect(all).not.toContain('other.pal');
    expect(sink.skipped).toContainEqual({ name: 'user_data_tiktok.json: Direct Message', reason: '3 direct messages in 2 conversations: direct messages are private, never imported' });
  });

  it('lists the private sections it skips, with reasons', () => {
    const reasons = Object.fromEntries(sink.skipped.map((s) => [s.name.replace('user_data_tiktok.json: ', ''), s.reason]));
    expect(reasons['Your Activity > Watch History']).toMatch(/viewing history/);
    expect(reasons['Your Activity > Searches']).toMatch(/search history/);
    expect(reasons['Your Activity > Favorite Videos']).toMatch(/favourites/);
    expect(reasons['App Settings > Block List']).toMatch(/private/);
    // empty (null) sections are not listed: they hold nothing
    expect(reasons['Your Activity > Hashtag']).toBeUndefined();
  });
});

describe('tiktok: other layouts', () => {
  it('reads the 2021 layout (root "Activity", Follower List, Video > Videos, VideoLink, capitalised keys) from user_data.json', async () => {
    const source = loadFolderSource(path.join(FIX, 'export-2021'));
    expect((await chooseAdapter(source)).format).toBe('tiktok');
    const sink = await read(source);
    expect(sink.owners[0]).toEqual(tt('old.owner'));
    expect(sink.follows.map((f) => `${f.follower.handle}>${f.followee.handle}`)).toEqual(['old.fan>old.owner', 'old.owner>old.star', 'old.owner>old.chef']);
    expect(sink.interactions.map((i) => i.targetPost)).toEqual(['6900000000000000001']);
    expect(sink.posts.map((p) => [p.externalId, p.likes, p.replyTo !== undefined])).toEqual([
      [expect.stringMatching(/^comment-/), undefined, true],
      ['6900000000000000003', 3, false],
    ]);
    expect(JSON.stringify(sink.records)).not.toContain('SECRET-DM-TEXT');
    expect(sink.skipped.map((s) => s.name)).toContain('user_data.json: Activity > Video Browsing History');
  });

  it('reads the 2025 layout (Profile And Settings, Likes and Favorites, UTC-suffixed comment dates, null lists)', async () => {
    const sink = await read(loadFolderSource(path.join(FIX, 'export-2025')));
    expect(sink.owners[0]).toEqual(tt('new.owner'));
    expect(sink.follows.map((f) => `${f.follower.handle}>${f.followee.handle}`)).toEqual(['new.owner>new.star']);
    expect(sink.interactions.map((i) => i.targetPost)).toEqual(['7460000000000000002']);
    expect(sink.posts.map((p) => [p.createdAt, p.replyTo])).toEqual([[Date.UTC(2025, 1, 1, 8), { externalId: '7460000000000000001' }]]);
    // the profile's declared counts win over the lists' lengths
    expect(sink.accounts[0]).toMatchObject({ ref: tt('new.owner'), displayName: 'New Owner', followers: 12, following: 1, posts: 0 });
    // a settings key ending with '::' is not a conversation
    expect(sink.skipped.some((s) => /direct message/.test(s.reason))).toBe(false);
  });

  it('is not fooled by a generic JSON table named user_data.json', async () => {
    const generic = makeMemorySource('user_data.json', { 'user_data.json': '[{"handle": "alice", "followers": 3}]' }, 'file');
    expect((await chooseAdapter(generic)).format).toBe('json');
  });

  it('reports a record without a user name, naming the section and index', async () => {
    const sink = makeCollectingSink();
    const doc = { 'Your Activity': { Follower: { FansList: [{ Date: '2024-01-01 00:00:00', UserName: 'ok.one' }, { Date: '2024-01-01 00:00:00' }] } }, Profile: { 'Profile Info': { ProfileMap: { userName: 'me' } } } };
    await tiktokAdapter.read(makeMemorySource('t', { 'user_data_tiktok.json': JSON.stringify(doc) }), sink, OPTIONS);
    expect(sink.follows).toHaveLength(1);
    expect(sink.problems).toEqual([expect.objectContaining({ record: 1, field: 'Your Activity > Follower [1].UserName' })]);
  });

  it('with --skip-invalid, a file cut off keeps the records before the cut', async () => {
    const sink = makeCollectingSink();
    await tiktokAdapter.read(loadFolderSource(path.join(FIX, 'truncated')), sink, OPTIONS);
    expect(sink.problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/user_data_tiktok\.json$/), line: 6, reason: expect.stringMatching(/truncated/) })]);
    expect(sink.interactions.map((i) => [i.actor, i.targetPost])).toEqual([[tt('cut.owner'), '7200000000000000001']]);
  });

  it('reads video links of every shape, and counts written as text or number', () => {
    expect(parseVideoLink('https://www.tiktokv.com/share/video/7200255970008861998/')).toEqual({ id: '7200255970008861998' });
    expect(parseVideoLink('https://www.tiktok.com/@a.b/video/7200255970008861998?lang=en')).toEqual({ id: '7200255970008861998', author: 'a.b' });
    expect(parseVideoLink('https://cdn.example/x.jpeg\nhttps://www.tiktokv.com/share/video/7200255970008861999/')).toEqual({ id: '7200255970008861999' });
    expect(parseVideoLink('N/A')).toBeUndefined();
    expect([readCount('15'), readCount(7), readCount('1,234'), readCount('None'), readCount('N/A'), readCount(''), readCount(null)]).toEqual([15, 7, 1234, undefined, undefined, undefined, undefined]);
    // not a count: an input error (hostile-trial3.test.ts), no longer dropped without a word
    for (const bad of [-1, 1e300, 2.5, 'lots', 12345678901234567890n]) expect(() => readCount(bad), String(bad)).toThrow(/count|number/);
  });
});
