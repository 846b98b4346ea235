/**
 * Fitting model v2 on real data only, in two stages that share one logit scale:
 *   1. declared features (followers, listed, follower ratio, mentions and reshares
 *      received, per post) by Bradley-Terry on human judgements of which of two accounts is
 *      more influential (PeerIndex pairs);
 *   2. event features (distinct engagers, network value, conversation) by Bradley-Terry on
 *      pairs of accounts of a real engagement dataset ordered by their distinct engagers
 *      after a split date, with every other curve (mentions received, which both data sets
 *      measure, and the imputed declared features) held fixed as an offset.
 * The stages alternate (`rounds`) so each sees the other's curves. References (median,
 * scale) and one-factor loadings come from the data set where a feature is measured (the
 * pairs' accounts for declared features, the engagement population for event features;
 * a feature measured in both takes the pairs' values). The 1-100 scale is calibrated on
 * real populations (each weighted equally) to Klout's published shape.
 *
 * Cross-validation is deterministic: pair i in fold i mod k; an engagement account in fold
 * (its hashed rank) mod k, pairs inside the training folds only, Spearman on the test fold.
 *
 * Source: Bradley and Terry (1952); the protocol (dev.csv 5-fold AUC; the Digg
 * split at 2008-11-06). Worked example: see README "Measured".
 */
import { emptyFeatureVector, featureVectorOf, type FeatureVector, type ScoredFeature } from '../../../src/engine/features.js';
import { imputeMissing } from '../../../src/engine/impute.js';
import { pairAuc, spearman } from '../../../src/engine/metrics.js';
import { evaluateCurve, featureT, type Model, type ModelFeature, type NetworkParams, type ScoreGroup } from '../../../src/engine/model.js';
import { scoreFeatureVector } from '../../../src/engine/score.js';
import { calibrateOn, type CalibrationTarget } from './calibration.js';
import { fitCurves, knotsOf, type CurveOptions, type SidePair } from '../../../src/engine/fit/curves.js';
import { factorLoadings } from './factor-analysis.js';
import { fitImputationBounds, type BoundOptions } from './imputation-bounds.js';
import { round, weightedReference } from '../../../src/engine/fit/stats.js';
import type { EngagementSplit } from '../../../src/engine/engagement-split.js';

/** A feature of the spec: where it is fitted. */
export interface RealFeatureSpec {
  name: ScoredFeature;
  group: ScoreGroup;
  unit: string;
  /** t = ln(1 + scale * x) */
  scale: number;
  /** which data set fits its curve */
  stage: 'pairs' | 'engagement';
}

/** Everything besides the data. */
export interface RealFitSpec {
  features: RealFeatureSpec[];
  network: NetworkParams;
  targets: readonly CalibrationTarget[];
  floor: number;
  maxFactor: number;
  curve: CurveOptions;
  /** alternations of the two stages */
  rounds: number;
  /** engagement pairs: each account against the next `pairOffsets` in hashed order */
  pairOffsets: number;
  units: Record<string, string>;
  /** real-data caps on imputed values (scripts/lib/fit/imputation-bounds.ts); null: none */
  bounds: BoundOptions | null;
  /** the coverage the interval is scaled to on the partial views (0.8), null: no scaling */
  intervalCoverage: number | null;
}

/** The real data, already read (the script does the I/O). */
export interface RealData {
  /** human-judged pairs (1 = A more influential) */
  pairs: { a: FeatureVector; b: FeatureVector; winner: 0 | 1 }[];
  /** an engagement split (engine/engagement-split.ts), scored with any model of the same network params */
  engagement: EngagementSplit;
  /** calibration populations, each weighted equally */
  calibration: { name: string; accounts: FeatureVector[] }[];
  /** further real accounts for the sub-score calibrations only (each group on the accounts that measure it) */
  subscorePopulations?: { name: string; accounts: FeatureVector[] }[];
  /** further real accounts for the imputation caps (besides the pairs' and the engagement accounts) */
  boundPopulations?: { name: string; accounts: FeatureVector[] }[];
  /**
   * partial views of real accounts for the interval's scale: each account scored with
   * `drop` removed must have its full score inside its 80% interval 80% of the time
   * (views weighted equally); see IntervalSpec
   */
  views?: PartialView[];
}

/** Real accounts seen partially: the features an export of that kind lacks. */
export interface PartialView {
  name: string;
  accounts: FeatureVector[];
  drop: ScoredFeature[];
}

/** Quality of a fit. */
export interface RealFitReport {
  model: Model;
  pairs: { folds: number; auc: number; foldAuc: number[]; inSampleAuc: number; followersAlone: number; listedAlone: number };
  engagement: { folds: number; spearman: number; foldSpearman: number[]; baseline: number; foldBaseline: number[]; inSample: number; population: number };
}

