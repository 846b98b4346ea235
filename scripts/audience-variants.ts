/**
 * Tries variants of the audience model against model 1.2.0 on the same folds, the way
 * models/audience-v1.md judges a model: 5-fold CV (people flagged, fakes and bots caught),
 * leave-one-source-out (each inauthentic file judged by a model fitted without it) and both
 * again with account age hidden (the import route without an as-of). Development tooling:
 * its numbers are the "variants tried" of models/audience-variants.md.
 *
 * Only the two sub-models the labelled files use are fitted (likes given, posts known; age
 * known or not), so a variant costs about a minute. A variant is a set of features hidden
 * before fitting (`--hide a,b`: the fit sees them unknown, so their weights are 0) and, on the
 * same fitted weights, decision rules (`--rules JSON`: name -> options for the envelope and the
 * people's budget), plus an optional joint people's envelope (`--joint 0.003,0.005`: the
 * squared Mahalanobis distance of the log counts from the people's mean, flagged above that
 * share of the people). `--fit JSON` overrides fit options (e.g. the penalty on each
 * archetype's deviation from its class, or sign constraints) for the fits themselves.
 *
 *   npx tsx scripts/audience-variants.ts [--hide FEATURES] [--rules JSON] [--joint RATES] [--fit JSON]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  AUDIENCE_FIT_DEFAULTS,
  chooseMassFollowing,
  chooseThresholds,
  fitEnvelope,
  fitStandardisation,
  fitSubmodelWeights,
  hideEvidence,
  type AudienceFitOptions,
  type LabelledFeatures,
} from './lib/audience/fit.js';
import { assignFolds, leaveOneSourceOutSplits, subset, subsetWithout } from './lib/audience/evaluate.js';
import { applyAudienceModel, type AudienceModel, type Submodel } from '../src/engine/audience/model.js';
import { PROFILE_FEATURES, type ProfileFeature } from '../src/engine/audience/features.js';
import { LABELLED_AS_OF, readLabelledAccounts, toLabelledSet } from './lib/audience/labelled-accounts.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(ROOT, '..', 'shared/data/labelled-accounts') },
    hide: { type: 'string', default: '' },
    rules: { type: 'string', default: '{"defaults":{}}' },
    joint: { type: 'string', default: '' },
    fit: { type: 'string', default: '{}' },
    weights: { type: 'string', default: '' },
    'per-source': { type: 'boolean', default: false },
  },
});

const KEYS = [
  { likes: true, age: true, posts: true },
  { likes: true, age: false, posts: true },
];
/** fitAudienceModel for the two evidence keys the labelled files have. */
function fitTwoKeys(train: LabelledFeatures, options: AudienceFitOptions): AudienceModel {
  const features = fitStandardisation(train);
  const base: AudienceModel = { schema: 1, version: 'variant', description: '', features, submodels: [], massFollowing: chooseMassFollowing(train, options.massFollowerRate), envelope: fitEnvelope(train, options), provenance: {} };
  const submodels = KEYS.map((key) => {
    const draft: Submodel = { ...key, archetypes: fitSubmodelWeights(train, features, key, options).archetypes, real: 0.5, flag: 0.5 };
    return { ...draft, ...chooseThresholds(base, draft, train, options) };
  });
  return { ...base, submodels };
}

const { accounts } = readLabelledAccounts(args.data!);
const set = toLabelledSet(accounts, LABELLED_AS_OF, { archetypes: args['per-source'] ? 'per-source' : 'per-class' });
if (args.weights) {
  // class weights: each class's total weight times the factor (`{"fake":1,"bot":2}`), renormalised to the example count
  const factor = JSON.parse(args.weights) as Partial<Record<'real' | 'fake' | 'bot', number>>;
  set.y.forEach((y, i) => (set.weight[i]! *= factor[y === 0 ? 'real' : set.archetypes[y - 1]!.class] ?? 1));
  const total = set.weight.reduce((a, b) => a + b, 0);
  set.weight.forEach((w, i) => (set.weight[i] = (w * set.y.length) / total));
}
for (const name of args.hide!.split(',').filter(Boolean)) {
  const j = PROFILE_FEATURES.indexOf(name as ProfileFeature);
  if (j < 0) throw new Error(`--hide: no feature '${name}'`);
  for (const row of set.x) row[j] = NaN;
}
const folds = assignFolds(set, 5, 1);
const loso = leaveOneSourceOutSplits(set, folds).map(({ held, h, train, test }) => ({ held, h, test, data: subsetWithout(set, train, held) }));
const cvTrain = [0, 1, 2, 3, 4].map((f) => subset(set, [...folds.keys()].filter((i) => folds[i] !== f)));
const fitOptions: AudienceFitOptions = { ...AUDIENCE_FIT_DEFAULTS, ...(JSON.parse(args.fit!) as Partial<AudienceFitOptions>) };
const cvModels = cvTrain.map((t) => fitTwoKeys(t, fitOptions));
const losoModels = loso.map((r) => fitTwoKeys(r.data, fitOptions));

