/**
 * Labelled pairs (PeerIndex wide CSV, or a,b,winner of accounts in a database) for `eval`
 * and `fit`: the model's AUC and accuracy on them, with the single-feature baselines, and a
 * pairs-only fit (every model feature present in the pairs fitted on them, the rest kept).
 *
 * Definition: AUC of the score differences s(A) - s(B) against the winners (engine/metrics.ts);
 * a baseline ranks by one feature's count (larger wins; a side without it: a tie).
 * Worked example: two pairs where the winner has the larger score: AUC 1.
 */
import type { FeatureVector } from '../features.js';
import { imputeMissing } from '../impute.js';
import { pairAccuracy, pairAuc } from '../metrics.js';
import { aucDifference, aucWithInterval } from './delong.js';
import { featureT, type Model } from '../model.js';
import { scoreFeatureVector } from '../score.js';
import { fitCurves, knotsOf, DEFAULT_CURVE_OPTIONS, type CurveOptions, type SidePair } from './curves.js';
import { round } from './stats.js';

/** Two accounts' features and which one was judged more influential. */
export interface LabelledPair {
  a: FeatureVector;
  b: FeatureVector;
  /** 1 when A was judged more influential, 0 when B */
  winner: 0 | 1;
  aKey?: string;
  bKey?: string;
  /** where the pair came from (a file name) */
  source?: string;
  /** authenticity damping and cap of each side when scored (default 1 and 100) */
  aDamping?: number;
  bDamping?: number;
  aCap?: number;
  bCap?: number;
}

/**
 * The eval statistic of a pair: the difference of the damped raw totals, T_A - T_B, the
 * model's log-odds that A is judged more influential (P = 1 / (1 + e^-(T_A - T_B)), the
 * Bradley-Terry model the curves are fitted with). The 1-100 calibration is monotone per
 * account, but not linear, so differences of calibrated scores would rank pairs differently
 * from the model's own probabilities.
 */
export function scorePair(model: Model, pair: LabelledPair): number {
  const a = scoreFeatureVector(model, pair.a, pair.aDamping ?? 1, pair.aCap ?? 100);
  const b = scoreFeatureVector(model, pair.b, pair.bDamping ?? 1, pair.bCap ?? 100);
  return a.total * a.damping - b.total * b.damping;
}

/** The model's AUC on pairs against one baseline's: the difference, model minus baseline, with its 95% interval (null with too few pairs of a class). */
export interface BaselineComparison {
  difference: number;
  interval: [number, number];
}

/** What `eval` reports on labelled pairs. */
export interface PairEvaluation {
  n: number;
  auc: number;
  /** 95% interval of the AUC (DeLong); null when either winner side has fewer than two pairs */
  aucInterval: [number, number] | null;
  accuracy: number;
  baselines: { followers: number; listed: number };
  /** the model's AUC minus each baseline's on the same pairs, with a 95% interval (DeLong, paired) */
  versusBaselines: { followers: BaselineComparison | null; listed: BaselineComparison | null };
}

/**
 * The model's AUC and accuracy on pairs, with the followers-alone and listed-alone baselines,
 * and how sure each is (delong.ts): the AUC's interval, and the model's margin over each
 * baseline on the same pairs (an interval that includes 0: these pairs cannot tell them apart).
 */
export function evaluatePairs(model: Model, pairs: LabelledPair[]): PairEvaluation {
  const winner = pairs.map((p) => p.winner);
  const diff = pairs.map((p) => scorePair(model, p));
  return {
    n: pairs.length,
    auc: round(pairAuc(diff, winner), 4),
    aucInterval: roundedAucInterval(diff, winner),
    accuracy: round(pairAccuracy(diff, winner), 4),
    baselines: { followers: round(pairAuc(aloneDiffs(pairs, 'followers'), winner), 4), listed: round(pairAuc(aloneDiffs(pairs, 'listed'), winner), 4) },
    versusBaselines: versusBaselinesOf(diff, pairs),
  };
}

/** A baseline's statistic per pair: log1p of one count, A minus B (a side without the count: 0, no opinion). */
function aloneDiffs(pairs: LabelledPair[], f: 'followers' | 'listed'): number[] {
  return pairs.map((p) => {
    const d = Math.log1p(p.a.value[f]) - Math.log1p(p.b.value[f]);
    return Number.isNaN(d) ? 0 : d;
  });
}

