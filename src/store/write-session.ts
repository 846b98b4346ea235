/**
 * Where an import's writes run: on a worker thread that owns the write connection and the
 * one transaction (large imports), or inline on the importing thread (small ones, and when
 * running from the TypeScript sources, where there is no compiled worker to start).
 *
 * Why a worker: on the 1M-row benchmark, parsing, normalizing and resolving accounts cost
 * about as much CPU as SQLite's inserts (measured ~2 s each); on two threads they overlap,
 * and the import takes the longer of the two instead of their sum. The price is ~5-10%
 * more CPU in all (cloning batches, a second V8 heap), so small inputs stay inline.
 *
 * Atomicity is the same either way: the writer commits only when `commit` is called after
 * the last batch; any error, on either side, ends in ROLLBACK.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beginWrite, type ImportCounts, type ImportLogRow, type WriteTransaction } from './apply-batches.js';
import { listTransferables, type WriteBatch } from './write-batch.js';
import { StoreError, type StoreProblem } from '../errors.js';

/** The import's open write transaction, wherever it runs. */
export interface WriteSession {
  /** whether writes run on a worker thread */
  readonly threaded: boolean;
  /** the first free account id, once the write transaction is open */
  readonly ready: Promise<number>;
  /** hands a batch to the writer; throws the writer's error if it has failed */
  send(batch: WriteBatch): void;
  /** a promise to await before producing more batches while the writer is behind, else undefined */
  backpressure(): Promise<void> | undefined;
  /** applies what is left, logs the imports and commits; rows added per table */
  commit(imports: readonly ImportLogRow[]): Promise<ImportCounts>;
  /** rolls everything back; never rejects */
  abort(): Promise<void>;
}

/** Messages from the importing thread to the worker. */
export type WorkerRequest =
  | { type: 'batch'; batch: WriteBatch }
  | { type: 'commit'; imports: readonly ImportLogRow[] }
  | { type: 'abort' };

/** Messages from the worker. */
export type WorkerReply =
  | { type: 'ready'; firstAccountId: number }
  | { type: 'applied' }
  | { type: 'committed'; added: ImportCounts }
  | { type: 'waiting'; message: string }
  | { type: 'failed'; error: { name: string; message: string; code?: string; problem?: StoreProblem; fix?: string } };

const WORKER_URL = new URL('./write-worker.js', import.meta.url);
/** Batches the worker may have queued before the importing thread waits (~4 x 16k rows). */
const MAX_QUEUED = 4;
/**
 * The same until the worker has applied its first batch: it starts (loads SQLite, opens
 * and creates the database) while the importing thread parses, and with 4 the parser sat
 * idle for that start. Once started, the writer keeps up, so this is a start-up allowance.
 */
const MAX_QUEUED_AT_START = 16;

/** True when the compiled worker exists (not when running from the TypeScript sources). */
export function canWriteInWorker(): boolean {
  return fs.existsSync(fileURLToPath(WORKER_URL));
}

/** Opens the import's write transaction on `dbPath`, on a worker thread or inline. */
export function openWriteSession(dbPath: string, options: { threaded: boolean; bulkNew?: boolean } & LockOptions): WriteSession {
  const lock = { onLockWait: options.onLockWait, lockWaitMs: options.lockWaitMs, bulkNew: options.bulkNew };
  return options.threaded ? openThreadedSession(dbPath, lock) : openInlineSession(dbPath, lock);
}

/** How a session waits for another process's write lock. */
export interface LockOptions {
  onLockWait?: (message: string) => void;
  lockWaitMs?: number;
}

/** How the writer opens its file: a new database built aside (store/open.ts OpenOptions.bulkNew), or not. */
type WriterOptions = LockOptions & { bulkNew?: boolean };

function openInlineSession(dbPath: string, lock: WriterOptions): WriteSession {
  let tx: WriteTransaction | undefined;
  let ready: Promise<number>;
  try {
    tx = beginWrite(dbPath, lock);
    ready = Promise.resolve(tx.firstAccountId);
  } catch (err) {
    ready = Promise.reject(err);
    ready.catch(() => undefined); // awaited by the caller; never an unhandled rejection
  }
  return {
    threaded: false,
    ready,
    send(batch) {
      tx!.apply(batch);
    },
    backpressure: () => undefined,
    async commit(imports) {
      const added = tx!.commit(imports);
      tx = undefined;
      return added;
    },
    async abort() {
      tx?.rollback();
      tx = undefined;
    },
  };
}

function openThreadedSession(dbPath: string, { onLockWait, lockWaitMs, bulkNew }: WriterOptions): WriteSession {
  // No inherited node flags: the worker is plain compiled JS, and some flags (--input-type,
  // --eval) make it refuse to start.
  const worker = new Worker(WORKER_URL, { workerData: { dbPath, lockWaitMs, bulkNew }, execArgv: [] });
  let failure: Error | undefined;
  let queued = 0;
  let started = false;
  const ready = deferred<number>();
  const committed = deferred<ImportCounts>();
  let drained: ReturnType<typeof deferred<void>> | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const fail = (err: Error) => {
    failure ??= err;
    ready.reject(failure);
    committed.reject(failure);
    drained?.reject(failure);
  };
  worker.on('message', (msg: WorkerReply) => {
    switch (msg.type) {
      case 'ready':
        ready.resolve(msg.firstAccountId);
        return;
      case 'applied':
        queued--;
        started = true;
        if (drained && queued <= MAX_QUEUED / 2) {
          drained.resolve();
          drained = undefined;
        }
        return;
      case 'committed':
        committed.resolve(msg.added);
        return;
      case 'waiting':
        onLockWait?.(msg.message);
        return;
      case 'failed': {
        const e = msg.error;
        fail(e.problem ? new StoreError(e.problem, e.message, e.fix) : Object.assign(new Error(e.message), { name: e.name, code: e.code }));
        return;
      }
    }
  });
  worker.on('error', (err) => fail(err));
  worker.once('exit', (code) => fail(new Error(`the database writer stopped unexpectedly (exit code ${code})`)));
  const post = (msg: WorkerRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(msg, transfer);

  return {
    threaded: true,
    ready: ready.promise,
    send(batch) {
      if (failure) throw failure;
      post({ type: 'batch', batch }, listTransferables(batch));
      queued++;
    },
    backpressure() {
      if (failure) return Promise.reject(failure);
      if (queued <= (started ? MAX_QUEUED : MAX_QUEUED_AT_START)) return undefined;
      drained ??= deferred<void>();
      return drained.promise;
    },
    async commit(imports) {
      if (failure) throw failure;
      post({ type: 'commit', imports });
      const added = await committed.promise;
      await exited;
      return added;
    },
    async abort() {
      post({ type: 'abort' });
      await exited;
    },
  };
}

/** A promise with its resolve and reject; a rejection nobody awaits is not reported. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
