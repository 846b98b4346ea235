/**
 * A third hostile trial of issue 13: what the first two left open. Every file is generated
 * here. A refused file exits 2 naming file, line or record, and field, and leaves the
 * database byte for byte as it was (the database file and any journal beside it are hashed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseHandle } from '../../src/import/values.js';
import { stdinEntryName } from '../../src/import/open-source.js';
import { readLines } from '../../src/import/read-lines.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { dbBytes, query } from '../helpers/db.js';
import { importIntoNew, refusedImport, seedTrialDb, writeTrialFiles } from '../helpers/import-trial.js';

let dir = '';
let db = '';

beforeAll(async () => {
  ({ dir, db } = await seedTrialDb());
});

/** Writes `content` as `name` under a fresh folder of dir; returns its path. */
const writeFile = (name: string, content: string | Buffer): string => path.join(writeTrialFiles(dir, { [name]: content }), name);
const refused = (name: string, content: string | Buffer, extra: string[] = []): Promise<string> => refusedImport(db, dir, name, content, extra);
const imported = (name: string, content: string | Buffer, extra: string[] = []) => importIntoNew(dir, { [name]: content }, extra, name);

describe('TikTok counts: a count that cannot be stored exactly is an input error, never silently dropped', () => {
  // written as raw JSON text: 1e300 and 2^64 are numbers JSON.stringify cannot write as such
  it.each([
    ['followerCount 1e300', '"followerCount": 1e300', 'followerCount', /9,007,199,254,740,991/],
    ['followerCount past 2^53 (an exact integer)', '"followerCount": 18446744073709551616', 'followerCount', /9,007,199,254,740,991/],
    ['followingCount -5', '"followingCount": -5', 'followingCount', /non-negative/],
    ['followerCount 2.5', '"followerCount": 2.5', 'followerCount', /whole number/],
    ['followerCount "lots"', '"followerCount": "lots"', 'followerCount', /non-negative/],
  ])('the profile %s', async (_label, raw, field, expected) => {
    const doc = `{"Profile": {"Profile Information": {"ProfileMap": {"userName": "me", ${raw}}}}}`;
    const err = await refused('user_data_tiktok.json', doc);
    expect(err).toContain(`field 'Profile > Profile Information.${field}'`);
    expect(err).toMatch(expected);
  });

  it('a post whose Likes is 1e300 names the section, the record and the field', async () => {
    const post = (id: string, likes: string) => `{"Date": "2024-12-15 19:03:14", "Link": "https://www.tiktokv.com/share/video/${id}/", "Likes": ${likes}}`;
    const doc = `{"Post": {"Posts": {"VideoList": [${post('7200255970008861998', '"3"')}, ${post('7200255970008861999', '1e300')}]}}, "Profile": {"Profile Information": {"ProfileMap": {"userName": "me"}}}}`;
    const err = await refused('user_data_tiktok.json', doc);
    expect(err).toContain("record 1: field 'Post > Posts [1].Likes'");
    expect(err).toContain('9,007,199,254,740,991');
  });

  it('counts TikTok writes as absent ("None", "N/A", "", null) are no count, and the largest exact count is kept', async () => {
    for (const none of ['"None"', '"N/A"', '""', 'null']) {
      const r = await imported('user_data_tiktok.json', `{"Profile": {"Profile Information": {"ProfileMap": {"userName": "me", "followerCount": ${none}, "followingCount": "1,234"}}}}`);
      expect(r.code, r.stderr).toBe(0);
      expect(query(r.db, "SELECT followers, following FROM accounts WHERE handle = 'me'")).toEqual([{ followers: null, following: 1234 }]);
    }
    const max = await imported('user_data_tiktok.json', '{"Profile": {"Profile Information": {"ProfileMap": {"userName": "me", "followerCount": 9007199254740991}}}}');
    expect(max.code, max.stderr).toBe(0);
    expect(query(max.db, "SELECT followers FROM accounts WHERE handle = 'me'")).toEqual([{ followers: 9007199254740991 }]);
  });

  it('with --skip-invalid the bad count is skipped and reported; the rest of the profile imports', async () => {
    const r = await imported('user_data_tiktok.json', '{"Profile": {"Profile Information": {"ProfileMap": {"userName": "me", "displayName": "Me", "followerCount": 1e300, "followingCount": 3}}}}', ['--skip-invalid']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/skipped 1 invalid/);
    expect(query(r.db, "SELECT display_name, following FROM accounts WHERE handle = 'me'")).toEqual([{ display_name: 'Me', following: 3 }]);
  });
});

