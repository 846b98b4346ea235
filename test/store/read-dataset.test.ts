import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND } from '../../src/engine/dataset.js';
import { readAccounts, readLatestActivity, readDataset } from '../../src/store/read-dataset.js';
import { readDataDates } from '../../src/store/read-data-dates.js';
import { tempDir } from '../helpers/cli.js';
import { day } from '../../tools/sim/dataset-builder.js';
import { DbWriter } from '../helpers/score-db.js';

describe('readDataset', () => {
  it('reads typed columns, NULL as NaN, target posts resolved on the actor\'s network', () => {
    const w = new DbWriter(path.join(tempDir(), 'p.db'));
    const alice = w.account({ handle: 'Alice', followers: 10 });
    const bob = w.account({ handle: 'bob', network: 'mastodon' });
    const carol = w.account({ handle: 'carol' });
    w.post(alice, { at: day(1), externalId: '100', likes: 3 });
    w.post(bob, { at: day(2), externalId: '100', network: 'mastodon', kind: 'reply' });
    w.interact(carol, alice, 'like', { at: day(3), post: '100' }); // twitter post 100
    w.interact(carol, null, 'reshare', { at: null, post: '999' }); // unknown target and post
    w.interact(carol, alice, 'wave', { at: day(4) }); // unknown kind: skipped
    w.follow(carol, alice, day(0));
    const pop = readDataset(w.db);
    expect(readLatestActivity(w.db)).toBe(day(4));
    w.close();

    expect(pop.accounts.n).toBe(3);
    expect(pop.accounts.handle).toEqual(['Alice', 'bob', 'carol']);
    // networks by code (one shared string per network); a text column no account has reads null
    expect(pop.accounts.network).toEqual(['twitter', 'mastodon', 'twitter']);
    expect(pop.accounts.url).toEqual([null, null, null]);
    expect(pop.accounts.followers[0]).toBe(10);
    expect(Number.isNaN(pop.accounts.followers[1]!)).toBe(true);
    expect(Number.isNaN(pop.accounts.listed[0]!)).toBe(true);
    expect(pop.posts.n).toBe(2);
    expect(pop.posts.likes[0]).toBe(3);
    expect(Number.isNaN(pop.posts.likes[1]!)).toBe(true);
    // no post declares reshares or replies: one shared all-NaN column; likes are their own
    expect(pop.posts.reshares).toBe(pop.posts.replies);
    expect(Array.from(pop.posts.replies)).toEqual([NaN, NaN]);
    expect(pop.posts.likes).not.toBe(pop.posts.replies);
    expect(pop.posts.kind[1]).toBe(1); // reply
    expect(pop.interactions.n).toBe(2);
    expect(pop.interactions.kind[0]).toBe(KIND.like);
    expect(pop.interactions.targetPost[0]).toBe(0); // alice's post, not bob's
    expect(pop.interactions.target[1]).toBe(-1);
    expect(pop.interactions.targetPost[1]).toBe(-1);
    expect(Number.isNaN(pop.interactions.createdAt[1]!)).toBe(true);
    expect(pop.follows.n).toBe(1);
    expect(pop.follows.followee[0]).toBe(0);
  });

  it('finds the interactions\' latest time while reading them, as the data\'s dates scan it', () => {
    const w = new DbWriter(path.join(tempDir(), 'd.db'));
    const alice = w.account({ handle: 'alice' });
    const carol = w.account({ handle: 'carol' });
    w.post(alice, { at: day(2) });
    w.interact(carol, alice, 'like', { at: day(3) });
    w.interact(carol, alice, 'wave', { at: day(4) }); // an unknown kind is not read, but its time dates the data
    w.interact(carol, alice, 'reply', { at: null });
    // a time outside the store's range is no date (read as none, as the scan skips it)
    w.db.prepare('INSERT INTO interactions (actor_id, target_id, kind, created_at, event_key) VALUES (?, ?, ?, ?, ?)').run(carol, alice, 'like', Date.UTC(2200, 0, 1), 'late');
    const dates: { latestInteraction?: number | null } = {};
    expect(readDataset(w.db, { dates }).interactions.n).toBe(3);
    expect(dates.latestInteraction).toBe(day(4));
    expect(readDataDates(w.db, dates.latestInteraction)).toEqual(readDataDates(w.db));
    expect(readDataDates(w.db).activity).toBe(day(4));
    expect(readDataDates(w.db, null).activity).toBe(day(2)); // no interaction times: the posts' latest
    w.db.exec('DELETE FROM posts');
    expect(readDataDates(w.db, null).activity).toBeNull();
    w.close();
  });

  it('reads interactions in primary-key order (actor, kind, event key) whatever the insertion order', () => {
    const w = new DbWriter(path.join(tempDir(), 'o.db'));
    const ids = Array.from({ length: 6 }, (_, i) => w.account({ handle: `a${i}` }));
    const ins = w.db.prepare('INSERT INTO interactions (actor_id, target_id, kind, created_at, event_key) VALUES (?, ?, ?, ?, ?)');
    const rows: [number, string, string][] = [];
    for (let k = 0; k < 40; k++) rows.push([ids[(k * 7) % 6]!, ['reply', 'like', 'mention'][(k * 5) % 3]!, `k${(k * 13) % 40}`]);
    rows.forEach(([actor, kind, key], k) => ins.run(actor, ids[(k + 1) % 6], kind, day(k % 30), key));
    const pop = readDataset(w.db);
    w.close();
    const got = Array.from({ length: pop.interactions.n }, (_, e) => [pop.accounts.dbId[pop.interactions.actor[e]!]!, pop.interactions.kind[e]!]);
    const codes: Record<string, number> = { reply: 0, mention: 3, like: 4 };
    const want = [...rows].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : 1)).map(([a, kind]) => [a, codes[kind]!]);
    expect(got).toEqual(want);
  });

  it('maps sparse account ids and can skip bios', () => {
    const w = new DbWriter(path.join(tempDir(), 's.db'));
    w.db.prepare("INSERT INTO accounts (id, network, handle, handle_key, bio) VALUES (1000000, 'twitter', 'x', 'x', 'hello')").run();
    w.db.prepare("INSERT INTO accounts (id, network, handle, handle_key) VALUES (5, 'twitter', 'y', 'y')").run();
    w.post(1000000, { at: day(1) });
    const { accounts, indexOf } = readAccounts(w.db, { bios: false });
    expect(accounts.handle).toEqual(['y', 'x']);
    expect(indexOf(1000000)).toBe(1);
    expect(accounts.bio[1]).toBeNull();
    expect(readDataset(w.db).posts.author[0]).toBe(1);
    expect(readDataset(w.db).accounts.bio[1]).toBe('hello');
    w.close();
  });

  it('reads a number column no account has as one shared all-NaN column, and one some account has as its own', () => {
    const w = new DbWriter(path.join(tempDir(), 'u.db'));
    w.account({ handle: 'a', followers: 10 });
    w.account({ handle: 'b', listed: 2 });
    const { accounts } = readAccounts(w.db);
    w.close();
    // followers and listed are known for someone: own columns, values as stored
    expect(Array.from(accounts.followers)).toEqual([10, NaN]);
    expect(Array.from(accounts.listed)).toEqual([NaN, 2]);
    expect(accounts.followers).not.toBe(accounts.listed);
    // the window aggregates and the rest are known for nobody: one column, NaN for both accounts
    const unknown = [accounts.verified, accounts.createdAt, accounts.mentionsReceived, accounts.likesGiven, accounts.aggregateWindowDays];
    for (const c of unknown) {
      expect(c).toBe(accounts.verified);
      expect(c.length).toBe(2);
      expect(Array.from(c).every(Number.isNaN)).toBe(true);
    }
  });

  it('has no latest activity in an empty database', () => {
    const w = new DbWriter(path.join(tempDir(), 'e.db'));
    expect(readLatestActivity(w.db)).toBeNull();
    w.close();
  });
});
