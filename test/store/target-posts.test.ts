/**
 * An interaction's target post is resolved at import (store/target-posts.ts) and read as a
 * number: the post with that external id on the actor's network, or none. Each case checks
 * the stored id and the Dataset the reader builds against the definition, computed here
 * independently by the join every read used to do: unknown posts, the same external id on
 * two networks, posts arriving after their interactions (in a later import and later in the
 * same one), a re-import, an account merge, rows written by SQL outside the importer, and a
 * database migrated from schema version 6 (before the column existed).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/open.js';
import { readDataset } from '../../src/store/read-dataset.js';
import { MIGRATIONS } from '../../src/store/schema.js';
import { openWriteSession } from '../../src/store/write-session.js';
import { createRecordWriter } from '../../src/store/write-records.js';
import type { ImportRecord } from '../../src/store/records.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { databaseAtVersion } from '../helpers/db.js';

/** Per interaction in key order: actor handle, kind, target post named, and the post the reader resolved it to ('network/external id'). */
function resolvedByReader(db: Db): string[][] {
  const d = readDataset(db, { bios: false });
  const posts = db.prepare('SELECT network, external_id FROM posts ORDER BY id').raw().all() as [string, string][];
  const named = db.prepare('SELECT target_post FROM interactions ORDER BY actor_id, kind, event_key, target_id').pluck().all() as (string | null)[];
  const rows: string[][] = [];
  for (let k = 0; k < d.interactions.n; k++) {
    const p = d.interactions.targetPost[k]!;
    rows.push([d.accounts.handle[d.interactions.actor[k]!]!, String(named[k]), p < 0 ? '-' : `${posts[p]![0]}/${posts[p]![1]}`]);
  }
  return rows;
}

/** The same by the definition: a join on the actor's network, as the reader did before the column. */
function resolvedByJoin(db: Db): string[][] {
  return (
    db
      .prepare(
        `SELECT a.handle, ifnull(i.target_post, 'null'), ifnull(p.network || '/' || p.external_id, '-') FROM interactions i JOIN accounts a ON a.id = i.actor_id
           LEFT JOIN posts p ON p.network = a.network AND p.external_id = i.target_post ORDER BY i.actor_id, i.kind, i.event_key, i.target_id`,
      )
      .raw()
      .all() as string[][]
  );
}

