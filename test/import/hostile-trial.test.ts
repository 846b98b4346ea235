/**
 * A second hostile trial of issue 13's items, in variations the first tests did not cover:
 * other fields, other export kinds, other line endings. Every file is generated here. A
 * refused file must exit 2 naming file, line or record, and field, and leave the database
 * byte for byte as it was (the database file and any journal beside it are hashed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dbBytes, query } from '../helpers/db.js';
import { importIntoNew, refusedImport, seedTrialDb, writeTrialFiles } from '../helpers/import-trial.js';

let dir = '';
let db = '';

beforeAll(async () => {
  ({ dir, db } = await seedTrialDb());
});

const writeFiles = (files: Record<string, string | Buffer>): string => writeTrialFiles(dir, files);
const refused = (name: string, content: string | Buffer, extra: string[] = []): Promise<string> => refusedImport(db, dir, name, content, extra);
const imported = (files: Record<string, string | Buffer>, extra: string[] = [], target = '') => importIntoNew(dir, files, extra, target);

describe('counts: no value is stored rounded or as infinity', () => {
  it.each([
    ['followers 1e300 (JSON)', 'a.json', '[{"handle":"x","followers":1e300}]', /record 0: field 'followers'/],
    ['mentions_received 1e308 (JSON), which made explain print NaN', 'b.json', '[{"handle":"x","mentions_received":1e308}]', /record 0: field 'mentions_received'/],
    ['followers with 20 digits (CSV), which was stored as 1e20', 'c.csv', 'handle,followers\nx,99999999999999999999\n', /line 2: field 'followers'/],
    ['followers above 2^53 (JSON integer)', 'd.json', '[{"handle":"x","followers":12345678901234567890}]', /record 0: field 'followers'/],
    ['window_days 1e300', 'e.json', '[{"handle":"x","window_days":1e300,"mentions_received":1}]', /record 0: field 'window_days'/],
  ])('%s is refused, saying the largest count', async (_label, name, content, where) => {
    const err = await refused(name, content);
    expect(err).toMatch(where);
    expect(err).toMatch(/9,007,199,254,740,991|3650/);
  });

  it('the largest exact count is kept exactly', async () => {
    const r = await imported({ 'a.csv': 'handle,followers\nx,9007199254740991\n' }, [], 'a.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(query(r.db, "SELECT followers FROM accounts WHERE handle = 'x'")).toEqual([{ followers: 9007199254740991 }]);
  });
});

describe('profile texts: an object or array is never stored as [object Object]', () => {
  it.each([
    ['bio', '{"a":1}'],
    ['url', '[1,2]'],
    ['location', '{"city":"x"}'],
  ])('%s given as %s is refused', async (field, value) => {
    const err = await refused(`${field}.json`, `[{"handle":"x","${field}":${value}}]`);
    expect(err).toContain(`record 0: field '${field}'`);
    expect(err).toMatch(/not (an object|an array)/);
  });
});

describe('dates that do not exist are refused, never rolled over to the next month', () => {
  it.each(['Fri Mar 36 13:02:05 +0000 2026', 'Sun Feb 29 13:02:05 +0000 2025', 'Fri Mar 06 25:02:05 +0000 2026', 'Fri Mar 06 13:02:05 +9999 2026'])('generic created_at %s', async (value) => {
    const err = await refused('t.json', JSON.stringify([{ id: 'p1', author: 'a', created_at: value }]));
    expect(err).toContain("record 0: field 'created_at'");
  });

  it('a Twitter archive tweet dated Mar 36 (was stored as Apr 5)', async () => {
    const tweet = { tweet: { id: '5', id_str: '5', created_at: 'Fri Mar 36 13:02:05 +0000 2026', full_text: 'hi', favorite_count: '1', retweet_count: '0', entities: {} } };
    const archive = writeFiles({
      'data/account.js': 'window.YTD.account.part0 = [{"account":{"username":"o","accountId":"1"}}]',
      'data/tweets.js': `window.YTD.tweets.part0 = ${JSON.stringify([tweet])}`,
    });
    const before = dbBytes(db);
    const r = await runCli(['import', '--db', db, archive]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/tweets\.js:line 1:record 0: field 'created_at'/);
    expect(dbBytes(db)).toBe(before);
  });

  it('a Mastodon outbox Note published on Feb 31 (was stored as Mar 3)', async () => {
    const note = { id: 'https://m.example/users/me/statuses/1/activity', type: 'Create', actor: 'https://m.example/users/me', published: '2026-02-31T00:00:00Z', to: ['https://www.w3.org/ns/activitystreams#Public'], object: { id: 'https://m.example/users/me/statuses/1', type: 'Note', published: '2026-02-31T00:00:00Z', content: '<p>hi</p>', to: ['https://www.w3.org/ns/activitystreams#Public'] } };
    const archive = writeFiles({
      'outbox.json': JSON.stringify({ type: 'OrderedCollection', totalItems: 1, orderedItems: [note] }),
      'actor.json': JSON.stringify({ id: 'https://m.example/users/me', type: 'Person', preferredUsername: 'me' }),
    });
    const before = dbBytes(db);
    const r = await runCli(['import', '--db', db, archive]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/outbox\.json:record 0: field 'orderedItems\[0\]\.object\.published'/);
    expect(dbBytes(db)).toBe(before);
  });
});

describe('Twitter archive counts that are not counts are errors, not silently dropped', () => {
  it.each(['abc', '99999999999999999999', '-1'])('favorite_count %s', async (value) => {
    const tweet = { tweet: { id: '5', id_str: '5', created_at: 'Fri Mar 06 13:02:05 +0000 2026', full_text: 'hi', favorite_count: value, retweet_count: '0', entities: {} } };
    const archive = writeFiles({
      'data/account.js': 'window.YTD.account.part0 = [{"account":{"username":"o","accountId":"1"}}]',
      'data/tweets.js': `window.YTD.tweets.part0 = ${JSON.stringify([tweet])}`,
    });
    const before = dbBytes(db);
    const r = await runCli(['import', '--db', db, archive]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/tweets\.js:line 1:record 0: field 'favorite_count'/);
    expect(dbBytes(db)).toBe(before);
  });
});

describe('line endings: LF and CRLF mixed, or CR alone, decided by the first line break', () => {
  it.each([
    ['LF, then CRLF', 'handle,followers\nm1,5\r\nm2,6\nm3,7\r\n'],
    ['CR alone, with a CR inside a quoted field', 'handle,bio\rm1,"line1\rline2"\rm2,x\rm3,y\r'],
  ])('CSV: %s', async (_label, content) => {
    const r = await imported({ 'a.csv': content }, [], 'a.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(query(r.db, "SELECT handle FROM accounts WHERE handle LIKE 'm_' ORDER BY handle")).toEqual([{ handle: 'm1' }, { handle: 'm2' }, { handle: 'm3' }]);
  });

  it('in an LF file a CR alone inside a field is text, and line numbers count LFs (as editors and sed do)', async () => {
    const ok = await imported({ 'a.csv': 'handle,bio\nm1,"a\rb"\nm2,x\n' }, [], 'a.csv');
    expect(ok.code, ok.stderr).toBe(0);
    expect(query(ok.db, "SELECT bio FROM accounts WHERE handle = 'm1'")).toEqual([{ bio: 'a\rb' }]);
    const bad = await imported({ 'a.csv': 'handle,bio\nm1,"a\rb"\nm2,x,extra\n' }, [], 'a.csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('a.csv:line 3:');
  });

  it('NDJSON with CR-only line endings; an LF file keeps a CR between tokens as white space', async () => {
    const cr = await imported({ 'a.ndjson': '{"handle":"m1"}\r{"handle":"m2"}\r{"handle":"m3"}' }, [], 'a.ndjson');
    expect(cr.code, cr.stderr).toBe(0);
    expect(query(cr.db, "SELECT count(*) AS n FROM accounts WHERE handle LIKE 'm_'")).toEqual([{ n: 3 }]);
    const lf = await imported({ 'a.ndjson': '{"handle":"m0"}\n{"handle":"m1",\r"followers":5}\n' }, [], 'a.ndjson');
    expect(lf.code, lf.stderr).toBe(0);
    expect(query(lf.db, "SELECT followers FROM accounts WHERE handle = 'm1'")).toEqual([{ followers: 5 }]);
  });
});

describe('a CSV header that names a column twice is refused: one of the values would be lost', () => {
  it.each([
    ['followers,followers', 'handle,followers,followers\nx,5,6\n', 'followers'],
    ['handle,HANDLE (names are case-insensitive)', 'handle,HANDLE\nx,y\n', 'handle'],
  ])('%s', async (_label, content, column) => {
    const err = await refused('dup.csv', content);
    expect(err).toContain('dup.csv:line 1');
    expect(err).toContain(`'${column}'`);
    expect(err).toMatch(/columns 2 and 3|columns 1 and 2/);
  });
});

describe('makeLineBreakNormalizer', () => {
  it('reads a CR at the end of the first chunk and an LF at the start of the next as one CRLF', async () => {
    const { makeLineBreakNormalizer } = await import('../../src/import/line-breaks.js');
    const n = makeLineBreakNormalizer();
    expect([n('a\r'), n('\nb\r'), n('c\r'), n('', true)].join('')).toBe('a\r\nb\rc\r');
    const m = makeLineBreakNormalizer();
    expect([m('a\r'), m('b\r\n'), m('c\r', true)].join('')).toBe('a\nb\n\nc\n');
  });
});

describe('a JSON row that names a column twice (keys differing in case) is refused', () => {
  it('{"handle":"j1","HANDLE":"j2"}', async () => {
    const err = await refused('dupkeys.json', '[{"handle":"j1","HANDLE":"j2","followers":1}]');
    expect(err).toContain("dupkeys.json:record 0: field 'HANDLE'");
    expect(err).toContain('twice');
  });
});

describe('error messages show what was refused', () => {
  it('a control character in a refused value is shown as its escape, never written raw nor dropped', async () => {
    const err = await refused('kinds.csv', 'actor,target,kind\na,b,\u001b[31mlike\n');
    expect(err).toContain("'\\u001b[31mlike' is not an interaction kind");
    expect(err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('says to pass --skip-invalid once, also where the adapter words it itself', async () => {
    const tweet = { tweet: { id: 'x5', id_str: 'x5', created_at: 'Fri Mar 06 13:02:05 +0000 2026', full_text: 'hi', entities: {} } };
    const archive = writeFiles({
      'data/account.js': 'window.YTD.account.part0 = [{"account":{"username":"o","accountId":"1"}}]',
      'data/tweets.js': `window.YTD.tweets.part0 = ${JSON.stringify([tweet])}`,
    });
    const r = await runCli(['import', '--db', db, archive]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/--skip-invalid/g)).toHaveLength(1);
    const csv = await refused('count.csv', 'handle,followers\nx,abc\n');
    expect(csv.match(/--skip-invalid/g)).toHaveLength(1);
  });
});

describe('own-data exports: a date that is written but cannot be read is reported, not dropped', () => {
  it.each([
    ['a TikTok follower dated 2026-02-31', { Activity: { 'Follower List': { FansList: [{ Date: '2026-02-31 10:00:00', UserName: 'f1' }] } } }, 'Follower List [0].Date'],
    ['a TikTok like dated "yesterday"', { Activity: { 'Like List': { ItemFavoriteList: [{ Date: 'yesterday', Link: 'https://www.tiktokv.com/share/video/7200255970008861998/' }] } } }, 'Like List [0].Date'],
  ])('%s', async (_label, data, section) => {
    const file = { ...data, Profile: { 'Profile Information': { ProfileMap: { userName: 'me' } } } };
    const err = await refused('user_data_tiktok.json', JSON.stringify(file));
    expect(err).toContain(section);
    expect(err).toMatch(/Date': '(2026-02-31 10:00:00|yesterday)' is not a date/);
  });

  it('a TikTok follower whose date is N/A or absent keeps the follow without a time', async () => {
    const file = { Activity: { 'Follower List': { FansList: [{ Date: 'N/A', UserName: 'f1' }, { UserName: 'f2' }] } }, Profile: { 'Profile Information': { ProfileMap: { userName: 'me' } } } };
    const r = await imported({ 'user_data_tiktok.json': JSON.stringify(file) }, [], 'user_data_tiktok.json');
    expect(r.code, r.stderr).toBe(0);
    expect(query(r.db, 'SELECT count(*) AS n FROM follows WHERE created_at IS NULL')).toEqual([{ n: 2 }]);
  });

  it('a LinkedIn connection "Connected On" 31 Feb 2026', async () => {
    const at = writeFiles({ 'Connections.csv': 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,https://www.linkedin.com/in/ab,,,,31 Feb 2026\n' });
    const before = dbBytes(db);
    const r = await runCli(['import', '--db', db, '--format', 'linkedin', '--owner', 'me', at]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("Connections.csv:line 2: field 'Connected On': '31 Feb 2026' is not a date");
    expect(dbBytes(db)).toBe(before);
  });
});

describe('a source no format recognises: the error says why when it can', () => {
  it.each([
    ['an empty file', 'empty.csv', '', 'the file is empty'],
    ['a UTF-16 CSV', 'utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('handle,followers\nx,5\n', 'utf16le')]), 'UTF-16'],
    ['a table separated by semicolons', 'semi.csv', 'handle;followers\nx;5\n', 'separated by semicolons'],
    ['a table separated by tabs', 'tabs.csv', 'handle\tfollowers\nx\t5\n', 'separated by tabs'],
  ])('%s', async (_label, name, content, why) => {
    const err = await refused(name, content);
    expect(err).toContain(`cannot tell what export this is: `);
    expect(err).toContain(why);
  });

  it('the database itself given as an export', async () => {
    const err = await refused('h.db', fs.readFileSync(db));
    expect(err).toContain('it is an SQLite database');
  });

  it('binary data is not taken for a table separated by semicolons', async () => {
    const bytes = Buffer.from([0x37, 0x3b, 0xff, 0x00, 0x9b, 0x3b, 0x14, 0x7f, 0x3b, 0xc3, 0x28, 0x0a]);
    const err = await refused('random.car', bytes);
    expect(err).toContain('cannot tell what export this is');
    expect(err).not.toContain('separated by');
  });

  it('an archive holding only another archive, and an empty archive', async () => {
    const { makeZip } = await import('../helpers/archives.js');
    const inner = makeZip([{ name: 'accounts.csv', content: 'handle\nx\n' }]);
    expect(await refused('outer.zip', makeZip([{ name: 'inner.zip', content: inner }]))).toContain('it holds only archives (inner.zip)');
    expect(await refused('none.zip', makeZip([]))).toContain('the archive holds no files');
  });
});

describe('UTF-16 files read as JSON say so', () => {
  it.each([
    ['a.json', '[{"handle":"x"}]', ['--format', 'json']],
    ['outbox.json', '{"type":"OrderedCollection","orderedItems":[]}', ['--format', 'mastodon']],
  ])('%s', async (name, text, extra) => {
    const err = await refused(name, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), extra);
    expect(err).toContain('UTF-16? save the file as UTF-8');
  });
});

describe('LinkedIn CSV: a stray quote loses its row only', () => {
  const shares = [
    'Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility',
    '2022-09-08 04:10:18,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,"x" y,,,PUBLIC',
    '2022-09-09 04:10:18,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A2,ok,,,PUBLIC',
    '2022-09-10 04:10:18,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A3,re"ply,,,PUBLIC',
    '2022-09-11 04:10:18,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A4,"two',
    'paragraphs",,,PUBLIC',
    '',
  ].join('\r\n');

  it('without --skip-invalid: exit 2 naming the line of the stray quote', async () => {
    const at = writeFiles({ 'Shares.csv': shares });
    const before = dbBytes(db);
    const r = await runCli(['import', '--db', db, '--format', 'linkedin', '--owner', 'me', at]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Shares.csv:line 2: a quote in the middle of a field');
    expect(dbBytes(db)).toBe(before);
  });

  it('with --skip-invalid: the other shares import (one over two lines), and the two bad rows are counted by line', async () => {
    const r = await imported({ 'Shares.csv': shares }, ['--format', 'linkedin', '--owner', 'me', '--skip-invalid']);
    expect(r.code, r.stderr).toBe(0);
    expect(query(r.db, 'SELECT external_id FROM posts ORDER BY external_id').map((p) => p['external_id'])).toEqual(['urn:li:share:2', 'urn:li:share:4']);
    const said = r.stdout + r.stderr;
    expect(said).toContain('skipped 2 invalid rows');
    expect(said).toMatch(/Shares\.csv:line 2:[^\n]*\n\s+[^\n]*Shares\.csv:line 4:/);
  });
});

describe('a forced own-data format that reads nothing but the --owner is refused', () => {
  it.each([['instagram'], ['threads'], ['linkedin']])('--format %s --owner me on a generic CSV', async (format) => {
    const err = await refused('people.csv', 'handle,followers\nx,5\n', ['--format', format, '--owner', 'me']);
    expect(err).toContain(`--format ${format} read nothing from this source`);
    expect(err).toContain('this looks like csv');
  });
});

describe('archive kinds', () => {
  it('a plain .tar (a .tar.gz a browser gunzipped on download) imports as the .tar.gz does', async () => {
    const { makeTarGz } = await import('../helpers/archives.js');
    const members = [{ name: 'accounts.csv', content: 'handle,followers\ntarred,5\n' }];
    const tarBytes = (await import('node:zlib')).gunzipSync(await makeTarGz(members));
    const r = await imported({ 'export.tar': tarBytes }, [], 'export.tar');
    expect(r.code, r.stderr).toBe(0);
    expect(query(r.db, "SELECT followers FROM accounts WHERE handle = 'tarred'")).toEqual([{ followers: 5 }]);
  });

  it.each([
    ['bzip2', Buffer.concat([Buffer.from('BZh91AY&SY'), Buffer.alloc(20, 1)])],
    ['xz', Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(20, 1)])],
  ])('a %s archive is named, with the fix', async (kind, bytes) => {
    const err = await refused(`export.tar.${kind === 'bzip2' ? 'bz2' : 'xz'}`, bytes);
    expect(err).toContain(`it is a ${kind} archive, which influence does not open`);
  });
});

describe('an account following itself is a mistake in the file, refused', () => {
  it.each([
    ['follows table', 'follows.csv', 'follower,followee\nsame,SAME\n', "line 2: field 'followee'"],
    ['follow interaction', 'events.csv', 'actor,target,kind,created_at\nsame,same,follow,2026-01-01\n', "line 2: field 'target'"],
  ])('%s', async (_label, name, content, where) => {
    const err = await refused(name, content);
    expect(err).toContain(where);
    expect(err).toContain('cannot follow itself');
  });

  it('a reply to oneself (a self-thread) is kept', async () => {
    const r = await imported({ 'e.csv': 'actor,target,kind,created_at\nsame,same,reply,2026-01-01\n' }, [], 'e.csv');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('network names: one no command could name is refused', () => {
  it.each([
    ['a space', 'a b'],
    ['a control character', 'x\u001b[2J'],
    ['a dot', 'x.com'],
  ])('a network cell with %s', async (_label, value) => {
    const err = await refused('net.csv', `handle,network\nz1,"${value}"\n`);
    expect(err).toContain("line 2: field 'network'");
    expect(err).toContain('a network name such as twitter');
  });

  it('--network with a space is a usage error before any work; Mastodon in any case is mastodon', async () => {
    const at = writeFiles({ 'a.csv': 'handle\nz1\n' });
    const before = dbBytes(db);
    const r = await runCli(['import', '--db', db, '--network', 'a b', path.join(at, 'a.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--network: "a b" is not a network name');
    expect(dbBytes(db)).toBe(before);
    const ok = await imported({ 'a.csv': 'handle\nz1\n' }, ['--network', 'Mastodon'], 'a.csv');
    expect(ok.code, ok.stderr).toBe(0);
    expect(query(ok.db, "SELECT network FROM accounts WHERE handle = 'z1'")).toEqual([{ network: 'mastodon' }]);
  });
});

describe('a handle no command could name is refused at import', () => {
  it("a handle holding '/' (a profile link's path), which score refused as 'not a handle' once stored", async () => {
    const err = await refused('slash.csv', 'handle,followers\na/b,5\n');
    expect(err).toContain("line 2: field 'handle'");
    expect(err).toContain("no spaces or '/'");
  });
});

describe('accounts --search with hostile words', () => {
  it('a 100,000-character word finds nothing, and % or _ are letters, not wildcards', async () => {
    const long = await runCli(['--db', db, 'accounts', '--search', 'a'.repeat(100_000)]);
    expect(long.code, long.stderr).toBe(0);
    expect(long.stderr).not.toContain('internal error');
    const pct = await runCli(['--db', db, 'accounts', '--search', '%', '--json']);
    expect(JSON.parse(pct.stdout).accounts).toEqual([]);
    const seed = await runCli(['--db', db, 'accounts', '--search', 'SEED', '--json']);
    expect(seed.stdout).toContain('seed1');
    expect(seed.stdout).toContain('seed2');
  });
});

describe('a handle longer than any network allows', () => {
  it('100,000 characters is refused (it made every table row that long); 320 is kept', async () => {
    const err = await refused('long.csv', `handle,followers\n${'b'.repeat(100_000)},5\n`);
    expect(err).toContain('a handle of at most 320 characters');
    expect(err.length).toBeLessThan(2000);
    const ok = await imported({ 'a.csv': `handle\n${'c'.repeat(320)}\n` }, [], 'a.csv');
    expect(ok.code, ok.stderr).toBe(0);
  });
});
