/**
 * `npm run bench:score`: scoring end to end from the database on generated datasets
 * (100k accounts / 1M interactions and 1M accounts / 10M interactions), seconds and peak
 * RSS per stage, and the network stage against python3-igraph's PageRank on the same edges.
 *
 *   npx tsx bench/score.ts [--sizes small,large] [--regenerate]
 *
 * Each dataset is measured in a fresh child process (so peak RSS is that dataset's alone).
 * Stages: read (database -> typed columns, interactions on 2 threads as the CLI reads them:
 * the worker is the built dist/ file, hence `npm run build` first), features (engagement
 * graph + feature extraction), network (the fixed point), model (curves, imputation,
 * calibration for every account), end to end = their sum; and, in another child, the
 * one-thread read for comparison. Datasets are cached in bench/out/.
 * igraph: /usr/bin/python3 with python3-igraph (apt-get install -y python3-igraph); skipped
 * with a note when missing.
 *
 * Then the whole command, as a user runs it (issue 13, "What it must show"): `influence
 * score --all > FILE` (the default: the run stored, text to a file) and `score --all --json >
 * FILE`, each on a fresh copy of the dataset (so the run is stored), then `--json --no-save`
 * and `--csv --no-save`, each in its own process timed by /usr/bin/time
 * (wall seconds, CPU, the process's peak RSS). On the small dataset, python3-igraph's whole
 * process (start python, import igraph, read the edges, build the graph, PageRank, write the
 * scores) is timed the same way twice: from the engine's weighted engagement edges written
 * ready-made as binary files, and from the same database `score` reads (the window's
 * interactions, weighted as the engine weighs them). The target is `score --all` within 2x
 * of igraph; each run's ratio to both is printed. A last child stores a run through the store alone
 * (each account's stored result read from the score table, then scores, flags and topic
 * scores written) for the rows/s.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildEngagementGraph } from '../src/engine/engagement.js';
import { extractFeatures } from '../src/engine/features.js';
import { validateModel } from '../src/engine/model.js';
import { computeNetworkInfluence, edgeSharesOf } from '../src/engine/network.js';
import { neutralAssessment } from '../src/engine/result-types.js';
import { computeScores, engagementWeightsOf } from '../src/engine/score.js';
import { openDb } from '../src/store/open.js';
import { readDataset } from '../src/store/read-dataset.js';
import { allAccounts, analyze, topicSetupOf } from '../src/engine/analyze.js';
import { runRecordOf } from '../src/engine/run-record.js';
import { resolveWindow } from '../src/engine/window.js';
import { loadTaxonomy } from '../src/inputs/ontology.js';
import { loadBuiltinBackground } from '../src/inputs/background.js';
import { deleteRuns, selectPrunedRuns, storeRun } from '../src/store/runs.js';

/** The built reader (its worker is dist/store/read-interactions-worker.js). */
async function builtReader(): Promise<typeof import('../src/store/read-dataset.js')> {
  const file = path.join(HERE, '..', 'dist', 'store', 'read-dataset.js');
  if (!fs.existsSync(file)) throw new Error('run `npm run build` first (the 2-thread reader runs from dist/)');
  return (await import(pathToFileURL(file).href)) as typeof import('../src/store/read-dataset.js');
}
import { BENCH_AS_OF, generateBenchDb, isCurrentBenchDb } from './gen-db.js';
import { busyCpuSeconds, othersCores } from './machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'out');
const SIZES = {
  small: { accounts: 100_000, interactions: 1_000_000 },
  large: { accounts: 1_000_000, interactions: 10_000_000 },
} as const;
type Size = keyof typeof SIZES;

interface StageResult {
  stage: string;
  seconds: number;
  cpuSeconds: number;
  /** peak RSS of the process so far, MB */
  peakRssMb: number;
}

const mb = (kb: number): number => Math.round(kb / 1024);

