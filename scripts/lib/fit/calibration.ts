/**
 * Calibration: the map from raw total to 1-100, built from a population's totals so that
 * its weighted quantiles land on Klout's published shape (median active account 40, 63+
 * about the top 5%, 70+ rarer). Definition: points (0, floor) then (Q_w(q), score_q) for
 * each target (q, score_q), Q_w the weighted quantile; C is linear between them and
 * saturates above (engine/model.ts applyCalibration). Worked example: totals whose median
 * is 3.5 and 95th percentile 8.8 get C(3.5) = 40, C(8.8) = 63.
 */
import { SCORE_GROUPS, type Calibration, type Model, type ScoreGroup } from '../../../src/engine/model.js';
import type { Evaluation } from '../../../src/engine/score.js';
import { round, weightedQuantile } from '../../../src/engine/fit/stats.js';

/** A calibration target: the population's q-quantile maps to `score`. */
export interface CalibrationTarget {
  quantile: number;
  score: number;
}

/** Klout's published shape: median 40, 95th percentile 63, 99th 71. */
export const KLOUT_TARGETS: readonly CalibrationTarget[] = [
  { quantile: 0.02, score: 8 },
  { quantile: 0.1, score: 18 },
  { quantile: 0.25, score: 29 },
  { quantile: 0.5, score: 40 },
  { quantile: 0.75, score: 50 },
  { quantile: 0.9, score: 58 },
  { quantile: 0.95, score: 63 },
  { quantile: 0.99, score: 71 },
];

/** Calibration table from weighted totals: (0, floor) then one point per target quantile. */
export function buildCalibration(totals: readonly number[], weights: readonly number[], targets: readonly CalibrationTarget[], floor: number): Calibration {
  const out: Calibration = { totals: [0], scores: [floor], max: 100 };
  for (const { quantile, score } of targets) {
    const t = round(weightedQuantile(totals, weights, quantile), 6);
    if (t > out.totals[out.totals.length - 1]! + 1e-6 && score > out.scores[out.scores.length - 1]!) {
      out.totals.push(t);
      out.scores.push(score);
    }
  }
  if (out.totals.length === 1) {
    out.totals.push(1);
    out.scores.push(Math.max(floor + 1, 40));
  }
  return out;
}

/**
 * Rebuilds the score and sub-score calibrations of `model` from evaluated accounts (in place).
 * The score is calibrated on `evaluations`; each sub-score on the accounts of
 * `evaluations` and `subscoreOnly` in which at least one of its group's features is
 * measured (not imputed), populations re-weighted equally among those that measure it: a
 * sub-score calibrated on imputed values has its quantiles piled on the imputation caps
 * (a point mass) and saturates at once.
 */
export function calibrateOn(
  model: Model,
  evaluations: readonly Evaluation[],
  weights: readonly number[],
  targets: readonly CalibrationTarget[],
  floor: number,
  population: readonly number[] = evaluations.map(() => 0),
  subscoreOnly: { evaluations: readonly Evaluation[]; population: number }[] = [],
): void {
  model.calibration = buildCalibration(evaluations.map((ev) => ev.total), weights, targets, floor);
  const all = [...evaluations.map((ev, k) => ({ ev, popn: population[k]! })), ...subscoreOnly.flatMap((s) => s.evaluations.map((ev) => ({ ev, popn: s.population })))];
  for (const G of SCORE_GROUPS) {
    const inGroup = model.features.map((f, k) => (f.group === G ? k : -1)).filter((k) => k >= 0);
    const measured = all.filter(({ ev }) => inGroup.some((k) => ev.imputed[k] === 0));
    const use = measured.length > 0 ? measured : all;
    const count = new Map<number, number>();
    for (const { popn } of use) count.set(popn, (count.get(popn) ?? 0) + 1);
    const groupTotal = (ev: Evaluation) => inGroup.reduce((s, k) => s + ev.g[k]!, 0);
    model.subscoreCalibration[G] = buildCalibration(use.map(({ ev }) => groupTotal(ev)), use.map(({ popn }) => 1 / count.get(popn)!), targets, 0);
  }
}
