/**
 * The score's properties of issue 10 as checks that list their violations (empty = holds),
 * so a test can show they hold for the shipped model and catch the defects of model 1.0.0.
 */
import { emptyFeatureVector, type FeatureVector } from '../../src/engine/features.js';
import { applyCalibration, evaluateCurve, featureValueOf, type Model } from '../../src/engine/model.js';
import { itemiseScore, scoreFeatureVector } from '../../src/engine/score.js';

/** A vector of declared values (the rest missing). */
export function declaredVector(values: Record<string, number>): FeatureVector {
  const fv = emptyFeatureVector();
  for (const [k, v] of Object.entries(values)) {
    (fv.value as Record<string, number>)[k] = v;
    (fv.source as Record<string, string>)[k] = 'declared';
  }
  return fv;
}

/**
 * No flat stretch: over each feature's reference range (median +- 2 scales, in log space),
 * a tenfold rise of the value raises the feature's curve and its sub-score (the group's
 * other features at their reference medians), by at least 0.05 sub-score points.
 */
export function plateauViolations(model: Model): string[] {
  const out: string[] = [];
  for (const f of model.features) {
    const others = model.features.filter((g) => g !== f && g.group === f.group).reduce((s, g) => s + evaluateCurve(g.knots, g.points, g.reference.median), 0);
    const cal = model.subscoreCalibration[f.group];
    const lo = Math.max(0.1, f.reference.median - 2 * f.reference.scale);
    const hi = Math.max(lo + 0.5, f.reference.median + 2 * f.reference.scale);
    for (let t = lo; t <= hi + 1e-9; t += (hi - lo) / 16) {
      const x = featureValueOf(f, t);
      const t10 = Math.log1p((f.scale ?? 1) * x * 10);
      const g1 = evaluateCurve(f.knots, f.points, t);
      const g2 = evaluateCurve(f.knots, f.points, t10);
      const s1 = applyCalibration(cal, others + g1);
      const s2 = applyCalibration(cal, others + g2);
      if (!(g2 > g1)) out.push(`${f.name}: curve flat from ${x.toPrecision(3)} to ${(x * 10).toPrecision(3)}`);
      else if (!(s2 - s1 >= 0.05)) out.push(`${f.name}: ${f.group} sub-score ${s1.toFixed(2)} -> ${s2.toFixed(2)} from ${x.toPrecision(3)} to ${(x * 10).toPrecision(3)}`);
    }
  }
  return out;
}

/** Typical accounts: everything known, an archive's view (no list count, no mentions received), followers alone. */
export const PROPERTY_ACCOUNTS: Record<string, Record<string, number>> = {
  'all present': { followers: 2000, listed: 40, follower_ratio: 2, mentions_received: 0.5, reshares_received: 0.2, mentions_per_post: 0.3, reshares_per_post: 0.1, replies_per_post: 0.2, quotes_per_post: 0.02, likes_per_post: 3, engagers: 30, network: 5, conversation: 0.5 },
  'an archive': { followers: 300, follower_ratio: 0.8, reshares_received: 0.05, reshares_per_post: 0.1, likes_per_post: 1, conversation: 0.3 },
  'followers only': { followers: 5000 },
  'a big account': { followers: 2_000_000, listed: 9000, follower_ratio: 300, mentions_received: 40, reshares_received: 60, mentions_per_post: 5, reshares_per_post: 8, engagers: 20000, network: 300, conversation: 2 },
};

/**
 * Points are the feature's effect: as one feature's value rises (x0 .. x1000, the others
 * fixed, missing ones imputed), neither the score nor that feature's points fall.
 */
export function pointsViolations(model: Model, pointsOf: (model: Model, fv: FeatureVector, feature: string) => number = shippedPoints): string[] {
  const out: string[] = [];
  for (const [label, base] of Object.entries(PROPERTY_ACCOUNTS)) {
    for (const f of model.features) {
      if (!(f.name in base)) continue;
      let prevPoints = -Infinity;
      let prevScore = -Infinity;
      for (const mult of [0, 0.1, 0.3, 1, 3, 10, 100, 1000]) {
        const fv = declaredVector({ ...base, [f.name]: base[f.name]! * mult });
        const points = pointsOf(model, fv, f.name);
        const score = scoreFeatureVector(model, fv).score;
        if (points < prevPoints - 0.1) out.push(`${label}: ${f.name} x${mult}: points ${prevPoints} -> ${points}`);
        if (score < prevScore - 1e-9) out.push(`${label}: ${f.name} x${mult}: score ${prevScore.toFixed(3)} -> ${score.toFixed(3)}`);
        prevPoints = points;
        prevScore = score;
      }
    }
  }
  return out;
}

/** A feature's points as `explain` shows them (engine/score.ts itemiseScore). */
export function shippedPoints(model: Model, fv: FeatureVector, feature: string): number {
  return itemiseScore(model, fv, 1, []).contributions.find((c) => c.feature === feature)!.points;
}

/** The rule of model 2.0.0 and before: a feature's share of the calibrated gain, (C(T) - C(0)) g_k / T, imputed features included. */
export function shareOfTotalPoints(model: Model, fv: FeatureVector, feature: string): number {
  const ev = scoreFeatureVector(model, fv);
  const k = model.features.findIndex((f) => f.name === feature);
  const pool = applyCalibration(model.calibration, ev.total) - applyCalibration(model.calibration, 0);
  return ev.total > 0 ? Math.round((pool * ev.g[k]!) / ev.total * 10) / 10 : 0;
}
