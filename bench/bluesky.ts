/**
 * npm run bench:bluesky — Bluesky repository import speed and memory: the real sample in
 * ../shared (when present) and a generated repository of 100,000 records (posts with
 * replies, quotes and mentions, reposts, likes, follows), each imported into a fresh
 * database by the built CLI in a child process. Reports wall time, CPU time, peak RSS.
 *
 *   npm run bench:bluesky [-- --records 100000 --rounds 3]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { follow, like, post, profile, repost, strongRef, tidAt, writeRepo, type RepoRecord } from '../test/helpers/bluesky-repo.js';
import { describeMachine } from './machine.js';
import { timeCli } from './run-cli.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const records = arg('records', 100_000);
const rounds = arg('rounds', 3);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(ROOT, '..', 'shared/data/realdata/bluesky-bnewbold-2025/bnewbold.robocracy.org.20250310005405.car');

/** A deterministic repository of `n` records: 30% posts (1 in 5 a reply, 1 in 10 a quote), 10% reposts, 50% likes, 10% follows. */
function generate(n: number): RepoRecord[] {
  const others = Array.from({ length: 5000 }, (_, i) => `did:plc:other${String(i).padStart(5, '0')}abcdefghijk`);
  const out: RepoRecord[] = [profile({ displayName: 'Bench', description: 'generated' })];
  const start = Date.UTC(2023, 5, 1);
  for (let i = 0; i < n - 1; i++) {
    const t = start + i * 60_000;
    const rkey = tidAt(t, i % 1024);
    const createdAt = new Date(t).toISOString().replace('Z', '123Z');
    const other = others[(i * 7919) % others.length]!;
    const target = tidAt(start + ((i * 104_729) % n) * 60_000, 7);
    const r = i % 10;
    if (r < 3) {
      const fields: Record<string, unknown> = { text: `post ${i} about #topic${i % 50}`, createdAt, langs: ['en'] };
      if (i % 5 === 0) fields['reply'] = { root: strongRef(other, 'app.bsky.feed.post', target), parent: strongRef(other, 'app.bsky.feed.post', target) };
      if (i % 10 === 1) fields['embed'] = { $type: 'app.bsky.embed.record', record: strongRef(other, 'app.bsky.feed.post', target) };
      if (i % 7 === 0) fields['facets'] = [{ index: { byteStart: 0, byteEnd: 4 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: other }] }];
      out.push(post(rkey, fields));
    } else if (r === 3) out.push(repost(rkey, other, target, createdAt));
    else if (r < 9) out.push(like(rkey, other, target, createdAt));
    else out.push(follow(rkey, other, createdAt));
  }
  return out;
}

const outIndex = process.argv.indexOf('--write');
if (outIndex > 0) {
  // the child that generates: the measuring parent stays small, since on Linux a spawned
  // child's peak RSS starts from its parent's size at fork
  fs.writeFileSync(process.argv[outIndex + 1]!, writeRepo({ did: 'did:plc:benchowner4abcdefghijk', records: generate(records) }));
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-bluesky-'));
try {
  console.log(`machine: ${describeMachine()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const genStart = Date.now();
  const car = path.join(dir, 'bench.example.20250310005405.car');
  const gen = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--records', String(records), '--write', car], { stdio: 'inherit' });
  if (gen.status !== 0) throw new Error('generating the repository failed');
  console.log(`generated: ${records.toLocaleString('en-US')} records, ${(fs.statSync(car).size / 2 ** 20).toFixed(1)} MB in ${((Date.now() - genStart) / 1000).toFixed(1)} s`);
  const inputs: Array<[string, string]> = [['generated', car]];
  if (fs.existsSync(SAMPLE)) inputs.unshift(['real sample (bnewbold 2025)', SAMPLE]);
  for (const [label, file] of inputs) {
    for (let round = 1; round <= rounds; round++) {
      const db = path.join(dir, `b-${round}.db`);
      const run = timeCli(['import', '--quiet', '--json', '--db', db, file]);
      if (run.code !== 0) throw new Error(`import failed: ${run.stderr}`);
      const read = JSON.parse(run.stdout).sources[0].read as Record<string, number>;
      console.log(`${label} round ${round}: ${run.seconds.toFixed(2)} s wall, ${run.cpuSeconds.toFixed(2)} s CPU, peak RSS ${run.peakRssMb.toFixed(0)} MB; read ${JSON.stringify(read)}`);
      for (const f of fs.readdirSync(dir)) if (f.startsWith(`b-${round}.db`)) fs.rmSync(path.join(dir, f));
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
