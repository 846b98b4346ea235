/**
 * What a scoring run stores: the model, as-of and window, and for each account of the run
 * its score (with interval, sub-scores, confidence and flags) and assigned topics, keyed by
 * database id; not the itemisation, which `explain` makes from the data (schema migration
 * 8 says why). The engine builds it from an analysis; the store writes it in one
 * transaction (store/runs.ts).
 */
import { isScored, summaryOf, topicsOfAccount, type AccountSummary, type Analysis, type ScoredSummary } from './analyze.js';
import type { TopicScore } from './topics/expertise.js';

/** What a run keeps of an account's result. */
export type RunResult = Pick<ScoredSummary, 'score' | 'interval' | 'subscores' | 'confidence' | 'flags'>;

/** One account's part of a run. */
export interface RunAccount {
  /** database id of the account */
  accountId: number;
  result: RunResult;
  /** assigned topics (empty when the run computed none) */
  topics: TopicScore[];
}

/** A run as stored. */
export interface RunRecord {
  modelVersion: string;
  /** epoch ms */
  asOf: number;
  windowDays: number;
  /** produced one at a time when the run is built from an analysis (a big run never sits in memory whole) */
  accounts: Iterable<RunAccount>;
}

/**
 * The run of the given accounts (index order as given), with their topics when the analysis
 * has them. Accounts that abstain are not part of a run: a stored run is a set of scores.
 * Each account's summary is made as the run is read (once per reading), from `results`
 * when it holds the account's result already.
 */
export function runRecordOf(analysis: Analysis, indices: Iterable<number>, results?: ReadonlyMap<number, AccountSummary>): RunRecord {
  return {
    modelVersion: analysis.model.version,
    asOf: analysis.window.asOf,
    windowDays: analysis.window.windowDays,
    accounts: {
      *[Symbol.iterator]() {
        for (const i of indices) {
          if (analysis.table.abstain[i] !== null && !results?.has(i)) continue; // abstains: nothing to store
          const result = results?.get(i) ?? summaryOf(analysis, i);
          if (isScored(result)) yield { accountId: analysis.dataset.accounts.dbId[i]!, result, topics: topicsOfAccount(analysis, i) };
        }
      },
    },
  };
}
