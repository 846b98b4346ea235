/**
 * Converts a KONECT temporal edge list (`out.*`: lines `from to weight unix_time`, `%`
 * comments) into the generic interactions CSV (`actor,target,kind,created_at`) that
 * `influence eval --engagement` and `influence import` read. Each line becomes one row of
 * the given kind (default reply: the Digg replies are replies), handles `u<id>`.
 *
 *   npx tsx scripts/konect-to-interactions.ts ../shared/data/engagement/digg-replies/out.munmun_digg_reply [--kind reply] > digg.csv
 */
import fs from 'node:fs';
import { readKonect } from './lib/konect.js';

const args = process.argv.slice(2);
const file = args[0];
if (!file || file.startsWith('--')) {
  process.stderr.write('usage: npx tsx scripts/konect-to-interactions.ts OUT_FILE [--kind reply] > interactions.csv\n');
  process.exit(2);
}
const k = args.indexOf('--kind');
const kind = k >= 0 ? args[k + 1]! : 'reply';
const rows = readKonect(fs.readFileSync(file, 'utf8'), file, kind);
const out = ['actor,target,kind,created_at'];
for (const r of rows) out.push(`${r.actor},${r.target},${r.kind},${new Date(r.createdAt).toISOString()}`);
process.stdout.write(`${out.join('\n')}\n`);
