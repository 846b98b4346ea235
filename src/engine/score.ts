/**
 * Scoring: features -> model -> a 1-100 score with sub-scores, confidence, and itemised
 * contributions that add up exactly to the score shown.
 *
 * How the points add up. With raw total T = sum_k g_k (imputed features included),
 * damping d and cap c from the authenticity stage, and calibration C (engine/model.ts):
 *   score          = min(c, C(d * T))
 *   baseline       = C(T(0))                     (the account with zero of everything it
 *                                                 was measured on: engine/attribution.ts)
 *   feature k      = its share of C(T) - C(T(0)) along the path of its evidence
 *                    (engine/attribution.ts); with nothing imputed, (C(T) - C(0)) g_k / T;
 *                    an imputed feature gets none: its effect is in the points of the
 *                    features it was imputed from
 *   authenticity   = score - C(T)                (<= 0; split over the flags in proportion
 *                                                 to -ln(factor), their share of d)
 * These sum to the score. Shown values are in tenths: every item is rounded to
 * 0.1 by the largest-remainder method so that the rounded items sum exactly to the rounded
 * score (leftover tenths go to the largest fractional parts, ties to the earlier item).
 *
 * Worked example: C(0) = 1, T = 2 with g_followers = 1.5, g_listed = 0.5, C(2) = 41, no
 * damping: baseline 1, followers 30, listed 10; sum 41 = score.
 *
 * Why these points are the features' effects: for a score f(T) of an additive total, the
 * Aumann-Shapley attribution along the straight path from 0 to the account's values is
 * exactly g_k (f(T) - f(0)) / T, so each feature's points rise when only its g_k rises
 * (both factors rise) and they add up to f(T) - f(0) (Aumann and Shapley 1974, Values of
 * Non-Atomic Games); engine/attribution.ts keeps that true when some values are imputed.
 *
 * Interval and abstention: see engine/interval.ts. An account about whose audience and
 * reception the data holds nothing (FeatureTable.evidence) abstains: no score, a reason.
 */
import { buildEngagementGraph, type EngagementGraph, type EngagementWeights } from './engagement.js';
import { countActivity, engagersOf, featuresOf, fillNetworkFeature, isLowerBound, SOURCE_CODES, type FeatureName, type FeatureTable, type FeatureVector, type ScoredFeature } from './features.js';
import { imputeInto, type FactorPosterior } from './impute.js';
import { attributeInto } from './attribution.js';
import { applyCalibration, evaluateCurve, featureT, featureValueOf, type Model, type ScoreGroup } from './model.js';
import { scoreInterval, totalVariance } from './interval.js';
import { computeNetworkInfluence, type NetworkGraph, type NetworkOptions, type NetworkResult } from './network.js';
import { KIND_CODES, type Dataset } from './dataset.js';
import type { ScoringWindow } from './window.js';
import type { AudienceTable } from './audience/classes.js';
import { applyRealFollowers, DISCOUNTED_FEATURES, type RealFollowers } from './audience/real-followers.js';
import { significant } from './significant.js';
import { neutralAssessment, type AuthenticityAssessment, type Contribution, type FeatureSource, type Flag } from './result-types.js';

/** What scoring needs besides the population. */
export interface ScoreOptions {
  window: ScoringWindow;
  model: Model;
  /** authenticity stage output; default: nothing flagged, nothing damped */
  assessment?: AuthenticityAssessment;
  /** audience classes: fake and bot followers do not count as audience (engine/audience/real-followers.ts) */
  audience?: AudienceTable;
  /**
   * Told once the engagement graph is built (the activity feature extraction reads is
   * counted before it): the dataset's events, posts and follows and the assessment's
   * per-event weights are read no more (analyze's scoresOnly lets go of them then, before
   * the network stage and the features).
   */
  afterEvents?: () => void;
  /** false: the table keeps no engagement edges (no view of it reads them: keepScoresOnly) */
  keepEdges?: boolean;
  /**
   * true: only the features scoring reads are extracted (the model's and those the audience
   * discount rewrites: scoringFeaturesOf), for a caller that shows scores and their
   * itemisations alone (keepScoresOnly); the others are missing for everyone in the table
   */
  onlyScoringFeatures?: boolean;
  /**
   * Solves the network values elsewhere (another thread: cli/network-thread.ts) while the
   * other features are extracted: started with the engagement graph, it returns a function
   * that gives the very result computeNetworkInfluence(graph, options) gives. Default: solved
   * here, before the features.
   */
  solveNetwork?: NetworkSolver;
}

/** Starts solving the network values of a graph; the function returned gives the result (waiting for it). */
export type NetworkSolver = (graph: NetworkGraph, options: NetworkOptions) => () => NetworkResult;

