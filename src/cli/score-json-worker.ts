/**
 * Worker entry of cli/score-json-threads.ts. Started before the analysis, it first warms up
 * (itemises and writes made-up accounts of the model, output dropped: warmUpPacked) and
 * waits for the job; then it takes the next block of accounts not yet taken (the shared
 * counter), itemises it and writes its --json items (writeScoreBlock, as the other thread
 * does) and posts the bytes (transferred), never more than `ahead` blocks past what has
 * been written.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { makeByteText, takeBytes } from '../render/byte-text.js';
import { ITEM_BLOCK, JOB, NEXT, POSTED, sourceOfPacked, STOP, warmUpPacked, WRITTEN, writeScoreBlock, type ScoreJsonJob, type ScoreJsonMessage, type ScoreJsonStart } from './score-json-threads.js';

const start = workerData as ScoreJsonStart;
const control = new Int32Array(start.control);

function post(msg: ScoreJsonMessage, transfer: ArrayBuffer[] = []): void {
  start.port.postMessage(msg, transfer);
  Atomics.add(control, POSTED, 1);
  Atomics.notify(control, POSTED);
}

/** The job, once posted; null when the command stopped the worker first. */
function awaitJob(): ScoreJsonJob | null {
  while (Atomics.load(control, JOB) === 0 && Atomics.load(control, STOP) === 0) Atomics.wait(control, JOB, 0, 1000);
  if (Atomics.load(control, STOP) !== 0) return null;
  const m = receiveMessageOnPort(start.port);
  if (!m) throw new Error('the job was announced but not received');
  return m.message as ScoreJsonJob;
}

try {
  if (start.warmUp) {
    // the same functions on a table of the same shape: compiled before the job comes, and its output dropped
    const warm = warmUpPacked(start.warmUp);
    const source = sourceOfPacked(warm);
    const indices = Int32Array.from({ length: warm.n }, (_, i) => i);
    const out = makeByteText(1 << 20);
    for (let b = 0; b * ITEM_BLOCK < warm.n && Atomics.load(control, JOB) === 0 && Atomics.load(control, STOP) === 0; b++) {
      out.used = 0;
      writeScoreBlock(source, indices, b, ITEM_BLOCK, out);
    }
  }
  const job = awaitJob();
  if (job) {
    const blocks = Math.ceil(job.indices.length / job.block);
    // (a job without a model is of the model warmed up with)
    const source = sourceOfPacked({ ...job, model: job.model ?? start.warmUp! });
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
  }
} catch (e) {
  post({ error: e instanceof Error ? e.message : String(e) });
}