describe("a Mastodon outbox's totalItems that is not a count is an input error too", () => {
  const outbox = (total: string) => `{"type": "OrderedCollection", "totalItems": ${total}, "orderedItems": []}`;
  const actor = JSON.stringify({ id: 'https://m.example/users/me', type: 'Person', preferredUsername: 'me' });

  it.each(['1e300', '18446744073709551616', '-1', '2.5', '"many"'])('totalItems %s', async (total) => {
    const at = fs.mkdtempSync(path.join(dir, 'in-'));
    fs.writeFileSync(path.join(at, 'outbox.json'), outbox(total));
    fs.writeFileSync(path.join(at, 'actor.json'), actor);
    const before = dbBytes(db);
    const r = await runCli(['import', '--db', db, at]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/outbox\.json: field 'totalItems'/);
    expect(dbBytes(db)).toBe(before);
  });

  it('a count, as number or digits, is the declared number of posts', async () => {
    for (const total of ['12', '"12"']) {
      const at = fs.mkdtempSync(path.join(dir, 'in-'));
      fs.writeFileSync(path.join(at, 'outbox.json'), outbox(total));
      fs.writeFileSync(path.join(at, 'actor.json'), actor);
      const r = await runCli(['import', '--db', path.join(at, 'm.db'), at]);
      expect(r.code, r.stderr).toBe(0);
      expect(query(path.join(at, 'm.db'), "SELECT posts FROM accounts WHERE handle = 'me@m.example'")).toEqual([{ posts: 12 }]);
    }
  });
});

