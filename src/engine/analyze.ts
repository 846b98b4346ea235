/**
 * One analysis of one dataset: what every command projects from. `analyze` runs each
 * stage once, in one account index space: authenticity (flags, damping, caps, event
 * weights), the score table (features, network value, the model), and, when a taxonomy is
 * given, topic expertise. Commands then ask it for what they show (an account's itemised
 * score, its topics, a ranking, a threshold report, a check), never re-reading the store.
 *
 * Same dataset + same options = the same Analysis: nothing here reads a clock or a file.
 */
import type { Dataset } from './dataset.js';
import type { ScoringWindow } from './window.js';
import type { Model } from './model.js';
import { explainScore, noEdges, scoreAccounts, summarizeScore, type AccountScore, type NetworkSolver, type ScoreTable } from './score.js';
import { assessAuthenticity } from './authenticity/assess.js';
import { computeTopicExpertise, type TopicExpertise, type TopicExtractions, type TopicScore } from './topics/expertise.js';
import { buildTopicMatcher, type TopicMatcher } from './topics/matcher.js';
import type { Background } from './topics/background.js';
import type { Taxonomy } from './topics/taxonomy.js';
import { topicInputOf } from './topics/input.js';
import { indexHandles, resolveHandle } from './handles.js';
import { explainNetworkInfluence } from './network.js';
import { classifyAudience, type AudienceTable } from './audience/classes.js';
import { classifyAccounts, type AccountVerdict } from './audience/classify.js';
import { auditAudience, type AudienceAudit } from './audience/audit.js';
import type { AudienceModel } from './audience/model.js';

/** A taxonomy with the matcher built from it. */
export interface TopicSetup {
  taxonomy: Taxonomy;
  matcher: TopicMatcher;
  /** the texts of topicTextsOf(dataset, window) extracted beforehand (perhaps on several threads); else the topic stage extracts them */
  extracted?: TopicExtractions;
}

/** What an analysis needs besides the dataset. */
export interface AnalyzeOptions {
  window: ScoringWindow;
  model: Model;
  /** compute topic expertise with this taxonomy (the dataset must carry the window's texts) */
  topics?: TopicSetup;
  /** classify every account's audience with this model (the dataset must carry bios and profile text) */
  audience?: AudienceModel;
  /**
   * Told as each stage starts (the caller may show progress; the engine does no I/O):
   * the stage, its number (1-based) and how many stages this analysis runs.
   */
  onStage?: (stage: AnalysisStage, step: number, steps: number) => void;
  /**
   * The caller keeps only what keepScoresOnly keeps (scores, itemisations, topics, handles)
   * and hands the dataset over: without topics, its event, post and follow columns are
   * emptied once the engagement graph is built (the activity features read is counted
   * before it; the Dataset object is changed), and the assessment's per-event weights are
   * let go of then too, before the network stage and the features; the graph's edges go
   * after the features, and the analysis returned is keepScoresOnly's. What the model stage
   * adds then fits where they were. Only the features scoring reads are extracted
   * (engine/score.ts scoringFeaturesOf).
   */
  scoresOnly?: boolean;
  /** solves the network values elsewhere while the other features are extracted (engine/score.ts ScoreOptions.solveNetwork) */
  solveNetwork?: NetworkSolver;
}

/** The stages of an analysis, in order. */
export type AnalysisStage = 'authenticity' | 'scores' | 'topics';

/** The results of every stage, per account index of `dataset`. */
export interface Analysis {
  dataset: Dataset;
  window: ScoringWindow;
  model: Model;
  /** scores, sub-scores, features, network values and the authenticity assessment */
  table: ScoreTable;
  /** topic expertise, when a taxonomy was given */
  topics: { taxonomy: Taxonomy; expertise: TopicExpertise } | null;
  /** lower-case handle -> account indices (made on first use) */
  readonly handles: Map<string, number[]>;
  /** every account's audience class and its followers' classes, when an audience model was given */
  audience: AudienceTable | null;
  /** the audience model, when given */
  audienceModel: AudienceModel | null;
}

// Building a matcher takes a second; callers that analyse twice (tests, a dashboard) reuse
// it. A memo of a pure function of an immutable taxonomy and background: no state leaks.
const matchers = new WeakMap<Taxonomy, WeakMap<Background, TopicMatcher>>();

/** The taxonomy with its matcher against the word-frequency background, built once per pair of objects. */
export function topicSetupOf(taxonomy: Taxonomy, background: Background): TopicSetup {
  let byBackground = matchers.get(taxonomy);
  if (!byBackground) matchers.set(taxonomy, (byBackground = new WeakMap()));
  let matcher = byBackground.get(background);
  if (!matcher) {
    matcher = buildTopicMatcher(taxonomy, { background });
    byBackground.set(background, matcher);
  }
  return { taxonomy, matcher };
}

