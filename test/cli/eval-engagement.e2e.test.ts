/**
 * `influence eval --engagement FILE --split DATE` through the built binary, on a small
 * interactions file whose answers follow from its construction (worked out below), not
 * from running the model.
 *
 * Before the split (window 10 days, as of 2024-02-29T23:59:59Z):
 *   a: 1 account replies once            past distinct engagers 1
 *   u: 3 accounts reply 3 times each     past 3
 *   v: 3 accounts reply once each        past 3
 * After it: a gets 1 distinct engager, v 2, u 4.
 * Any monotone score puts u above v (same engagers, three times the replies, nothing else
 * different) and v above a (more of everything): ranks a 1, v 2, u 3, the future's order,
 * so Spearman = 1. Past engagers tie u and v: ranks a 1, u 2.5, v 2.5 against the future's
 * 1, 3, 2: Pearson of the ranks = 1.5 / sqrt(1.5 * 2) = 0.8660. Top 1 (k = round(3/100),
 * at least 1): the score's top is u, the future's top is u: overlap 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli, tempDir } from '../helpers/cli.js';

function writeInteractions(): string {
  const rows = ['actor,target,kind,created_at', 'fa0,a,reply,2024-02-25T10:00:00Z'];
  for (let k = 0; k < 3; k++) for (let r = 0; r < 3; r++) rows.push(`fu${k},u,reply,2024-02-${24 + r}T1${k}:00:00Z`);
  for (let k = 0; k < 3; k++) rows.push(`fv${k},v,reply,2024-02-25T1${k}:00:00Z`);
  rows.push('ga0,a,reply,2024-03-02T10:00:00Z');
  for (let k = 0; k < 2; k++) rows.push(`gv${k},v,reply,2024-03-02T1${k}:00:00Z`);
  for (let k = 0; k < 4; k++) rows.push(`gu${k},u,reply,2024-03-02T1${k}:00:00Z`);
  const file = path.join(tempDir('influence-eval-'), 'interactions.csv');
  fs.writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe.runIf(fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))('influence eval --engagement (spawned)', () => {
  const file = writeInteractions();
  const args = ['eval', '--engagement', file, '--split', '2024-03-01', '--window', '10'];

  it('reports the known Spearman, baseline and top-k overlap', () => {
    const r = spawnCli([...args, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep).toMatchObject({ schema: 1, asOf: '2024-02-29T23:59:59.000Z', windowDays: 10, split: '2024-03-01T00:00:00.000Z', population: 3, spearman: 1, baseline: { pastEngagers: 0.866 } });
    expect(rep.topK).toEqual([{ k: 1, score: 1, pastEngagers: expect.any(Number) }]);
    // three accounts cannot say how sure a correlation is: null, not an interval
    expect(rep.spearmanInterval).toBeNull();
    expect(rep.versusBaseline).toBeNull();
    const text = spawnCli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Spearman   score 1.0000, past distinct engagers 0.8660');
    expect(text.stdout).toContain('accounts   3 (at least one distinct engager in the window)');
    expect(text.stdout).toContain('margin     over past distinct engagers margin not known (too few accounts)');
  });

  it('refuses --csv (no tabular form), a missing --split, and a bad row, each with exit 2', () => {
    const csv = spawnCli([...args, '--csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('has no CSV output');
    const noSplit = spawnCli(['eval', '--engagement', file]);
    expect(noSplit.code).toBe(2);
    expect(noSplit.stderr).toContain('--split');
    const bad = path.join(tempDir('influence-eval-'), 'bad.csv');
    fs.writeFileSync(bad, 'actor,target,kind,created_at\na,b,reply,2024-02-01T00:00:00Z\na,b,poke,2024-02-02T00:00:00Z\n');
    const r = spawnCli(['eval', '--engagement', bad, '--split', '2024-03-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3');
    expect(r.stderr).toContain('kind');
  });
});
