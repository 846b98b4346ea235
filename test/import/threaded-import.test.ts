/**
 * Large imports write on a worker thread, small ones inline; networks too large to cache
 * are looked up account by account. Every combination must give the same database, byte
 * for byte, as the plain path. The worker is compiled code, so these tests drive the built
 * dist/ (`npm test` builds it first), like the spawned end-to-end tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import type { InputError, StoreError } from '../../src/errors.js';
import type { ImportRecord } from '../../src/store/records.js';

type RunImport = typeof import('../../src/import/run-import.js').runImport;
const dist = (p: string) => path.join(ROOT, 'dist', p);
const { runImport } = (await import(dist('import/run-import.js'))) as { runImport: RunImport };
const { openDb } = (await import(dist('store/open.js'))) as typeof import('../../src/store/open.js');
const { importTargetOf } = (await import(dist('store/import-target.js'))) as typeof import('../../src/store/import-target.js');
const { openSource } = (await import(dist('import/open-source.js'))) as typeof import('../../src/import/open-source.js');
const distErrors = (await import(dist('errors.js'))) as { InputError: typeof InputError; StoreError: typeof StoreError };
const { openNewDbTarget } = (await import(dist('store/new-db-target.js'))) as typeof import('../../src/store/new-db-target.js');
const { openWriteSession } = (await import(dist('store/write-session.js'))) as typeof import('../../src/store/write-session.js');
const { createRecordWriter } = (await import(dist('store/write-records.js'))) as typeof import('../../src/store/write-records.js');

const FIX = path.join(ROOT, 'test/fixtures');
const f = (p: string) => path.join(FIX, p);
const GENERIC = ['accounts.csv', 'posts.csv', 'interactions.csv', 'follows.csv', 'rows.ndjson', 'tables.json'].map((n) => f(`generic/${n}`));

interface Variant {
  name: string;
  threads: 'always' | 'never';
  preloadLimit?: number;
  /** a command into a database that does not exist yet builds it aside (store/new-db-target.ts) */
  newDb?: boolean;
}
const VARIANTS: Variant[] = [
  { name: 'inline', threads: 'never' },
  { name: 'worker', threads: 'always' },
  { name: 'inline, per-account lookups', threads: 'never', preloadLimit: 0 },
  { name: 'worker, per-account lookups', threads: 'always', preloadLimit: 0 },
  { name: 'new database built aside, inline', threads: 'never', newDb: true },
  { name: 'new database built aside, worker', threads: 'always', newDb: true },
];

/** One `influence import` command: paths in one transaction. */
async function importInto(dbPath: string, paths: string[], v: Variant, extra: { network?: string; owner?: string; skipInvalid?: boolean; lockWaitMs?: number; onLockWait?: (m: string) => void } = {}) {
  const fresh = v.newDb ? openNewDbTarget(dbPath) : null;
  const db = fresh ? undefined : openDb(dbPath);
  try {
    return await runImport(
      fresh ?? importTargetOf(db!),
      paths,
      { skipInvalid: extra.skipInvalid ?? false, defaultNetwork: extra.network ?? 'generic', owner: extra.owner, now: 1_770_000_000_000, threads: v.threads, preloadLimit: v.preloadLimit, lockWaitMs: extra.lockWaitMs, onLockWait: extra.onLockWait },
      openSource,
    );
  } finally {
    fresh?.close();
    db?.close();
  }
}

type Dump = Record<'accounts' | 'posts' | 'interactions' | 'follows' | 'identities' | 'imports', unknown[][]>;

/** Every row of every data table, in a fixed order. */
function dump(dbPath: string): Dump {
  const db = openDb(dbPath, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).raw().all() as unknown[][];
    return {
      accounts: all('SELECT * FROM accounts ORDER BY id'),
      posts: all('SELECT * FROM posts ORDER BY id'),
      interactions: all('SELECT * FROM interactions ORDER BY actor_id, kind, event_key, target_id'),
      follows: all('SELECT * FROM follows ORDER BY follower_id, followee_id'),
      identities: all('SELECT * FROM identities ORDER BY identity, account_id'),
      imports: all('SELECT path, sha256, format, bytes, counts, imported_at FROM imports ORDER BY id'),
    };
  } finally {
    db.close();
  }
}

