/**
 * A database left at any earlier schema version opens and migrates to the current one:
 * the same tables, columns and indexes as a new database, its rows kept, the new columns at
 * their documented defaults (migration 5: a run's population, data and detail keys NULL,
 * "not recorded"; migration 6: no own list known complete; migration 8: a stored score's
 * interval NULL, not stored). The lead renumbers migrations
 * when branches merge; this catches a renumbering that no longer applies in order.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/schema.js';
import { openDb } from '../../src/store/open.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { databaseAtVersion } from '../helpers/db.js';

const schemaOf = (db: Database.Database): unknown[] => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();

/** A database file left at schema `version`, with one account. */
function databaseAt(file: string, version: number): void {
  const old = databaseAtVersion(file, version);
  old.prepare("INSERT INTO accounts (id, network, handle, handle_key, followers) VALUES (1, 'twitter', 'amy', 'amy', 12)").run();
  old.close();
}

describe('migrations from every earlier version', () => {
  const dir = tempDir();
  const fresh = openDb(path.join(dir, 'fresh.db'));
  const current = schemaOf(fresh);
  fresh.close();

  for (let version = 1; version < MIGRATIONS.length; version++) {
    it(`version ${version} -> ${MIGRATIONS.length}`, () => {
      const file = path.join(dir, `v${version}.db`);
      databaseAt(file, version);
      const old = new Database(file);
      old.prepare("INSERT INTO runs (id, model_version, as_of, window_days, created_at, accounts) VALUES (1, '2.0.0', 5, 90, 6, 1)").run();
      old.prepare(`INSERT INTO scores (run_id, account_id, score, reach, amplification, network, confidence, detail) VALUES (1, 1, 40, 30, 20, 10, 0.9, '{}')`).run();
      old.close();

      const db = openDb(file);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(schemaOf(db)).toEqual(current);
      expect(db.prepare('SELECT handle, followers, lists FROM accounts').all()).toEqual([{ handle: 'amy', followers: 12, lists: 0 }]);
      expect(db.prepare('SELECT model_version, accounts, population, data, detail_keys FROM runs').all()).toEqual([
        { model_version: '2.0.0', accounts: 1, population: null, data: null, detail_keys: null },
      ]);
      // migration 8: a score stored before it has no interval (history shows '-')
      expect(db.prepare('SELECT score, low, high FROM scores').all()).toEqual([{ score: 40, low: null, high: null }]);
      db.close();
    });
  }
});

describe('the upgrade says so', () => {
  it('tells onMigrate once, naming both versions, when an older database is upgraded; never for a new or current one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    databaseAt(file, MIGRATIONS.length - 1);
    const heard: string[] = [];
    openDb(file, { onMigrate: (m) => heard.push(m) }).close();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toContain(`from schema version ${MIGRATIONS.length - 1} to ${MIGRATIONS.length}`);
    openDb(file, { onMigrate: (m) => heard.push(m) }).close(); // now current
    openDb(path.join(dir, 'new.db'), { onMigrate: (m) => heard.push(m) }).close();
    expect(heard).toHaveLength(1);
  });

  it('a command on an older database prints the notice on stderr, and --quiet leaves it out', async () => {
    const dir = tempDir();
    const loud = path.join(dir, 'loud.db');
    const quiet = path.join(dir, 'quiet.db');
    databaseAt(loud, MIGRATIONS.length - 1);
    databaseAt(quiet, MIGRATIONS.length - 1);
    const r = await runCli(['accounts', '--db', loud]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/upgrading .*loud\.db from schema version \d+ to \d+/);
    const q = await runCli(['accounts', '--db', quiet, '--quiet']);
    expect(q.code).toBe(0);
    expect(q.stderr).not.toMatch(/upgrading/);
    expect(new Database(quiet).pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });
});
