/**
 * Two builds of influence on bench:import's table (1M interactions, 100k accounts),
 * interleaved round by round with the sqlite3 CLI's `.import`, so the three see the same
 * machine load: a change to the import is measured against the build before it, on a
 * shared machine where separate bench runs minutes apart differ by more than the change.
 * Per round: wall and CPU (user + system, all threads) of each; then the medians, and the
 * medians of the per-round ratios to sqlite3 (the steadier figure under load).
 *
 *   npx tsx bench/import-ab.ts --a /path/to/other/checkout [--b .] [--rounds 6] [--rows 1000000]
 *
 * Each checkout must be built (npm run build); the order alternates between rounds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeMachine } from './machine.js';
import { timeCli, timeCommand } from './run-cli.js';
import { writeImportBenchTable } from './generate.js';

const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const roots = [path.resolve(flag('a', '')), path.resolve(flag('b', '.'))];
const rounds = Number(flag('rounds', '6'));
const rows = Number(flag('rows', '1000000'));
if (!flag('a', '')) throw new Error('pass --a CHECKOUT (a built checkout to compare with --b, default .)');
for (const r of roots) if (!fs.existsSync(path.join(r, 'dist/cli/main.js'))) throw new Error(`${r} has no build: run npm run build there`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-import-ab-'));
try {
  const csv = path.join(dir, 'interactions.csv');
  writeImportBenchTable(csv, { rows, accounts: rows / 10 });
  console.log(`machine: ${describeMachine()}`);
  const results = [...roots, 'sqlite3'].map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(os.loadavg()[0]!);
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const k of order) {
      const db = path.join(dir, `ab-${k}.db`);
      for (const f of fs.readdirSync(dir)) if (f.startsWith(`ab-${k}.db`)) fs.rmSync(path.join(dir, f));
      const run = timeCli(['import', '--quiet', '--db', db, csv], dir, roots[k]!);
      if (run.code !== 0) throw new Error(`${roots[k]}: import failed: ${run.stderr}`);
      results[k]!.wall.push(run.seconds);
      results[k]!.cpu.push(run.cpuSeconds);
    }
    fs.rmSync(path.join(dir, 'cli.db'), { force: true });
    const cli = timeCommand(['sqlite3', path.join(dir, 'cli.db'), '.mode csv', `.import ${csv} interactions`]);
    if (!cli || cli.code !== 0) throw new Error(`sqlite3 .import failed or sqlite3 is missing (apt-get install sqlite3): ${cli?.stderr ?? ''}`);
    results[2]!.wall.push(cli.seconds);
    results[2]!.cpu.push(cli.cpuSeconds);
  }
  console.log(`${rounds} rounds, load average at each: ${loads.map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  const sq = results[2]!;
  [...roots, 'sqlite3'].forEach((name, k) => {
    const r = results[k]!;
    const ratios = k < 2 ? `; per-round ratio to sqlite3, median ${median(r.wall.map((w, i) => w / sq.wall[i]!)).toFixed(2)}x wall, ${median(r.cpu.map((c, i) => c / sq.cpu[i]!)).toFixed(2)}x CPU` : '';
    console.log(`${name}: median ${median(r.wall).toFixed(2)} s wall [${r.wall.map((x) => x.toFixed(2)).join(' ')}], ${median(r.cpu).toFixed(2)} s CPU [${r.cpu.map((x) => x.toFixed(2)).join(' ')}]${ratios}`);
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
