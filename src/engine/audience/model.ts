/**
 * The audience classifier's model (models/audience-v1.json): multinomial logistic
 * regressions over the profile features with `real` as the reference category and one
 * category per archetype of inauthentic account (bought followers; spambots). An
 * archetype belongs to a verdict class, `fake` or `bot`; a class's probability is the sum
 * of its archetypes'.
 *
 * Missing columns: one sub-model per evidence key (whether likes given, the account's age
 * and its post count are known), each fitted with exactly that evidence, so an export
 * without likes is judged by weights fitted without likes, not by weights that expected
 * them (a sub-model per feature set); each has its own decision thresholds. Within a
 * sub-model a feature that is still unknown (a missing picture flag, say) adds nothing.
 *
 * Definition: in the account's sub-model, for archetype a,
 *   logit_a = intercept_a + sum_j weight_aj * (x_j - mean_j) / scale_j
 * with x_j held inside [lowest_j, highest_j] where the model gives that range (standardScore)
 * over the features j that are KNOWN for the account (an unknown feature adds nothing: it
 * is taken at the training mean; the fit drops feature groups at random so the remaining
 * weights carry the evidence alone, see fit.ts). Then
 *   P(real) = 1 / (1 + sum_a e^logit_a),  P(a) = e^logit_a * P(real),
 *   P(fake) = sum of the fake archetypes, P(bot) = sum of the bot archetypes,
 * under the fit's priors (each verdict class weighs the same: see provenance.priors).
 * Source: the baseline-category logit model (Agresti, Categorical Data Analysis, 3rd ed.,
 * 2013, section 8.1).
 *
 * Beside the logit, the people's envelope (EnvelopeRule, model 1.2.0 on): edges of the range
 * of labelled people on a few measures (four in model 1.4.0); classify.ts makes a profile the
 * logit calls real but beyond an edge `suspicious`.
 *
 * Example: one archetype 'bought' (fake), intercept 0, one feature followRatio (mean -0.2,
 * scale 0.6) with weight -3; an account at -2.7 has z = -4.17, logit 12.5, P(fake) = 0.999996.
 */
import { PROFILE_FEATURES, type ProfileFeature } from './features.js';

export const AUDIENCE_CLASSES = ['real', 'suspicious', 'fake', 'bot', 'unknown'] as const;
/** What the audit calls a follower. */
export type AudienceClass = (typeof AUDIENCE_CLASSES)[number];
/** The classes an archetype can stand for. */
export type InauthenticClass = 'fake' | 'bot';

/** One feature of the model: its standardisation. */
export interface ModelFeature {
  name: ProfileFeature;
  unit: string;
  mean: number;
  scale: number;
  /**
   * The range of the feature among the real accounts the model was fitted on. A value
   * beyond it is read at its edge: a linear logit must not extrapolate past the people it
   * has seen (the labelled people are all 2+ years old, so without the edge an account a
   * few months old would be "fake" by its age alone). Absent in older model files: no edge.
   */
  lowest?: number;
  highest?: number;
}

/**
 * A known feature value in standard units, held inside the real accounts' range when the
 * model gives one (the fit gives it to account age and posts per day: fit.ts HELD_TO_REAL_RANGE):
 *   z = (min(max(x, lowest), highest) - mean) / scale
 * Example: ageDays mean 3.17, scale 0.21, lowest 2.86 (725 days): an account of 181 days
 * (x = 2.26) is read at 2.86, z = -1.5 (not -4.4).
 */
export function standardScore(f: ModelFeature, x: number): number {
  const held = f.lowest !== undefined && x < f.lowest ? f.lowest : f.highest !== undefined && x > f.highest ? f.highest : x;
  return (held - f.mean) / f.scale;
}

/** One kind of inauthentic account the model was fitted on, with its logit. */
export interface Archetype {
  /** the labelled source it was fitted on, e.g. 'fake_followers', 'social_spambots_1' */
  name: string;
  class: InauthenticClass;
  description: string;
  intercept: number;
  /** per feature, in model order: points per standard unit toward this archetype */
  weights: number[];
}

/** Which optional evidence an account has: selects the sub-model. */
export interface EvidenceKey {
  likes: boolean;
  age: boolean;
  posts: boolean;
}

/** The model for accounts with one evidence key: archetype logits and decision thresholds on P(real). */
export interface Submodel extends EvidenceKey {
  archetypes: Archetype[];
  /** at or above: real */
  real: number;
  /** below: fake or bot; between flag and real: suspicious */
  flag: number;
}

