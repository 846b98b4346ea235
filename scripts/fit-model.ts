/**
 * Fits model v2 on real data only (engine/fit/real-data.ts) and writes the model file with
 * its provenance: data files and their sha256, splits, cross-validated results, baselines.
 *
 *   npx tsx scripts/fit-model.ts [--out models/model-v2.json] [--folds 5] [--ablation] [--shared ../shared]
 *
 * Data (read from --shared, default ../shared beside the checkout):
 *   benchmarks/peerindex-pairs/dev.csv                 human judgements (stage 1)
 *   data/engagement/digg-replies/out.munmun_digg_reply real replies, split 2008-11-06 (stage 2)
 *   data/labelled-accounts/genuine.csv                 declared counts of genuine accounts (calibration)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parsePairs } from '../src/inputs/pairs.js';
import { peerIndexFeatures } from '../src/engine/peerindex.js';
import { readKonect } from './lib/konect.js';
import { datasetFromInteractions, splitEngagement } from '../src/engine/engagement-split.js';
import { emptyFeatureVector, type FeatureVector } from '../src/engine/features.js';
import { fitRealModel, type RealData } from './lib/fit/real-data.js';
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

const files = {
  pairs: path.join(shared, 'benchmarks/peerindex-pairs/dev.csv'),
  digg: path.join(shared, 'data/engagement/digg-replies/out.munmun_digg_reply'),
  genuine: path.join(shared, 'data/labelled-accounts/genuine.csv'),
};
const bytes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(f)])) as Record<keyof typeof files, Buffer>;
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

const parsed = parsePairs(bytes.pairs.toString('utf8'), 'dev.csv');
if (parsed.format !== 'peerindex') throw new Error('dev.csv: expected the PeerIndex format');
const pairs = parsed.pairs.map((p) => ({ a: peerIndexFeatures(p.a), b: peerIndexFeatures(p.b), winner: p.winner }));

const diggRows = readKonect(bytes.digg.toString('utf8'), files.digg, 'reply');
const digg = datasetFromInteractions(diggRows, 'digg');

/** A genuine.csv row (Twitter API user object, April 2017) as declared features. */
function genuineAccount(r: Record<string, string>, asOf: number): FeatureVector | null {
  const num = (k: string) => (r[k] === undefined || r[k] === '' ? NaN : Number(r[k]));
  const followers = num('followers_count');
  const following = num('friends_count');
  const listed = num('listed_count');
  if (!Number.isFinite(followers) || !Number.isFinite(following) || !Number.isFinite(listed)) return null;
  const fv = emptyFeatureVector();
  const put = (k: keyof FeatureVector['value'], v: number) => {
    fv.value[k] = v;
    fv.source[k] = 'declared';
  };
  put('followers', followers);
  put('listed', listed);
  put('following', following);
  put('follower_ratio', followers / Math.max(1, following));
  const created = Date.parse(r['created_at'] ?? '');
  const statuses = num('statuses_count');
  if (Number.isFinite(created) && Number.isFinite(statuses) && asOf > created) put('posts_per_day', statuses / ((asOf - created) / 86_400_000));
  return fv;
}
const genuineRows = parse(bytes.genuine, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
const genuine = genuineRows.map((r) => genuineAccount(r, Date.UTC(2017, 3, 30))).filter((fv): fv is FeatureVector => fv !== null);

function run(spec: typeof MODEL_V2_SPEC, foldsN: number, withModel: boolean) {
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
  };
  void withModel;
  return fitRealModel(spec, data, foldsN, {
    version: '2.0.0',
    description: 'influence score model 2.0.0: additive monotone curves in log space fitted on real data only: declared features by Bradley-Terry on the PeerIndex dev pairs (2,727 human judgements), event features by Bradley-Terry on the KONECT Digg replies (accounts ordered by their distinct engagers after 2008-11-06, every other curve held fixed), calibrated on genuine Twitter accounts (Cresci et al. 2017) and the Digg accounts to Klout\'s published shape',
    provenance: {
      command: 'npx tsx scripts/fit-model.ts --out models/model-v2.json',
      tool: 'influence 0.1.0',
      data: [
        { file: 'benchmarks/peerindex-pairs/dev.csv', sha256: sha(bytes.pairs), use: 'stage 1: declared features (Bradley-Terry on human judgements)', pairs: pairs.length },
        { file: 'data/engagement/digg-replies/out.munmun_digg_reply', sha256: sha(bytes.digg), use: `stage 2: event features; split ${new Date(DIGG_SPLIT.split).toISOString()}, window ${DIGG_SPLIT.windowDays} days, population: accounts with >= 1 distinct engager in the window`, rows: diggRows.length },
        { file: 'data/labelled-accounts/genuine.csv', sha256: sha(bytes.genuine), use: 'calibration population (declared counts), weighted equally with the Digg population', accounts: genuine.length },
      ],
    },
  });
}

import { featureVectorOf } from '../src/engine/features.js';
function featureOf(e: ReturnType<typeof splitEngagement>, i: number): FeatureVector {
  return featureVectorOf(e.table.features, i);
}

const variant = process.env['FIT_VARIANT'] ? (JSON.parse(process.env['FIT_VARIANT']) as Partial<typeof MODEL_V2_SPEC> & { stages?: Record<string, 'pairs' | 'engagement'>; scales?: Record<string, number> }) : {};
const base0 = { ...MODEL_V2_SPEC, ...variant, features: MODEL_V2_SPEC.features.map((f) => ({ ...f, stage: variant.stages?.[f.name] ?? f.stage, scale: variant.scales?.[f.name] ?? f.scale })) };
const spec = only ? { ...base0, features: base0.features.filter((f) => f.name !== only) } : base0;
const started = Date.now();
const report = run(spec, folds, true);
const summary = (label: string, r: typeof report) =>
  `${label.padEnd(22)} dev.csv CV AUC ${r.pairs.auc.toFixed(4)} (folds ${r.pairs.foldAuc.join(' ')}; in-sample ${r.pairs.inSampleAuc}; listed alone ${r.pairs.listedAlone}, followers alone ${r.pairs.followersAlone})  Digg CV Spearman ${r.engagement.spearman.toFixed(4)} vs past engagers ${r.engagement.baseline.toFixed(4)} (in-sample ${r.engagement.inSample}, n ${r.engagement.population})`;
console.log(summary(only ? `without ${only}` : 'model', report));
console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
      'dev.csv': { auc: report.pairs.auc, foldAuc: report.pairs.foldAuc, inSampleAuc: report.pairs.inSampleAuc, baselines: { listed: report.pairs.listedAlone, followers: report.pairs.followersAlone }, folds: 'pair i in fold i mod 5' },
      digg: { spearman: report.engagement.spearman, foldSpearman: report.engagement.foldSpearman, baseline: { pastEngagers: report.engagement.baseline, foldBaseline: report.engagement.foldBaseline }, inSample: report.engagement.inSample, population: report.engagement.population, folds: 'accounts in hashed order, position mod 5; pairs within training folds; Spearman of the raw total with distinct engagers after the split, per test fold, averaged' },
    },
    calibration: `quantiles of genuine.csv accounts (${genuine.length}) and the Digg population (${report.engagement.population}), each population weighted equally, mapped to Klout's shape`,
  };
  fs.writeFileSync(out, `${JSON.stringify(m, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
