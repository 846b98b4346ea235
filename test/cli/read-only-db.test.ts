/**
 * A database that cannot be written (a shared copy, read-only media): commands that store a
 * run (`score`, `report threshold`) print their answer and say on stderr that the run was not
 * stored, where they failed with exit 2 before; `import` still refuses with its own message.
 * The same for a database in a folder that cannot be written (a WAL database cannot be read
 * there in place: every command failed with "cannot be opened").
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { unlessReadOnly } from '../../src/cli/unless-read-only.js';
import { readPlaceFacts, readPlaceOf } from '../../src/store/read-place.js';
import { MIGRATIONS } from '../../src/store/schema.js';
import type { CommandContext } from '../../src/cli/context.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
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

describe('where a database is read from when its folder cannot be written', () => {
  // SQLite reads a WAL database through NAME-shm (and NAME-wal) beside it, and cannot create
  // them in such a folder; better-sqlite3 is built without URI names, so `immutable=1` is not there
  const facts = { folderWritable: false, walMode: true, walFile: false, shmFile: false };
  it('in place when SQLite can read it there', () => {
    expect(readPlaceOf({ ...facts, folderWritable: true })).toBe('in-place');
    expect(readPlaceOf({ ...facts, walMode: false })).toBe('in-place'); // a rollback-journal database needs nothing beside it
    expect(readPlaceOf({ ...facts, walFile: true, shmFile: true })).toBe('in-place'); // a writer's files are there to read through
  });
  it('from a temporary copy otherwise (with its -wal, whose changes a copy of the file alone would lose)', () => {
    expect(readPlaceOf(facts)).toBe('copy');
    expect(readPlaceOf({ ...facts, walFile: true })).toBe('copy');
    expect(readPlaceOf({ ...facts, shmFile: true })).toBe('copy');
  });
});

// A folder this process cannot write: chmod is enough unless we are root, for whom only the
// immutable attribute (chattr +i) holds; where neither is possible the end-to-end test is
// skipped (the decision above is tested on its own).
/** Makes `dir` unwritable for this process: chmod, or chattr +i as root; undefined when neither holds. */
function lockFolder(dir: string): 'chmod' | 'chattr' | undefined {
  fs.chmodSync(dir, 0o555);
  if (!canCreateIn(dir)) return 'chmod';
  if (spawnSync('chattr', ['+i', dir]).status === 0 && !canCreateIn(dir)) return 'chattr';
  return undefined;
}

function unlockFolder(dir: string, how: 'chmod' | 'chattr' | undefined): void {
  if (how === 'chattr') spawnSync('chattr', ['-i', dir]);
  fs.chmodSync(dir, 0o755);
}

function canCreateIn(dir: string): boolean {
  try {
    fs.closeSync(fs.openSync(path.join(dir, 'probe'), 'wx'));
    fs.rmSync(path.join(dir, 'probe'));
    return true;
  } catch {
    return false;
  }
}

