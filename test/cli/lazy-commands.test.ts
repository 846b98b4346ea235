import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { COMMANDS } from '../../src/cli/commands/index.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: process.cwd() };
const registered = async (argv?: string[]) => (await buildProgram(io, argv)).commands.map((c) => c.name());

describe('commands loaded on demand', () => {
  it('names each registry entry after the command its module registers', async () => {
    for (const entry of COMMANDS) {
      const names = await registered([entry.name]);
      expect(names).toEqual([entry.name]);
    }
  });

  it('loads the command argv names, skipping global flags and the value of --db', async () => {
    expect(await registered(['import', 'a.csv'])).toEqual(['import']);
    expect(await registered(['--db', 'x.db', '-q', 'score', '--all'])).toEqual(['score']);
    expect(await registered(['--db', 'score', 'import', 'a.csv'])).toEqual(['import']);
    expect(await registered(['--json', '--db=x.db', 'rank'])).toEqual(['rank']);
  });

  it('loads every command for help, an unknown word, or no command', async () => {
    const all = COMMANDS.map((c) => c.name);
    expect(await registered()).toEqual(all);
    expect(await registered(['--help'])).toEqual(all);
    expect(await registered(['help', 'import'])).toEqual(all);
    expect(await registered(['imprt'])).toEqual(all);
    expect(await registered(['--db', 'x.db'])).toEqual(all);
  });
});
