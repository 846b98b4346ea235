/**
 * Two builds of influence on bench:score's datasets, `score --all` commands interleaved round
 * by round (the order alternating), so both see the same machine load: a change to scoring or
 * output is measured against the build before it, on a shared machine where separate bench
 * runs minutes apart differ by more than the change. Per run: wall, CPU (user + system, all
 * threads), peak RSS (/usr/bin/time), the cores other processes kept busy, the output's size
 * and md5; then the medians per build and command, and the load average of each round.
 *
 *   npx tsx bench/score-ab.ts --a /path/to/other/checkout [--b .] [--size small] [--rounds 3]
 *     [--runs plain,json,json-no-save,csv-no-save]
 *
 * Each checkout must be built (npm run build). The dataset is bench/out/bench-SIZE.db (made by
 * `npx tsx bench/score.ts --sizes SIZE`); a command that stores its run gets a fresh copy.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { busyCpuSeconds, describeMachine, othersCores } from './machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const RUNS: Record<string, { args: string[]; stores: boolean }> = {
  plain: { args: ['score', '--all'], stores: true },
  json: { args: ['score', '--all', '--json'], stores: true },
  'json-no-save': { args: ['score', '--all', '--json', '--no-save'], stores: false },
  'csv-no-save': { args: ['score', '--all', '--csv', '--no-save'], stores: false },
  'plain-no-save': { args: ['score', '--all', '--no-save'], stores: false },
};
const roots = [path.resolve(flag('a', '')), path.resolve(flag('b', '.'))];
if (!flag('a', '')) throw new Error('pass --a CHECKOUT (a built checkout to compare with --b, default .)');
for (const r of roots) if (!fs.existsSync(path.join(r, 'dist/cli/main.js'))) throw new Error(`${r} has no build: run npm run build there`);
const size = flag('size', 'small');
const rounds = Number(flag('rounds', '3'));
const runNames = flag('runs', 'plain,json,json-no-save,csv-no-save').split(',');
for (const n of runNames) if (!(n in RUNS)) throw new Error(`unknown run ${n}: one of ${Object.keys(RUNS).join(', ')}`);
const source = path.join(HERE, 'out', `bench-${size}.db`);
if (!fs.existsSync(source)) throw new Error(`no ${source}: run npx tsx bench/score.ts --sizes ${size} first`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-score-ab-'));
const db = path.join(dir, 'bench.db');
const out = path.join(dir, 'out');
const fresh = (): void => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  fs.copyFileSync(source, db);
};

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  others: number;
  bytes: number;
  md5: string;
}

function timeRun(root: string, args: string[]): Run {
  const fd = fs.openSync(out, 'w');
  const busy = busyCpuSeconds();
  const r = spawnSync('/usr/bin/time', ['-f', '@@time %e %U %S %M', process.execPath, path.join(root, 'bin/influence.js'), '--db', db, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  fs.closeSync(fd);
  const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`${root} ${args.join(' ')}: exit ${r.status}: ${(r.stderr ?? '').slice(0, 400)}`);
  const wall = Number(m[1]);
  const cpu = Number(m[2]) + Number(m[3]);
  const md5 = createHash('md5');
  const fdr = fs.openSync(out, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  for (let n; (n = fs.readSync(fdr, buf, 0, buf.length, null)) > 0; bytes += n) md5.update(buf.subarray(0, n));
  fs.closeSync(fdr);
  return { wall, cpu, rssMb: Math.round(Number(m[4]) / 1024), others: othersCores(busy, { seconds: wall, cpuSeconds: cpu }), bytes, md5: md5.digest('hex') };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`machine: ${describeMachine()}`);
console.log(`a = ${roots[0]}\nb = ${roots[1]}\ndataset: ${path.relative(process.cwd(), source)}, ${rounds} rounds\n`);
const results = new Map<string, Run[]>();
try {
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1}: ${new Date().toISOString().slice(11, 19)} UTC, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    for (const name of runNames) {
      const order = (round + runNames.indexOf(name)) % 2 ? [1, 0] : [0, 1];
      for (const b of order) {
        if (RUNS[name]!.stores || !fs.existsSync(db)) fresh();
        const r = timeRun(roots[b]!, RUNS[name]!.args);
        const key = `${name} ${'ab'[b]}`;
        results.set(key, [...(results.get(key) ?? []), r]);
        console.log(`  ${key.padEnd(16)} ${r.wall.toFixed(2).padStart(6)} s wall  ${r.cpu.toFixed(2).padStart(6)} s cpu  ${String(r.rssMb).padStart(5)} MB  ${(r.bytes / 2 ** 20).toFixed(1).padStart(7)} MiB  md5 ${r.md5}  others ${r.others.toFixed(2)} cores`);
      }
    }
  }
  console.log('\nmedians (b/a by CPU):');
  for (const name of runNames) {
    const [a, b] = ['a', 'b'].map((x) => results.get(`${name} ${x}`)!);
    const line = (x: string, rs: Run[]) => `${x} ${median(rs.map((r) => r.wall)).toFixed(2)} s wall, ${median(rs.map((r) => r.cpu)).toFixed(2)} s cpu, ${median(rs.map((r) => r.rssMb))} MB`;
    console.log(`  ${name.padEnd(14)} ${line('a', a!)}  |  ${line('b', b!)}  |  cpu b/a ${(median(b!.map((r) => r.cpu)) / median(a!.map((r) => r.cpu))).toFixed(3)}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
