/**
 * Issue 13, items 1-4, 6 and 7: hostile and damaged input files, generated here (never
 * shipped). Every failure must exit 2 naming file, line or record, and field, and leave the
 * database exactly as it was (row counts and the import log compared before and after).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { query, tableCounts } from '../helpers/db.js';
import { seedTrialDb } from '../helpers/import-trial.js';
import { runImport } from '../../src/import/run-import.js';
import { openDb } from '../../src/store/open.js';
import { makeMemorySource } from '../../src/import/memory-source.js';
import { MAX_RECORD_BYTES } from '../../src/import/record-limits.js';
import { importTargetOf } from '../../src/store/import-target.js';

/** A database holding one earlier import (a fresh one per test). */
const seededDb = seedTrialDb;

function snapshot(db: string) {
  return { counts: tableCounts(db), log: query(db, 'SELECT path, sha256, format, counts FROM imports ORDER BY id') };
}

async function importFile(dir: string, db: string, name: string, content: string | Buffer, extra: string[] = []) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return { file, ...(await runCli(['import', '--db', db, ...extra, file])) };
}

/** Imports `content` expecting exit 2 and an unchanged database; returns stderr. */
async function expectRefused(name: string, content: string | Buffer, extra: string[] = []): Promise<string> {
  const { dir, db } = await seededDb();
  const before = snapshot(db);
  const r = await importFile(dir, db, name, content, extra);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(name);
  expect(r.stderr).toContain('fix:');
  expect(r.stderr).not.toContain('internal error');
  expect(snapshot(db)).toEqual(before);
  return r.stderr;
}

describe('item 1: ids and handles are never rounded or coerced', () => {
  it('keeps JSON and NDJSON ids above 2^53 exact: two ids, two accounts and two posts', async () => {
    const { dir, db } = await seededDb();
    const accounts = '[{"handle":"n1","id":1234567890123456789},{"handle":"n2","id":1234567890123456788}]';
    const a = await importFile(dir, db, 'accounts.json', accounts);
    expect(a.code, a.stderr).toBe(0);
    expect(query(db, "SELECT handle, external_id FROM accounts WHERE handle LIKE 'n_' ORDER BY handle")).toEqual([
      { handle: 'n1', external_id: '1234567890123456789' },
      { handle: 'n2', external_id: '1234567890123456788' },
    ]);
    const posts = [
      '{"id":98765432109876543210,"author":"n1","created_at":"2024-01-01T00:00:00Z"}',
      '{"id":98765432109876543211,"author":"n1","created_at":"2024-01-01T00:00:00Z"}',
    ].join('\n');
    const p = await importFile(dir, db, 'posts.ndjson', posts);
    expect(p.code, p.stderr).toBe(0);
    expect(query(db, 'SELECT external_id FROM posts ORDER BY external_id')).toEqual([{ external_id: '98765432109876543210' }, { external_id: '98765432109876543211' }]);
    // the same posts as a generic JSON array: no new rows, the ids are the same text
    const again = await importFile(dir, db, 'posts.json', `[${posts.replace('\n', ',')}]`);
    expect(again.code, again.stderr).toBe(0);
    expect(tableCounts(db).posts).toBe(2);
  });

  it('reads a numeric handle beyond 2^53 as its digits, not 1.2345678901234568e+22', async () => {
    const { dir, db } = await seededDb();
    const r = await importFile(dir, db, 'a.ndjson', '{"handle":12345678901234567890123,"followers":5}\n');
    expect(r.code, r.stderr).toBe(0);
    expect(query(db, "SELECT handle FROM accounts WHERE handle NOT LIKE 'seed%'")).toEqual([{ handle: '12345678901234567890123' }]);
  });

  it('refuses an object or array where one value belongs, naming file, record and field', async () => {
    const err = await expectRefused('objects.json', '[{"handle":"a","id":{"a":1}},{"handle":"b","id":{"b":2}}]');
    expect(err).toMatch(/objects\.json:record 0: field 'id': an object is not valid/);
    expect(err).toContain('not an object');
    const nd = await expectRefused('arrays.ndjson', '{"handle":["x"],"followers":1}\n');
    expect(nd).toMatch(/arrays\.ndjson:line 1: field 'handle': an array is not valid/);
  });

  it('refuses a number that was rounded (an exponent form beyond 2^53), saying ids should be strings', async () => {
    const err = await expectRefused('rounded.json', '[{"handle":"a","id":1.2345678901234567e22}]');
    expect(err).toMatch(/record 0: field 'id'/);
    expect(err).toContain('as JSON strings');
  });
});

