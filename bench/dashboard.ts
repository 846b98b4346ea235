/**
 * `npm run bench:dashboard`: how fast `influence dashboard` starts and answers keys on a
 * generated database (bench/gen-db.ts: 100k accounts, 1M interactions by default; cached in
 * bench/out/). The built CLI runs under a pseudo-terminal (util-linux `script`) at 120x40,
 * as a person would run it; the bench waits for text on the screen, so every time includes
 * the terminal round trip.
 *
 *   npx tsx bench/dashboard.ts [--runs 3] [--accounts 100000] [--interactions 1000000] [--regenerate]
 *
 * Reported per run (median over runs last):
 *   stages (from INFLUENCE_PROFILE, ms since the process started, and CPU ms): modules loaded
 *   and screen taken (start), reading the database, analysing, analysed, source built
 *   (the ranking by score ordered once, authenticity list), first frame drawn;
 *   "after analysis" = first frame - analysed: the issue's "starts within a second";
 *   keys: from the key sent to the answer on screen (move, End, Home, sort by reach, a filter
 *   character, Klout70 panel, threshold -1, open the detail).
 * The bench database has no post texts, so the topic stage does no matching here.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchDb } from './gen-db.js';
import { describeMachine } from './machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.join(HERE, '..', 'bin', 'influence.js');
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => fs.existsSync(p));

const arg = (name: string, fallback: number): number => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};

interface Mark {
  stage: string;
  ms: number;
  cpuMs: number;
}

interface RunResult {
  firstFrameSeenMs: number;
  marks: Mark[];
  keys: { key: string; ms: number }[];
}

/** One session: start, wait for the ranking, press keys, quit. */
async function runOnce(db: string, accounts: number): Promise<RunResult> {
  const profile = path.join(os.tmpdir(), `influence-dashboard-profile-${process.pid}.json`);
  fs.rmSync(profile, { force: true });
  const command = `stty cols 120 rows 40; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} dashboard --db ${JSON.stringify(db)}`;
  const t0 = performance.now();
  const child = spawn(SCRIPT!, ['-qfec', command, '-E', 'never', '/dev/null'], {
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TERM: 'xterm-256color', INFLUENCE_PROFILE: profile },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const waiting: { text: string; from: number; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    for (let k = waiting.length - 1; k >= 0; k--) {
      if (out.indexOf(waiting[k]!.text, waiting[k]!.from) >= 0) waiting.splice(k, 1)[0]!.resolve();
    }
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const waitFor = (text: string, from: number): Promise<void> =>
    out.indexOf(text, from) >= 0
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => waiting.push({ text, from, resolve })),
          closed.then(() => {
            throw new Error(`the dashboard exited before showing ${JSON.stringify(text)}`);
          }),
        ]);
  const n = accounts.toLocaleString('en-US');
  await waitFor('ranking by score', 0);
  const firstFrameSeenMs = performance.now() - t0;
  const keys: RunResult['keys'] = [];
  const press = async (label: string, key: string, answer: string): Promise<void> => {
    const from = out.length;
    const start = performance.now();
    child.stdin.write(key);
    await waitFor(answer, from);
    keys.push({ key: label, ms: performance.now() - start });
  };
  await press('j (move)', 'j', `2 of ${n}`);
  await press('End', 'G', `${n} of ${n}`);
  await press('Home', 'g', `1 of ${n}`);
  await press('s (sort by reach)', 's', 'ranking by reach');
  await press('s s s (back to score)', 'sss', 'ranking by score');
  await press('/ a (filter)', '/a', ' match');
  await press('Esc (clear filter)', '\u001b', `1 of ${n}`);
  await press('2 (Klout70 panel)', '2', '2 Klout70');
  await press('- (threshold 69)', '-', '2 Klout69');
  await press('1 Enter (detail)', '1\r', 'Esc back');
  child.stdin.write('q');
  const code = await closed;
  if (code !== 0) throw new Error(`the dashboard exited with ${code}`);
  const marks = JSON.parse(fs.readFileSync(profile, 'utf8')) as Mark[];
  fs.rmSync(profile, { force: true });
  return { firstFrameSeenMs, marks, keys };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const at = (r: RunResult, stage: string): Mark => r.marks.find((m) => m.stage === stage) ?? { stage, ms: NaN, cpuMs: NaN };

async function main(): Promise<void> {
  if (!SCRIPT) throw new Error('util-linux script is needed (apt-get install bsdutils)');
  if (!fs.existsSync(path.join(HERE, '..', 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first');
  const accounts = arg('accounts', 100_000);
  const interactions = arg('interactions', 1_000_000);
  const runs = arg('runs', 3);
  const out = path.join(HERE, 'out');
  fs.mkdirSync(out, { recursive: true });
  const db = path.join(out, `bench-dashboard-${accounts}-${interactions}.db`);
  if (process.argv.includes('--regenerate') || !fs.existsSync(db)) {
    process.stdout.write(`generating ${db} ...\n`);
    generateBenchDb(db, accounts, interactions);
  }
  process.stdout.write(`influence dashboard on ${accounts.toLocaleString('en-US')} accounts, ${interactions.toLocaleString('en-US')} interactions, 120x40 pseudo-terminal\n`);
  process.stdout.write(`machine: ${describeMachine()}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n\n`);
  const results: RunResult[] = [];
  for (let k = 0; k < runs; k++) {
    const r = await runOnce(db, accounts);
    results.push(r);
    const span = (a: string, b: string) => `${((at(r, b).ms - at(r, a).ms) / 1000).toFixed(2)} s (cpu ${((at(r, b).cpuMs - at(r, a).cpuMs) / 1000).toFixed(2)} s)`;
    process.stdout.write(
      [
        `run ${k + 1}: first frame seen ${(r.firstFrameSeenMs / 1000).toFixed(2)} s after spawn`,
        `  modules + screen   ${(at(r, 'start').ms / 1000).toFixed(2)} s`,
        `  read               ${span('reading', 'analysing')}`,
        `  analysis           ${span('analysing', 'analysed')}`,
        `  after analysis     ${span('analysed', 'first frame')}  (source ${span('analysed', 'source')})`,
        `  keys               ${r.keys.map((x) => `${x.key} ${Math.round(x.ms)} ms`).join(', ')}`,
        '',
      ].join('\n'),
    );
  }
  const after = results.map((r) => at(r, 'first frame').ms - at(r, 'analysed').ms);
  process.stdout.write(`median over ${runs} runs: after analysis ${(median(after) / 1000).toFixed(2)} s; first frame seen ${(median(results.map((r) => r.firstFrameSeenMs)) / 1000).toFixed(2)} s; load average now ${os.loadavg()[0]!.toFixed(1)}\n`);
  for (const key of results[0]!.keys.map((x) => x.key)) {
    process.stdout.write(`  ${key.padEnd(24)} ${Math.round(median(results.map((r) => r.keys.find((x) => x.key === key)!.ms)))} ms\n`);
  }
}

await main();
