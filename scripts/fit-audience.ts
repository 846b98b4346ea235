/**
 * Fits models/audience-v1.json on ../shared/data/labelled-accounts and reports how well it
 * does, out of fold: per true class and per source file, the confusion of verdicts, the
 * single-feature baselines at the same false-flag rate, the model on poorer exports
 * (columns hidden at prediction time), and leave-one-source-out (each bot family and the
 * fake followers judged by a model that never saw them), each against model 1.1.0's
 * decision rule on the same fitted weights, and the small grid the envelope's two numbers
 * (each edge's share of people, the total share flagged) were chosen on.
 *
 *   npx tsx scripts/fit-audience.ts [--data DIR] [--out FILE] [--date YYYY-MM-DD] [--k 5] [--report FILE]
 *
 * Deterministic: the same files and options give the same model file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AUDIENCE_FIT_DEFAULTS, fitAudienceModel, fitEnvelope, rethreshold, type AudienceFitOptions, type LabelledFeatures } from './lib/audience/fit.js';
import {
  confusion,
  crossValidateAudience,
  leaveOneSourceOutSplits,
  outOfFoldClasses,
  singleFeatureBaseline,
  subset,
  subsetWithout,
  type ConfusionRow,
  type FeatureMask,
  type LabelledSet,
} from './lib/audience/evaluate.js';
import { applyAudienceModel, outsideEnvelope, type AudienceClass, type AudienceModel } from '../src/engine/audience/model.js';
import { decideClass } from '../src/engine/audience/classify.js';
import type { ProfileFeature } from '../src/engine/audience/features.js';
import { LABELLED_AS_OF, readLabelledAccounts, toLabelledSet } from './lib/audience/labelled-accounts.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(ROOT, '..', 'shared/data/labelled-accounts') },
    out: { type: 'string', default: path.join(ROOT, 'models/audience-v1.json') },
    date: { type: 'string', default: '2026-12-07' },
    k: { type: 'string', default: '5' },
    report: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'lambda-archetype': { type: 'string' },
    quick: { type: 'boolean', default: false },
    'per-source': { type: 'boolean', default: false },
  },
});

const k = Number(args.k);
const options: AudienceFitOptions = { ...AUDIENCE_FIT_DEFAULTS, ...(args['lambda-archetype'] ? { lambdaArchetype: Number(args['lambda-archetype']) } : {}) };
const { accounts, files } = readLabelledAccounts(args.data!);
const set = toLabelledSet(accounts, LABELLED_AS_OF, { archetypes: args['per-source'] ? 'per-source' : 'per-class' });
const lines: string[] = [];
const say = (s = ''): void => void lines.push(s);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

// --- cross-validation of the full procedure
const cv = crossValidateAudience(set, options, k);

// --- leave one source out: a family the model never saw
// train on every other source plus the genuine accounts outside fold 0; test on the held-out source and genuine fold 0
const losoRuns: { held: string; h: number; test: number[]; data: LabelledFeatures; model: AudienceModel }[] = leaveOneSourceOutSplits(set, cv.folds).map(({ held, h, train, test }) => {
  const data = subsetWithout(set, train, held);
  return { held, h, test, data, model: fitAudienceModel(data, options, { version: 'loso', description: '', provenance: {} }) };
});

interface LosoResult {
  source: string;
  n: number;
  caught: number;
  counts: Record<AudienceClass, number>;
  genuineFlagged: number;
}
function judgeLoso(run: { h: number; held: string; test: number[] }, model: AudienceModel): LosoResult {
  const counts: Record<AudienceClass, number> = { real: 0, suspicious: 0, fake: 0, bot: 0, unknown: 0 };
  let genuineFlagged = 0;
  let genuineN = 0;
  for (const i of run.test) {
    const cls = decideClass(model, applyAudienceModel(model, set.x[i]!)).class;
    if (set.source[i] === run.h) counts[cls]++;
    else {
      genuineN++;
      if (cls !== 'real') genuineFlagged++;
    }
  }
  const n = counts.real + counts.suspicious + counts.fake + counts.bot + counts.unknown;
  return { source: run.held, n, caught: Number(((counts.suspicious + counts.fake + counts.bot) / n).toFixed(4)), counts, genuineFlagged: Number((genuineFlagged / genuineN).toFixed(4)) };
}
/** The same fitted weights under another decision rule (envelope refitted at `opts`, thresholds re-chosen). */
function underRule(model: AudienceModel, train: LabelledFeatures, opts: AudienceFitOptions): AudienceModel {
  return rethreshold({ ...model, envelope: fitEnvelope(train, opts) }, train, opts);
}
/** Model 1.1.0's decision rule: no envelope, 1.8% of people below `real`, the mass-followers on top. */
const RULE_1_1: AudienceFitOptions = { ...options, envelope: [], realFlagRate: 0.018, budget: 'separate' };
const losoBefore = losoRuns.map((run) => judgeLoso(run, underRule(run.model, run.data, RULE_1_1)));
const cvFoldTrain = (f: number): LabelledFeatures => subset(set, [...cv.folds.keys()].filter((i) => cv.folds[i] !== f));
const oofUnder = (opts: AudienceFitOptions): AudienceClass[] => {
  const models = cv.models.map((m, f) => underRule(m, cvFoldTrain(f), opts));
  return set.x.map((row, i) => decideClass(models[cv.folds[i]!]!, applyAudienceModel(models[cv.folds[i]!]!, row)).class);
};
const before = confusion(set, oofUnder(RULE_1_1));
const meanOf = (rs: LosoResult[]): number => rs.reduce((a, r) => a + r.caught, 0) / rs.length;
const minOf = (rs: LosoResult[]): number => Math.min(...rs.map((r) => r.caught));

