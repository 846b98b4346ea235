import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { makeMemorySource } from '../../src/import/memory-source.js';
import { mastodonAdapter } from '../../src/import/mastodon/index.js';
import type { PostRecord } from '../../src/store/records.js';
import type { AdapterOptions, Source } from '../../src/import/source.js';
import { makeCollectingSink } from '../helpers/collect-sink.js';
import { loadFolderSource } from '../helpers/fixture-source.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'mastodon');
const OPTIONS: AdapterOptions = { defaultNetwork: 'generic' };
const STATUS = 'https://social.example/users/alice/statuses/';
const alice = { network: 'mastodon', handle: 'alice@social.example' };

async function readArchive(source: Source, options: AdapterOptions = OPTIONS, strict = false) {
  const sink = makeCollectingSink({ strict });
  await mastodonAdapter.read(source, sink, options);
  return sink;
}

function postById(posts: PostRecord[], id: string): PostRecord {
  const post = posts.find((p) => p.externalId === id);
  if (!post) throw new Error(`no post ${id}`);
  return post;
}

const outboxOf = (items: unknown[], extra = ''): string =>
  `{"type":"OrderedCollection","totalItems":3,${extra}"orderedItems":${JSON.stringify(items)}}`;

describe('mastodon archive: the 2024 fixture', async () => {
  const sink = await readArchive(loadFolderSource(path.join(FIXTURES, 'archive-2024')), OPTIONS, true);

  it('reads the owner from actor.json: handle user@host, HTML bio as text, no follower counts', () => {
    // the profile, then (from likes.json, read after the outbox) the likes the owner gave
    expect(sink.accounts).toHaveLength(2);
    expect(sink.accounts[1]).toEqual({ type: 'account', ref: alice, likesGiven: 3 });
    const owner = sink.accounts[0]!;
    expect(owner.ref).toEqual(alice);
    expect(owner.displayName).toBe('Alice Example');
    expect(owner.bio).toBe('Birder & baker.\nWrites about #birds — and bread.\n\nShe/her');
    // the website from the profile fields, not the profile page every account has
    expect(owner.url).toBe('https://alice.example');
    expect(owner.defaultAvatar).toBe(false); // icon: avatar.png
    expect(owner.createdAt).toBe(Date.UTC(2022, 10, 5));
    expect(owner.followers).toBeUndefined();
    expect(owner.following).toBeUndefined();
    expect('followers' in owner).toBe(false);
  });

  it('takes totalItems as the declared status count, not the array length', () => {
    expect(sink.accounts[0]!.posts).toBe(57);
  });

  it('keeps the LAST orderedItems key: 11 activities, 2 of them direct messages', () => {
    expect(sink.posts).toHaveLength(9);
    expect(sink.posts.every((p) => p.network === 'mastodon' && p.author.handle === 'alice@social.example')).toBe(true);
  });

  it('emits the owner before any record that names them', () => {
    expect(sink.all[0]!.rec.type).toBe('account');
  });

  it('converts a public Note: HTML to text with entities, mentions local and remote, hashtags once, emoji ignored', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000001`);
    expect(p.createdAt).toBe(Date.parse('2024-03-01T10:00:00Z'));
    expect(p.text).toBe(
      `Hello @bob and @carol :blobcat: & friends <3 'quoted' "dq" café 😀\nsee https://example.org/a/very/long/path\n\n#Birds #birds #bread`,
    );
    expect(p.mentions).toEqual([
      { network: 'mastodon', handle: 'bob@other.example' },
      { network: 'mastodon', handle: 'carol@social.example' },
    ]);
    expect(p.hashtags).toEqual(['Birds', 'bread']);
    expect(p.lang).toBe('en');
    expect(p.visibility).toBe('public');
    expect(p.replyTo).toBeUndefined();
    expect(p.reshareOf).toBeUndefined();
  });

  it('reads a reply: inReplyTo URI and the author inferred from it; unlisted when Public is in cc', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000002`);
    expect(p.replyTo).toEqual({ externalId: 'https://other.example/users/bob/statuses/109000000000000001', author: { network: 'mastodon', handle: 'bob@other.example' } });
    expect(p.visibility).toBe('unlisted');
    expect(p.text).toBe('@bob Agreed!');
  });

  it('reads a self-reply as a reply to the owner', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000009`);
    expect(p.replyTo).toEqual({ externalId: `${STATUS}110000000000000001`, author: alice });
  });

  it('marks followers-only posts and decodes named Latin-1 entities', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000003`);
    expect(p.visibility).toBe('followers');
    expect(p.text).toBe('Nur für Follower – danke.');
    expect(p.lang).toBe('de');
  });

  it('does not import direct messages, and says how many were left out', () => {
    expect(sink.posts.find((p) => p.externalId === `${STATUS}110000000000000004`)).toBeUndefined();
    expect(sink.posts.find((p) => p.externalId === `${STATUS}110000000000000011`)).toBeUndefined();
    expect(sink.skipped).toContainEqual({ name: 'outbox.json', reason: '2 direct messages not imported' });
  });

  it('imports a poll (Question) as a post', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000005`);
    expect(p.text).toBe('Best bread?');
    expect(p.visibility).toBe('public');
  });

  it('reads a boost whose author is in cc as a reshare by the owner', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000006/activity`);
    expect(p.author).toEqual(alice);
    expect(p.reshareOf).toEqual({ externalId: 'https://third.example/users/dave/statuses/222', author: { network: 'mastodon', handle: 'dave@third.example' } });
    expect(p.createdAt).toBe(Date.parse('2024-03-04T07:15:00Z'));
    expect(p.text).toBeUndefined();
  });

  it('infers a boosted author from a /@name/<id> URI when cc names only followers', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000007/activity`);
    expect(p.reshareOf).toEqual({ externalId: 'https://fourth.example/@erin/333', author: { network: 'mastodon', handle: 'erin@fourth.example' } });
  });

  it('keeps a boost of an unknowable author with the status URI only', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000008/activity`);
    expect(p.reshareOf).toEqual({ externalId: 'https://pleroma.example/objects/5c1f0e0a-7a3b-4a55-9d1e-0000000000aa' });
  });

  it('accepts as:Public and a status with only contentMap', () => {
    const p = postById(sink.posts, `${STATUS}110000000000000010`);
    expect(p.visibility).toBe('public');
    expect(p.lang).toBe('fr');
    expect(p.text).toBe('Bonjour ! À bientôt');
  });

  it('reads likes.json (no totalItems) as likes by the owner, target inferred from the URI when possible', () => {
    expect(sink.interactions).toEqual([
      { type: 'interaction', actor: alice, kind: 'like', targetPost: 'https://other.example/users/bob/statuses/109000000000000001', target: { network: 'mastodon', handle: 'bob@other.example' } },
      { type: 'interaction', actor: alice, kind: 'like', targetPost: 'https://fourth.example/@erin/109000000000000002', target: { network: 'mastodon', handle: 'erin@fourth.example' } },
      { type: 'interaction', actor: alice, kind: 'like', targetPost: 'https://pleroma.example/objects/5c1f0e0a-7a3b-4a55-9d1e-000000000003' },
    ]);
    expect(sink.interactions.every((i) => i.createdAt === undefined)).toBe(true);
  });

  it('lists bookmarks, images and media as skipped, with no problems', () => {
    const names = sink.skipped.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['bookmarks.json', 'avatar.png', 'header.jpg', 'media_attachments/']));
    expect(sink.skipped.find((s) => s.name === 'media_attachments/')!.reason).toBe('2 media files not imported');
    expect(sink.problems).toEqual([]);
    expect(sink.follows).toEqual([]);
  });

  it('locates every record: file and record index', () => {
    const boost = sink.all.find((r) => r.rec.type === 'post' && r.rec.externalId.endsWith('06/activity'))!;
    expect(boost.at.file).toMatch(/outbox\.json$/);
    expect(boost.at.record).toBe(5);
  });

  it('reports progress up to the total size', () => {
    const last = sink.progressCalls[sink.progressCalls.length - 1]!;
    expect(last[0]).toBeGreaterThan(0);
    expect(last[0]).toBeLessThanOrEqual(last[1]);
  });
});

describe('mastodon archive: the duplicate orderedItems key', () => {
  it('yields the real items (the last key), not the empty first one', async () => {
    const note = {
      type: 'Create',
      actor: 'https://h.example/users/zed',
      to: ['https://www.w3.org/ns/activitystreams#Public'],
      object: { id: 'https://h.example/users/zed/statuses/1', type: 'Note', published: '2024-01-01T00:00:00Z', content: '<p>hi</p>' },
    };
    const text = `{"type":"OrderedCollection","totalItems":1,"orderedItems":[],"orderedItems":${JSON.stringify([note])}}`;
    const sink = await readArchive(makeMemorySource('x', { 'outbox.json': text }), { ...OPTIONS, owner: 'zed@h.example' }, true);
    expect(sink.posts.map((p) => p.externalId)).toEqual(['https://h.example/users/zed/statuses/1']);
    expect(sink.posts[0]!.text).toBe('hi');
  });
});

describe('mastodon archive: detection', () => {
  const src = (files: Record<string, string>) => makeMemorySource('x', files);
  it('detects outbox.json or actor.json at the root or one folder down', async () => {
    expect(await mastodonAdapter.detect(src({ 'outbox.json': '{}' }))).toBe(true);
    expect(await mastodonAdapter.detect(src({ 'actor.json': '{}', 'x.png': '' }))).toBe(true);
    expect(await mastodonAdapter.detect(src({ 'archive-20240101/outbox.json': '{}' }))).toBe(true);
  });
  it('does not detect deeper files, other JSON or a Twitter archive', async () => {
    expect(await mastodonAdapter.detect(src({ 'a/b/outbox.json': '{}' }))).toBe(false);
    expect(await mastodonAdapter.detect(src({ 'posts.json': '[]' }))).toBe(false);
    expect(await mastodonAdapter.detect(src({ 'data/tweets.js': 'window.YTD.tweets.part0 = []', 'data/manifest.js': '' }))).toBe(false);
  });
  it('reads an archive one folder down and skips what lies outside it', async () => {
    const dir = loadFolderSource(path.join(FIXTURES, 'archive-2024'));
    const files: Record<string, string> = { 'notes.txt': 'mine' };
    for (const e of dir.entries) files[`archive-20240305/${e.name}`] = await e.readText();
    const sink = await readArchive(makeMemorySource('nested.zip', files, 'zip'));
    expect(sink.posts).toHaveLength(9);
    expect(sink.interactions).toHaveLength(3);
    expect(sink.skipped).toContainEqual({ name: 'notes.txt', reason: "outside the Mastodon archive folder 'archive-20240305/'" });
    expect(sink.skipped).toContainEqual({ name: 'archive-20240305/outbox.json', reason: '2 direct messages not imported' });
  });
});

describe('mastodon archive: owner without actor.json', () => {
  const outbox = outboxOf([
    { type: 'Announce', id: 'https://h.example/users/zed/statuses/2/activity', actor: 'https://h.example/users/zed', published: '2024-01-01T00:00:00Z', to: ['Public'], cc: ['https://h.example/users/zed/followers'], object: 'https://o.example/users/yan/statuses/9' },
  ]);
  it('uses --owner when given', async () => {
    const sink = await readArchive(makeMemorySource('x', { 'outbox.json': outbox }), { ...OPTIONS, owner: '@Zed@H.example' });
    expect(sink.accounts).toEqual([{ type: 'account', ref: { network: 'mastodon', handle: 'Zed@h.example' }, posts: 3, lists: { posts: true } }]);
    expect(sink.posts[0]!.author).toEqual({ network: 'mastodon', handle: 'Zed@h.example' });
  });
  it('else infers it from the activities actor URI', async () => {
    const sink = await readArchive(makeMemorySource('x', { 'outbox.json': outbox }));
    expect(sink.posts[0]!.author).toEqual({ network: 'mastodon', handle: 'zed@h.example' });
    expect(sink.posts[0]!.reshareOf!.author).toEqual({ network: 'mastodon', handle: 'yan@o.example' });
  });
  it('fails with a fix when nothing says who the owner is (likes only)', async () => {
    const likes = '{"type":"OrderedCollection","orderedItems":["https://o.example/users/yan/statuses/9"]}';
    const err = await readArchive(makeMemorySource('x', { 'likes.json': likes })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail.fix).toBe('pass --owner user@host');
  });
  it('rejects a malformed --owner as a usage error', async () => {
    const err = await readArchive(makeMemorySource('x', { 'outbox.json': outbox }), { ...OPTIONS, owner: 'zed' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
  });
});

describe('mastodon archive: bad input', () => {
  it('reports a truncated outbox.json with its file and line, and a fix', async () => {
    const sink = await readArchive(loadFolderSource(path.join(FIXTURES, 'truncated')));
    expect(sink.problems).toHaveLength(1);
    const p = sink.problems[0]!;
    expect(p.file).toMatch(/truncated:outbox\.json$/);
    expect(p.line).toBe(42);
    expect(p.reason).toContain('truncated');
    expect(p.expected).toContain('OrderedCollection');
    expect(p.fix).toContain('archive');
    expect(sink.posts).toEqual([]);
    // the owner still comes from the intact actor.json
    expect(sink.accounts.map((a) => a.ref.handle)).toEqual(['alice@social.example']);
  });

  it('throws an InputError in strict mode on a truncated outbox', async () => {
    const err = await readArchive(loadFolderSource(path.join(FIXTURES, 'truncated')), OPTIONS, true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail.line).toBe(42);
  });

  it('gives the line of a syntax error in the middle of a file', async () => {
    const text = '{\n  "type": "OrderedCollection",\n  "orderedItems": [\n    {"type": "Create",}\n  ]\n}\n';
    const sink = await readArchive(makeMemorySource('x', { 'outbox.json': text }), { ...OPTIONS, owner: 'a@b.example' });
    expect(sink.problems[0]).toMatchObject({ line: 4, file: 'x:outbox.json' });
    expect(sink.problems[0]!.reason).toContain('property name');
  });

  it('reports orderedItems that is not an array', async () => {
    const sink = await readArchive(makeMemorySource('x', { 'outbox.json': '{"type":"OrderedCollection","orderedItems":{"a":1}}' }), { ...OPTIONS, owner: 'a@b.example' });
    expect(sink.problems).toMatchObject([{ field: 'orderedItems', reason: 'is not an array' }]);
  });

  it('names the record index and field of a Create without object, and imports the rest', async () => {
    const good = { type: 'Create', to: ['Public'], object: { id: 'https://b.example/users/a/statuses/1', type: 'Note', published: '2024-01-01T00:00:00Z', content: 'x' } };
    const items = [good, { type: 'Create', to: ['Public'] }, { type: 'Create', to: ['Public'], object: { type: 'Note', published: '2024-01-01T00:00:00Z' } }, 'nonsense', { type: 'Announce', id: 'https://b.example/x', published: 'yesterday', object: 'https://c.example/users/d/statuses/1', to: ['Public'] }];
    const sink = await readArchive(makeMemorySource('x', { 'outbox.json': outboxOf(items) }), { ...OPTIONS, owner: 'a@b.example' });
    expect(sink.posts).toHaveLength(1);
    expect(sink.problems.map((p) => [p.record, p.field, p.reason])).toEqual([
      [1, 'orderedItems[1].object', 'is missing'],
      [2, 'orderedItems[2].object.id', 'is missing'],
      [3, 'orderedItems[3]', 'is not an object'],
      [4, 'orderedItems[4].published', 'is missing, not a date, or outside 1990-01-01 to 2100-01-01'],
    ]);
    expect(sink.problems.every((p) => p.expected && p.fix)).toBe(true);
  });

  it('counts unsupported activity types instead of dropping them silently', async () => {
    const items = [{ type: 'Like', object: 'https://c.example/x' }, { type: 'Like', object: 'https://c.example/y' }, { type: 'Create', to: ['Public'], object: { type: 'Article', id: 'u' } }];
    const sink = await readArchive(makeMemorySource('x', { 'outbox.json': outboxOf(items) }), { ...OPTIONS, owner: 'a@b.example' });
    expect(sink.skipped).toEqual([
      { name: 'outbox.json', reason: '2 activities of type Like not imported' },
      { name: 'outbox.json', reason: '1 activity of type Create Article not imported' },
    ]);
  });

  it('reports a like that is not a URI', async () => {
    const sink = await readArchive(makeMemorySource('x', { 'likes.json': '{"orderedItems":["https://c.example/users/d/statuses/1", 42]}' }), { ...OPTIONS, owner: 'a@b.example' });
    expect(sink.interactions).toHaveLength(1);
    expect(sink.problems).toMatchObject([{ record: 1, field: 'orderedItems[1]' }]);
  });

  it('reports an actor.json without preferredUsername', async () => {
    const sink = await readArchive(makeMemorySource('x', { 'actor.json': '{"id":"https://b.example/users/a","type":"Person"}' }));
    expect(sink.problems).toMatchObject([{ field: 'preferredUsername', reason: 'is missing' }]);
    expect(sink.accounts).toEqual([]);
  });
});
