/**
 * Issue 13, item 15: what an import says. Files left out are one grouped line per source on
 * stderr (quiet with -q); "updated N" beside "added N" (counted by the store writer, on both
 * write paths); derived events explained; singular and plural; progress over a folder counts
 * the whole folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/run-import.js';
import { openSource } from '../../src/import/open-source.js';
import { openDb } from '../../src/store/open.js';
import { importTargetOf } from '../../src/store/import-target.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const TWITTER = path.join(ROOT, 'test', 'fixtures', 'twitter', 'archive-2026');

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('import messages', () => {
  it('lists what was left out on stderr, grouped by why, and -q quiets it', async () => {
    const db = path.join(tempDir(), 'q.db');
    const loud = await runCli(['import', TWITTER, '--db', db]);
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stdout).not.toContain('not imported');
    const lines = loud.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/archive-2026: not imported: 6 \(.*direct messages 1.*media 1.*\); --json lists each with the reason$/);
    const json = JSON.parse((await runCli(['import', TWITTER, '--db', db, '--json', '-q'])).stdout) as { sources: { skippedFiles: unknown[] }[] };
    expect(json.sources[0]!.skippedFiles).toHaveLength(6);
    const quiet = await runCli(['import', TWITTER, '--db', db, '-q']);
    expect(quiet.stderr).toBe('');
  });

  it('explains derived events and reads interactions by kind, with singular and plural', async () => {
    const db = path.join(tempDir(), 'd.db');
    const r = await runCli(['import', TWITTER, '--db', db, '-q']);
    expect(r.stdout).toContain('read 1 account, 11 posts, 3 likes, 5 follows');
    expect(r.stdout).toMatch(/added \d+ accounts, 11 posts, \d+ interactions \(with [a-z, ]+ derived from posts\), 5 follows; updated nothing/);
    const dir = tempDir();
    const one = await runCli(['import', write(dir, 'one.csv', 'handle,followers\nsolo,1\n'), '--db', db, '-q']);
    expect(one.stdout).toContain('read 1 account\n');
    expect(one.stdout).toContain('added 1 account, 0 posts, 0 interactions, 0 follows; updated nothing');
  });

  it.each(['never', 'always'] as const)('counts rows an import changed (writes %s on a worker thread); a re-import that restores values is logged', async (threads) => {
    // the worker is compiled code: that variant drives the built dist/ (`npm test` builds it first)
    const dist = (p: string) => path.join(ROOT, 'dist', p);
    const built = threads === 'always';
    const lib = {
      runImport: built ? ((await import(dist('import/run-import.js'))) as typeof import('../../src/import/run-import.js')).runImport : runImport,
      openSource: built ? ((await import(dist('import/open-source.js'))) as typeof import('../../src/import/open-source.js')).openSource : openSource,
      openDb: built ? ((await import(dist('store/open.js'))) as typeof import('../../src/store/open.js')).openDb : openDb,
      importTargetOf: built ? ((await import(dist('store/import-target.js'))) as typeof import('../../src/store/import-target.js')).importTargetOf : importTargetOf,
    };
    const dir = tempDir();
    const dbPath = path.join(dir, 'u.db');
    const first = write(dir, 'a.csv', 'handle,followers\nalice,10\nbob,5\n');
    const posts = write(dir, 'p.csv', 'id,author,created_at,likes\nx1,alice,2026-01-01T00:00:00Z,3\n');
    const follows = write(dir, 'f.csv', 'follower,followee,created_at\nbob,alice,\n');
    const run = async (...paths: string[]) => {
      const db = lib.openDb(dbPath);
      try {
        return await lib.runImport(lib.importTargetOf(db), paths, { skipInvalid: false, defaultNetwork: 'generic', now: 1_770_000_000_000, threads }, lib.openSource);
      } finally {
        db.close();
      }
    };
    const logged = () => {
      const db = openDb(dbPath);
      try {
        return db.prepare('SELECT count(*) FROM imports').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    const a = await run(first, posts, follows);
    expect(a.updated).toEqual({ accounts: 0, posts: 0, follows: 0 });
    expect(a.added).toMatchObject({ accounts: 2, posts: 1, follows: 1 });
    const b = await run(
      write(dir, 'b.csv', 'handle,followers\nalice,20\nbob,5\ncarol,1\n'),
      write(dir, 'p2.csv', 'id,author,created_at,likes\nx1,alice,2026-01-01T00:00:00Z,4\n'),
      write(dir, 'f2.csv', 'follower,followee,created_at\nbob,alice,2025-06-01T00:00:00Z\n'),
    );
    expect(b.added).toMatchObject({ accounts: 1, posts: 0, follows: 0 });
    expect(b.updated).toEqual({ accounts: 1, posts: 1, follows: 1 });
    expect(logged()).toBe(6);
    // the first file again: imported before (same sha256), yet it sets alice back to 10: counted and logged
    const c = await run(first);
    expect(c.sources[0]!.alreadyImported).toBe(true);
    expect(c.updated.accounts).toBe(1);
    expect(logged()).toBe(7);
    // once more: nothing changes, nothing is logged
    const d = await run(first);
    expect(d.updated).toEqual({ accounts: 0, posts: 0, follows: 0 });
    expect(logged()).toBe(7);
  });

  it('reports progress over a whole folder, never from 0 for each file', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'tables');
    fs.mkdirSync(folder);
    write(folder, 'a.csv', `handle,followers\n${Array.from({ length: 3000 }, (_, i) => `a${i},${i}`).join('\n')}\n`);
    write(folder, 'b.csv', `handle,followers\n${Array.from({ length: 3000 }, (_, i) => `b${i},${i}`).join('\n')}\n`);
    write(folder, 'c.csv', 'follower,followee\na1,b1\n');
    const total = fs.readdirSync(folder).reduce((s, f) => s + fs.statSync(path.join(folder, f)).size, 0);
    const seen: [number, number][] = [];
    const db = openDb(path.join(dir, 'p.db'));
    try {
      await runImport(importTargetOf(db), [folder], { skipInvalid: false, defaultNetwork: 'generic', now: 0, threads: 'never', onProgress: (_p, read, all) => seen.push([read, all]) }, openSource);
    } finally {
      db.close();
    }
    expect(seen.length).toBeGreaterThan(2);
    for (const [, all] of seen) expect(all).toBe(total);
    for (let k = 1; k < seen.length; k++) expect(seen[k]![0]).toBeGreaterThanOrEqual(seen[k - 1]![0]);
    expect(seen.at(-1)![0]).toBe(total);
  });
});
