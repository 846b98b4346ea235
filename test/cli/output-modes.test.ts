/**
 * Issue 13, item 13: `--csv` on a command without a CSV form exits 2 naming the outputs it
 * has, before doing any work (nothing imported, nothing stored, nothing on stdout); `--json
 * --csv` together is a usage error, never JSON silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

let dir = '';
let db = '';
const runs = (): number => {
  const conn = openDb(db);
  try {
    return conn.prepare('SELECT count(*) FROM runs').pluck().get() as number;
  } finally {
    conn.close();
  }
};

beforeAll(() => {
  dir = tempDir();
  db = writeScoreFixture(dir);
  fs.writeFileSync(path.join(dir, 'pairs.csv'), 'a,b,winner\nalice,bob,alice\n');
  fs.writeFileSync(path.join(dir, 'expect.json'), JSON.stringify({ schema: 1, asOf: '2026-02-15T08:52:48.000Z', windowDays: 90, model: '2.0.0', tolerance: 1, accounts: [{ handle: '@alice', min: 1 }] }));
  fs.writeFileSync(path.join(dir, 'accounts.csv'), 'handle,followers\nzed,5\n');
});

describe('--csv on a command without a CSV form', () => {
  it.each([
    [['history', '@alice'], 'history'],
    [['explain', '@alice'], 'explain'],
    [['check', 'expect.json'], 'check'],
    [['check', '--write', 'new-expect.json'], 'check --write'],
    [['report', 'threshold'], 'report threshold'],
    [['db', 'info'], 'db info'],
    [['eval', 'pairs.csv'], 'eval'],
    [['eval', '--engagement', 'none.csv', '--split', '2026-01-01'], 'eval --engagement'],
    [['topics', '--search', 'music'], 'topics --search'],
    [['import', 'accounts.csv'], 'import'],
    [['fit', 'pairs.csv'], 'fit'],
  ])('%j exits 2 naming its outputs, and does nothing', async (args, name) => {
    const before = runs();
    const r = await runCli(['--db', db, ...args, '--csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`\`${name}\` has no CSV output; it writes text`);
    expect(r.stderr).toContain('--json');
    expect(runs()).toBe(before);
    expect(fs.existsSync(path.join(dir, 'new-expect.json'))).toBe(false);
    const conn = openDb(db);
    expect(conn.prepare("SELECT count(*) FROM accounts WHERE handle = 'zed'").pluck().get()).toBe(0);
    conn.close();
  });

  it('demo --csv creates no database', async () => {
    const demoDb = path.join(dir, 'demo.db');
    const r = await runCli(['demo', '--db', demoDb, '--csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`demo` has no CSV output');
    expect(fs.existsSync(demoDb)).toBe(false);
  });

  it('--json --csv together is a usage error, before or after the command name', async () => {
    for (const args of [['--json', '--csv', 'score', '@alice'], ['score', '@alice', '--csv', '--json'], ['db', 'info', '--json', '--plain']]) {
      const r = await runCli(['--db', db, ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--json and --(csv|plain) together/);
      expect(r.stderr).toContain('choose one output format');
    }
  });
});
