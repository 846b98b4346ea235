/**
 * npm run bench:import (third part) — reading stays linear in the size of a record that
 * does not end: an unterminated CSV quote, a CSV or NDJSON line without a newline, one big
 * JSON record. Before issue 13 the pending text was re-joined and re-scanned per 64 KiB
 * chunk (40 MB 7.8 s, 80 MB 28 s, 160 MB 125 s). Each case is timed at 2, 4, 8 and 16 MB
 * (below the 16 MiB record limit, past which the reader stops), in CPU ms per MB; linear reading keeps the
 * time per MB flat, quadratic reading would multiply it by 8 from 2 to 16 MB.
 *
 *   npx tsx bench/read-linear.ts
 */
import os from 'node:os';
import { Readable } from 'node:stream';
import { readCsvRecords } from '../src/import/generic/csv-reader.js';
import { readLines } from '../src/import/read-lines.js';
import { JsonScanner } from '../src/import/json/json-scanner.js';
import { describeMachine } from './machine.js';

const CHUNK = 64 * 1024;
const chunks = (buf: Buffer) => Readable.from((function* () {
  for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, i + CHUNK);
})());

const cases: Record<string, (mb: number) => Promise<void>> = {
  'CSV unterminated quote': async (mb) => {
    const buf = Buffer.from(`handle,bio\nx,"${'a,b\n'.repeat((mb * 1e6) / 4)}`);
    for await (const _ of readCsvRecords(chunks(buf), 'bench.csv'));
  },
  'CSV line without newline': async (mb) => {
    const buf = Buffer.from(`handle,bio\nx,${'abcd'.repeat((mb * 1e6) / 4)}`);
    for await (const _ of readCsvRecords(chunks(buf), 'bench.csv'));
  },
  'NDJSON line without newline': async (mb) => {
    const buf = Buffer.from(`{"handle":"${'abcd'.repeat((mb * 1e6) / 4)}`);
    for await (const _ of readLines(chunks(buf)));
  },
  'JSON record of one big string': async (mb) => {
    const buf = Buffer.from(`[{"handle":"x","bio":"${'ab\\"'.repeat((mb * 1e6) / 4)}"}]`);
    const scanner = new JsonScanner({ select: (p) => p.length === 1, onItem: () => undefined, onProblem: () => undefined });
    for (let i = 0; i < buf.length; i += CHUNK) scanner.push(buf.subarray(i, i + CHUNK));
    scanner.end();
  },
};

console.log(`machine: ${describeMachine()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
let worst = 0;
for (const [name, run] of Object.entries(cases)) {
  const perMb: number[] = [];
  for (const mb of [2, 4, 8, 16]) {
    // the best of 3 (after a warm-up): the machine is shared, and a pause is not the reader's
    await run(mb);
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      // CPU time of this thread, not wall time: other sessions share the cores
      const start = process.cpuUsage();
      await run(mb);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1e3 / mb);
    }
    perMb.push(best);
  }
  const growth = perMb[3]! / perMb[0]!;
  worst = Math.max(worst, growth);
  console.log(`${name}: ${perMb.map((t, i) => `${2 ** (i + 1)} MB ${t.toFixed(1)} ms/MB`).join(', ')}; 16 MB vs 2 MB per MB: ${growth.toFixed(2)}x`);
}
console.log(`worst growth of time per MB from 2 to 16 MB: ${worst.toFixed(2)}x (linear ~1x, quadratic ~8x; target < 2x) ${worst < 2 ? 'ok' : 'MISSED'}`);
