/**
 * A score result written field by field (render/score-json.ts) is the very text the
 * generic stable JSON gives it (compact, as a list document writes it), for every result of the bundled sample and for hostile
 * strings and odd numbers.
 */
import { describe, expect, it } from 'vitest';
import { resultOf } from '../../src/engine/analyze.js';
import { stringifyJson } from '../../src/render/json.js';
import { scoreResultJson } from '../../src/render/score-json.js';
import { toScoreResultView, type ScoreResultView } from '../../src/render/score-view.js';
import { analysedSample } from '../helpers/sample-db.js';

const generic = (r: ScoreResultView): string => stringifyJson(r, 0);

describe('scoreResultJson', () => {
  it('writes every result of the sample as stringifyJson does', async () => {
    const analysis = await analysedSample();
    let flagged = 0;
    let abstaining = 0;
    for (let i = 0; i < analysis.dataset.accounts.n; i++) {
      const view = toScoreResultView(resultOf(analysis, i));
      if (view.flags.length > 0) flagged++;
      if (view.score === null) abstaining++;
      expect(scoreResultJson(view)).toBe(generic(view));
    }
    expect(flagged + abstaining).toBeGreaterThan(0);
  });

  it('escapes hostile strings and writes odd numbers as JSON.stringify does', () => {
    const hostile = ['a"b\\c', 'x\u009by', 'r\u202eL', 'tab\there\nnew', '\u0000\u001f', 'lone \ud800 surrogate', 'emoji \u{1f600}', 'del \u007f', 'ls \u2028 ps \u2029', ''];
    for (const s of hostile) {
      const view: ScoreResultView = {
        handle: s,
        network: s,
        score: -0,
        interval: [NaN, Infinity],
        abstain: s,
        subscores: { reach: 1e21, amplification: 1e-7, network: -Infinity },
        confidence: 0.1 + 0.2,
        contributions: [
          { feature: s, group: 'reach', value: null, points: 0.30000000000000004, source: 'imputed', basis: s },
          { feature: 'f', group: 'network', value: NaN, points: -12.5, source: 'events' },
        ],
        flags: [{ code: 'churn', severity: 0.5, evidence: { note: s, list: [s, 'b'], yes: true, n: 3 }, factor: 0.9 }],
        missing: [s, 'listed'],
        activityInWindow: 3,
        lastActivity: s,
      };
      expect(scoreResultJson(view)).toBe(generic(view));
    }
    // numbers in hundredths (their text is kept once written), near and past the kept span, and not in hundredths
    const numbers = [-0, 0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.1, 99.95, 117, 12.34, -12.34, -200, 200, 199.99, 200.01, -200.01, 1e-7, 123456.789, 2 ** 53, 1 / 3];
    for (let round = 0; round < 2; round++) {
      for (const x of numbers) {
        const view: ScoreResultView = { handle: 'h', network: 'n', score: x, interval: [x, x], abstain: null, subscores: { reach: x, amplification: x, network: x }, confidence: x, contributions: [{ feature: 'f', group: 'reach', value: x, points: x, source: 'events' }], flags: [], missing: [], activityInWindow: x, lastActivity: null };
        expect(scoreResultJson(view)).toBe(generic(view));
      }
    }
    const empty: ScoreResultView = { handle: 'h', network: 'n', score: null, interval: null, abstain: null, subscores: { reach: 0, amplification: 0, network: 0 }, confidence: 0, contributions: [], flags: [], missing: [], activityInWindow: 0, lastActivity: null };
    expect(scoreResultJson(empty)).toBe(generic(empty));
  });
});