/**
 * The measures the people's envelope reads (see EnvelopeRule), each from the feature vector:
 *   followRatio  = log10((followers + 1) / (following + 1))
 *   likesPerPost = log10((likes given + 1) / (posts + 1))
 *   likesPerDay  = log10((likes given + 1) / (age in days + 1)), at the account's own age (not
 *                  held to the ageDays feature's range: a young account is not held to a long silence)
 *   likesPerFollowing = log10((likes given + 1) / (following + 1)) (model 1.3.0 on): needs no
 *                  age, so it still reads when the as-of (hence every age) is unknown
 *   listedPerFollower = log10(lists the account is on / (followers + 1)) (model 1.4.0 on):
 *                  lists are made by others, and people are on about one list per hundred
 *                  followers; an account on no list has -Infinity, never beyond: it cannot be
 *                  on too many lists (no +1 on the lists, or 0 lists and 0 followers would be)
 */
export const ENVELOPE_MEASURES = ['followRatio', 'likesPerPost', 'likesPerDay', 'likesPerFollowing', 'listedPerFollower'] as const;
/** One measure of the envelope. */
export type EnvelopeMeasure = (typeof ENVELOPE_MEASURES)[number];

/**
 * One edge of the people's envelope: an account beyond it (value below the threshold for
 * 'below') is outside the range of nearly all labelled people on a measure whose direction
 * is fixed in advance (few followers per followed account: bought followers and follow
 * farms; posting without ever liking: broadcasters; years without a like: dormant or
 * scripted accounts; following many and reacting to none: a feed no one reads; on far more
 * lists than followers: lists no audience made). The
 * threshold is a quantile of the real training accounts alone, so it does not depend on
 * which inauthentic families the fit saw: a family no label covers is caught as far as it
 * leaves the people's range (leave-one-source-out in models/audience-v1.md).
 */
export interface EnvelopeRule {
  measure: EnvelopeMeasure;
  direction: 'below' | 'above';
  threshold: number;
  /** share of the real training accounts (by weight) beyond the threshold */
  peopleBeyond: number;
}

/** The model file's contents. */
export interface AudienceModel {
  schema: 1;
  version: string;
  description: string;
  /** the standardisation, shared by the sub-models */
  features: ModelFeature[];
  /** one per evidence key (likes x age x posts known) */
  submodels: Submodel[];
  /**
   * Mass followers: an account following at least this many is `suspicious` even when its
   * profile otherwise looks real (HypeAuditor counts accounts following 1,500+ as "mass
   * followers", whose feeds are too full to see a post; the count here is fitted so that
   * few people reach it, see fit.ts chooseMassFollowing).
   */
  massFollowing: number;
  /**
   * The people's envelope (model 1.2.0 on): an account P(real) calls real but beyond any
   * of these edges is `suspicious`. Absent in older model files: no envelope.
   */
  envelope?: EnvelopeRule[];
  /** how the numbers were obtained: data and hashes, cross-validation, baselines */
  provenance: Record<string, unknown>;
}

/** The class probabilities of one account, and what each known feature added to each archetype's logit. */
export interface ModelOutput {
  /** the sub-model used */
  submodel: Submodel;
  p: { real: number; fake: number; bot: number };
  /** per archetype (sub-model order): its probability */
  archetype: Float64Array;
  /** per archetype, per feature: points toward it (0 when the feature is unknown) */
  points: Float64Array[];
  /** the account follows at least model.massFollowing accounts */
  massFollower: boolean;
  /** the envelope edges the account is beyond (empty when none, or when their measures are unknown) */
  outside: EnvelopeRule[];
}

const LIKES = PROFILE_FEATURES.indexOf('likesGiven');
const AGE = PROFILE_FEATURES.indexOf('ageDays');
const POSTS = PROFILE_FEATURES.indexOf('posts');
const FOLLOWING = PROFILE_FEATURES.indexOf('following');
const RATIO = PROFILE_FEATURES.indexOf('followRatio');
const LIKES_PER_POST = PROFILE_FEATURES.indexOf('likesPerPost');
const LISTED = PROFILE_FEATURES.indexOf('listed');
const FOLLOWERS = PROFILE_FEATURES.indexOf('followers');

/**
 * The value of an envelope measure for a feature vector (NaN when unknown).
 * Example: 0 likes given, 2,500 days old -> likesPerDay = 0 - log10(2501) = -3.40.
 */
