import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { query, tableCounts } from '../helpers/db.js';

const FIX = path.join(ROOT, 'test/fixtures/generic');
const f = (name: string) => path.join(FIX, name);
const ALL = ['accounts.csv', 'posts.csv', 'interactions.csv', 'follows.csv', 'rows.ndjson', 'tables.json'].map(f);

async function importInto(db: string, files: string[], extra: string[] = []) {
  return runCli(['import', '--db', db, '--network', 'twitter', ...extra, ...files]);
}

describe('generic tables import', () => {
  it('imports every table, derives interactions from posts and counts the same event once', async () => {
    const db = path.join(tempDir(), 'g.db');
    const r = await importInto(db, ALL);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(tableCounts(db)).toMatchObject({ accounts: 8, posts: 5, interactions: 9, follows: 5, imports: 6 });
    const rows = query<{ actor: string; target: string | null; kind: string }>(
      db,
      `SELECT a.handle AS actor, t.handle AS target, i.kind FROM interactions i
         JOIN accounts a ON a.id = i.actor_id LEFT JOIN accounts t ON t.id = i.target_id ORDER BY 1, 3, 2`,
    );
    expect(rows).toEqual([
      { actor: 'alice', target: 'bob', kind: 'mention' },
      { actor: 'bob', target: 'alice', kind: 'reply' }, // given as post p2 and as an interaction: once
      { actor: 'carol', target: 'alice', kind: 'reshare' },
      { actor: 'dave', target: 'alice', kind: 'reply' }, // target known only through post p1
      { actor: 'erin', target: 'alice', kind: 'follow' },
      { actor: 'erin', target: 'alice', kind: 'like' },
      { actor: 'frank', target: 'alice', kind: 'like' },
      { actor: 'gina', target: 'alice', kind: 'like' },
      { actor: 'gina', target: 'alice', kind: 'mention' },
    ]);
    const [alice] = query<Record<string, unknown>>(db, "SELECT * FROM accounts WHERE handle_key = 'alice'");
    expect(alice).toMatchObject({ network: 'twitter', display_name: 'Alice A.', bio: 'Coffee, cookies and "code"', followers: 1200, listed: 45, verified: 1, mentions_received: 30, window_days: 90 });
    expect(alice!['created_at']).toBe(Date.UTC(2015, 3, 1));
    const [p1] = query<Record<string, unknown>>(db, "SELECT * FROM posts WHERE external_id = 'p1'");
    expect(p1).toMatchObject({ text: 'Brewing #coffee with @bob\nsecond line', hashtags: 1, likes: 10, kind: 'original' });
    const [bob] = query<Record<string, unknown>>(db, "SELECT * FROM accounts WHERE handle_key = 'bob'");
    expect(bob!['listed']).toBeNull(); // an empty cell is missing, not zero
  });

  it('changes nothing when the same content is imported again', async () => {
    const db = path.join(tempDir(), 'g.db');
    await importInto(db, ALL);
    const before = tableCounts(db);
    const again = await importInto(db, ALL, ['--json']);
    expect(again.code).toBe(0);
    expect(tableCounts(db)).toEqual(before);
    const summary = JSON.parse(again.stdout);
    expect(summary.added).toEqual({ accounts: 0, posts: 0, interactions: 0, follows: 0, identities: 0, merged: 0 });
    expect(summary.sources.every((s: { alreadyImported: boolean }) => s.alreadyImported)).toBe(true);
  });

  it('gives the same database whatever order files and commands come in', async () => {
    const a = path.join(tempDir(), 'a.db');
    const b = path.join(tempDir(), 'b.db');
    await importInto(a, ALL);
    for (const file of [...ALL].reverse()) expect((await importInto(b, [file])).code).toBe(0);
    expect(tableCounts(b)).toEqual(tableCounts(a));
    const sig = (db: string) =>
      query(db, 'SELECT handle, followers, bio, listed FROM accounts ORDER BY handle_key').map((r) => JSON.stringify(r));
    expect(sig(b)).toEqual(sig(a));
  });

  it('rejects a wrong type naming file, line and field, and leaves the database as it was', async () => {
    const db = path.join(tempDir(), 'g.db');
    await importInto(db, [f('accounts.csv')]);
    const before = tableCounts(db);
    const r = await importInto(db, [f('follows.csv'), f('bad-type.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-type.csv:line 3');
    expect(r.stderr).toContain("field 'followers'");
    expect(r.stderr).toContain('expected: a non-negative number');
    expect(r.stderr).toContain('--skip-invalid');
    expect(tableCounts(db)).toEqual(before); // follows.csv from the same command is not in either
  });

  it('with --skip-invalid imports the other rows and reports every skipped one', async () => {
    const db = path.join(tempDir(), 'g.db');
    const r = await importInto(db, [f('bad-type.csv')], ['--skip-invalid', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.skippedRows).toBe(1);
    expect(s.firstProblems[0]).toMatchObject({ line: 3, field: 'followers' });
    expect(query(db, 'SELECT handle FROM accounts ORDER BY handle')).toEqual([{ handle: 'ivan' }, { handle: 'kim' }]);
  });

  it.each([
    ['truncated.csv', 'line 2', 'unterminated quoted field'],
    ['ragged.csv', 'line 3', '3 fields where the header has 2'],
    ['truncated.ndjson', 'line 2', 'not valid JSON'],
  ])('rejects %s at %s', async (file, where, message) => {
    const db = path.join(tempDir(), 'g.db');
    const r = await importInto(db, [f(file)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(where);
    expect(r.stderr).toContain(message);
    expect(fs.existsSync(db) ? tableCounts(db).accounts : 0).toBe(0);
  });

  it('says what formats it knows when it cannot tell what a file is', async () => {
    const r = await importInto(path.join(tempDir(), 'g.db'), [f('unknown-header.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot tell what export this is');
    expect(r.stderr).toContain('--format');
  });

  it('reports db info as schema-1 JSON', async () => {
    const db = path.join(tempDir(), 'g.db');
    await importInto(db, ALL);
    const r = await runCli(['db', 'info', '--json', '--db', db]);
    const info = JSON.parse(r.stdout);
    expect(info.schema).toBe(1);
    expect(info.counts).toEqual({ accounts: 8, posts: 5, interactions: 9, follows: 5, runs: 0 });
    expect(info.networks).toEqual([{ network: 'twitter', accounts: 8, posts: 5 }]);
    expect(info.dateRange.to).toBe('2026-03-03T08:00:00.000Z');
    expect(info.imports).toHaveLength(6);
  });
});
