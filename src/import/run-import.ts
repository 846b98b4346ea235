/**
 * The import orchestrator: opens each path, picks its adapter, streams records into the
 * store, and records provenance, all in ONE transaction: a bad row (unless
 * --skip-invalid) or any failure rolls everything back and leaves the database exactly
 * as it was. Adapters stay pure parsers; this module owns writes and bookkeeping.
 *
 * It writes to an ImportTarget (store/import-target.ts): large imports write on a worker
 * thread while this thread parses, and the target's reader only serves what was in the
 * database before the import.
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { InputError } from '../errors.js';
import type { ImportLogRow, UpdatedCounts } from '../store/apply-batches.js';
import type { ImportTarget } from '../store/import-target.js';
import { createRecordWriter, type RecordWriter, type WriteCounts } from '../store/write-records.js';
import { canWriteInWorker } from '../store/write-session.js';
import { gateSource } from './gate-source.js';
import { whyUnrecognised } from './why-unrecognised.js';
import { findUnstorableValue, type AccountRef, type ImportRecord, type InteractionKind, type RowProblem } from '../store/records.js';
import { ADAPTERS, type AdapterEntry, adapterByFormat } from './registry.js';
import type { Adapter, Source } from './source.js';

export interface ImportOptions {
  /** force an adapter instead of detecting one */
  format?: string;
  /** import the valid rows and count the rest, instead of failing on the first bad row */
  skipInvalid: boolean;
  /** network for generic rows that name none */
  defaultNetwork: string;
  /** owner of a standalone following list */
  owner?: string;
  /**
   * The handle every account read from the accounts tables follows: a list of follower
   * profiles (from the API, a follower exporter) becomes the audited account's followers
   * without a follows table. Only for the generic formats.
   */
  followersOf?: string;
  /** time recorded in the imports log (I/O metadata; passed in, the engine never reads clocks) */
  now: number;
  onProgress?: (path: string, bytesRead: number, bytesTotal: number) => void;
  /** told once when the import waits for another process's write lock (a message for stderr) */
  onLockWait?: (message: string) => void;
  /** how long to wait for another process's write lock (default: the store's LOCK_WAIT_MS) */
  lockWaitMs?: number;
  /**
   * Where the writes run: 'auto' (default) uses a worker thread for inputs of
   * THREADED_MIN_BYTES or more on a machine with more than one CPU; 'always' and 'never'
   * are for tests and benchmarks.
   */
  threads?: 'auto' | 'always' | 'never';
  /** networks with more accounts are looked up per account instead of cached whole (tests) */
  preloadLimit?: number;
}

export interface SourceSummary {
  path: string;
  format: string;
  sha256: string;
  bytes: number;
  /** records read, by type */
  read: Record<ImportRecord['type'], number>;
  /** interaction records read, by kind (a Twitter archive's likes, ...) */
  readInteractions: Partial<Record<InteractionKind, number>>;
  /** true when this exact content (same sha256 and format) was imported before */
  alreadyImported: boolean;
  skippedRows: number;
  skippedFiles: { name: string; reason: string }[];
  /** whose export this is, when the adapter knows (one per repository or archive read) */
  owners: AccountRef[];
  /** facts about the data worth a look, which changed nothing (e.g. implausible dates kept as written) */
  notices: { name: string; message: string }[];
}

export interface ImportSummary {
  sources: SourceSummary[];
  /** rows added to each table by the whole command */
  added: WriteCounts;
  /** rows that existed before and that the command changed */
  updated: UpdatedCounts;
  /** interactions derived from posts (replies, reshares, quotes, mentions), by kind: written, some perhaps known already */
  derived: Partial<Record<InteractionKind, number>>;
  skippedRows: number;
  /** the first reasons rows were skipped (with --skip-invalid) */
  firstProblems: RowProblem[];
}

const MAX_REPORTED_PROBLEMS = 10;

/** Finds the adapter for a source: --format, else the first that detects it. */
export async function chooseAdapter(source: Source, format?: string): Promise<Adapter> {
  if (format) {
    const adapter = adapterByFormat(format);
    if (!adapter) {
      throw new InputError(`unknown format '${format}'`, {
        expected: ADAPTERS.map((a) => a.format).join(', '),
        fix: 'pass one of the listed formats, or leave --format out to detect it',
      });
    }
    return adapter.load();
  }
  for (const adapter of ADAPTERS) if (await adapter.detect(source)) return adapter.load();
  const why = await whyUnrecognised(source);
  throw new InputError(`cannot tell what export this is${why ? `: ${why.reason}` : ''}`, {
    file: source.path,
    expected: `one of: ${ADAPTERS.map((a) => `${a.format} (${a.description})`).join('; ')}`,
    fix: why?.fix ?? 'pass --format NAME, or check the file (see README, "Input formats")',
  });
}

