/**
 * Issue 13, item 16: every command's --help lists the global flags and two examples.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';

/** Every command path of the program (`db info`, `report threshold`, ...), leaves and groups. */
async function commandPaths(): Promise<string[][]> {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: process.cwd() };
  const out: string[][] = [];
  const walk = (cmd: Command, prefix: string[]) => {
    for (const sub of cmd.commands) {
      const p = [...prefix, sub.name()];
      out.push(p);
      walk(sub, p);
    }
  };
  walk(await buildProgram(io), []);
  return out;
}

// every command's module, loaded as `--help` loads them
const paths = await commandPaths();

describe('--help', () => {

  it('covers every command', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['import', 'score', 'rank', 'report threshold', 'db info', 'history', 'check']));
  });

  it.each(paths.map((p) => [p.join(' '), p] as const))('%s lists the global flags and two examples', async (_name, p) => {
    const r = await runCli([...p, '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--db <path>', '--json', '--csv', '--plain', '--no-color', '--quiet']) expect(r.stdout).toContain(flag);
    const examples = r.stdout.split('Examples:')[1] ?? '';
    expect(examples.split('\n').filter((l) => /^ {2}(\$ )?influence /.test(l)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('--help fits 80 columns (issue 13, item 16)', () => {
  // commander wraps options and descriptions to the terminal (80 off a terminal); the
  // examples are written as they are, so a long one ran past the edge of a standard terminal
  it.each([['influence', []] as const, ...paths.map((p) => [p.join(' '), p] as const)])('%s', async (_name, p) => {
    const r = await runCli([...p, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });
});

describe('import --help', () => {
  it('names every network an adapter reads (a new importer must be named in the help too)', async () => {
    const { ADAPTERS } = await import('../../src/import/registry.js');
    const r = await runCli(['import', '--help']);
    const text = r.stdout.toLowerCase().replace(/\s+/g, ' ');
    const networks = ADAPTERS.map((a) => a.format).filter((f) => !/^(csv|json|ndjson)$/.test(f) && !f.includes('-'));
    expect(networks.length).toBeGreaterThanOrEqual(7);
    for (const n of networks) expect(text, n).toContain(n === 'twitter' ? 'twitter/x' : n);
  });
});
