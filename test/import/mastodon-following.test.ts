import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { makeMemorySource } from '../../src/import/memory-source.js';
import { mastodonAdapter, mastodonFollowingAdapter } from '../../src/import/mastodon/index.js';
import { classifyFirstLine } from '../../src/import/mastodon/following-list.js';
import type { AdapterOptions, Source } from '../../src/import/source.js';
import { makeCollectingSink } from '../helpers/collect-sink.js';
import { ROOT, SHARED } from '../helpers/cli.js';
import { loadFileSource, loadFolderSource } from '../helpers/fixture-source.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'mastodon');
const REAL = path.join(SHARED, 'data', 'realdata', 'mastodon-csv');
const WITH_OWNER: AdapterOptions = { defaultNetwork: 'generic', owner: 'me@home.example' };
const me = { network: 'mastodon', handle: 'me@home.example' };

async function readFollowing(source: Source, options: AdapterOptions = WITH_OWNER, strict = false) {
  const sink = makeCollectingSink({ strict });
  await mastodonFollowingAdapter.read(source, sink, options);
  return sink;
}
const followees = (sink: { follows: Array<{ followee: { handle?: string } }> }) => sink.follows.map((f) => f.followee.handle);

describe('mastodon following list', () => {
  it('reads the current layout: header, blank lines, a quoted language list', async () => {
    const source = loadFileSource(path.join(FIXTURES, 'following_accounts.csv'));
    expect(await mastodonFollowingAdapter.detect(source)).toBe(true);
    const sink = await readFollowing(source, WITH_OWNER, true);
    expect(followees(sink)).toEqual(['ann@mastodon.example', 'bob@other.example', 'Carol@social.example']);
    expect(sink.follows.every((f) => f.type === 'follow' && f.follower.handle === me.handle && f.follower.network === 'mastodon')).toBe(true);
    expect(sink.all.filter((r) => r.rec.type === 'follow').map((r) => r.at.line)).toEqual([3, 5, 6]);
    expect(sink.follows[0]!.createdAt).toBeUndefined();
  });

  it('reads the 2017 layout: no header, one column, a blank line', async () => {
    const source = loadFileSource(path.join(FIXTURES, 'following_accounts_2017.csv'));
    expect(await mastodonFollowingAdapter.detect(source)).toBe(true);
    const sink = await readFollowing(source, WITH_OWNER, true);
    expect(followees(sink)).toEqual(['ann@mastodon.example', 'bob@other.example', 'dave@third.example']);
    expect(sink.all.filter((r) => r.rec.type === 'follow').map((r) => r.at.line)).toEqual([1, 2, 4]);
  });

  it('does not take lists, mutes or blocks for following lists', async () => {
    for (const name of ['lists.csv', 'muted_accounts.csv', 'blocked_accounts.csv']) {
      expect(await mastodonFollowingAdapter.detect(loadFileSource(path.join(FIXTURES, name))), name).toBe(false);
    }
    expect(classifyFirstLine('Account address,Stealth', 'new-block-imports.txt')).toBeUndefined();
    expect(classifyFirstLine('Account address,Show boosts', 'old.csv')).toBe('header');
    expect(classifyFirstLine('@ann@mastodon.example', 'follows.csv')).toBe('headerless');
    expect(classifyFirstLine('handle,followers', 'accounts.csv')).toBeUndefined();
    expect(await mastodonFollowingAdapter.detect(makeMemorySource('x', { 'follows.json': 'ann@mastodon.example\n' }))).toBe(false);
  });

  it('reads only the following list of a folder of Mastodon CSV exports, listing the others as skipped', async () => {
    const files: Record<string, Buffer> = {};
    for (const name of ['following_accounts.csv', 'lists.csv', 'muted_accounts.csv', 'blocked_accounts.csv']) files[name] = fs.readFileSync(path.join(FIXTURES, name));
    const sink = await readFollowing(makeMemorySource('csvs', files));
    expect(sink.follows).toHaveLength(3);
    expect(sink.skipped.map((s) => s.name).sort()).toEqual(['blocked_accounts.csv', 'lists.csv', 'muted_accounts.csv']);
  });

  it('fails with the fix `pass --owner user@host` when no owner is known', async () => {
    const err = await readFollowing(loadFileSource(path.join(FIXTURES, 'following_accounts.csv')), { defaultNetwork: 'generic' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail.fix).toBe('pass --owner user@host');
  });

  it('takes the owner from actor.json in the same source, and emits their profile', async () => {
    const source = makeMemorySource('x', {
      'actor.json': fs.readFileSync(path.join(FIXTURES, 'archive-2024', 'actor.json')),
      'following_accounts.csv': fs.readFileSync(path.join(FIXTURES, 'following_accounts_2017.csv')),
    });
    const sink = await readFollowing(source, { defaultNetwork: 'generic' });
    expect(sink.accounts.map((a) => a.ref.handle)).toEqual(['alice@social.example']);
    expect(sink.follows.every((f) => f.follower.handle === 'alice@social.example')).toBe(true);
    expect(sink.follows).toHaveLength(3);
  });

  it('is read by the archive adapter when it sits inside a Mastodon archive folder', async () => {
    const archive = loadFolderSource(path.join(FIXTURES, 'archive-2024'));
    const files: Record<string, string> = { 'following_accounts.csv': fs.readFileSync(path.join(FIXTURES, 'following_accounts.csv'), 'utf8'), 'lists.csv': 'x,ann@mastodon.example\n' };
    for (const e of archive.entries) files[e.name] = await e.readText();
    const sink = makeCollectingSink({ strict: true });
    await mastodonAdapter.read(makeMemorySource('x', files), sink, { defaultNetwork: 'generic' });
    expect(followees(sink)).toEqual(['ann@mastodon.example', 'bob@other.example', 'Carol@social.example']);
    expect(sink.follows[0]!.follower).toEqual({ network: 'mastodon', handle: 'alice@social.example' });
    expect(sink.skipped).toContainEqual({ name: 'lists.csv', reason: 'not a following list (lists, mutes and blocks are not imported)' });
    // the owner's profile, then the likes they gave (likes.json, read after the outbox)
    expect(sink.accounts.map((a) => a.ref.handle)).toEqual(['alice@social.example', 'alice@social.example']);
  });

  it('reports a bad address with its line and field, and goes on', async () => {
    const csv = 'Account address,Show boosts,Notify on new posts,Languages\nann@mastodon.example,true,false,\nnot-an-address,true,false,\n,true,false,\nbob@other.example,true,false,\n';
    const sink = await readFollowing(makeMemorySource('x', { 'following_accounts.csv': csv }));
    expect(followees(sink)).toEqual(['ann@mastodon.example', 'bob@other.example']);
    expect(sink.problems).toMatchObject([
      { file: 'x:following_accounts.csv', line: 3, field: 'Account address', reason: "'not-an-address' is not an account address", expected: 'user@host, e.g. alice@mastodon.social' },
      { line: 4, field: 'Account address', reason: 'is empty' },
    ]);
  });

  it('reports a row the CSV parser cannot read, and throws in strict mode', async () => {
    const csv = 'Account address,Show boosts,Notify on new posts,Languages\nann@mastodon.example,true,false,"en\n';
    const sink = await readFollowing(makeMemorySource('x', { 'f.csv': csv }));
    expect(followees(sink)).toEqual([]);
    expect(sink.problems).toHaveLength(1);
    expect(sink.problems[0]!.reason).toContain('unreadable CSV row');
    // the row whose quote never closes
    expect(sink.problems[0]!.line).toBe(2);
    const err = await readFollowing(makeMemorySource('x', { 'f.csv': csv }), WITH_OWNER, true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
  });

  it('throws in strict mode on a bad address, naming the line', async () => {
    const csv = 'ann@mastodon.example\nbob\n';
    const err = await readFollowing(makeMemorySource('x', { 'following_accounts.csv': csv }), WITH_OWNER, true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail).toMatchObject({ line: 2, field: 'Account address' });
  });

  it('strips a BOM and a leading @ from addresses', async () => {
    const sink = await readFollowing(makeMemorySource('x', { 'following_accounts.csv': '\uFEFFAccount address,Show boosts\r\n@ann@mastodon.example,true\r\n' }), WITH_OWNER, true);
    expect(followees(sink)).toEqual(['ann@mastodon.example']);
  });
});

describe.skipIf(!fs.existsSync(REAL))('mastodon following list: real exports (conformance)', () => {
  it('reads all 797 rows of the 2023 export', async () => {
    const source = loadFileSource(path.join(REAL, 'following_accounts_todb_2023.csv'));
    expect(await mastodonFollowingAdapter.detect(source)).toBe(true);
    const sink = await readFollowing(source, WITH_OWNER, true);
    expect(sink.follows).toHaveLength(797);
    expect(sink.problems).toEqual([]);
    expect(new Set(followees(sink)).size).toBe(797);
  });

  it("reads Mastodon's own following_accounts.csv fixture (blank lines, quoted languages)", async () => {
    const source = loadFileSource(path.join(REAL, 'following_accounts.csv'));
    expect(await mastodonFollowingAdapter.detect(source)).toBe(true);
    const sink = await readFollowing(source, WITH_OWNER, true);
    expect(followees(sink)).toEqual(['user@example.com', 'user@test.com']);
  });

  it('does not detect lists.csv, muted_accounts.csv or new-block-imports.txt as following lists', async () => {
    for (const name of ['lists.csv', 'muted_accounts.csv', 'new-block-imports.txt']) {
      expect(await mastodonFollowingAdapter.detect(loadFileSource(path.join(REAL, name))), name).toBe(false);
    }
  });
});