export function envelopeValue(measure: EnvelopeMeasure, x: Float64Array): number {
  switch (measure) {
    case 'followRatio':
      return x[RATIO]!;
    case 'likesPerPost':
      return x[LIKES_PER_POST]!;
    case 'likesPerDay':
      return x[LIKES]! - x[AGE]!;
    case 'likesPerFollowing':
      return x[LIKES]! - x[FOLLOWING]!;
    case 'listedPerFollower': {
      // x holds log10(lists + 1): back to the count, so that no list at all is -Infinity
      const lists = 10 ** x[LISTED]! - 1;
      return lists < 0.5 ? -Infinity : Math.log10(lists) - x[FOLLOWERS]!;
    }
  }
}

/** The envelope edges a feature vector is beyond (an unknown measure is never beyond). */
export function outsideEnvelope(model: AudienceModel, x: Float64Array): EnvelopeRule[] {
  const rules = model.envelope;
  if (!rules || rules.length === 0) return [];
  return rules.filter((r) => isBeyond(r, x));
}

/** Whether a feature vector is beyond one envelope edge (an unknown measure never is). */
function isBeyond(r: EnvelopeRule, x: Float64Array): boolean {
  const v = envelopeValue(r.measure, x);
  return !Number.isNaN(v) && (r.direction === 'below' ? v < r.threshold : v > r.threshold);
}

/** The evidence key of a feature vector. */
export function evidenceOf(x: Float64Array): EvidenceKey {
  return { likes: !Number.isNaN(x[LIKES]!), age: !Number.isNaN(x[AGE]!), posts: !Number.isNaN(x[POSTS]!) };
}

/** The sub-model for an evidence key. */
export function submodelFor(model: AudienceModel, key: EvidenceKey): Submodel {
  return model.submodels.find((s) => s.likes === key.likes && s.age === key.age && s.posts === key.posts) ?? model.submodels[0]!;
}

/** Applies the model to one feature vector (NaN = unknown). */
export function applyAudienceModel(model: AudienceModel, x: Float64Array): ModelOutput {
  const sub = submodelFor(model, evidenceOf(x));
  const points = sub.archetypes.map(() => new Float64Array(model.features.length));
  const e = new Float64Array(sub.archetypes.length);
  const p = new Float64Array(3);
  const sum = classProbabilitiesInto(sub, e, logitsInto(model, sub, x, e, points), p);
  return {
    submodel: sub,
    p: { real: p[0]!, fake: p[1]!, bot: p[2]! },
    archetype: Float64Array.from(e, (v) => v / sum),
    points,
    massFollower: isMassFollower(model, x),
    outside: outsideEnvelope(model, x),
  };
}

/** Whether a feature vector is beyond any envelope edge: outsideEnvelope(...).length > 0, without the list. */
export function isOutsideEnvelope(model: AudienceModel, x: Float64Array): boolean {
  return model.envelope?.some((r) => isBeyond(r, x)) ?? false;
}

/**
 * The class probabilities of one feature vector, as applyAudienceModel gives them (the same
 * operations in the same order, so the same numbers), written into `out` [real, fake, bot]
 * with nothing allocated: the per-account path of classifying a whole dataset, where the
 * points and archetype probabilities applyAudienceModel keeps for reasons are not wanted.
 * Returns the sub-model used.
 */
export function audienceProbabilitiesInto(model: AudienceModel, x: Float64Array, out: Float64Array, logits: Float64Array): Submodel {
  const sub = submodelFor(model, { likes: !Number.isNaN(x[LIKES]!), age: !Number.isNaN(x[AGE]!), posts: !Number.isNaN(x[POSTS]!) });
  classProbabilitiesInto(sub, logits, logitsInto(model, sub, x, logits, null), out);
  return sub;
}

/**
 * Each archetype's logit for x into `logits` (intercept + sum of weight x standard score; an
 * unknown feature scores 0), and with `points` each feature's share of it; returns the largest
 * logit, at least the reference's 0.
 */
function logitsInto(model: AudienceModel, sub: Submodel, x: Float64Array, logits: Float64Array, points: Float64Array[] | null): number {
  const m = model.features.length;
  let top = 0;
  for (let a = 0; a < sub.archetypes.length; a++) {
    const arch = sub.archetypes[a]!;
    let s = arch.intercept;
    for (let j = 0; j < m; j++) {
      const v = x[j]!;
      const pts = arch.weights[j]! * (Number.isNaN(v) ? 0 : standardScore(model.features[j]!, v));
      if (points) points[a]![j] = pts;
      s += pts;
    }
    logits[a] = s;
    if (s > top) top = s;
  }
  return top;
}

/**
 * Softmax against the reference (logit 0), shifted by `top` for stability: turns `logits` into
 * exp(logit - top) in place, writes [real, fake, bot] into `out` and returns the normaliser.
 */
