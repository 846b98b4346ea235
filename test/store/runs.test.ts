import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, DetailKeys, insertScores, readHistory, readPreviousRun, readRunScores, readScoreDetail, saveRun, scoreDetailJson } from '../../src/store/runs.js';
import { DetailEncoder } from '../../src/store/score-detail.js';
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
    const stored = w.db.prepare('SELECT s.detail, r.detail_keys AS keys FROM scores s JOIN runs r ON r.id = s.run_id WHERE run_id = ? AND account_id = ?').get(r2, a) as { detail: Buffer; keys: string };
    expect(stored.detail).toBeInstanceOf(Buffer); // the binary form (store/score-detail.ts)
    const detail = readScoreDetail(stored.detail, stored.keys);
    expect(detail.missing).toEqual(['listed']);
    expect(detail.contributions).toEqual(row(a, 60).result.contributions);
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
    expect(() => insertScores(w.db, runId, [{ accountId: missing, score: 1, reach: 1, amplification: 1, network: 1, confidence: 1, contributions: [], missing: [], flags: [] }])).toThrow(/FOREIGN KEY constraint failed/);
    w.db.exec('ROLLBACK');
    const id = saveRun(w.db, run('1.0.0', day(20), ids.map((a) => row(a, 60))), 1);
    expect(w.db.prepare('SELECT count(*) FROM scores WHERE run_id = ?').pluck().get(id)).toBe(70);
    expect(w.db.pragma('foreign_keys', { simple: true })).toBe(1);
    w.close();
  });
});

describe('score details', () => {
  const hostile = [
    { feature: 'baseline', group: 'baseline', value: null, points: 1, source: 'declared' },
    { feature: 'we"ird\u2028\\name', group: 'reach', value: 1e-7, points: -0.1, source: 'imputed' },
    { feature: 'followers', group: 'reach', value: Number.NaN, points: 12.3, source: 'events' },
    { feature: 'posts', group: 'amplification', value: 0.1 + 0.2, points: Number.POSITIVE_INFINITY, source: 'events' },
  ] as RunAccount['result']['contributions'];
  // what is stored for a value or points that is none: null (null, NaN or infinite)
  const asStored = (cs: typeof hostile) => cs.map((c) => ({ ...c, value: c.value !== null && Number.isFinite(c.value) ? c.value : null, points: Number.isFinite(c.points) ? c.points : null }));

  it('are written as binary records (names by index, once per run) and read back exactly, hostile names and odd numbers included', () => {
    const keys = new DetailKeys();
    const encoder = new DetailEncoder(keys);
    const detail = encoder.encode(hostile, ['listed', 'we"ird\u2028\\name']);
    expect(detail).toBeInstanceOf(Uint8Array);
    // 8 header bytes, 4 x (two doubles and three u16 keys), two u16 missing keys
    expect((detail as Uint8Array).length).toBe(8 + 4 * 22 + 2 * 2);
    expect(keys.names).toEqual(['baseline', 'declared', 'we"ird\u2028\\name', 'reach', 'imputed', 'followers', 'events', 'posts', 'amplification', 'listed']);
    const back = readScoreDetail(Buffer.from(detail as Uint8Array), JSON.stringify(keys.names));
    expect(back.missing).toEqual(['listed', 'we"ird\u2028\\name']);
    expect(back.contributions).toEqual(asStored(hostile));
    expect(back.contributions[3]!.value).toBe(0.1 + 0.2); // the double itself, not a decimal rounding of it
  });

  it('details encoded for one statement stay intact until reset, across a growing buffer', () => {
    const encoder = new DetailEncoder(new DetailKeys());
    const many = Array.from({ length: 4000 }, (_, k) => ({
      contributions: [{ feature: `f${k % 7}`, group: 'reach', value: k / 3, points: -k, source: 'events' }] as RunAccount['result']['contributions'],
      missing: k % 2 ? ['listed'] : [],
    }));
    // 4000 records of 30-32 bytes outgrow the first 64 KiB buffer: the early views must survive that
    const details = many.map((d) => encoder.encode(d.contributions, d.missing));
    const names = JSON.stringify(encoder.keys.names);
    details.forEach((d, k) => expect(readScoreDetail(d, names)).toEqual(many[k]));
  });

  it('fall back to JSON text when a name index does not fit the binary record, and every stored form reads', () => {
    const keys = new DetailKeys();
    for (let k = 0; k < 70_000; k++) keys.keyOf(`filler${k}`);
    const json = new DetailEncoder(keys).encode(hostile, ['listed']);
    expect(typeof json).toBe('string');
    expect(readScoreDetail(json, JSON.stringify(keys.names))).toEqual({ contributions: asStored(hostile), missing: ['listed'] });
    // the JSON form runs stored before the binary one, names by index
    const small = new DetailKeys();
    const indexed = scoreDetailJson(hostile.slice(0, 2), ['listed'], small);
    expect(indexed).toBe('{"c":[[0,0,null,1,1],[2,3,1e-7,-0.1,4]],"m":[5]}');
    expect(readScoreDetail(indexed, JSON.stringify(small.names))).toEqual({ contributions: hostile.slice(0, 2), missing: ['listed'] });
    // the form runs stored before the key list
    const old = JSON.stringify({ contributions: [['baseline', 'baseline', null, 1, 'declared']], missing: ['listed'] });
    expect(readScoreDetail(old, null)).toEqual({ contributions: [hostile[0]], missing: ['listed'] });
  });

  it('refuse a binary record that is cut short or names a key its run does not have', () => {
    const keys = new DetailKeys();
    const detail = new DetailEncoder(keys).encode(hostile, []) as Uint8Array;
    expect(() => readScoreDetail(detail.subarray(0, detail.length - 1), JSON.stringify(keys.names))).toThrow(/not in a known form/);
    expect(() => readScoreDetail(detail, JSON.stringify(keys.names.slice(0, 2)))).toThrow(/beyond its run/);
    expect(() => readScoreDetail(detail, null)).toThrow(/detail_keys/);
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
