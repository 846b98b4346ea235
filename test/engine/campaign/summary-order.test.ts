/**
 * The cheap paths an interactive view uses (summaries read from the score table's columns,
 * orderAccounts, bandThreshold) agree with the itemised ones the commands print (resultOf,
 * rankAccounts, planThreshold): same numbers, same order, same counts.
 */
import { describe, expect, it } from 'vitest';
import { analyze, keptSummaryOf, resultOf, summaryOf } from '../../../src/engine/analyze.js';
import { orderAccounts, rankAccounts } from '../../../src/engine/campaign/rank-accounts.js';
import { bandThreshold, planThreshold } from '../../../src/engine/campaign/threshold-report.js';
import { buildAuthenticityReport, countFlags, flaggedAccountsOf } from '../../../src/engine/authenticity/report.js';
import { RANK_SORTS } from '../../../src/engine/ranking.js';
import { toDataset } from '../../../tools/sim/index.js';
import { sampleWorld } from '../../sim/world-fixture.js';
import { shippedModel } from '../../helpers/model.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';

describe('summaries, orders and bands agree with itemised results', () => {
  const world = sampleWorld();
  const analysis = analyze(toDataset(world), { window: { asOf: world.asOf, windowDays: 90 }, model: shippedModel() });
  const n = analysis.dataset.accounts.n;

  it('every summary field equals the same field of resultOf (scored and flagged accounts of a simulated world)', () => {
    let flagged = 0;
    let abstaining = 0;
    for (let i = 0; i < n; i++) {
      const s = summaryOf(analysis, i);
      expect(keptSummaryOf(analysis, i)).toEqual(s);
      const r = resultOf(analysis, i);
      // the same keys in the same order (a summary is written as JSON field by field)
      expect(Object.keys(s)).toEqual(Object.keys(r).filter((k) => k !== 'contributions'));
      expect({ index: s.index, handle: s.handle, network: s.network, score: s.score, interval: s.interval, abstain: s.abstain, subscores: s.subscores, confidence: s.confidence, flags: s.flags }).toEqual({
        index: r.index,
        handle: r.handle,
        network: r.network,
        score: r.score,
        interval: r.interval,
        abstain: r.abstain,
        subscores: r.subscores,
        confidence: r.confidence,
        flags: r.flags,
      });
      if (s.flags.length > 0) flagged++;
      if (s.score === null) abstaining++;
    }
    // the comparison covered flagged accounts (damped, capped: another path)
    expect(flagged).toBeGreaterThan(0);
    expect(abstaining).toBe(0);
  });

  it('an abstaining account\'s summary abstains with the itemised reason', () => {
    const b = new DatasetBuilder();
    const alice = b.account({ handle: 'alice', followers: 100 });
    const ghost = b.account({ handle: 'ghost' });
    const p = b.post(alice, { at: day(1) });
    b.interact(alice, ghost, 'mention', { at: day(1), post: p });
    const small = analyze(b.build(), { window: { asOf: day(2), windowDays: 90 }, model: shippedModel() });
    const s = summaryOf(small, ghost);
    const r = resultOf(small, ghost);
    expect(s.score).toBeNull();
    expect(s.interval).toBeNull();
    expect(s.abstain).toMatch(/only others' engagement/);
    expect([s.abstain, s.subscores, s.confidence]).toEqual([r.abstain, r.subscores, r.confidence]);
    expect(summaryOf(small, alice).score).toBe(resultOf(small, alice).score);
  });

  it('orderAccounts ranks exactly as rankAccounts, for every sort and with --min-confidence', () => {
    for (const sort of RANK_SORTS) {
      for (const minConfidence of [undefined, 0.8]) {
        const order = orderAccounts(analysis, { list: null, topic: null, sort, minConfidence });
        const ranking = rankAccounts(analysis, { list: null, topic: null, sort, minConfidence });
        expect(order.rows.map((r) => [r.rank, r.account, r.summary.score])).toEqual(ranking.results.map((r) => [r.rank, r.account, r.result.score]));
        expect(order.counts).toEqual(ranking.counts);
        expect(order.abstained).toEqual(ranking.abstained);
      }
    }
  });

  it('bandThreshold counts and members equal planThreshold at several thresholds', () => {
    for (const at of [30, 45, 60, 70]) {
      const bands = bandThreshold(analysis, { at, near: 5, list: null, topic: null });
      const plan = planThreshold(analysis, { at, near: 5, list: null, topic: null });
      expect(bands.counts).toEqual(plan.counts);
      expect(bands.above.map((s) => s.index)).toEqual(plan.above.map((r) => r.index));
      expect(bands.nearMisses.map((m) => [m.summary.index, m.gap])).toEqual(plan.nearMisses.map((m) => [m.result.index, m.gap]));
    }
  });

  it('flaggedAccountsOf is the report\'s order, and counts by code add up to the flags it holds', () => {
    const entries = flaggedAccountsOf(analysis);
    const report = buildAuthenticityReport(analysis);
    expect(entries.map((e) => e.handle)).toEqual(report.results.map((r) => r.handle));
    expect(countFlags(entries)).toEqual(report.byCode);
    const some = entries.slice(0, 3).map((e) => e.account);
    expect(flaggedAccountsOf(analysis, some).map((e) => e.account).sort()).toEqual([...some].sort());
  });
});
