/**
 * The read stage alone, for comparing two builds on one database: reads the Dataset as
 * `score` does (2 threads, the built reader of ROOT, default this checkout), prints CPU
 * seconds (all threads), wall seconds, peak RSS and a digest of the interaction and post
 * columns (equal digests: the same Dataset).
 *
 *   npx tsx bench/read-dataset.ts --db bench/out/bench-large.db [--root /work/main] [--single]
 *
 * A database older than ROOT's schema is opened read-only and not migrated (an older build
 * reads a newer file as long as it only adds columns).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const root = path.resolve(flag('root') ?? '.');
const file = flag('db');
if (!file) throw new Error('usage: npx tsx bench/read-dataset.ts --db FILE [--root CHECKOUT] [--single]');
type Reader = typeof import('../src/store/read-dataset.js');
type Open = typeof import('../src/store/open.js');
const reader = (await import(pathToFileURL(path.join(root, 'dist/store/read-dataset.js')).href)) as Reader;
const { openDb } = (await import(pathToFileURL(path.join(root, 'dist/store/open.js')).href)) as Open;
const db = openDb(file, { readonly: true });
const load = os.loadavg()[0]!.toFixed(1);
const t0 = performance.now();
const c0 = process.cpuUsage();
const report: { threads?: number } = {};
const ds = process.argv.includes('--single') ? reader.readDataset(db, { bios: false }) : await reader.readDatasetParallel(db, { bios: false, report });
const c = process.cpuUsage(c0);
const wall = (performance.now() - t0) / 1000;
const h = crypto.createHash('sha256');
const i = ds.interactions;
for (const a of [i.actor, i.target, i.kind, i.createdAt, i.targetPost, ds.posts.author, ds.posts.createdAt]) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
console.log(
  `${root}: ${i.n.toLocaleString('en-US')} interactions read in ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ${wall.toFixed(2)} s wall, ` +
    `${report.threads ?? 1} thread(s), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, load ${load}; digest ${h.digest('hex').slice(0, 16)}`,
);
db.close();
