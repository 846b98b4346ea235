/**
 * The result contract shared by scoring, authenticity, topics and every renderer.
 * Every result carries its reasons; renderers never recompute.
 */

export type ContributionGroup = 'reach' | 'amplification' | 'network' | 'authenticity' | 'baseline';
/** Where a value came from; 'imputed': not in the data, assumed from the present features (engine/impute.ts). */
export type FeatureSource = 'events' | 'declared' | 'missing' | 'imputed';

/** One itemised part of a score: a feature's value and the points it adds (or removes). */
export interface Contribution {
  feature: string;
  group: ContributionGroup;
  /** the feature value the points come from (for source 'imputed', the value assumed); null for baseline */
  value: number | null;
  points: number;
  source: FeatureSource;
  /** for source 'imputed': what the assumed value rests on (engine/score.ts imputationBasis) */
  basis?: string;
}

export const FLAG_CODES = ['follow-back', 'bot-cadence', 'hashtag-stuffing', 'engagement-pod', 'serial-engager', 'churn'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** How each flag reads in an itemised score ("follow-back farm: -14"). */
export const FLAG_LABELS: Record<FlagCode, string> = {
  'follow-back': 'follow-back farm',
  'bot-cadence': 'bot cadence',
  'hashtag-stuffing': 'hashtag stuffing',
  'engagement-pod': 'engagement pod',
  'serial-engager': 'serial engagers',
  churn: 'follow/unfollow churn',
};


/** An authenticity signal that fired, with the numbers behind it. */
export interface Flag {
  code: FlagCode;
  /** 0..1: how far past its threshold the signal is */
  severity: number;
  /** the measured values and thresholds, e.g. {followers: 5000, following: 4900, ratio: 0.98, ratioMin: 0.8} */
  evidence: Record<string, number | string | boolean | string[]>;
  /** the multiplier this flag contributes to the account's damping (in (0, 1]); see engine/authenticity/damping.ts */
  factor: number;
}

/** What the authenticity stage hands the scorer (see engine/authenticity/). */
export interface AuthenticityAssessment {
  /** per account index: the flags that fired */
  flags: Flag[][];
  /** per account index: multiplier in (0, 1] on the raw additive total; 1 = no damping */
  damping: Float64Array;
  /** per account index: the highest calibrated score (1-100) the account may show; 100 = no cap, flagged accounts < 70 */
  cap: Float64Array;
  /** per interaction index: weight in [0, 1] with which the event counts (repeats from serial engagers and pod rings count less) */
  interactionWeight: Float32Array;
}

/** The flag list of every account without flags (frozen: shared by all of them). */
export const NO_FLAGS: Flag[] = Object.freeze([]) as unknown as Flag[];

/** No flags, no damping: every account and interaction counts fully. */
export function neutralAssessment(accounts: number, interactions: number): AuthenticityAssessment {
  return {
    flags: new Array<Flag[]>(accounts).fill(NO_FLAGS),
    damping: new Float64Array(accounts).fill(1),
    cap: new Float64Array(accounts).fill(100),
    interactionWeight: new Float32Array(interactions).fill(1),
  };
}
