/**
 * From flags to damping, cap and itemised points.
 *
 * factor(flag) = 1 - strength[code] x (0.5 + 0.5 x severity)
 * damping      = max(floor, product of the account's factors)      (1 when unflagged)
 * cap          = capHigh - (capHigh - capLow) x max severity        (100 when unflagged)
 * Example: follow-back (strength 0.5) at severity 0.6 -> factor 0.6; with bot-cadence
 * (0.5) at severity 0.2 -> factor 0.7: damping 0.42, cap 60 - 25 x 0.6 = 45.
 *
 * The scorer multiplies the raw additive total by `damping`, shows what that removed as
 * one 'authenticity' contribution per flag (`splitDampingPoints`), then caps the
 * calibrated score at `cap`. The cap is the guarantee that no flagged account reaches 70
 * whatever the model's weights; damping is the proportionate part.
 */
import { FLAG_LABELS, type Flag, type FlagCode } from '../result-types.js';
import type { DampingConfig } from './config.js';
import { round } from './measure.js';
import type { RawFlag } from './signal.js';

/** Attaches the damping factor a raw flag contributes. */
export function attachFactor(flag: RawFlag, cfg: DampingConfig): Flag {
  return { ...flag, factor: round(1 - cfg.strength[flag.code] * (0.5 + 0.5 * flag.severity)) };
}

/** The account's damping multiplier: product of its flags' factors, floored. */
export function combineDamping(flags: readonly Flag[], cfg: DampingConfig): number {
  let d = 1;
  for (const f of flags) d *= f.factor;
  return round(Math.max(cfg.floor, d));
}

/** The highest calibrated score a flagged account may show (100 when unflagged). */
export function capFor(flags: readonly Flag[], cfg: DampingConfig): number {
  if (flags.length === 0) return 100;
  let worst = 0;
  for (const f of flags) worst = Math.max(worst, f.severity);
  return round(cfg.capHigh - (cfg.capHigh - cfg.capLow) * worst, 2);
}

/** One itemised authenticity contribution: the points a flag removed (negative). */
export interface DampingItem {
  code: FlagCode;
  label: string;
  points: number;
}

/**
 * Splits the points damping removes, rawTotal x (1 - damping), across the flags in
 * proportion to -ln(factor) (each flag's share of the product), so the items add up
 * exactly to the total removed. Example: raw 50, factors 0.6 and 0.7 (damping 0.42):
 * removed 29; follow-back ln 0.6 / ln 0.42 = 0.589 -> -17.08, bot cadence -11.92.
 */
export function splitDampingPoints(rawTotal: number, flags: readonly Flag[], damping: number): DampingItem[] {
  const removed = rawTotal * (1 - damping);
  let logSum = 0;
  for (const f of flags) logSum += -Math.log(f.factor);
  return flags.map((f) => ({
    code: f.code,
    label: FLAG_LABELS[f.code],
    points: logSum > 0 ? -(removed * -Math.log(f.factor)) / logSum : 0,
  }));
}