// --- the envelope's two numbers, on a small grid: judged by leave-one-source-out under the CV bar
const GRID = args.quick ? [] : [0.003, 0.004, 0.005].flatMap((envelopeRate) => [0.025, 0.027, 0.028].map((realFlagRate) => ({ envelopeRate, realFlagRate })));
const grid = GRID.map((g) => {
  const opts: AudienceFitOptions = { ...options, ...g };
  const cvRows = confusion(set, oofUnder(opts)).byClass;
  const l = losoRuns.map((run) => judgeLoso(run, underRule(run.model, run.data, opts)));
  const all = (cvRows[1]!.flagged * cvRows[1]!.n + cvRows[2]!.flagged * cvRows[2]!.n) / (cvRows[1]!.n + cvRows[2]!.n);
  return { ...g, genuine: cvRows[0]!.flagged, fake: cvRows[1]!.flagged, bot: cvRows[2]!.flagged, all, losoMean: meanOf(l), losoMin: minOf(l) };
});
/**
 * The shipped pair: among those meeting the CV bar with a tenth of a point to spare on people
 * (<= 2.9% flagged, >= 97% fake, >= 90% bots), those that also meet the held-back bar in
 * distribution (>= 95% of all non-genuine caught out of fold), the best leave-one-source-out
 * mean; without any such, the best LOSO mean under the CV bar; without that, the defaults.
 */
function choosePair(rows: typeof grid): (typeof grid)[number] | undefined {
  const cvBar = rows.filter((g) => g.genuine <= 0.029 && g.fake >= 0.97 && g.bot >= 0.9);
  const both = cvBar.filter((g) => g.all >= 0.95);
  const pool = both.length ? both : cvBar;
  return [...pool].sort((x, y) => y.losoMean - x.losoMean || x.realFlagRate - y.realFlagRate)[0];
}
const chosen = choosePair(grid);
if (chosen) Object.assign(options, { envelopeRate: chosen.envelopeRate, realFlagRate: chosen.realFlagRate });
// every table below is under the chosen pair: the fitted weights stay, the envelope and thresholds follow it
cv.models.forEach((m, f) => (cv.models[f] = underRule(m, cvFoldTrain(f), options)));
for (const run of losoRuns) run.model = underRule(run.model, run.data, options);
const loso = losoRuns.map((run) => judgeLoso(run, run.model));

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
  { name: 'no likes_given', hide: ['likesGiven', 'likesPerPost', 'likesPerFollowing'] },
  { name: 'no likes_given, no created_at', hide: ['likesGiven', 'likesPerPost', 'likesPerFollowing', 'ageDays', 'postsPerDay'] },
  { name: 'no default_avatar, bio, url, location', hide: ['defaultAvatar', 'noBio', 'hasUrl', 'hasLocation'] },
  { name: 'counts only (followers, following, posts, listed)', hide: ['likesGiven', 'likesPerPost', 'likesPerFollowing', 'ageDays', 'postsPerDay', 'defaultAvatar', 'noBio', 'hasUrl', 'hasLocation', 'verified'] },
  { name: 'followers and following only', hide: ['posts', 'listed', 'likesGiven', 'likesPerPost', 'likesPerFollowing', 'ageDays', 'postsPerDay', 'defaultAvatar', 'noBio', 'hasUrl', 'hasLocation', 'verified'] },
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
const BASELINES: ProfileFeature[] = args.quick ? [] : ['followRatio', 'following', 'followers', 'posts', 'listed', 'likesGiven', 'likesPerFollowing', 'ageDays', 'defaultAvatar', 'noBio'];
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

say();
say('## Leave one source out (fitted without the file, genuine split by the same folds)');
say();
say('Each held-out family is judged by a model that never saw it: the honest preview of a source no label covers. "1.1.0 rule" is the same fitted weights under model 1.1.0\'s decision rule (no envelope; 1.8% of people below the real threshold, the mass-followers on top).');
say();
say('| held-out source | n | caught (flagged) | as fake | as bot | as suspicious | genuine flagged | caught, 1.1.0 rule | genuine flagged, 1.1.0 rule |');
say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
loso.forEach((r, k) => {
  const b = losoBefore[k]!;
  say(`| ${r.source} | ${r.n} | ${pct(r.caught)} | ${r.counts.fake} | ${r.counts.bot} | ${r.counts.suspicious} | ${pct(r.genuineFlagged)} | ${pct(b.caught)} | ${pct(b.genuineFlagged)} |`);
});
say(`| mean over families | | ${pct(meanOf(loso))} | | | | | ${pct(meanOf(losoBefore))} | |`);

