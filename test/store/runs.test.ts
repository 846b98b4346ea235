import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetailKeys, readHistory, readPreviousRun, readRunScores, readScoreDetail, saveRun, scoreDetailJson } from '../../src/store/runs.js';
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
    const stored = w.db.prepare('SELECT s.detail, r.detail_keys AS keys FROM scores s JOIN runs r ON r.id = s.run_id WHERE run_id = ? AND account_id = ?').get(r2, a) as { detail: string; keys: string };
    const detail = readScoreDetail(stored.detail, stored.keys);
    expect(detail.missing).toEqual(['listed']);
    expect(detail.contributions).toEqual(row(a, 60).result.contributions);
    expect(w.db.prepare('SELECT accounts FROM runs WHERE id = ?').pluck().get(r2)).toBe(2);
    w.close();
  });
});

describe('score details', () => {
  it('are written compactly (names by index, once per run) and read back exactly, hostile names and odd numbers included', () => {
    const keys = new DetailKeys();
    const contributions = [
      { feature: 'baseline', group: 'baseline', value: null, points: 1, source: 'declared' },
      { feature: 'we"ird\u2028\\name', group: 'reach', value: 1e-7, points: -0.1, source: 'imputed' },
      { feature: 'followers', group: 'reach', value: Number.NaN, points: 12.3, source: 'events' },
    ] as RunAccount['result']['contributions'];
    const json = scoreDetailJson(contributions, ['listed', 'we"ird\u2028\\name'], keys);
    expect(json).toBe('{"c":[[0,0,null,1,1],[2,3,1e-7,-0.1,4],[5,3,null,12.3,6]],"m":[7,2]}');
    const back = readScoreDetail(json, JSON.stringify(keys.names));
    expect(back.missing).toEqual(['listed', 'we"ird\u2028\\name']);
    expect(back.contributions).toEqual(contributions.map((c) => ({ ...c, value: Number.isNaN(c.value) ? null : c.value })));
    // the form runs stored before the key list still reads
    const old = JSON.stringify({ contributions: [['baseline', 'baseline', null, 1, 'declared']], missing: ['listed'] });
    expect(readScoreDetail(old, null)).toEqual({ contributions: [contributions[0]], missing: ['listed'] });
  });

  it('a run given as a one-pass iterable is stored whole, its accounts counted as written', () => {
    const w = new DbWriter(path.join(tempDir(), 'i.db'));
    const ids = Array.from({ length: 70 }, (_, k) => w.account({ handle: `h${k}` }));
    function* accounts() {
      for (const id of ids) yield row(id, 20 + (id % 50));
    }
    const id = saveRun(w.db, { modelVersion: '1', asOf: day(1), windowDays: 90, accounts: accounts() }, 1);
    expect(w.db.prepare('SELECT accounts FROM runs WHERE id = ?').pluck().get(id)).toBe(70);
    expect(w.db.prepare('SELECT count(*) FROM scores WHERE run_id = ?').pluck().get(id)).toBe(70);
    expect(w.db.prepare('SELECT count(*) FROM flags WHERE run_id = ?').pluck().get(id)).toBe(ids.filter((a) => 20 + (a % 50) > 50).length);
    w.close();
  });
});