/** Runs every stage on the dataset (see the module doc). */
export function analyze(dataset: Dataset, options: AnalyzeOptions): Analysis {
  const { window, model, onStage } = options;
  const steps = options.topics ? 3 : 2;
  onStage?.('authenticity', 1, steps);
  const assessment = assessAuthenticity(dataset, window);
  onStage?.('scores', 2, steps);
  const audience = options.audience ? classifyAudience(dataset, options.audience, { window, flags: assessment.flags }) : null;
  // scores only, without topics: nothing after feature extraction reads events, posts or
  // follows, and nothing after the audience classes reads profile texts or target posts
  const consume = options.scoresOnly === true && !options.topics;
  if (consume) letGoOfProfiles(dataset);
  const afterEvents = (): void => {
    dataset.interactions = emptyDataset.interactions;
    dataset.posts = emptyDataset.posts;
    dataset.follows = emptyDataset.follows;
    assessment.interactionWeight = new Float32Array(0);
  };
  const table = scoreAccounts(dataset, { window, model, assessment, ...(audience ? { audience } : {}), ...(consume ? { afterEvents, keepEdges: false } : {}), ...(options.scoresOnly ? { onlyScoringFeatures: true } : {}), ...(options.solveNetwork ? { solveNetwork: options.solveNetwork } : {}) });
  if (options.topics) onStage?.('topics', 3, steps);
  const topics = options.topics
    ? { taxonomy: options.topics.taxonomy, expertise: computeTopicExpertise(topicInputOf(dataset, window, options.topics.extracted), options.topics.taxonomy, options.topics.matcher, window) }
    : null;
  // the handle index is made when a handle is first resolved: `score --all` and rankings of
  // every account never ask, and at 1M accounts it is a million keys and lists
  let handles: Map<string, number[]> | undefined;
  const analysis: Analysis = {
    dataset,
    window,
    model,
    table,
    topics,
    get handles() {
      return (handles ??= indexHandles(dataset.accounts));
    },
    audience,
    audienceModel: options.audience ?? null,
  };
  return options.scoresOnly ? keepScoresOnly(analysis) : analysis;
}

/** An itemised score with the name and network it is shown under. */
export interface AccountResult extends AccountScore {
  handle: string;
  network: string;
}

/** A result with a score (the account does not abstain). */
export type ScoredResult = AccountResult & { score: number; interval: [number, number] };

/** Whether a result carries a score. */
export function isScored<T extends Pick<AccountScore, 'score' | 'interval'>>(r: T): r is T & { score: number; interval: [number, number] } {
  return r.score !== null;
}

/** An account left out of a ranking or report because it has no score to compare, and why. */
export interface Abstention {
  account: number;
  handle: string;
  network: string;
  reason: string;
}

/**
 * Why a result is not compared with others: it abstains (the data holds nothing about its
 * audience), or its confidence is below `minConfidence`; null when it is compared.
 */
export function abstentionOf(r: Pick<AccountResult, 'index' | 'handle' | 'network' | 'score' | 'abstain' | 'confidence'>, minConfidence: number | undefined): Abstention | null {
  const at = { account: r.index, handle: r.handle, network: r.network };
  if (r.score === null) return { ...at, reason: r.abstain ?? 'no score' };
  if (minConfidence !== undefined && r.confidence < minConfidence) return { ...at, reason: `confidence ${r.confidence.toFixed(2)} is below --min-confidence ${minConfidence}` };
  return null;
}

/** Account i's itemised score with its display handle and network. */
export function resultOf(analysis: Analysis, i: number, score: AccountScore = explainAccount(analysis, i)): AccountResult {
  const s = score;
  // listed field by field, not spread: see summaryOf
  return {
    index: s.index,
    score: s.score,
    interval: s.interval,
    abstain: s.abstain,
    subscores: s.subscores,
    confidence: s.confidence,
    contributions: s.contributions,
    flags: s.flags,
    missing: s.missing,
    activityInWindow: s.activityInWindow,
    lastActivity: s.lastActivity,
    handle: displayHandle(analysis.dataset, i),
    network: analysis.dataset.accounts.network[i]!,
  };
}

/**
 * An account's result without its contributions: the shown numbers, flags and imputed
 * features a row, a ranking or a threshold band compares. Read from the score table's
 * columns, so a whole population takes milliseconds where itemising it takes seconds; every
 * field equals the same field of resultOf.
 */
