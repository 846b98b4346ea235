/**
 * Classifies accounts as `real`, `suspicious`, `fake`, `bot` or `unknown` from their
 * profile (model.ts) and, where the database has their activity, the authenticity flags
 * (engine/authenticity).
 *
 * Decision, for an account with profile evidence (any of followers, following, posts,
 * listed, likes given known), in the sub-model for the evidence it has (model.ts: whether
 * likes given, account age and post count are known), with that sub-model's thresholds:
 *   P(real) >= real threshold            -> real, but suspicious if following >= massFollowing
 *                                           or the profile is beyond an edge of the people's
 *                                           envelope (model.ts EnvelopeRule)
 *   P(real) <  flag threshold            -> fake or bot, whichever is likelier
 *   otherwise                            -> suspicious
 * Without profile evidence the account is `unknown`: absence of data is never evidence of
 * a person or of a fake (issue 12). Activity can only make a verdict worse, never better:
 * a bot-cadence flag makes the account `bot`; any other authenticity flag (follow-back
 * farm, churn, hashtag stuffing, pods, serial engaging) makes a `real` or `unknown` one
 * `suspicious`. Those flags carry their own thresholds (engine/authenticity/config.ts);
 * the labelled profiles have no activity to fit them on.
 *
 * Example: following 2,001, followers 3, 0 posts, default avatar -> P(real) ~ 0 -> fake,
 * reasons ["mass-follower", "inactive", "following 2,001, followers 3", "0 posts", ...].
 */
import type { Dataset } from '../dataset.js';
import type { Flag } from '../result-types.js';
import { PROFILE_FEATURES, computeProfileFeatures, hasProfileEvidence, readProfileFacts, type ProfileFacts } from './features.js';
import { applyAudienceModel, audienceProbabilitiesInto, isMassFollower, isOutsideEnvelope, AUDIENCE_CLASSES, type AudienceClass, type AudienceModel, type ModelOutput } from './model.js';
import { buildReasons, describeEnvelope, formatCount } from './reasons.js';

/** One account's verdict, with its reasons. */
export interface AccountVerdict {
  /** account index in the Dataset */
  index: number;
  class: AudienceClass;
  /** the model's probability of the class given (for suspicious: of not being real); null for unknown */
  probability: number | null;
  /** the model's class probabilities; null without profile evidence */
  p: { real: number; fake: number; bot: number } | null;
  reasons: string[];
  /** what the verdict rests on */
  evidence: 'profile' | 'activity' | 'profile+activity' | 'none';
}

/** What classifyAccounts needs besides the Dataset. */
export interface ClassifyOptions {
  /** the audit's as-of (epoch ms), for account ages; null when not known (ages are then unknown) */
  asOf: number | null;
  /** asOf is a lower bound of when the profiles were read (classes.ts): reasons say "at least" of ages (the class is the same) */
  agesAtLeast?: boolean;
  /** accounts to classify (indices); default all */
  accounts?: ArrayLike<number>;
  /** authenticity flags per account index, when the database has activity */
  flags?: readonly (readonly Flag[])[];
  /** build the reasons (default true); without them the class and probability are the same, only cheaper */
  reasons?: boolean;
}

/**
 * The class from the model's probabilities and its two rules (see the module comment): real
 * at or above the submodel's real threshold unless the mass-follower rule or the envelope
 * says otherwise (then suspicious), fake or bot below its flag threshold, suspicious between.
 */
function classFrom(real: number, fake: number, bot: number, t: { real: number; flag: number }, massFollower: boolean, outside: boolean): AudienceClass {
  if (real >= t.real) return massFollower || outside ? 'suspicious' : 'real';
  if (real < t.flag) return fake >= bot ? 'fake' : 'bot';
  return 'suspicious';
}

/** The model's probability of a class (for suspicious: of not being real). */
function probabilityOf(cls: AudienceClass, real: number, fake: number, bot: number): number {
  return cls === 'real' ? real : cls === 'fake' ? fake : cls === 'bot' ? bot : fake + bot;
}

/** The class activity flags raise a verdict to, or null when they leave it (they can only make it worse). */
function activityClass(cls: AudienceClass, flags: readonly Flag[]): AudienceClass | null {
  const bot = flags.some((f) => f.code === 'bot-cadence');
  const target: AudienceClass = bot ? 'bot' : 'suspicious';
  return RANK[target] > RANK[cls] || (bot && cls === 'fake') ? target : null;
}

/** Decides the class from model output (see the module comment). */
export function decideClass(model: AudienceModel, out: ModelOutput): { class: AudienceClass; probability: number; massFollower?: true; outside?: true } {
  const { real, fake, bot } = out.p;
  const cls = classFrom(real, fake, bot, out.submodel, out.massFollower, out.outside.length > 0);
  const probability = probabilityOf(cls, real, fake, bot);
  if (cls === 'suspicious' && real >= out.submodel.real) return out.massFollower ? { class: cls, probability, massFollower: true } : { class: cls, probability, outside: true };
  return { class: cls, probability };
}

/**
 * Points each feature adds toward the verdict (positive = supports it): for fake or bot,
 * toward the likeliest archetype of that class; for suspicious, toward the archetypes
 * weighted by their probability; for real, the negative of that.
 */
function supportFor(model: AudienceModel, cls: AudienceClass, out: ModelOutput): Float64Array {
  const m = model.features.length;
  const s = new Float64Array(m);
  if (cls === 'fake' || cls === 'bot') {
    let best = -1;
    out.submodel.archetypes.forEach((a, k) => {
      if (a.class === cls && (best < 0 || out.archetype[k]! > out.archetype[best]!)) best = k;
    });
    if (best >= 0) s.set(out.points[best]!);
    return s;
  }
  let total = 0;
  for (const p of out.archetype) total += p;
  const sign = cls === 'real' ? -1 : 1;
  out.submodel.archetypes.forEach((_, k) => {
    const share = total > 0 ? out.archetype[k]! / total : 1 / out.submodel.archetypes.length;
    for (let j = 0; j < m; j++) s[j]! += sign * share * out.points[k]![j]!;
  });
  return s;
}