/**
 * The features scoring reads: the model's, and those the real-followers discount rewrites
 * (engine/audience/real-followers.ts). With model-v2: 10 + follower_ratio and following of 21.
 */
export function scoringFeaturesOf(model: Model): FeatureName[] {
  return [...new Set<FeatureName>([...model.features.map((f) => f.name), ...DISCOUNTED_FEATURES])];
}

/** Every account's score as columns, plus what is needed to explain any one of them. */
export interface ScoreTable {
  n: number;
  window: ScoringWindow;
  model: Model;
  /** the authenticity assessment without its per-event weights (read by the stages alone) */
  assessment: Omit<AuthenticityAssessment, 'interactionWeight'>;
  /** the engagement graph without its per-edge pair weights (read by feature extraction alone) */
  graph: Omit<EngagementGraph, 'pairWeight'>;
  network: NetworkResult;
  features: FeatureTable;
  /** raw additive total T before damping */
  total: Float64Array;
  /** calibrated score C(d * T), unrounded */
  score: Float64Array;
  reach: Float64Array;
  amplification: Float64Array;
  networkScore: Float64Array;
  confidence: Float64Array;
  /** 80% interval of the score (engine/interval.ts) */
  low: Float64Array;
  high: Float64Array;
  /** bit k set: model feature k was imputed (models of up to 32 features; see summarizeScore) */
  imputed: Uint32Array;
  /** per account: why it abstains (no score is shown), null when scored */
  abstain: (string | null)[];
  /** the fake and bot followers left out of the followers feature; null without audience classes */
  realFollowers: RealFollowers | null;
}

/** One account's result, as every renderer and the JSON contract show it. */
export interface AccountScore {
  index: number;
  /** null when the account abstains (see `abstain`) */
  score: number | null;
  /** 80% interval [lo, hi] around the score (engine/interval.ts); null when abstaining */
  interval: [number, number] | null;
  /** why no score is shown: the data holds nothing about the account's audience or reception */
  abstain: string | null;
  subscores: { reach: number; amplification: number; network: number };
  confidence: number;
  contributions: Contribution[];
  flags: Flag[];
  /** scored features that were missing (imputed) */
  missing: ScoredFeature[];
  /** the account's own posts and sent events in the window (0: suggest --as-of lastActivity) */
  activityInWindow: number;
  /** epoch ms of the account's latest own post or sent event in the data, null when none */
  lastActivity: number | null;
}

/** The engagement weights the model's network section defines, per KIND_CODES. */
export function engagementWeightsOf(model: Model): EngagementWeights {
  const kw = model.network.kindWeights;
  const kindWeight = KIND_CODES.map((k) => (k in kw ? kw[k as keyof typeof kw] : 0));
  return { kindWeight, halfLifeDays: model.network.halfLifeDays };
}

/** Scores every account of the population for the window. */
export function scoreAccounts(pop: Dataset, options: ScoreOptions): ScoreTable {
  const { window, model } = options;
  const n = pop.accounts.n;
  const assessment = options.assessment ?? neutralAssessment(n, pop.interactions.n);
  // the per-event weights and per-edge pair weights are not kept: no view reads them, and
  // at 10M engagements they are 80 MB of the table (4 bytes per event, 4 per edge)
  const kept = withoutEventWeights(assessment);
  // the graph is held by measureAccounts alone, so that it can be let go of before the model
  // stage when no edges are kept (at 10M engagements 165 MB)
  const { network, features, edges } = measureAccounts(pop, window, model, assessment, options.keepEdges !== false, options.onlyScoringFeatures === true, options.afterEvents, options.solveNetwork);
  const realFollowers = options.audience ? applyRealFollowers(features, options.audience) : null;
  const scores = computeScores(features, model, assessment.damping, assessment.cap);
  const abstain = features.evidence.audience.length === n ? Array.from({ length: n }, (_, i) => abstentionOf(features, i)) : new Array<string | null>(n).fill(null);
  return { n, window, model, assessment: kept, graph: edges ?? noEdges(n), network, features, ...scores, abstain, realFollowers };
}

/** The engagement graph, the network values over it and every account's features; the graph's edges when kept. */
function measureAccounts(pop: Dataset, window: ScoringWindow, model: Model, assessment: AuthenticityAssessment, keepEdges: boolean, onlyScoring: boolean, afterEvents: (() => void) | undefined, solveNetwork: NetworkSolver | undefined): { network: NetworkResult; features: FeatureTable; edges: ScoreTable['graph'] | null } {
  // the same as extractFeatures after the network stage, in an order that lets go of what
  // is read no more: the events (and posts, follows, per-event weights) once counted and
  // the graph is built, the pair weights once summed (at 10M events 240 + 40 MB less
  // during the network stage and the features)
  const only = onlyScoring ? scoringFeaturesOf(model) : undefined;
  const counts = countActivity(pop, window, assessment.interactionWeight, only);
  const { edges, engagers } = engagementOf(pop, window, model, assessment);
  afterEvents?.();
  if (!solveNetwork) {
    const network = computeNetworkInfluence(edges, model.network);
    return { network, features: featuresOf(pop.accounts, window, engagers, network.value, counts, only), edges: keepEdges ? edges : null };
  }
  // solved elsewhere meanwhile: the features first, the network feature's values once solved
  const solved = solveNetwork(edges, model.network);
  const features = featuresOf(pop.accounts, window, engagers, null, counts, only);
  const network = solved();
  fillNetworkFeature(features, network.value);
  return { network, features, edges: keepEdges ? edges : null };
}