export type AccountSummary = Omit<AccountResult, 'contributions'>;

/** A summary with a score (the account does not abstain). */
export type ScoredSummary = AccountSummary & { score: number; interval: [number, number] };

/** Account i's summary (see AccountSummary); made afresh each call, so a stream of them keeps nothing. */
export function summaryOf(analysis: Analysis, i: number): AccountSummary {
  const s = summarizeScore(analysis.table, i);
  if (s === null) {
    const { contributions: _itemised, ...rest } = resultOf(analysis, i);
    return rest;
  }
  // listed field by field: V8 makes `{ ...s, handle, network }` an object that survives the
  // next young collection (promoted, then old garbage), so a stream of 1M summaries
  // (score --all --csv) grew the old space by ~140 MB per 2 s until a full collection
  // (--trace-gc-nvp: 23% of each scavenge promoted; 0% like this), and took 3x the time
  return {
    index: s.index,
    score: s.score,
    interval: s.interval,
    abstain: s.abstain,
    subscores: s.subscores,
    confidence: s.confidence,
    flags: s.flags,
    missing: s.missing,
    activityInWindow: s.activityInWindow,
    lastActivity: s.lastActivity,
    handle: displayHandle(analysis.dataset, i),
    network: analysis.dataset.accounts.network[i]!,
  };
}

// Rankings and threshold bands read every summary again on each re-sort and threshold step
// of an interactive view: kept per analysis once made. A memo of a pure function of an
// immutable analysis (callers never mutate a summary), built lazily so a 50-handle list on a
// large database makes 50. Streams (score --all) use summaryOf and keep nothing.
const kept = new WeakMap<Analysis, (AccountSummary | undefined)[]>();

/** Account i's summary, made once per analysis (for rankings and threshold bands). */
export function keptSummaryOf(analysis: Analysis, i: number): AccountSummary {
  let made = kept.get(analysis);
  if (!made) kept.set(analysis, (made = new Array<AccountSummary | undefined>(analysis.dataset.accounts.n)));
  return (made[i] ??= summaryOf(analysis, i));
}

/** Account i's itemised result when its summary says it is scored (an Error if the two disagree, which would be a bug). */
export function scoredResultOf(analysis: Analysis, i: number): ScoredResult {
  const r = resultOf(analysis, i);
  if (!isScored(r)) throw new Error(`account ${i} has a score in its summary but abstains when itemised`);
  return r;
}

/** Account i's itemised score: contributions that add up to the score shown. */
export function explainAccount(analysis: Analysis, i: number): AccountScore {
  return explainScore(analysis.table, i);
}

// analyses made by keepScoresOnly: what reads the data they left out throws
const scoresOnly = new WeakSet<Analysis>();

/**
 * The analysis without the data only its stages read: the event, post and follow columns,
 * post texts, the engagement graph's edges and the audience classes; the score table,
 * accounts, topics and model are shared. Scores, summaries, itemised results, runs, topics
 * and handles read the same from it. For a command that writes every account's score and
 * nothing else (`score --all`): at 10M events the left-out part is ~400 MB, and the
 * output's garbage then grows the heap below the analysis's peak, not on top of it. The
 * caller drops `analysis` itself. Engagers, audience verdicts and audits of it throw.
 */
export function keepScoresOnly(analysis: Analysis): Analysis {
  const { dataset, table } = analysis;
  const lean: Dataset = {
    accounts: dataset.accounts,
    posts: emptyDataset.posts,
    interactions: emptyDataset.interactions,
    follows: emptyDataset.follows,
    ...(dataset.identities ? { identities: dataset.identities } : {}),
  };
  let handles: Map<string, number[]> | undefined;
  const kept: Analysis = {
    dataset: lean,
    window: analysis.window,
    model: analysis.model,
    table: { ...table, graph: noEdges(table.graph.n) },
    topics: analysis.topics,
    get handles() {
      return (handles ??= indexHandles(lean.accounts));
    },
    audience: null,
    audienceModel: null,
  };
  scoresOnly.add(kept);
  return kept;
}

/**
 * scoresOnly: the columns that only the authenticity and audience stages read (profile texts,
 * the audience's own counts, each event's target post), let go of once they have run; the
 * graph, features, model, topics-less output and handles read none of them. At 1M accounts
 * and 10M events 94 MB, and the profile texts themselves where the source has them.
 */
