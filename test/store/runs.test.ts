import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory, readPreviousRun, readRunScores, saveRun } from '../../src/store/runs.js';
import type { RunAccount, RunRecord } from '../../src/engine/run-record.js';
import { tempDir } from '../helpers/cli.js';
import { day } from '../../tools/sim/dataset-builder.js';
import { DbWriter } from '../helpers/score-db.js';

const row = (accountId: number, score: number): RunAccount => ({
  accountId,
  result: {
    index: accountId - 1,
    score,
    subscores: { reach: score, amplification: score / 2, network: 10 },
    confidence: 0.9,
    contributions: [{ feature: 'baseline', group: 'baseline', value: null, points: 1, source: 'declared' }],
    missing: ['listed'],
    flags: score > 50 ? [{ code: 'bot-cadence', severity: 0.5, evidence: { gaps: 3 }, factor: 0.7 }] : [],
    interval: [score - 5, score + 5],
    abstain: null,
    activityInWindow: 1,
    lastActivity: null,
  },
  topics: [],
});
const run = (modelVersion: string, asOf: number, accounts: RunAccount[]): RunRecord => ({ modelVersion, asOf, windowDays: 90, accounts });

describe('runs', () => {
  it('stores runs append-only and lists an account\'s history in as-of order', () => {
    const w = new DbWriter(path.join(tempDir(), 'r.db'));
    const a = w.account({ handle: 'a' });
    const b = w.account({ handle: 'b' });
    const r2 = saveRun(w.db, run('1.0.0', day(20), [row(a, 60), row(b, 30)]), 2);
    const r1 = saveRun(w.db, run('1.0.0', day(10), [row(a, 40)]), 3);
    const r3 = saveRun(w.db, run('2.0.0', day(20), [row(a, 45)]), 4);
    const h = readHistory(w.db, a);
    expect(h.map((x) => x.runId)).toEqual([r1, r2, r3]);
    expect(h.map((x) => x.score)).toEqual([40, 60, 45]);
    expect(h[1]!.flags).toEqual(['bot-cadence']);
    expect(readRunScores(w.db, r2).get(b)).toBe(30);
    expect(readPreviousRun(w.db, r2)).toBe(null); // the first run stored
    expect(readPreviousRun(w.db, r1)).toBe(r2);
    expect(readPreviousRun(w.db, r3)).toBe(null);
    // the older model's run is untouched by the new one
    expect((w.db.prepare('SELECT score FROM scores WHERE run_id = ? AND account_id = ?').pluck().get(r2, a) as number)).toBe(60);
    const detail = JSON.parse(w.db.prepare('SELECT detail FROM scores WHERE run_id = ? AND account_id = ?').pluck().get(r2, a) as string);
    expect(detail.missing).toEqual(['listed']);
    expect(w.db.prepare('SELECT accounts FROM runs WHERE id = ?').pluck().get(r2)).toBe(2);
    w.close();
  });
});
