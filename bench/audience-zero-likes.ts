/**
 * How common accounts that never liked anything are in each labelled file, by the year the
 * account was created, with the median likes given. Two edges of the audit's people's
 * envelope are likes (likes per post, likes a day): an account with no likes at all lies
 * beyond them, so a population of humans who like less than the training humans would have
 * more of them flagged (README, "The audience model").
 *   npx tsx bench/audience-zero-likes.ts [--data DIR]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readLabelledAccounts } from '../scripts/lib/audience/labelled-accounts.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({ options: { data: { type: 'string', default: path.resolve(ROOT, '..', 'shared/data/labelled-accounts') } } });
const { accounts } = readLabelledAccounts(args.data!);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const bySource = new Map<string, Map<string, number[]>>();
for (const a of accounts) {
  if (!Number.isFinite(a.likesGiven)) continue;
  const year = Number.isFinite(a.createdAt) ? String(new Date(a.createdAt).getUTCFullYear()) : 'unknown';
  const years = bySource.get(a.source) ?? bySource.set(a.source, new Map()).get(a.source)!;
  (years.get(year) ?? years.set(year, []).get(year)!).push(a.likesGiven);
}
console.log('source: per creation year, accounts (share with 0 likes given, median likes given)');
for (const [source, years] of bySource) {
  const all = [...years.values()].flat();
  const cells = [...years].sort(([x], [y]) => (x < y ? -1 : 1)).map(([y, likes]) => `${y} ${likes.length} (${((100 * likes.filter((l) => l === 0).length) / likes.length).toFixed(0)}%, ${median(likes)})`);
  console.log(`${source}: all ${all.length} (${((100 * all.filter((l) => l === 0).length) / all.length).toFixed(1)}% with 0, median ${median(all)}); ${cells.join('; ')}`);
}
