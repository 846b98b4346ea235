/**
 * Labelled pairs from a simulated world's ground truth (truth.json written by the
 * simulator, tools/sim): random pairs of accounts, the winner being the one that went on to
 * receive more genuine engagement in the window after asOf (ties skipped). The output is
 * an `a,b,winner` CSV for `influence fit` / `influence eval` against the world's database.
 *
 *   npx tsx scripts/sim-pairs.ts TRUTH.json [--pairs 3000] [--seed 1] [--label genuineReactions] > pairs.csv
 */
import fs from 'node:fs';

interface TruthAccount {
  handle: string;
  future: Record<string, number>;
}

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const file = args[0];
if (!file || file.startsWith('--')) throw new Error('usage: npx tsx scripts/sim-pairs.ts TRUTH.json [--pairs N] [--seed N] [--label FIELD]');
const pairs = Number(opt('pairs', '3000'));
const label = opt('label', 'genuineReactions');
let seed = Number(opt('seed', '1')) >>> 0 || 1;
const rand = (): number => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
};
const accounts = (JSON.parse(fs.readFileSync(file, 'utf8')) as { accounts: TruthAccount[] }).accounts;
const rows = ['a,b,winner'];
const seen = new Set<string>();
for (let tries = 0; rows.length - 1 < pairs && tries < pairs * 20; tries++) {
  const a = accounts[Math.floor(rand() * accounts.length)]!;
  const b = accounts[Math.floor(rand() * accounts.length)]!;
  const va = a.future[label] ?? 0;
  const vb = b.future[label] ?? 0;
  const key = a.handle < b.handle ? `${a.handle} ${b.handle}` : `${b.handle} ${a.handle}`;
  if (a === b || va === vb || seen.has(key)) continue;
  seen.add(key);
  rows.push(`${a.handle},${b.handle},${va > vb ? a.handle : b.handle}`);
}
process.stdout.write(`${rows.join('\n')}\n`);