/** Child: the one-thread read alone; prints one JSON line. */
function measureRead(size: Size): void {
  const db = openDb(path.join(OUT, `bench-${size}.db`), { readonly: true });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  readDataset(db, { bios: false });
  const c = process.cpuUsage(c0);
  process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, peakRssMb: mb(process.resourceUsage().maxRSS) })}\n`);
}

/** Child: measure one dataset; prints one JSON line. */
async function measure(size: Size): Promise<void> {
  const reader = await builtReader();
  const file = path.join(OUT, `bench-${size}.db`);
  const model = validateModel(JSON.parse(fs.readFileSync(path.join(HERE, '..', 'models', 'model-v1.json'), 'utf8')));
  const window = { asOf: BENCH_AS_OF, windowDays: 90 };
  const stages: StageResult[] = [];
  const timed = async <T>(stage: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await f();
    const c = process.cpuUsage(c0);
    stages.push({ stage, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, peakRssMb: mb(process.resourceUsage().maxRSS) });
    return r;
  };
  const db = openDb(file, { readonly: true });
  const report: { threads?: number } = {};
  const pop = await timed('read (2 threads)', () => reader.readDatasetParallel(db, { bios: false, report }));
  db.close();
  const assessment = neutralAssessment(pop.accounts.n, pop.interactions.n);
  const graph = await timed('features: engagement graph', () => buildEngagementGraph(pop, window, engagementWeightsOf(model), assessment.interactionWeight));
  const network = await timed('network', () => computeNetworkInfluence(graph, model.network));
  const features = await timed('features: extraction', () => extractFeatures(pop, window, graph, network.value, assessment.interactionWeight));
  const scores = await timed('model', () => computeScores(features, model, assessment.damping));
  let networkBest = Infinity;
  if (size === 'small') {
    // best of 3 more runs of the network stage, against igraph's best of 3 (noisy machines)
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      computeNetworkInfluence(graph, model.network);
      networkBest = Math.min(networkBest, (performance.now() - t0) / 1000);
    }
    // the same edges for igraph: source, target, share of the source's attention
    const src = new Int32Array(graph.m);
    const dst = new Int32Array(graph.m);
    for (let i = 0; i < graph.n; i++) for (let k = graph.inStart[i]!; k < graph.inStart[i + 1]!; k++) dst[k] = i;
    src.set(graph.inSource);
    fs.writeFileSync(path.join(OUT, 'edges-src.bin'), Buffer.from(src.buffer));
    fs.writeFileSync(path.join(OUT, 'edges-dst.bin'), Buffer.from(dst.buffer));
    fs.writeFileSync(path.join(OUT, 'edges-w.bin'), Buffer.from(edgeSharesOf(graph).buffer));
  }
  const sorted = Float64Array.from(scores.score).sort();
  const median = sorted[Math.floor(sorted.length / 2)]!;
  process.stdout.write(
    `${JSON.stringify({
      size,
      accounts: pop.accounts.n,
      posts: pop.posts.n,
      interactions: pop.interactions.n,
      edges: graph.m,
      readThreads: report.threads,
      networkIterations: network.iterations,
      networkCyclic: network.cyclic,
      networkResidual: network.residual,
      medianScore: Math.round(median * 10) / 10,
      networkBestOf3: networkBest,
      stages,
    })}\n`,
  );
}

/** Rounds of the store-alone child; it reports each time's median. */
const STORE_ROUNDS = 5;

/**
 * Child: a run stored through the store alone, as `score --all` stores it (topics included),
 * into the writable copy FILE: seconds to make every account's stored result (reading the
 * run without writing), then to make and write it (storeRun). Prints one JSON line.
 */
async function measureStore(file: string): Promise<void> {
  const reader = await builtReader();
  const model = validateModel(JSON.parse(fs.readFileSync(path.join(HERE, '..', 'models', 'model-v1.json'), 'utf8')));
  const db = openDb(file);
  deleteRuns(db, selectPrunedRuns(db, { keep: 0 })); // a run identical to a stored one is not stored again
  const window = resolveWindow({ asOf: undefined, windowDays: 90 }, reader.readLatestActivity(db));
  const dataset = await reader.readDatasetParallel(db, { bios: true, texts: window });
  const analysis = analyze(dataset, { window, model, topics: topicSetupOf(loadTaxonomy().taxonomy, loadBuiltinBackground()) });
  const indices = allAccounts(analysis);
  // wall and CPU seconds (CPU is the steadier on a shared machine: the store writes on this thread)
  const cpu = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1e6;
  // one pass first, not timed: the first reading of a process also compiles its code
  // (without it, making the rows alone measured longer than making and writing them)
  for (const _ of runRecordOf(analysis, indices).accounts);
  // the median of STORE_ROUNDS rounds, each run deleted after it is counted (so later rounds
  // write into the pages it freed, as a store does after `runs prune`): one round of under
  // half a second moved by up to 1.8x from one bench to the next on this shared host
  const rounds: { made: number; makeSeconds: number; makeCpuSeconds: number; storeSeconds: number; storeCpuSeconds: number; rows: { scores: number; flags: number; topicScores: number } }[] = [];
  for (let r = 0; r < STORE_ROUNDS; r++) {
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    let made = 0;
    for (const a of runRecordOf(analysis, indices).accounts) if (a.accountId >= 0) made++;
    const makeSeconds = (performance.now() - t0) / 1000;
    const makeCpuSeconds = cpu(process.cpuUsage(c0));
    t0 = performance.now();
    c0 = process.cpuUsage();
    const stored = storeRun(db, runRecordOf(analysis, indices), Date.now(), { population: 'all', data: 'bench' });
    const storeSeconds = (performance.now() - t0) / 1000;
    const storeCpuSeconds = cpu(process.cpuUsage(c0));
    const rows = db.prepare('SELECT (SELECT count(*) FROM scores WHERE run_id = ?) AS scores, (SELECT count(*) FROM flags WHERE run_id = ?) AS flags, (SELECT count(*) FROM topic_scores WHERE run_id = ?) AS topicScores').get(stored.runId, stored.runId, stored.runId) as { scores: number; flags: number; topicScores: number };
    deleteRuns(db, [stored.runId]);
    rounds.push({ made, makeSeconds, makeCpuSeconds, storeSeconds, storeCpuSeconds, rows });
  }
  const median = (pick: (x: (typeof rounds)[number]) => number): number => rounds.map(pick).sort((a, b) => a - b)[STORE_ROUNDS >> 1]!;
  const made = rounds[0]!.made;
  const rows = rounds[0]!.rows;
  const makeSeconds = median((x) => x.makeSeconds);
  const makeCpuSeconds = median((x) => x.makeCpuSeconds);
  const storeSeconds = median((x) => x.storeSeconds);
  const storeCpuSeconds = median((x) => x.storeCpuSeconds);
  db.close();
  process.stdout.write(`${JSON.stringify({ made, makeSeconds, storeSeconds, makeCpuSeconds, storeCpuSeconds, ...rows, peakRssMb: mb(process.resourceUsage().maxRSS) })}\n`);
}

/** A whole process timed by /usr/bin/time: wall and CPU seconds, peak RSS (MB), its stdout sent to `out`. */
interface ProcessRun {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  outBytes: number;
  /** cores other processes kept busy meanwhile (bench/machine.ts othersCores) */
  othersCores: number;
}

function timeProcess(argv: string[], out: string): ProcessRun | string {
  if (!fs.existsSync('/usr/bin/time')) return 'no /usr/bin/time (apt-get install -y time)';
  const fd = fs.openSync(out, 'w');
  try {
    const busy = busyCpuSeconds();
    const r = spawnSync('/usr/bin/time', ['-f', '@@time %e %U %S %M', ...argv], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    if (r.status !== 0 || !m) return `exit ${r.status}: ${(r.stderr ?? '').slice(0, 300)}`;
    const run = { seconds: Number(m[1]), cpuSeconds: Number(m[2]) + Number(m[3]) };
    return { ...run, peakRssMb: Math.round(Number(m[4]) / 1024), outBytes: fs.statSync(out).size, othersCores: othersCores(busy, run) };
  } finally {
    fs.closeSync(fd);
  }
}

const BIN = path.join(HERE, '..', 'bin', 'influence.js');

/**
 * The CLI runs measured per dataset, in this order. A run that stores (no --no-save) gets a
 * fresh copy of the dataset: a run identical to a stored one is not stored again. The first
 * is the command as a user runs it by default: its run stored, the text written to a file.
 */
const CLI_RUNS: { label: string; args: string[]; ext: string; stores?: boolean }[] = [
  { label: 'score --all > FILE (stores the run)', args: ['score', '--all'], ext: 'txt', stores: true },
  { label: 'score --all --json (stores the run)', args: ['score', '--all', '--json'], ext: 'json', stores: true },
  { label: 'score --all --json --no-save', args: ['score', '--all', '--json', '--no-save'], ext: 'json' },
  { label: 'score --all --csv --no-save', args: ['score', '--all', '--csv', '--no-save'], ext: 'csv' },
];

/** python3-igraph's whole process: read the edge list, build, PageRank, write the scores. */
const IGRAPH_PROCESS = `
import sys, array, igraph
n = int(sys.argv[1]); d = sys.argv[2]
src = array.array('i'); src.frombytes(open(d + '/edges-src.bin', 'rb').read())
dst = array.array('i'); dst.frombytes(open(d + '/edges-dst.bin', 'rb').read())
w = array.array('d'); w.frombytes(open(d + '/edges-w.bin', 'rb').read())
g = igraph.Graph(n=n, edges=list(zip(src, dst)), directed=True)
g.es['weight'] = list(w)
pr = g.pagerank(weights='weight', damping=0.85)
sys.stdout.write('\\n'.join('%d,%.6g' % (i, x) for i, x in enumerate(pr)))
`;

/**
 * python3-igraph's whole process from the same database `score` reads: the window's
 * interactions (actor, target, kind, time) by SQL, each weighted as the engine weighs an
 * event (the model's kind weight, halved every half-life before the as-of), the graph built
 * with one edge per interaction (PageRank sums parallel edges' weights), PageRank, the
 * scores written. The same input and the same weighted graph as the engine's; the binary
 * edge files above are the engine's own aggregation of it, handed to igraph ready-made.
 */
const IGRAPH_DB_PROCESS = `
import sys, json, sqlite3, igraph
db, as_of, window_days, model = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
kw = model['kindWeights']; half = model['halfLifeDays'] * 86400000.0
con = sqlite3.connect('file:' + db + '?mode=ro', uri=True)
n = con.execute('SELECT max(id) FROM accounts').fetchone()[0] + 1
rows = con.execute('SELECT actor_id, target_id, kind, created_at FROM interactions WHERE created_at > ? AND created_at <= ? AND actor_id != target_id', (as_of - window_days * 86400000, as_of)).fetchall()
edges = [(a, t) for a, t, k, c in rows if kw.get(k, 0) > 0]
w = [kw[k] * 0.5 ** ((as_of - c) / half) for a, t, k, c in rows if kw.get(k, 0) > 0]
g = igraph.Graph(n=n, edges=edges, directed=True)
pr = g.pagerank(weights=w, damping=model['damping'])
sys.stdout.write('\\n'.join('%d,%.6g' % (i, x) for i, x in enumerate(pr)))
`;

const IGRAPH = `
import sys, time, array, igraph
n = int(sys.argv[1]); d = sys.argv[2]
src = array.array('i'); src.frombytes(open(d + '/edges-src.bin', 'rb').read())
dst = array.array('i'); dst.frombytes(open(d + '/edges-dst.bin', 'rb').read())
w = array.array('d'); w.frombytes(open(d + '/edges-w.bin', 'rb').read())
t0 = time.perf_counter()
g = igraph.Graph(n=n, edges=list(zip(src, dst)), directed=True)
g.es['weight'] = list(w)
t1 = time.perf_counter()
best = 1e9
for _ in range(3):
    s = time.perf_counter()
    pr = g.pagerank(weights='weight', damping=0.85)
    best = min(best, time.perf_counter() - s)
