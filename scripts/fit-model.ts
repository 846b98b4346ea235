/**
 * Fits model v2 on real data only (scripts/lib/fit/real-data.ts) and writes the model file with
 * its provenance: data files and their sha256, splits, cross-validated results, baselines.
 *
 *   npx tsx scripts/fit-model.ts [--out models/model-v2.json] [--folds 5] [--ablation] [--shared ../shared]
 *                                [--fold-seed S] [--repeat N]
 *
 * --fold-seed S: the dev.csv folds dealt in an order hashed with S (0, the default, is the
 * recorded protocol: pair i in fold i mod 5). --repeat N: besides the recorded folds, the
 * dev.csv CV repeated with fold seeds 1..N (engagement CV skipped), reported as mean and
 * spread, so that a difference between two variants can be told from the luck of one split.
 *
 * Data (read from --shared, default ../shared beside the checkout):
 *   benchmarks/peerindex-pairs/dev.csv                 human judgements (stage 1)
 *   data/engagement/digg-replies/out.munmun_digg_reply real replies, split 2008-11-06 (stage 2)
 *   data/labelled-accounts/genuine.csv                 declared counts of genuine accounts (calibration)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { peerIndexFeatures } from '../src/engine/peerindex.js';
import { readKonect } from './lib/konect.js';
import { partialViews, readGenuine, readPeerIndexPairs, uniqueSides } from './lib/real-accounts.js';
import { datasetFromInteractions, splitEngagement } from '../src/engine/engagement-split.js';
import { fitRealModel, viewCoverage, type CvOptions, type PartialView, type RealData, type RealFeatureSpec } from './lib/fit/real-data.js';
import { MODEL_V2_SPEC, DIGG_SPLIT } from './lib/fit/spec-v2.js';
import type { Model } from '../src/engine/model.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const shared = path.resolve(opt('shared', path.join(import.meta.dirname, '..', '..', 'shared')));
const out = opt('out', '');
const folds = Number(opt('folds', '5'));
const ablation = args.includes('--ablation');
const only = opt('without', '');
const foldSeed = Number(opt('fold-seed', '0'));
const repeat = Number(opt('repeat', '0'));

const files = {
  pairs: path.join(shared, 'benchmarks/peerindex-pairs/dev.csv'),
  digg: path.join(shared, 'data/engagement/digg-replies/out.munmun_digg_reply'),
  genuine: path.join(shared, 'data/labelled-accounts/genuine.csv'),
};
const bytes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(f)])) as Record<keyof typeof files, Buffer>;
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

const parsed = readPeerIndexPairs(bytes.pairs.toString('utf8'));
const pairs = parsed.pairs.map((p) => ({ a: peerIndexFeatures(p.a), b: peerIndexFeatures(p.b), winner: p.winner }));

const diggRows = readKonect(bytes.digg.toString('utf8'), files.digg, 'reply');
const digg = datasetFromInteractions(diggRows, 'digg');

const genuine = readGenuine(bytes.genuine);
const devAccounts = uniqueSides(parsed);
const PARTIAL_VIEWS: PartialView[] = partialViews(devAccounts, genuine);

function run(spec: typeof MODEL_V2_SPEC, foldsN: number, withModel: boolean, cv: CvOptions = { pairFoldSeed: foldSeed }) {
  // the engagement split needs only the network parameters of a model: any model with the spec's
  const probe: Model = { schema: 1, version: 'probe', description: '', provenance: {}, units: {}, features: [], imputation: { method: '', maxFactor: 2.5 }, calibration: { totals: [0, 1], scores: [1, 100], max: 100 }, subscoreCalibration: { reach: { totals: [0, 1], scores: [0, 100], max: 100 }, amplification: { totals: [0, 1], scores: [0, 100], max: 100 }, network: { totals: [0, 1], scores: [0, 100], max: 100 } }, network: spec.network };
  const engagement = splitEngagement(digg, DIGG_SPLIT.split, DIGG_SPLIT.windowDays, probe);
  const data: RealData = {
    pairs,
    engagement,
    calibration: [
      { name: 'genuine', accounts: genuine },
      { name: 'digg', accounts: Array.from(engagement.population, (i) => featureOf(engagement, i)) },
    ],
    boundPopulations: [{ name: 'genuine.csv', accounts: genuine }],
    subscorePopulations: [{ name: 'dev.csv accounts', accounts: devAccounts }],
    views: PARTIAL_VIEWS,
  };
  void withModel;
  return fitRealModel(spec, data, foldsN, {
    version: '2.2.0',
    description: 'influence score model 2.2.0: additive monotone curves in log space fitted on real data only: declared features by Bradley-Terry on the PeerIndex dev pairs (2,727 human judgements), event features by Bradley-Terry on the KONECT Digg replies (accounts ordered by their distinct engagers after 2008-11-06, every other curve held fixed), calibrated on genuine Twitter accounts (Cresci et al. 2017) and the Digg accounts to Klout\'s published shape; imputed values capped at the upper quartile of real accounts with the same evidence (dev.csv, genuine.csv, Digg), the interval scaled so that real accounts seen through an archive are covered 80% of the time',
    provenance: {
      command: 'npx tsx scripts/fit-model.ts --out models/model-v2.json',
      tool: 'influence 0.1.0',
      data: [
        { file: 'benchmarks/peerindex-pairs/dev.csv', sha256: sha(bytes.pairs), use: 'stage 1: declared features (Bradley-Terry on human judgements)', pairs: pairs.length },
        { file: 'data/engagement/digg-replies/out.munmun_digg_reply', sha256: sha(bytes.digg), use: `stage 2: event features; split ${new Date(DIGG_SPLIT.split).toISOString()}, window ${DIGG_SPLIT.windowDays} days, population: accounts with >= 1 distinct engager in the window`, rows: diggRows.length },
        { file: 'data/labelled-accounts/genuine.csv', sha256: sha(bytes.genuine), use: 'calibration population (declared counts), weighted equally with the Digg population', accounts: genuine.length },
      ],
    },
  }, cv);
}

import { featureVectorOf, type FeatureVector } from '../src/engine/features.js';
function featureOf(e: ReturnType<typeof splitEngagement>, i: number): FeatureVector {
  return featureVectorOf(e.table.features, i);
}

// FIT_VARIANT='{"curve": {...}, "add": [feature spec], "stages": {...}, "scales": {...}}': a variant of the spec (README "Measured": every variant tried)
const variant = process.env['FIT_VARIANT'] ? (JSON.parse(process.env['FIT_VARIANT']) as Partial<typeof MODEL_V2_SPEC> & { stages?: Record<string, 'pairs' | 'engagement'>; scales?: Record<string, number>; add?: RealFeatureSpec[] }) : {};
const base0 = { ...MODEL_V2_SPEC, ...variant, features: [...MODEL_V2_SPEC.features, ...(variant.add ?? [])].map((f) => ({ ...f, stage: variant.stages?.[f.name] ?? f.stage, scale: variant.scales?.[f.name] ?? f.scale })) };
const spec = only ? { ...base0, features: base0.features.filter((f) => f.name !== only) } : base0;
const started = Date.now();
const report = run(spec, folds, true);
const summary = (label: string, r: typeof report) =>
  `${label.padEnd(22)} dev.csv CV AUC ${r.pairs.auc.toFixed(4)} (folds ${r.pairs.foldAuc.join(' ')}; in-sample ${r.pairs.inSampleAuc}; listed alone ${r.pairs.listedAlone}, followers alone ${r.pairs.followersAlone})  Digg CV Spearman ${r.engagement.spearman.toFixed(4)} vs past engagers ${r.engagement.baseline.toFixed(4)} (in-sample ${r.engagement.inSample}, n ${r.engagement.population})`;
console.log(summary(only ? `without ${only}` : 'model', report));
const coverage = viewCoverage(report.model, PARTIAL_VIEWS);
console.log(`  interval: imputed variance x ${report.model.imputation.varianceScale ?? 1}; 80% interval covers the full score of ${PARTIAL_VIEWS.map((v, k) => `${v.name} ${(coverage[k]! * 100).toFixed(1)}%`).join(', ')}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
let repeated: { seeds: string; auc: number[]; mean: number; sd: number } | null = null;
if (repeat > 0) {
  const aucs: number[] = [];
  for (let seed = 1; seed <= repeat; seed++) {
    const r = run(spec, folds, false, { pairFoldSeed: seed, engagementCv: false });
    aucs.push(r.pairs.auc);
    console.log(`  fold seed ${seed}: dev.csv CV AUC ${r.pairs.auc.toFixed(4)} (folds ${r.pairs.foldAuc.join(' ')})`);
  }
  const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
  const sd = Math.sqrt(aucs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, aucs.length - 1));
  console.log(`  repeated CV, fold seeds 1-${repeat}: dev.csv AUC mean ${mean.toFixed(4)}, sd ${sd.toFixed(4)}, range ${Math.min(...aucs).toFixed(4)}-${Math.max(...aucs).toFixed(4)}`);
  repeated = { seeds: `1-${repeat} (pairs dealt in an order hashed with the seed, position mod ${folds}; --fold-seed)`, auc: aucs, mean: Number(mean.toFixed(4)), sd: Number(sd.toFixed(4)) };
}
if (ablation) {
  for (const f of spec.features) {
    const r = run({ ...spec, features: spec.features.filter((g) => g.name !== f.name) }, folds, false);
    console.log(summary(`without ${f.name}`, r));
  }
}
if (out) {
  const m = report.model;
  m.provenance = {
    ...m.provenance,
    folds,
    cv: {
      'dev.csv': { auc: report.pairs.auc, foldAuc: report.pairs.foldAuc, inSampleAuc: report.pairs.inSampleAuc, baselines: { listed: report.pairs.listedAlone, followers: report.pairs.followersAlone }, folds: foldSeed === 0 ? 'pair i in fold i mod 5' : `pairs dealt in an order hashed with seed ${foldSeed}, position mod ${folds}`, ...(repeated ? { repeated } : {}) },
      digg: { spearman: report.engagement.spearman, foldSpearman: report.engagement.foldSpearman, baseline: { pastEngagers: report.engagement.baseline, foldBaseline: report.engagement.foldBaseline }, inSample: report.engagement.inSample, population: report.engagement.population, folds: 'accounts in hashed order, position mod 5; pairs within training folds; Spearman of the raw total with distinct engagers after the split, per test fold, averaged' },
    },
    interval: {
      varianceScale: m.imputation.varianceScale ?? 1,
      target: 'the 80% interval of real accounts seen partially holds their full-data score 80% of the time, views weighted equally',
      views: PARTIAL_VIEWS.map((v, k) => ({ name: v.name, accounts: v.accounts.length, dropped: v.drop, coverage: Math.round(coverage[k]! * 1000) / 1000 })),
    },
    imputationBounds: `${m.imputation.bounds?.length ?? 0} caps: for each pair of features measured together on >= ${MODEL_V2_SPEC.bounds?.minAccounts} real accounts (dev.csv sides, genuine.csv, the Digg population; each data set weighted equally), the ${MODEL_V2_SPEC.bounds?.quantile} quantile of one given the other in ${MODEL_V2_SPEC.bounds?.bins} groups, made non-decreasing`,
    calibration: `quantiles of genuine.csv accounts (${genuine.length}) and the Digg population (${report.engagement.population}), each population weighted equally, mapped to Klout's shape; each sub-score on the accounts of these and the dev.csv accounts (${devAccounts.length}) that measure at least one of its features, populations weighted equally`,
  };
  fs.writeFileSync(out, `${JSON.stringify(m, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