/** Runs `commands` (each one import command) into a fresh database per variant; returns the dumps. */
async function runVariants(commands: Array<{ paths: string[]; network?: string; owner?: string }>): Promise<Map<string, Dump>> {
  const out = new Map<string, Dump>();
  for (const v of VARIANTS) {
    const dbPath = path.join(tempDir(), 'v.db');
    for (const c of commands) await importInto(dbPath, c.paths, v, c);
    out.set(v.name, dump(dbPath));
  }
  return out;
}

function expectAllEqual(dumps: Map<string, Dump>): void {
  const [first, ...rest] = [...dumps.entries()];
  expect(first![1].accounts.length).toBeGreaterThan(0);
  for (const [name, d] of rest) expect({ name, ...d }).toEqual({ name, ...first![1] });
}

describe('threaded and per-account-lookup imports give the same database', () => {
  it('generic tables in one command', async () => {
    expectAllEqual(await runVariants([{ paths: GENERIC, network: 'twitter' }]));
  });

  it('generic tables one command per file, in reverse (rows naming accounts from earlier commands)', async () => {
    expectAllEqual(await runVariants([...GENERIC].reverse().map((p) => ({ paths: [p], network: 'twitter' }))));
  });

  it('Mastodon and Twitter archives, a following list, then generic tables naming the same accounts', async () => {
    expectAllEqual(
      await runVariants([
        { paths: [f('mastodon/archive-2024')] },
        { paths: [f('mastodon/following_accounts.csv')], owner: 'me@example.social' },
        { paths: [f('twitter/archive-2019'), f('twitter/archive-2026')] },
        { paths: GENERIC, network: 'twitter' },
      ]),
    );
  });
});

/** A generic interactions CSV of `rows` rows among `accounts` handles; row i (1-based) is on line i + 1. */
function writeInteractions(file: string, rows: number, accounts: number, badLine?: number): void {
  const lines = ['actor,target,kind,created_at,post_id'];
  for (let i = 1; i <= rows; i++) {
    const kind = i + 1 === badLine ? 'wink' : ['like', 'reply', 'mention'][i % 3];
    lines.push(`u${(i * 7919) % accounts},u${(i * 104_729) % accounts},${kind},2026-01-0${1 + (i % 9)}T00:00:00Z,p${i}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('a threaded import is one transaction', () => {
  it('an error deep in a large file rolls back everything, with the line of the bad row', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 't.db');
    await importInto(dbPath, GENERIC, VARIANTS[0]!, { network: 'twitter' });
    const before = dump(dbPath);
    const big = path.join(dir, 'big.csv');
    writeInteractions(big, 120_000, 5_000, 100_001);
    const err = await importInto(dbPath, [f('generic/follows.csv'), big], VARIANTS[1]!, { network: 'twitter' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(distErrors.InputError);
    expect((err as InputError).message).toContain("'wink' is not an interaction kind");
    expect((err as InputError).detail).toMatchObject({ file: big, line: 100_001, field: 'kind' });
    expect(dump(dbPath)).toEqual(before);
  });

  it('with --skip-invalid imports the rest of a large file and counts the bad row', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.csv');
    writeInteractions(big, 50_000, 2_000, 30_000);
    const inline = await importInto(path.join(dir, 'a.db'), [big], VARIANTS[0]!, { skipInvalid: true });
    const threaded = await importInto(path.join(dir, 'b.db'), [big], VARIANTS[1]!, { skipInvalid: true });
    expect(threaded.skippedRows).toBe(1);
    expect(threaded.firstProblems[0]).toMatchObject({ line: 30_000, field: 'kind' });
    expect(threaded.added).toEqual(inline.added);
    expect(threaded.added.interactions).toBe(49_999);
    expect(dump(path.join(dir, 'b.db'))).toEqual(dump(path.join(dir, 'a.db')));
  });

  it('starts its worker whatever node flags the parent was started with', () => {
    // `node --input-type=module -e ...` once made every worker refuse to start
    const dbPath = path.join(tempDir(), 'flags.db');
    const script = `
      const { openDb } = await import(${JSON.stringify(dist('store/open.js'))});
      const { runImport } = await import(${JSON.stringify(dist('import/run-import.js'))});
      const { openSource } = await import(${JSON.stringify(dist('import/open-source.js'))});
      const { importTargetOf } = await import(${JSON.stringify(dist('store/import-target.js'))});
      const db = openDb(${JSON.stringify(dbPath)});
      const s = await runImport(importTargetOf(db), ${JSON.stringify(GENERIC)}, { skipInvalid: false, defaultNetwork: 'twitter', now: 0, threads: 'always' }, openSource);
      db.close();
      console.log(JSON.stringify(s.added));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ accounts: 8, posts: 5, interactions: 9, follows: 5 });
  });

  it('a database locked by another writer past the wait limit fails the import with a StoreError and changes nothing', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'l.db');
    await importInto(dbPath, [f('generic/accounts.csv')], VARIANTS[0]!);
    const before = dump(dbPath);
    const holder = openDb(dbPath);
    holder.pragma('busy_timeout = 0');
    holder.exec('BEGIN IMMEDIATE');
    try {
      for (const v of [VARIANTS[0]!, VARIANTS[1]!]) {
        const waits: string[] = [];
        const err = await importInto(dbPath, [f('generic/follows.csv')], v, { lockWaitMs: 1500, onLockWait: (m) => waits.push(m) }).catch((e: unknown) => e);
        expect(err, v.name).toBeInstanceOf(distErrors.StoreError);
        expect((err as StoreError).problem).toBe('locked');
        expect(waits, v.name).toHaveLength(1);
      }
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(dump(dbPath)).toEqual(before);
  }, 30_000);
});

