/**
 * The Klout70 report as a plan over an analysis: who is at or above a threshold, who is
 * near (with the one lever that lifts each over: engine/threshold.ts), and, given the
 * scores of a previous run, who entered and who dropped out. Storing the run and reading
 * the previous one are the caller's (read -> plan -> apply).
 *
 * Bands are decided on summaries (shown numbers read from the score table's columns, equal
 * to the itemised ones): `bandThreshold` alone is cheap; `planThreshold` adds the itemised
 * results and the levers, which cost a model search per near miss.
 */
import { abstentionOf, isScored, scoredResultOf, keptSummaryOf, topicsOfAccount, type Abstention, type Analysis, type ScoredResult, type ScoredSummary } from '../analyze.js';
import { featureVectorOf } from '../features.js';
import { bandOf, findCheapestLever, type Lever } from '../threshold.js';
import { isSelfOrAncestor } from '../topics/taxonomy.js';
import type { FollowerList } from './list.js';
import { matchFollowerList, type UnknownEntry } from './list-match.js';

/** What to report on. */
export interface ThresholdRequest {
  at: number;
  near: number;
  list: FollowerList | null;
  /** only accounts with this topic (taxonomy index; sub-topics count) */
  topic: number | null;
  /** accounts with a lower confidence are counted apart with the abstentions */
  minConfidence?: number;
}

/** A near miss: how far below, and what would lift it over. */
export interface NearMiss {
  result: ScoredResult;
  gap: number;
  lever: Lever;
}

/** The report before movement: who is where. */
export interface ThresholdPlan {
  at: number;
  near: number;
  topic: { index: number; slug: string; name: string } | null;
  /** every account considered, in index order */
  pool: number[];
  /** the scored accounts of the pool (the run a caller stores) */
  scores: ScoredResult[];
  above: ScoredResult[];
  nearMisses: NearMiss[];
  /** accounts of the pool without a score to compare (abstaining, or below --min-confidence) */
  abstained: Abstention[];
  counts: { above: number; near: number; below: number; abstained: number; unknown: number };
  unknown: UnknownEntry[];
}

/** Who entered (now at or above, before below) and who dropped out, among accounts scored in both runs. */
export interface Movement {
  entrants: string[];
  dropouts: string[];
}

/** A near miss by its shown numbers: how far below (the lever is asked for separately). */
export interface NearBand {
  summary: ScoredSummary;
  gap: number;
}

/** Who is where, by shown numbers alone: the plan without itemised results or levers. */
export interface ThresholdBands {
  at: number;
  near: number;
  topic: ThresholdPlan['topic'];
  /** every account considered, in index order */
  pool: number[];
  above: ScoredSummary[];
  nearMisses: NearBand[];
  abstained: Abstention[];
  counts: ThresholdPlan['counts'];
  unknown: UnknownEntry[];
}

/**
 * Bands the pool (see the module doc) on summaries: cheap enough to redo for every step of
 * an interactive threshold on 100k accounts. planThreshold is these bands plus the
 * itemised results and each near miss's lever, so the counts agree.
 */
export function bandThreshold(analysis: Analysis, req: ThresholdRequest): ThresholdBands {
  const { dataset } = analysis;
  const { at, near } = req;
  const match = req.list ? matchFollowerList(dataset.accounts, analysis.handles, req.list) : null;
  let pool = match ? [...match.matched.keys()].sort((a, b) => a - b) : Array.from({ length: dataset.accounts.n }, (_, i) => i);
  let topic: ThresholdPlan['topic'] = null;
  if (req.topic !== null && analysis.topics) {
    const { taxonomy } = analysis.topics;
    const t = req.topic;
    // assigned topics already roll sub-topic evidence up; a sub-topic assignment also counts
    pool = pool.filter((i) => topicsOfAccount(analysis, i).some((x) => isSelfOrAncestor(taxonomy, t, x.topic)));
    topic = { index: t, slug: taxonomy.slugs[t]!, name: taxonomy.names[t]! };
  }
  const scores: ScoredSummary[] = [];
  const abstained: Abstention[] = [];
  for (const i of pool) {
    const s = keptSummaryOf(analysis, i);
    const apart = abstentionOf(s, req.minConfidence);
    if (apart === null && isScored(s)) scores.push(s);
    else abstained.push(apart!);
  }
  const byScore = (a: ScoredSummary, b: ScoredSummary): number => b.score - a.score || (a.handle < b.handle ? -1 : 1);
  const above = scores.filter((s) => bandOf(s.score, at, near) === 'above').sort(byScore);
  const nearScores = scores.filter((s) => bandOf(s.score, at, near) === 'near').sort(byScore);
  return {
    at,
    near,
    topic,
    pool,
    above,
    nearMisses: nearScores.map((s) => ({ summary: s, gap: Math.round((at - s.score) * 10) / 10 })),
    abstained,
    counts: { above: above.length, near: nearScores.length, below: scores.length - above.length - nearScores.length, abstained: abstained.length, unknown: match?.unknown.length ?? 0 },
    unknown: match?.unknown ?? [],
  };
}

/** The one feature change that lifts account i to `at` most cheaply (engine/threshold.ts), with its authenticity damping and cap. */
export function leverOf(analysis: Analysis, i: number, at: number): Lever {
  const { table, model } = analysis;
  return findCheapestLever(model, featureVectorOf(table.features, i), at, table.assessment.damping[i] ?? 1, table.assessment.cap[i] ?? 100);
}

/** Bands the pool and finds each near miss's cheapest lever (see the module doc). */
export function planThreshold(analysis: Analysis, req: ThresholdRequest): ThresholdPlan {
  const bands = bandThreshold(analysis, req);
  const abstaining = new Set(bands.abstained.map((a) => a.account));
  const scores = bands.pool.filter((i) => !abstaining.has(i)).map((i) => scoredResultOf(analysis, i));
  const byIndex = new Map(scores.map((r) => [r.index, r]));
  return {
    at: bands.at,
    near: bands.near,
    topic: bands.topic,
    pool: bands.pool,
    scores,
    above: bands.above.map((s) => byIndex.get(s.index)!),
    nearMisses: bands.nearMisses.map((n) => ({ result: byIndex.get(n.summary.index)!, gap: n.gap, lever: leverOf(analysis, n.summary.index, bands.at) })),
    abstained: bands.abstained,
    counts: bands.counts,
    unknown: bands.unknown,
  };
}

/** Entrants and drop-outs against a previous run's scores (by account database id). */
export function movementSince(analysis: Analysis, plan: ThresholdPlan, previous: ReadonlyMap<number, number>): Movement {
  const { dataset } = analysis;
  const entrants: string[] = [];
  const dropouts: string[] = [];
  for (const s of plan.scores) {
    const b = previous.get(dataset.accounts.dbId[s.index]!);
    if (b === undefined) continue;
    if (s.score >= plan.at && b < plan.at) entrants.push(s.handle);
    if (s.score < plan.at && b >= plan.at) dropouts.push(s.handle);
  }
  return { entrants: entrants.sort(), dropouts: dropouts.sort() };
}
