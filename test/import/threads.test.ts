import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadsAdapter } from '../../src/import/threads/index.js';
import { chooseAdapter } from '../../src/import/run-import.js';
import { makeMemorySource } from '../../src/import/memory-source.js';
import type { AdapterOptions, Source } from '../../src/import/source.js';
import { makeCollectingSink } from '../helpers/collect-sink.js';
import { loadFolderSource } from '../helpers/fixture-source.js';
import { ROOT } from '../helpers/cli.js';

const FIX = path.join(ROOT, 'test', 'fixtures', 'threads');
const OPTIONS: AdapterOptions = { defaultNetwork: 'generic' };

async function read(source: Source, options: AdapterOptions = OPTIONS) {
  const sink = makeCollectingSink({ strict: true });
  await threadsAdapter.read(source, sink, options);
  return sink;
}

describe('threads: a Threads export', async () => {
  const source = loadFolderSource(path.join(FIX, 'export'));
  const sink = await read(source);

  it('is detected as threads', async () => {
    expect((await chooseAdapter(source)).format).toBe('threads');
  });

  it('makes one post per record, with the text decoded and hand-fixed text kept', () => {
    expect(sink.posts.map((p) => p.text)).toEqual([
      'Guten Morgen 👋 @th.friend #coffee',
      'Früher war Mittwoch wirklich mitte der woche…',
      'Two photos — one thread',
      '',
    ]);
  });

  it('marks is_reply posts as replies (to an unknown post: the export does not say which)', () => {
    expect(sink.posts.map((p) => p.replyTo)).toEqual([undefined, {}, undefined, undefined]);
  });

  it('takes the time of a several-media post from the record, else its first media', () => {
    expect(sink.posts.map((p) => p.createdAt)).toEqual([1706000000000, 1706000100000, 1706000201000, 1706000300000]);
  });

  it('gives every post a distinct, stable id (none is in the export)', async () => {
    const ids = sink.posts.map((p) => p.externalId);
    expect(new Set(ids).size).toBe(4);
    expect((await read(loadFolderSource(path.join(FIX, 'export')))).posts.map((p) => p.externalId)).toEqual(ids);
  });

  it('reads followers (display names decoded), following and likes; names the owner from personal_information.json', () => {
    expect(sink.owners).toEqual([{ network: 'threads', handle: 'th.owner' }]);
    expect(sink.follows.map((f) => `${f.follower.handle}>${f.followee.handle}`)).toEqual(['pine.marten>th.owner', 'th.friend>th.owner', 'th.owner>th.friend']);
    expect(sink.accounts.find((a) => a.ref.handle === 'pine.marten')?.displayName).toBe('Pine Marten école');
    expect(sink.interactions).toEqual([{ type: 'interaction', actor: { network: 'threads', handle: 'th.owner' }, kind: 'like', target: { network: 'threads', handle: 'river.otter' }, targetPost: 'DAbCdEfGhIj', createdAt: 1705000300000 }]);
    expect(sink.accounts.find((a) => a.ref.handle === 'th.owner')).toMatchObject({ displayName: 'Thread Owner', bio: 'Morning posts', followers: 2, following: 1, posts: 4 });
  });

  it('lists saved threads as not imported', () => {
    expect(sink.skipped).toContainEqual({ name: 'saved_threads.json', reason: 'saved threads are private: not imported' });
  });

  it('reads a lone file under another name by its top-level key', async () => {
    const lone = makeMemorySource('my-threads.json', { 'my-threads.json': '{"text_post_app_text_posts": [{"media": [{"uri": "", "creation_timestamp": 1, "title": "hi"}]}]}' }, 'file');
    expect((await chooseAdapter(lone)).format).toBe('threads');
    expect((await read(lone, { ...OPTIONS, owner: 'me' })).posts.map((p) => p.text)).toEqual(['hi']);
  });

  it('reports a post without a time', async () => {
    const sink2 = makeCollectingSink();
    await threadsAdapter.read(makeMemorySource('t', { 'threads_and_replies.json': '{"text_post_app_text_posts": [{"media": [{"title": "no time"}]}]}' }), sink2, OPTIONS);
    expect(sink2.problems[0]).toMatchObject({ record: 0, reason: expect.stringMatching(/missing/) });
    expect(sink2.posts).toEqual([]);
  });
});

describe('threads: numbered follower files', () => {
  it('a Threads download with followers_1.json is Threads, not Instagram', async () => {
    const source = makeMemorySource('t', {
      'followers_1.json': '{"text_post_app_text_post_app_followers": [{"title": "", "string_list_data": [{"href": "https://www.threads.net/a.b", "value": "a.b", "timestamp": 1705000000}]}]}',
    });
    expect((await chooseAdapter(source)).format).toBe('threads');
    const sink = await read(source, { ...OPTIONS, owner: 'me' });
    expect(sink.follows).toEqual([{ type: 'follow', follower: { network: 'threads', handle: 'a.b' }, followee: { network: 'threads', handle: 'me' }, createdAt: 1705000000000 }]);
  });
});
