/** Worker entry of cli/network-thread.ts: solves the network values of the graph it is given and posts them (transferred). */
import { workerData } from 'node:worker_threads';
import { computeNetworkInfluence } from '../engine/network.js';
import type { NetworkJob, NetworkMessage } from './network-thread.js';

const job = workerData as NetworkJob;
const done = new Int32Array(job.done);

function post(msg: NetworkMessage, transfer: ArrayBuffer[] = []): void {
  job.port.postMessage(msg, transfer);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

try {
  const result = computeNetworkInfluence(job.graph, job.options);
  post({ result }, [result.value.buffer as ArrayBuffer, result.rank.buffer as ArrayBuffer]);
} catch (e) {
  post({ error: e instanceof Error ? e.message : String(e) });
}
