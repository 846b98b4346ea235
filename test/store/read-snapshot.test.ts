/**
 * Reading as one state of the data while another connection commits (store/read-snapshot.ts):
 * the commit is seen, and a read that used the worker is done again on one connection.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { readAgreeing, readInOneSnapshot } from '../../src/store/read-snapshot.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { day } from '../../tools/sim/dataset-builder.js';
import { DbWriter } from '../helpers/score-db.js';

function twoConnections(): { db: ReturnType<typeof openDb>; other: Database.Database } {
  const file = path.join(tempDir(), 'snap.db');
  const db = openDb(file);
  db.exec('CREATE TABLE t(x)');
  db.exec('INSERT INTO t VALUES (1)');
  return { db, other: new Database(file) };
}

const countOf = (db: { prepare(sql: string): { pluck(): { get(): unknown } } }): number => db.prepare('SELECT count(*) FROM t').pluck().get() as number;

describe('readInOneSnapshot', () => {
  it('keeps one state through the read and says another connection committed meanwhile', async () => {
    const { db, other } = twoConnections();
    const r = await readInOneSnapshot(db, async () => {
      const before = countOf(db);
      other.exec('INSERT INTO t VALUES (2)');
      await Promise.resolve();
      return [before, countOf(db)];
    });
    expect(r).toEqual({ ok: true, value: [1, 1], changedDuring: true });
    expect(countOf(db)).toBe(2);
    expect(db.inTransaction).toBe(false);
  });

  it('says nothing changed when nobody committed, and hands back the read error', async () => {
    const { db } = twoConnections();
    expect(await readInOneSnapshot(db, async () => countOf(db))).toEqual({ ok: true, value: 1, changedDuring: false });
    const failed = await readInOneSnapshot(db, async () => {
      throw new Error('boom');
    });
    expect(failed.ok).toBe(false);
    expect(failed.changedDuring).toBe(false);
    expect(db.inTransaction).toBe(false);
  });
});

describe('readAgreeing', () => {
  it('reads again on one connection when a commit landed during a read that used the worker', async () => {
    const { db, other } = twoConnections();
    const calls: boolean[] = [];
    const value = await readAgreeing(db, async (oneConnection) => {
      calls.push(oneConnection);
      if (calls.length === 1) other.exec('INSERT INTO t VALUES (2)');
      return { threads: oneConnection ? 1 : 2, rows: countOf(db) };
    });
    expect(calls).toEqual([false, true]);
    expect(value).toEqual({ threads: 1, rows: 2 });
  });

  it('keeps a one-connection read (its transaction made it consistent) and a quiet two-thread read', async () => {
    const { db, other } = twoConnections();
    const calls: boolean[] = [];
    const one = await readAgreeing(db, async (oneConnection) => {
      calls.push(oneConnection);
      other.exec('INSERT INTO t VALUES (2)');
      return { threads: 1, rows: countOf(db) };
    });
    expect(calls).toEqual([false]);
    expect(one.rows).toBe(1);
    const quiet = await readAgreeing(db, async () => ({ threads: 2, rows: countOf(db) }));
    expect(quiet.rows).toBe(2);
  });

  it('reads again when the first read failed while data changed, and rethrows a failure of a quiet read', async () => {
    const { db, other } = twoConnections();
    let n = 0;
    const v = await readAgreeing(db, async () => {
      if (n++ === 0) {
        other.exec('INSERT INTO t VALUES (2)');
        throw new Error('mixed states');
      }
      return { threads: 1, rows: countOf(db) };
    });
    expect(v.rows).toBe(2);
    await expect(readAgreeing(db, async () => Promise.reject(new Error('plain failure')))).rejects.toThrow('plain failure');
  });
});

const dist = path.join(ROOT, 'dist', 'store');

describe.runIf(fs.existsSync(path.join(dist, 'read-interactions-worker.js')))('the two-thread read while an import commits', () => {
  it('a commit between the two snapshots is caught and the dataset read again matches the data', () => {
    const file = path.join(tempDir(), 'mixed.db');
    const w = new DbWriter(file);
    const ids = Array.from({ length: 40 }, (_, i) => w.account({ handle: `u${i}` }));
    w.db.transaction(() => {
      for (let k = 0; k < 2000; k++) w.interact(ids[k % 40]!, ids[(k * 7 + 1) % 40]!, 'like', { at: day(k % 30) });
    })();
    w.close();
    // between this thread's snapshot and the worker's, a new account and 5 likes of it by the
    // account of the highest id (so in the worker's range) are committed
    const script = `
      const { openDb } = await import(${JSON.stringify(path.join(dist, 'open.js'))});
      const { readDataset, readDatasetParallel } = await import(${JSON.stringify(path.join(dist, 'read-dataset.js'))});
      const { readAgreeing, readInOneSnapshot } = await import(${JSON.stringify(path.join(dist, 'read-snapshot.js'))});
      const Database = (await import(${JSON.stringify(path.join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'index.js'))})).default;
      const db = openDb(${JSON.stringify(file)}, { readonly: true });
      const other = new Database(${JSON.stringify(file)});
      let commits = 0;
      const lastActor = ${ids[39]};
      const commitOne = () => {
        commits++;
        const id = Number(other.prepare("INSERT INTO accounts (network, handle) VALUES ('generic', ?)").run('late' + commits).lastInsertRowid);
        const insert = other.prepare("INSERT INTO interactions (actor_id, target_id, kind, created_at, event_key) VALUES (?, ?, 'like', ?, ?)");
        other.transaction(() => { for (let k = 0; k < 5; k++) insert.run(lastActor, id, Date.UTC(2024, 0, 1 + k), 'late' + commits + '-' + k); })();
      };
      const read = async (one) => {
        if (!one) commitOne();
        const report = {};
        const dataset = await readDatasetParallel(db, { parallelMin: one ? Infinity : 0, report });
        return { dataset, threads: report.threads };
      };
      const mixed = await readInOneSnapshot(db, () => read(false));
      const agreed = await readAgreeing(db, read);
      const truth = readDataset(db);
      console.log(JSON.stringify({
        mixedSeen: mixed.changedDuring, mixedThreads: mixed.value.threads, mixedAccounts: mixed.value.dataset.accounts.n, mixedEvents: mixed.value.dataset.interactions.n,
        agreedThreads: agreed.threads,
        agreedAccounts: agreed.dataset.accounts.n, truthAccounts: truth.accounts.n,
        agreedEvents: agreed.dataset.interactions.n, truthEvents: truth.interactions.n,
      }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, INFLUENCE_DEBUG: '1' } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    // without the check: the worker read the likes of the late account, this thread not the account
    expect(out).toMatchObject({ mixedSeen: true, mixedThreads: 2, mixedAccounts: 40, mixedEvents: 2005, agreedThreads: 1 });
    expect(out.agreedAccounts).toBe(out.truthAccounts);
    expect(out.agreedEvents).toBe(out.truthEvents);
    expect(out).toMatchObject({ truthAccounts: 42, truthEvents: 2010 });
  });
});
