/**
 * Worker entry of cli/score-json-threads.ts: takes the next block of accounts not yet taken
 * (the shared counter), itemises it and writes its --json items (writeScoreBlock, as the
 * other thread does) and posts the bytes (transferred), never more than `ahead` blocks past
 * what has been written.
 */
import { workerData } from 'node:worker_threads';
import { makeByteText, takeBytes } from '../render/byte-text.js';
import { NEXT, POSTED, sourceOfPacked, STOP, WRITTEN, writeScoreBlock, type ScoreJsonJob, type ScoreJsonMessage } from './score-json-threads.js';

const job = workerData as ScoreJsonJob;
const control = new Int32Array(job.control);
const blocks = Math.ceil(job.indices.length / job.block);

function post(msg: ScoreJsonMessage, transfer: ArrayBuffer[] = []): void {
  job.port.postMessage(msg, transfer);
  Atomics.add(control, POSTED, 1);
  Atomics.notify(control, POSTED);
}

try {
  const source = sourceOfPacked(job);
  for (;;) {
    // no further ahead of what is written than `ahead` blocks
    for (let w = Atomics.load(control, WRITTEN); Atomics.load(control, STOP) === 0 && Atomics.load(control, NEXT) - w >= job.ahead; w = Atomics.load(control, WRITTEN)) {
      Atomics.wait(control, WRITTEN, w, 100);
    }
    if (Atomics.load(control, STOP) !== 0) break;
    const b = Atomics.add(control, NEXT, 1);
    if (b >= blocks) break;
    const out = makeByteText(1 << 20);
    writeScoreBlock(source, job.indices, b, job.block, out);
    const bytes = takeBytes(out, 0);
    post({ block: b, bytes }, [bytes.buffer as ArrayBuffer]);
  }
} catch (e) {
  post({ error: e instanceof Error ? e.message : String(e) });
}
