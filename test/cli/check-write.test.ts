/** Issue 13, item 16: `check --write` never overwrites an existing file without --force. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

let dir = '';
let db = '';
beforeAll(() => {
  dir = tempDir();
  db = writeScoreFixture(dir);
});

describe('check --write', () => {
  it('refuses to overwrite a file (exit 2, file unchanged), overwrites with --force', async () => {
    const file = path.join(dir, 'expected.json');
    fs.writeFileSync(file, 'hand-reviewed claims\n');
    const r = await runCli(['--db', db, 'check', '--write', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} exists`);
    expect(r.stderr).toContain('--force');
    expect(fs.readFileSync(file, 'utf8')).toBe('hand-reviewed claims\n');
    const forced = await runCli(['--db', db, 'check', '--write', file, '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).accounts.length).toBeGreaterThan(0);
  });

  it('writes a new file without --force', async () => {
    const file = path.join(dir, 'new.json');
    const r = await runCli(['--db', db, 'check', '--write', file], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });
});
