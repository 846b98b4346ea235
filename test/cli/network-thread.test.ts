/**
 * The network values solved on a worker (cli/network-thread.ts) are bit for bit the values
 * solved on this thread, and an analysis given that solver (the features extracted while the
 * network is solved, its values filled after: engine/features.ts fillNetworkFeature) scores
 * every account as before. Runs the built dist (the worker is a .js file), in a child process.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeNetworkInfluence } from '../../src/engine/network.js';
import type { NetworkSolver } from '../../src/engine/score.js';
import { sampleDb } from '../helpers/sample-db.js';
import { shippedModel } from '../helpers/model.js';
import { analyze } from '../../src/engine/analyze.js';
import { resolveWindow } from '../../src/engine/window.js';
import { openDb } from '../../src/store/open.js';
import { readDataset, readLatestActivity } from '../../src/store/read-dataset.js';
import { ROOT } from '../helpers/cli.js';

const dist = (m: string): string => JSON.stringify(path.join(ROOT, 'dist', m));

describe('the network solved elsewhere while the features are extracted', () => {
  for (const scoresOnly of [false, true]) {
    it(`scores every account as the network solved first does (engine/score.ts solveNetwork${scoresOnly ? ', scores only' : ''})`, async () => {
      const db = openDb(await sampleDb(), { readonly: true });
      const read = () => readDataset(db, { bios: false });
      const window = resolveWindow({ windowDays: 90 }, readLatestActivity(db));
      let graphs = 0;
      // a solver that solves when asked for the values, after the features
      const later: NetworkSolver = (graph, options) => {
        graphs++;
        return () => computeNetworkInfluence(graph, options);
      };
      const t0 = analyze(read(), { window, model: shippedModel(), scoresOnly }).table;
      const t1 = analyze(read(), { window, model: shippedModel(), scoresOnly, solveNetwork: later }).table;
      db.close();
      expect(graphs).toBe(1);
      for (const name of Object.keys(t0.features.value) as (keyof typeof t0.features.value)[]) {
        expect(Array.from(t1.features.value[name]), name).toEqual(Array.from(t0.features.value[name]));
        expect(Array.from(t1.features.source[name]), name).toEqual(Array.from(t0.features.source[name]));
      }
      expect(Array.from(t1.network.value)).toEqual(Array.from(t0.network.value));
      expect(Array.from(t1.score)).toEqual(Array.from(t0.score));
      expect(Array.from(t1.confidence)).toEqual(Array.from(t0.confidence));
      // some accounts have a network value, so the values filled after did something
      expect(Array.from(t1.features.value.network).filter((x) => x > 0).length).toBeGreaterThan(10);
    });
  }
});

describe.runIf(fs.existsSync(path.join(ROOT, 'dist', 'cli', 'network-worker.js')))('solveNetworkOnThread', () => {
  it('gives the values computeNetworkInfluence gives here, on a worker, for a big graph', () => {
    const script = `
      const { solveNetworkOnThread, NETWORK_MIN } = await import(${dist('cli/network-thread.js')});
      const { computeNetworkInfluence, DEFAULT_NETWORK_OPTIONS } = await import(${dist('engine/network.js')});
      // a graph of NETWORK_MIN + 1000 accounts with cycles, in CSR over incoming edges
      const n = NETWORK_MIN + 1000;
      let seed = 7;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const inStart = new Int32Array(n + 1);
      const sources = [];
      for (let i = 0; i < n; i++) {
        inStart[i] = sources.length;
        const k = Math.floor(rand() * 6);
        for (let j = 0; j < k; j++) sources.push(Math.floor(rand() * n));
      }
      inStart[n] = sources.length;
      const inSource = Int32Array.from(sources);
      const inWeight = Float64Array.from(sources, () => 0.1 + rand());
      const outTotal = new Float64Array(n);
      for (let e = 0; e < inSource.length; e++) outTotal[inSource[e]] += inWeight[e];
      const graph = { n, m: inSource.length, inStart, inSource, inWeight, outTotal };
      const here = computeNetworkInfluence(graph, DEFAULT_NETWORK_OPTIONS);
      const t0 = performance.now();
      const there = solveNetworkOnThread(graph, DEFAULT_NETWORK_OPTIONS)();
      const same = (a, b) => a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      console.log(JSON.stringify({
        value: same(here.value, there.value), rank: same(here.rank, there.rank), iterations: here.iterations === there.iterations,
        cyclic: here.cyclic, edges: graph.m, graphIntact: graph.inSource.length === sources.length,
      }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ value: true, rank: true, iterations: true, graphIntact: true });
    // the iterated (cyclic) part is most of the graph, so the solve is not trivial
    expect(out['cyclic']).toBeGreaterThan(10_000);
  });
});
