import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, readHistory, readPreviousRun, readRunScores, saveRun, type StoredScore } from '../../src/store/runs.js';
import { tempDir } from '../helpers/cli.js';
import { day } from '../helpers/dataset-builder.js';
import { DbWriter } from '../helpers/score-db.js';

const row = (accountId: number, score: number): StoredScore => ({
  accountId,
  score,
  reach: score,
  amplification: score / 2,
  network: 10,
  confidence: 0.9,
  contributions: [{ feature: 'baseline', group: 'baseline', value: null, points: 1, source: 'declared' }],
  missing: ['listed'],
  flags: score > 50 ? [{ code: 'bot-cadence', severity: 0.5, evidence: { gaps: 3 }, factor: 0.7 }] : [],
});

describe('runs', () => {
  it('stores runs append-only and lists an account\'s history in as-of order', () => {
    const w = new DbWriter(path.join(tempDir(), 'r.db'));
    const a = w.account({ handle: 'a' });
    const b = w.account({ handle: 'b' });
    const r2 = saveRun(w.db, { modelVersion: '1.0.0', asOf: day(20), windowDays: 90, createdAt: 2 }, [row(a, 60), row(b, 30)]);
    const r1 = saveRun(w.db, { modelVersion: '1.0.0', asOf: day(10), windowDays: 90, createdAt: 3 }, [row(a, 40)]);
    const r3 = saveRun(w.db, { modelVersion: '2.0.0', asOf: day(20), windowDays: 90, createdAt: 4 }, [row(a, 45)]);
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
    expect(createRun(w.db, { modelVersion: 'x', asOf: 0, windowDays: 1, createdAt: 0, accounts: 0 })).toBeGreaterThan(r3);
    w.close();
  });
});
