/**
 * npm run bench:import (second part) — a big Mastodon outbox: peak RSS and time to import
 * a generated ~300 MB outbox.json (issue 13: < 400 MB peak RSS; 1.37 GB before streaming),
 * from its folder and from a .zip of it.
 *
 *   npx tsx bench/import-outbox.ts [-- --mb 300 --zip 1]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeMachine } from './machine.js';
import { timeCli } from './run-cli.js';
import { writeOutboxArchive } from './lib/outbox-generator.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const mb = arg('mb', 300);
const withZip = arg('zip', 1) === 1;
const MAX_RSS_MB = 400;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-outbox-'));
try {
  const archive = path.join(dir, 'archive');
  const genStart = Date.now();
  const { activities, bytes } = await writeOutboxArchive(archive, mb * 2 ** 20);
  console.log(`machine: ${describeMachine()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`data: outbox.json ${(bytes / 2 ** 20).toFixed(0)} MB, ${activities.toLocaleString('en-US')} activities (generated in ${((Date.now() - genStart) / 1000).toFixed(1)} s)`);
  const runs: [string, string][] = [['folder', archive]];
  if (withZip) {
    const zip = path.join(dir, 'archive.zip');
    const z = spawnSync('zip', ['-q', '-r', '-1', zip, '.'], { cwd: archive });
    if (z.status === 0) runs.push(['zip', zip]);
    else console.log('zip not installed: the .zip run is skipped (apt-get install zip)');
  }
  let worst = 0;
  for (const [name, p] of runs) {
    const db = path.join(dir, `${name}.db`);
    const run = timeCli(['import', '--quiet', '--json', '--db', db, p]);
    if (run.code !== 0) throw new Error(`import of the ${name} failed: ${run.stderr}`);
    const posts = JSON.parse(run.stdout).sources[0].read.post as number;
    worst = Math.max(worst, run.peakRssMb);
    console.log(`${name}: ${posts.toLocaleString('en-US')} posts, ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, peak RSS ${run.peakRssMb.toFixed(0)} MB (target < ${MAX_RSS_MB} MB) ${run.peakRssMb < MAX_RSS_MB ? 'ok' : 'MISSED'}`);
  }
  console.log(`outbox peak RSS: ${worst.toFixed(0)} MB ${worst < MAX_RSS_MB ? 'ok' : 'MISSED'}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
