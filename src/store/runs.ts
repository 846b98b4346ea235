/**
 * Scoring runs: every scoring is stored with its model version, as-of date, window and
 * creation time, with its scores and flags. Runs are only ever inserted, never updated:
 * a new model version or date is a new run, and old runs keep what they showed.
 *
 * A run is written whole, in one transaction: its scores, flags and topic scores
 * (`topic_scores`: run_id, account_id, topic_id, score, detail), the same way for every
 * command that stores runs.
 */
import { writeTransaction, type Db } from './open.js';
import type { Contribution, Flag } from '../engine/result-types.js';
import type { RunAccount, RunRecord } from '../engine/run-record.js';

/** A run's metadata as stored. */
export interface NewRun {
  modelVersion: string;
  /** epoch ms */
  asOf: number;
  windowDays: number;
  /** epoch ms: I/O metadata (when the run was made), never part of a result */
  createdAt: number;
  /** number of accounts scored in this run */
  accounts: number;
}

/** One account's stored result (`detail` keeps the itemisation shown). */
export interface StoredScore {
  /** database id of the account */
  accountId: number;
  score: number;
  reach: number;
  amplification: number;
  network: number;
  confidence: number;
  contributions: Contribution[];
  missing: string[];
  flags: Flag[];
}

/** Inserts a run; returns its id. */
export function createRun(db: Db, run: NewRun): number {
  const info = db
    .prepare('INSERT INTO runs (model_version, as_of, window_days, created_at, accounts) VALUES (?, ?, ?, ?, ?)')
    .run(run.modelVersion, run.asOf, run.windowDays, run.createdAt, run.accounts);
  return Number(info.lastInsertRowid);
}

/** Inserts scores and flags of a run (call inside a transaction for speed and atomicity). */
export function insertScores(db: Db, runId: number, rows: Iterable<StoredScore>): number {
  const score = db.prepare(
    'INSERT INTO scores (run_id, account_id, score, reach, amplification, network, confidence, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const flag = db.prepare('INSERT INTO flags (run_id, account_id, code, severity, evidence) VALUES (?, ?, ?, ?, ?)');
  let n = 0;
  for (const r of rows) {
    const detail = JSON.stringify({ contributions: r.contributions.map((c) => [c.feature, c.group, c.value, c.points, c.source]), missing: r.missing });
    score.run(runId, r.accountId, r.score, r.reach, r.amplification, r.network, r.confidence, detail);
    for (const f of r.flags) flag.run(runId, r.accountId, f.code, f.severity, JSON.stringify(f.evidence));
    n++;
  }
  return n;
}

/** Stores a run with its scores, flags and topic scores in one transaction; returns the run id. */
export function saveRun(db: Db, run: RunRecord, createdAt: number): number {
  // waits for an import's write lock (with a message) instead of failing after 5 s
  return writeTransaction(db, () => {
    const id = createRun(db, { modelVersion: run.modelVersion, asOf: run.asOf, windowDays: run.windowDays, createdAt, accounts: run.accounts.length });
    insertScores(db, id, run.accounts.map(toStoredScore));
    insertTopicScores(db, id, run.accounts);
    return id;
  });
}

function toStoredScore(a: RunAccount): StoredScore {
  const r = a.result;
  return {
    accountId: a.accountId,
    score: r.score,
    reach: r.subscores.reach,
    amplification: r.subscores.amplification,
    network: r.subscores.network,
    confidence: r.confidence,
    contributions: r.contributions,
    missing: r.missing,
    flags: r.flags,
  };
}

/** Topic scores of a run's accounts; `detail` is the evidence as JSON with example post ids (the texts are in the posts table). */
function insertTopicScores(db: Db, runId: number, accounts: readonly RunAccount[]): number {
  const insert = db.prepare('INSERT INTO topic_scores (run_id, account_id, topic_id, score, detail) VALUES (?, ?, ?, ?, ?)');
  let rows = 0;
  for (const a of accounts) {
    for (const t of a.topics) {
      const { examples, ...evidence } = t.evidence;
      insert.run(runId, a.accountId, t.id, t.score, JSON.stringify({ slug: t.slug, ...evidence, examples: examples.map((x) => x.id) }));
      rows++;
    }
  }
  return rows;
}

/** One past run of one account. */
export interface HistoryRow {
  runId: number;
  modelVersion: string;
  asOf: number;
  windowDays: number;
  createdAt: number;
  score: number;
  reach: number;
  amplification: number;
  network: number;
  confidence: number;
  flags: string[];
}

/** Every stored run that scored the account, oldest first (by as-of, then run id). */
export function readHistory(db: Db, accountId: number): HistoryRow[] {
  const rows = db
    .prepare(
      `SELECT r.id AS runId, r.model_version AS modelVersion, r.as_of AS asOf, r.window_days AS windowDays, r.created_at AS createdAt,
              s.score, s.reach, s.amplification, s.network, s.confidence,
              (SELECT group_concat(code, ',') FROM (SELECT code FROM flags f WHERE f.run_id = r.id AND f.account_id = s.account_id ORDER BY code)) AS flags
         FROM scores s JOIN runs r ON r.id = s.run_id
        WHERE s.account_id = ?
        ORDER BY r.as_of, r.id`,
    )
    .all(accountId) as (Omit<HistoryRow, 'flags'> & { flags: string | null })[];
  return rows.map((r) => ({ ...r, flags: r.flags ? r.flags.split(',') : [] }));
}

/** The scores of one run by account database id (for movement between runs). */
export function readRunScores(db: Db, runId: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of db.prepare('SELECT account_id, score FROM scores WHERE run_id = ?').raw().iterate(runId) as IterableIterator<[number, number]>) {
    out.set(r[0], r[1]);
  }
  return out;
}

/** The as-of date of a stored run (epoch ms), null when there is no such run. */
export function readRunAsOf(db: Db, runId: number): number | null {
  return (db.prepare('SELECT as_of FROM runs WHERE id = ?').pluck().get(runId) as number | undefined) ?? null;
}

/** The run stored just before `runId` with the same model version and window (null when none). */
export function readPreviousRun(db: Db, runId: number): number | null {
  const row = db
    .prepare(
      `SELECT p.id FROM runs p JOIN runs r ON r.id = ?
        WHERE p.id < r.id AND p.model_version = r.model_version AND p.window_days = r.window_days
        ORDER BY p.id DESC LIMIT 1`,
    )
    .pluck()
    .get(runId) as number | undefined;
  return row ?? null;
}