describe('records naming one account by id, then by handle, then by both', () => {
  const tw = (ref: { handle?: string; externalId?: string }) => ({ network: 'twitter', ...ref });
  const t = Date.UTC(2026, 0, 2);
  const records: ImportRecord[] = [
    { type: 'follow', follower: tw({ externalId: '111' }), followee: tw({ handle: 'owner' }) },
    // buffered with the id-only account's id, which the merge below folds away
    { type: 'interaction', actor: tw({ externalId: '111' }), target: tw({ handle: 'owner' }), kind: 'like', targetPost: 'p9', createdAt: t },
    { type: 'interaction', actor: tw({ handle: 'Alice' }), target: tw({ handle: 'owner' }), kind: 'mention', sourcePost: 's1', createdAt: t },
    { type: 'account', ref: tw({ handle: 'alice', externalId: '111' }), followers: 10 },
    { type: 'interaction', actor: tw({ externalId: '111' }), kind: 'like', targetPost: 'p10', createdAt: t },
    { type: 'post', network: 'twitter', externalId: 'p10', author: tw({ handle: 'owner' }), createdAt: t - 1000, text: 'hi' },
  ];

  it.each([false, true])('merges them into one account (threaded: %s)', async (threaded) => {
    const dbPath = path.join(tempDir(), 'm.db');
    const readDb = openDb(dbPath);
    const session = openWriteSession(dbPath, { threaded });
    const writer = createRecordWriter(readDb, await session.ready, (b) => session.send(b));
    for (const r of records) writer.write(r);
    writer.flush();
    const added = await session.commit([]);
    readDb.close();
    expect(writer.merged()).toBe(1);
    expect(added).toEqual({ accounts: 2, posts: 1, interactions: 3, follows: 1, identities: 0, updated: { accounts: 0, posts: 0, follows: 0 } });
    const d = dump(dbPath);
    const ids = d.accounts.map((a) => a[0]);
    const handleOf = (id: unknown) => d.accounts.find((a) => a[0] === id)?.[2];
    expect(d.accounts.map((a) => [a[2], a[4], a[8]])).toEqual([
      ['owner', null, null],
      ['Alice', '111', 10],
    ]);
    // every row names a live account: the like buffered before the merge moved with it
    for (const row of d.interactions) expect(ids).toContain(row[0]);
    expect(d.interactions.map((r) => [handleOf(r[0]), r[1], r[2], handleOf(r[3])])).toEqual([
      ['Alice', 'like', 'p:p10', 'owner'], // target found through post p10, imported after the like
      ['Alice', 'like', 'p:p9', 'owner'],
      ['Alice', 'mention', 'p:s1', 'owner'],
    ]);
    expect(d.follows.map((r) => [handleOf(r[0]), handleOf(r[1])])).toEqual([['Alice', 'owner']]);
  });
});
