import { describe, expect, it } from 'vitest';
import { compareExpectations, type Expectations, type Observed } from '../../src/engine/check.js';

const base: Expectations = { schema: 1, asOf: '2026-03-31T00:00:00Z', windowDays: 90, model: '1.0.0', accounts: [] };
const world: Record<string, Observed> = {
  alice: { score: 64.1, flags: [], topics: ['coffee'] },
  farm: { score: 31, flags: ['follow-back'], topics: [] },
};
const look = (h: string) => world[h];

describe('compareExpectations', () => {
  it('holds within tolerance, min/max, flags and topics', () => {
    const r = compareExpectations(
      { ...base, accounts: [{ handle: 'alice', score: 63.4, topics: ['coffee'] }, { handle: 'farm', max: 40, flags: ['follow-back'] }] },
      look,
      '1.0.0',
    );
    expect(r.ok).toBe(true);
    expect(r.rows.map((x) => [x.status, x.delta])).toEqual([['ok', 0.7], ['ok', null]]);
  });

  it('reports drift, a missing account and a model change, each with its reason', () => {
    const r = compareExpectations(
      {
        ...base,
        tolerance: 0.5,
        accounts: [{ handle: 'alice', score: 63.4 }, { handle: 'farm', min: 35, flags: ['bot-cadence'] }, { handle: 'gone', score: 10 }],
      },
      look,
      '1.1.0',
    );
    expect(r.ok).toBe(false);
    expect(r.counts).toEqual({ ok: 0, drift: 2, missing: 1 });
    expect(r.rows[0]!.problems).toEqual(['score 64.1 is +0.7 from 63.4']);
    expect(r.rows[1]!.problems).toEqual(['score 31 is below 35', 'flag bot-cadence not raised']);
    expect(r.rows[2]!.status).toBe('missing');
    expect(r.model).toEqual({ expected: '1.0.0', actual: '1.1.0', ok: false });
  });

  it('lets --tolerance override the file', () => {
    const exp = { ...base, tolerance: 0.1, accounts: [{ handle: 'alice', score: 63.4 }] };
    expect(compareExpectations(exp, look, '1.0.0').ok).toBe(false);
    expect(compareExpectations(exp, look, '1.0.0', 1).ok).toBe(true);
  });
});
