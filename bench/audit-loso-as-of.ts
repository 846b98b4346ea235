/**
 * Leave-one-source-out (as in scripts/fit-audience.ts) with the held-out accounts judged the
 * way `audit` judges a database of profiles alone: ages counted from the latest account
 * creation among them (a lower bound of when they were read; engine/audience/classes.ts),
 * beside the true date (the fit's own LOSO) and unknown ages. Each family is judged with
 * the genuine accounts of fold 0 by a model fitted on every other file (the shipped fit
 * options, AUDIENCE_FIT_DEFAULTS), trained at the true date.
 *
 *   npx tsx bench/audit-loso-as-of.ts
 *
 * A few minutes: seven fits.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideClass } from '../src/engine/audience/classify.js';
import { applyAudienceModel } from '../src/engine/audience/model.js';
import { AUDIENCE_FIT_DEFAULTS, fitAudienceModel } from '../scripts/lib/audience/fit.js';
import { assignFolds, leaveOneSourceOutSplits, subsetWithout } from '../scripts/lib/audience/evaluate.js';
import { LABELLED_AS_OF, readLabelledAccounts, toLabelledSet } from '../scripts/lib/audience/labelled-accounts.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { accounts } = readLabelledAccounts(path.join(HERE, '..', '..', 'shared', 'data', 'labelled-accounts'));
const set = toLabelledSet(accounts, LABELLED_AS_OF);
const folds = assignFolds(set, 5);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const ways = ['true date', 'latest creation', 'ages unknown'] as const;
const sums = ways.map(() => ({ caught: 0, people: 0 }));
console.log(`family | n | ${ways.map((w) => `${w}: caught / people flagged`).join(' | ')} | latest creation`);
const splits = leaveOneSourceOutSplits(set, folds);
for (const { held, train, test } of splits) {
  const model = fitAudienceModel(subsetWithout(set, train, held), AUDIENCE_FIT_DEFAULTS, { version: 'loso', description: '', provenance: {} });
  const list = test.map((i) => accounts[i]!);
  const bound = Math.max(...list.map((a) => a.createdAt).filter(Number.isFinite));
  const cells = [LABELLED_AS_OF, bound, null].map((asOf, w) => {
    const rows = toLabelledSet(list, asOf).x;
    let fam = 0;
    let famCaught = 0;
    let people = 0;
    let peopleFlagged = 0;
    rows.forEach((x, k) => {
      const flagged = decideClass(model, applyAudienceModel(model, x)).class !== 'real';
      if (list[k]!.label === 0) (people++, (peopleFlagged += +flagged));
      else (fam++, (famCaught += +flagged));
    });
    sums[w]!.caught += famCaught / fam;
    sums[w]!.people += peopleFlagged / people;
    return `${pct(famCaught / fam)} / ${pct(peopleFlagged / people)}`;
  });
  console.log(`${held} | ${test.length} | ${cells.join(' | ')} | ${new Date(bound).toISOString().slice(0, 10)}`);
}
console.log(`mean over families | | ${sums.map((s) => `${pct(s.caught / splits.length)} / ${pct(s.people / splits.length)}`).join(' | ')} |`);
