/** A RecordSink that keeps everything it is given, for adapter tests. */
import { InputError } from '../../src/cli/errors.js';
import type { ImportRecord, RecordLocation, RecordSink, RowProblem } from '../../src/import/records.js';

/** A sink that remembers records, locations, problems, skipped files and progress. */
export interface CollectingSink extends RecordSink {
  records: ImportRecord[];
  locations: RecordLocation[];
  problems: RowProblem[];
  skipped: { name: string; reason: string }[];
  progressCalls: [number, number][];
}

/** Collects records; `strict` throws an InputError on the first problem, as a strict import does. */
export function collectingSink(options: { strict?: boolean } = {}): CollectingSink {
  const sink: CollectingSink = {
    records: [],
    locations: [],
    problems: [],
    skipped: [],
    progressCalls: [],
    record(rec, at) {
      sink.records.push(rec);
      sink.locations.push(at);
    },
    problem(p) {
      sink.problems.push(p);
      if (options.strict) throw new InputError(p.reason, p);
    },
    skippedFile(name, reason) {
      sink.skipped.push({ name, reason });
    },
    progress(done, total) {
      sink.progressCalls.push([done, total]);
    },
  };
  return sink;
}
