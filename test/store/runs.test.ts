import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, insertScores, readHistory, readPreviousRun, readRunScores, saveRun } from '../../src/store/runs.js';
import type { RunAccount, RunRecord } from '../../src/engine/run-record.js';
import { tempDir } from '../helpers/cli.js';
import { day } from '../../tools/sim/dataset-builder.js';
import { DbWriter } from '../helpers/score-db.js';

const row = (accountId: number, score: number): RunAccount => ({
  accountId,
  result: {
    score,
    subscores: { reach: score, amplification: score / 2, network: 10 },
    confidence: 0.9,
    flags: score > 50 ? [{ code: 'bot-cadence', severity: 0.5, evidence: { gaps: 3 }, factor: 0.7 }] : [],
    interval: [score - 5.5, score + 4.25],
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
    // each score's interval is kept (history shows it); its itemisation is not (schema migration 8)
    expect(h.map((x) => x.interval)).toEqual([[34.5, 44.25], [54.5, 64.25], [39.5, 49.25]]);
    const stored = w.db.prepare('SELECT s.detail, r.detail_keys AS keys FROM scores s JOIN runs r ON r.id = s.run_id WHERE run_id = ? AND account_id = ?').get(r2, a);
    expect(stored).toEqual({ detail: '', keys: null });
    expect(w.db.prepare('SELECT accounts FROM runs WHERE id = ?').pluck().get(r2)).toBe(2);
    w.close();
  });
  it('refuses a run naming an account not in the database, storing nothing, with foreign key checks on again after', () => {
    const w = new DbWriter(path.join(tempDir(), 'fk.db'));
    const ids = Array.from({ length: 70 }, (_, k) => w.account({ handle: `h${k}` }));
    const missing = Math.max(...ids) + 1000;
    // the unknown account in a full statement of rows (the 40th), in the rows left after them (the 70th), and alone
    for (const at of [39, 69]) {
      const accounts = ids.map((id, k) => row(k === at ? missing : id, 60));
      expect(() => saveRun(w.db, run('1.0.0', day(20), accounts), 1)).toThrow(new RegExp(`FOREIGN KEY constraint failed: a score names account ${missing}`));
    }
    expect(() => saveRun(w.db, run('1.0.0', day(20), [row(missing, 60)]), 1)).toThrow(/FOREIGN KEY constraint failed/);
    for (const table of ['runs', 'scores', 'flags']) expect(w.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    expect(w.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // an account named twice fails as the primary key does
    expect(() => saveRun(w.db, run('1.0.0', day(20), [row(ids[0]!, 60), row(ids[0]!, 50)]), 1)).toThrow(/UNIQUE constraint failed/);
    // insertScores in a caller's transaction with the checks on: the foreign key refuses the account
    w.db.exec('BEGIN');
    const runId = createRun(w.db, { modelVersion: '1.0.0', asOf: day(20), windowDays: 90, createdAt: 1, accounts: 0 });
    expect(() => insertScores(w.db, runId, [{ accountId: missing, score: 1, reach: 1, amplification: 1, network: 1, confidence: 1, low: 0, high: 2, flags: [] }])).toThrow(/FOREIGN KEY constraint failed/);
    w.db.exec('ROLLBACK');
    const id = saveRun(w.db, run('1.0.0', day(20), ids.map((a) => row(a, 60))), 1);
    expect(w.db.prepare('SELECT count(*) FROM scores WHERE run_id = ?').pluck().get(id)).toBe(70);
    expect(w.db.pragma('foreign_keys', { simple: true })).toBe(1);
    w.close();
  });
});

describe('a run given as an iterable', () => {
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
