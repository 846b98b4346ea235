/** The two-thread reader gives the same Dataset as the one-thread reader (built dist: the worker is a .js file). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { day } from '../../tools/sim/dataset-builder.js';
import { DbWriter } from '../helpers/score-db.js';

const dist = path.join(ROOT, 'dist', 'store', 'read-dataset.js');

describe.runIf(fs.existsSync(path.join(ROOT, 'dist', 'store', 'read-interactions-worker.js')))('readDatasetParallel', () => {
  it('reads half the interactions in a worker and matches readDataset exactly', () => {
    const file = path.join(tempDir(), 'par.db');
    const w = new DbWriter(file);
    const ids = Array.from({ length: 50 }, (_, i) => w.account({ handle: `u${i}` }));
    const posts = ids.map((a, i) => w.post(a, { at: day(i % 20) }));
    w.db.transaction(() => {
      for (let k = 0; k < 3000; k++) {
        const a = ids[(k * 7) % 50]!;
        const t = ids[(k * 11 + 3) % 50]!;
        w.interact(a, k % 13 === 0 ? null : t, ['like', 'reply', 'reshare', 'mention'][k % 4]!, { at: k % 17 === 0 ? null : day(k % 30), post: k % 5 === 0 ? undefined : posts[(k * 11 + 3) % 50] });
      }
    })();
    w.close();
    const script = `
      const { openDb } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'store', 'open.js'))});
      const { readDataset, readDatasetParallel } = await import(${JSON.stringify(dist)});
      const db = openDb(${JSON.stringify(file)}, { readonly: true });
      const digest = (p) => JSON.stringify([p.interactions.n, ...['actor', 'target', 'kind', 'createdAt', 'targetPost'].map((k) => Array.from(p.interactions[k]))]);
      const one = digest(readDataset(db));
      const report = {};
      const two = digest(await readDatasetParallel(db, { parallelMin: 0, report }));
      console.log(JSON.stringify({ same: one === two, n: JSON.parse(one)[0], threads: report.threads }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, INFLUENCE_DEBUG: '1' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ same: true, n: 3000, threads: 2 });
  });
});