/**
 * Inputs from this size on are imported with a worker thread: starting one costs ~50 ms
 * (more on a busy machine), which only pays once parsing takes a few hundred ms.
 */
export const THREADED_MIN_BYTES = 8 * 2 ** 20;

/** Imports every path in one transaction; throws InputError (and rolls back) on bad input. */
export async function runImport(
  target: ImportTarget,
  paths: string[],
  options: ImportOptions,
  openSource: (path: string) => Promise<Source>,
): Promise<ImportSummary> {
  const sources: SourceSummary[] = [];
  const firstProblems: RowProblem[] = [];
  let skippedRows = 0;
  const session = target.openSession({ threaded: shouldUseThreads(paths, options.threads ?? 'auto'), onLockWait: options.onLockWait, lockWaitMs: options.lockWaitMs });
  try {
    let writer: RecordWriter | undefined;
    for (const p of paths) {
      const opened = await openSource(p);
      const adapter = await chooseAdapter(opened, options.format);
      if (options.followersOf !== undefined) refuseFollowersOf(opened, adapter);
      // The writer's account ids start after the last one, read under the write lock.
      writer ??= createRecordWriter(target.reader, await session.ready, (batch) => session.send(batch), { preloadLimit: options.preloadLimit });
      const w = writer;
      const source = session.threaded ? gateSource(opened, () => session.backpressure()) : opened;
      const summary: SourceSummary = {
        path: opened.path, // what the user passed ('stdin' for '-')
        format: adapter.format,
        sha256: '', // once read (the hash of a plain file is computed alongside the reading)
        bytes: source.totalBytes,
        read: { account: 0, post: 0, interaction: 0, follow: 0 },
        readInteractions: {},
        alreadyImported: false,
        skippedRows: 0,
        skippedFiles: [],
        owners: [],
        notices: [],
      };
      await adapter.read(
        source,
        {
          record(rec, at) {
            const bad = findUnstorableValue(rec);
            if (bad) {
              this.problem({ ...at, field: bad.field, reason: bad.reason, expected: bad.expected, fix: 'correct the value in the file' });
              return;
            }
            summary.read[rec.type]++;
            if (rec.type === 'interaction') summary.readInteractions[rec.kind] = (summary.readInteractions[rec.kind] ?? 0) + 1;
            w.write(rec);
            if (rec.type === 'account' && options.followersOf !== undefined) writeFollowerOf(rec.ref, options.followersOf, w, summary);
          },
          problem(problem) {
            if (!options.skipInvalid) {
              throw new InputError(problem.reason, {
                file: problem.file,
                line: problem.line,
                record: problem.record,
                field: problem.field,
                expected: problem.expected,
                fix: skipAdvice(problem.fix),
              });
            }
            summary.skippedRows++;
            skippedRows++;
            if (firstProblems.length < MAX_REPORTED_PROBLEMS) firstProblems.push(problem);
          },
          skippedFile(name, reason) {
            summary.skippedFiles.push({ name, reason });
          },
          progress(bytesRead, bytesTotal) {
            options.onProgress?.(opened.path, bytesRead, bytesTotal);
          },
          owner(ref) {
            summary.owners.push(ref);
          },
          notice(name, message) {
            summary.notices.push({ name, message });
          },
        },
        { defaultNetwork: options.defaultNetwork, owner: options.owner },
      );
      if (options.format) await refuseEmptyForcedRead(opened, adapter, summary);
      summary.sha256 = await opened.sha256;
      summary.alreadyImported = target.wasImported(summary.sha256, adapter.format);
      sources.push(summary);
    }
    writer?.flush();
    await session.ready; // a database that cannot be opened for writing fails here at the latest
    // content imported before is logged again only when it changed something (apply-batches.ts)
    const log: ImportLogRow[] = sources.map((s) => ({
      onlyIfChanged: s.alreadyImported,
      path: s.path,
      sha256: s.sha256,
      format: s.format,
      bytes: s.bytes,
      counts: JSON.stringify({ read: s.read, skippedRows: s.skippedRows, skippedFiles: s.skippedFiles.length }),
      importedAt: options.now,
    }));
    const { updated, ...added } = await session.commit(log);
    return { sources, added: { ...added, merged: writer?.merged() ?? 0 }, updated, derived: writer?.derived() ?? {}, skippedRows, firstProblems };
  } catch (err) {
    await session.abort();
    throw err;
  }
}

