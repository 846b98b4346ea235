/**
 * Issue 13, item 12: a run identical to a stored one (same model, as-of, window,
 * population and data) is not stored again; new data, another window or other accounts
 * are new runs; `influence runs` lists, shows and prunes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

interface RunJson {
  id: number;
  createdAt: string;
  model: string;
  asOf: string;
  windowDays: number;
  population: string | null;
  accounts: number;
  data: { imports: number; lastImport: number | null; accounts: number; posts: number; interactions: number; follows: number } | null;
}

let dir = '';
let db = '';
const cli = (...args: string[]) => runCli(['--db', db, ...args], { cwd: dir });
const count = (sql: string, ...params: unknown[]): number => {
  const conn = openDb(db);
  try {
    return conn.prepare(sql).pluck().get(...params) as number;
  } finally {
    conn.close();
  }
};
const runs = () => count('SELECT count(*) FROM runs');
const list = async (): Promise<RunJson[]> => JSON.parse((await cli('runs', '--json')).stdout).runs as RunJson[];

beforeAll(() => {
  dir = tempDir();
  db = writeScoreFixture(dir);
});

describe('stored runs', () => {
  it('stores a scoring once; another window, other accounts or new data is a new run', async () => {
    expect((await cli('score', '@bob')).code).toBe(0);
    expect(runs()).toBe(1);
    const again = await cli('score', '@bob');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('same scoring as run 1');
    expect(runs()).toBe(1);
    await cli('score', '@bob', '--window', '30');
    await cli('score', '@carol');
    await cli('score', '@carol', 'bob'); // other accounts: another population
    expect(runs()).toBe(4);
    await cli('score', '--all');
    await cli('score', '--all', '--json');
    expect(runs()).toBe(5);
    // new data without new activity: the as-of stays, the data does not
    fs.writeFileSync(path.join(dir, 'more.csv'), 'handle,followers\nnewcomer,5\n');
    expect((await cli('import', 'more.csv', '-q')).code).toBe(0);
    await cli('score', '@bob');
    expect(runs()).toBe(6);
    const [latest, ...older] = await list();
    expect(latest!.data).toMatchObject({ imports: 1, accounts: 36 });
    expect(older.at(-1)!.data).toMatchObject({ imports: 0, lastImport: null, accounts: 35 });
    expect(latest!.asOf).toBe(older.at(-1)!.asOf);
    // history: one row per stored run of the account, no duplicates
    const h = JSON.parse((await cli('history', '@bob', '--json')).stdout) as { runs: unknown[] };
    expect(h.runs).toHaveLength(5);
  });

  it('lists runs newest first with population and data; shows one with its scores', async () => {
    const all = await list();
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
    const everyone = all.find((r) => r.population === 'all')!;
    expect(everyone.accounts).toBeGreaterThan(30);
    expect(all.filter((r) => r.population?.startsWith('accounts:'))).toHaveLength(5);
    const text = await cli('runs');
    expect(text.stdout).toMatch(/^run\s+stored\s+model\s+as of/);
    expect(text.stdout).toContain('6 runs');
    const csv = await cli('runs', 'list', '--csv', '--limit', '2');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(3);
    const show = JSON.parse((await cli('runs', 'show', String(everyone.id), '--json')).stdout) as { run: RunJson; scores: { handle: string; score: number; interval: [number, number] }[] };
    expect(show.run).toEqual(everyone);
    // every stored score keeps its 80% interval
    for (const s of show.scores) expect(s.interval[0] <= s.score && s.score <= s.interval[1] && s.interval[0] < s.interval[1]).toBe(true);
    expect(show.scores).toHaveLength(everyone.accounts);
    expect(show.scores.map((s) => s.score)).toEqual([...show.scores.map((s) => s.score)].sort((a, b) => b - a));
    expect(show.scores[0]!.handle).toBe('dave');
    const plain = await cli('runs', 'show', String(everyone.id), '--limit', '3');
    expect(plain.stdout).toContain(`run ${everyone.id}`);
    expect(plain.stdout).toContain(`${show.scores[0]!.score.toFixed(1)} (${show.scores[0]!.interval[0].toFixed(1)}-${show.scores[0]!.interval[1].toFixed(1)})`);
    expect(plain.stdout).toContain(`… ${everyone.accounts - 3} more`);
    const none = await cli('runs', 'show', '999');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no run 999');
  });

  it('prunes old runs whole (scores, flags, topic scores), after a dry run', async () => {
    const before = await list();
    const dry = await cli('runs', 'prune', '--keep', '2', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout) as { dryRun: boolean; runIds: number[]; deleted: { runs: number; scores: number }; kept: number };
    expect(planned).toMatchObject({ dryRun: true, runIds: before.slice(2).map((r) => r.id), kept: 2 });
    expect(planned.deleted.runs).toBe(before.length - 2);
    expect(planned.deleted.scores).toBe(before.slice(2).reduce((s, r) => s + r.accounts, 0));
    expect(runs()).toBe(before.length);
    expect((await cli('runs', 'prune', '--before', '2000-01-01')).stdout).toContain('deleted 0 runs');
    const done = await cli('runs', 'prune', '--keep', '2');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`deleted ${before.length - 2} runs`);
    expect((await list()).map((r) => r.id)).toEqual(before.slice(0, 2).map((r) => r.id));
    for (const table of ['scores', 'flags', 'topic_scores']) {
      expect(count(`SELECT count(*) FROM ${table} WHERE run_id NOT IN (SELECT id FROM runs)`)).toBe(0);
    }
    expect((await cli('runs', 'prune')).code).toBe(2);
    expect((await cli('runs', 'prune', '--before', 'yesterday')).code).toBe(2);
  });
});
