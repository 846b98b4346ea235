/**
 * npm run bench:exports — imports a generated 50 MB TikTok export (bench/tiktok-export.ts)
 * through the built CLI and reports wall time, CPU time and peak RSS, and checks that
 * every follower, like, post, comment and repost was read and no direct message was.
 *
 *   npm run bench:exports [-- --mb 50 --rounds 2]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeMachine } from './machine.js';
import { timeCli } from './run-cli.js';
import { writeTikTokExport } from './tiktok-export.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const mb = arg('mb', 50);
const rounds = arg('rounds', 2);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-exports-'));
try {
  const file = path.join(dir, 'user_data_tiktok.json');
  const genStart = Date.now();
  const counts = writeTikTokExport(file, mb * 2 ** 20);
  console.log(`machine: ${describeMachine()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(
    `data: TikTok export ${(counts.bytes / 2 ** 20).toFixed(1)} MB (generated in ${((Date.now() - genStart) / 1000).toFixed(1)} s): ` +
      `${counts.followers} followers, ${counts.following} following, ${counts.likes} likes, ${counts.posts} posts, ${counts.comments} comments, ${counts.reposts} reposts; ` +
      `not imported: ${counts.watched} watched videos, ${counts.messages} direct messages`,
  );
  let peak = 0;
  for (let round = 1; round <= rounds; round++) {
    const db = path.join(dir, `r${round}.db`);
    const run = timeCli(['import', '--quiet', '--json', '--db', db, file]);
    if (run.code !== 0) throw new Error(`import failed: ${run.stderr}`);
    const read = JSON.parse(run.stdout).sources[0].read as Record<string, number>;
    const want = { post: counts.posts + counts.comments + counts.reposts, follow: counts.followers + counts.following, interaction: counts.likes };
    const ok = read['post'] === want.post && read['follow'] === want.follow && read['interaction'] === want.interaction;
    peak = Math.max(peak, run.peakRssMb);
    console.log(
      `round ${round}: ${run.seconds.toFixed(2)} s wall, ${run.cpuSeconds.toFixed(2)} s CPU, peak RSS ${run.peakRssMb.toFixed(0)} MB; ` +
        `read ${read['post']} posts, ${read['follow']} follows, ${read['interaction']} likes ${ok ? '(all)' : `MISSED (wanted ${JSON.stringify(want)})`}`,
    );
    for (const f of fs.readdirSync(dir)) if (f.startsWith(`r${round}.db`)) fs.rmSync(path.join(dir, f));
  }
  console.log(`peak RSS over ${rounds} rounds: ${peak.toFixed(0)} MB for a ${(counts.bytes / 2 ** 20).toFixed(0)} MB export`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
