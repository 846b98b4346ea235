/**
 * Chooses the quantile of the imputation caps (scripts/lib/fit/imputation-bounds.ts) on real data
 * held out: caps are fitted on half of the dev.csv sides and half of genuine.csv (by a hash
 * of the position) plus the Digg population, and each candidate quantile is judged on the
 * other halves by the partial views an own export gives (scripts/lib/real-accounts.ts):
 * the median |score seen partially - full score|, averaged over the two views. Curves and
 * calibration are the shipped model's; only the caps change.
 *
 *   npx tsx scripts/choose-cap-quantile.ts [--model models/model-v2.json] [--shared ../shared]
 */
import fs from 'node:fs';
import path from 'node:path';
import { readKonect } from './lib/konect.js';
import { partialViews, readGenuine, readPeerIndexPairs, uniqueSides } from './lib/real-accounts.js';
import { datasetFromInteractions, splitEngagement } from '../src/engine/engagement-split.js';
import { emptyFeatureVector, featureVectorOf, type FeatureVector } from '../src/engine/features.js';
import { fitImputationBounds } from './lib/fit/imputation-bounds.js';
import { DIGG_SPLIT } from './lib/fit/spec-v2.js';
import { featureT, validateModel, type Model } from '../src/engine/model.js';
import { scoreFeatureVector } from '../src/engine/score.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const root = path.join(import.meta.dirname, '..');
const shared = path.resolve(opt('shared', path.join(root, '..', 'shared')));
const base = validateModel(JSON.parse(fs.readFileSync(opt('model', path.join(root, 'models', 'model-v2.json')), 'utf8')));

const sides = uniqueSides(readPeerIndexPairs(fs.readFileSync(path.join(shared, 'benchmarks/peerindex-pairs/dev.csv'), 'utf8')));
const genuine = readGenuine(fs.readFileSync(path.join(shared, 'data/labelled-accounts/genuine.csv')));
const diggFile = path.join(shared, 'data/engagement/digg-replies/out.munmun_digg_reply');
const split = splitEngagement(datasetFromInteractions(readKonect(fs.readFileSync(diggFile, 'utf8'), diggFile, 'reply'), 'digg'), DIGG_SPLIT.split, DIGG_SPLIT.windowDays, base);
const digg = Array.from(split.population, (i) => featureVectorOf(split.table.features, i));

const half = (i: number): number => (Math.imul(i + 1, 2654435761) >>> 0) % 2;
const logValues = (m: Model, fv: FeatureVector) => Float64Array.from(m.features, (f) => featureT(f, fv.value[f.name]));
const train = (xs: FeatureVector[]) => xs.filter((_, i) => half(i) === 0);
const test = (xs: FeatureVector[]) => xs.filter((_, i) => half(i) === 1);
const views = partialViews(test(sides), test(genuine));

/** Median |partial - full| and median (partial - full) of a view. */
function judge(model: Model, accounts: FeatureVector[], drop: string[]): { abs: number; bias: number } {
  const d = accounts.map((fv) => {
    const part = emptyFeatureVector();
    for (const f of Object.keys(fv.value) as (keyof FeatureVector['value'])[]) {
      if (drop.includes(f)) continue;
      part.value[f] = fv.value[f];
      part.source[f] = fv.source[f];
    }
    return scoreFeatureVector(model, part).score - scoreFeatureVector(model, fv).score;
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  return { abs: median(d.map(Math.abs)), bias: median(d) };
}

console.log(`held-out halves: ${views.map((v) => `${v.name} (${v.accounts.length})`).join('; ')}`);
console.log(['caps', ...views.flatMap((v) => [`${v.name.split(' ')[0]} median |d|`, 'median d']), 'mean of median |d|'].join(' | '));
for (const q of [null, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95]) {
  const m = structuredClone(base);
  if (q === null) delete m.imputation.bounds;
  else {
    const rows = (xs: FeatureVector[]) => xs.map((fv) => logValues(m, fv));
    m.imputation.bounds = fitImputationBounds(m.features, [{ name: 'dev.csv', rows: rows(train(sides)) }, { name: 'genuine.csv', rows: rows(train(genuine)) }, { name: 'digg', rows: rows(digg) }], { quantile: q, bins: 12, minAccounts: 200 });
  }
  const results = views.map((v) => judge(m, v.accounts, v.drop));
  const mean = results.reduce((s, r) => s + r.abs, 0) / results.length;
  console.log([q === null ? 'none' : String(q), ...results.flatMap((r) => [r.abs.toFixed(2), r.bias.toFixed(2)]), mean.toFixed(2)].join(' | '));
}