/** The engagement graph without its pair weights, and each account's summed pair weights (engagersOf): in a scope of its own, so nothing holds the pair weights after. */
function engagementOf(pop: Dataset, window: ScoringWindow, model: Model, assessment: AuthenticityAssessment): { edges: ScoreTable['graph']; engagers: Float64Array } {
  const { pairWeight, ...edges } = buildEngagementGraph(pop, window, engagementWeightsOf(model), assessment.interactionWeight);
  return { edges, engagers: engagersOf({ n: edges.n, inStart: edges.inStart, pairWeight }) };
}

/** The assessment without its per-event weights (in a scope of its own: nothing here holds them after). */
function withoutEventWeights(assessment: AuthenticityAssessment): ScoreTable['assessment'] {
  const { interactionWeight: _perEvent, ...kept } = assessment;
  return kept;
}

/** A graph of n accounts without edges (a table that keeps none). */
export function noEdges(n: number): ScoreTable['graph'] {
  return { n, m: 0, inStart: new Int32Array(0), inSource: new Int32Array(0), inWeight: new Float64Array(0), outTotal: new Float64Array(0) };
}

/**
 * Why account i abstains, or null: it abstains when the data holds nothing about its
 * audience (no follower count, no list count, no own follower list) and nothing about its
 * reception (no complete engagement record, no declared reaction counts): all that is
 * known is the far end of other accounts' edges.
 */
export function abstentionOf(features: FeatureTable, i: number): string | null {
  const ev = features.evidence;
  if (ev.audience[i] === 1 || ev.reception[i] === 1) return null;
  const got = ev.receivedInWindow[i]!;
  return got > 0
    ? `only others' engagement with it is in the data (${got} event${got === 1 ? '' : 's'} in the window); its audience and reception are not`
    : 'nothing about its audience or reception is in the data (it appears only at the far end of other accounts\' edges)';
}

/** The model applied to every row of a feature table: scores, sub-scores, confidence as columns. */
export function computeScores(
  features: FeatureTable,
  model: Model,
  damping: Float64Array,
  cap?: Float64Array,
): Pick<ScoreTable, 'total' | 'score' | 'reach' | 'amplification' | 'networkScore' | 'confidence' | 'low' | 'high' | 'imputed'> {
  const n = features.n;
  const out = {
    total: new Float64Array(n),
    score: new Float64Array(n),
    reach: new Float64Array(n),
    amplification: new Float64Array(n),
    networkScore: new Float64Array(n),
    confidence: new Float64Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    imputed: new Uint32Array(n),
  };
  const K = model.features.length;
  const columns = model.features.map((f) => features.value[f.name]);
  const sources = model.features.map((f) => features.source[f.name]);
  const perCount = model.features.map((f) => features.perCount[f.name]);
  const t = new Float64Array(K);
  const lower = new Uint8Array(K);
  const pc = new Float64Array(K);
  const ev = makeEvaluation(K);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      t[k] = featureT(model.features[k]!, columns[k]![i]!);
      lower[k] = isLowerBound(sources[k]![i]!) ? 1 : 0;
      pc[k] = perCount[k]![i]!;
    }
    evaluateInto(model, t, damping[i] ?? 1, ev, lower, cap?.[i] ?? 100, pc);
    out.total[i] = ev.total;
    out.score[i] = ev.score;
    out.reach[i] = ev.subscores.reach;
    out.amplification[i] = ev.subscores.amplification;
    out.networkScore[i] = ev.subscores.network;
    out.confidence[i] = ev.confidence;
    out.low[i] = ev.interval[0];
    out.high[i] = ev.interval[1];
    let bits = 0;
    for (let k = 0; k < K && k < 32; k++) if (ev.imputed[k] === 1) bits |= 1 << k;
    out.imputed[i] = bits >>> 0;
  }
  return out;
}

/** ln(1 + x) for x >= 0; NaN stays NaN (missing). The model's features use featureT (with their scale). */
export function toLogSpace(x: number): number {
  return Number.isNaN(x) ? NaN : Math.log1p(Math.max(0, x));
}