function roundedAucInterval(diff: ArrayLike<number>, winner: number[]): [number, number] | null {
  const e = aucWithInterval(diff, winner);
  return e && [round(e.interval[0], 4), round(e.interval[1], 4)];
}

/** The margin of `diff`'s AUC over each baseline's on the same pairs, with 95% intervals. */
function versusBaselinesOf(diff: ArrayLike<number>, pairs: LabelledPair[]): PairEvaluation['versusBaselines'] {
  const winner = pairs.map((p) => p.winner);
  const versus = (f: 'followers' | 'listed'): BaselineComparison | null => {
    const d = aucDifference(diff, aloneDiffs(pairs, f), winner);
    return d && { difference: round(d.difference, 4), interval: [round(d.interval[0], 4), round(d.interval[1], 4)] };
  };
  return { followers: versus('followers'), listed: versus('listed') };
}

/** What a pairs-only refit did. */
export interface PairFitReport {
  model: Model;
  fitted: string[];
  kept: string[];
  /** out-of-fold AUC with its 95% interval and margins over the baselines (the same DeLong intervals as eval's) */
  cv: { folds: number; auc: number; aucInterval: [number, number] | null; foldAuc: number[]; versusBaselines: PairEvaluation['versusBaselines'] } | null;
  inSample: { auc: number; accuracy: number };
}

/**
 * Refits, on the pairs alone, the curves of `base`'s features that are present in at least
 * half of the pairs' sides (references, loadings and calibration kept from `base`); k-fold CV
 * with pair i in fold i mod k.
 */
export function fitModelOnPairs(base: Model, pairs: LabelledPair[], folds: number, options: CurveOptions = DEFAULT_CURVE_OPTIONS): PairFitReport {
  if (pairs.length < 2) throw new Error('fit needs at least 2 labelled pairs');
  const fitOn = (train: LabelledPair[]) => {
    const model = structuredClone(base);
    const side = (fv: FeatureVector) => {
      const t = Float64Array.from(model.features, (f) => featureT(f, fv.value[f.name]));
      return t;
    };
    const raw = train.map((p) => [side(p.a), side(p.b)] as const);
    const present = model.features.map((_, k) => raw.filter(([a, b]) => !Number.isNaN(a[k]!) && !Number.isNaN(b[k]!)).length / raw.length);
    const fitted = model.features.map((_, k) => k).filter((k) => present[k]! >= 0.5);
    const knots = model.features.map((_, k) => knotsOf(raw.flatMap(([a, b]) => [a[k]!, b[k]!]), options.interiorKnots));
    const end = model.features.map((_, k) => Math.max(0, ...raw.flatMap(([a, b]) => [a[k]!, b[k]!]).filter((v) => !Number.isNaN(v))));
    const sides: SidePair[] = raw.map(([a, b], i) => {
      const ta = Float64Array.from(a);
      const tb = Float64Array.from(b);
      imputeMissing(model, ta);
      imputeMissing(model, tb);
      return { a: ta, b: tb, y: train[i]!.winner };
    });
    if (fitted.length > 0) fitCurves(model, sides, fitted, knots, end, options);
    return { model, fitted };
  };
  let cv: PairFitReport['cv'] = null;
  if (folds >= 2) {
    const diff = new Float64Array(pairs.length);
    const foldAuc: number[] = [];
    for (let f = 0; f < folds; f++) {
      const { model } = fitOn(pairs.filter((_, i) => i % folds !== f));
      const test = pairs.map((_, i) => i).filter((i) => i % folds === f);
      for (const i of test) diff[i] = scoreFeatureVector(model, pairs[i]!.a).total - scoreFeatureVector(model, pairs[i]!.b).total;
      foldAuc.push(round(pairAuc(test.map((i) => diff[i]!), test.map((i) => pairs[i]!.winner)), 4));
    }
    const winner = pairs.map((p) => p.winner);
    cv = { folds, auc: round(pairAuc(diff, winner), 4), aucInterval: roundedAucInterval(diff, winner), foldAuc, versusBaselines: versusBaselinesOf(diff, pairs) };
  }
  const { model, fitted } = fitOn(pairs);
  const e = evaluatePairs(model, pairs);
  return { model, fitted: fitted.map((k) => model.features[k]!.name), kept: model.features.filter((_, k) => !fitted.includes(k)).map((f) => f.name), cv, inSample: { auc: e.auc, accuracy: e.accuracy } };
}
