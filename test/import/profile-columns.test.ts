/**
 * Profile evidence for the audience audit (issue 12): the generic accounts table's
 * default_avatar, url, location and likes_given reach the store and the Dataset; missing
 * stays missing (never false or zero); an empty cell of a present text column is known-empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertActor } from '../../src/import/mastodon/read-actor.js';
import { openDb } from '../../src/store/open.js';
import { readDataset } from '../../src/store/read-dataset.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

const PROFILE_CSV = [
  'handle,display_name,bio,followers,following,posts,listed,likes_given,default_avatar,url,location,created_at',
  'ann,Ann,Birder,300,200,4000,5,1200,false,https://ann.example,Lisbon,2012-05-01T00:00:00Z',
  'bot123,,,3,2001,0,0,0,true,,,2016-11-30T00:00:00Z',
  // every profile cell empty: counts and flags missing, text known-empty
  'cy,,,,,,,,,,,',
].join('\n');

describe('profile columns of the generic accounts table', () => {
  it('reach the store and the Dataset: values, known-empty text, missing as NULL/NaN', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    fs.writeFileSync(path.join(dir, 'accounts.csv'), PROFILE_CSV);
    const r = await runCli(['import', '--db', db, '--network', 'twitter', path.join(dir, 'accounts.csv')]);
    expect(r.stderr).toBe(''); // no "columns not used"
    expect(r.code).toBe(0);
    const rows = query<Record<string, unknown>>(db, 'SELECT handle, url, location, default_avatar, likes_given, bio FROM accounts ORDER BY handle');
    expect(rows).toEqual([
      { handle: 'ann', url: 'https://ann.example', location: 'Lisbon', default_avatar: 0, likes_given: 1200, bio: 'Birder' },
      { handle: 'bot123', url: '', location: '', default_avatar: 1, likes_given: 0, bio: '' },
      { handle: 'cy', url: '', location: '', default_avatar: null, likes_given: null, bio: '' },
    ]);
    const store = openDb(db);
    const ds = readDataset(store);
    store.close();
    const a = ds.accounts;
    const at = (h: string) => a.handle.indexOf(h);
    expect(a.displayName[at('ann')]).toBe('Ann');
    expect(a.displayName[at('bot123')]).toBeNull();
    expect(a.url[at('bot123')]).toBe('');
    expect(a.location[at('ann')]).toBe('Lisbon');
    expect(a.defaultAvatar[at('bot123')]).toBe(1);
    expect(a.defaultAvatar[at('ann')]).toBe(0);
    expect(Number.isNaN(a.defaultAvatar[at('cy')]!)).toBe(true);
    expect(a.likesGiven[at('bot123')]).toBe(0);
    expect(Number.isNaN(a.likesGiven[at('cy')]!)).toBe(true);
  });

  it('a table without the columns leaves them unknown (NULL), never false or zero', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    fs.writeFileSync(path.join(dir, 'accounts.csv'), 'handle,followers\nann,10\n');
    expect((await runCli(['import', '--db', db, path.join(dir, 'accounts.csv')])).code).toBe(0);
    expect(query(db, 'SELECT url, location, default_avatar, likes_given, bio FROM accounts')).toEqual([
      { url: null, location: null, default_avatar: null, likes_given: null, bio: null },
    ]);
  });

  it('rejects a default_avatar that is not a boolean, naming line and field', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    fs.writeFileSync(path.join(dir, 'accounts.csv'), 'handle,default_avatar\nann,maybe\n');
    const r = await runCli(['import', '--db', db, path.join(dir, 'accounts.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2/);
    expect(r.stderr).toMatch(/default_avatar/);
  });

  it('keeps one snapshot of declared counts per import that changed them (a follower series), none for a re-import', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    const write = (name: string, followers: number) => {
      fs.writeFileSync(path.join(dir, name), `handle,followers,following\nann,${followers},10\n`);
      return path.join(dir, name);
    };
    const first = write('a1.csv', 100);
    expect((await runCli(['import', '--db', db, first])).code).toBe(0);
    expect((await runCli(['import', '--db', db, write('a2.csv', 100)])).code).toBe(0); // same counts: no new snapshot
    expect((await runCli(['import', '--db', db, write('a3.csv', 250)])).code).toBe(0);
    const snaps = query<{ followers: number; observed_at: number }>(db, 'SELECT followers, observed_at FROM account_snapshots ORDER BY observed_at');
    expect(snaps.map((s) => s.followers)).toEqual([100, 250]);
    expect(snaps[1]!.observed_at).toBeGreaterThanOrEqual(snaps[0]!.observed_at);
  });
});

describe('profile evidence from a Mastodon actor', () => {
  const actor = { id: 'https://h.example/users/a', preferredUsername: 'a', url: 'https://h.example/@a' };
  it('no icon: the default avatar; fields without a link: known to have no website', () => {
    const r = convertActor({ ...actor, attachment: [{ type: 'PropertyValue', name: 'Pronouns', value: 'they/them' }] });
    expect('record' in r && r.record).toMatchObject({ defaultAvatar: true, url: '' });
  });
  it('an icon: an own picture; a linked field: the website; no fields: website unknown', () => {
    const r = convertActor({ ...actor, icon: { type: 'Image', url: 'avatar.png' } });
    expect('record' in r && r.record.defaultAvatar).toBe(false);
    expect('record' in r && r.record.url).toBeUndefined();
  });
});
