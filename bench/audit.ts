/**
 * `npm run bench:audit`: `influence audit` of an account with 100,000 followers (generated
 * profiles with every profile column and follow times: bench/lib/audience-profiles.ts),
 * from the database: seconds, CPU and peak RSS of the audit command alone, in a child
 * process running the built CLI, after a timed import. Also the text view, to show the
 * per-follower work is not only JSON.
 *
 *   npx tsx bench/audit.ts [--followers 100000] [--regenerate]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { writeAudienceBench } from './lib/audience-profiles.js';
import { describeMachine } from './machine.js';
import { timeCli } from './run-cli.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { followers: { type: 'string', default: '100000' }, regenerate: { type: 'boolean', default: false } } });
const n = Number(values.followers);
const AS_OF = '2026-06-30';
const dir = path.join(HERE, 'out', `audit-${n}`);
const db = path.join(dir, 'audit.db');

if (values.regenerate || !fs.existsSync(db)) {
  fs.rmSync(dir, { recursive: true, force: true });
  const files = writeAudienceBench(dir, n, 'target', Date.parse(`${AS_OF}T00:00:00Z`));
  const imp = timeCli(['import', '--db', db, '--network', 'twitter', '--quiet', files.accounts, files.follows]);
  if (imp.code !== 0) throw new Error(`import failed: ${imp.stderr}`);
  console.log(`import of ${n.toLocaleString('en-US')} follower profiles + follows: ${imp.seconds.toFixed(2)} s (CPU ${imp.cpuSeconds.toFixed(2)} s), peak RSS ${Math.round(imp.peakRssMb)} MB`);
}

const rows: string[] = [];
for (const [label, args] of [
  ['audit --json', ['audit', '--db', db, '@target', '--as-of', AS_OF, '--json']],
  ['audit (text)', ['audit', '--db', db, '@target', '--as-of', AS_OF, '--plain']],
] as const) {
  const run = timeCli([...args]);
  if (run.code !== 0) throw new Error(`${label} failed: ${run.stderr}`);
  const summary = label === 'audit --json' ? (JSON.parse(run.stdout) as { followers: number; summary: Record<string, unknown>; growth: { burst: boolean }[] }) : null;
  rows.push(`| ${label} | ${run.seconds.toFixed(2)} | ${run.cpuSeconds.toFixed(2)} | ${Math.round(run.peakRssMb)} |`);
  if (summary) console.log(`followers ${summary.followers.toLocaleString('en-US')}, summary ${JSON.stringify(summary.summary)}, bursts ${summary.growth.filter((p) => p.burst).length}`);
}
console.log(`\nmachine: ${describeMachine()}\n`);
console.log('| command (100,000 followers) | seconds | CPU s | peak RSS MB |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(r);
