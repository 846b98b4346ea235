import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/open.js';
import { readLatestActivity, readDataset } from '../../src/store/read-dataset.js';
import { parseAsOf } from '../../src/cli/options.js';
import { runCli, tempDir } from '../helpers/cli.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

function addAccount(db: Db, handle: string, followers: number | null, following: number | null): number {
  return Number(
    db.prepare('INSERT INTO accounts (network, handle, handle_key, followers, following) VALUES (?, ?, ?, ?, ?)').run('generic', handle, handle.toLowerCase(), followers, following)
      .lastInsertRowid,
  );
}
function addPost(db: Db, author: number, id: string, at: number, hashtags = 0, words = 12): void {
  db.prepare('INSERT INTO posts (network, external_id, author_id, created_at, kind, hashtags, words) VALUES (?, ?, ?, ?, ?, ?, ?)').run('generic', id, author, at, 'original', hashtags, words);
}
function addInteraction(db: Db, actor: number, target: number, kind: string, at: number, post: string | null): void {
  db.prepare('INSERT INTO interactions (actor_id, target_id, kind, created_at, target_post, event_key) VALUES (?, ?, ?, ?, ?, ?)').run(actor, target, kind, at, post, `${kind}:${post ?? 't'}:${at}`);
}

/** A database with a follow-back farm, a scheduler bot (with a hostile handle), a hashtag stuffer and ordinary people. */
function seed(): string {
  const file = path.join(tempDir(), 'auth.db');
  const db = openDb(file);
  db.transaction(() => {
    const people = Array.from({ length: 40 }, (_, i) => addAccount(db, `person${i}`, 150 + i, 200));
    people.forEach((p, i) => {
      for (let k = 0; k < 12; k++) {
        const at = T0 + ((i * 3 + k * 7) % 80) * DAY + (9 + (k % 10)) * HOUR;
        addPost(db, p, `p${i}_${k}`, at);
        for (let j = 1; j <= 3; j++) addInteraction(db, people[(i + j * (k + 1)) % 40]!, p, 'like', at + (j + k) * HOUR, `p${i}_${k}`);
      }
    });
    const farm = addAccount(db, 'farm', 5200, 5000);
    for (let k = 0; k < 8; k++) addPost(db, farm, `f${k}`, T0 + (5 + k * 10) * DAY);
    addInteraction(db, people[0]!, farm, 'like', T0 + 5 * DAY + HOUR, 'f0');
    const bot = addAccount(db, 'evil\u001b[31mbot', 300, 280);
    for (let k = 0; k < 24 * 30; k++) addPost(db, bot, `b${k}`, T0 + 60 * DAY + k * HOUR + (k % 5) * 60_000);
    const stuffer = addAccount(db, '=stuffer', 400, 350);
    for (let k = 0; k < 30; k++) addPost(db, stuffer, `s${k}`, T0 + (k * 3) * DAY + 15 * HOUR, 9, 6);
  })();
  db.close();
  return file;
}