describe('a database in a read-only folder', () => {
  let folder = '';
  let file = '';
  let locked: 'chmod' | 'chattr' | undefined;
  const answers = new Map<string, string>();
  const READS = [['score', '--all', '--json'], ['score', '--all', '--window', '30', '--json'], ['report', 'threshold', '--window', '30', '--json'], ['explain', 'twitter:alice', '--json'], ['topics', '--all', '--json'], ['rank', '--json'], ['db', 'info', '--json'], ['history', 'twitter:alice', '--json'], ['accounts', '--json'], ['report', 'threshold', '--json']];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(tempDir(), 'ro-'));
    file = writeScoreFixture(folder);
    // the header says WAL (bytes 18-19 = 2): the case SQLite cannot read in place
    expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([2, 2]);
    const stored = await runCli(['--db', file, 'score', '--all', '--json']); // one stored run, for history
    expect(stored.code, stored.stderr).toBe(0);
    for (const args of READS) {
      // a 30-day run is new (not stored before the folder is locked: --no-save); the others repeat run 1, which is not stored again
      const r = await runCli(['--db', file, ...args, ...(args.includes('30') ? ['--no-save'] : [])]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      answers.set(args.join(' '), r.stdout);
    }
    locked = lockFolder(folder);
  });
  afterAll(() => unlockFolder(folder, locked));

  it('every read-only command gives the answer it gave before; score and report threshold say a new run was not stored', async (t) => {
    if (!locked) t.skip();
    expect(readPlaceOf(readPlaceFacts(file))).toBe('copy');
    const before = fs.readFileSync(file);
    const names = fs.readdirSync(folder).sort();
    // the temporary copies are made here, so the test sees each command remove its own
    const tmp = fs.mkdtempSync(path.join(tempDir(), 'tmp-'));
    const savedTmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    t.onTestFinished(() => {
      if (savedTmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = savedTmp;
    });
    for (const args of READS) {
      const r = await runCli(['--db', file, ...args]);
      expect(r.stderr).toContain(`note: ${folder} cannot be written`);
      expect(fs.readdirSync(tmp)).toEqual([]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).toBe(answers.get(args.join(' ')));
      expect(r.stderr).not.toContain('internal error');
      // a run like the stored one is not stored again, as anywhere; a new one cannot be
      if (args.includes('30')) expect(r.stderr).toContain(`the run was not stored: the database cannot be written (read-only file or folder): ${file}`);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(folder).sort()).toEqual(names);
  });

  it('import refuses with the read-only message, naming the database and the fix', async (t) => {
    if (!locked) t.skip();
    const csv = path.join(tempDir(), 'a.csv');
    fs.writeFileSync(csv, 'handle\nzz\n');
    const r = await runCli(['--db', file, 'import', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the database cannot be written (read-only file or folder): ${file}`);
    expect(r.stderr).toContain('fix:');
  });
});

describe('a database of an older schema in a read-only folder', () => {
  it('is refused with its own message: upgrading it needs a write', async (t) => {
    const folder = fs.mkdtempSync(path.join(tempDir(), 'old-'));
    const file = writeScoreFixture(folder);
    const raw = new Database(file);
    raw.pragma(`user_version = ${(raw.pragma('user_version', { simple: true }) as number) - 1}`);
    raw.close();
    const how = lockFolder(folder);
    t.onTestFinished(() => unlockFolder(folder, how));
    if (!how) t.skip();
    const r = await runCli(['--db', file, 'accounts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is of an older schema (version ${MIGRATIONS.length - 1}) and must be upgraded, which writes to it, but its folder cannot be written: ${file}`);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('a temporary copy and a signal', () => {
  // Ctrl-C or a kill ends a process without its 'exit' event: the copy (as large as the
  // database) would stay in TMPDIR
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} removes the copy and ends the process by ${signal}`, async () => {
      const db = path.join(tempDir('influence-signal-'), 'big.db');
      fs.writeFileSync(db, 'only copied, never opened');
      const mod = pathToFileURL(path.join(ROOT, 'dist', 'store', 'read-place.js')).href;
      const child = spawn(process.execPath, ['--input-type=module', '-e', `const { readCopyOf } = await import(${JSON.stringify(mod)}); console.log(readCopyOf(${JSON.stringify(db)})); setInterval(() => {}, 1000);`]);
      let out = '';
      child.stdout.setEncoding('utf8');
      for await (const chunk of child.stdout) {
        out += chunk;
        if (out.includes('\n')) break;
      }
      const copy = out.trim();
      expect(fs.readFileSync(copy, 'utf8')).toBe('only copied, never opened');
      const ended = once(child, 'exit');
      child.kill(signal);
      const [code, by] = await ended;
      expect({ code, by }).toEqual({ code: null, by: signal });
      expect(fs.existsSync(path.dirname(copy))).toBe(false);
    });
  }
});
