/** `influence demo` (spawned): after the import, a score card, the top 10 and the Klout70 report. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli, tempDir } from '../../helpers/cli.js';

describe.runIf(fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))('influence demo (spawned)', () => {
  it('shows the score card of the top account, a top-10 ranking and the Klout70 report that agree with score --all', () => {
    const dir = tempDir();
    const db = path.join(dir, 'demo.db');
    const r = spawnCli(['demo', '--db', db], { cwd: dir });
    expect(r.code).toBe(0);
    const json = spawnCli(['demo', '--db', db, '--json'], { cwd: dir });
    const doc = JSON.parse(json.stdout);
    const all = JSON.parse(spawnCli(['score', '--all', '--json', '--no-save', '--db', db]).stdout).results as { handle: string; score: number }[];
    const best = [...all].sort((a, b) => b.score - a.score || (a.handle < b.handle ? -1 : 1));
    expect(doc.top.handle).toBe(best[0]!.handle);
    expect(doc.ranking.results.map((x: { handle: string }) => x.handle)).toEqual(best.slice(0, 10).map((x) => x.handle));
    const at = doc.threshold.at;
    expect(at === 70 || (at === 60 && best[0]!.score < 70)).toBe(true);
    expect(doc.threshold.above.map((x: { handle: string }) => x.handle).sort()).toEqual(all.filter((x) => x.score >= at).map((x) => x.handle).sort());
    expect(r.stdout).toContain(`3. The top account's score card`);
    expect(r.stdout).toContain(`@${best[0]!.handle} (generic)  score ${best[0]!.score.toFixed(1)}`);
    expect(r.stdout).toContain('10 ranked, 290 past --limit');
    expect(r.stdout).toContain(`5. The Klout${at} report`);
    expect(r.stdout).toMatch(new RegExp(`Klout${at} club: ${doc.threshold.counts.above} at or above ${at}`));
    // the demo stores no scoring runs (running it again shows the same)
    expect(JSON.parse(spawnCli(['db', 'info', '--json', '--db', db]).stdout).counts.runs).toBe(0);
  });
});
