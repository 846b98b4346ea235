import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/schema.js';
import { openDb } from '../../src/store/open.js';
import { tempDir } from '../helpers/cli.js';

describe('migration 2: Twitter text as written', () => {
  it('decodes HTML entities once in Twitter posts and bios stored before the importer did, and leaves other networks alone', () => {
    const file = path.join(tempDir(), 'old.db');
    // a database as version 1 left it
    const old = new Database(file);
    old.exec(MIGRATIONS[0] as string);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO accounts (id, network, handle, handle_key, bio) VALUES (1, 'twitter', 'm', 'm', 'R&amp;D'), (2, 'mastodon', 'x', 'x', 'fish &amp; chips')").run();
    old.prepare(
      "INSERT INTO posts (network, external_id, author_id, created_at, text, kind) VALUES ('twitter', '1', 1, 0, '&gt; quote &amp;lt;', 'original'), ('twitter', '2', 1, 0, 'plain', 'original'), ('mastodon', '3', 2, 0, 'a literal &amp;', 'original')",
    ).run();
    old.close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT text FROM posts ORDER BY external_id').pluck().all()).toEqual(['> quote &lt;', 'plain', 'a literal &amp;']);
    expect(db.prepare('SELECT bio FROM accounts ORDER BY id').pluck().all()).toEqual(['R&D', 'fish &amp; chips']);
    db.close();
    // opening again changes nothing (the migration ran once)
    const again = openDb(file);
    expect(again.prepare("SELECT text FROM posts WHERE external_id = '1'").pluck().get()).toBe('> quote &lt;');
    again.close();
  });
});
