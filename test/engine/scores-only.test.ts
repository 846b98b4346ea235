/**
 * keepScoresOnly (what `score` writes its results from) reads every score, summary,
 * itemised result, run account, topic and handle exactly as the whole analysis does, on
 * every account of the bundled sample analysed as the CLI analyses it (audience model and
 * topics included); what reads the data it leaves out throws instead of answering wrongly.
 * analyze's scoresOnly (what `score` analyses with) lets go of the same data while it
 * analyses, with the same results.
 */
import { describe, expect, it } from 'vitest';
import { analyze, explainAccount, keepScoresOnly, resolveAccount, resultOf, summaryOf, topEngagersOf, topicsOfAccount, verdictsOf, auditAccount } from '../../src/engine/analyze.js';
import { runRecordOf } from '../../src/engine/run-record.js';
import { FEATURE_NAMES, featureVectorOf, SOURCE_CODES } from '../../src/engine/features.js';
import { scoringFeaturesOf } from '../../src/engine/score.js';
import { resolveWindow } from '../../src/engine/window.js';
import { readAudienceModelFile } from '../../src/inputs/audience-model-file.js';
import { readModelFile } from '../../src/inputs/model-file.js';
import { openDb } from '../../src/store/open.js';
import { readDataDates } from '../../src/store/read-data-dates.js';
import { readDataset } from '../../src/store/read-dataset.js';
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
    // itemised on the lean analysis (score --all --json): the same
    for (const i of all) expect(JSON.stringify(explainAccount(lean, i))).toBe(JSON.stringify(explainAccount(whole, i)));
    const engaged = all.find((i) => topEngagersOf(whole, i, 3).length > 0)!;
    expect(() => topEngagersOf(lean, engaged, 3)).toThrow(/keeps scores only/);
    expect(verdictsOf(whole, [0])).toHaveLength(1);
    expect(() => verdictsOf(lean, [0])).toThrow(/keeps scores only/);
    expect(() => auditAccount(lean, 0)).toThrow(/keeps scores only/);
  });

  it('scoresOnly (analyze) empties the dataset it is handed and gives the same results, summaries and run as the whole analysis', async () => {
    const db = openDb(await sampleDb(), { readonly: true });
    const window = resolveWindow({ asOf: undefined, windowDays: 90 }, readDataDates(db));
    const read = () => readDataset(db, { bios: true, profile: true });
    const options = { window, model: readModelFile(undefined).model, audience: readAudienceModelFile() };
    const whole = analyze(read(), options);
    const handed = read();
    const lean = analyze(handed, { ...options, scoresOnly: true });
    db.close();
    // the events, posts and follows of the dataset handed over are let go of; the accounts are kept
    expect(whole.dataset.interactions.n).toBeGreaterThan(0);
    expect(whole.dataset.posts.n).toBeGreaterThan(0);
    expect([handed.interactions.n, handed.posts.n, handed.follows.n, lean.dataset.interactions.n, lean.table.graph.m]).toEqual([0, 0, 0, 0, 0]);
    expect(lean.dataset.accounts).toBe(handed.accounts);
    // and the profile texts, the audience's own counts and the events' target posts, once the audience classes are made
    expect(whole.dataset.accounts.bio.some((b) => b !== null)).toBe(true);
    expect([handed.accounts.bio.length, handed.accounts.displayName.length, handed.accounts.likesGiven.length, handed.interactions.targetPost.length]).toEqual([0, 0, 0, 0]);
    const all = Array.from({ length: whole.dataset.accounts.n }, (_, i) => i);
    for (const i of all) {
      expect(JSON.stringify(resultOf(lean, i))).toBe(JSON.stringify(resultOf(whole, i)));
      expect(JSON.stringify(summaryOf(lean, i))).toBe(JSON.stringify(summaryOf(whole, i)));
    }
    expect(JSON.stringify([...runRecordOf(lean, all).accounts])).toBe(JSON.stringify([...runRecordOf(whole, all).accounts]));
    // only the features scoring reads were extracted, each the same as the whole analysis's,
    // bit for bit; the others read as missing, and a whole vector of them is refused
    const computed = lean.table.features.computed!;
    expect([...computed].sort()).toEqual(scoringFeaturesOf(options.model).sort());
    expect(computed.size).toBeLessThan(FEATURE_NAMES.length);
    expect(whole.table.features.computed).toBeUndefined();
    for (const f of FEATURE_NAMES) {
      const leanF = lean.table.features;
      const wholeF = whole.table.features;
      if (computed.has(f)) {
        expect(Buffer.from(leanF.value[f].buffer).equals(Buffer.from(wholeF.value[f].buffer))).toBe(true);
        expect(Array.from(leanF.source[f])).toEqual(Array.from(wholeF.source[f]));
        expect(Array.from(leanF.perCount[f])).toEqual(Array.from(wholeF.perCount[f]));
      } else {
        expect(leanF.value[f].every(Number.isNaN)).toBe(true);
        expect(leanF.source[f].every((c) => SOURCE_CODES[c] === 'missing')).toBe(true);
      }
    }
    // some feature left out is known for someone in the whole analysis (leaving it out was a change)
    expect(FEATURE_NAMES.some((f) => !computed.has(f) && whole.table.features.value[f].some((v) => !Number.isNaN(v)))).toBe(true);
    expect(() => featureVectorOf(lean.table.features, 0)).toThrow(/only some features/);
    for (const k of ['evidence'] as const) expect(JSON.stringify(lean.table.features[k], (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(JSON.stringify(whole.table.features[k], (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
    expect(all.some((i) => whole.table.assessment.flags[i]!.length > 0)).toBe(true);
    expect(() => topEngagersOf(lean, all.find((i) => topEngagersOf(whole, i, 3).length > 0)!, 3)).toThrow(/keeps scores only/);
  });
});
