/**
 * Storing a scoring run, the store alone (issue 13: >= 300k rows/s): the small benchmark
 * dataset (100k accounts, 1M interactions; bench/out/bench-small.db, generated when
 * missing) is analysed and every account's stored result made ONCE into memory (its
 * summary: score, interval, sub-scores, flags; a run stores no itemisation); then the same
 * run is written `--rounds` times (storeRun: scores, flags and topic scores in one
 * transaction, deleted again after each round), each timed alone. So the rate is the
 * writing's; bench/score.ts measures making the rows and writing them together.
 *
 *   npm run build && npx tsx bench/store-run.ts [--rounds 5]
 *
 * Wall and CPU seconds per round (this thread does all the writing; CPU is the steadier
 * on a shared machine), and the median rows/s of each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allAccounts, analyze, topicSetupOf } from '../src/engine/analyze.js';
import { validateModel } from '../src/engine/model.js';
import { runRecordOf, type RunAccount } from '../src/engine/run-record.js';
import { resolveWindow } from '../src/engine/window.js';
import { loadBuiltinBackground } from '../src/inputs/background.js';
import { loadTaxonomy } from '../src/inputs/ontology.js';
import { openDb } from '../src/store/open.js';
import { deleteRuns, selectPrunedRuns, storeRun } from '../src/store/runs.js';
import { generateBenchDb, isCurrentBenchDb } from './gen-db.js';
import { describeMachine } from './machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'out');
const TARGET_ROWS_PER_SECOND = 300_000;

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');

async function main(): Promise<void> {
  const rounds = arg('rounds', 5);
  const source = path.join(OUT, 'bench-small.db');
  fs.mkdirSync(OUT, { recursive: true });
  if (!isCurrentBenchDb(source)) generateBenchDb(source, 100_000, 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-store-'));
  try {
    const file = path.join(dir, 'store.db');
    fs.copyFileSync(source, file);
    // the built reader: its worker is dist/store/read-interactions-worker.js
    const reader = (await import(pathToFileURL(path.join(HERE, '..', 'dist', 'store', 'read-dataset.js')).href)) as typeof import('../src/store/read-dataset.js');
    const model = validateModel(JSON.parse(fs.readFileSync(path.join(HERE, '..', 'models', 'model-v1.json'), 'utf8')));
    const db = openDb(file);
    deleteRuns(db, selectPrunedRuns(db, { keep: 0 }));
    const window = resolveWindow({ asOf: undefined, windowDays: 90 }, reader.readLatestActivity(db));
    const dataset = await reader.readDatasetParallel(db, { bios: true, texts: window });
    const analysis = analyze(dataset, { window, model, topics: topicSetupOf(loadTaxonomy().taxonomy, loadBuiltinBackground()) });
    const record = runRecordOf(analysis, allAccounts(analysis));
    const accounts: RunAccount[] = [...record.accounts];
    const flags = accounts.reduce((n, a) => n + a.result.flags.length, 0);
    const topics = accounts.reduce((n, a) => n + a.topics.length, 0);
    console.log(`machine: ${describeMachine()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`run: ${accounts.length.toLocaleString('en-US')} scores, ${flags.toLocaleString('en-US')} flags, ${topics.toLocaleString('en-US')} topic scores (made once, in memory)`);
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      // a new data label each round: an identical run would not be stored again
      const stored = storeRun(db, { ...record, accounts }, Date.now(), { population: 'all', data: `bench-${round}` });
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1e6;
      if (!stored.stored) throw new Error('the run was not stored');
      walls.push(wall);
      cpus.push(cpu);
      console.log(`round ${round}: ${wall.toFixed(3)} s wall = ${rate(accounts.length, wall)} scores/s; ${cpu.toFixed(3)} s CPU = ${rate(accounts.length, cpu)} scores/s`);
      deleteRuns(db, [stored.runId]);
    }
    db.close();
    const wallRate = accounts.length / median(walls);
    console.log(
      `median: ${rate(accounts.length, median(walls))} scores/s wall, ${rate(accounts.length, median(cpus))} scores/s CPU (target >= ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')}) ${wallRate >= TARGET_ROWS_PER_SECOND ? 'ok' : 'MISSED'}`,
    );
    const load = os.loadavg()[0]!;
    if (load > os.cpus().length * 0.5) console.log(`note: load average ${load.toFixed(1)} on ${os.cpus().length} CPUs: wall times are unreliable (the CPU rate is steadier)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
