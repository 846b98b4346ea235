/** The scoring pipeline the commands share: load the store, resolve the window, score, view. */
import type { Dataset } from '../engine/dataset.js';
import type { ScoringWindow } from '../engine/window.js';
import type { Model } from '../engine/model.js';
import { explainScore, scoreAccounts, type AccountScore, type ScoreTable } from '../engine/score.js';
import type { ScoreResultView } from '../render/score-view.js';
import type { Db } from '../store/open.js';
import { readDatasetParallel } from '../store/read-dataset.js';
import type { StoredScore } from '../store/runs.js';
import type { CommandContext } from './context.js';
import { indexHandles, resolveHandle } from './resolve-handles.js';
import { assessPopulation, loadModel, resolveWindow, type ScoringFlags } from './scoring-options.js';

/** An open store with its population scored, for one command. */
export interface ScoringSession {
  db: Db;
  pop: Dataset;
  window: ScoringWindow;
  model: Model;
  table: ScoreTable;
  /** resolves a handle argument to an account index (UsageError when unknown or ambiguous) */
  resolve(handle: string): number;
}

/** Opens the store, loads the model, reads the population and scores it. Caller closes db. */
export async function openScoringSession(ctx: CommandContext, flags: ScoringFlags): Promise<ScoringSession> {
  const { model } = loadModel(flags.model, ctx.resolvePath);
  const db = ctx.openExistingStore();
  const window = resolveWindow(flags, db);
  const pop = await readDatasetParallel(db, { bios: false });
  const assessment = assessPopulation(pop, window);
  const table = scoreAccounts(pop, { window, model, assessment });
  let handles: Map<string, number[]> | null = null;
  return {
    db,
    pop,
    window,
    model,
    table,
    resolve(handle) {
      handles ??= indexHandles(pop.accounts);
      return resolveHandle(pop.accounts, handles, handle);
    },
  };
}

/** The name an account is shown by: its handle, else its platform id. */
export function displayHandle(pop: Dataset, i: number): string {
  return pop.accounts.handle[i] || `id:${pop.accounts.externalId[i] ?? pop.accounts.dbId[i]}`;
}

/** Projects an engine result to the JSON/view contract. */
export function toResultView(pop: Dataset, s: AccountScore): ScoreResultView {
  return {
    handle: displayHandle(pop, s.index),
    network: pop.accounts.network[s.index]!,
    score: s.score,
    interval: s.interval,
    abstain: s.abstain,
    subscores: s.subscores,
    confidence: s.confidence,
    contributions: s.contributions,
    flags: s.flags,
    missing: s.missing,
    activityInWindow: s.activityInWindow,
    lastActivity: s.lastActivity === null ? null : new Date(s.lastActivity).toISOString(),
  };
}

/** An engine result as a stored row. */
export function toStoredScore(pop: Dataset, s: AccountScore): StoredScore {
  return {
    accountId: pop.accounts.dbId[s.index]!,
    score: s.score ?? NaN, // abstentions are not stored (see saveRun callers)
    reach: s.subscores.reach,
    amplification: s.subscores.amplification,
    network: s.subscores.network,
    confidence: s.confidence,
    contributions: s.contributions,
    missing: s.missing,
    flags: s.flags,
  };
}

/** Itemised results of the given account indices, in order. */
export function explainMany(table: ScoreTable, indices: Iterable<number>): AccountScore[] {
  const out: AccountScore[] = [];
  for (const i of indices) out.push(explainScore(table, i));
  return out;
}
