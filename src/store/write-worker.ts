/**
 * The worker thread of a threaded import (write-session.ts): owns the write connection and
 * the transaction, applies batches in arrival order, commits or rolls back when told. After
 * any error it rolls back, reports the error once and exits; it never commits on its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { beginWrite, type WriteTransaction } from './apply-batches.js';
import type { WorkerReply, WorkerRequest } from './write-session.js';
import { StoreError } from '../errors.js';

const port = parentPort!;
const reply = (msg: WorkerReply) => port.postMessage(msg);
let tx: WriteTransaction | undefined;

function stop(): void {
  tx = undefined;
  port.off('message', onMessage); // nothing left to wait for: the thread exits
}

function fail(err: unknown): void {
  try {
    tx?.rollback();
  } finally {
    const e = err instanceof Error ? err : new Error(String(err));
    const store = e instanceof StoreError ? { problem: e.problem, fix: e.fix } : {};
    reply({ type: 'failed', error: { name: e.name, message: e.message, code: (e as { code?: string }).code, ...store } });
    stop();
  }
}

function onMessage(msg: WorkerRequest): void {
  if (!tx) return;
  try {
    switch (msg.type) {
      case 'batch':
        tx.apply(msg.batch);
        reply({ type: 'applied' });
        return;
      case 'commit': {
        const added = tx.commit(msg.imports);
        reply({ type: 'committed', added });
        stop();
        return;
      }
      case 'abort':
        tx.rollback();
        stop();
        return;
    }
  } catch (err) {
    fail(err);
  }
}

port.on('message', onMessage);
try {
  const { dbPath, lockWaitMs, bulkNew } = workerData as { dbPath: string; lockWaitMs?: number; bulkNew?: boolean };
  tx = beginWrite(dbPath, { lockWaitMs, bulkNew, onLockWait: (message) => reply({ type: 'waiting', message }) });
  reply({ type: 'ready', firstAccountId: tx.firstAccountId });
} catch (err) {
  fail(err);
}
