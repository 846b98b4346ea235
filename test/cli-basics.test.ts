import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import path from 'node:path';

describe('cli basics', () => {
  it('exits 2 with a fix when the database does not exist', async () => {
    const dir = tempDir();
    const r = await runCli(['db', 'info', '--db', path.join(dir, 'none.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no database at');
    expect(r.stderr).toContain('fix:');
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
