/** `influence report threshold`: the Klout70 club, near misses with their cheapest lever, movement since the last run. */
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { addScoringOptions, type ScoringFlags } from '../scoring-options.js';
import { displayHandle, openScoringSession, toStoredScore, type ScoringSession } from '../run-scoring.js';
import { indexHandles } from '../resolve-handles.js';
import { matchFollowerList } from '../match-list.js';
import { computeStoredExpertise, loadOntology, resolveTopicFlag } from '../topic-session.js';
import { topicsOfAccount } from '../account-topics.js';
import { parseNumberFlag } from '../campaign-options.js';
import { explainScore, type AccountScore } from '../../engine/score.js';
import { featureVectorOf } from '../../engine/features.js';
import { bandOf, findCheapestLever } from '../../engine/threshold.js';
import { isSelfOrAncestor } from '../../engine/topics/taxonomy.js';
import { readFollowerList, type FollowerList } from '../../import/follower-list.js';
import { readPreviousRun, readRunScores, saveRun } from '../../store/runs.js';
import { toJson } from '../../render/json.js';
import { renderThresholdText, type ThresholdAccount, type ThresholdReport } from '../../render/threshold-view.js';

interface ThresholdFlags extends ScoringFlags {
  at: string;
  near: string;
  topic?: string;
  list?: string;
  save?: boolean;
  ontology?: string;
}

/** Registers `report threshold [--at 70] [--near 5] [--topic SLUG] [--list FILE]`. */
export function registerReportThreshold(report: Command, io: Io): void {
  addScoringOptions(
    report
      .command('threshold')
      .description('who is at or above a score (the Klout70 club), who is near and the one lever that lifts each over, movement since the last run')
      .option('--at <score>', 'the threshold', '70')
      .option('--near <points>', 'how far below the threshold counts as near', '5')
      .option('--topic <slug>', 'only accounts with this topic (sub-topics included)')
      .option('--list <file>', 'only the accounts of a follower list')
      .option('--ontology <dir>', 'your own topic ontology (Klout-format CSVs)')
      .option('--no-save', 'do not store this run (movement compares stored runs)'),
  ).action(async (opts: ThresholdFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const at = parseNumberFlag(opts.at, '--at', 1, 100)!;
    const near = parseNumberFlag(opts.near, '--near', 0, 99)!;
    const list = opts.list !== undefined ? readFollowerList(ctx.resolvePath(opts.list)) : null;
    const session = await openScoringSession(ctx, opts);
    try {
      const report = buildThresholdReport(ctx, session, { at, near, list, topic: opts.topic, ontology: opts.ontology, save: opts.save !== false });
      ctx.out(ctx.mode === 'json' ? toJson(report) : renderThresholdText(report, ctx.theme, ctx.mode === 'tty'));
    } finally {
      session.db.close();
    }
  });
}

export interface ThresholdRequest {
  at: number;
  near: number;
  list: FollowerList | null;
  topic?: string;
  ontology?: string;
  /** store the run (movement compares stored runs) */
  save: boolean;
}

/** Builds the threshold report of a scoring session (report threshold, demo). */
export function buildThresholdReport(ctx: CommandContext, session: ScoringSession, req: ThresholdRequest): ThresholdReport {
  const { pop, table, window, model, db } = session;
  const { at, near, list } = req;
  const match = list ? matchFollowerList(pop.accounts, indexHandles(pop.accounts), list) : null;
  let pool = match ? [...match.matched.keys()].sort((a, b) => a - b) : Array.from({ length: pop.accounts.n }, (_, i) => i);
  let topicView: ThresholdReport['topic'] = null;
  if (req.topic !== undefined) {
    const tax = loadOntology(ctx, req.ontology);
    const topic = resolveTopicFlag(tax, req.topic);
    const stored = computeStoredExpertise(db, tax, window);
    // assigned topics already roll sub-topic evidence up; a sub-topic assignment also counts
    pool = pool.filter((i) => topicsOfAccount(stored, pop.accounts.dbId[i]!).some((t) => isSelfOrAncestor(tax, topic, t.topic)));
    topicView = { slug: tax.slugs[topic]!, name: tax.names[topic]! };
  }
  type Scored = AccountScore & { score: number };
  // abstaining accounts have no score to compare with the threshold (TODO lead: count them apart)
  const scores = pool.map((i) => explainScore(table, i)).filter((s): s is Scored => s.score !== null);
  const runId = req.save ? saveRun(db, { modelVersion: model.version, asOf: window.asOf, windowDays: window.windowDays, createdAt: Date.now() }, scores.map((s) => toStoredScore(pop, s))) : null;
  const view = (s: Scored): ThresholdAccount => ({ handle: displayHandle(pop, s.index), network: pop.accounts.network[s.index]!, score: s.score, subscores: s.subscores, flags: s.flags.map((f) => f.code) });
  const byScore = (a: Scored, b: Scored) => b.score - a.score || (displayHandle(pop, a.index) < displayHandle(pop, b.index) ? -1 : 1);
  const above = scores.filter((s) => bandOf(s.score, at, near) === 'above').sort(byScore);
  const nearMisses = scores.filter((s) => bandOf(s.score, at, near) === 'near').sort(byScore);
  return {
    schema: 1,
    asOf: new Date(window.asOf).toISOString(),
    windowDays: window.windowDays,
    model: model.version,
    at,
    nearWithin: near,
    topic: topicView,
    runId,
    counts: { above: above.length, near: nearMisses.length, below: scores.length - above.length - nearMisses.length, unknown: match?.unknown.length ?? 0 },
    above: above.map(view),
    near: nearMisses.map((s) => ({
      ...view(s),
      gap: Math.round((at - s.score) * 10) / 10,
      lever: findCheapestLever(model, featureVectorOf(table.features, s.index), at, table.assessment.damping[s.index] ?? 1, table.assessment.cap[s.index] ?? 100),
    })),
    movement: movementSince(db, runId, scores, pop.accounts.dbId, at, (i) => displayHandle(pop, i)),
    unknown: match?.unknown ?? [],
  };
}

/** Entrants (now at or above, before below) and drop-outs (the reverse) among accounts scored in both runs. */
function movementSince(db: Parameters<typeof readPreviousRun>[0], runId: number | null, scores: (AccountScore & { score: number })[], dbId: ArrayLike<number>, at: number, handle: (i: number) => string): ThresholdReport['movement'] {
  if (runId === null) return { previousRun: null, previousAsOf: null, entrants: [], dropouts: [] };
  const prev = readPreviousRun(db, runId);
  if (prev === null) return { previousRun: null, previousAsOf: null, entrants: [], dropouts: [] };
  const before = readRunScores(db, prev);
  const asOf = db.prepare('SELECT as_of FROM runs WHERE id = ?').pluck().get(prev) as number;
  const entrants: string[] = [];
  const dropouts: string[] = [];
  for (const s of scores) {
    const b = before.get(dbId[s.index]!);
    if (b === undefined) continue;
    if (s.score >= at && b < at) entrants.push(handle(s.index));
    if (s.score < at && b >= at) dropouts.push(handle(s.index));
  }
  return { previousRun: prev, previousAsOf: new Date(asOf).toISOString(), entrants: entrants.sort(), dropouts: dropouts.sort() };
}