/** The model's evaluation of one account (exact, unrounded). */
export interface Evaluation {
  /** per model feature: log-space value used (imputed where missing) */
  t: Float64Array;
  /** per model feature: 1 when imputed (missing, or a lower bound below its imputation) */
  imputed: Uint8Array;
  /** per model feature: the model.imputation.bounds index that capped its imputation, -1 when none */
  capped: Int16Array;
  /** per model feature: 1 when the value informed the imputation (present, not a lower bound) */
  informs: Uint8Array;
  /** per model feature: curve value g_k */
  g: Float64Array;
  total: number;
  damping: number;
  score: number;
  subscores: Record<ScoreGroup, number>;
  confidence: number;
  /** standard deviation of the raw total (imputation and counting noise) */
  sd: number;
  /** 80% interval of the score */
  interval: [number, number];
}

function makeEvaluation(K: number): Evaluation {
  return {
    t: new Float64Array(K),
    imputed: new Uint8Array(K),
    capped: new Int16Array(K).fill(-1),
    informs: new Uint8Array(K),
    g: new Float64Array(K),
    total: 0,
    damping: 1,
    score: 0,
    subscores: { reach: 0, amplification: 0, network: 0 },
    confidence: 0,
    sd: 0,
    interval: [0, 0],
  };
}

/**
 * Evaluates the model on log-space values `t` (NaN = missing, in model feature order).
 * `lower` marks values that are only lower bounds: they are imputed like missing ones
 * (without informing the imputation) and then raised to the observed value if larger.
 */
export function evaluateModel(model: Model, t: Float64Array, damping = 1, lower?: Uint8Array, cap = 100, perCount?: Float64Array): Evaluation {
  const ev = makeEvaluation(model.features.length);
  evaluateInto(model, t, damping, ev, lower, cap, perCount);
  return ev;
}

function evaluateInto(model: Model, tIn: Float64Array, damping: number, ev: Evaluation, lower: Uint8Array | undefined, cap: number, perCount?: Float64Array): void {
  const K = model.features.length;
  const posterior = imputeRowInto(model, tIn, ev, lower);
  let importanceAll = 0;
  let importancePresent = 0;
  for (let k = 0; k < K; k++) {
    const imp = model.features[k]!.importance;
    importanceAll += imp;
    if (ev.imputed[k] !== 1) importancePresent += imp;
  }
  curvesInto(model, ev);
  const total = ev.total;
  // each group's sum in model order, as the total is summed
  let reach = 0;
  let amplification = 0;
  let network = 0;
  for (let k = 0; k < K; k++) {
    const group = model.features[k]!.group;
    if (group === 'reach') reach += ev.g[k]!;
    else if (group === 'amplification') amplification += ev.g[k]!;
    else network += ev.g[k]!;
  }
  ev.damping = damping;
  // the cap: a flagged account never shows more than the authenticity stage allows
  ev.score = Math.min(cap, applyCalibration(model.calibration, total * damping));
  ev.subscores.reach = Math.min(cap, applyCalibration(model.subscoreCalibration.reach, reach * damping));
  ev.subscores.amplification = Math.min(cap, applyCalibration(model.subscoreCalibration.amplification, amplification * damping));
  ev.subscores.network = Math.min(cap, applyCalibration(model.subscoreCalibration.network, network * damping));
  ev.confidence = importanceAll > 0 ? importancePresent / importanceAll : 0;
  ev.sd = Math.sqrt(totalVariance(model, ev.t, ev.imputed, posterior.variance, perCount));
  ev.interval = scoreInterval(model, total, ev.sd, damping, cap);
}

/**
 * The first part of an evaluation: the values used (ev.t, imputed where missing, lower
 * bounds raised to the observation), which are imputed (ev.imputed), which informed the
 * imputation (ev.informs) and the caps that bound it (ev.capped). Returns the factor's
 * posterior. Itemising a scored row needs only this and, when its points are not kept,
 * the curves (curvesInto): the rest of the evaluation is in the table's columns.
 */
function imputeRowInto(model: Model, tIn: Float64Array, ev: Evaluation, lower: Uint8Array | undefined): FactorPosterior {
  const K = model.features.length;
  for (let k = 0; k < K; k++) {
    ev.t[k] = lower?.[k] === 1 ? NaN : tIn[k]!;
    ev.informs[k] = Number.isNaN(ev.t[k]!) ? 0 : 1;
  }
  // the posterior's caps are written to ev.capped
  const posterior: FactorPosterior = { missing: 0, factor: 0, variance: 1, capped: ev.capped, rawFactor: 0, den: 1 };
  imputeInto(model, ev.t, posterior);
  for (let k = 0; k < K; k++) {
    let missing = Number.isNaN(tIn[k]!);
    if (lower?.[k] === 1 && !missing) {
      if (tIn[k]! >= ev.t[k]!) ev.t[k] = tIn[k]!;
      else missing = true; // the imputation says more than the partial observation
    }
    ev.imputed[k] = missing ? 1 : 0;
  }
  return posterior;
}

