/** `influence report threshold` on the bundled sample (fixtures/sample via `influence demo --db`). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, tempDir } from '../../helpers/cli.js';
import { sampleDb } from '../../helpers/sample-db.js';

interface Report {
  at: number;
  counts: { above: number; near: number; below: number; abstained: number; unknown: number };
  above: { handle: string; score: number }[];
  near: { handle: string; score: number; gap: number; lever: { kind: string; feature?: string; increasePct?: number; cap?: number } }[];
  movement: { previousRun: number | null; entrants: string[]; dropouts: string[] };
}

async function scoreAll(db: string, extra: string[] = []): Promise<Map<string, number>> {
  const r = await runCli(['score', '--all', '--json', '--no-save', '--db', db, ...extra]);
  expect(r.code).toBe(0);
  return new Map((JSON.parse(r.stdout).results as { handle: string; score: number }[]).map((x) => [x.handle, x.score]));
}

async function copyOfSample(): Promise<string> {
  const db = path.join(tempDir(), 'copy.db');
  fs.copyFileSync(await sampleDb(), db);
  return db;
}

describe('influence report threshold', () => {
  it('agrees with score --all --json on who is at or above; counts add up; near misses carry a lever that is a real feature', async () => {
    const db = await copyOfSample();
    // the acceptance runs through the built binary, as a user would
    // the sample's top scores sit near 60 under the real-data model: a club of 55 has members and near misses
    const r = spawnCli(['report', 'threshold', '--at', '55', '--near', '4', '--json', '--no-save', '--db', db]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as Report;
    const all = spawnCli(['score', '--all', '--json', '--no-save', '--db', db]);
    expect(all.code).toBe(0);
    const scores = new Map((JSON.parse(all.stdout).results as { handle: string; score: number }[]).map((x) => [x.handle, x.score]));
    const expected = [...scores].filter(([, s]) => s >= 55).map(([h]) => h).sort();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected.length).toBeLessThanOrEqual(20); // a club, not a crowd: at most a fifteenth of the 300
    expect(rep.above.map((a) => a.handle).sort()).toEqual(expected);
    expect(rep.counts.above + rep.counts.near + rep.counts.below).toBe(scores.size);
    expect(rep.near.map((a) => a.handle).sort()).toEqual([...scores].filter(([, s]) => s < 55 && s >= 51).map(([h]) => h).sort());
    expect(rep.near.length).toBeGreaterThan(0);
    for (const n of rep.near) {
      expect(n.gap).toBeCloseTo(55 - n.score, 5);
      expect(['feature', 'capped', 'none']).toContain(n.lever.kind);
      if (n.lever.kind === 'feature') expect(n.lever.increasePct).toBeGreaterThan(0);
    }
    expect(rep.near.some((n) => n.lever.kind === 'feature')).toBe(true);
    const text = await runCli(['report', 'threshold', '--at', '55', '--near', '4', '--no-save', '--db', db]);
    expect(text.stdout).toMatch(new RegExp(`Klout55 club: ${expected.length} at or above 55`));
    expect(text.stdout).toMatch(/\+\d[\d,]*% [a-z ]+ \(/);
  });

  it('stores its run and reports entrants and drop-outs against the previous run', async () => {
    const db = await copyOfSample();
    const first = await runCli(['report', 'threshold', '--at', '40', '--as-of', '2026-01-31', '--json', '--db', db]);
    expect((JSON.parse(first.stdout) as Report).movement.previousRun).toBeNull();
    const second = JSON.parse((await runCli(['report', 'threshold', '--at', '40', '--json', '--db', db])).stdout) as Report;
    expect(second.movement.previousRun).not.toBeNull();
    const before = await scoreAll(db, ['--as-of', '2026-01-31']);
    const now = await scoreAll(db);
    const entrants = [...now].filter(([h, s]) => s >= 40 && before.get(h)! < 40).map(([h]) => h).sort();
    const dropouts = [...now].filter(([h, s]) => s < 40 && before.get(h)! >= 40).map(([h]) => h).sort();
    expect(second.movement.entrants).toEqual(entrants);
    expect(second.movement.dropouts).toEqual(dropouts);
    expect(entrants.length + dropouts.length).toBeGreaterThan(0);
  });

  it('--list and --topic narrow the population; bad flags exit 2', async () => {
    const db = await copyOfSample();
    const file = path.join(tempDir(), 'l.txt');
    fs.writeFileSync(file, 'winewithisla\nnobody_at_all\n');
    const rep = JSON.parse((await runCli(['report', 'threshold', '--at', '50', '--list', file, '--json', '--no-save', '--db', db])).stdout) as Report;
    expect(rep.counts).toEqual({ above: 1, near: 0, below: 0, abstained: 0, unknown: 1 });
    const topic = JSON.parse((await runCli(['report', 'threshold', '--at', '50', '--topic', 'astronomy', '--json', '--no-save', '--db', db])).stdout) as Report;
    const ranked = JSON.parse((await runCli(['rank', '--topic', 'astronomy', '--json', '--db', db])).stdout) as { results: unknown[] };
    expect(topic.counts.above + topic.counts.near + topic.counts.below).toBe(ranked.results.length);
    expect((await runCli(['report', 'threshold', '--at', '170', '--db', db])).code).toBe(2);
  });

  it('--min-confidence: accounts below it are counted apart, not as above, near or below', async () => {
    const db = await copyOfSample();
    const all = JSON.parse((await runCli(['score', '--all', '--json', '--no-save', '--db', db])).stdout) as { results: { handle: string; score: number | null; confidence: number }[] };
    const cut = 0.9;
    const low = all.results.filter((x) => x.score === null || x.confidence < cut);
    expect(low.length).toBeGreaterThan(0);
    const rep = JSON.parse((await runCli(['report', 'threshold', '--at', '50', '--min-confidence', String(cut), '--json', '--no-save', '--db', db])).stdout) as Report & { abstained: { handle: string; reason: string }[] };
    expect(rep.counts.abstained).toBe(low.length);
    expect(rep.abstained.map((x) => x.handle).sort()).toEqual(low.map((x) => x.handle).sort());
    const kept = all.results.filter((x) => x.score !== null && x.confidence >= cut);
    expect(rep.counts.above).toBe(kept.filter((x) => x.score! >= 50).length);
    expect(rep.counts.above + rep.counts.near + rep.counts.below).toBe(kept.length);
  });
});

