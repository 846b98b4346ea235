/**
 * Scoring runs: every scoring is stored with its model version, as-of date, window and
 * creation time, with its scores and flags. Runs are only ever inserted, never updated:
 * a new model version or date is a new run, and old runs keep what they showed (until
 * `influence runs prune` deletes them, whole).
 *
 * A run is written whole, in one transaction: its scores, flags and topic scores
 * (`topic_scores`: run_id, account_id, topic_id, score, detail), the same way for every
 * command that stores runs. A score keeps its sub-scores, confidence, flags and 80%
 * interval, not its itemisation (`detail` is written ''; schema migration 8 says why):
 * the itemisation is `explain`'s, made from the data.
 *
 * What a run is of (RunScope): its population (which accounts: 'all', a topic, a list, or
 * named accounts) and the data it read (DataFingerprint). A run identical to one stored
 * (same model, as-of, window, population and data) is not stored again: the stored one
 * stands for it. Movement (`report threshold`) compares a run with the previous stored run
 * of the same model, window and population.
 */
import { writeTransaction, type Db } from './open.js';
import type { Flag } from '../engine/result-types.js';
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
  /** RunScope.population; null for a run of unknown scope */
  population?: string | null;
  /** RunScope.data; null for a run of unknown scope */
  data?: string | null;
}

/** What a run is of besides model, as-of and window (see the module doc). */
export interface RunScope {
  /** which accounts: 'all', 'topic:<id>', 'list:<hash>', 'accounts:<hash>' (cli/run-scope.ts builds them) */
  population: string;
  /** the data read: a DataFingerprint (store/data-fingerprint.ts) as JSON */
  data: string;
}

/** One account's stored result. */
export interface StoredScore {
  /** database id of the account */
  accountId: number;
  score: number;
  reach: number;
  amplification: number;
  network: number;
  confidence: number;
  /** the score's 80% interval */
  low: number;
  high: number;
  flags: Flag[];
}

