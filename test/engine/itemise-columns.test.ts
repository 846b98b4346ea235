/**
 * Itemising reads an account's row from the feature columns and the score table's own
 * evaluation: the same result as itemising a feature vector of that row. Checked on every
 * account of the bundled sample (flagged, capped, abstaining and imputed ones included).
 */
import { describe, expect, it } from 'vitest';
import { resultOf } from '../../src/engine/analyze.js';
import { featureVectorOf } from '../../src/engine/features.js';
import { itemiseScore } from '../../src/engine/score.js';
import { analysedSample } from '../helpers/sample-db.js';

describe('itemising', () => {
  it('from the columns, the same as from a feature vector of the same row', async () => {
    const analysis = await analysedSample();
    const { table } = analysis;
    let withAuthenticity = 0;
    let withImputed = 0;
    for (let i = 0; i < analysis.dataset.accounts.n; i++) {
      const { handle: _h, network: _n, activityInWindow: _a, lastActivity: _l, abstain: _x, score, interval, ...columns } = resultOf(analysis, i);
      const fromVector = itemiseScore(table.model, featureVectorOf(table.features, i), table.assessment.damping[i]!, table.assessment.flags[i]!, i, table.assessment.cap[i]!);
      const { activityInWindow: _va, lastActivity: _vl, abstain: _vx, score: vScore, interval: vInterval, ...vector } = fromVector;
      expect(JSON.stringify(columns)).toBe(JSON.stringify(vector));
      if (score !== null) expect([score, interval]).toEqual([vScore, vInterval]);
      if (columns.contributions.some((c) => c.group === 'authenticity')) withAuthenticity++;
      if (columns.missing.length > 0) withImputed++;
    }
    // the sample walks the authenticity items and the imputation path
    expect(withAuthenticity).toBeGreaterThan(0);
    expect(withImputed).toBeGreaterThan(0);
  });
});
