/**
 * The hostile-input trials' shared setup: a database seeded with two accounts, files
 * written under fresh folders, and "refused" (exit 2, the file named with a fix, the
 * database byte for byte as it was) or "imported into a new database".
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli, tempDir } from './cli.js';
import { dbBytes } from './db.js';

/** A new folder holding h.db, seeded with seed1 and seed2 by a CSV import. */
export async function seedTrialDb(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'h.db');
  fs.writeFileSync(path.join(dir, 'seed.csv'), 'handle,followers\nseed1,10\nseed2,20\n');
  const r = await runCli(['import', '--db', db, path.join(dir, 'seed.csv')]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, db };
}

/** Writes `files` (name -> content) under a fresh folder of dir; returns the folder. */
export function writeTrialFiles(dir: string, files: Record<string, string | Buffer>): string {
  const at = fs.mkdtempSync(path.join(dir, 'in-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(at, name)), { recursive: true });
    fs.writeFileSync(path.join(at, name), content);
  }
  return at;
}

/** Imports `name` (written with `content` under dir) into `db` expecting exit 2 and no change; returns stderr. */
export async function refusedImport(db: string, dir: string, name: string, content: string | Buffer, extra: string[] = []): Promise<string> {
  const at = writeTrialFiles(dir, { [name]: content });
  const before = dbBytes(db);
  const r = await runCli(['import', '--db', db, ...extra, path.join(at, name)]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(name);
  expect(r.stderr).toContain('fix:');
  expect(r.stderr).not.toContain('internal error');
  expect(dbBytes(db)).toBe(before);
  return r.stderr;
}

/** Imports `target` of `files` (written under dir; '' = the folder) into a new database; returns the result and its path. */
export async function importIntoNew(dir: string, files: Record<string, string | Buffer>, extra: string[] = [], target = ''): Promise<{ code: number; stderr: string; stdout: string; db: string }> {
  const at = writeTrialFiles(dir, files);
  const fresh = path.join(at, 'fresh.db');
  const r = await runCli(['import', '--db', fresh, ...extra, path.join(at, target)]);
  return { ...r, db: fresh };
}
