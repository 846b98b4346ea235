/**
 * A database that cannot be written (a shared copy, read-only media): commands that store a
 * run (`score`, `report threshold`) print their answer and say on stderr that the run was not
 * stored, where they failed with exit 2 before; `import` still refuses with its own message.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { unlessReadOnly } from '../../src/cli/unless-read-only.js';
import type { CommandContext } from '../../src/cli/context.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

/** A context whose warnings are collected (the only part unlessReadOnly uses). */
function warnings(): { ctx: CommandContext; said: string[] } {
  const said: string[] = [];
  return { ctx: { warn: (t: string) => void said.push(t) } as unknown as CommandContext, said };
}

describe('unlessReadOnly', () => {
  it('returns what the store returns', () => {
    const { ctx, said } = warnings();
    expect(unlessReadOnly(ctx, () => 7)).toBe(7);
    expect(said).toEqual([]);
  });

  it('turns a read-only database into a note, and rethrows every other error', () => {
    const { ctx, said } = warnings();
    expect(unlessReadOnly(ctx, () => { throw new StoreError('read-only', 'the database cannot be written: x.db'); })).toBeUndefined();
    expect(said[0]).toContain('the run was not stored: the database cannot be written: x.db');
    expect(said[0]).toContain('--no-save');
    expect(() => unlessReadOnly(ctx, () => { throw new StoreError('locked', 'locked'); })).toThrow('locked');
    expect(() => unlessReadOnly(ctx, () => { throw new Error('other'); })).toThrow('other');
  });
});

// A file this process cannot write: chmod is enough unless we are root, for whom only the
// immutable attribute (chattr +i) holds; where neither is possible the end-to-end test is skipped.
let dir = '';
let db = '';
let readOnly = false;
let immutable = false;
beforeAll(() => {
  dir = tempDir();
  db = writeScoreFixture(dir);
  fs.chmodSync(db, 0o444);
  readOnly = !canOpenForWriting(db);
  if (!readOnly && spawnSync('chattr', ['+i', db]).status === 0) {
    immutable = true;
    readOnly = !canOpenForWriting(db);
  }
});
afterAll(() => {
  if (immutable) spawnSync('chattr', ['-i', db]);
  fs.chmodSync(db, 0o644);
});

function canOpenForWriting(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'r+'));
    return true;
  } catch {
    return false;
  }
}

describe('a read-only database', () => {
  it('score --all and report threshold print their answer and say the run was not stored; import refuses', async (t) => {
    if (!readOnly) t.skip();
    const before = fs.readFileSync(db);
    for (const args of [['score', '--all', '--json'], ['report', 'threshold', '--json']]) {
      const r = await runCli(['--db', db, ...args], { cwd: path.dirname(db) });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).schema).toBe(1);
      expect(r.stderr).toContain('the run was not stored');
    }
    fs.writeFileSync(path.join(dir, 'a.csv'), 'handle\nzz\n');
    const imp = await runCli(['--db', db, 'import', path.join(dir, 'a.csv')]);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toContain('the database cannot be written');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });
});