print(f'{t1 - t0:.4f} {best:.4f} {g.ecount()}')
`;

function runIgraph(accounts: number): { build: number; pagerank: number; edges: number } | string {
  const py = '/usr/bin/python3';
  if (!fs.existsSync(py)) return 'no /usr/bin/python3';
  const check = spawnSync(py, ['-c', 'import igraph'], { encoding: 'utf8' });
  if (check.status !== 0) return 'python3-igraph not installed (apt-get install -y python3-igraph)';
  const r = spawnSync(py, ['-c', IGRAPH, String(accounts), OUT], { encoding: 'utf8' });
  if (r.status !== 0) return `igraph failed: ${r.stderr.slice(0, 200)}`;
  const [build, pagerank, edges] = r.stdout.trim().split(' ').map(Number);
  return { build: build!, pagerank: pagerank!, edges: edges! };
}

/** The CLI runs of CLI_RUNS on a fresh copy of the dataset, the igraph process (small), and the store alone. */
function measureCli(size: Size, file: string, accounts: number, entry: Record<string, unknown>): Record<string, unknown> {
  const copy = path.join(OUT, `cli-${size}.db`);
  const freshCopy = (): void => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
    fs.copyFileSync(file, copy);
  };
  freshCopy();
  const runs: Record<string, unknown>[] = [];
  console.log(`  the command, whole process (/usr/bin/time), ${accounts.toLocaleString('en-US')} accounts, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}:`);
  for (const [k, { label, args, ext, stores }] of CLI_RUNS.entries()) {
    if (stores && k > 0) freshCopy();
    const out = path.join(OUT, `cli-${size}.${ext}`);
    const r = timeProcess([process.execPath, BIN, '--db', copy, ...args], out);
    if (typeof r === 'string') {
      console.log(`    ${label.padEnd(38)} failed: ${r}`);
      runs.push({ label, failed: r });
      continue;
    }
    const rowsPerSecond = accounts / r.seconds;
    console.log(`    ${label.padEnd(38)} ${r.seconds.toFixed(2).padStart(7)} s  (cpu ${r.cpuSeconds.toFixed(2)} s)  ${Math.round(rowsPerSecond).toLocaleString('en-US').padStart(9)} accounts/s  peak RSS ${r.peakRssMb} MB  output ${(r.outBytes / 2 ** 20).toFixed(0)} MB  others used ${r.othersCores.toFixed(2)} cores`);
    runs.push({ label, ...r, rowsPerSecond });
    fs.rmSync(out, { force: true });
  }
  const result: Record<string, unknown> = { runs };
  if (size === 'small' && typeof entry['igraph'] === 'object' && !('skipped' in (entry['igraph'] as object))) {
    const network = (JSON.parse(fs.readFileSync(path.join(HERE, '..', 'models', 'model-v2.json'), 'utf8')) as { network: unknown }).network;
    const baselines = [
      { key: 'igraphProcess', label: 'python3-igraph, ready-made edges', argv: ['/usr/bin/python3', '-c', IGRAPH_PROCESS, String(accounts), OUT] },
      { key: 'igraphFromDatabase', label: 'python3-igraph, from the database', argv: ['/usr/bin/python3', '-c', IGRAPH_DB_PROCESS, copy, String(BENCH_AS_OF), '90', JSON.stringify(network)] },
    ];
    for (const b of baselines) {
      const ig = timeProcess(b.argv, path.join(OUT, 'igraph-pagerank.csv'));
      fs.rmSync(path.join(OUT, 'igraph-pagerank.csv'), { force: true });
      if (typeof ig === 'string') {
        console.log(`    ${b.label}: failed (${ig})`);
        continue;
      }
      // each score --all run against this baseline, by wall time and by CPU (the steadier on a shared machine)
      const ratios = runs.flatMap((r) => ('seconds' in r ? [{ label: r['label'] as string, wall: (r['seconds'] as number) / ig.seconds, cpu: (r['cpuSeconds'] as number) / ig.cpuSeconds }] : []));
      console.log(`    ${b.label.padEnd(38)} ${ig.seconds.toFixed(2).padStart(7)} s  (cpu ${ig.cpuSeconds.toFixed(2)} s)  peak RSS ${ig.peakRssMb} MB  others used ${ig.othersCores.toFixed(2)} cores; score --all / igraph (target <= 2):`);
      for (const r of ratios) console.log(`      ${r.label.padEnd(36)} ${r.wall.toFixed(2)} by wall, ${r.cpu.toFixed(2)} by CPU`);
      result[b.key] = { ...ig, ratio: ratios[0]?.wall ?? NaN, ratios };
    }
  } else if (size === 'small') console.log(`    python3-igraph whole process: skipped (${(entry['igraph'] as { skipped?: string }).skipped ?? 'no igraph'})`);
  if (size === 'large') {
    console.log('    10M interactions end to end (targets <= 15 s, <= 1024 MB peak RSS):');
    for (const r of runs) if ('seconds' in r) console.log(`      ${(r['label'] as string).padEnd(36)} ${(r['seconds'] as number).toFixed(2)} s, peak RSS ${r['peakRssMb'] as number} MB`);
  }
  const store = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure-store', copy], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (store.status === 0) {
    const s = JSON.parse(store.stdout.trim().split('\n').pop()!) as { made: number; makeSeconds: number; storeSeconds: number; makeCpuSeconds: number; storeCpuSeconds: number; scores: number; flags: number; topicScores: number };
    const writeSeconds = s.storeSeconds - s.makeSeconds;
    const writeCpuSeconds = s.storeCpuSeconds - s.makeCpuSeconds;
    const rate = (n: number, sec: number): string => Math.round(n / sec).toLocaleString('en-US');
    console.log(
      `  storing a run (store alone, the median of ${STORE_ROUNDS} rounds): ${s.scores.toLocaleString('en-US')} scores, ${s.flags.toLocaleString('en-US')} flags, ${s.topicScores.toLocaleString('en-US')} topic scores\n` +
        `    making the rows ${s.makeSeconds.toFixed(2)} s (cpu ${s.makeCpuSeconds.toFixed(2)} s); making and writing them ${s.storeSeconds.toFixed(2)} s (cpu ${s.storeCpuSeconds.toFixed(2)} s)\n` +
        `    storing as a whole: ${rate(s.scores, s.storeSeconds)} scores/s, by CPU ${rate(s.scores, s.storeCpuSeconds)} scores/s (target >= 300,000); writing alone (the difference) ${rate(s.scores, writeSeconds)} scores/s, by CPU ${rate(s.scores, writeCpuSeconds)}`,
    );
    result['store'] = { ...s, writeSeconds, writeCpuSeconds, scoresPerSecondWriting: s.scores / writeSeconds, scoresPerCpuSecondWriting: s.scores / writeCpuSeconds, scoresPerSecond: s.scores / s.storeSeconds };
  } else console.log(`  storing a run: failed (${store.stderr.slice(0, 300)})`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  return result;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const stageArg = args.indexOf('--measure');
  if (stageArg >= 0) return measure(args[stageArg + 1] as Size);
  const readArg = args.indexOf('--measure-read');
  if (readArg >= 0) return measureRead(args[readArg + 1] as Size);
  const storeArg = args.indexOf('--measure-store');
  if (storeArg >= 0) return measureStore(args[storeArg + 1]!);
  const sizes = ((args[args.indexOf('--sizes') + 1] && args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]! : 'small,large').split(',') as Size[]).filter((s) => s in SIZES);
  fs.mkdirSync(OUT, { recursive: true });
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  console.log(`machine: ${machine.cpus} cpus (${machine.cpuModel}), ${machine.memoryGb} GB, node ${machine.node}, load average ${machine.loadAverage.join(' ')}`);
  const results: unknown[] = [];
  for (const size of sizes) {
    const { accounts, interactions } = SIZES[size];
    const file = path.join(OUT, `bench-${size}.db`);
    if (args.includes('--regenerate') || !isCurrentBenchDb(file)) {
      const t0 = performance.now();
      generateBenchDb(file, accounts, interactions);
      console.log(`generated ${path.relative(process.cwd(), file)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure', size], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`measuring ${size} failed: ${child.stderr}`);
    const line = child.stdout.trim().split('\n').pop()!;
    const r = JSON.parse(line) as { stages: StageResult[]; edges: number; networkIterations: number; networkCyclic: number; accounts: number; interactions: number; medianScore: number };
    const total = r.stages.reduce((s, x) => s + x.seconds, 0);
    const peak = Math.max(...r.stages.map((s) => s.peakRssMb));
    console.log(`\n${size}: ${r.accounts.toLocaleString('en-US')} accounts, ${r.interactions.toLocaleString('en-US')} interactions, ${r.edges.toLocaleString('en-US')} engagement edges`);
    for (const s of r.stages) console.log(`  ${s.stage.padEnd(28)} ${s.seconds.toFixed(2).padStart(7)} s  (cpu ${s.cpuSeconds.toFixed(2)} s)  peak RSS ${s.peakRssMb} MB`);
    console.log(`  ${'end to end'.padEnd(28)} ${total.toFixed(2).padStart(7)} s  peak RSS ${peak} MB  (network: ${r.networkIterations} sweeps over ${r.networkCyclic} cyclic accounts; median score ${r.medianScore})`);
    const one = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure-read', size], { encoding: 'utf8' });
    const readOne = one.status === 0 ? (JSON.parse(one.stdout.trim().split('\n').pop()!) as { seconds: number; cpuSeconds: number; peakRssMb: number }) : null;
    if (readOne) console.log(`  ${'(read on one thread'.padEnd(28)} ${readOne.seconds.toFixed(2).padStart(7)} s  (cpu ${readOne.cpuSeconds.toFixed(2)} s)  peak RSS ${readOne.peakRssMb} MB)`);
    const entry: Record<string, unknown> = { ...r, endToEndSeconds: total, peakRssMb: peak, readOneThread: readOne };
    if (size === 'small') {
      const ig = runIgraph(r.accounts);
      const ours = (r as unknown as { networkBestOf3: number }).networkBestOf3;
      if (typeof ig === 'string') {
        console.log(`  igraph: skipped (${ig})`);
        entry['igraph'] = { skipped: ig };
      } else {
        console.log(`  igraph PageRank (PRPACK) on the same ${ig.edges.toLocaleString('en-US')} edges, best of 3: ${ig.pagerank.toFixed(3)} s (+ ${ig.build.toFixed(2)} s graph build); ours, best of 3: ${ours.toFixed(3)} s: ratio ours/igraph ${(ours / ig.pagerank).toFixed(2)}`);
        entry['igraph'] = { ...ig, oursSeconds: ours, ratio: ours / ig.pagerank };
      }
    }
    entry['cli'] = measureCli(size, file, r.accounts, entry);
    results.push(entry);
  }
  fs.writeFileSync(path.join(OUT, 'score-results.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);
  console.log(`\nwritten ${path.relative(process.cwd(), path.join(OUT, 'score-results.json'))}`);
}

await main();
