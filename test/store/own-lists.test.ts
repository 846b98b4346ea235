/**
 * accounts.lists (store/records.ts OwnLists): which of an account's own lists the database
 * holds complete, as importers declare it, and what the scorer does with it: a follower
 * list counts as followers only when it is the account's own, complete one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { openDb } from '../../src/store/open.js';
import { mergeAccounts } from '../../src/store/merge-accounts.js';
import { readAccounts } from '../../src/store/read-dataset.js';
import { listBitsOf } from '../../src/store/write-records.js';
import { LISTS } from '../../src/engine/dataset.js';

const TWITTER = path.join(ROOT, 'test/fixtures/twitter/archive-2026');

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const bits = (db: string) => Object.fromEntries(query<{ handle: string; lists: number }>(db, 'SELECT handle, lists FROM accounts WHERE lists <> 0 ORDER BY handle').map((r) => [r.handle, r.lists]));

describe('own lists', () => {
  it('encodes OwnLists as the engine\'s LISTS bits', () => {
    expect(listBitsOf(undefined)).toBe(0);
    expect(listBitsOf({ followers: true, posts: true })).toBe(LISTS.FOLLOWERS | LISTS.POSTS);
    expect(listBitsOf({ following: true, reception: true, followers: false })).toBe(LISTS.FOLLOWING | LISTS.RECEPTION);
  });

  it('a Twitter archive marks its owner only, and a re-import changes nothing', async () => {
    const db = path.join(tempDir(), 't.db');
    expect((await runCli(['import', TWITTER, '--db', db])).code).toBe(0);
    const first = bits(db);
    expect(Object.values(first)).toEqual([LISTS.FOLLOWERS | LISTS.FOLLOWING | LISTS.POSTS]);
    expect((await runCli(['import', TWITTER, '--db', db])).code).toBe(0);
    expect(bits(db)).toEqual(first);
    // the dataset carries the bits in account order
    const conn = openDb(db);
    try {
      const { accounts } = readAccounts(conn, { bios: false });
      expect(accounts.lists!.filter((b) => b !== 0)).toEqual(new Uint8Array([7]));
    } finally {
      conn.close();
    }
  });

  it('a generic accounts table declares complete lists in complete_lists; a follows table alone is nobody\'s follower list', async () => {
    const dir = tempDir();
    const follows = write(dir, 'follows.csv', 'follower,followee\nf1,alice\nf2,alice\nf3,alice\nf1,bob\nf2,bob\n');
    const posts = write(dir, 'posts.csv', 'id,author,created_at,text\n1,alice,2026-01-10T00:00:00Z,hello\n2,bob,2026-01-10T00:00:00Z,hi\n');
    const accounts = write(dir, 'accounts.csv', 'handle,complete_lists\nalice,followers following\n');
    const db = path.join(dir, 'g.db');
    expect((await runCli(['import', follows, posts, accounts, '--db', db])).code).toBe(0);
    expect(bits(db)).toEqual({ alice: LISTS.FOLLOWERS | LISTS.FOLLOWING });
    const r = await runCli(['score', 'alice', 'bob', '--json', '--no-save', '--db', db]);
    const results = JSON.parse(r.stdout).results as { handle: string; contributions: { feature: string; value: number; source: string }[] }[];
    const followers = (h: string) => results.find((x) => x.handle === h)!.contributions.find((c) => c.feature === 'followers')!;
    expect(followers('alice')).toMatchObject({ value: 3, source: 'events' }); // her own list: 3 followers
    expect(followers('bob').source).toBe('imputed'); // two follow edges are not bob's follower count
  });

  it('refuses an unknown list name, naming the file, line and field, and changes nothing', async () => {
    const dir = tempDir();
    const bad = write(dir, 'accounts.csv', 'handle,complete_lists\nalice,followers\nbob,friends\n');
    const db = path.join(dir, 'b.db');
    const r = await runCli(['import', bad, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('accounts.csv');
    expect(r.stderr).toContain('line 3');
    expect(r.stderr).toContain('complete_lists');
    expect(r.stderr).toContain('followers, following, posts, reception');
  });

  it('merging two rows of one account keeps the declared window aggregates, as one group with their window', () => {
    const db = openDb(':memory:');
    try {
      const cols = 'mentions_received, reshares_received, replies_received, likes_received, mentions_sent, reshares_sent, window_days';
      db.prepare(`INSERT INTO accounts (id, network, external_id, ${cols}) VALUES (1, 'twitter', '9', 12, 5, 3, 40, 7, 2, 30)`).run();
      db.prepare("INSERT INTO accounts (id, network, handle, handle_key) VALUES (2, 'twitter', 'Ann', 'ann')").run();
      mergeAccounts(db, 2, 1);
      expect(db.prepare(`SELECT ${cols} FROM accounts WHERE id = 2`).raw().get()).toEqual([12, 5, 3, 40, 7, 2, 30]);
      // keep's own window wins whole: nothing of drop's other window is mixed in
      db.prepare(`INSERT INTO accounts (id, network, external_id, ${cols}) VALUES (3, 'twitter', '10', 1, 1, 1, 1, 1, 1, 90)`).run();
      db.prepare("INSERT INTO accounts (id, network, handle, handle_key, mentions_received, window_days) VALUES (4, 'twitter', 'Bo', 'bo', 50, 7)").run();
      mergeAccounts(db, 4, 3);
      expect(db.prepare(`SELECT ${cols} FROM accounts WHERE id = 4`).raw().get()).toEqual([50, null, null, null, null, null, 7]);
    } finally {
      db.close();
    }
  });

  it('merging two rows of one account keeps the lists of both', () => {
    const db = openDb(':memory:');
    try {
      db.prepare("INSERT INTO accounts (id, network, external_id, lists) VALUES (1, 'twitter', '9', ?)").run(LISTS.FOLLOWERS);
      db.prepare("INSERT INTO accounts (id, network, handle, handle_key, lists) VALUES (2, 'twitter', 'Ann', 'ann', ?)").run(LISTS.POSTS);
      mergeAccounts(db, 2, 1);
      expect(db.prepare('SELECT lists FROM accounts WHERE id = 2').pluck().get()).toBe(LISTS.FOLLOWERS | LISTS.POSTS);
    } finally {
      db.close();
    }
  });
});
