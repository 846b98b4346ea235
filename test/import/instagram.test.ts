import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { instagramAdapter } from '../../src/import/instagram/index.js';
import { chooseAdapter } from '../../src/import/run-import.js';
import { makeMemorySource } from '../../src/import/memory-source.js';
import type { AdapterOptions, Source } from '../../src/import/source.js';
import { makeCollectingSink } from '../helpers/collect-sink.js';
import { loadFileSource, loadFolderSource } from '../helpers/fixture-source.js';
import { ROOT } from '../helpers/cli.js';

const FIX = path.join(ROOT, 'test', 'fixtures', 'instagram');
const OPTIONS: AdapterOptions = { defaultNetwork: 'generic' };

async function read(source: Source, options: AdapterOptions = OPTIONS) {
  const sink = makeCollectingSink({ strict: true });
  await instagramAdapter.read(source, sink, options);
  return sink;
}

const ig = (handle: string) => ({ network: 'instagram', handle });

describe('instagram: the 2024 layout', async () => {
  const source = loadFolderSource(path.join(FIX, 'export-2024'));
  const sink = await read(source);
  const igPosts = sink.posts.filter((p) => p.network === 'instagram');

  it('is detected, before the Threads adapter (an Instagram download holds a threads/ folder)', async () => {
    expect((await chooseAdapter(source)).format).toBe('instagram');
  });

  it('names the owner from personal_information.json, for Instagram and its Threads part', () => {
    expect(sink.owners).toEqual([ig('ana.fixture'), { network: 'threads', handle: 'ana.fixture' }]);
    expect(sink.notices).toEqual([]);
    const owner = sink.accounts.find((a) => a.ref.network === 'instagram' && a.ref.handle === 'ana.fixture')!;
    expect(owner).toMatchObject({ displayName: 'Ana María', bio: 'Cooking 🍳 and cycling', followers: 3, following: 2, posts: 2 });
  });

  it('reads followers from every followers_N.json (bare arrays) and following from relationships_following', () => {
    const followers = sink.follows.filter((f) => f.followee.handle === 'ana.fixture').map((f) => f.follower.handle);
    const following = sink.follows.filter((f) => f.follower.handle === 'ana.fixture').map((f) => f.followee.handle);
    expect(followers.sort()).toEqual(['bo.fan', 'cy_fan', 'di.fan']);
    expect(following.sort()).toEqual(['bo.fan', 'ed.chef']);
    expect(sink.follows.find((f) => f.follower.handle === 'bo.fan')!.createdAt).toBe(1704067200000);
  });

  it('makes one post per record: id from the first media file, caption from the record or its media, text decoded', () => {
    expect(igPosts.filter((p) => !p.replyTo).map((p) => [p.externalId, p.text, p.createdAt])).toEqual([
      ['17900000000000001', 'Breakfast with @ed.chef 👍 #brunch', 1704499200000],
      ['17900000000000002', 'Ride to Sintra — café stop', 1707004801000],
    ]);
    const first = igPosts[0]!;
    expect(first.mentions).toEqual([ig('ed.chef')]);
    expect(first.hashtags).toEqual(['brunch']);
  });

  it('makes each comment a reply to the media owner, its text decoded', () => {
    const replies = igPosts.filter((p) => p.replyTo);
    expect(replies.map((p) => [p.text, p.replyTo?.author?.handle, p.createdAt])).toEqual([
      ['So good @bo.fan 🙄', 'ed.chef', 1704844800000],
      ['First!', 'cy_fan', 1704931200000],
    ]);
  });

  it('makes each liked post a like of its author, by shortcode', () => {
    expect(sink.interactions.map((i) => [i.kind, i.target?.handle, i.targetPost, i.createdAt])).toEqual([
      ['like', 'ed.chef', 'CfixtureA1', 1704585600000],
      ['like', 'bo.fan', 'CfixtureB2', 1704672000000],
      ['like', 'ed.chef', 'CfixtureC3', 1704758400000],
    ]);
  });

  it('reads the Threads part as Threads posts', () => {
    expect(sink.posts.filter((p) => p.network === 'threads').map((p) => p.text)).toEqual(['Thread from the Instagram export']);
  });

  it('never reads direct messages: not a record mentions them; they are listed by folder with their count', () => {
    expect(JSON.stringify(sink.records)).not.toContain('SECRET-DM-TEXT');
    expect(JSON.stringify(sink.records)).not.toContain('dmfriend');
    expect(sink.skipped).toContainEqual({ name: 'your_instagram_activity/messages/', reason: '1 file: direct messages are private: never imported' });
  });

  it('lists what it does not import, with the reason', () => {
    const reasons = Object.fromEntries(sink.skipped.map((s) => [s.name, s.reason]));
    expect(reasons['your_instagram_activity/content/stories.json']).toMatch(/stories expire/);
    expect(reasons['your_instagram_activity/saved/saved_posts.json']).toMatch(/private/);
    expect(reasons['connections/followers_and_following/blocked_profiles.json']).toMatch(/private lists/);
    expect(reasons['your_instagram_activity/likes/liked_comments.json']).toMatch(/comment/);
    expect(reasons['media/']).toBe('1 file: media are not imported');
  });
});

