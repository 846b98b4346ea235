/**
 * The real-data targets of issue 10, recomputed from ../shared (skipped if absent):
 * dev.csv 5-fold CV (the whole two-stage fit, as recorded in the shipped model file), and
 * the Digg replies split at 2008-11-06 (window 9 days) against past distinct engagers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../helpers/cli.js';
import { shippedModel } from '../helpers/model.js';
import { parsePairs } from '../../src/inputs/pairs.js';
import { peerIndexFeatures } from '../../src/engine/peerindex.js';
import { evaluatePairs } from '../../src/engine/fit/pairs.js';
import { datasetFromInteractions, evaluateEngagement, splitEngagement } from '../../src/engine/engagement-split.js';
import { DIGG_SPLIT } from '../../scripts/lib/fit/spec-v2.js';
import { readKonect } from '../../scripts/lib/konect.js';

const devCsv = path.join(SHARED, 'benchmarks/peerindex-pairs/dev.csv');
const digg = path.join(SHARED, 'data/engagement/digg-replies/out.munmun_digg_reply');
const present = fs.existsSync(devCsv) && fs.existsSync(digg);
const model = shippedModel();
const recorded = model.provenance['cv'] as { 'dev.csv': { auc: number; inSampleAuc: number; baselines: { listed: number } }; digg: { spearman: number; baseline: { pastEngagers: number } } };

describe.skipIf(!present)('real data (../shared)', () => {
  it('dev.csv: the shipped model reproduces its recorded in-sample AUC and beats listed alone', () => {
    const parsed = parsePairs(fs.readFileSync(devCsv, 'utf8'), 'dev.csv');
    if (parsed.format !== 'peerindex') throw new Error('format');
    const pairs = parsed.pairs.map((p) => ({ a: peerIndexFeatures(p.a), b: peerIndexFeatures(p.b), winner: p.winner }));
    const e = evaluatePairs(model, pairs);
    expect(e.auc).toBeCloseTo(recorded['dev.csv'].inSampleAuc, 3);
    expect(e.baselines.listed).toBeCloseTo(0.8598, 3);
    // recorded 5-fold CV (scripts/fit-model.ts): the target, listed alone + 0.015
    // (model 2.2.0: 0.8749, README "Measured")
    expect(recorded['dev.csv'].auc).toBeGreaterThanOrEqual(e.baselines.listed + 0.015);
  });

  it('Digg replies split at 2008-11-06: Spearman >= past distinct engagers + 0.02', () => {
    const ds = datasetFromInteractions(readKonect(fs.readFileSync(digg, 'utf8'), digg, 'reply'));
    const rep = evaluateEngagement(splitEngagement(ds, DIGG_SPLIT.split, DIGG_SPLIT.windowDays, model));
    expect(rep.asOf).toBe(Date.UTC(2008, 10, 5, 23, 59, 59));
    expect(rep.population).toBe(9824);
    expect(rep.baseline.pastEngagers).toBeCloseTo(0.3194, 3);
    expect(rep.spearman).toBeGreaterThanOrEqual(rep.baseline.pastEngagers + 0.02);
    // the recorded cross-validated number says the same
    expect(recorded.digg.spearman).toBeGreaterThanOrEqual(recorded.digg.baseline.pastEngagers + 0.02);
  });
});
