/**
 * The network stage alone (engine/network.ts), on the engagement graph `score --all` builds
 * from a database: CPU seconds per solve, the engine's solver and the reference (the solver
 * as first written, test/helpers/network-reference.ts) interleaved A, B, A, B... so that a
 * shared machine's load falls on both alike, and whether their values agree bit for bit.
 *
 *   npx tsx bench/network.ts prepare NAME DB     the graph of DB (default model, authenticity
 *                                                weights, window as `score` dates it) cached
 *                                                as bench/out/graph-NAME.bin
 *   npx tsx bench/network.ts time NAME [RUNS] [--sweeps K]
 *                                                RUNS (default 3) interleaved pairs of solves;
 *                                                --sweeps caps the iteration (0: the setup alone)
 *   npx tsx bench/network.ts compare NAME        engine vs reference: iterations, bit-identical
 *                                                values or the largest differences
 *   npx tsx bench/network.ts scores DB           the scores of DB with each solver's values: the
 *                                                largest differences unrounded, and how many
 *                                                shown values (to 0.1) differ
 *
 * Example: prepare large bench/out/bench-large.db, then time large 3.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessAuthenticity } from '../src/engine/authenticity/assess.js';
import { buildEngagementGraph, type EngagementGraph } from '../src/engine/engagement.js';
import { extractFeatures } from '../src/engine/features.js';
import { computeNetworkInfluence, type NetworkResult } from '../src/engine/network.js';
import { computeScores, engagementWeightsOf } from '../src/engine/score.js';
import { resolveWindow } from '../src/engine/window.js';
import { readModelFile } from '../src/inputs/model-file.js';
import { openDb } from '../src/store/open.js';
import { readDataDates } from '../src/store/read-data-dates.js';
import { readDataset } from '../src/store/read-dataset.js';
import { referenceNetworkInfluence } from '../test/helpers/network-reference.js';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const graphFile = (name: string): string => path.join(OUT, `graph-${name}.bin`);

/** What `score --all` reads from DB: the dataset, its window, the authenticity assessment. */
function inputsOfDb(file: string) {
  const db = openDb(file, { readonly: true });
  const window = resolveWindow({ asOf: undefined, windowDays: 90 }, readDataDates(db));
  const dataset = readDataset(db, { bios: false });
  db.close();
  return { dataset, window, assessment: assessAuthenticity(dataset, window) };
}

/** The graph `score --all` solves for DB: the default model, the authenticity stage's event weights. */
function graphOfDb(file: string): EngagementGraph {
  const { dataset, window, assessment } = inputsOfDb(file);
  return buildEngagementGraph(dataset, window, engagementWeightsOf(readModelFile().model), assessment.interactionWeight);
}

/**
 * The scores of DB with each solver's network values (the engine's score stage, engine/score.ts
 * measureAccounts and computeScores, with the network stage swapped): the largest unrounded
 * differences of network value and score, and per shown value (score, sub-scores, the 80%
 * interval, to 0.1) how many accounts show a different one.
 */
function compareScores(file: string): void {
  const { dataset, window, assessment } = inputsOfDb(file);
  const { model } = readModelFile();
  const graph = buildEngagementGraph(dataset, window, engagementWeightsOf(model), assessment.interactionWeight);
  const runs = Object.entries(SOLVERS).map(([name, solve]) => {
    const network = solve(graph);
    const features = extractFeatures(dataset, window, graph, network.value, assessment.interactionWeight);
    return { name, network, scores: computeScores(features, model, assessment.damping, assessment.cap) };
  });
  const [a, b] = runs as [(typeof runs)[0], (typeof runs)[0]];
  const line = (label: string, x: Float64Array, y: Float64Array): string => {
    const diff = differences(x, y);
    return `${label}: ${diff.differing} of ${x.length} differ, max abs ${diff.maxAbs.toExponential(3)}, max rel ${diff.maxRel.toExponential(3)}`;
  };
  console.log(`${a.name} ${a.network.iterations} sweeps, ${b.name} ${b.network.iterations} sweeps`);
  console.log(line('network value', a.network.value, b.network.value));
  console.log(line('score (unrounded)', a.scores.score, b.scores.score));
  const shown = (v: number): number => Math.round(v * 10) / 10;
  for (const key of ['score', 'reach', 'amplification', 'networkScore', 'low', 'high'] as const) {
    let changed = 0;
    for (let i = 0; i < graph.n; i++) if (!Object.is(shown(a.scores[key][i]!), shown(b.scores[key][i]!))) changed++;
    console.log(`  shown ${key}: ${changed} of ${graph.n} accounts differ`);
  }
}