describe('item 2: line endings and a forced wrong format', () => {
  it('reads a CSV with CR-only line endings', async () => {
    const { dir, db } = await seededDb();
    const r = await importFile(dir, db, 'mac.csv', 'handle,followers\rzz1,5\rzz2,6\r');
    expect(r.code, r.stderr).toBe(0);
    expect(query(db, "SELECT handle, followers FROM accounts WHERE handle LIKE 'zz%' ORDER BY handle")).toEqual([
      { handle: 'zz1', followers: 5 },
      { handle: 'zz2', followers: 6 },
    ]);
  });

  it('exits 2 when --format json reads nothing from a CSV, and logs no import', async () => {
    const err = await expectRefused('people.csv', 'handle,followers\nzz1,5\n', ['--format', 'json']);
    expect(err).toContain('--format json read nothing');
    expect(err).toContain('not a JSON file');
    expect(err).toMatch(/leave --format out: this looks like csv/);
  });
});

describe('item 3: times outside 1990-01-01 to 2100-01-01', () => {
  for (const value of ['1e300', '1e400', '-1e16']) {
    it(`refuses created_at ${value} in JSON, NDJSON and CSV, naming file, record or line, and field`, async () => {
      const json = await expectRefused('acc.json', `[{"handle":"a","created_at":${value}}]`);
      expect(json).toMatch(/acc\.json:record 0: field 'created_at'/);
      expect(json).toContain('1990-01-01 to 2100-01-01');
      const nd = await expectRefused('posts.ndjson', `{"id":"p1","author":"a","created_at":${value}}\n`);
      expect(nd).toMatch(/posts\.ndjson:line 1: field 'created_at'/);
      const csv = await expectRefused('i.csv', `actor,target,kind,created_at\na,b,like,${value}\n`);
      expect(csv).toMatch(/i\.csv:line 2: field 'created_at'/);
    });
  }

  it('refuses an ISO date in year 2150 and a Unix time of 0 (1970)', async () => {
    expect(await expectRefused('late.csv', 'actor,target,kind,created_at\na,b,like,2150-01-01T00:00:00Z\n')).toContain("field 'created_at'");
    expect(await expectRefused('early.csv', 'actor,target,kind,created_at\na,b,like,1970-01-01T00:00:00Z\n')).toContain("field 'created_at'");
  });

  it('a bad time stored by an older version breaks no later command', async () => {
    const { dir, db } = await seededDb();
    const ok = await importFile(dir, db, 'i.csv', 'actor,target,kind,created_at\nseed1,seed2,like,2024-05-01T00:00:00Z\nseed2,seed1,reply,2024-05-02T00:00:00Z\n');
    expect(ok.code).toBe(0);
    // as an older version could have stored it
    const raw = new Database(db);
    raw.prepare("INSERT INTO interactions (actor_id, kind, event_key, target_id, created_at) SELECT a.id, 'like', 'bad', b.id, 1e300 FROM accounts a, accounts b WHERE a.handle = 'seed1' AND b.handle = 'seed2'").run();
    raw.prepare("INSERT INTO posts (network, external_id, author_id, created_at, kind) SELECT 'generic', 'bad', id, -1e16, 'original' FROM accounts WHERE handle = 'seed1'").run();
    raw.close();
    for (const argv of [['db', 'info', '--json'], ['score', '--all', '--json'], ['rank', '--json'], ['topics', '--all', '--json'], ['explain', 'seed1'], ['report', 'threshold', '--json'], ['report', 'authenticity', '--json'], ['history', 'seed1']]) {
      const r = await runCli([...argv, '--db', db]);
      expect(r.stderr, argv.join(' ')).not.toMatch(/Invalid time value|internal error/);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const info = JSON.parse((await runCli(['db', 'info', '--json', '--db', db])).stdout);
    expect(info.dateRange.to).toBe('2024-05-02T00:00:00.000Z');
    const score = JSON.parse((await runCli(['score', '--all', '--json', '--no-save', '--db', db])).stdout);
    expect(score.asOf).toBe('2024-05-02T00:00:00.000Z');
  });
});

describe('item 4: --skip-invalid skips malformed rows and says what it could not read', () => {
  const csv = 'actor,target,kind,created_at\na,b,like,2024-01-01T00:00:00Z\nc,re"ply,like,2024-01-01T00:00:00Z\nd,"e"x,like,2024-01-01T00:00:00Z\nf,g,like,2024-01-01T00:00:00Z\n';

  it('without it: exit 2 naming the line of the stray quote', async () => {
    const err = await expectRefused('quotes.csv', csv);
    expect(err).toMatch(/quotes\.csv:line 3: a double quote inside an unquoted field/);
  });

  it('with it: imports the good rows and reports each bad one by line', async () => {
    const { dir, db } = await seededDb();
    const r = await importFile(dir, db, 'quotes.csv', csv, ['--skip-invalid', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.skippedRows).toBe(2);
    expect(summary.firstProblems.map((p: { line: number }) => p.line)).toEqual([3, 4]);
    expect(query(db, "SELECT count(*) AS n FROM interactions WHERE kind = 'like'")).toEqual([{ n: 2 }]);
  });

  it('a truncated Mastodon outbox: the activities before the cut import, and the cut says nothing after it can be read', async () => {
    const { dir, db } = await seededDb();
    const archive = path.join(dir, 'archive');
    fs.mkdirSync(archive);
    fs.writeFileSync(path.join(archive, 'actor.json'), JSON.stringify({ id: 'https://social.example/users/alice', type: 'Person', preferredUsername: 'alice' }));
    const activities = [1, 2, 3].map((n) => createNote(n));
    const full = JSON.stringify({ type: 'OrderedCollection', totalItems: 3, orderedItems: activities }, null, 1);
    fs.writeFileSync(path.join(archive, 'outbox.json'), full.slice(0, full.lastIndexOf('"published"')));
    const before = snapshot(db);
    const strict = await runCli(['import', '--db', db, archive]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/outbox\.json:line \d+:record 2: the file ends inside record 2 \(truncated\?\); nothing after this point can be read/);
    expect(snapshot(db)).toEqual(before);
    const r = await runCli(['import', '--db', db, '--skip-invalid', '--json', archive]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.skippedRows).toBe(1);
    expect(summary.firstProblems[0].reason).toContain('cannot be resynchronised');
    expect(query(db, 'SELECT count(*) AS n FROM posts')).toEqual([{ n: 2 }]);
  });
});

describe('item 6: a record past the size limit', () => {
  it('an unterminated quote running past 16 MiB is an input error naming its line (CSV)', async () => {
    const body = `handle,bio\nok,fine\nbad,"${'x'.repeat(MAX_RECORD_BYTES + 1024)}\nlater,never\n`;
    const err = await expectRefused('open-quote.csv', body);
    expect(err).toMatch(/open-quote\.csv:line 3: the record starting on this line is longer than 16 MiB/);
  });

  it('an NDJSON line past 16 MiB is skipped with --skip-invalid and the next line still reads', async () => {
    const { dir, db } = await seededDb();
    const big = `{"handle":"big","bio":"${'y'.repeat(MAX_RECORD_BYTES + 10)}"}`;
    const r = await importFile(dir, db, 'rows.ndjson', `{"handle":"first"}\n${big}\n{"handle":"after"}\n`, ['--skip-invalid', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.firstProblems).toMatchObject([{ line: 2 }]);
    expect(summary.firstProblems[0].reason).toContain('longer than 16 MiB');
    expect(query(db, "SELECT handle FROM accounts WHERE handle IN ('first', 'big', 'after') ORDER BY handle")).toEqual([{ handle: 'after' }, { handle: 'first' }]);
  });
});

describe('item 7: deep nesting and big JSON files', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

  it('JSON nested 100,000 deep in a read field is an input error naming the record (JSON and NDJSON)', async () => {
    const json = await expectRefused('deep.json', `[{"handle":"a"},{"handle":${deep}}]`);
    expect(json).toMatch(/deep\.json:line 1:record 1: record 1 is nested deeper than 100 levels/);
    const nd = await expectRefused('deep.ndjson', `{"handle":"a"}\n{"handle":${deep}}\n`);
    expect(nd).toMatch(/deep\.ndjson:line 2: not valid JSON \(nested deeper than 100 levels\)/);
  });

  it('a deep record in a Twitter data file is skipped with --skip-invalid; the records around it import', async () => {
    const { dir, db } = await seededDb();
    const tweet = (id: string) => ({ tweet: { id_str: id, id, full_text: 'hello', created_at: 'Fri Mar 06 13:02:05 +0000 2026', favorite_count: '0', retweet_count: '0' } });
    const text = `window.YTD.tweets.part0 = [${JSON.stringify(tweet('1'))},${deep},${JSON.stringify(tweet('2'))}]`;
    const r = await importFile(dir, db, 'tweets.js', text, ['--skip-invalid', '--owner', 'me', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).firstProblems[0]).toMatchObject({ record: 1 });
    expect(query(db, 'SELECT external_id FROM posts ORDER BY external_id')).toEqual([{ external_id: '1' }, { external_id: '2' }]);
  });

  it('imports an outbox from an archive without ever reading it whole as one string', async () => {
    const dir = tempDir();
    const db = path.join(dir, 's.db');
    openDb(db).close();
    const outbox = JSON.stringify({ type: 'OrderedCollection', totalItems: 2, orderedItems: [], ...{} }).replace('"orderedItems":[]', `"orderedItems":[],"orderedItems":${JSON.stringify([createNote(1), createNote(2)])}`);
    const source = makeMemorySource('archive.zip', { 'outbox.json': outbox, 'actor.json': JSON.stringify({ id: 'https://social.example/users/alice', preferredUsername: 'alice' }) }, 'zip');
    // an entry past V8's longest string fails readText ("Cannot create a string longer than ...")
    for (const e of source.entries) e.readText = () => Promise.reject(new Error('Cannot create a string longer than 0x1fffffe8 characters'));
    const handle = openDb(db);
    try {
      const summary = await runImport(importTargetOf(handle), ['archive.zip'], { skipInvalid: false, defaultNetwork: 'generic', now: 0, threads: 'never' }, async () => source);
      expect(summary.sources[0]!.read.post).toBe(2);
    } finally {
      handle.close();
    }
    expect(query(db, 'SELECT posts FROM accounts WHERE handle = ?', 'alice@social.example')).toEqual([{ posts: 2 }]);
  });
});

function createNote(n: number) {
  const id = `https://social.example/users/alice/statuses/${n}`;
  return {
    id: `${id}/activity`,
    type: 'Create',
    actor: 'https://social.example/users/alice',
    published: '2024-03-01T10:00:00Z',
    to: ['https://www.w3.org/ns/activitystreams#Public'],
    cc: [],
    object: { id, type: 'Note', published: `2024-03-0${n}T10:00:00Z`, content: `<p>note ${n}</p>`, to: ['https://www.w3.org/ns/activitystreams#Public'], cc: [] },
  };
}