/** The curve values of ev.t (ev.g) and their sum (ev.total), summed in model order as evaluateInto sums them. */
function curvesInto(model: Model, ev: Evaluation): void {
  const K = model.features.length;
  let total = 0;
  for (let k = 0; k < K; k++) {
    const f = model.features[k]!;
    const g = evaluateCurve(f.knots, f.points, ev.t[k]!);
    ev.g[k] = g;
    total += g;
  }
  ev.total = total;
}

/** Scores one feature vector (labelled pairs, tests): the same model path as scoreAccounts. */
export function scoreFeatureVector(model: Model, fv: FeatureVector, damping = 1, cap = 100): Evaluation {
  const t = Float64Array.from(model.features, (f) => featureT(f, fv.value[f.name]));
  const lower = fv.lowerBound ? Uint8Array.from(model.features, (f) => (fv.lowerBound?.[f.name] ? 1 : 0)) : undefined;
  const perCount = fv.perCount ? Float64Array.from(model.features, (f) => fv.perCount?.[f.name] ?? NaN) : undefined;
  return evaluateModel(model, t, damping, lower, cap, perCount);
}

const tenths = (x: number): number => Math.round(x * 10);

/**
 * Splits `target` tenths over items with exact values `exact` (in points) so each item is
 * within one tenth of its exact value and the items sum to `target` (largest remainder).
 */
export function apportionTenths(exact: readonly number[], target: number): number[] {
  const n = exact.length;
  const out = new Array<number>(n);
  if (apportionFrac.length < n) {
    apportionFrac = new Float64Array(2 * n);
    apportionOrder = new Int32Array(2 * n);
  }
  const frac = apportionFrac;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = exact[i]! * 10;
    const floor = Math.floor(x);
    out[i] = floor;
    frac[i] = x - floor;
    sum += floor;
  }
  let left = target - sum;
  if (left === 0) return out;
  // the items by fractional part (largest first when tenths are left over, smallest first
  // when too many were taken), ties to the earlier item: a strict order, so this insertion
  // sort (a dozen items) gives the order any sort would
  const order = apportionOrder;
  const up = left > 0;
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0) {
      const o = order[j - 1]!;
      const before = up ? frac[o]! > frac[i]! || (frac[o] === frac[i] && o < i) : frac[o]! < frac[i]! || (frac[o] === frac[i] && o < i);
      if (before) break;
      order[j] = o;
      j--;
    }
    order[j] = i;
  }
  if (up) for (let r = 0; left > 0; r = (r + 1) % n, left--) out[order[r]!]!++;
  else for (let r = 0; left < 0; r = (r + 1) % n, left++) out[order[r]!]!--;
  return out;
}

// apportionTenths' scratch (it never calls itself, and the engine is single-threaded)
let apportionFrac = new Float64Array(32);
let apportionOrder = new Int32Array(32);

/**
 * What itemising an account (explainScore) reads of a score table: a ScoreTable is one. A
 * caller may hand over these columns alone (the model's feature columns, the shown numbers,
 * flags, damping, caps, abstentions), e.g. to itemise some accounts on another thread.
 */
export interface ItemisingTable {
  model: Model;
  assessment: Pick<ScoreTable['assessment'], 'flags' | 'damping' | 'cap'>;
  features: {
    value: Partial<Record<FeatureName, Float64Array>>;
    source: Partial<Record<FeatureName, Uint8Array>>;
    perCount: Partial<Record<FeatureName, Float64Array>>;
    evidence: Pick<FeatureTable['evidence'], 'activityInWindow' | 'lastActivity'>;
  };
  score: Float64Array;
  low: Float64Array;
  high: Float64Array;
  reach: Float64Array;
  amplification: Float64Array;
  networkScore: Float64Array;
  confidence: Float64Array;
  abstain: (string | null)[];
}

/** An ItemisingTable's typed columns alone (what another thread can read in shared memory). */
export type ItemisingColumns = Omit<ItemisingTable, 'model' | 'abstain' | 'assessment'> & { assessment: Pick<ItemisingTable['assessment'], 'damping' | 'cap'> };

