/** End to end: the built binary on a small database (`npm test` builds dist first). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { ROOT, spawnCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

describe.runIf(fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))('influence score (spawned)', () => {
  it('scores, stores a run once, is byte-identical across runs, and explains', () => {
    const dir = tempDir();
    const db = writeScoreFixture(dir);
    const one = spawnCli(['score', 'twitter:alice', 'bob', '--json', '--db', db], { cwd: dir });
    const two = spawnCli(['score', 'twitter:alice', 'bob', '--json', '--db', db], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
    expect(one.stdout).toBe(two.stdout);
    // the second scoring is the same one again: not stored twice (issue 13 item 12)
    expect(two.stderr).toContain('same scoring as run 1');
    const doc = JSON.parse(one.stdout);
    expect(doc.results.map((r: { handle: string }) => r.handle)).toEqual(['alice', 'bob']);
    const conn = openDb(db);
    expect(conn.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    expect(conn.prepare('SELECT count(*) FROM scores').pluck().get()).toBe(2);
    expect(conn.prepare('SELECT DISTINCT model_version FROM runs').pluck().all()).toEqual(['2.2.0']);
    conn.close();
    const ex = spawnCli(['explain', 'twitter:alice', '--db', db], { cwd: dir });
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain(`= score ${doc.results[0].score.toFixed(1)}`);
    const bad = spawnCli(['score', 'nobody', '--db', db], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown handle');
  });

  it('determinism: score --all --json is byte-identical twice, whatever the stored runs', () => {
    const dir = tempDir();
    const db = writeScoreFixture(dir);
    const one = spawnCli(['score', '--all', '--json', '--db', db], { cwd: dir });
    const two = spawnCli(['score', '--all', '--json', '--db', db], { cwd: dir });
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout);
    const conn = openDb(db);
    expect(doc.results).toHaveLength(conn.prepare('SELECT count(*) FROM accounts').pluck().get() as number);
    conn.close();
    // the scored accounts carry an interval around their score
    const scored = doc.results.filter((r: { score: number | null }) => r.score !== null);
    expect(scored.length).toBeGreaterThan(30);
    for (const r of scored) expect(r.interval[0] <= r.score && r.score <= r.interval[1]).toBe(true);
  });
});
