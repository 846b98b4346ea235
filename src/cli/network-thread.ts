/**
 * The network values (engine/network.ts computeNetworkInfluence) solved on a worker
 * (network-worker.ts) while this thread extracts the other features (engine/score.ts
 * ScoreOptions.solveNetwork): at 100k accounts the solve and the features take about half a
 * second each, one after the other on one core. The worker runs the engine's own function
 * on a copy of the graph (a structured clone of its typed columns: about 12 bytes an edge),
 * so the values are bit for bit the ones solved here; they come back transferred.
 *
 * Solved here instead below NETWORK_MIN accounts (a worker costs tens of ms to start),
 * above PARALLEL_MAX (the analysis's own peak memory: cli/score-json-threads.ts), on one
 * core, or without the worker file (run from the TypeScript sources). The analysis is
 * synchronous, so this thread waits for the values with Atomics.wait; a worker that reports
 * an error fails the command, one that says nothing within NETWORK_PATIENCE_MS is stopped
 * and the values are solved here.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { computeNetworkInfluence, type NetworkGraph, type NetworkOptions, type NetworkResult } from '../engine/network.js';
import type { NetworkSolver } from '../engine/score.js';
import { PARALLEL_MAX } from './score-json-threads.js';

/** Below this many accounts the network is solved here. */
export const NETWORK_MIN = 50_000;
/** How long this thread waits for a worker that says nothing before solving the values itself. */
const NETWORK_PATIENCE_MS = 120_000;

/** What the worker is given. */
export interface NetworkJob {
  graph: NetworkGraph;
  options: NetworkOptions;
  /** [0]: 1 once the result (or an error) is posted */
  done: SharedArrayBuffer;
  port: MessagePort;
}

/** The worker's answer: the result (value and rank transferred), or why it failed. */
export type NetworkMessage = { result: NetworkResult } | { error: string };

/** The network worker file beside this module (absent when running from TypeScript sources). */
function workerFile(): string {
  return fileURLToPath(new URL('./network-worker.js', import.meta.url));
}

/** Whether a population of `accounts` has its network solved on a worker (see the module doc); else pass no solver at all. */
export function networkThreadFits(accounts: number): boolean {
  return accounts >= NETWORK_MIN && accounts <= PARALLEL_MAX && os.availableParallelism() >= 2 && fs.existsSync(workerFile());
}

/** engine/score.ts NetworkSolver on a worker, for graphs that networkThreadFits; others are solved here at once. */
export const solveNetworkOnThread: NetworkSolver = (graph, options) => {
  if (!networkThreadFits(graph.n)) {
    const result = computeNetworkInfluence(graph, options);
    return () => result;
  }
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const { n, m, inStart, inSource, inWeight, outTotal } = graph;
  const job: NetworkJob = { graph: { n, m, inStart, inSource, inWeight, outTotal }, options, done: done.buffer as SharedArrayBuffer, port: port2 };
  // execArgv []: the worker is plain JS, and flags such as --input-type are invalid there
  const worker = new Worker(workerFile(), { workerData: job, transferList: [port2], execArgv: [] });
  return () => {
    try {
      if (Atomics.wait(done, 0, 0, NETWORK_PATIENCE_MS) === 'timed-out') return computeNetworkInfluence(graph, options);
      const m = receiveMessageOnPort(port1)?.message as NetworkMessage | undefined;
      if (!m) throw new Error('the network solve on a second thread ended without its values');
      if ('error' in m) throw new Error(`the network solve on a second thread failed: ${m.error}`);
      return m.result;
    } finally {
      port1.close();
      void worker.terminate();
    }
  };
};
