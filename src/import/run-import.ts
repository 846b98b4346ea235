/**
 * The import orchestrator: opens each path, picks its adapter, streams records into the
 * store, and records provenance, all in ONE transaction: a bad row (unless
 * --skip-invalid) or any failure rolls everything back and leaves the database exactly
 * as it was. Adapters stay pure parsers; this module owns writes and bookkeeping.
 */
import { InputError } from '../cli/errors.js';
import type { Db } from '../store/open.js';
import { createRecordWriter, type WriteCounts } from '../store/write-records.js';
import type { ImportRecord, RowProblem } from './records.js';
import { ADAPTERS, adapterByFormat } from './registry.js';
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
  /** time recorded in the imports log (I/O metadata; passed in, the engine never reads clocks) */
  now: number;
  onProgress?: (path: string, bytesRead: number, bytesTotal: number) => void;
}

export interface SourceSummary {
  path: string;
  format: string;
  sha256: string;
  bytes: number;
  /** records read, by type */
  read: Record<ImportRecord['type'], number>;
  /** true when this exact content (same sha256 and format) was imported before */
  alreadyImported: boolean;
  skippedRows: number;
  skippedFiles: { name: string; reason: string }[];
}

export interface ImportSummary {
  sources: SourceSummary[];
  /** rows added to each table by the whole command */
  added: WriteCounts;
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
    return adapter;
  }
  for (const adapter of ADAPTERS) if (await adapter.detect(source)) return adapter;
  throw new InputError('cannot tell what export this is', {
    file: source.path,
    expected: `one of: ${ADAPTERS.map((a) => `${a.format} (${a.description})`).join('; ')}`,
    fix: 'pass --format NAME, or check the file (see README, "Input formats")',
  });
}

/** Imports every path in one transaction; throws InputError (and rolls back) on bad input. */
export async function runImport(
  db: Db,
  paths: string[],
  options: ImportOptions,
  openSource: (path: string) => Promise<Source>,
): Promise<ImportSummary> {
  const sources: SourceSummary[] = [];
  const firstProblems: RowProblem[] = [];
  let skippedRows = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const writer = createRecordWriter(db);
    const logImport = db.prepare('INSERT INTO imports (path, sha256, format, bytes, counts, imported_at) VALUES (?, ?, ?, ?, ?, ?)');
    const seen = db.prepare('SELECT 1 FROM imports WHERE sha256 = ? AND format = ?').pluck();
    for (const p of paths) {
      const source = await openSource(p);
      const adapter = await chooseAdapter(source, options.format);
      const summary: SourceSummary = {
        path: p,
        format: adapter.format,
        sha256: source.sha256,
        bytes: source.totalBytes,
        read: { account: 0, post: 0, interaction: 0, follow: 0 },
        alreadyImported: seen.get(source.sha256, adapter.format) !== undefined,
        skippedRows: 0,
        skippedFiles: [],
      };
      await adapter.read(
        source,
        {
          record(rec) {
            summary.read[rec.type]++;
            writer.write(rec);
          },
          problem(problem) {
            if (!options.skipInvalid) {
              throw new InputError(problem.reason, {
                file: problem.file,
                line: problem.line,
                record: problem.record,
                field: problem.field,
                expected: problem.expected,
                fix: `${problem.fix ? `${problem.fix}; ` : ''}or pass --skip-invalid to import the other rows and report this one`,
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
            options.onProgress?.(p, bytesRead, bytesTotal);
          },
        },
        { defaultNetwork: options.defaultNetwork, owner: options.owner },
      );
      sources.push(summary);
    }
    const added = writer.finish();
    for (const s of sources) {
      if (s.alreadyImported) continue;
      logImport.run(s.path, s.sha256, s.format, s.bytes, JSON.stringify({ read: s.read, skippedRows: s.skippedRows, skippedFiles: s.skippedFiles.length }), options.now);
    }
    db.exec('COMMIT');
    return { sources, added, skippedRows, firstProblems };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
