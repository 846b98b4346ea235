/** Test helpers: run the CLI in-process or as a spawned binary, in a temp dir. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export { tempDir } from './temp-dirs.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'influence.js');
/** ../shared beside the checkout: real exports, ontology and labelled pairs (may be absent) */
export const SHARED = path.resolve(ROOT, '..', 'shared');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs main() in-process with captured streams (fast; use for most CLI tests). */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { NO_COLOR: '1', ...(options.env ?? {}) },
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

/** Spawns bin/influence.js (the built dist) with a minimal environment. */
export function spawnCli(argv: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...(options.env ?? {}) },
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