/** Builds the itemised result of account i (the detailed view of a ScoreTable row). */
export function explainScore(table: ItemisingTable, i: number): AccountScore {
  const model = table.model;
  const w = itemiseWorkspaceOf(model);
  const columns = columnsOf(table);
  const K = model.features.length;
  // the account's row read straight from the columns (what featureVectorOf would hold, without building it)
  let anyLower = false;
  for (let k = 0; k < K; k++) {
    const x = columns.value[k]![i]!;
    const code = columns.source[k]![i]!;
    w.value[k] = x;
    w.tIn[k] = featureT(model.features[k]!, x);
    w.source[k] = SOURCE_CODES[code]!;
    const lower = isLowerBound(code);
    w.lower[k] = lower ? 1 : 0;
    if (lower) anyLower = true;
    w.perCount[k] = columns.perCount[k]![i]!;
  }
  const damping = table.assessment.damping[i] ?? 1;
  const flags = table.assessment.flags[i] ?? [];
  const out = itemiseRow(model, w, anyLower, damping, flags, i, table.assessment.cap[i] ?? 100, table);
  const ev = table.features.evidence;
  out.activityInWindow = ev.activityInWindow[i] ?? 0;
  const last = ev.lastActivity[i]!;
  out.lastActivity = Number.isFinite(last) ? last : null;
  const abstain = table.abstain[i] ?? null;
  if (abstain !== null) {
    out.abstain = abstain;
    out.score = null;
    out.interval = null;
  }
  return out;
}

/** A feature table's columns of the model's features, in model order. */
interface ModelColumns {
  value: Float64Array[];
  source: Uint8Array[];
  perCount: Float64Array[];
}

// per feature table: its model features' columns (a memo: a table's columns are never replaced)
const modelColumns = new WeakMap<ItemisingTable['features'], { model: Model; columns: ModelColumns }>();

function columnsOf(table: ItemisingTable): ModelColumns {
  const memo = modelColumns.get(table.features);
  if (memo && memo.model === table.model) return memo.columns;
  const f = table.features;
  const columns = {
    value: table.model.features.map((m) => f.value[m.name]!),
    source: table.model.features.map((m) => f.source[m.name]!),
    perCount: table.model.features.map((m) => f.perCount[m.name]!),
  };
  modelColumns.set(f, { model: table.model, columns });
  return columns;
}

/**
 * Account i's result without its contributions, read from the table: the same rounded
 * score, interval, sub-scores, confidence, flags and imputed features explainScore gives
 * (both round the one evaluation computeScores made), at a fraction of the cost, for views
 * that show no contributions (rows, CSV). Null for models of more than 32 features (use
 * explainScore).
 */
export function summarizeScore(table: ScoreTable, i: number): Omit<AccountScore, 'contributions'> | null {
  const { model } = table;
  if (model.features.length > 32) return null;
  const bits = table.imputed[i]!;
  const missing = model.features.filter((_, k) => (bits >>> k) & 1).map((f) => f.name);
  const ev = table.features.evidence;
  const last = ev.lastActivity[i]!;
  const shown = shownScoreOf(table, i);
  // listed, not spread (a spread copy is promoted by V8's young collections: engine/analyze.ts summaryOf)
  return {
    index: i,
    score: shown.score,
    interval: shown.interval,
    abstain: shown.abstain,
    subscores: shown.subscores,
    confidence: shown.confidence,
    flags: table.assessment.flags[i] ?? [],
    missing,
    activityInWindow: ev.activityInWindow[i] ?? 0,
    lastActivity: Number.isFinite(last) ? last : null,
  };
}

/** Itemises the score of a feature vector: contributions that add up to the shown score. */
export function itemiseScore(model: Model, fv: FeatureVector, damping: number, flags: Flag[], index = -1, cap = 100): AccountScore {
  const w = itemiseWorkspaceOf(model);
  const K = model.features.length;
  for (let k = 0; k < K; k++) {
    const f = model.features[k]!;
    const x = fv.value[f.name];
    w.value[k] = x;
    w.tIn[k] = featureT(f, x);
    w.source[k] = fv.source[f.name];
    w.lower[k] = fv.lowerBound?.[f.name] ? 1 : 0;
    w.perCount[k] = fv.perCount?.[f.name] ?? NaN;
  }
  return itemiseRow(model, w, fv.lowerBound !== undefined, damping, flags, index, cap);
}

/**
 * One account's values in model order, as itemising reads them, and the evaluation and
 * points it writes: reused from account to account (itemising 100k accounts allocates only
 * what each result keeps). Never held across calls.
 */
interface ItemiseWorkspace {
  /** the value as measured or declared (NaN missing) */
  value: Float64Array;
  /** its log value t (featureT) */
  tIn: Float64Array;
  source: FeatureSource[];
  lower: Uint8Array;
  perCount: Float64Array;
  ev: Evaluation;
  points: Float64Array;
  /** per set of informing features (a bit mask): the "from ..." part of an imputed value's basis */
  fromText: Map<number, string>;
  /** per imputation bound: the "capped at ..." part */
  boundText: (string | undefined)[];
  /** the calibration as a function, for the attribution */
  apply: (total: number) => number;
}

