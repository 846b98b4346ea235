/**
 * Itemising reads an account's row from the feature columns, and may keep its points for a
 * second itemisation (score --all --json storing its run, then printing it): neither
 * changes a result. Checked on every account of the bundled sample (flagged, capped,
 * abstaining and imputed ones included).
 */
import { describe, expect, it } from 'vitest';
import { analyze, keepItemised, resultOf } from '../../src/engine/analyze.js';
import { featureVectorOf } from '../../src/engine/features.js';
import { itemiseScore } from '../../src/engine/score.js';
import { resolveWindow } from '../../src/engine/window.js';
import { openDb } from '../../src/store/open.js';
import { readDataset, readLatestActivity } from '../../src/store/read-dataset.js';
import { shippedModel } from '../helpers/model.js';
import { sampleDb } from '../helpers/sample-db.js';

describe('itemising', () => {
  it('gives the same results when its points are kept, on the first itemisation and the second', async () => {
    const db = openDb(await sampleDb(), { readonly: true });
    const dataset = readDataset(db, { bios: false });
    const window = resolveWindow({ windowDays: 90 }, readLatestActivity(db));
    db.close();
    const plain = analyze(dataset, { window, model: shippedModel() });
    const kept = analyze(dataset, { window, model: shippedModel() });
    keepItemised(kept);
    const n = dataset.accounts.n;
    const reference = Array.from({ length: n }, (_, i) => JSON.stringify(resultOf(plain, i)));
    const first = Array.from({ length: n }, (_, i) => JSON.stringify(resultOf(kept, i)));
    const second = Array.from({ length: n }, (_, i) => JSON.stringify(resultOf(kept, i)));
    // the same keys in the same order, the same numbers
    expect(first).toEqual(reference);
    expect(second).toEqual(reference);
    const parsed = reference.map((r) => JSON.parse(r) as { flags: unknown[]; missing: unknown[]; contributions: { group: string }[] });
    // the sample walks the kept authenticity items and the imputation path
    expect(parsed.filter((r) => r.contributions.some((c) => c.group === 'authenticity')).length).toBeGreaterThan(0);
    expect(parsed.filter((r) => r.missing.length > 0).length).toBeGreaterThan(0);
  });

  it('from the columns, the same as from a feature vector of the same row', async () => {
    const db = openDb(await sampleDb(), { readonly: true });
    const dataset = readDataset(db, { bios: false });
    const window = resolveWindow({ windowDays: 90 }, readLatestActivity(db));
    db.close();
    const analysis = analyze(dataset, { window, model: shippedModel() });
    const { table } = analysis;
    for (let i = 0; i < dataset.accounts.n; i++) {
      const { handle: _h, network: _n, activityInWindow: _a, lastActivity: _l, abstain: _x, score, interval, ...columns } = resultOf(analysis, i);
      const fromVector = itemiseScore(table.model, featureVectorOf(table.features, i), table.assessment.damping[i]!, table.assessment.flags[i]!, i, table.assessment.cap[i]!);
      const { activityInWindow: _va, lastActivity: _vl, abstain: _vx, score: vScore, interval: vInterval, ...vector } = fromVector;
      expect(JSON.stringify(columns)).toBe(JSON.stringify(vector));
      if (score !== null) expect([score, interval]).toEqual([vScore, vInterval]);
    }
  });
});
