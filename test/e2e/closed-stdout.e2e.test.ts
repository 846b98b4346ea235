/**
 * Issue 13, item 5: a reader that closes early (`influence score --all --json | head -c 100`)
 * ends the command quietly with exit 0, as `git log | head` does: no EPIPE stack trace.
 * Spawns the built binary (dist/) with a pipe that this test closes.
 */
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { sampleDb } from '../helpers/sample-db.js';

let db = '';
beforeAll(async () => {
  db = await sampleDb();
});

interface Closed {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  got: number;
}

/** Runs the CLI, reads `keep` bytes of stdout (0: none), then closes the pipe; resolves when the child exits. */
function runAndClose(args: string[], keep: number): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let got = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const stdout = child.stdout;
    if (keep === 0) stdout.destroy();
    else
      stdout.on('data', (d: Buffer) => {
        got += d.length;
        if (got >= keep) stdout.destroy();
      });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, got }));
  });
}

describe('a closed stdout ends the command quietly', () => {
  it.each([
    [['score', '--all', '--json', '--no-save'], 100],
    [['rank', '--csv'], 0],
    [['topics', '--all'], 0],
  ])('%j, pipe closed after %i bytes: exit 0, nothing on stderr', async (args, keep) => {
    const r = await runAndClose(args, keep);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});