describe('instagram: the 2026 layout', async () => {
  const sink = await read(loadFolderSource(path.join(FIX, 'export-2026')));

  it('reads following.json with the user name only in title and /_u/ links', () => {
    expect(sink.follows.filter((f) => f.follower.handle === 'ana.fixture').map((f) => f.followee.handle)).toEqual(['fe.runner', 'gi.baker', 'ho_photo']);
    expect(sink.follows.filter((f) => f.followee.handle === 'ana.fixture').map((f) => f.follower.handle)).toEqual(['fe.runner', 'iv.reader']);
  });

  it('reads liked_posts.json as a list of label_values, with English or French (mojibake) labels', () => {
    expect(sink.interactions.map((i) => [i.target?.handle, i.targetPost, i.createdAt])).toEqual([
      ['gi.baker', 'DfixtureD4', 1767571200000],
      ['ho_photo', 'DfixtureE5', 1767657600000],
    ]);
  });

  it('reads posts from your_instagram_activity/media/ and comments with French labels', () => {
    expect(sink.posts.map((p) => [p.externalId.startsWith('comment-') ? 'comment' : p.externalId, p.text, p.replyTo?.author?.handle])).toEqual([
      ['17950000000000001', 'New year, new bread 🍞 #sourdough', undefined],
      ['comment', 'Magnifique 😍', 'gi.baker'],
    ]);
  });

  it('names the owner from a label_values profile with a localised label', () => {
    expect(sink.owners).toEqual([ig('ana.fixture')]);
    expect(sink.accounts.find((a) => a.ref.handle === 'ana.fixture')).toMatchObject({ displayName: 'Ana María', followers: 2, following: 3, posts: 1 });
  });
});