/** Inserts a run; returns its id. */
export function createRun(db: Db, run: NewRun): number {
  const info = db
    .prepare('INSERT INTO runs (model_version, as_of, window_days, created_at, accounts, population, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(run.modelVersion, run.asOf, run.windowDays, run.createdAt, run.accounts, run.population ?? null, run.data ?? null);
  return Number(info.lastInsertRowid);
}

/** Score rows per multi-row INSERT: one statement call binds this many rows. */
const SCORE_ROWS_PER_INSERT = 32;
const SCORE_COLUMNS = 9;
// OR FAIL: a failing row stops the statement without undoing its earlier rows, which the
// caller's transaction rolls back anyway; so SQLite keeps no statement journal for it (see
// withoutForeignKeyChecks). `detail` is '' (no itemisation is stored: schema migration 8).
const SCORE_SQL = 'INSERT OR FAIL INTO scores (run_id, account_id, score, reach, amplification, network, confidence, low, high, detail) VALUES ';
const valuesList = (rows: number) => Array(rows).fill(`(${Array(SCORE_COLUMNS).fill('?').join(', ')}, '')`).join(', ');

/**
 * Inserts scores, flags and topic scores of a run as `rows` yields them (call inside a
 * transaction for speed and atomicity): scores SCORE_ROWS_PER_INSERT to a statement.
 * Returns the number of scores inserted. When the connection's foreign key checks are off
 * (withoutForeignKeyChecks), the accounts are checked here instead, a statement's rows at a
 * time: one that is not in the database fails as the foreign key would.
 */
export function insertScores(db: Db, runId: number, rows: Iterable<StoredScore & { topics?: RunAccount['topics'] }>): number {
  const many = db.prepare(SCORE_SQL + valuesList(SCORE_ROWS_PER_INSERT));
  const one = db.prepare(SCORE_SQL + valuesList(1));
  const flag = db.prepare('INSERT INTO flags (run_id, account_id, code, severity, evidence) VALUES (?, ?, ?, ?, ?)');
  const topic = db.prepare('INSERT INTO topic_scores (run_id, account_id, topic_id, score, detail) VALUES (?, ?, ?, ?, ?)');
  const checkAccounts = db.pragma('foreign_keys', { simple: true }) !== 1;
  const known = checkAccounts ? db.prepare(`SELECT count(*) FROM accounts WHERE id IN (${Array(SCORE_ROWS_PER_INSERT).fill('?').join(', ')})`).pluck() : null;
  const args: unknown[] = new Array(SCORE_COLUMNS * SCORE_ROWS_PER_INSERT);
  const ids: number[] = new Array(SCORE_ROWS_PER_INSERT);
  let k = 0;
  let n = 0;
  for (const r of rows) {
    ids[k / SCORE_COLUMNS] = r.accountId;
    args[k++] = runId;
    args[k++] = r.accountId;
    args[k++] = r.score;
    args[k++] = r.reach;
    args[k++] = r.amplification;
    args[k++] = r.network;
    args[k++] = r.confidence;
    args[k++] = r.low;
    args[k++] = r.high;
    if (k === args.length) {
      many.run(...args);
      // the statement's accounts are distinct (the primary key), so all are known when all are counted
      if (known && known.get(...ids) !== SCORE_ROWS_PER_INSERT) throw unknownAccount(db, ids) ?? new Error('a statement of scores named fewer accounts than it inserted');
      k = 0;
    }
    for (const f of r.flags) flag.run(runId, r.accountId, f.code, f.severity, JSON.stringify(f.evidence));
    // `detail` is the evidence as JSON with example post ids (the texts are in the posts table)
    for (const t of r.topics ?? []) {
      const { examples, ...evidence } = t.evidence;
      topic.run(runId, r.accountId, t.id, t.score, JSON.stringify({ slug: t.slug, ...evidence, examples: examples.map((x) => x.id) }));
    }
    n++;
  }
  for (let r = 0; r < k; r += SCORE_COLUMNS) one.run(...args.slice(r, r + SCORE_COLUMNS));
  if (known && k > 0) {
    const error = unknownAccount(db, ids.slice(0, k / SCORE_COLUMNS));
    if (error) throw error;
  }
  return n;
}

/** The error the first of `ids` not in the accounts table fails with (as SQLite's foreign key would), undefined when all are there. */
function unknownAccount(db: Db, ids: readonly number[]): Error | undefined {
  const exists = db.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck();
  const missing = ids.find((id) => exists.get(id) === undefined);
  if (missing === undefined) return undefined;
  return Object.assign(new Error(`FOREIGN KEY constraint failed: a score names account ${missing}, which is not in the database`), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
}

/**
 * Runs `fn` (which takes its own write transaction) with the connection's foreign key
 * checks off, and turns them on again after. Inside a transaction the pragma cannot change
 * (SQLite ignores it), and `fn` runs with the checks as they are. Why: with the checks on,
 * a multi-row INSERT may have to undo its own rows when a late row fails one, so SQLite
 * copies every page it touches to a statement journal first (330 MB of writes for a run of
 * 100k scores that adds 36 MB); insertScores checks the accounts itself instead.
 */
function withoutForeignKeyChecks<T>(db: Db, fn: () => T): T {
  if (db.inTransaction || db.pragma('foreign_keys', { simple: true }) !== 1) return fn();
  db.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Stores a run with its scores, flags and topic scores in one transaction; returns the run id. */
export function saveRun(db: Db, run: RunRecord, createdAt: number): number {
  // waits for an import's write lock (with a message) instead of failing after 5 s
  return withoutForeignKeyChecks(db, () => writeTransaction(db, () => insertRun(db, run, createdAt, null)));
}

/** A run as `storeRun` left it: the id of the new run, or of the stored run identical to it. */
export interface StoredRun {
  runId: number;
  /** false: an identical run was stored before (runId is that run) */
  stored: boolean;
}

/**
 * Stores a run of a known scope, unless a run identical to it is stored already (same
 * model, as-of, window, population and data): then that run's id, and nothing written.
 * The check and the insert are one transaction.
 */
export function storeRun(db: Db, run: RunRecord, createdAt: number, scope: RunScope): StoredRun {
  return withoutForeignKeyChecks(db, () =>
    writeTransaction(db, (): StoredRun => {
      const same = findIdenticalRun(db, run, scope);
      if (same !== null) return { runId: same, stored: false };
      return { runId: insertRun(db, run, createdAt, scope), stored: true };
    }),
  );
}

/** The latest stored run identical to `run` of `scope` (see storeRun), null when none. */
export function findIdenticalRun(db: Db, run: Pick<RunRecord, 'modelVersion' | 'asOf' | 'windowDays'>, scope: RunScope): number | null {
  return (
    (db
      .prepare('SELECT id FROM runs WHERE model_version = ? AND window_days = ? AND population = ? AND as_of = ? AND data = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(run.modelVersion, run.windowDays, scope.population, run.asOf, scope.data) as number | undefined) ?? null
  );
}

function insertRun(db: Db, run: RunRecord, createdAt: number, scope: RunScope | null): number {
  // the accounts are counted as they are written (a run's accounts are produced one by one)
  const id = createRun(db, { modelVersion: run.modelVersion, asOf: run.asOf, windowDays: run.windowDays, createdAt, accounts: 0, population: scope?.population, data: scope?.data });
  const n = insertScores(db, id, mapIterable(run.accounts, toStoredScore));
  db.prepare('UPDATE runs SET accounts = ? WHERE id = ?').run(n, id);
  return id;
}

function* mapIterable<T, U>(xs: Iterable<T>, f: (x: T) => U): Iterable<U> {
  for (const x of xs) yield f(x);
}

function toStoredScore(a: RunAccount): StoredScore & { topics: RunAccount['topics'] } {
  const r = a.result;
  return {
    accountId: a.accountId,
    score: r.score,
    reach: r.subscores.reach,
    amplification: r.subscores.amplification,
    network: r.subscores.network,
    confidence: r.confidence,
    low: r.interval[0],
    high: r.interval[1],
    flags: r.flags,
    topics: a.topics,
  };
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
  /** the score's 80% interval; null for runs stored before intervals were (schema migration 8) */
  interval: [number, number] | null;
  flags: string[];
}

/** Every stored run that scored the account, oldest first (by as-of, then run id). */
export function readHistory(db: Db, accountId: number): HistoryRow[] {
  const rows = db
    .prepare(
      `SELECT r.id AS runId, r.model_version AS modelVersion, r.as_of AS asOf, r.window_days AS windowDays, r.created_at AS createdAt,
              s.score, s.reach, s.amplification, s.network, s.confidence, s.low, s.high,
              (SELECT group_concat(code, ',') FROM (SELECT code FROM flags f WHERE f.run_id = r.id AND f.account_id = s.account_id ORDER BY code)) AS flags
         FROM scores s JOIN runs r ON r.id = s.run_id
        WHERE s.account_id = ?
        ORDER BY r.as_of, r.id`,
    )
    .all(accountId) as (Omit<HistoryRow, 'flags' | 'interval'> & { low: number | null; high: number | null; flags: string | null })[];
  return rows.map(({ low, high, flags, ...r }) => ({ ...r, interval: intervalOf(low, high), flags: flags ? flags.split(',') : [] }));
}

/** A stored interval, null when its run stored none. */
function intervalOf(low: number | null, high: number | null): [number, number] | null {
  return low === null || high === null ? null : [low, high];
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

/** A stored run's metadata. */
export interface RunInfo {
  id: number;
  modelVersion: string;
  /** epoch ms */
  asOf: number;
  windowDays: number;
  /** epoch ms */
  createdAt: number;
  accounts: number;
  population: string | null;
  data: string | null;
}

const RUN_COLUMNS = 'id, model_version AS modelVersion, as_of AS asOf, window_days AS windowDays, created_at AS createdAt, accounts, population, data';

/**
 * The run movement is measured against: the latest stored run of the same model, window
 * and population that is not the same scoring again (its as-of or data differ), stored
 * before `before` when given (the current run's id). Null when there is none. Runs of an
 * unknown population (stored before populations were recorded) never match.
 */
export function findPreviousRun(
  db: Db,
  current: { modelVersion: string; windowDays: number; asOf: number; population: string; data: string },
  before?: number,
): RunInfo | null {
  return (
    (db
      .prepare(
        `SELECT ${RUN_COLUMNS} FROM runs
          WHERE model_version = ? AND window_days = ? AND population = ? AND NOT (as_of = ? AND data = ?) AND id < ?
          ORDER BY id DESC LIMIT 1`,
      )
      .get(current.modelVersion, current.windowDays, current.population, current.asOf, current.data, before ?? Number.MAX_SAFE_INTEGER) as RunInfo | undefined) ?? null
  );
}

/** How many runs are stored. */
export function countRuns(db: Db): number {
  return db.prepare('SELECT count(*) FROM runs').pluck().get() as number;
}

/** Stored runs, newest first (`limit` of them when given). */
export function listRuns(db: Db, limit?: number): RunInfo[] {
  return db.prepare(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?`).all(limit ?? -1) as RunInfo[];
}

/** One stored run's metadata, null when there is no such run. */
export function readRun(db: Db, runId: number): RunInfo | null {
  return (db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(runId) as RunInfo | undefined) ?? null;
}

/** One account's stored score in a run, as `runs show` lists it. */
export interface RunScoreRow {
  accountId: number;
  network: string;
  handle: string | null;
  externalId: string | null;
  score: number;
  reach: number;
  amplification: number;
  networkScore: number;
  confidence: number;
  /** the score's 80% interval; null for runs stored before intervals were (schema migration 8) */
  interval: [number, number] | null;
  flags: string[];
}

/** A run's scores, best first (then by account id), `limit` of them when given. */
export function readRunRows(db: Db, runId: number, limit?: number): RunScoreRow[] {
  const rows = db
    .prepare(
      `SELECT s.account_id AS accountId, a.network, a.handle, a.external_id AS externalId, s.score, s.reach, s.amplification,
              s.network AS networkScore, s.confidence, s.low, s.high,
              (SELECT group_concat(code, ',') FROM (SELECT code FROM flags f WHERE f.run_id = s.run_id AND f.account_id = s.account_id ORDER BY code)) AS flags
         FROM scores s JOIN accounts a ON a.id = s.account_id
        WHERE s.run_id = ?
        ORDER BY s.score DESC, s.account_id LIMIT ?`,
    )
    .all(runId, limit ?? -1) as (Omit<RunScoreRow, 'flags' | 'interval'> & { low: number | null; high: number | null; flags: string | null })[];
  return rows.map(({ low, high, flags, ...r }) => ({ ...r, interval: intervalOf(low, high), flags: flags ? flags.split(',') : [] }));
}

/** Which runs `pruneRuns` deletes: those not among the `keep` latest, and/or created before `before` (epoch ms); both: both must hold. */
export interface PruneRule {
  keep?: number;
  before?: number;
}

/** The ids of the runs a prune rule selects, newest first. */
export function selectPrunedRuns(db: Db, rule: PruneRule): number[] {
  const ids = db.prepare('SELECT id, created_at FROM runs ORDER BY id DESC').raw().all() as [number, number][];
  return ids.filter(([, created], k) => (rule.keep === undefined || k >= rule.keep) && (rule.before === undefined || created < rule.before)).map(([id]) => id);
}

/** Rows of runs per table: what deleting them would delete. */
export function countRunRows(db: Db, runIds: readonly number[]): { runs: number; scores: number; flags: number; topicScores: number } {
  const out = { runs: 0, scores: 0, flags: 0, topicScores: 0 };
  const count = {
    scores: db.prepare('SELECT count(*) FROM scores WHERE run_id = ?').pluck(),
    flags: db.prepare('SELECT count(*) FROM flags WHERE run_id = ?').pluck(),
    topicScores: db.prepare('SELECT count(*) FROM topic_scores WHERE run_id = ?').pluck(),
    runs: db.prepare('SELECT count(*) FROM runs WHERE id = ?').pluck(),
  };
  for (const id of runIds) for (const k of ['runs', 'scores', 'flags', 'topicScores'] as const) out[k] += count[k].get(id) as number;
  return out;
}

/** Deletes runs with their scores, flags and topic scores, in one transaction; rows deleted per table. */
export function deleteRuns(db: Db, runIds: readonly number[]): { runs: number; scores: number; flags: number; topicScores: number } {
  return writeTransaction(db, () => {
    const out = { runs: 0, scores: 0, flags: 0, topicScores: 0 };
    const del = {
      scores: db.prepare('DELETE FROM scores WHERE run_id = ?'),
      flags: db.prepare('DELETE FROM flags WHERE run_id = ?'),
      topicScores: db.prepare('DELETE FROM topic_scores WHERE run_id = ?'),
      runs: db.prepare('DELETE FROM runs WHERE id = ?'),
    };
    for (const id of runIds) {
      out.scores += del.scores.run(id).changes;
      out.flags += del.flags.run(id).changes;
      out.topicScores += del.topicScores.run(id).changes;
      out.runs += del.runs.run(id).changes;
    }
    return out;
  });
}