/** Cache layout: n, m (2 float64), then outTotal, inWeight (float64), inStart, inSource (int32). */
function writeGraph(file: string, g: EngagementGraph): void {
  const parts = [new Float64Array([g.n, g.m]), g.outTotal, g.inWeight, g.inStart, g.inSource];
  fs.writeFileSync(file, Buffer.concat(parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
}

function readGraph(file: string): EngagementGraph {
  const buf = fs.readFileSync(file);
  let at = 0;
  const take = <T>(make: (b: ArrayBuffer) => T, bytes: number): T => {
    const copy = buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + bytes);
    at += bytes;
    return make(copy);
  };
  const [n, m] = take((b) => new Float64Array(b), 16) as unknown as [number, number];
  const outTotal = take((b) => new Float64Array(b), 8 * n);
  const inWeight = take((b) => new Float64Array(b), 8 * m);
  const inStart = take((b) => new Int32Array(b), 4 * (n + 1));
  const inSource = take((b) => new Int32Array(b), 4 * m);
  return { n, m, outTotal, inWeight, inStart, inSource, pairWeight: new Float32Array(0) };
}

const sweepsArg = process.argv.indexOf('--sweeps');
const options = { ...readModelFile().model.network, ...(sweepsArg > 0 ? { maxIterations: Number(process.argv[sweepsArg + 1]) } : {}) };
type Solver = (g: EngagementGraph) => NetworkResult;
const SOLVERS: Record<string, Solver> = {
  engine: (g) => computeNetworkInfluence(g, options),
  reference: (g) => referenceNetworkInfluence(g, options),
};

function cpuSecondsOf(f: () => NetworkResult): { cpu: number; wall: number; result: NetworkResult } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000, result };
}

function time(g: EngagementGraph, runs: number): void {
  const best: Record<string, number> = {};
  for (let r = 0; r < runs; r++) {
    for (const [name, solve] of Object.entries(SOLVERS)) {
      const { cpu, wall, result } = cpuSecondsOf(() => solve(g));
      best[name] = Math.min(best[name] ?? Infinity, cpu);
      console.log(`  run ${r + 1} ${name.padEnd(10)} cpu ${cpu.toFixed(2)} s  wall ${wall.toFixed(2)} s  (${result.iterations} sweeps over ${result.cyclic} cyclic accounts)`);
    }
  }
  console.log(`best cpu: ${Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')}; engine/reference ${(best['engine']! / best['reference']!).toFixed(3)}`);
}

/** The largest absolute and relative difference between two value arrays, and how many differ at all. */
export function differences(a: Float64Array, b: Float64Array): { differing: number; maxAbs: number; maxRel: number } {
  let differing = 0;
  let maxAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < a.length; i++) {
    if (Object.is(a[i], b[i])) continue;
    differing++;
    const abs = Math.abs(a[i]! - b[i]!);
    maxAbs = Math.max(maxAbs, abs);
    maxRel = Math.max(maxRel, abs / Math.max(Math.abs(a[i]!), Math.abs(b[i]!)));
  }
  return { differing, maxAbs, maxRel };
}

function compare(g: EngagementGraph): void {
  const engine = SOLVERS['engine']!(g);
  const reference = SOLVERS['reference']!(g);
  const value = differences(engine.value, reference.value);
  const rank = differences(engine.rank, reference.rank);
  console.log(`iterations engine ${engine.iterations}, reference ${reference.iterations}; residual engine ${engine.residual}, reference ${reference.residual}`);
  console.log(`value: ${value.differing} of ${g.n} differ (max abs ${value.maxAbs}, max rel ${value.maxRel}); rank: ${rank.differing} differ`);
  console.log(value.differing === 0 && rank.differing === 0 && Object.is(engine.residual, reference.residual) ? 'bit-identical' : 'NOT bit-identical');
}

const [command, name, arg] = process.argv.slice(2);
if (command === 'prepare' && name && arg) {
  fs.mkdirSync(OUT, { recursive: true });
  const g = graphOfDb(arg);
  writeGraph(graphFile(name), g);
  console.log(`${graphFile(name)}: ${g.n} accounts, ${g.m} edges`);
} else if (command === 'time' && name) {
  time(readGraph(graphFile(name)), arg && !arg.startsWith('--') ? Number(arg) : 3);
} else if (command === 'compare' && name) {
  compare(readGraph(graphFile(name)));
} else if (command === 'scores' && name) {
  compareScores(name);
} else {
  console.error('usage: npx tsx bench/network.ts prepare NAME DB | time NAME [RUNS] [--sweeps K] | compare NAME | scores DB');
  process.exitCode = 2;
}
