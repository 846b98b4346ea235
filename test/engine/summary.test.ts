/**
 * summaryOf (rows and CSV, no itemising) gives exactly the numbers resultOf gives, for every
 * account of the bundled sample (flagged, capped, abstaining, imputed ones included).
 */
import { describe, expect, it } from 'vitest';
import { resultOf, summaryOf } from '../../src/engine/analyze.js';
import { analysedSample } from '../helpers/sample-db.js';

describe('summaryOf', () => {
  it('agrees with the itemised result on every account of the sample', async () => {
    const analysis = await analysedSample();
    let imputed = 0;
    let abstained = 0;
    let flagged = 0;
    for (let i = 0; i < analysis.dataset.accounts.n; i++) {
      const { contributions: _c, ...full } = resultOf(analysis, i);
      const summary = summaryOf(analysis, i);
      expect(summary).toEqual(full);
      if (full.missing.length) imputed++;
      if (full.abstain !== null) abstained++;
      if (full.flags.length) flagged++;
    }
    // the sample exercises each path
    expect(imputed).toBeGreaterThan(0);
    expect(abstained + flagged).toBeGreaterThan(0);
  });
});