/** Classifies one account from its profile facts. */
export function classifyProfile(model: AudienceModel, facts: ProfileFacts, scratch = new Float64Array(PROFILE_FEATURES.length), withReasons = true): Omit<AccountVerdict, 'index'> {
  if (!hasProfileEvidence(facts)) return { class: 'unknown', probability: null, p: null, reasons: ['no profile data: followers, following, posts, lists and likes all unknown'], evidence: 'none' };
  const out = applyAudienceModel(model, computeProfileFeatures(facts, scratch));
  const decision = decideClass(model, out);
  const reasons = withReasons ? buildReasons(facts, supportFor(model, decision.class, out), { patterns: decision.class !== 'real' }) : [];
  // the envelope, not the model, made it suspicious: its edges first
  if (decision.outside && withReasons) reasons.unshift(...out.outside.map((r) => describeEnvelope(r, facts)));
  // the mass-follower rule, not the model, made it suspicious: say so first
  if (decision.massFollower && withReasons) reasons.unshift(`following ${formatCount(facts.following)}: at or above ${formatCount(model.massFollowing)}, the mass-follower count`);
  return { class: decision.class, probability: round(decision.probability), p: { real: round(out.p.real), fake: round(out.p.fake), bot: round(out.p.bot) }, reasons, evidence: 'profile' };
}

const round = (v: number): number => Number(v.toFixed(4));

const RANK: Record<AudienceClass, number> = { unknown: 0, real: 1, suspicious: 2, fake: 3, bot: 3 };

/** Adds activity flags to a profile verdict: they can only make it worse (see the module comment). */
function applyActivity(v: Omit<AccountVerdict, 'index'>, flags: readonly Flag[]): Omit<AccountVerdict, 'index'> {
  if (flags.length === 0) return v;
  const target = activityClass(v.class, flags);
  const reasons = [...flags.map((f) => `activity: ${f.code} (severity ${f.severity.toFixed(2)})`), ...v.reasons.filter((r) => !r.startsWith('no profile data'))];
  const evidence = v.evidence === 'none' ? 'activity' : 'profile+activity';
  if (target !== null) {
    return { ...v, class: target, probability: v.p === null ? null : round(1 - v.p.real), reasons, evidence };
  }
  return { ...v, reasons, evidence };
}

/** Classifies the given accounts (default: all) of a Dataset. */
export function classifyAccounts(dataset: Dataset, model: AudienceModel, options: ClassifyOptions): AccountVerdict[] {
  const a = dataset.accounts;
  const indices = options.accounts ?? Array.from({ length: a.n }, (_, i) => i);
  const scratch = new Float64Array(PROFILE_FEATURES.length);
  const out: AccountVerdict[] = new Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    let v = classifyProfile(model, readProfileFacts(a, i, options.asOf, options.agesAtLeast), scratch, options.reasons ?? true);
    const flags = options.flags?.[i];
    if (flags && flags.length > 0) v = applyActivity(v, flags);
    out[k] = { index: i, ...v };
  }
  return out;
}

/** Every account's class (index into AUDIENCE_CLASSES) and the probability of it (NaN when unknown). */
export interface AccountClasses {
  class: Uint8Array;
  probability: Float64Array;
}

const CLASS_CODE = Object.fromEntries(AUDIENCE_CLASSES.map((c, k) => [c, k])) as Record<AudienceClass, number>;

/**
 * The class and probability of every account of a Dataset: the same as classifyAccounts
 * with `reasons: false` gives them (test/engine/audience/classify.test.ts holds the two
 * equal), into two columns, with no verdict object, probability object or per-archetype
 * array made per account: a whole population (1M accounts) is classified in one pass.
 */
export function classifyAccountClasses(dataset: Dataset, model: AudienceModel, options: Pick<ClassifyOptions, 'asOf' | 'flags'>): AccountClasses {
  const a = dataset.accounts;
  const n = a.n;
  const cls = new Uint8Array(n);
  const probability = new Float64Array(n);
  const x = new Float64Array(PROFILE_FEATURES.length);
  const p = new Float64Array(3);
  const logits = new Float64Array(Math.max(1, ...model.submodels.map((s) => s.archetypes.length)));
  for (let i = 0; i < n; i++) {
    const facts = readProfileFacts(a, i, options.asOf);
    let c: AudienceClass;
    let prob: number;
    let real = NaN;
    if (!hasProfileEvidence(facts)) {
      c = 'unknown';
      prob = NaN;
    } else {
      computeProfileFeatures(facts, x);
      const t = audienceProbabilitiesInto(model, x, p, logits);
      real = p[0]!;
      // the rules are only asked about an account the model calls real, as decideClass's output asks them
      const ruled = real >= t.real && (isMassFollower(model, x) || isOutsideEnvelope(model, x));
      c = classFrom(real, p[1]!, p[2]!, t, ruled, false);
      prob = round(probabilityOf(c, real, p[1]!, p[2]!));
    }
    const flags = options.flags?.[i];
    if (flags && flags.length > 0) {
      const target = activityClass(c, flags);
      if (target !== null) {
        prob = Number.isNaN(real) ? NaN : round(1 - round(real));
        c = target;
      }
    }
    cls[i] = CLASS_CODE[c];
    probability[i] = prob;
  }
  return { class: cls, probability };
}
