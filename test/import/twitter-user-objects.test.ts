/**
 * Twitter API user objects as the generic accounts table (src/import/generic/layouts.ts):
 * v1.1 and v2 objects as CSV, JSON and NDJSON reach the store as the generic columns would,
 * an error names the file's own column, and a file with `handle` stays the generic table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src/import/generic/layouts.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

const PROFILE = 'SELECT handle, external_id, display_name, bio, followers, following, posts, listed, likes_given, default_avatar, verified, created_at, url, location FROM accounts ORDER BY handle';

const ANN = {
  handle: 'ann',
  external_id: '1234567890123456789',
  display_name: 'Ann',
  bio: 'Birder',
  followers: 300,
  following: 200,
  posts: 4000,
  listed: 5,
  likes_given: 1200,
  default_avatar: 0,
  verified: 0,
  created_at: Date.UTC(2013, 0, 29, 9, 3, 56),
  url: 'https://t.co/x',
  location: 'Lisbon',
};

async function importFile(name: string, text: string): Promise<{ code: number; stderr: string; db: string }> {
  const dir = tempDir();
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const db = path.join(dir, 'u.db');
  const r = await runCli(['import', '--db', db, '--network', 'twitter', file]);
  return { code: r.code, stderr: r.stderr, db };
}

describe('Twitter API user objects as accounts', () => {
  it('reads v1.1 objects from NDJSON (twarc, tweepy): id_str over the rounded numeric id, likes given, default avatar; nested members unused', async () => {
    const user = {
      id: 1234567890123456789,
      id_str: '1234567890123456789',
      name: 'Ann',
      screen_name: 'ann',
      location: 'Lisbon',
      description: 'Birder',
      url: 'https://t.co/x',
      entities: { url: { urls: [] } },
      followers_count: 300,
      friends_count: 200,
      listed_count: 5,
      created_at: 'Tue Jan 29 09:03:56 +0000 2013',
      favourites_count: 1200,
      verified: false,
      statuses_count: 4000,
      default_profile_image: false,
      status: { id_str: '9', text: 'hello' },
    };
    // JSON.stringify cannot write the 19-digit number as it is: put it in by hand
    const line = JSON.stringify({ ...user, id: 0 }).replace('"id":0', '"id":1234567890123456789');
    const r = await importFile('users.jsonl', `${line}\n`);
    expect(r.code).toBe(0);
    expect(query(r.db, PROFILE)).toEqual([ANN]);
  });

  it('reads v1.1 objects flattened to CSV (pandas: an unnamed index column, True/False) the same way', async () => {
    const csv = [
      ',id,name,screen_name,statuses_count,followers_count,friends_count,favourites_count,listed_count,url,location,default_profile_image,verified,description,created_at,profile_text_color',
      '0,1234567890123456789,Ann,ann,4000,300,200,1200,5,https://t.co/x,Lisbon,False,False,Birder,Tue Jan 29 09:03:56 +0000 2013,333333',
    ].join('\n');
    const r = await importFile('users.csv', csv);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/unused columns 1/);
    expect(query(r.db, PROFILE)).toEqual([ANN]);
    const json = await runCli(['import', '--db', path.join(tempDir(), 'j.db'), '--json', '--network', 'twitter', path.join(path.dirname(r.db), 'users.csv')]);
    // the columns the table does not read are named as the file names them
    const skipped = (JSON.parse(json.stdout) as { sources: { skippedFiles: { reason: string }[] }[] }).sources[0]!.skippedFiles;
    expect(skipped).toEqual([{ name: 'users.csv', reason: 'columns not used: (unnamed), profile_text_color' }]);
  });

  it('reads v2 objects (nested public_metrics in JSON, flattened in CSV); v2 says nothing of the default avatar, which stays unknown', async () => {
    const v2 = {
      id: '1234567890123456789',
      username: 'ann',
      name: 'Ann',
      description: 'Birder',
      created_at: '2013-01-29T09:03:56.000Z',
      location: 'Lisbon',
      url: 'https://t.co/x',
      verified: false,
      profile_image_url: 'https://pbs.twimg.com/profile_images/1/a_normal.jpg',
      public_metrics: { followers_count: 300, following_count: 200, tweet_count: 4000, listed_count: 5, like_count: 1200 },
    };
    const expected = { ...ANN, default_avatar: null };
    const json = await importFile('users.json', JSON.stringify({ data: [v2] }));
    expect(json.code).toBe(0);
    expect(query(json.db, PROFILE)).toEqual([expected]);
    const csv = await importFile(
      'users.csv',
      [
        'id,username,name,description,created_at,location,url,verified,public_metrics.followers_count,public_metrics.following_count,public_metrics.tweet_count,public_metrics.listed_count,public_metrics.like_count',
        '1234567890123456789,ann,Ann,Birder,2013-01-29T09:03:56.000Z,Lisbon,https://t.co/x,false,300,200,4000,5,1200',
      ].join('\n'),
    );
    expect(csv.code).toBe(0);
    expect(query(csv.db, PROFILE)).toEqual([expected]);
  });

  it('reads the API’s null profile texts (no website, no bio, no location) as known-empty, as an empty cell of the CSV is; other nulls stay unknown', async () => {
    const user = { id_str: '7', screen_name: 'nul', name: null, description: null, url: null, location: null, followers_count: 1, friends_count: 2, verified: null, default_profile_image: null };
    const r = await importFile('users.jsonl', `${JSON.stringify(user)}\n`);
    expect(r.code).toBe(0);
    expect(query(r.db, 'SELECT display_name, bio, url, location, verified, default_avatar FROM accounts')).toEqual([
      { display_name: null, bio: '', url: '', location: '', verified: null, default_avatar: null },
    ]);
  });

  it('names the file’s own column in an error (followers_count, not followers), exit 2, nothing stored', async () => {
    const r = await importFile('users.csv', 'screen_name,followers_count\nann,lots\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2/);
    expect(r.stderr).toMatch(/followers_count/);
    expect(r.stderr).not.toMatch(/\bfollowers:/);
    expect(fs.existsSync(r.db)).toBe(false);
  });

  it('a table with a handle column is the generic table, whatever else it holds; neither layout, no table', () => {
    expect(readLayout(['handle', 'screen_name', 'followers_count'])).toMatchObject({ name: 'generic', columns: ['handle', 'screen_name', 'followers_count'] });
    expect(readLayout(['screen_name', 'followers_count', 'id', 'id_str'])).toMatchObject({ name: 'Twitter API v1.1 user objects', columns: ['handle', 'followers', null, 'id'] });
    expect(readLayout(['screen_name', 'name'])).toBeUndefined();
    expect(readLayout(['username', 'public_metrics.followers_count'])!.fileColumn('followers')).toBe('public_metrics.followers_count');
  });

  it('--followers-of makes a list of follower profiles the account’s followers: an audit in two commands, no follows table', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'followers.csv');
    // the followed account may be in its own list: it does not follow itself
    fs.writeFileSync(file, 'screen_name,followers_count,friends_count,statuses_count\nx8k2q,3,2001,0\nann,300,200,4000\nbrand,90000,10,5000\n');
    const db = path.join(dir, 'f.db');
    const r = await runCli(['import', '--db', db, '--network', 'twitter', '--followers-of', '@brand', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read 3 accounts, 2 follows');
    expect(query(db, "SELECT f.handle AS follower, e.handle AS followee FROM follows JOIN accounts f ON f.id = follows.follower_id JOIN accounts e ON e.id = follows.followee_id ORDER BY 1")).toEqual([
      { follower: 'ann', followee: 'brand' },
      { follower: 'x8k2q', followee: 'brand' },
    ]);
    const audit = JSON.parse((await runCli(['audit', '--db', db, '@brand', '--json'])).stdout) as { followers: number; accounts: { handle: string; class: string }[] };
    expect(audit.followers).toBe(2);
    expect(audit.accounts.find((a) => a.handle === 'x8k2q')!.class).not.toMatch(/real|unknown/);
  });

  it('--followers-of refuses an export that is not an accounts table, and a value that is not a handle: exit 2, no database', async () => {
    const dir = tempDir();
    const archive = path.join(dir, 'outbox');
    fs.mkdirSync(archive);
    fs.writeFileSync(path.join(archive, 'following_accounts.csv'), 'Account address,Show boosts\nbob@example.social,true\n');
    fs.writeFileSync(path.join(archive, 'actor.json'), JSON.stringify({ type: 'Person', preferredUsername: 'alice', id: 'https://example.social/users/alice' }));
    const db = path.join(dir, 'x.db');
    const r = await runCli(['import', '--db', db, '--followers-of', 'brand', archive]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--followers-of reads accounts tables, and this is a mastodon/);
    const bad = await runCli(['import', '--db', db, '--followers-of', 'two words', path.join(dir, 'outbox', 'following_accounts.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--followers-of 'two words' is not a handle/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('reads Twitter API response pages (twarc2 writes one per line): the rows under data (v2) or users (v1.1); paging and side data named once as not read', async () => {
    const user = (handle: string, followers: number) => ({ id: `${followers}`, username: handle, public_metrics: { followers_count: followers, following_count: 1, tweet_count: 2, listed_count: 0 } });
    const page = (users: object[]) => ({ data: users, includes: { users: [user('pinned_author', 7)] }, meta: { result_count: users.length, next_token: 'x' }, __twarc: { url: 'https://api.x.com/2/users/1/followers', version: '2.14.0' } });
    const ndjson = await importFile('followers.jsonl', `${JSON.stringify(page([user('ann', 300), user('bob', 20)]))}\n${JSON.stringify(page([user('cy', 5)]))}\n`);
    expect(ndjson.code).toBe(0);
    // includes.users are other accounts (authors of pinned posts), not rows of the list
    expect(query(ndjson.db, 'SELECT handle, followers FROM accounts ORDER BY handle')).toEqual([
      { handle: 'ann', followers: 300 },
      { handle: 'bob', followers: 20 },
      { handle: 'cy', followers: 5 },
    ]);
    const dir = path.dirname(ndjson.db);
    const summary = await runCli(['import', '--json', '--db', path.join(dir, 'again.db'), '--network', 'twitter', path.join(dir, 'followers.jsonl')]);
    expect((JSON.parse(summary.stdout) as { sources: { skippedFiles: unknown[] }[] }).sources[0]!.skippedFiles).toEqual([
      { name: 'followers.jsonl', reason: 'Twitter API response members not read: includes, meta, __twarc' },
    ]);
    // v1.1 followers/list: {users: [...], next_cursor: <a number above 2^53>, ...}; a row's numeric id above 2^53 kept exact
    const v1 = `{"users":[{"id":1234567890123456789,"screen_name":"ann","followers_count":300}],"next_cursor":1234567890123456789,"next_cursor_str":"1234567890123456789","previous_cursor":0}`;
    for (const name of ['page.json', 'page.jsonl']) {
      const r = await importFile(name, `${v1}\n`);
      expect(r.code, r.stderr).toBe(0);
      expect(query(r.db, 'SELECT handle, external_id, followers FROM accounts')).toEqual([{ handle: 'ann', external_id: '1234567890123456789', followers: 300 }]);
    }
  });

  it('an object with a data array beside members that are not paging data is not a page: an error as before', async () => {
    const r = await importFile('odd.jsonl', `${JSON.stringify({ data: [{ username: 'ann', 'public_metrics.followers_count': 1 }], colour: 'red' })}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/keys data, colour match no generic table/);
  });
});
