/**
 * How much counting account ages from the latest account creation (a lower bound of when
 * the profiles were read; engine/audience/classes.ts) costs against the true date, on the
 * labelled accounts (../shared/data/labelled-accounts, read in April 2017). Random audiences
 * of n accounts (a share of them genuine, the rest drawn from the other files), 200 per row:
 * the audience's latest creation is its as-of, as `audit` takes it from a database of
 * profiles alone. Prints, for the same audiences, the people flagged and the rest caught
 * with ages from that bound, from the true date and unknown, and how far the bound fell
 * before the true date; then the whole set each way.
 *
 *   npx tsx bench/audit-as-of-bound.ts
 *
 * The shipped model was fitted on these files, so the rates are in-sample: the experiment
 * measures the as-of's effect, not how the model generalises (models/audience-v1.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyProfile } from '../src/engine/audience/classify.js';
import { readProfileFacts } from '../src/engine/audience/features.js';
import type { AudienceModel } from '../src/engine/audience/model.js';
import { LABELLED_AS_OF, readLabelledAccounts, toAccountColumns } from '../scripts/lib/audience/labelled-accounts.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.join(HERE, '..', '..', 'shared', 'data', 'labelled-accounts');
const DAY = 86_400_000;
const model = JSON.parse(fs.readFileSync(path.join(HERE, '..', 'models', 'audience-v1.json'), 'utf8')) as AudienceModel;
const { accounts } = readLabelledAccounts(DATA);
const cols = toAccountColumns(accounts);
const isFlagged = (c: string) => c === 'fake' || c === 'bot' || c === 'suspicious';

let seed = 7; // a fixed LCG: the same audiences every run
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/** Flag rates of the accounts at `picked` with ages from `asOf`. */
function rates(picked: readonly number[], asOf: number | null): { people: [number, number]; others: [number, number] } {
  const people: [number, number] = [0, 0];
  const others: [number, number] = [0, 0];
  for (const i of picked) {
    const tally = accounts[i]!.label === 0 ? people : others;
    tally[0]++;
    if (isFlagged(classifyProfile(model, readProfileFacts(cols, i, asOf), undefined, false).class)) tally[1]++;
  }
  return { people, others };
}

const pct = ([n, k]: [number, number]) => `${((100 * k) / n).toFixed(1)}%`;
const genuine = accounts.flatMap((a, i) => (a.label === 0 ? [i] : []));
const rest = accounts.flatMap((a, i) => (a.label !== 0 ? [i] : []));
const REPS = 200;
console.log(`${REPS} random audiences per row; people flagged / others caught with ages from: the latest creation (the bound) | the true date | unknown`);
console.log('audience size | genuine share | bound | true date | ages unknown | bound before the true date (days: median, max)');
for (const n of [10, 30, 100, 300, 1000]) {
  for (const share of [0.9, 0.5]) {
    const tallies = [0, 1, 2].map(() => ({ people: [0, 0] as [number, number], others: [0, 0] as [number, number] }));
    const gaps: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const picked = Array.from({ length: n }, () => (random() < share ? genuine : rest)).map((pool) => pool[Math.floor(random() * pool.length)]!);
      const bound = Math.max(...picked.map((i) => cols.createdAt[i]!).filter(Number.isFinite));
      gaps.push((LABELLED_AS_OF - bound) / DAY);
      [bound, LABELLED_AS_OF, null].forEach((asOf, k) => {
        const r = rates(picked, asOf);
        const t = tallies[k]!;
        for (const [into, from] of [[t.people, r.people], [t.others, r.others]] as const) (into[0] += from[0]), (into[1] += from[1]);
      });
    }
    gaps.sort((a, b) => a - b);
    const cells = tallies.map((t) => `${pct(t.people)} / ${pct(t.others)}`).join(' | ');
    console.log(`${n} | ${share} | ${cells} | ${gaps[REPS >> 1]!.toFixed(0)}, ${gaps[REPS - 1]!.toFixed(0)}`);
  }
}
const all = accounts.map((_, i) => i);
const latest = Math.max(...all.map((i) => cols.createdAt[i]!).filter(Number.isFinite));
for (const [name, asOf] of [['the true date', LABELLED_AS_OF], [`the latest creation (${new Date(latest).toISOString().slice(0, 10)})`, latest], ['ages unknown', null]] as const) {
  const r = rates(all, asOf);
  console.log(`all ${accounts.length} from ${name}: people flagged ${pct(r.people)}, others caught ${pct(r.others)}`);
}
