/**
 * The Klout70 report as a plan over an analysis: who is at or above a threshold, who is
 * near (with the one lever that lifts each over: engine/threshold.ts), and, given the
 * scores of a previous run, who entered and who dropped out. Storing the run and reading
 * the previous one are the caller's (read -> plan -> apply).
 */
import { abstentionOf, isScored, resultOf, topicsOfAccount, type Abstention, type Analysis, type ScoredResult } from '../analyze.js';
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

/** Bands the pool and finds each near miss's cheapest lever (see the module doc). */
export function planThreshold(analysis: Analysis, req: ThresholdRequest): ThresholdPlan {
  const { dataset, table, model } = analysis;
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
  const scores: ScoredResult[] = [];
  const abstained: Abstention[] = [];
  for (const i of pool) {
    const r = resultOf(analysis, i);
    const apart = abstentionOf(r, req.minConfidence);
    if (apart === null && isScored(r)) scores.push(r);
    else abstained.push(apart!);
  }
  const byScore = (a: ScoredResult, b: ScoredResult): number => b.score - a.score || (a.handle < b.handle ? -1 : 1);
  const above = scores.filter((s) => bandOf(s.score, at, near) === 'above').sort(byScore);
  const nearScores = scores.filter((s) => bandOf(s.score, at, near) === 'near').sort(byScore);
  return {
    at,
    near,
    topic,
    pool,
    scores,
    above,
    nearMisses: nearScores.map((s) => ({
      result: s,
      gap: Math.round((at - s.score) * 10) / 10,
      lever: findCheapestLever(model, featureVectorOf(table.features, s.index), at, table.assessment.damping[s.index] ?? 1, table.assessment.cap[s.index] ?? 100),
    })),
    abstained,
    counts: { above: above.length, near: nearScores.length, below: scores.length - above.length - nearScores.length, abstained: abstained.length, unknown: match?.unknown.length ?? 0 },
    unknown: match?.unknown ?? [],
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