interface Prepared {
  names: ScoredFeature[];
  pairSides: { a: FeatureVector; b: FeatureVector; winner: 0 | 1 }[];
  engagementVectors: FeatureVector[];
  future: number[];
  past: number[];
  /** engagement accounts in hashed order (fold = position mod k) */
  hashedOrder: number[];
}

/** How the cross-validation is run (defaults: the recorded protocol). */
export interface CvOptions {
  /**
   * 0 (default): pair i in fold i mod k, the recorded protocol; s > 0: the pairs in an order
   * hashed with s, position mod k (balanced folds). Repeating the CV over several seeds shows
   * how much of a difference between two fits is the luck of one fold split.
   */
  pairFoldSeed?: number;
  /** false: skip the engagement CV (its fields are empty); default true */
  engagementCv?: boolean;
}

/**
 * The pair folds: fold of pair i. Seed 0 gives i mod k; a seed s > 0 orders the pairs by a
 * multiplicative hash of (i, s) (ties by i) and deals them out by position mod k.
 * Worked example: 5 pairs, k = 2, seed 0 -> [0, 1, 0, 1, 0].
 */
export function pairFolds(n: number, folds: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  if (seed === 0) {
    for (let i = 0; i < n; i++) out[i] = i % folds;
    return out;
  }
  const hash = (i: number): number => {
    let h = Math.imul(i + 1, 2654435761) ^ Math.imul(seed, 40503);
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => hash(a) - hash(b) || a - b);
  order.forEach((i, pos) => (out[i] = pos % folds));
  return out;
}

/** Fits on all the data and cross-validates both stages. */
export function fitRealModel(spec: RealFitSpec, data: RealData, folds: number, meta: { version: string; description: string; provenance: Record<string, unknown> }, cv: CvOptions = {}): RealFitReport {
  const prep = prepare(spec, data);
  const model = fitOnce(spec, prep, data, () => true, () => true, meta);
  // pairs CV
  const diff = new Float64Array(prep.pairSides.length);
  const winner = prep.pairSides.map((p) => p.winner);
  const foldAuc: number[] = [];
  const pairFold = pairFolds(prep.pairSides.length, folds, cv.pairFoldSeed ?? 0);
  for (let f = 0; f < folds; f++) {
    const m = fitOnce(spec, prep, data, (i) => pairFold[i] !== f, () => true, meta);
    const test: number[] = [];
    prep.pairSides.forEach((p, i) => {
      if (pairFold[i] !== f) return;
      diff[i] = scoreFeatureVector(m, p.a).total - scoreFeatureVector(m, p.b).total;
      test.push(i);
    });
    foldAuc.push(round(pairAuc(test.map((i) => diff[i]!), test.map((i) => winner[i]!)), 4));
  }
  const inSample = prep.pairSides.map((p) => scoreFeatureVector(model, p.a).total - scoreFeatureVector(model, p.b).total);
  const alone = (f: 'followers' | 'listed') => prep.pairSides.map((p) => Math.log1p(p.a.value[f]) - Math.log1p(p.b.value[f]));
  // engagement CV (folds of accounts)
  const foldOf = new Int32Array(prep.engagementVectors.length);
  prep.hashedOrder.forEach((i, pos) => (foldOf[i] = pos % folds));
  const foldSpearman: number[] = [];
  const foldBaseline: number[] = [];
  for (let f = 0; f < (cv.engagementCv === false ? 0 : folds); f++) {
    const m = fitOnce(spec, prep, data, () => true, (i) => foldOf[i] !== f, meta);
    const test = prep.engagementVectors.map((_, i) => i).filter((i) => foldOf[i] === f);
    foldSpearman.push(round(spearman(test.map((i) => scoreFeatureVector(m, prep.engagementVectors[i]!).total), test.map((i) => prep.future[i]!)), 4));
    foldBaseline.push(round(spearman(test.map((i) => prep.past[i]!), test.map((i) => prep.future[i]!)), 4));
  }
  const mean = (v: number[]) => (v.length === 0 ? NaN : round(v.reduce((a, b) => a + b, 0) / v.length, 4));
  const all = prep.engagementVectors.map((v) => scoreFeatureVector(model, v).total);
  return {
    model,
    pairs: { folds, auc: round(pairAuc(diff, winner), 4), foldAuc, inSampleAuc: round(pairAuc(inSample, winner), 4), followersAlone: round(pairAuc(alone('followers'), winner), 4), listedAlone: round(pairAuc(alone('listed'), winner), 4) },
    engagement: { folds, spearman: mean(foldSpearman), foldSpearman, baseline: mean(foldBaseline), foldBaseline, inSample: round(spearman(all, prep.future), 4), population: all.length },
  };
}

