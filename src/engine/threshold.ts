/**
 * The Klout70 threshold: who is at or above a score, who is near, and for a near miss the
 * one lever that lifts it over most cheaply.
 *
 * Definition: for account a with feature vector x, damping d and cap c (authenticity stage),
 * and each scored feature k with a measured value x_k > 0, the lever of k is the smallest
 * multiplier m >= 1 such that the shown score (tenths) of the model evaluated on x with
 * x_k replaced by m * x_k reaches the threshold T, everything else held (same model, same
 * d and c: scoreFeatureVector, the single-account path of scoreAccounts). The cheapest lever
 * is the feature with the smallest m, reported as +ceil((m - 1) * 100)%. When c < T no
 * feature can lift the account: the cap holds it below ("capped"). Search: the first
 * crossing on a geometric grid m = 2^(j/16) up to MAX_MULTIPLIER, then bisection on
 * [previous grid point, crossing] to 1e-4 relative: exact for monotone curves, and the
 * first crossing on the grid otherwise.
 * Source: a model what-if, as Klout's "score moves" explanations (Rao et al., "Klout score:
 * Measuring influence across multiple social networks", 2015) described contributions; the
 * search is ours.
 * Example: score 66.2, T 70; engagers 120 -> 142 (m 1.18) reaches 70.0 and no other
 * feature needs less than +18%: lever "+18% engagers".
 */
import { type FeatureVector, type ScoredFeature } from './features.js';
import type { Model } from './model.js';
import { scoreFeatureVector } from './score.js';

/** How far a lever may go: beyond x1000 a "lever" is not advice any more. */
export const MAX_MULTIPLIER = 1000;

export type Lever =
  | { kind: 'feature'; feature: ScoredFeature; from: number; to: number; multiplier: number; increasePct: number }
  | { kind: 'capped'; cap: number }
  | { kind: 'none' };

/** The score as shown (rounded to tenths), the value compared with the threshold everywhere. */
export function shownScore(x: number): number {
  return Math.round(x * 10) / 10;
}

function scoreWith(model: Model, fv: FeatureVector, feature: ScoredFeature, value: number, damping: number, cap: number): number {
  const v = { ...fv, value: { ...fv.value, [feature]: value } };
  return shownScore(scoreFeatureVector(model, v, damping, cap).score);
}

/** The smallest multiplier of one feature that reaches `at`, or null when none up to MAX_MULTIPLIER does. */
export function findFeatureMultiplier(model: Model, fv: FeatureVector, feature: ScoredFeature, at: number, damping = 1, cap = 100): number | null {
  const x = fv.value[feature];
  if (!Number.isFinite(x) || x <= 0) return null;
  const reaches = (m: number): boolean => scoreWith(model, fv, feature, x * m, damping, cap) >= at;
  if (reaches(1)) return 1;
  let lo = 1;
  let hi = NaN;
  const steps = Math.ceil(16 * Math.log2(MAX_MULTIPLIER));
  for (let j = 1; j <= steps; j++) {
    const m = Math.min(MAX_MULTIPLIER, 2 ** (j / 16));
    if (reaches(m)) {
      hi = m;
      break;
    }
    lo = m;
  }
  if (Number.isNaN(hi)) return null;
  while (hi / lo - 1 > 1e-4) {
    const mid = Math.sqrt(lo * hi);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The cheapest lever over `at` for one account (see the module doc). */
export function findCheapestLever(model: Model, fv: FeatureVector, at: number, damping = 1, cap = 100): Lever {
  if (shownScore(cap) < at) return { kind: 'capped', cap: shownScore(cap) };
  let best: Lever = { kind: 'none' };
  for (const f of model.features) {
    const feature = f.name as ScoredFeature;
    const m = findFeatureMultiplier(model, fv, feature, at, damping, cap);
    if (m === null || (best.kind === 'feature' && m >= best.multiplier)) continue;
    const from = fv.value[feature];
    best = { kind: 'feature', feature, from, to: Number((from * m).toPrecision(4)), multiplier: m, increasePct: Math.ceil((m - 1) * 100) };
  }
  return best;
}

/** Threshold bands of shown scores: at or above `at`, near (within `near` below), below. */
export function bandOf(score: number, at: number, near: number): 'above' | 'near' | 'below' {
  const s = shownScore(score);
  return s >= at ? 'above' : s >= at - near ? 'near' : 'below';
}