describe('handles with invisible controls: C1 controls and text-direction overrides are refused', () => {
  // U+009B is an 8-bit CSI (a terminal escape on its own); U+202E turns 'evil\u202Egnp.exe' into 'evilexe.png'
  const hostile = ['\u009b', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f'];

  it.each(hostile.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s in a CSV handle, a JSON handle and an interaction actor', async (code, c) => {
    const csv = await refused('h.csv', `handle,followers\nab${c}cd,5\n`);
    expect(csv).toContain("line 2: field 'handle'");
    expect(csv).toContain(code);
    const json = await refused('h.json', JSON.stringify([{ handle: 'ok1' }, { handle: `ab${c}cd` }]));
    expect(json).toContain("record 1: field 'handle'");
    const ndjson = await refused('i.ndjson', `${JSON.stringify({ actor: `x${c}`, target: 'seed1', kind: 'like', created_at: '2026-01-01T00:00:00Z' })}\n`);
    expect(ndjson).toContain("line 1: field 'actor'");
    // the refused value is shown escaped, never raw
    expect(csv + json + ndjson).not.toMatch(/[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it('refuses them as --followers-of too; letters of any script are still handles', async () => {
    expect(() => parseHandle('me\u202e')).toThrow(/text-direction/);
    const owner = await runCli(['import', '--db', db, '--followers-of', 'br\u009band', writeFile('f.csv', 'handle\nf1\n')]);
    expect(owner.code).toBe(2);
    for (const h of ['josé', 'ユーザー', 'имя', 'user_1.x', 'alice@mastodon.social']) expect(parseHandle(h)).toBe(h);
  });
});

describe("'-' as the import path reads standard input", () => {
  it('a CSV piped in imports as the file would, named stdin, and the same content again adds nothing', () => {
    const at = fs.mkdtempSync(path.join(dir, 'stdin-'));
    const target = path.join(at, 's.db');
    // TMPDIR: the copy of standard input is made here, so the test sees that it is removed
    const r = spawnCli(['import', '--db', target, '-'], { input: 'handle,followers\npiped1,5\npiped2,6\n', env: { TMPDIR: at } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('stdin (csv): read 2 accounts');
    expect(query(target, "SELECT handle, followers FROM accounts WHERE handle LIKE 'piped%' ORDER BY handle")).toEqual([{ handle: 'piped1', followers: 5 }, { handle: 'piped2', followers: 6 }]);
    expect(query(target, 'SELECT path FROM imports')).toEqual([{ path: 'stdin' }]);
    const again = spawnCli(['import', '--db', target, '-', '--json'], { input: 'handle,followers\npiped1,5\npiped2,6\n' });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).added.accounts).toBe(0);
    expect(fs.readdirSync(at).filter((n) => !n.startsWith('s.db'))).toEqual([]);
  });

  it('NDJSON is detected from its content; a bad row names stdin and its line', () => {
    const at = fs.mkdtempSync(path.join(dir, 'stdin-'));
    const target = path.join(at, 's.db');
    const nd = spawnCli(['import', '--db', target, '-', '--network', 'twitter'], { input: '{"handle":"n1","followers":3}\n{"handle":"n2"}\n' });
    expect(nd.code, nd.stderr).toBe(0);
    expect(nd.stdout).toContain('stdin (ndjson): read 2 accounts');
    const bad = spawnCli(['import', '--db', target, '-'], { input: 'handle,followers\nb1,lots\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("stdin:line 2: field 'followers'");
  });

  it('refuses a terminal as standard input, and - given twice, before any work', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env: { NO_COLOR: '1' }, cwd: dir, stdin: Object.assign(Readable.from([]), { isTTY: true }) };
    const target = path.join(dir, 'never.db');
    expect(await main(['import', '--db', target, '-'], io)).toBe(2);
    expect(stderr).toContain('standard input is a terminal');
    expect(stderr).toContain('influence import - < FILE');
    stderr = '';
    expect(await main(['import', '--db', target, '-', '-'], { ...io, stdin: Object.assign(Readable.from([]), { isTTY: false }) })).toBe(2);
    expect(stderr).toContain("'-' (standard input) is given twice");
    expect(fs.existsSync(target)).toBe(false);
  });

  it('tells JSON from NDJSON by content (a file would by its name), or by --format', () => {
    const name = (text: string, complete = true, format?: string) => stdinEntryName(Buffer.from(text), complete, format);
    expect(name('[{"handle":"a"}]')).toBe('stdin.json');
    expect(name('\uFEFF  {"handle":"a"}\n{"handle":"b"}\n')).toBe('stdin.ndjson');
    expect(name('{"handle":"a"}')).toBe('stdin.ndjson');
    expect(name('{\n  "orderedItems": []\n}\n')).toBe('stdin.json');
    expect(name('{"a": "cut off', false)).toBe('stdin.json');
    expect(name('handle,followers\na,1\n')).toBe('stdin');
    expect(name('[1]', true, 'ndjson')).toBe('stdin.ndjson');
    expect(name('{"a":1}\n', true, 'csv')).toBe('stdin.csv');
  });

  it('refuses an archive on standard input, saying to pass its path', () => {
    const r = spawnCli(['import', '--db', path.join(dir, 'never2.db'), '-'], { input: 'PK\u0003\u0004rest' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input holds a zip archive');
    expect(fs.existsSync(path.join(dir, 'never2.db'))).toBe(false);
  });

  it('reads standard input given in-process, as a stream', async () => {
    let stdout = '';
    const at = fs.mkdtempSync(path.join(dir, 'stdin-'));
    const target = path.join(at, 's.db');
    const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, env: { NO_COLOR: '1' }, cwd: at, stdin: Object.assign(Readable.from([Buffer.from('handle\nstream1\n')]), { isTTY: false }) };
    expect(await main(['import', '--db', target, '-'], io)).toBe(0);
    expect(stdout).toContain('stdin (csv): read 1 account');
  });
});

describe('issue 13 item 6, NDJSON: a line that never ends is read in linear time', () => {
  it('scans each character a bounded number of times (operation count, not time), and still reads the lines after a long one', async () => {
    // the CSV reader has the same test (csv-reader.test.ts); re-joining the pending text per
    // 64 KiB chunk would scan ~8 times the input at 1 MiB and ~32 times at 4 MiB
    const ratios: number[] = [];
    for (const mb of [1, 4]) {
      const buf = Buffer.from(`{"handle":"a"}\n{"handle":"${'b'.repeat(mb * 2 ** 20)}"}\n{"handle":"c"}`);
      const chunks = Array.from({ length: Math.ceil(buf.length / 65_536) }, (_, i) => buf.subarray(i * 65_536, (i + 1) * 65_536));
      const stats = { scanned: 0 };
      const lines: number[] = [];
      for await (const l of readLines(Readable.from(chunks), stats)) lines.push(l.text.length);
      expect(lines).toEqual([14, mb * 2 ** 20 + 13, 14]);
      ratios.push(stats.scanned / buf.length);
    }
    for (const r of ratios) expect(r).toBeLessThan(3);
  });
});