describe('report authenticity', () => {
  const db = seed();

  it('--json lists flagged accounts with evidence, worst first, and counts by code', async () => {
    const r = await runCli(['report', 'authenticity', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe(1);
    expect(out.windowDays).toBe(90);
    expect(out.asOf).toBe(new Date(T0 + 60 * DAY + 719 * HOUR + 4 * 60_000).toISOString());
    expect(out.accounts).toBe(43);
    expect(out.flagged).toBe(3);
    expect(out.byCode).toEqual({ 'follow-back': 1, 'bot-cadence': 1, 'hashtag-stuffing': 1, 'engagement-pod': 0, 'serial-engager': 0, churn: 0 });
    const byHandle = Object.fromEntries(out.results.map((a: { handle: string }) => [a.handle, a]));
    expect(byHandle['farm'].flags[0].code).toBe('follow-back');
    expect(byHandle['farm'].flags[0].evidence).toMatchObject({ followers: 5200, following: 5000, engagers: 1, engagersFrom: 'events' });
    expect(byHandle['evil\u001b[31mbot'].flags[0].code).toBe('bot-cadence');
    expect(byHandle['=stuffer'].flags[0].evidence).toMatchObject({ posts: 30, stuffedShare: 1 });
    for (const a of out.results) {
      expect(a.damping).toBeLessThan(1);
      expect(a.cap).toBeLessThan(70);
    }
    const worst = out.results.map((a: { flags: { severity: number }[] }) => Math.max(...a.flags.map((f) => f.severity)));
    expect([...worst].sort((x, y) => y - x)).toEqual(worst);
  });

  it('plain text shows each flag with its evidence next to thresholds, with control sequences stripped', async () => {
    const r = await runCli(['report', 'authenticity', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^activity: 3 of 43 accounts flagged for gaming \(window 90 days to /);
    expect(r.stdout).toContain('@farm (generic)');
    expect(r.stdout).toContain('follow-back farm [follow-back]');
    expect(r.stdout).toMatch(/ratio 0\.9615 \(min 0\.8\)/);
    expect(r.stdout).toContain('@evilbot (generic)'); // the whole escape sequence is removed
    expect(r.stdout).not.toContain('\u001b');
  });

  it('--csv has one row per flag and guards cells against formula injection', async () => {
    const r = await runCli(['report', 'authenticity', '--db', db, '--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('handle,network,code,severity,factor,damping,cap,evidence,class,probability,reasons');
    // one row per flag (a code in the third column); profile verdict rows, if any, have none
    expect(lines.slice(1).filter((l) => /^[^,]*,generic,[a-z-]+,/.test(l))).toHaveLength(3);
    expect(lines.some((l) => l.startsWith("'=stuffer,generic,hashtag-stuffing,"))).toBe(true);
  });

  it('--as-of and --window choose the window: before the bot started there is no bot', async () => {
    const r = await runCli(['report', 'authenticity', '--db', db, '--json', '--as-of', '2026-02-15', '--window', '30']);
    const out = JSON.parse(r.stdout);
    expect(out.asOf).toBe('2026-02-15T23:59:59.999Z');
    expect(out.windowDays).toBe(30);
    expect(out.results.map((a: { handle: string }) => a.handle)).not.toContain('evil\u001b[31mbot');
  });

  it('bad flags and a missing database exit 2 with a fix', async () => {
    for (const args of [
      ['--window', '0'],
      ['--window', 'abc'],
      ['--as-of', 'yesterday'],
    ]) {
      const r = await runCli(['report', 'authenticity', '--db', db, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('fix:');
    }
    const r = await runCli(['report', 'authenticity', '--db', path.join(tempDir(), 'none.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no database at');
  });

  it('report without a subcommand shows help listing authenticity', async () => {
    const r = await runCli(['report', '--help']);
    expect(r.stdout).toContain('authenticity');
  });
});

describe('minimal population reader', () => {
  it('maps database ids to indices, posts by external id, NULL counts to NaN', () => {
    const file = path.join(tempDir(), 'read.db');
    const db = openDb(file);
    const a = addAccount(db, 'a', null, 10);
    const b = addAccount(db, 'b', 5, null);
    addPost(db, b, 'x1', T0 + DAY, 2, 7);
    addInteraction(db, a, b, 'reply', T0 + 2 * DAY, 'x1');
    addInteraction(db, a, b, 'like', T0 + 3 * DAY, 'missing');
    db.prepare('INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, NULL)').run(a, b);
    const pop = readDataset(db);
    expect(pop.accounts.n).toBe(2);
    expect(Number.isNaN(pop.accounts.followers[0]!)).toBe(true);
    expect(pop.accounts.following[0]).toBe(10);
    expect(Array.from(pop.posts.author)).toEqual([1]);
    expect(Array.from(pop.posts.hashtags)).toEqual([2]);
    // primary-key order: actor, kind ('like' < 'reply'), event key
    expect(Array.from(pop.interactions.kind)).toEqual([4, 0]);
    expect(Array.from(pop.interactions.targetPost)).toEqual([-1, 0]);
    expect(Array.from(pop.follows.follower)).toEqual([0]);
    expect(Number.isNaN(pop.follows.createdAt[0]!)).toBe(true);
    expect(readLatestActivity(db)).toBe(T0 + 3 * DAY);
    db.close();
  });

  it('parseAsOf: a date means the end of that day (UTC)', () => {
    expect(parseAsOf('2026-03-01')).toBe(Date.UTC(2026, 2, 2) - 1);
    expect(parseAsOf('2026-03-01T12:00:00Z')).toBe(Date.UTC(2026, 2, 1, 12));
  });
});
