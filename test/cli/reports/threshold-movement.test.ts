/**
 * Issue 13, item 11: `report threshold` compares with the previous stored run of the same
 * model, window and population (with --no-save too), never with a run of other accounts;
 * `--require N` exits 1 after writing the report when fewer than N are at or above.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/cli.js';
import { sampleDb } from '../../helpers/sample-db.js';

interface Report {
  runId: number | null;
  counts: { above: number };
  movement: { population: string; previousRun: number | null; previousAsOf: string | null; entrants: string[]; dropouts: string[] };
}

let db = '';
const cli = (...args: string[]) => runCli(['--db', db, ...args]);
const threshold = async (...args: string[]): Promise<Report> => {
  const r = await cli('report', 'threshold', '--at', '40', '--json', ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
};
const scores = async (...args: string[]): Promise<Map<string, number>> =>
  new Map((JSON.parse((await cli('score', '--all', '--json', '--no-save', ...args)).stdout).results as { handle: string; score: number | null }[]).map((x) => [x.handle, x.score ?? NaN]));

beforeAll(async () => {
  db = path.join(tempDir(), 'movement.db');
  fs.copyFileSync(await sampleDb(), db);
});

describe('report threshold movement', () => {
  it('finds the previous run of the same population with --no-save, and ignores runs of other accounts', async () => {
    const early = await threshold('--as-of', '2026-01-31');
    expect(early.runId).not.toBeNull();
    expect(early.movement).toMatchObject({ population: 'all', previousRun: null });
    // a run of one account, stored later, is another population: never the comparison
    const before = await scores('--as-of', '2026-01-31');
    const now = await scores();
    const one = [...now].find(([, s]) => s >= 40)![0];
    expect((await cli('score', one)).code).toBe(0);
    const unsaved = await threshold('--no-save');
    expect(unsaved.runId).toBeNull();
    expect(unsaved.movement.previousRun).toBe(early.runId);
    expect(unsaved.movement.previousAsOf?.slice(0, 10)).toBe('2026-01-31');
    const entrants = [...now].filter(([h, s]) => s >= 40 && before.get(h)! < 40).map(([h]) => h).sort();
    const dropouts = [...now].filter(([h, s]) => s < 40 && before.get(h)! >= 40).map(([h]) => h).sort();
    expect(entrants.length + dropouts.length).toBeGreaterThan(0);
    expect(unsaved.movement.entrants).toEqual(entrants);
    expect(unsaved.movement.dropouts).toEqual(dropouts);
    // saved, the same comparison; run again, the same run stands (not stored twice) with the same comparison
    const saved = await threshold();
    expect(saved.movement).toEqual(unsaved.movement);
    const again = await threshold('--at', '45');
    expect(again.runId).toBe(saved.runId);
    expect(again.movement.previousRun).toBe(early.runId);
  });

  it('a list is its own population', async () => {
    const list = path.join(tempDir(), 'list.txt');
    const handles = [...(await scores())].slice(0, 5).map(([h]) => h);
    fs.writeFileSync(list, `${handles.join('\n')}\n`);
    const first = await threshold('--list', list, '--as-of', '2026-01-31');
    expect(first.movement.population).toMatch(/^list:[0-9a-f]{16}$/);
    expect(first.movement.previousRun).toBeNull();
    const second = await threshold('--list', list, '--no-save');
    expect(second.movement.previousRun).toBe(first.runId);
    // the same handles in another order and case are the same list
    fs.writeFileSync(list, `${handles.reverse().map((h) => h.toUpperCase()).join('\n')}\n`);
    expect((await threshold('--list', list, '--no-save')).movement.population).toBe(first.movement.population);
  });

  it('--require N: exit 1 after the report when fewer than N are at or above, 0 otherwise', async () => {
    const ok = await threshold('--no-save');
    const short = await cli('report', 'threshold', '--at', '40', '--json', '--no-save', '--require', String(ok.counts.above + 1));
    expect(short.code).toBe(1);
    expect((JSON.parse(short.stdout) as Report).counts.above).toBe(ok.counts.above);
    expect(short.stderr).toContain(`threshold not met: ${ok.counts.above} accounts at or above 40, --require ${ok.counts.above + 1}`);
    const met = await cli('report', 'threshold', '--at', '40', '--no-save', '--require', String(ok.counts.above));
    expect(met.code).toBe(0);
    expect((await cli('report', 'threshold', '--require', '-1', '--no-save')).code).toBe(2);
  });
});
