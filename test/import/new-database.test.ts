/**
 * An import into a database that does not exist yet builds it in a temporary file beside
 * the path and links it into place at commit (store/new-db-target.ts). All or nothing:
 * until then there is no database at the path; a failed or killed import leaves none, and
 * a database that appears meanwhile is never replaced.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, spawnCli, tempDir } from '../helpers/cli.js';
import { query, tableCounts } from '../helpers/db.js';

const dist = (p: string) => path.join(ROOT, 'dist', p);
const { runImport } = (await import(dist('import/run-import.js'))) as typeof import('../../src/import/run-import.js');
const { openDb } = (await import(dist('store/open.js'))) as typeof import('../../src/store/open.js');
const { openSource } = (await import(dist('import/open-source.js'))) as typeof import('../../src/import/open-source.js');
const { NewDatabaseTaken, openNewDbTarget } = (await import(dist('store/new-db-target.js'))) as typeof import('../../src/store/new-db-target.js');

/** A generic interactions CSV of `rows` rows among `accounts` handles (about 60 bytes a row). */
function writeInteractions(file: string, rows: number, accounts: number, badLine?: number): void {
  const lines = ['actor,target,kind,created_at,post_id'];
  for (let i = 1; i <= rows; i++) {
    const kind = i + 1 === badLine ? 'wink' : ['like', 'reply', 'mention'][i % 3];
    lines.push(`user${(i * 7919) % accounts},user${(i * 104_729) % accounts},${kind},2026-01-0${1 + (i % 9)}T00:00:00Z,${1_000_000_000 + i}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

const temporaries = (dir: string) => fs.readdirSync(dir).filter((n) => n.includes('.import-'));

describe('an import into a new database', () => {
  it('builds it aside and leaves a WAL database at the path, whole, with nothing else beside it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'new.db');
    const csv = path.join(dir, 'interactions.csv');
    writeInteractions(csv, 2_000, 300);
    const r = await runCli(['import', '--db', db, csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(tableCounts(db).interactions).toBe(2_000);
    expect(query(db, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(query(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(query(db, 'SELECT path FROM imports')).toEqual([{ path: csv }]);
    expect(temporaries(dir)).toEqual([]);
    // the same schema as a database created the usual way, the account indexes built after the rows included
    const usual = path.join(dir, 'usual.db');
    openDb(usual).close();
    const schema = (file: string) => query(file, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    expect(schema(db)).toEqual(schema(usual));
    expect(schema(db).map((r) => r['name'])).toContain('accounts_by_handle');
    expect(query(db, 'PRAGMA user_version')).toEqual(query(usual, 'PRAGMA user_version'));
    // a second import goes into the database that is there now, as any import does
    const again = await runCli(['import', '--db', db, csv]);
    expect(again.code, again.stderr).toBe(0);
    expect(tableCounts(db).interactions).toBe(2_000);
  });

  it('that fails leaves no database at the path and no temporary file (inline and on a worker thread)', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'small.csv');
    writeInteractions(small, 50, 20, 40);
    // over 8 MiB: imported with a worker thread (THREADED_MIN_BYTES)
    const big = path.join(dir, 'big.csv');
    writeInteractions(big, 160_000, 5_000, 150_000);
    expect(fs.statSync(big).size).toBeGreaterThan(8 * 2 ** 20);
    // in process (inline), and the built CLI (a big file: its worker thread)
    for (const [file, run] of [[small, runCli], [big, async (argv: string[]) => spawnCli(argv)]] as const) {
      const db = path.join(dir, `${path.basename(file)}.db`);
      const r = await run(['import', '--db', db, file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("'wink' is not an interaction kind");
      expect(fs.existsSync(db)).toBe(false);
      expect(temporaries(dir)).toEqual([]);
    }
  });

  it('never replaces a database that appeared at the path meanwhile: NewDatabaseTaken, that database untouched', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'raced.db');
    const csv = path.join(dir, 'interactions.csv');
    writeInteractions(csv, 500, 100);
    const target = openNewDbTarget(dbPath)!;
    expect(target).not.toBe(null);
    // another command creates the database while this import builds its own
    const other = openDb(dbPath);
    other.prepare("INSERT INTO accounts (network, handle, handle_key) VALUES ('generic', 'first', 'first')").run();
    try {
      const err = await runImport(target, [csv], { skipInvalid: false, defaultNetwork: 'generic', now: 0, threads: 'never' }, openSource).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NewDatabaseTaken);
    } finally {
      target.close();
      other.close();
    }
    expect(tableCounts(dbPath)).toMatchObject({ accounts: 1, interactions: 0 });
    expect(temporaries(dir)).toEqual([]);
    // with a database at the path, the new-database target steps aside
    expect(openNewDbTarget(dbPath)).toBe(null);
  });

  // /proc: a folder no one can create files in, even root (Linux only)
  it.runIf(fs.existsSync('/proc/self/stat'))('in a folder it cannot create files in fails naming the database, not its temporary file', async () => {
    const csv = path.join(tempDir(), 'interactions.csv');
    writeInteractions(csv, 10, 5);
    const r = await runCli(['import', '--db', '/proc/influence-test.db', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/proc/influence-test.db');
    expect(r.stderr).not.toContain('.import-');
    expect(r.stderr).not.toContain('internal error');
  });

  it('killed half way leaves no database at the path; the next import removes what it left', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'killed.db');
    const csv = path.join(dir, 'interactions.csv');
    writeInteractions(csv, 400_000, 20_000);
    const child = spawn(process.execPath, [BIN, 'import', '-q', '--db', dbPath, csv], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // kill -9 once the temporary database is being written (polling: no timing assumed)
    let killed = false;
    for (let i = 0; i < 6000 && child.exitCode === null; i++) {
      if (temporaries(dir).length > 0) {
        child.kill('SIGKILL');
        killed = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await exited;
    expect(killed).toBe(true);
    expect(fs.existsSync(dbPath)).toBe(false);
    expect(temporaries(dir).length).toBeGreaterThan(0);
    // the next import into a new database there clears the abandoned file (its process is gone)
    const small = path.join(dir, 'small.csv');
    writeInteractions(small, 10, 5);
    const r = await runCli(['import', '--db', dbPath, small]);
    expect(r.code, r.stderr).toBe(0);
    expect(tableCounts(dbPath).interactions).toBe(10);
    expect(temporaries(dir)).toEqual([]);
  }, 60_000);
});
