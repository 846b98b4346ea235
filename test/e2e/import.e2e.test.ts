/**
 * End to end: spawn bin/influence.js (the built dist) with a minimal environment, as a
 * user would, and check exit codes, stdout JSON and the database's rows.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { ROOT, SHARED, spawnCli, tempDir } from '../helpers/cli.js';
import { query, tableCounts } from '../helpers/db.js';

const FIX = path.join(ROOT, 'test/fixtures');

describe('influence import (spawned)', () => {
  it('imports a Mastodon archive folder: every status incl. boosts, no direct messages; again changes nothing', () => {
    const dir = tempDir();
    const db = path.join(dir, 'm.db');
    const first = spawnCli(['import', path.join(FIX, 'mastodon/archive-2024'), '--db', db, '--json']);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.schema).toBe(1);
    expect(summary.sources[0].format).toBe('mastodon');
    expect(summary.sources[0].skippedFiles).toContainEqual({ name: 'outbox.json', reason: '2 direct messages not imported' });
    const counts = tableCounts(db);
    expect(counts.posts).toBe(9);
    expect(query(db, "SELECT count(*) AS n FROM posts WHERE kind = 'reshare'")).toEqual([{ n: 3 }]);
    expect(query(db, "SELECT count(*) AS n FROM posts WHERE visibility = 'direct'")).toEqual([{ n: 0 }]);

    const again = spawnCli(['import', path.join(FIX, 'mastodon/archive-2024'), '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('imported before');
    expect(tableCounts(db)).toEqual(counts);
  });

  it('exits 2 on a truncated archive file and leaves the database exactly as it was', () => {
    const db = path.join(tempDir(), 'm.db');
    expect(spawnCli(['import', path.join(FIX, 'generic/accounts.csv'), '--db', db]).code).toBe(0);
    const before = tableCounts(db);
    const r = spawnCli(['import', path.join(FIX, 'mastodon/truncated'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outbox\.json:line \d+/);
    expect(r.stderr).toContain('fix:');
    expect(tableCounts(db)).toEqual(before);
  });

  it('a standalone following list needs its owner, and then imports every row', () => {
    const db = path.join(tempDir(), 'f.db');
    const list = path.join(FIX, 'mastodon/following_accounts.csv');
    const without = spawnCli(['import', list, '--db', db]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--owner');
    const r = spawnCli(['import', list, '--db', db, '--owner', 'me@example.social', '--json']);
    expect(r.code).toBe(0);
    const follows = query<{ n: number }>(db, 'SELECT count(*) AS n FROM follows')[0]!.n;
    expect(follows).toBe(JSON.parse(r.stdout).sources[0].read.follow);
    expect(follows).toBeGreaterThan(0);
  });

  it('answers --help and --version with exit 0', () => {
    expect(spawnCli(['--help']).code).toBe(0);
    const v = spawnCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

const REAL_2026 = path.join(SHARED, 'data/realdata/twitter-milahu104-2026');

describe('influence import: Twitter/X archives (spawned)', () => {
  it.skipIf(!fs.existsSync(REAL_2026))('imports the real 2026 archive with every tweet, follower, following and like; again changes nothing', () => {
    const db = path.join(tempDir(), 't.db');
    const r = spawnCli(['import', REAL_2026, '--db', db]);
    expect(r.code).toBe(0);
    const one = (sql: string) => Object.values(query<Record<string, number>>(db, sql)[0]!)[0];
    expect(one('SELECT count(*) FROM posts')).toBe(2045);
    expect(one("SELECT count(*) FROM follows f JOIN accounts a ON a.id = f.followee_id WHERE a.handle = 'milahu104'")).toBe(61);
    expect(one("SELECT count(*) FROM follows f JOIN accounts a ON a.id = f.follower_id WHERE a.handle = 'milahu104'")).toBe(167);
    expect(one("SELECT count(*) FROM interactions WHERE kind = 'like'")).toBe(6708);
    expect(query(db, "SELECT external_id, followers, following, posts FROM accounts WHERE handle = 'milahu104'")).toEqual([
      { external_id: '1964312974236991488', followers: 61, following: 167, posts: 2045 },
    ]);
    const before = tableCounts(db);
    expect(spawnCli(['import', REAL_2026, '--db', db]).code).toBe(0);
    expect(tableCounts(db)).toEqual(before);
  });

  it('imports an old tweet.js archive without account.js (owner from the manifest), zipped', () => {
    const dir = tempDir();
    const db = path.join(dir, 'old.db');
    const r = spawnCli(['import', path.join(FIX, 'twitter/archive-2019'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.sources[0].format).toBe('twitter');
    expect(tableCounts(db).posts).toBe(s.sources[0].read.post);
    expect(s.sources[0].read.post).toBeGreaterThan(0);
  });

  it('exits 2 on a truncated tweets.js and changes no count', () => {
    const db = path.join(tempDir(), 't.db');
    expect(spawnCli(['import', path.join(FIX, 'twitter/archive-2019'), '--db', db]).code).toBe(0);
    const before = tableCounts(db);
    const r = spawnCli(['import', path.join(FIX, 'twitter/truncated'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line \d+/);
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('influence import: a file large enough to be written on a worker thread (spawned)', () => {
  /** A generic interactions CSV of `rows` rows (over THREADED_MIN_BYTES); row i is on line i + 1. */
  function writeBig(file: string, rows: number, badLine?: number): void {
    const lines = ['actor,target,kind,created_at,post_id'];
    for (let i = 1; i <= rows; i++) {
      const kind = i + 1 === badLine ? 'wink' : i % 2 ? 'like' : 'reply';
      lines.push(`someone_${(i * 7919) % 20_000},someone_${(i * 104_729) % 20_000},${kind},2026-01-01T00:00:00Z,post_${i}`);
    }
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
  }

  it('exits 2 naming the line of a bad row near the end and changes nothing; the fixed file imports every row', () => {
    const dir = tempDir();
    const db = path.join(dir, 'big.db');
    expect(spawnCli(['import', path.join(FIX, 'generic/accounts.csv'), '--db', db]).code).toBe(0);
    const before = tableCounts(db);
    const big = path.join(dir, 'big.csv');
    writeBig(big, 160_000, 150_001);
    expect(fs.statSync(big).size).toBeGreaterThan(8 * 2 ** 20);
    const bad = spawnCli(['import', big, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${big}:line 150001`);
    expect(bad.stderr).toContain("'wink' is not an interaction kind");
    expect(tableCounts(db)).toEqual(before);

    writeBig(big, 160_000);
    const good = spawnCli(['import', big, '--db', db, '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).added).toMatchObject({ interactions: 160_000 });
    expect(tableCounts(db).interactions).toBe(before.interactions + 160_000);
  });
});
