/**
 * Issue 13, item 15: scoring 30k+ accounts shows its stages on stderr when it is a
 * terminal (the engine tells its stage boundaries through a callback; the CLI writes), and
 * nothing off a terminal or with -q.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { main } from '../../src/cli/main.js';
import { makeContext } from '../../src/cli/context.js';
import { STAGE_PROGRESS_MIN_ACCOUNTS } from '../../src/cli/progress.js';
import { analyze } from '../../src/engine/analyze.js';
import { tempDir } from '../helpers/cli.js';
import { shippedModel } from '../helpers/model.js';
import { DbWriter } from '../helpers/score-db.js';
import { DatasetBuilder, day } from '../../tools/sim/dataset-builder.js';

let db = '';
beforeAll(() => {
  db = path.join(tempDir(), 'big.db');
  const w = new DbWriter(db);
  w.db.transaction(() => {
    const star = w.account({ handle: 'star', followers: 5000 });
    const post = w.post(star, { at: day(10) });
    for (let i = 0; i < STAGE_PROGRESS_MIN_ACCOUNTS; i++) {
      const a = w.account({ handle: `a${i}`, followers: i % 500 });
      if (i % 100 === 0) w.interact(a, star, 'reshare', { at: day(10.5), post });
    }
  })();
  w.close();
});

async function run(args: string[], tty: boolean, file = db): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['--db', file, ...args], {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty, columns: 100 },
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('scoring progress', () => {
  it('the engine reports its stages in order', () => {
    const b = new DatasetBuilder();
    b.account({ handle: 'x', followers: 1 });
    const seen: string[] = [];
    analyze(b.build(), { window: { asOf: day(1), windowDays: 90 }, model: shippedModel(), onStage: (stage, step, steps) => seen.push(`${stage} ${step}/${steps}`) });
    expect(seen).toEqual(['authenticity 1/2', 'scores 2/2']);
  });

  it('a big scoring on a terminal shows its stages on stderr and clears the line before the output', async () => {
    const r = await run(['score', '--all', '--no-save', '--csv'], true);
    expect(r.code, r.stderr).toBe(0);
    const shown = r.stderr.split('\r\u001b[2K').filter(Boolean);
    expect(shown).toEqual([
      'reading the database (1/3)',
      `scoring ${(STAGE_PROGRESS_MIN_ACCOUNTS + 1).toLocaleString('en-US')} accounts: authenticity checks (2/3)`,
      `scoring ${(STAGE_PROGRESS_MIN_ACCOUNTS + 1).toLocaleString('en-US')} accounts: network and scores (3/3)`,
      `writing ${(STAGE_PROGRESS_MIN_ACCOUNTS + 1).toLocaleString('en-US')} scores`,
    ]);
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(r.stdout.split('\r\n')).toHaveLength(STAGE_PROGRESS_MIN_ACCOUNTS + 3);
  });

  it('an error or message after a stage starts on a line of its own (the status line is cleared first)', async () => {
    const r = await run(['score', '@nobody_here', '--no-save'], true);
    expect(r.code).toBe(2);
    const last = r.stderr.split('\r\u001b[2K').at(-1)!;
    expect(last).toMatch(/^error: /);
    expect(r.stderr).not.toMatch(/\(3\/3\)error/);
  });

  it('a message or warning while a stage line shows clears the line first', () => {
    let stderr = '';
    const io = { stdout: { write: () => true, isTTY: false }, stderr: { write: (s: string) => ((stderr += s), true), isTTY: true, columns: 100 }, env: {}, cwd: process.cwd() };
    const ctx = makeContext(io, new Command());
    ctx.progress.stage('storing the run of 30,001 scores');
    ctx.info('same scoring as run 1: not stored again');
    ctx.warn('waiting for another influence command');
    ctx.progress.done();
    expect(stderr).toBe('\r\u001b[2Kstoring the run of 30,001 scores\r\u001b[2Ksame scoring as run 1: not stored again\nwaiting for another influence command\n');
  });

  it('storing a run of a database whose posts hold no text skips the topics stage (it could find no topic); with a text it runs', async () => {
    const copy = path.join(tempDir(), 'store.db');
    fs.copyFileSync(db, copy);
    const n = (STAGE_PROGRESS_MIN_ACCOUNTS + 1).toLocaleString('en-US');
    const stages = (r: { stderr: string }) => r.stderr.split('\r\u001b[2K').filter(Boolean);
    const first = await run(['score', '--all', '--json'], true, copy);
    expect(first.code, first.stderr).toBe(0);
    expect(stages(first)).toEqual([
      'reading the database (1/3)',
      `scoring ${n} accounts: authenticity checks (2/3)`,
      `scoring ${n} accounts: network and scores (3/3)`,
      `storing the run of ${n} scores`,
      `writing ${n} scores`,
    ]);
    const w = new DbWriter(copy);
    const stored = w.db.prepare('SELECT accounts FROM runs').pluck().all();
    expect(stored).toEqual([(JSON.parse(first.stdout) as { results: unknown[] }).results.length]);
    w.db.prepare("UPDATE posts SET text = 'a post about astronomy and telescopes'").run();
    w.close();
    const second = await run(['score', '--all', '--json'], true, copy);
    expect(second.code, second.stderr).toBe(0);
    expect(stages(second).slice(0, 4)).toEqual([
      'reading the database (1/4)',
      `scoring ${n} accounts: authenticity checks (2/4)`,
      `scoring ${n} accounts: network and scores (3/4)`,
      `scoring ${n} accounts: topics (4/4)`,
    ]);
    // the scores are the same either way
    expect(second.stdout).toBe(first.stdout);
  });

  it('nothing off a terminal, or with -q', async () => {
    expect((await run(['score', '@star', '--no-save'], false)).stderr).toBe('');
    expect((await run(['score', '@star', '--no-save', '-q'], true)).stderr).toBe('');
  });
});
