/**
 * A RecordSink that keeps everything an adapter emits, for assertions: records grouped by
 * type (and in emission order with their locations), problems, skipped files, progress.
 * `strict: true` makes `problem` throw an InputError, as a strict import does.
 */
import { InputError } from '../../src/errors.js';
import type {
  AccountRecord,
  FollowRecord,
  ImportRecord,
  InteractionRecord,
  AccountRef,
  PostRecord,
  RecordLocation,
  RecordSink,
  RowProblem,
} from '../../src/store/records.js';

/** The sink plus everything it received. */
export interface CollectingSink extends RecordSink {
  accounts: AccountRecord[];
  posts: PostRecord[];
  interactions: InteractionRecord[];
  follows: FollowRecord[];
  /** every record in emission order, with where it came from */
  all: Array<{ rec: ImportRecord; at: RecordLocation }>;
  /** every record in emission order, and its location at the same index */
  records: ImportRecord[];
  locations: RecordLocation[];
  problems: RowProblem[];
  skipped: Array<{ name: string; reason: string }>;
  progressCalls: Array<[number, number]>;
  /** owners the adapter named */
  owners: AccountRef[];
  /** notices: facts worth a look that changed nothing */
  notices: Array<{ name: string; message: string }>;
}

/** A fresh collecting sink. */
export function makeCollectingSink(options: { strict?: boolean } = {}): CollectingSink {
  const sink: CollectingSink = {
    accounts: [],
    posts: [],
    interactions: [],
    follows: [],
    all: [],
    records: [],
    locations: [],
    problems: [],
    skipped: [],
    progressCalls: [],
    owners: [],
    notices: [],
    record(rec, at) {
      sink.all.push({ rec, at });
      sink.records.push(rec);
      sink.locations.push(at);
      if (rec.type === 'account') sink.accounts.push(rec);
      else if (rec.type === 'post') sink.posts.push(rec);
      else if (rec.type === 'interaction') sink.interactions.push(rec);
      else sink.follows.push(rec);
    },
    problem(p) {
      sink.problems.push(p);
      if (options.strict) {
        const { reason, ...detail } = p;
        throw new InputError(reason, detail);
      }
    },
    skippedFile(name, reason) {
      sink.skipped.push({ name, reason });
    },
    progress(bytesRead, bytesTotal) {
      sink.progressCalls.push([bytesRead, bytesTotal]);
    },
    owner(ref) {
      sink.owners.push(ref);
    },
    notice(name, message) {
      sink.notices.push({ name, message });
    },
  };
  return sink;
}
