/**
 * npm run bench:import — import speed and memory on a deterministic generic CSV of
 * 1,000,000 interactions over 100,000 accounts, against the sqlite3 CLI's `.import` of the
 * same file (when sqlite3 is installed), in one run on this machine.
 *
 *   npm run bench:import [-- --rows 1000000 --accounts 100000]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeMachine } from './machine.js';
import { timeCli } from './run-cli.js';
import { writeInteractionsCsv } from './interactions-csv.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const rows = arg('rows', 1_000_000);
const accounts = arg('accounts', 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-import-'));
try {
  const csv = path.join(dir, 'interactions.csv');
  const genStart = Date.now();
  await writeInteractionsCsv(csv, rows, accounts, 42);
  const bytes = fs.statSync(csv).size;
  console.log(`machine: ${describeMachine()}`);
  console.log(`data: ${rows.toLocaleString('en-US')} interactions over ${accounts.toLocaleString('en-US')} accounts, ${(bytes / 2 ** 20).toFixed(1)} MB (generated in ${((Date.now() - genStart) / 1000).toFixed(1)} s)`);

  const run = timeCli(['import', '--quiet', '--db', path.join(dir, 'influence.db'), csv]);
  if (run.code !== 0) throw new Error(`influence import failed: ${run.stderr}`);
  console.log(
    `influence import: ${run.seconds.toFixed(2)} s, ${Math.round(rows / run.seconds).toLocaleString('en-US')} rows/s, peak RSS ${run.peakRssMb.toFixed(0)} MB`,
  );
  const again = timeCli(['import', '--quiet', '--db', path.join(dir, 'influence.db'), csv]);
  console.log(`influence re-import (no change): ${again.seconds.toFixed(2)} s, peak RSS ${again.peakRssMb.toFixed(0)} MB`);

  const sqlite = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (sqlite.status === 0) {
    const start = process.hrtime.bigint();
    const r = spawnSync('sqlite3', [path.join(dir, 'cli.db'), '.mode csv', `.import ${csv} interactions`], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
    console.log(`sqlite3 ${sqlite.stdout.split(' ')[0]} .import: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`);
    console.log(`ratio influence/sqlite3: ${(run.seconds / seconds).toFixed(2)}x (target <= 3x); peak RSS target < 400 MB`);
  } else {
    console.log('sqlite3 CLI not installed: no comparison (apt-get install sqlite3)');
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