/** Stored target_post_id per interaction, as 'handle target_post -> network/external id' ('0' looked up, none; 'null' not looked up). */
function stored(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT a.handle || ' ' || ifnull(i.target_post, 'null') || ' -> ' || CASE WHEN i.target_post_id IS NULL THEN 'null' WHEN i.target_post_id = 0 THEN '0'
                ELSE (SELECT p.network || '/' || p.external_id FROM posts p WHERE p.id = i.target_post_id) END
           FROM interactions i JOIN accounts a ON a.id = i.actor_id ORDER BY a.handle, i.kind, i.event_key`,
      )
      .pluck()
      .all() as string[]
  );
}

function withDb<T>(file: string, f: (db: Db) => T): T {
  const db = openDb(file);
  try {
    return f(db);
  } finally {
    db.close();
  }
}

/** Reader and definition agree; returns the reader's rows. */
function checkedRows(file: string): string[][] {
  return withDb(file, (db) => {
    const rows = resolvedByReader(db);
    expect(rows).toEqual(resolvedByJoin(db));
    return rows;
  });
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const importFiles = async (db: string, files: string[], network = 'twitter') => {
  const r = await runCli(['import', '--quiet', '--json', '--db', db, '--network', network, ...files]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { added: Record<string, number> };
};

const LIKES = 'actor,target,kind,created_at,post_id\nerin,alice,like,2026-03-01T12:00:00Z,p1\nfrank,alice,like,2026-03-01T12:30:00Z,p2\nerin,bob,mention,2026-03-01T13:00:00Z,\n';
const POSTS = 'id,author,created_at,text\np1,alice,2026-03-01T10:00:00Z,first\np3,alice,2026-03-01T10:30:00Z,third\n';

describe('target posts resolved at import', () => {
  it('an interaction whose post is not in the database has none, and finds it when the post arrives in a later import', async () => {
    const dir = tempDir();
    const db = path.join(dir, 't.db');
    await importFiles(db, [write(dir, 'likes.csv', LIKES)]);
    expect(withDb(db, stored)).toEqual(['erin p1 -> 0', 'erin null -> null', 'frank p2 -> 0']);
    expect(checkedRows(db)).toEqual([
      ['erin', 'p1', '-'],
      ['erin', 'null', '-'],
      ['frank', 'p2', '-'],
    ]);
    await importFiles(db, [write(dir, 'posts.csv', POSTS)]);
    expect(withDb(db, stored)).toEqual(['erin p1 -> twitter/p1', 'erin null -> null', 'frank p2 -> 0']);
    expect(checkedRows(db)).toEqual([
      ['erin', 'p1', 'twitter/p1'],
      ['erin', 'null', '-'],
      ['frank', 'p2', '-'],
    ]);
  });

  it('resolves interactions written before their post in the same import, and those written after it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 't.db');
    const later = 'actor,target,kind,created_at,post_id\ngina,alice,like,2026-03-02T12:00:00Z,p3\n';
    await importFiles(db, [write(dir, 'likes.csv', LIKES), write(dir, 'posts.csv', POSTS), write(dir, 'later.csv', later)]);
    expect(withDb(db, stored)).toEqual(['erin p1 -> twitter/p1', 'erin null -> null', 'frank p2 -> 0', 'gina p3 -> twitter/p3']);
    expect(checkedRows(db).map((r) => r[2])).toEqual(['twitter/p1', '-', '-', 'twitter/p3']);
  });

  it('resolves a post on the actor\'s network only, whichever network holds the same id first', async () => {
    const dir = tempDir();
    const db = path.join(dir, 't.db');
    // p1 exists on mastodon first; twitter's erin likes twitter's p1, mastodon's mia likes mastodon's p1
    await importFiles(db, [write(dir, 'm-posts.csv', 'id,author,created_at,text\np1,max,2026-03-01T09:00:00Z,elsewhere\n')], 'mastodon');
    await importFiles(db, [write(dir, 'likes.csv', LIKES)]);
    await importFiles(db, [write(dir, 'm-likes.csv', 'actor,target,kind,created_at,post_id\nmia,max,like,2026-03-01T12:00:00Z,p1\nmia,max,like,2026-03-01T12:10:00Z,p3\n')], 'mastodon');
    expect(withDb(db, stored)).toEqual(['erin p1 -> 0', 'erin null -> null', 'frank p2 -> 0', 'mia p1 -> mastodon/p1', 'mia p3 -> 0']);
    // twitter's p1 and p3 arrive: erin's like finds twitter's p1, mia's like of p3 stays unresolved (p3 is not on mastodon)
    await importFiles(db, [write(dir, 'posts.csv', POSTS)]);
    expect(withDb(db, stored)).toEqual(['erin p1 -> twitter/p1', 'erin null -> null', 'frank p2 -> 0', 'mia p1 -> mastodon/p1', 'mia p3 -> 0']);
    expect(checkedRows(db).filter((r) => r[0] === 'erin' || r[0] === 'mia')).toEqual([
      ['erin', 'p1', 'twitter/p1'],
      ['erin', 'null', '-'],
      ['mia', 'p1', 'mastodon/p1'],
      ['mia', 'p3', '-'],
    ]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const dir = tempDir();
    const db = path.join(dir, 't.db');
    const files = [write(dir, 'likes.csv', LIKES), write(dir, 'posts.csv', POSTS)];
    await importFiles(db, files);
    const dump = () => withDb(db, (d) => d.prepare('SELECT * FROM interactions ORDER BY actor_id, kind, event_key, target_id').raw().all());
    const before = dump();
    const again = await importFiles(db, files);
    expect(again.added).toMatchObject({ posts: 0, interactions: 0 });
    expect(dump()).toEqual(before);
    expect(withDb(db, stored)).toEqual(['erin p1 -> twitter/p1', 'erin null -> null', 'frank p2 -> 0']);
  });

  it('keeps an interaction\'s post through an account merge, and resolves a row written before its post in the same import', async () => {
    const db = path.join(tempDir(), 'm.db');
    const tw = (ref: { handle?: string; externalId?: string }) => ({ network: 'twitter', ...ref });
    const t = Date.UTC(2026, 0, 2);
    const records: ImportRecord[] = [
      { type: 'post', network: 'twitter', externalId: 'p9', author: tw({ handle: 'owner' }), createdAt: t - 2000, text: 'old' },
      // liked by an account known by id only, then merged into the account named by handle
      { type: 'interaction', actor: tw({ externalId: '111' }), target: tw({ handle: 'owner' }), kind: 'like', targetPost: 'p9', createdAt: t },
      { type: 'interaction', actor: tw({ handle: 'Alice' }), target: tw({ handle: 'owner' }), kind: 'like', targetPost: 'p8', createdAt: t },
      // written (the merge flushes the buffered rows) before its post, later in the same import
      { type: 'interaction', actor: tw({ handle: 'Alice' }), target: tw({ handle: 'owner' }), kind: 'like', targetPost: 'p11', createdAt: t },
      { type: 'account', ref: tw({ handle: 'alice', externalId: '111' }), followers: 10 },
      { type: 'interaction', actor: tw({ externalId: '111' }), kind: 'like', targetPost: 'p10', createdAt: t },
      { type: 'post', network: 'twitter', externalId: 'p10', author: tw({ handle: 'owner' }), createdAt: t - 1000, text: 'hi' },
      { type: 'post', network: 'twitter', externalId: 'p11', author: tw({ handle: 'owner' }), createdAt: t - 500, text: 'later' },
    ];
    const readDb = openDb(db);
    const session = openWriteSession(db, { threaded: false });
    const writer = createRecordWriter(readDb, await session.ready, (b) => session.send(b));
    for (const r of records) writer.write(r);
    writer.flush();
    await session.commit([]);
    readDb.close();
    expect(writer.merged()).toBe(1);
    expect(withDb(db, stored)).toEqual(['Alice p10 -> twitter/p10', 'Alice p11 -> twitter/p11', 'Alice p8 -> 0', 'Alice p9 -> twitter/p9']);
    expect(checkedRows(db).map((r) => r.join(' '))).toEqual(['Alice p10 twitter/p10', 'Alice p11 twitter/p11', 'Alice p8 -', 'Alice p9 twitter/p9']);
  });

  it('reads rows written by SQL outside the importer (no stored id) by looking their post up', () => {
    const file = path.join(tempDir(), 's.db');
    withDb(file, (db) => {
      db.exec(`INSERT INTO accounts (id, network, handle, handle_key) VALUES (1, 'twitter', 'amy', 'amy'), (2, 'mastodon', 'max', 'max');
        INSERT INTO posts (id, network, external_id, author_id, created_at, kind) VALUES (5, 'mastodon', 'x', 2, 1767225600000, 'original'), (6, 'twitter', 'x', 1, 1767225600000, 'original');
        INSERT INTO interactions (actor_id, kind, event_key, target_id, created_at, target_post) VALUES
          (1, 'like', 'p:x', 1, 1767225600001, 'x'), (2, 'like', 'p:x', 2, 1767225600001, 'x'), (2, 'like', 'p:y', 2, 1767225600001, 'y')`);
    });
    expect(withDb(file, stored)).toEqual(['amy x -> null', 'max x -> null', 'max y -> null']);
    expect(checkedRows(file)).toEqual([
      ['amy', 'x', 'twitter/x'],
      ['max', 'x', 'mastodon/x'],
      ['max', 'y', '-'],
    ]);
  });

  it('migrates a version 6 database: every row resolved once, the same Dataset as the join read before', () => {
    const file = path.join(tempDir(), 'v6.db');
    const old = databaseAtVersion(file, 6);
    old.exec(`INSERT INTO accounts (id, network, handle, handle_key) VALUES (1, 'twitter', 'amy', 'amy'), (2, 'mastodon', 'max', 'max'), (3, 'twitter', 'bo', 'bo');
      INSERT INTO posts (id, network, external_id, author_id, created_at, kind) VALUES (5, 'mastodon', 'x', 2, 1767225600000, 'original'), (6, 'twitter', 'x', 3, 1767225600000, 'original'), (7, 'twitter', 'z', 3, 1767225600000, 'original');
      INSERT INTO interactions (actor_id, kind, event_key, target_id, created_at, target_post, source_post) VALUES
        (1, 'like', 'p:x', 3, 1767225600001, 'x', NULL), (1, 'reply', 'p:r1', 3, 1767225600002, 'z', 'r1'), (1, 'mention', 'p:m1', 3, 1767225600003, NULL, 'm1'),
        (2, 'like', 'p:x', 2, 1767225600001, 'x', NULL), (2, 'like', 'p:z', 0, 1767225600001, 'z', NULL)`);
    old.close();
    // before: read-only, the old schema, read by the join
    const ro = new Database(file, { readonly: true }) as Db;
    const before = resolvedByReader(ro);
    ro.close();
    expect(before).toEqual([
      ['amy', 'x', 'twitter/x'],
      ['amy', 'null', '-'],
      ['amy', 'z', 'twitter/z'],
      ['max', 'x', 'mastodon/x'],
      ['max', 'z', '-'],
    ]);
    expect(withDb(file, (db) => db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
    expect(withDb(file, stored)).toEqual(['amy x -> twitter/x', 'amy null -> null', 'amy z -> twitter/z', 'max x -> mastodon/x', 'max z -> 0']);
    expect(checkedRows(file)).toEqual(before);
  });
});