/** Formats whose account rows are profiles a user listed (generic tables, Twitter API user objects): what --followers-of reads. */
const FOLLOWER_LIST_FORMATS: ReadonlySet<string> = new Set(['csv', 'json', 'ndjson']);

/** --followers-of names whose followers an accounts table lists; an export's accounts (its owner, people it mentions) are not that. */
function refuseFollowersOf(source: Source, adapter: Adapter): void {
  if (FOLLOWER_LIST_FORMATS.has(adapter.format)) return;
  throw new InputError(`--followers-of reads accounts tables, and this is a ${adapter.format} export`, {
    file: source.path,
    expected: 'accounts tables (generic CSV, JSON or NDJSON, or Twitter API user objects) listing the followers',
    fix: 'import the export without --followers-of, and the follower list in a command of its own',
  });
}

/** The follow edge --followers-of adds for an account read (none from the followed account itself). */
function writeFollowerOf(follower: AccountRef, followee: string, writer: RecordWriter, summary: SourceSummary): void {
  if (follower.handle?.toLowerCase() === followee.toLowerCase()) return;
  writer.write({ type: 'follow', follower, followee: { network: follower.network, handle: followee } });
  summary.read.follow++;
}

/**
 * A format forced with --format that read nothing from a source it does not recognise
 * (`--format json` on a CSV: every file skipped as "not a JSON file") would log an import
 * of nothing and exit 0; it is an input error naming what the files are. The same when all
 * it read is the owner named by --owner (`--format instagram --owner me` on a CSV).
 */
async function refuseEmptyForcedRead(source: Source, adapter: Adapter, summary: SourceSummary): Promise<void> {
  // the owner's own account record (own-data exports write it from --owner) is not something read from the files
  const read = Object.values(summary.read).reduce((a, b) => a + b, 0) - Math.min(summary.read.account, summary.owners.length);
  if (read > 0 || summary.skippedRows > 0 || (await adapter.detect(source))) return;
  let detected: AdapterEntry | undefined;
  for (const a of ADAPTERS) {
    if (a.format !== adapter.format && (await a.detect(source))) {
      detected = a;
      break;
    }
  }
  const why = summary.skippedFiles.slice(0, 3).map((f) => `${f.name}: ${f.reason}`).join('; ');
  throw new InputError(`--format ${adapter.format} read nothing from this source${why ? ` (${why})` : ''}`, {
    file: source.path,
    expected: `${adapter.description}`,
    fix: detected ? `leave --format out: this looks like ${detected.format} (${detected.description})` : 'check the file, or leave --format out to detect the format',
  });
}

function shouldUseThreads(paths: readonly string[], threads: 'auto' | 'always' | 'never'): boolean {
  if (threads === 'never') return false;
  if (threads === 'always') {
    if (!canWriteInWorker()) throw new Error('threaded import needs the compiled worker (dist/store/write-worker.js)');
    return true;
  }
  // with one CPU the threads could only take turns: the worker would cost without paying
  return canWriteInWorker() && os.availableParallelism() > 1 && hasInputBytes(paths, THREADED_MIN_BYTES);
}

/** Whether the files at `paths` (folders walked, links inside them not followed, as disk-source does) add up to `min` bytes. */
function hasInputBytes(paths: readonly string[], min: number): boolean {
  let total = 0;
  const add = (p: string, inFolder: boolean): boolean => {
    try {
      const stat = inFolder ? fs.lstatSync(p) : fs.statSync(p);
      if (stat.isFile()) total += stat.size;
      else if (stat.isDirectory()) return fs.readdirSync(p).some((n) => add(nodePath.join(p, n), true));
    } catch {
      // unreadable: openSource reports it
    }
    return total >= min;
  };
  return paths.some((p) => add(p, false));
}

/**
 * The fix of a bad record, with the advice to pass --skip-invalid unless the adapter's own
 * fix already gives it (several do, in their words: saying it twice read as a stutter).
 */
function skipAdvice(fix: string | undefined): string {
  if (fix?.includes('--skip-invalid')) return fix;
  return `${fix ? `${fix}; ` : ''}or pass --skip-invalid to import the other rows and report this one`;
}
