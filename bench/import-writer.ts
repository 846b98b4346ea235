/**
 * The database writer of an import alone (the busier of a large import's two threads):
 * the 1M-row benchmark CSV (bench:import's table) is read ONCE into write batches, then
 * the same batches are applied to a fresh database file in rounds, alternating the two
 * ways an import writes: into a database that exists (WAL: every page goes to the log and
 * again to the file at the checkpoint) and into a new one built aside (store/open.ts
 * bulkNew: journal in memory, no syncs until one at the end, accounts' indexes built after
 * the rows). CPU and wall seconds per phase; CPU is the steadier on a shared machine.
 *
 *   npx tsx bench/import-writer.ts [--rows 1000000 --rounds 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { genericCsvAdapter } from '../src/import/generic/adapters.js';
import { openSource } from '../src/import/open-source.js';
import { beginWrite } from '../src/store/apply-batches.js';
import { openDb } from '../src/store/open.js';
import { createRecordWriter } from '../src/store/write-records.js';
import type { WriteBatch } from '../src/store/write-batch.js';
import { writeImportBenchTable } from './generate.js';
import { describeMachine } from './machine.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 1_000_000);
const rounds = arg('rounds', 3);
const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'influence-bench-writer-'));
try {
  const csv = path.join(dir, 'interactions.csv');
  writeImportBenchTable(csv, { rows, accounts: rows / 10 });
  // read once: the batches the importing thread would send (accounts resolved against an empty database)
  const reader = openDb(':memory:');
  const batches: WriteBatch[] = [];
  const writer = createRecordWriter(reader, 1, (b) => batches.push(b));
  await genericCsvAdapter.read(
    await openSource(csv),
    {
      record: (r) => writer.write(r),
      problem: (p) => {
        throw new Error(p.reason);
      },
      skippedFile() {},
      progress() {},
      owner() {},
      notice() {},
    },
    { defaultNetwork: 'generic' },
  );
  writer.flush();
  reader.close();
  console.log(`machine: ${describeMachine()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`data: ${rows.toLocaleString('en-US')} interactions in ${batches.length} batches`);
  const results: Record<'existing (WAL)' | 'new, built aside', { apply: number[]; commit: number[]; total: number[]; wall: number[] }> = {
    'existing (WAL)': { apply: [], commit: [], total: [], wall: [] },
    'new, built aside': { apply: [], commit: [], total: [], wall: [] },
  };
  for (let round = 1; round <= rounds; round++) {
    for (const mode of Object.keys(results) as (keyof typeof results)[]) {
      const file = path.join(dir, `w-${round}.db`);
      if (mode === 'existing (WAL)') openDb(file).close(); // an (empty) database is there, as for any import into an existing one
      const copies = structuredClone(batches);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const tx = beginWrite(file, { bulkNew: mode === 'new, built aside' });
      for (const b of copies) tx.apply(b);
      const c1 = process.cpuUsage(c0);
      const t1 = performance.now();
      tx.commit([{ path: csv, sha256: '-', format: 'csv', bytes: 0, counts: '{}', importedAt: 0 }]);
      const c2 = process.cpuUsage(c0);
      const wall = (performance.now() - t0) / 1000;
      const r = results[mode];
      r.apply.push(cpu(c1));
      r.commit.push((performance.now() - t1) / 1000);
      r.total.push(cpu(c2));
      r.wall.push(wall);
      console.log(`round ${round}, ${mode.padEnd(16)}: apply ${cpu(c1).toFixed(2)} s CPU; commit ${((performance.now() - t1) / 1000).toFixed(2)} s wall; all ${cpu(c2).toFixed(2)} s CPU, ${wall.toFixed(2)} s wall`);
      for (const f of fs.readdirSync(dir)) if (f.startsWith(`w-${round}.db`)) fs.rmSync(path.join(dir, f));
    }
  }
  for (const [mode, r] of Object.entries(results)) {
    console.log(`median, ${mode.padEnd(16)}: apply ${median(r.apply).toFixed(2)} s CPU; commit ${median(r.commit).toFixed(2)} s wall; all ${median(r.total).toFixed(2)} s CPU, ${median(r.wall).toFixed(2)} s wall`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