function classProbabilitiesInto(sub: Submodel, logits: Float64Array, top: number, out: Float64Array): number {
  const A = sub.archetypes.length;
  let sum = Math.exp(-top);
  for (let a = 0; a < A; a++) sum += (logits[a] = Math.exp(logits[a]! - top));
  let fake = 0;
  let bot = 0;
  for (let a = 0; a < A; a++) {
    if (sub.archetypes[a]!.class === 'fake') fake += logits[a]! / sum;
    else bot += logits[a]! / sum;
  }
  out[0] = Math.exp(-top) / sum;
  out[1] = fake;
  out[2] = bot;
  return sum;
}

/** Whether the account follows at least model.massFollowing accounts (from its feature vector). */
export function isMassFollower(model: AudienceModel, x: Float64Array): boolean {
  return x[FOLLOWING]! >= Math.log10(model.massFollowing + 1);
}

/** Checks a parsed model file; returns the problems found (empty when usable). */
export function checkAudienceModel(value: unknown): string[] {
  const problems: string[] = [];
  const m = value as Partial<AudienceModel> | null;
  if (typeof m !== 'object' || m === null) return ['not a JSON object'];
  if (m.schema !== 1) problems.push('schema is not 1');
  if (typeof m.version !== 'string') problems.push('version is missing');
  if (!Array.isArray(m.features)) problems.push('features is not an array');
  else {
    m.features.forEach((f, j) => {
      if (f?.name !== PROFILE_FEATURES[j]) problems.push(`features[${j}] is '${String(f?.name)}', expected '${PROFILE_FEATURES[j]}'`);
      if (!Number.isFinite(f?.mean)) problems.push(`features[${j}].mean is not a number`);
      if (!(Number.isFinite(f?.scale) && f.scale > 0)) problems.push(`features[${j}].scale is not a positive number`);
      if ((f?.lowest === undefined) !== (f?.highest === undefined) || (f?.lowest !== undefined && !(Number.isFinite(f.lowest) && Number.isFinite(f.highest) && f.lowest <= f.highest!))) {
        problems.push(`features[${j}].lowest/highest must both be numbers with lowest <= highest, or both absent`);
      }
    });
    if (m.features.length !== PROFILE_FEATURES.length) problems.push(`${m.features.length} features, expected ${PROFILE_FEATURES.length}`);
  }
  if (!(Number.isFinite(m.massFollowing) && m.massFollowing! > 0)) problems.push('massFollowing is not a positive number');
  if (m.envelope !== undefined) {
    if (!Array.isArray(m.envelope)) problems.push('envelope is not an array');
    else {
      m.envelope.forEach((r, k) => {
        if (!ENVELOPE_MEASURES.includes(r?.measure)) problems.push(`envelope[${k}].measure is not one of ${ENVELOPE_MEASURES.join(', ')}`);
        if (r?.direction !== 'below' && r?.direction !== 'above') problems.push(`envelope[${k}].direction is not 'below' or 'above'`);
        if (!Number.isFinite(r?.threshold)) problems.push(`envelope[${k}].threshold is not a number`);
        if (!(Number.isFinite(r?.peopleBeyond) && r.peopleBeyond >= 0 && r.peopleBeyond < 1)) problems.push(`envelope[${k}].peopleBeyond is not a share in [0, 1)`);
      });
    }
  }
  if (!Array.isArray(m.submodels) || m.submodels.length === 0) problems.push('submodels is not a non-empty array');
  else {
    m.submodels.forEach((sub, s) => {
      if (!(sub?.flag > 0 && sub.flag <= sub.real && sub.real < 1)) problems.push(`submodels[${s}] thresholds must satisfy 0 < flag <= real < 1`);
      if (!Array.isArray(sub?.archetypes) || sub.archetypes.length === 0) problems.push(`submodels[${s}].archetypes is not a non-empty array`);
      else {
        sub.archetypes.forEach((a, k) => {
          if (a?.class !== 'fake' && a?.class !== 'bot') problems.push(`submodels[${s}].archetypes[${k}].class is not 'fake' or 'bot'`);
          if (!Number.isFinite(a?.intercept)) problems.push(`submodels[${s}].archetypes[${k}].intercept is not a number`);
          if (!Array.isArray(a?.weights) || a.weights.length !== PROFILE_FEATURES.length || !a.weights.every(Number.isFinite)) {
            problems.push(`submodels[${s}].archetypes[${k}].weights is not ${PROFILE_FEATURES.length} numbers`);
          }
        });
      }
    });
  }
  return problems;
}
