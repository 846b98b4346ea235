/**
 * Fits models/audience-v1.json on ../shared/data/labelled-accounts and reports how well it
 * does, out of fold: per true class and per source file, the confusion of verdicts, the
 * single-feature baselines at the same false-flag rate, the model on poorer exports
 * (columns hidden at prediction time), and leave-one-source-out (each bot family and the
 * fake followers judged by a model that never saw them).
 *
 *   npx tsx scripts/fit-audience.ts [--data DIR] [--out FILE] [--date YYYY-MM-DD] [--k 5] [--report FILE]
 *
 * Deterministic: the same files and options give the same model file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AUDIENCE_FIT_DEFAULTS, fitAudienceModel } from './lib/audience/fit.js';
import {
  confusion,
  crossValidateAudience,
  outOfFoldClasses,
  singleFeatureBaseline,
  subsetWithout,
  type ConfusionRow,
  type FeatureMask,
  type LabelledSet,
} from './lib/audience/evaluate.js';
import { applyAudienceModel, type AudienceClass } from '../src/engine/audience/model.js';
import { decideClass } from '../src/engine/audience/classify.js';
import type { ProfileFeature } from '../src/engine/audience/features.js';
import { LABELLED_AS_OF, readLabelledAccounts, toLabelledSet } from './lib/audience/labelled-accounts.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(ROOT, '..', 'shared/data/labelled-accounts') },
    out: { type: 'string', default: path.join(ROOT, 'models/audience-v1.json') },
    date: { type: 'string', default: '2026-12-06' },
    k: { type: 'string', default: '5' },
    report: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'lambda-archetype': { type: 'string' },
    quick: { type: 'boolean', default: false },
    'per-source': { type: 'boolean', default: false },
  },
});

const k = Number(args.k);
const options = { ...AUDIENCE_FIT_DEFAULTS, ...(args['lambda-archetype'] ? { lambdaArchetype: Number(args['lambda-archetype']) } : {}) };
const { accounts, files } = readLabelledAccounts(args.data!);
const set = toLabelledSet(accounts, LABELLED_AS_OF, { archetypes: args['per-source'] ? 'per-source' : 'per-class' });
const lines: string[] = [];
const say = (s = ''): void => void lines.push(s);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

// --- cross-validation of the full procedure
const cv = crossValidateAudience(set, options, k);
const oof = outOfFoldClasses(set, cv);
const full = confusion(set, oof);

function table(rows: ConfusionRow[]): void {
  say('| set | n | real | suspicious | fake | bot | unknown | flagged |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) say(`| ${r.name} | ${r.n} | ${r.counts.real} | ${r.counts.suspicious} | ${r.counts.fake} | ${r.counts.bot} | ${r.counts.unknown} | ${pct(r.flagged)} |`);
}

say(`# Audience model: ${k}-fold cross-validation (stratified by source file)`);
say();
say(`${set.x.length} labelled accounts; as-of ${new Date(LABELLED_AS_OF).toISOString().slice(0, 10)}; "flagged" = suspicious, fake or bot.`);
say();
table([...full.byClass, ...full.bySource]);

// --- poorer exports: hide columns at prediction time
const VARIANTS: { name: string; hide: FeatureMask }[] = [
  { name: 'all profile columns', hide: [] },
  { name: 'no created_at (or no as-of)', hide: ['ageDays', 'postsPerDay'] },
  { name: 'no likes_given', hide: ['likesGiven', 'likesPerPost'] },
  { name: 'no likes_given, no created_at', hide: ['likesGiven', 'likesPerPost', 'ageDays', 'postsPerDay'] },
  { name: 'no default_avatar, bio, url, location', hide: ['defaultAvatar', 'noBio', 'hasUrl', 'hasLocation'] },
  { name: 'counts only (followers, following, posts, listed)', hide: ['likesGiven', 'likesPerPost', 'ageDays', 'postsPerDay', 'defaultAvatar', 'noBio', 'hasUrl', 'hasLocation', 'verified'] },
  { name: 'followers and following only', hide: ['posts', 'listed', 'likesGiven', 'likesPerPost', 'ageDays', 'postsPerDay', 'defaultAvatar', 'noBio', 'hasUrl', 'hasLocation', 'verified'] },
];
const variants = VARIANTS.map((v) => ({ ...v, result: confusion(set, v.hide.length ? outOfFoldClasses(set, cv, v.hide) : oof) }));
say();
say('## Poorer exports (same models, columns hidden when predicting)');
say();
say(`| columns | genuine flagged | fake caught | bots caught | ${set.sources.filter((s) => s !== 'genuine' && s !== 'fake_followers').join(' | ')} |`);
say(`|---|---:|---:|---:|${set.sources.filter((s) => s !== 'genuine' && s !== 'fake_followers').map(() => '---:').join('|')}|`);
for (const v of variants) {
  const bots = v.result.bySource.filter((r) => r.name !== 'genuine' && r.name !== 'fake_followers');
  say(`| ${v.name} | ${pct(v.result.byClass[0]!.flagged)} | ${pct(v.result.byClass[1]!.flagged)} | ${pct(v.result.byClass[2]!.flagged)} | ${bots.map((b) => pct(b.flagged)).join(' | ')} |`);
}

// --- baselines: one feature, one threshold, at the model's false-flag target
const BASELINES: ProfileFeature[] = args.quick ? [] : ['followRatio', 'following', 'followers', 'posts', 'listed', 'likesGiven', 'ageDays', 'defaultAvatar', 'noBio'];
const rate = options.realFlagRate;
const baselines = BASELINES.map((f) => singleFeatureBaseline(set, cv.folds, k, f, rate));
say();
say(`## Single-feature baselines (threshold at ${pct(rate)} of genuine training accounts flagged, out of fold)`);
say();
say(`| feature | direction | genuine flagged | fake caught | bots caught | ${set.sources.filter((s) => s !== 'genuine' && s !== 'fake_followers').join(' | ')} |`);
say(`|---|---|---:|---:|---:|${set.sources.filter((s) => s !== 'genuine' && s !== 'fake_followers').map(() => '---:').join('|')}|`);
for (const b of baselines) {
  const bots = set.sources.filter((s) => s !== 'genuine' && s !== 'fake_followers');
  say(`| ${b.feature} | ${b.direction} | ${pct(b.flaggedByClass.real)} | ${pct(b.flaggedByClass.fake)} | ${pct(b.flaggedByClass.bot)} | ${bots.map((s) => pct(b.flaggedBySource[s]!)).join(' | ')} |`);
}

// --- leave one source out: a family the model never saw
say();
say('## Leave one source out (fitted without the file, genuine split by the same folds)');
say();
say('| held-out source | n | caught (flagged) | as fake | as bot | as suspicious | genuine flagged |');
say('|---|---:|---:|---:|---:|---:|---:|');
const loso: Record<string, unknown>[] = [];
for (const held of set.sources.filter((s) => s !== 'genuine')) {
  const h = set.sources.indexOf(held);
  const g = set.sources.indexOf('genuine');
  // train on every other source plus the genuine accounts outside fold 0; test on the held-out source and genuine fold 0
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < set.x.length; i++) {
    if (set.source[i] === h) test.push(i);
    else if (set.source[i] === g && cv.folds[i] === 0) test.push(i);
    else train.push(i);
  }
  const model = fitAudienceModel(subsetWithout(set, train, held), options, { version: 'loso', description: '', provenance: {} });
  const counts: Record<AudienceClass, number> = { real: 0, suspicious: 0, fake: 0, bot: 0, unknown: 0 };
  let genuineFlagged = 0;
  let genuineN = 0;
  for (const i of test) {
    const cls = decideClass(model, applyAudienceModel(model, set.x[i]!)).class;
    if (set.source[i] === h) counts[cls]++;
    else {
      genuineN++;
      if (cls !== 'real') genuineFlagged++;
    }
  }
  const n = counts.real + counts.suspicious + counts.fake + counts.bot + counts.unknown;
  const caught = (counts.suspicious + counts.fake + counts.bot) / n;
  loso.push({ source: held, n, caught: Number(caught.toFixed(4)), counts, genuineFlagged: Number((genuineFlagged / genuineN).toFixed(4)) });
  say(`| ${held} | ${n} | ${pct(caught)} | ${counts.fake} | ${counts.bot} | ${counts.suspicious} | ${pct(genuineFlagged / genuineN)} |`);
}

// --- the shipped model: fitted on everything
const model = fitAudienceModel(set as LabelledSet, options, {
  version: 'audience-1.1.0',
  description:
    'influence audience model 1.0.0: multinomial logistic regression (real / fake / bot) over profile features, fitted on the Cresci et al. 2017 labelled Twitter accounts (profiles of April 2017); decisions on P(real) at thresholds chosen for 2% (real) and 0.8% (fake/bot) of genuine accounts flagged',
  provenance: {
    command: `npx tsx scripts/fit-audience.ts --date ${args.date} --k ${k}`,
    date: args.date,
    data: files.map((f) => ({ file: f.file, label: ['real', 'fake', 'bot'][f.label], sha256: f.sha256, rows: f.rows })),
    source: 'Cresci et al. 2017, "The paradigm-shift of social spambots" (WWW\'17 companion), MIB datasets; profiles re-fetched April 2017 (github.com/chloechen1995/Fake_Twitter_Account_Detection @56ed954)',
    asOf: new Date(LABELLED_AS_OF).toISOString(),
    priors: 'equal prior odds of real, fake and bot: each class weighs the same in the fit, each bot source file the same within the bots',
    options: { ...options, signs: undefined },
    signs: options.signs,
    crossValidation: {
      folds: k,
      stratifiedBy: 'source file',
      byClass: full.byClass,
      bySource: full.bySource,
      poorerExports: variants.map((v) => ({ name: v.name, hidden: v.hide, byClass: v.result.byClass.map((r) => ({ name: r.name, flagged: r.flagged })) })),
    },
    baselines,
    leaveOneSourceOut: loso,
  },
});
say();
say('## Shipped model (fitted on all files)');
say();
say(`mass-follower: following ${model.massFollowing} or more -> suspicious`);
say();
say('| likes given known | age known | posts known | real if P(real) >= | fake/bot if P(real) < |');
say('|---|---|---|---:|---:|');
for (const t of model.submodels) say(`| ${t.likes} | ${t.age} | ${t.posts} | ${t.real} | ${t.flag} |`);
for (const sub of model.submodels.filter((s) => s.posts)) {
  say();
  say(`### Sub-model: likes given ${sub.likes ? 'known' : 'unknown'}, age ${sub.age ? 'known' : 'unknown'}, posts known`);
  say();
  say(`| feature | mean | scale | ${sub.archetypes.map((a) => `${a.name} (${a.class})`).join(' | ')} |`);
  say(`|---|---:|---:|${sub.archetypes.map(() => '---:').join('|')}|`);
  say(`| intercept | | | ${sub.archetypes.map((a) => a.intercept).join(' | ')} |`);
  model.features.forEach((f, j) => say(`| ${f.name} | ${f.mean} | ${f.scale} | ${sub.archetypes.map((a) => a.weights[j]).join(' | ')} |`));
}

const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (args.report) fs.writeFileSync(args.report, text);
if (!args['no-write']) fs.writeFileSync(args.out!, `${JSON.stringify(model, null, 2)}\n`);
