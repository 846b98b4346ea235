/**
 * Conformance on real, public archives in ../shared/data/realdata (skipped when absent).
 * The expected counts are the archives' own: the manifest's and the files' row counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../../src/import/open-source.js';
import type { AccountRecord, FollowRecord, InteractionRecord, PostRecord } from '../../../src/store/records.js';
import { twitterAdapter } from '../../../src/import/twitter/index.js';
import { makeZip, readTree } from '../../helpers/archives.js';
import { SHARED, tempDir } from '../../helpers/cli.js';
import { makeCollectingSink } from '../../helpers/collect-sink.js';

const REAL = path.join(SHARED, 'data', 'realdata');
const MILAHU = path.join(REAL, 'twitter-milahu104-2026');
const DOGSHEEP = path.join(REAL, 'twitter-dogsheep-fixtures');

async function importStrict(dir: string) {
  const source = await openSource(dir);
  expect(await twitterAdapter.detect(source)).toBe(true);
  const sink = makeCollectingSink({ strict: true });
  await twitterAdapter.read(source, sink, { defaultNetwork: 'generic' });
  return {
    sink,
    posts: sink.records.filter((r): r is PostRecord => r.type === 'post'),
    follows: sink.records.filter((r): r is FollowRecord => r.type === 'follow'),
    likes: sink.records.filter((r): r is InteractionRecord => r.type === 'interaction' && r.kind === 'like'),
    accounts: sink.records.filter((r): r is AccountRecord => r.type === 'account'),
  };
}

describe('conformance: real Twitter archives', () => {
  it.skipIf(!fs.existsSync(MILAHU))('twitter-milahu104-2026: 2,045 tweets, 61 followers, 167 following, 6,708 likes', async () => {
    const { sink, posts, follows, likes, accounts } = await importStrict(MILAHU);
    const owner = { network: 'twitter', handle: 'milahu104', externalId: '1964312974236991488' };
    expect(sink.problems).toEqual([]);
    expect(posts).toHaveLength(2045);
    expect(new Set(posts.map((p) => p.externalId)).size).toBe(2045);
    expect(posts.every((p) => p.author.handle === 'milahu104' && p.author.externalId === owner.externalId)).toBe(true);
    expect(follows.filter((f) => f.followee.externalId === owner.externalId)).toHaveLength(61);
    expect(follows.filter((f) => f.follower.externalId === owner.externalId)).toHaveLength(167);
    expect(follows).toHaveLength(61 + 167);
    expect(likes).toHaveLength(6708);
    expect(likes.every((l) => l.actor.handle === 'milahu104' && l.targetPost !== undefined)).toBe(true);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ ref: owner, displayName: 'Milan Hauth', followers: 61, following: 167, posts: 2045 });
    // retweets are known only by their text, and are the owner's posts referencing the original
    const retweets = posts.filter((p) => p.reshareOf);
    expect(retweets.length).toBe(posts.filter((p) => p.text?.startsWith('RT @')).length);
    expect(retweets.length).toBeGreaterThan(0);
    expect(retweets.every((p) => p.reshareOf!.author?.handle !== undefined && p.likes === undefined)).toBe(true);
    expect(posts.some((p) => p.quoteOf?.externalId !== undefined)).toBe(true);
    expect(posts.some((p) => p.replyTo && p.replyTo.externalId === undefined && p.replyTo.author !== undefined)).toBe(true);
    expect(sink.skipped.map((s) => s.name)).toContain('data/deleted-tweets.js');
  });

  it.skipIf(!fs.existsSync(MILAHU))('twitter-milahu104-2026 zipped under a wrapper folder: the same records', async () => {
    const dir = tempDir();
    const zip = path.join(dir, 'twitter-2026-03-06.zip');
    fs.writeFileSync(zip, makeZip(Object.entries(readTree(MILAHU)).map(([name, content]) => ({ name: `twitter-2026-03-06/${name}`, content }))));
    const fromZip = await importStrict(zip);
    const fromFolder = await importStrict(MILAHU);
    expect(fromZip.sink.records).toEqual(fromFolder.sink.records);
  });

  it.skipIf(!fs.existsSync(DOGSHEEP))('twitter-dogsheep-fixtures: account.js and the older id-only follower/following rows', async () => {
    const { sink, posts, follows, likes, accounts } = await importStrict(DOGSHEEP);
    const owner = { network: 'twitter', handle: 'simonw', externalId: '12497' };
    expect(sink.problems).toEqual([]);
    expect(posts).toHaveLength(0);
    expect(likes).toHaveLength(0);
    expect(follows).toEqual([
      { type: 'follow', follower: { network: 'twitter', externalId: '73747798' }, followee: owner },
      { type: 'follow', follower: { network: 'twitter', externalId: '386025404' }, followee: owner },
      { type: 'follow', follower: owner, followee: { network: 'twitter', externalId: '547842573' } },
      { type: 'follow', follower: owner, followee: { network: 'twitter', externalId: '12158' } },
    ]);
    // no tweets file: the post count is unknown, not zero
    expect(accounts).toEqual([{ type: 'account', ref: owner, displayName: 'Simon Willison', createdAt: Date.UTC(2006, 10, 15, 13, 18, 50), followers: 2, following: 2, lists: { followers: true, following: true, posts: false } }]);
    expect(sink.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(['api_v1.1_tweets.json', 'app.js', 'saved-search.js', 'account-suspension.js']));
  });
});
