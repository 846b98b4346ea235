/**
 * The score's 80% interval: how far the score could be from what full data would show,
 * given what was imputed and how few events stand behind the measured values.
 *
 * Definition (analytic propagation, no sampling). With the raw total T = sum_k g_k(t_k):
 *   imputed features m (engine/impute.ts: z_m = loading_m F + e_m, F | present ~ N(mean, v)):
 *     Var_imp = v (sum_m s_m scale_m loading_m)^2 + sum_m s_m^2 scale_m^2 psi_m
 *   measured counts k (c events, x = c * u with u units per event, t = ln(1 + a x)):
 *     Var(c) ~ c + 1 (Poisson, plus one for the zero count), dt/dx = a / (1 + a x)
 *     Var_count = sum_k s_k^2 (a u / (1 + a x))^2 (c + 1)
 *   sd = sqrt(c Var_imp + Var_count), s_k the curve's slope g'_k at t_k (delta method), c the
 *   model's imputation.varianceScale (>= 1): fitted so that real accounts seen partially
 *   (an archive's view of PeerIndex and genuine.csv accounts) have their full-data score
 *   inside the interval 80% of the time (scripts/lib/fit/real-data.ts fitVarianceScale);
 *   interval = [C(d (T - z sd)), C(d (T + z sd))], z = 1.2816 (the 10% and 90% normal
 *   quantiles), C the calibration, d the authenticity damping, both ends capped like the score.
 * Declared counts (followers, listed) carry no counting noise here: they are exact counts,
 * and what they say about influence is what the curves were fitted on.
 *
 * Sources: the delta method (Casella and Berger, Statistical Inference, 2nd ed., 5.5.4);
 * the conditional variance of a one-factor model (Bartholomew, Knott and Moustaki 2011,
 * sec. 3.15); Poisson counting noise.
 *
 * Worked example: only followers present, engagers imputed with loading 0.8 (psi 0.36),
 * reference scale 1.2, curve slope 0.5, Var(F | followers) = 0.3: Var_imp = 0.3 * (0.5 *
 * 1.2 * 0.8)^2 + 0.25 * 1.44 * 0.36 = 0.069 + 0.130 = 0.199, sd 0.45 logits: the total
 * +- 0.57 logits mapped through the calibration.
 */
import { applyCalibration, curveSlope, type Model } from './model.js';

/** z of the two-sided 80% normal interval. */
export const Z80 = 1.2815515655446004;

/**
 * Variance of the raw total: `t` the evaluated log values (imputed filled in), `imputed`
 * 1 where imputed, `factorVariance` Var(F | present), `perCount` units per counted event
 * per model feature (NaN: not a count).
 */
export function totalVariance(model: Model, t: Float64Array, imputed: Uint8Array, factorVariance: number, perCount?: Float64Array): number {
  let common = 0;
  let imputedOwn = 0;
  let own = 0;
  for (let k = 0; k < model.features.length; k++) {
    const f = model.features[k]!;
    const slope = curveSlope(f.knots, f.points, t[k]!);
    if (imputed[k] === 1) {
      const l = f.reference.loading;
      common += slope * f.reference.scale * l;
      imputedOwn += (slope * f.reference.scale) ** 2 * (1 - l * l);
      continue;
    }
    const u = perCount?.[k] ?? NaN;
    if (!(u > 0)) continue;
    const a = f.scale ?? 1;
    const x = Math.expm1(t[k]!) / a;
    const count = x / u;
    const dt = (a * u) / (1 + a * x);
    own += slope * slope * dt * dt * (count + 1);
  }
  return (model.imputation.varianceScale ?? 1) * (factorVariance * common * common + imputedOwn) + own;
}

/** The 80% interval of the score for a raw total and its sd (damped and capped like the score). */
export function scoreInterval(model: Model, total: number, sd: number, damping: number, cap: number): [number, number] {
  const lo = Math.min(cap, applyCalibration(model.calibration, (total - Z80 * sd) * damping));
  const hi = Math.min(cap, applyCalibration(model.calibration, (total + Z80 * sd) * damping));
  return [lo, hi];
}
