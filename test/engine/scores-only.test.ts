/**
 * keepScoresOnly (what `score` writes its results from) reads every score, summary,
 * itemised result, run account, topic and handle exactly as the whole analysis does, on
 * every account of the bundled sample analysed as the CLI analyses it (audience model and
 * topics included); what reads the data it leaves out throws instead of answering wrongly.
 */
import { describe, expect, it } from 'vitest';
import { explainAccount, keepItemised, keepScoresOnly, resolveAccount, resultOf, summaryOf, topEngagersOf, topicsOfAccount, verdictsOf, auditAccount } from '../../src/engine/analyze.js';
import { runRecordOf } from '../../src/engine/run-record.js';
import { analyseDb } from '../helpers/dashboard.js';
import { sampleDb } from '../helpers/sample-db.js';

describe('keepScoresOnly', () => {
  it('gives the same results, summaries, run, topics and handles as the whole analysis; engagers and audiences throw', async () => {
    const whole = await analyseDb(await sampleDb());
    const lean = keepScoresOnly(whole);
    const n = whole.dataset.accounts.n;
    const all = Array.from({ length: n }, (_, i) => i);
    // the left-out parts are gone (the point of it), the accounts are shared
    expect(whole.dataset.interactions.n).toBeGreaterThan(0);
    expect(lean.dataset.interactions.n).toBe(0);
    expect(lean.dataset.posts.n).toBe(0);
    expect(lean.table.graph.m).toBe(0);
    expect(lean.dataset.accounts).toBe(whole.dataset.accounts);
    let withTopics = 0;
    for (const i of all) {
      expect(JSON.stringify(resultOf(lean, i))).toBe(JSON.stringify(resultOf(whole, i)));
      expect(JSON.stringify(summaryOf(lean, i))).toBe(JSON.stringify(summaryOf(whole, i)));
      expect(topicsOfAccount(lean, i)).toEqual(topicsOfAccount(whole, i));
      if (topicsOfAccount(whole, i).length > 0) withTopics++;
    }
    expect(withTopics).toBeGreaterThan(0);
    expect(JSON.stringify([...runRecordOf(lean, all).accounts])).toBe(JSON.stringify([...runRecordOf(whole, all).accounts]));
    const handle = whole.dataset.accounts.handle.find((h) => h !== '')!;
    expect(resolveAccount(lean, handle)).toBe(resolveAccount(whole, handle));
    // kept itemisations on the lean analysis (score --all --json storing): the same again
    keepItemised(lean);
    for (const i of all) explainAccount(lean, i);
    for (const i of all) expect(JSON.stringify(explainAccount(lean, i))).toBe(JSON.stringify(explainAccount(whole, i)));
    const engaged = all.find((i) => topEngagersOf(whole, i, 3).length > 0)!;
    expect(() => topEngagersOf(lean, engaged, 3)).toThrow(/keeps scores only/);
    expect(verdictsOf(whole, [0])).toHaveLength(1);
    expect(() => verdictsOf(lean, [0])).toThrow(/keeps scores only/);
    expect(() => auditAccount(lean, 0)).toThrow(/keeps scores only/);
  });
});