const JOINT = (['followers', 'following', 'posts', 'likesGiven', 'listed'] as const).map((f) => PROFILE_FEATURES.indexOf(f));
/** Squared Mahalanobis distance from the training people's mean of the log counts (NaN when one is unknown). */
function fitJoint(t: LabelledFeatures): (x: Float64Array) => number {
  const rows = t.x.filter((_, i) => t.y[i] === 0).map((r) => JOINT.map((j) => r[j]!)).filter((v) => v.every((x) => !Number.isNaN(x)));
  const p = JOINT.length;
  const mean = new Array<number>(p).fill(0);
  for (const r of rows) r.forEach((v, j) => (mean[j]! += v / rows.length));
  const m = Array.from({ length: p }, (_, a) => [...Array.from({ length: p }, (_, b) => rows.reduce((s, r) => s + (r[a]! - mean[a]!) * (r[b]! - mean[b]!), 0) / rows.length), ...Array.from({ length: p }, (_, b) => (a === b ? 1 : 0))]);
  for (let c = 0; c < p; c++) {
    const piv = m[c]![c]!;
    for (let k = 0; k < 2 * p; k++) m[c]![k]! /= piv;
    for (let r = 0; r < p; r++) if (r !== c) for (let k = 2 * p - 1, f = m[r]![c]!; k >= 0; k--) m[r]![k]! -= f * m[c]![k]!;
  }
  const inv = m.map((r) => r.slice(p));
  return (x) => {
    const v = JOINT.map((j, a) => x[j]! - mean[a]!);
    let s = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s += v[a]! * inv[a]![b]! * v[b]!;
    return s;
  };
}

/** The flag decision of a model under `opts` (envelope and thresholds re-chosen on `t`), with the joint envelope at `jointRate` (0: none). */
function decider(m0: AudienceModel, t: LabelledFeatures, opts: AudienceFitOptions, jointRate: number): (x: Float64Array) => boolean {
  const m: AudienceModel = { ...m0, envelope: fitEnvelope(t, opts) };
  const d2 = fitJoint(t);
  const people = t.x.filter((_, i) => t.y[i] === 0).map(d2).filter((v) => !Number.isNaN(v)).sort((a, b) => b - a);
  const cut = jointRate > 0 ? people[Math.floor(jointRate * people.length)]! : Infinity;
  // the people's budget is joint: mass-followers, envelope edges and the joint edge spend it first
  const real = m.submodels.map((sub) => {
    const one = { ...m, submodels: [sub] };
    const reals: { p: number; w: number }[] = [];
    let total = 0;
    let spent = 0;
    t.x.forEach((row, i) => {
      if (t.y[i] !== 0) return;
      const x = hideEvidence(row, sub);
      const o = applyAudienceModel(one, x);
      total += t.weight[i]!;
      if (o.massFollower || o.outside.length > 0 || d2(x) > cut) spent += t.weight[i]!;
      else reals.push({ p: o.p.real, w: t.weight[i]! });
    });
    reals.sort((a, b) => a.p - b.p);
    let acc = spent;
    for (const r of reals) {
      if (acc + r.w > opts.realFlagRate * total) return r.p;
      acc += r.w;
    }
    return 0.5;
  });
  return (x) => {
    const o = applyAudienceModel(m, x);
    return o.p.real < real[m.submodels.indexOf(o.submodel)]! || o.massFollower || o.outside.length > 0 || d2(x) > cut;
  };
}

const AGE = [PROFILE_FEATURES.indexOf('ageDays'), PROFILE_FEATURES.indexOf('postsPerDay')];
const withoutAge = (x: Float64Array): Float64Array => {
  const y = Float64Array.from(x);
  for (const j of AGE) y[j] = NaN;
  return y;
};
const pct = (x: number): string => (100 * x).toFixed(1);
const rules = JSON.parse(args.rules!) as Record<string, Partial<AudienceFitOptions>>;
const joints = args.joint ? args.joint.split(',').map(Number) : [0];
console.log(`hidden before fitting: ${args.hide || 'none'}; fit options: ${args.fit}`);
for (const [name, rule] of Object.entries(rules)) {
  for (const jointRate of joints) {
    const opts: AudienceFitOptions = { ...fitOptions, ...rule };
    const cv = cvModels.map((m, f) => decider(m, cvTrain[f]!, opts, jointRate));
    const lo = losoModels.map((m, k) => decider(m, loso[k]!.data, opts, jointRate));
    console.log(`${name}${jointRate ? `, joint envelope at ${pct(jointRate)}%` : ''}`);
    for (const [mode, view] of [['with age   ', (x: Float64Array) => x], ['age unknown', withoutAge]] as const) {
      const c: Record<'real' | 'fake' | 'bot', [number, number]> = { real: [0, 0], fake: [0, 0], bot: [0, 0] };
      set.x.forEach((row, i) => {
        const cls = set.y[i] === 0 ? 'real' : set.archetypes[set.y[i]! - 1]!.class;
        c[cls][0]++;
        if (cv[folds[i]!]!(view(row))) c[cls][1]++;
      });
      const all = (c.fake[1] + c.bot[1]) / (c.fake[0] + c.bot[0]);
      const l = loso.map((r, k) => {
        let n = 0;
        let hit = 0;
        let people = 0;
        let peopleHit = 0;
        for (const i of r.test) {
          const flagged = +lo[k]!(view(set.x[i]!));
          if (set.source[i] === r.h) (n++, (hit += flagged));
          else (people++, (peopleHit += flagged));
        }
        return { held: r.held, caught: hit / n, people: peopleHit / people };
      });
      const mean = l.reduce((a, r) => a + r.caught, 0) / l.length;
      console.log(
        `  ${mode}  CV people flagged ${pct(c.real[1] / c.real[0])}, fake ${pct(c.fake[1] / c.fake[0])}, bots ${pct(c.bot[1] / c.bot[0])}, all ${pct(all)} | LOSO mean ${pct(mean)}, worst ${pct(Math.min(...l.map((r) => r.caught)))}, people flagged ${pct(Math.min(...l.map((r) => r.people)))}-${pct(Math.max(...l.map((r) => r.people)))} (${l.map((r) => `${r.held} ${pct(r.caught)}`).join(', ')})`,
      );
    }
  }
}