// per model: its itemising workspace (a memo of buffers and texts that depend on the model alone)
const itemiseWorkspaces = new WeakMap<Model, ItemiseWorkspace>();

function itemiseWorkspaceOf(model: Model): ItemiseWorkspace {
  let w = itemiseWorkspaces.get(model);
  if (!w) {
    const K = model.features.length;
    w = {
      value: new Float64Array(K),
      tIn: new Float64Array(K),
      source: new Array<FeatureSource>(K).fill('missing'),
      lower: new Uint8Array(K),
      perCount: new Float64Array(K),
      ev: makeEvaluation(K),
      points: new Float64Array(K),
      fromText: new Map(),
      boundText: [],
      apply: (total) => applyCalibration(model.calibration, total),
    };
    itemiseWorkspaces.set(model, w);
  }
  return w;
}

/**
 * The itemised result of the row in `w` (`anyLower`: some value is a lower bound). `table`,
 * when given, is the score table whose row `index` this is: its columns hold the rest of
 * this row's evaluation (score, interval, sub-scores, confidence: computeScores made the very
 * same evaluation of the very same values), so only the imputation and the curves are
 * redone for the points. Why: the variance, interval and calibrations were a fifth of an
 * itemisation.
 */
function itemiseRow(model: Model, w: ItemiseWorkspace, anyLower: boolean, damping: number, flags: Flag[], index: number, cap: number, table?: ItemisingTable): AccountScore {
  const K = model.features.length;
  const lower = anyLower ? w.lower : undefined;
  const ev = w.ev;
  if (table) imputeRowInto(model, w.tIn, ev, lower);
  else evaluateInto(model, w.tIn, damping, ev, lower, cap, w.perCount);
  const score = table ? table.score[index]! : ev.score;
  // each flag's share of the damping product (-ln factor), as the authenticity stage itemises it
  let share: number[] | null = null;
  let authenticityItems = 0;
  if (damping < 1 || cap < 100 || flags.length > 0) {
    share = flags.map((f) => (f.factor > 0 && f.factor < 1 ? -Math.log(f.factor) : 0));
    const total = share.reduce((a, b) => a + b, 0);
    if (flags.length === 0 || total <= 0) share = null;
    authenticityItems = share === null ? 1 : flags.length;
  }
  if (table) curvesInto(model, ev);
  const undamped = applyCalibration(model.calibration, ev.total);
  // points along the path of the account's evidence (engine/attribution.ts): imputed values
  // get none of their own; the path ends at the evaluation just made
  const baseline = attributeInto(model, w.tIn, lower, w.apply, w.points, ev);
  const exact: number[] = [baseline];
  for (let k = 0; k < K; k++) exact.push(w.points[k]!);
  const authenticity = score - undamped;
  if (authenticityItems > 0) {
    if (share === null) exact.push(authenticity);
    else {
      const total = share.reduce((a, b) => a + b, 0);
      for (let j = 0; j < flags.length; j++) exact.push((authenticity * share[j]!) / total);
    }
  }
  const parts = apportionTenths(exact, tenths(score));
  const shown = table
    ? roundShown(score, [table.low[index]!, table.high[index]!], { reach: table.reach[index]!, amplification: table.amplification[index]!, network: table.networkScore[index]! }, table.confidence[index]!)
    : roundShown(ev.score, ev.interval, ev.subscores, ev.confidence);
  // key order as the JSON contract lists them: feature, group, value, points, source (basis)
  const contributions: Contribution[] = [{ feature: 'baseline', group: 'baseline', value: null, points: parts[0]! / 10, source: 'declared' }];
  const missing: ScoredFeature[] = [];
  for (let k = 0; k < K; k++) {
    const f = model.features[k]!;
    const points = parts[k + 1]! / 10;
    if (ev.imputed[k] === 1) {
      // an imputed value is shown with the value it assumed (explain: ~value) and its basis
      missing.push(f.name);
      contributions.push({ feature: f.name, group: f.group, value: significant(featureValueOf(f, ev.t[k]!)), points, source: 'imputed', basis: basisOf(model, w, k) });
    } else contributions.push({ feature: f.name, group: f.group, value: significant(w.value[k]!), points, source: w.source[k]! });
  }
  if (authenticityItems > 0) {
    const value = significant(damping);
    if (share === null) contributions.push({ feature: 'authenticity', group: 'authenticity', value, points: parts[K + 1]! / 10, source: 'events' });
    else for (let j = 0; j < flags.length; j++) contributions.push({ feature: `authenticity:${flags[j]!.code}`, group: 'authenticity', value: significant(flags[j]!.severity), points: parts[K + 1 + j]! / 10, source: 'events' });
  }
  return {
    index,
    score: shown.score,
    interval: shown.interval,
    abstain: null,
    subscores: shown.subscores,
    confidence: shown.confidence,
    contributions,
    flags,
    missing,
    activityInWindow: 0,
    lastActivity: null,
  };
}