function letGoOfProfiles(dataset: Dataset): void {
  const A = dataset.accounts;
  A.bio = A.displayName = A.url = A.location = NO_TEXTS;
  A.defaultAvatar = A.likesGiven = A.verified = NO_VALUES;
  dataset.interactions = { ...dataset.interactions, targetPost: emptyDataset.interactions.targetPost };
}
const NO_TEXTS: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];
const NO_VALUES = new Float64Array(0);

/** Columns of no events, posts or follows (what keepScoresOnly and scoresOnly leave a dataset). */
const emptyDataset: Pick<Dataset, 'posts' | 'interactions' | 'follows'> = (() => {
  const none = new Int32Array(0);
  return {
    posts: { n: 0, author: none, createdAt: new Float64Array(0), kind: new Uint8Array(0), hashtags: new Uint16Array(0), words: new Uint16Array(0), likes: new Float64Array(0), reshares: new Float64Array(0), replies: new Float64Array(0) },
    interactions: { n: 0, actor: none, target: none, kind: new Uint8Array(0), createdAt: new Float64Array(0), targetPost: none },
    follows: { n: 0, follower: none, followee: none, createdAt: new Float64Array(0) },
  };
})();

function refuseScoresOnly(analysis: Analysis, what: string): void {
  if (scoresOnly.has(analysis)) throw new Error(`${what} of an analysis that keeps scores only (keepScoresOnly)`);
}

/** Account i's assigned topics, best first ([] when none or when topics were not computed). */
export function topicsOfAccount(analysis: Analysis, i: number): TopicScore[] {
  return analysis.topics?.expertise.accounts[i]?.topics ?? [];
}

/** The account a handle argument names; a UsageError that helps when it names none or several. */
export function resolveAccount(analysis: Analysis, raw: string): number {
  return resolveHandle(analysis.dataset.accounts, analysis.handles, raw);
}

/** The name an account is shown by: its handle, else its platform id. */
export function displayHandle(dataset: Dataset, i: number): string {
  return dataset.accounts.handle[i] || `id:${dataset.accounts.externalId[i] ?? dataset.accounts.dbId[i]}`;
}

/** Every account index, in order (the population of `--all`). */
export function allAccounts(analysis: Analysis): number[] {
  return Array.from({ length: analysis.dataset.accounts.n }, (_, i) => i);
}

/** One engager of an account, by the network value it passed on (explain's "top engagers"). */
export interface EngagerShare {
  handle: string;
  network: string;
  /** the engager's share of its attention given to the account */
  share: number;
  /** the engager's own network value */
  rank: number;
  /** the value it passed on: share x rank */
  value: number;
}

const sixDigits = (x: number): number => Number(x.toPrecision(6));

/** The `count` engagers that passed account i the most network value, largest first. */
export function topEngagersOf(analysis: Analysis, i: number, count: number): EngagerShare[] {
  refuseScoresOnly(analysis, 'engagers');
  return explainNetworkInfluence(analysis.table.graph, analysis.table.network, i, count).map((e) => ({
    handle: displayHandle(analysis.dataset, e.engager),
    network: analysis.dataset.accounts.network[e.engager]!,
    share: sixDigits(e.share),
    rank: sixDigits(e.engagerRank),
    value: sixDigits(e.value),
  }));
}

/** The analysis's audience table and model; a message naming what is missing otherwise (a programming error: the command did not ask for it). */
function audienceOfAnalysis(analysis: Analysis): { table: AudienceTable; model: AudienceModel } {
  refuseScoresOnly(analysis, 'audience classes');
  if (!analysis.audience || !analysis.audienceModel) throw new Error('the analysis was computed without an audience model');
  return { table: analysis.audience, model: analysis.audienceModel };
}

/** The verdicts (class, probability, reasons) of the given accounts: the classes of `analysis.audience`, with their reasons. */
export function verdictsOf(analysis: Analysis, accounts: ArrayLike<number>): AccountVerdict[] {
  const { table, model } = audienceOfAnalysis(analysis);
  return classifyAccounts(analysis.dataset, model, { asOf: table.asOf, agesAtLeast: table.agesFrom === 'latest-creation', accounts, flags: analysis.table.assessment.flags });
}

/** The audience audit of account i (engine/audience/audit.ts) on the analysis's classes, as-of and flags. */
export function auditAccount(analysis: Analysis, i: number, snapshots: readonly { at: number; followers: number }[] = []): AudienceAudit {
  const { table, model } = audienceOfAnalysis(analysis);
  return auditAudience({ dataset: analysis.dataset, account: i, model, asOf: table.asOf, agesFrom: table.agesFrom, windowDays: analysis.window.windowDays, flags: analysis.table.assessment.flags, snapshots });
}