function prepare(spec: RealFitSpec, data: RealData): Prepared {
  const e = data.engagement;
  const pop = Array.from(e.population);
  const engagementVectors = pop.map((i) => featureVectorOf(e.table.features, i));
  const hash = (i: number) => Math.imul(i + 1, 2654435761) >>> 0;
  const hashedOrder = pop.map((_, k) => k).sort((a, b) => hash(a) - hash(b) || a - b);
  return {
    names: spec.features.map((f) => f.name),
    pairSides: data.pairs,
    engagementVectors,
    future: pop.map((i) => e.future[i]!),
    past: pop.map((i) => e.past[i]!),
    hashedOrder,
  };
}

const logValues = (features: readonly ModelFeature[], fv: FeatureVector): Float64Array => Float64Array.from(features, (f) => featureT(f, fv.value[f.name]));

function fitOnce(
  spec: RealFitSpec,
  prep: Prepared,
  data: RealData,
  usePair: (i: number) => boolean,
  useAccount: (i: number) => boolean,
  meta: { version: string; description: string; provenance: Record<string, unknown> },
): Model {
  const K = spec.features.length;
  const features: ModelFeature[] = spec.features.map((fs) => ({
    name: fs.name,
    group: fs.group,
    unit: fs.unit,
    scale: fs.scale,
    knots: [0, 1],
    points: [0, 0.1],
    fitted: true,
    reference: { median: 0, scale: 1, loading: 0 },
    importance: 0,
  }));
  const model: Model = {
    schema: 1,
    version: meta.version,
    description: meta.description,
    provenance: { ...meta.provenance },
    units: spec.units,
    features,
    imputation: { method: 'conditional expectation under a one-factor model of the standardised log features, capped by real-data conditional quantiles given each present feature (engine/impute.ts)', maxFactor: spec.maxFactor },
    calibration: { totals: [0, 1], scores: [spec.floor, 100], max: 100 },
    subscoreCalibration: { reach: { totals: [0, 1], scores: [0, 100], max: 100 }, amplification: { totals: [0, 1], scores: [0, 100], max: 100 }, network: { totals: [0, 1], scores: [0, 100], max: 100 } },
    network: { ...spec.network, kindWeights: { ...spec.network.kindWeights } },
  };

  // the accounts of each data set (pairs: unique sides of the training pairs)
  const seen = new Set<string>();
  const pairAccounts: Float64Array[] = [];
  prep.pairSides.forEach((p, i) => {
    if (!usePair(i)) return;
    for (const fv of [p.a, p.b]) {
      const t = logValues(features, fv);
      const key = Array.from(t).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      pairAccounts.push(t);
    }
  });
  const engAccounts = prep.engagementVectors.filter((_, i) => useAccount(i)).map((fv) => logValues(features, fv));
  const presentIn = (rows: Float64Array[], k: number) => rows.filter((r) => !Number.isNaN(r[k]!)).length / Math.max(1, rows.length);
  const inPairs = features.map((_, k) => presentIn(pairAccounts, k) >= 0.5);
  const inEng = features.map((_, k) => presentIn(engAccounts, k) >= 0.5);
  features.forEach((f, k) => {
    const rows = inPairs[k] ? pairAccounts : engAccounts;
    const vals = rows.map((r) => r[k]!).filter((v) => !Number.isNaN(v));
    f.reference = { ...weightedReference(vals, vals.map(() => 1)), loading: 0 };
  });
  const pairCols = features.map((_, k) => k).filter((k) => inPairs[k]);
  const engCols = features.map((_, k) => k).filter((k) => inEng[k] && !inPairs[k]);
  const engAll = features.map((_, k) => k).filter((k) => inEng[k]);
  const lp = factorLoadings(pairAccounts, pairCols);
  pairCols.forEach((k, a) => (features[k]!.reference.loading = round(lp[a]!, 4)));
  const le = factorLoadings(engAccounts, engAll);
  engAll.forEach((k, a) => {
    if (engCols.includes(k)) features[k]!.reference.loading = round(le[a]!, 4);
  });

  // knots and the top of the data per feature, from the data set that fits it
  const stageOf = spec.features.map((f) => f.stage);
  const knots = features.map((_, k) => knotsOf((stageOf[k] === 'pairs' ? pairAccounts : engAccounts).map((r) => r[k]!), spec.curve.interiorKnots));
  const end = features.map((_, k) => Math.max(0, ...[...pairAccounts, ...engAccounts].map((r) => (Number.isNaN(r[k]!) ? 0 : r[k]!))));

  // sides with missing values imputed (references fixed from here on)
  const impute = (fv: FeatureVector): Float64Array => {
    const t = logValues(features, fv);
    imputeMissing(model, t);
    return t;
  };
  const pairSides: SidePair[] = [];
  prep.pairSides.forEach((p, i) => {
    if (usePair(i)) pairSides.push({ a: impute(p.a), b: impute(p.b), y: p.winner });
  });
  const engIdx = prep.hashedOrder.filter((i) => useAccount(i));
  const engT = new Map<number, Float64Array>();
  for (const i of engIdx) engT.set(i, impute(prep.engagementVectors[i]!));
  const engPairs: SidePair[] = [];
  for (let r = 1; r <= spec.pairOffsets; r++) {
    for (let q = 0; q < engIdx.length; q++) {
      const i = engIdx[q]!;
      const j = engIdx[(q + r) % engIdx.length]!;
      const fi = prep.future[i]!;
      const fj = prep.future[j]!;
      if (i === j || fi === fj) continue;
      engPairs.push({ a: engT.get(i)!, b: engT.get(j)!, y: fi > fj ? 1 : 0 });
    }
  }
  if (spec.bounds) {
    const extra = (data.boundPopulations ?? []).map((p) => ({ name: p.name, rows: p.accounts.map((fv) => logValues(features, fv)) }));
    model.imputation.bounds = fitImputationBounds(features, [{ name: 'dev.csv', rows: pairAccounts }, ...extra, { name: 'digg', rows: engAccounts }], spec.bounds);
  }
  const pairFitted = features.map((_, k) => k).filter((k) => stageOf[k] === 'pairs');
  const engFitted = features.map((_, k) => k).filter((k) => stageOf[k] === 'engagement');
  for (let round_ = 0; round_ < spec.rounds; round_++) {
    if (pairFitted.length > 0) fitCurves(model, pairSides, pairFitted, knots, end, spec.curve);
    if (engFitted.length > 0) fitCurves(model, engPairs, engFitted, knots, end, spec.curve);
  }
  for (const f of features) f.importance = round(importanceOf(f), 4);

  // calibration: each population weighted equally
  const evaluations = [];
  const weights: number[] = [];
  const population: number[] = [];
  for (const [p, popn] of data.calibration.entries()) {
    for (const fv of popn.accounts) {
      evaluations.push(scoreFeatureVector(model, fv));
      weights.push(1 / popn.accounts.length);
      population.push(p);
    }
  }
  // sub-scores also on the judged accounts (dev.csv sides): the only real accounts whose
  // per-post reception is measured
  const subscoreOnly = (data.subscorePopulations ?? []).map((popn, p) => ({ evaluations: popn.accounts.map((fv) => scoreFeatureVector(model, fv)), population: data.calibration.length + p }));
  calibrateOn(model, evaluations, weights, spec.targets, spec.floor, population, subscoreOnly);
  if (spec.intervalCoverage !== null && data.views && data.views.length > 0) {
    model.imputation.varianceScale = fitVarianceScale(model, data.views, spec.intervalCoverage);
  }
  void K;
  return model;
}