const label = (name: string): string => name.replace(/_/g, ' ');

/** imputationBasis of feature k of the row in `w` (evaluated in w.ev), its texts kept per model. */
function basisOf(model: Model, w: ItemiseWorkspace, k: number): string {
  const ev = w.ev;
  const K = model.features.length;
  let from: string | undefined;
  if (K <= 31) {
    let mask = 0;
    for (let j = 0; j < K; j++) if (j !== k && ev.informs[j] === 1 && model.features[j]!.reference.loading > 0) mask |= 1 << j;
    from = w.fromText.get(mask);
    if (from === undefined) w.fromText.set(mask, (from = fromTextOf(model, ev.informs, k)));
  } else from = fromTextOf(model, ev.informs, k);
  let text = from;
  const b = ev.capped[k]!;
  if (b >= 0 && model.imputation.bounds?.[b]) text += `; ${(w.boundText[b] ??= boundTextOf(model, b))}`;
  if (w.lower[k] === 1 && Number.isFinite(w.value[k]!)) text += `; at least ${significant(w.value[k]!)} (${w.source[k]})`;
  return text;
}

/** The first part of a basis: the features an imputed value (feature k) was imputed from. */
function fromTextOf(model: Model, informs: Uint8Array, k: number): string {
  const from = model.features.filter((f, j) => j !== k && informs[j] === 1 && f.reference.loading > 0).map((f) => label(f.name));
  return from.length > 0 ? `from ${from.join(', ')} (its effect is in their points)` : 'the reference median (nothing related is in the data)';
}

/** The part of a basis naming the real-data cap b. */
function boundTextOf(model: Model, b: number): string {
  const bound = model.imputation.bounds![b]!;
  return `capped at the ${Math.round(bound.quantile * 100)}th percentile of real accounts with this ${label(bound.given)} (${bound.data})`;
}

/**
 * What an imputed value rests on, in words: the present features it was imputed from (the
 * one-factor model, engine/impute.ts; its points are theirs, engine/attribution.ts), the
 * real-data cap that bound it, and the lower bound the data gives. E.g. 'from followers,
 * follower ratio (its effect is in their points); capped at the 75th percentile of real
 * accounts with this followers (dev.csv 777, genuine.csv 3709); at least 12 (declared)'.
 */
export function imputationBasis(model: Model, ev: Evaluation, k: number, fv: FeatureVector): string {
  const parts = [fromTextOf(model, ev.informs, k)];
  const b = ev.capped[k]!;
  if (b >= 0 && model.imputation.bounds?.[b]) parts.push(boundTextOf(model, b));
  const name = model.features[k]!.name;
  if (fv.lowerBound?.[name] && Number.isFinite(fv.value[name])) parts.push(`at least ${significant(fv.value[name])} (${fv.source[name]})`);
  return parts.join('; ');
}

/** The numbers an account shows, without the itemisation: what a ranking row or a threshold band needs. */
export interface ShownScore {
  /** null when the account abstains */
  score: number | null;
  interval: [number, number] | null;
  abstain: string | null;
  subscores: { reach: number; amplification: number; network: number };
  confidence: number;
}

/**
 * Rounds exact values as every result shows them: score, interval and sub-scores in tenths
 * (the interval widened to hold the rounded score), confidence in hundredths. The one place
 * this rounding lives, so an itemised result and a column read agree to the digit.
 */
function roundShown(score: number, interval: readonly [number, number], sub: Record<ScoreGroup, number>, confidence: number): ShownScore & { score: number; interval: [number, number] } {
  const scoreTenths = tenths(score);
  return {
    score: scoreTenths / 10,
    interval: [Math.min(tenths(interval[0]), scoreTenths) / 10, Math.max(tenths(interval[1]), scoreTenths) / 10],
    abstain: null,
    subscores: { reach: tenths(sub.reach) / 10, amplification: tenths(sub.amplification) / 10, network: tenths(sub.network) / 10 },
    confidence: Math.round(confidence * 100) / 100,
  };
}

/**
 * Account i's shown numbers read from the table's columns (no model re-evaluation, so
 * 100k accounts take milliseconds): equal, field by field, to explainScore(table, i).
 */
export function shownScoreOf(table: ScoreTable, i: number): ShownScore {
  const shown: ShownScore = roundShown(
    table.score[i]!,
    [table.low[i]!, table.high[i]!],
    { reach: table.reach[i]!, amplification: table.amplification[i]!, network: table.networkScore[i]! },
    table.confidence[i]!,
  );
  const abstain = table.abstain[i] ?? null;
  if (abstain !== null) {
    shown.abstain = abstain;
    shown.score = null;
    shown.interval = null;
  }
  return shown;
}
