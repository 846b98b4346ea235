/**
 * Worker entry: reads one actor range of the interactions (read-interactions.ts) from its
 * own read-only connection and sends the columns back (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from './open.js';
import { readRawInteractions, type PostJoin } from './read-interactions.js';

interface Job {
  file: string;
  lo: number;
  hi: number;
  join: PostJoin;
}

const job = workerData as Job;
const db = openDb(job.file, { readonly: true, mustExist: true });
try {
  // one transaction: its count and its rows are one state of the data (read-snapshot.ts)
  const raw = db.transaction(() => readRawInteractions(db, job.lo, job.hi, job.join))();
  parentPort!.postMessage(raw, [raw.actorId.buffer, raw.targetId.buffer, raw.kind.buffer, raw.createdAt.buffer, raw.postId.buffer] as ArrayBuffer[]);
} finally {
  db.close();
}