/** Coverage of the full score by the 80% interval of each partial view, averaged over views. */
export function viewCoverage(model: Model, views: readonly PartialView[]): number[] {
  return views.map((v) => {
    let covered = 0;
    for (const fv of v.accounts) {
      const full = scoreFeatureVector(model, fv).score;
      const part = emptyFeatureVector();
      for (const f of Object.keys(fv.value) as (keyof FeatureVector['value'])[]) {
        if ((v.drop as string[]).includes(f)) continue;
        part.value[f] = fv.value[f];
        part.source[f] = fv.source[f];
      }
      const [lo, hi] = scoreFeatureVector(model, part).interval;
      if (full >= lo - 0.05 && full <= hi + 0.05) covered++;
    }
    return covered / Math.max(1, v.accounts.length);
  });
}

/**
 * The factor by which the imputed part of the interval's variance is scaled so that, on
 * real accounts seen partially, the 80% interval holds the full-data score `target` of the
 * time (views weighted equally): bisection on [1, 64] (never narrower than the model's own
 * variance), to two decimals.
 */
export function fitVarianceScale(model: Model, views: readonly PartialView[], target: number): number {
  const coverage = (c: number): number => {
    model.imputation.varianceScale = c;
    const per = viewCoverage(model, views);
    return per.reduce((a, b) => a + b, 0) / per.length;
  };
  if (coverage(1) >= target) return 1;
  let lo = 1;
  let hi = 64;
  if (coverage(hi) < target) return hi;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (coverage(mid) >= target) hi = mid;
    else lo = mid;
  }
  return round(hi, 2);
}

/** Half the points between one reference scale below and above the median. */
export function importanceOf(f: ModelFeature): number {
  const { median, scale } = f.reference;
  return (evaluateCurve(f.knots, f.points, median + scale) - evaluateCurve(f.knots, f.points, Math.max(0, median - scale))) / 2;
}