describe('instagram: owner and detection', () => {
  const followers = '[{"title":"","string_list_data":[{"href":"https://www.instagram.com/x.y","value":"x.y","timestamp":1}]}]';

  it('uses --owner when the export names nobody, and says so', async () => {
    const sink = await read(makeMemorySource('dl', { 'connections/followers_and_following/followers_1.json': followers }), { ...OPTIONS, owner: '@me.here' });
    expect(sink.owners).toEqual([ig('me.here')]);
    expect(sink.notices).toEqual([]);
    expect(sink.follows[0]!.followee).toEqual(ig('me.here'));
  });

  it('records a placeholder owner, flagged, when neither the export nor --owner names one', async () => {
    const sink = await read(makeMemorySource('dl', { 'followers_1.json': followers }));
    expect(sink.owners).toEqual([ig('~owner')]);
    expect(sink.notices).toEqual([{ name: 'instagram owner', message: expect.stringMatching(/does not name its owner.*--owner/) }]);
  });

  it('prefers the owner the export names over --owner, and says --owner was ignored', async () => {
    const sink = await read(loadFolderSource(path.join(FIX, 'export-2026')), { ...OPTIONS, owner: 'someone.else' });
    expect(sink.owners).toEqual([ig('ana.fixture')]);
    expect(sink.notices).toEqual([{ name: 'personal_information/personal_information/personal_information.json', message: 'names the owner instagram:ana.fixture; --owner someone.else was ignored' }]);
  });

  it('refuses an --owner that is not an Instagram user name when the export names no owner', async () => {
    await expect(read(makeMemorySource('dl', { 'followers_1.json': followers }), { ...OPTIONS, owner: 'not a handle' })).rejects.toBeInstanceOf(UsageError);
  });

  it('detects a lone following.json by its key, and the HTML download with a clear error', async () => {
    const lone = makeMemorySource('following.json', { 'following.json': '{"relationships_following": []}' }, 'file');
    expect((await chooseAdapter(lone)).format).toBe('instagram');
    const html = makeMemorySource('dl', { 'connections/followers_and_following/followers_1.html': '<html></html>' });
    expect((await chooseAdapter(html)).format).toBe('instagram');
    await expect(read(html)).rejects.toThrow(/HTML version.*only the JSON version/);
  });

  it('reads a following.json whose list is null as empty', async () => {
    const sink = await read(makeMemorySource('dl', { 'following.json': '{"relationships_following": null}', 'followers_1.json': '[]' }));
    expect(sink.follows).toEqual([]);
    expect(sink.accounts[0]).toMatchObject({ followers: 0, following: 0 });
  });

  it('reports a record that names no account, with file and index', async () => {
    const sink = makeCollectingSink();
    await instagramAdapter.read(makeMemorySource('dl', { 'followers_1.json': '[{"title":"","string_list_data":[{"timestamp":1}]}]' }), sink, OPTIONS);
    expect(sink.problems).toHaveLength(1);
    expect(sink.problems[0]).toMatchObject({ file: 'dl:followers_1.json', record: 0, reason: expect.stringMatching(/names no account/) });
  });

  it('reports a time that is written but is no time, naming file, record and field; 0 stays "no time" and the other records are read', async () => {
    const sink = makeCollectingSink();
    const followers = JSON.stringify([
      { title: '', string_list_data: [{ value: 'ann', timestamp: 1720152884 }] },
      { title: '', string_list_data: [{ value: 'bob', timestamp: 'soon' }] },
      { title: '', string_list_data: [{ value: 'cat', timestamp: -5 }] },
      { title: '', string_list_data: [{ value: 'dan', timestamp: 0 }] },
    ]);
    const posts = JSON.stringify([{ media: [{ uri: 'media/posts/1.jpg', creation_timestamp: 'yesterday', title: 'hi' }] }]);
    await instagramAdapter.read(makeMemorySource('dl', { 'followers_1.json': followers, 'posts_1.json': posts }), sink, OPTIONS);
    expect(sink.problems.map((p) => [p.file, p.record, p.field])).toEqual(
      expect.arrayContaining([
        ['dl:followers_1.json', 1, 'timestamp'],
        ['dl:followers_1.json', 2, 'timestamp'],
        ['dl:posts_1.json', 0, 'media[].creation_timestamp'],
      ]),
    );
    expect(sink.problems).toHaveLength(3);
    expect(sink.problems.find((p) => p.record === 1)).toMatchObject({ reason: "is 'soon', not a time", expected: expect.stringMatching(/Unix seconds/), fix: expect.stringMatching(/--skip-invalid/) });
    const followersRead = sink.follows.map((f) => [f.follower.handle, f.createdAt]);
    expect(followersRead).toEqual([
      ['ann', 1720152884000],
      ['dan', undefined],
    ]);
  });

  it('the truncated fixture is a problem naming the file and line', async () => {
    const sink = makeCollectingSink();
    await instagramAdapter.read(loadFolderSource(path.join(FIX, 'truncated')), sink, OPTIONS);
    expect(sink.problems[0]).toMatchObject({ file: expect.stringMatching(/followers_1\.json$/), line: 3, reason: expect.stringMatching(/truncated/) });
  });

  it('a lone posts file is read by name', async () => {
    const sink = await read(loadFileSource(path.join(FIX, 'export-2026', 'your_instagram_activity', 'media', 'posts_1.json')));
    expect(sink.posts).toHaveLength(1);
  });
});

describe('instagram: detection does not take other JSON', () => {
  it('a generic JSON table (a bare array) is not Instagram, whatever its name', async () => {
    const lone = makeMemorySource('people.json', { 'people.json': '[{"handle": "alice", "followers": 3}]' }, 'file');
    expect((await chooseAdapter(lone)).format).toBe('json');
  });
});