say();
say('## Before and after: 5-fold CV per source, model 1.1.0\'s rule against this one (same fitted weights)');
say();
say('| set | n | flagged, 1.1.0 rule | flagged, now |');
say('|---|---:|---:|---:|');
[...before.byClass, ...before.bySource].forEach((r) => {
  const now = [...full.byClass, ...full.bySource].find((x) => x.name === r.name)!;
  say(`| ${r.name} | ${r.n} | ${pct(r.flagged)} | ${pct(now.flagged)} |`);
});

if (grid.length) {
  say();
  say('## Choosing the envelope (each edge\'s share of people, and the total share of people flagged)');
  say();
  say('Same fitted weights; only the envelope and the thresholds change. The fit ships the pair with the best leave-one-source-out mean among those that meet the CV bar with a tenth of a point to spare on people (<= 2.9% genuine flagged, >= 97% fake, >= 90% bots) and the held-back bar in distribution (>= 95% of all non-genuine caught out of fold); without such a pair, the best LOSO mean under the CV bar. The tables above are chosen on these numbers, so they are slightly optimistic.');
  say();
  say('| edge share | total share | CV genuine flagged | CV fake caught | CV bots caught | CV all non-genuine | LOSO mean | LOSO worst | shipped |');
  say('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const g of grid) say(`| ${pct(g.envelopeRate)} | ${pct(g.realFlagRate)} | ${pct(g.genuine)} | ${pct(g.fake)} | ${pct(g.bot)} | ${pct(g.all)} | ${pct(g.losoMean)} | ${pct(g.losoMin)} | ${g === chosen ? 'yes' : ''} |`);
}

// --- the shipped model: fitted on everything
const model = fitAudienceModel(set as LabelledSet, options, {
  version: 'audience-1.4.0',
  description:
    `influence audience model 1.4.0: multinomial logistic regression (real / fake / bot) over profile features, fitted on the Cresci et al. 2017 labelled Twitter accounts (profiles of April 2017), plus the people's envelope (follower/following ratio, likes per post, likes a day, lists per follower; each edge at ${pct(options.envelopeRate)} of genuine accounts) for families no label covers; decisions on P(real) at thresholds chosen for ${pct(options.realFlagRate)} of genuine accounts flagged in all (mass-followers and envelope included) and ${pct(options.hardFlagRate)} called fake or bot`,
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
    leaveOneSourceOutUnderRule110: losoBefore.map((r) => ({ source: r.source, caught: r.caught, genuineFlagged: r.genuineFlagged })),
    envelopeGrid: grid.map((g) => ({ ...g, losoMean: Number(g.losoMean.toFixed(4)), losoMin: Number(g.losoMin.toFixed(4)) })),
  },
});
say();
say('## Shipped model (fitted on all files)');
say();
say(`mass-follower: following ${model.massFollowing} or more -> suspicious`);
say();
say('The people\'s envelope: an account the logit calls real but beyond an edge is suspicious. In-sample share of each file beyond it:');
say();
say(`| measure | suspicious when | threshold | people beyond (training) | ${set.sources.join(' | ')} |`);
say(`|---|---|---:|---:|${set.sources.map(() => '---:').join('|')}|`);
for (const r of model.envelope ?? []) {
  const beyond = set.sources.map((_, si) => {
    let n = 0;
    let hit = 0;
    set.x.forEach((row, i) => {
      if (set.source[i] !== si) return;
      n++;
      if (outsideEnvelope({ ...model, envelope: [r] }, row).length) hit++;
    });
    return pct(hit / n);
  });
  say(`| ${r.measure} | ${r.direction} | ${r.threshold} | ${pct(r.peopleBeyond)} | ${beyond.join(' | ')} |`);
}
const inSample = confusion(set, set.x.map((row) => decideClass(model, applyAudienceModel(model, row)).class));
say();
say(`In-sample (the shipped model on the files it was fitted on; the product route, test/audience/labelled-route.test.ts, gives the same): genuine flagged ${pct(inSample.byClass[0]!.flagged)}, fake ${pct(inSample.byClass[1]!.flagged)}, bots ${pct(inSample.byClass[2]!.flagged)}, all non-genuine ${pct((inSample.byClass[1]!.flagged * inSample.byClass[1]!.n + inSample.byClass[2]!.flagged * inSample.byClass[2]!.n) / (inSample.byClass[1]!.n + inSample.byClass[2]!.n))}.`);
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
