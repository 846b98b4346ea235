/**
 * Issue 13, item 8: database conditions a person can fix are StoreErrors with their own
 * message and fix (exit 2), never "internal error"; a second import waits for the first,
 * and `score --all` during an import waits to store its run instead of failing.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, spawnCli, tempDir } from '../helpers/cli.js';
import { query, tableCounts } from '../helpers/db.js';
import { StoreError } from '../../src/errors.js';
import { openDb, writeTransaction } from '../../src/store/open.js';

async function dbWithData(): Promise<{ dir: string; db: string; csv: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'x.db');
  const csv = path.join(dir, 'i.csv');
  fs.writeFileSync(csv, 'actor,target,kind,created_at\na,b,like,2024-05-01T00:00:00Z\nb,a,reply,2024-05-02T00:00:00Z\nc,a,like,2024-05-02T00:00:00Z\n');
  expect((await runCli(['import', '--db', db, csv])).code).toBe(0);
  return { dir, db, csv };
}

function expectStoreError(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('fix:');
  expect(r.stderr).not.toContain('internal error');
}

describe('database conditions with their own message and fix', () => {
  it('a missing folder', async () => {
    const { dir, csv } = await dbWithData();
    const db = path.join(dir, 'no/such/folder/x.db');
    expectStoreError(await runCli(['import', '--db', db, csv]), /folder for the database does not exist/);
    expect(fs.existsSync(path.join(dir, 'no'))).toBe(false);
  });

  it('a directory as --db', async () => {
    const { dir, csv } = await dbWithData();
    const folder = path.join(dir, 'a-folder');
    fs.mkdirSync(folder);
    expectStoreError(await runCli(['import', '--db', folder, csv]), /database path is a folder/);
    expectStoreError(await runCli(['db', 'info', '--db', folder]), /database path is a folder/);
    expectStoreError(await runCli(['score', '--all', '--db', folder]), /database path is a folder/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('a file that is not SQLite is refused and left as it was', async () => {
    const { dir, csv } = await dbWithData();
    const notDb = path.join(dir, 'notes.txt');
    const content = 'these are my notes, not a database\n'.repeat(200);
    fs.writeFileSync(notDb, content);
    expectStoreError(await runCli(['import', '--db', notDb, csv]), /not an influence database/);
    expectStoreError(await runCli(['db', 'info', '--db', notDb]), /not an influence database/);
    expectStoreError(await runCli(['score', '--all', '--db', notDb]), /not an influence database/);
    expect(fs.readFileSync(notDb, 'utf8')).toBe(content);
  });

  const isRoot = process.getuid?.() === 0;
  const canDropPrivileges = isRoot && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(isRoot && !canDropPrivileges)('a read-only database file: import exits 2 and the file is unchanged', async () => {
    const { dir, db, csv } = await dbWithData();
    const before = tableCounts(db);
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(csv, 0o644);
    fs.chmodSync(db, 0o444);
    const more = path.join(dir, 'more.csv');
    fs.writeFileSync(more, 'handle,followers\nnew1,5\n');
    fs.chmodSync(more, 0o644);
    // root ignores file modes: run as nobody, as a user would meet it
    const argv = ['import', '--db', db, more];
    const r = isRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...argv], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } })
      : spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    expectStoreError({ code: r.status ?? -1, stderr: r.stderr }, /cannot be (written|opened)/);
    fs.chmodSync(db, 0o644);
    expect(tableCounts(db)).toEqual(before);
  });

  it('a write lock held past the wait limit is a StoreError naming the database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'l.db');
    openDb(file).close();
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const waits: string[] = [];
    const db = openDb(file, { lockWaitMs: 1500, onLockWait: (m) => waits.push(m) });
    try {
      const err = (() => {
        try {
          writeTransaction(db, () => db.exec("INSERT INTO runs (model_version, as_of, window_days, created_at, accounts) VALUES ('m', 0, 90, 0, 0)"));
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).problem).toBe('locked');
      expect((err as StoreError).message).toContain(file);
      expect(waits).toHaveLength(1);
    } finally {
      db.close();
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(query(file, 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 0 }]);
  });
});

/** Spawns the CLI without waiting; resolves with its exit code and output. */
function startCli(argv: string[]): { done: Promise<{ code: number; stdout: string; stderr: string }>; stderrSoFar: () => string } {
  const child = spawn(process.execPath, [BIN, ...argv], { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  return { done, stderrSoFar: () => stderr };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('concurrent commands', () => {
  it('a second import and a score --all wait for a write held longer than 5 s, say so, then succeed', async () => {
    const { dir, db } = await dbWithData();
    const more = path.join(dir, 'more.csv');
    fs.writeFileSync(more, 'handle,followers\nnew1,5\nnew2,6\n');
    // another import's open write transaction, as the first of two imports holds it
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const second = startCli(['import', '--db', db, more]);
    const score = startCli(['score', '--all', '--json', '--db', db]);
    try {
      await until(() => second.stderrSoFar().includes('waiting for another influence command'), 'the import to say it waits');
      await until(() => score.stderrSoFar().includes('waiting for another influence command'), 'score to say it waits');
      // hold the lock past the old 5 s busy timeout, after which both used to fail
      await new Promise((r) => setTimeout(r, Math.max(0, 6000 - (Date.now() - started))));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const [imp, sc] = await Promise.all([second.done, score.done]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(sc.code, sc.stderr).toBe(0);
    expect(query(db, "SELECT count(*) AS n FROM accounts WHERE handle IN ('new1', 'new2')")).toEqual([{ n: 2 }]);
    // score read the last committed state (before the second import) and stored its run
    expect(JSON.parse(sc.stdout).results.length).toBeGreaterThanOrEqual(3);
    expect(query(db, 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 1 }]);
  }, 60_000);

  it('db info reads while another import holds the write lock (WAL readers do not wait)', async () => {
    const { db } = await dbWithData();
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    holder.exec("INSERT INTO accounts (network, handle, handle_key) VALUES ('generic', 'uncommitted', 'uncommitted')");
    try {
      const r = spawnCli(['db', 'info', '--json', '--db', db]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).counts.accounts).toBe(3);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('more database conditions (second trial)', () => {
  it('a device as --db (/dev/null): its own message, not "internal error: disk I/O error"', async () => {
    const { csv } = await dbWithData();
    for (const args of [['db', 'info'], ['import', csv]]) expectStoreError(await runCli(['--db', '/dev/null', ...args]), /not a regular file \(a device, pipe or socket\): \/dev\/null/);
  });

  it('a full disk and an I/O error reported by SQLite are StoreErrors with a fix', async () => {
    const { toStoreError } = await import('../../src/store/store-errors.js');
    const full = toStoreError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'x.db');
    expect(full).toBeInstanceOf(StoreError);
    expect((full as StoreError).message).toContain('the disk is full');
    const io = toStoreError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }), 'x.db');
    expect((io as StoreError).problem).toBe('io-error');
    expect((io as StoreError).fix).toContain('check the disk');
  });
});
