/**
 * The hold-out splits of the labelled accounts that stand in for the held-back sets of other
 * years and other sources (issue 12): shared by bench/audit-temporal.ts (the shipped fit on
 * each split) and bench/audit-people-variants.ts (variants of the model on the same splits).
 *
 *   - per-file halves by creation date: every file cut at its own median creation date
 *     (evaluate.ts creationHalves); older half -> newer half, and back;
 *   - one calendar cut: accounts created up to 2012 against after 2012, both ways;
 *   - the people by interface language (`lang`; never a feature): the English-language people
 *     and folds 1-4 of the inauthentic files against the other languages' people and fold 0
 *     of the inauthentic files (folds of assignFolds(set, 5), stratified by file), both ways.
 *
 * Example: a person with lang 'it' is in the test side of "English-language people -> other
 * languages" and the training side of the reverse; a bot in fold 0 is in both test sides.
 */
import { assignFolds, creationHalves, type LabelledSet } from './evaluate.js';
import { englishInterface, type LabelledAccount } from './labelled-accounts.js';

/** One split: fitted on `train` (indices into the accounts), judged on `test`. */
export interface HoldoutSplit {
  name: string;
  train: number[];
  test: number[];
}

/** The calendar cut of the "up to 2012 / after 2012" splits. */
export const CALENDAR_CUT = Date.UTC(2013, 0, 1);

/** The six hold-out splits, with the halves and the per-file median creation dates they come from. */
export function holdoutSplits(accounts: readonly LabelledAccount[], set: Pick<LabelledSet, 'source' | 'sources' | 'key'>): { splits: HoldoutSplit[]; older: number[]; newer: number[]; after2012: number[]; median: Map<number, number> } {
  const all = accounts.map((_, i) => i);
  const dated = all.filter((i) => Number.isFinite(accounts[i]!.createdAt));
  const { older, newer, median } = creationHalves(set.source, Float64Array.from(accounts, (a) => a.createdAt));
  const upTo2012 = dated.filter((i) => accounts[i]!.createdAt < CALENDAR_CUT);
  const after2012 = dated.filter((i) => accounts[i]!.createdAt >= CALENDAR_CUT);
  const folds = assignFolds(set, 5);
  const inauthTrain = all.filter((i) => accounts[i]!.label !== 0 && folds[i] !== 0);
  const inauthTest = all.filter((i) => accounts[i]!.label !== 0 && folds[i] === 0);
  const peopleEn = all.filter((i) => accounts[i]!.label === 0 && englishInterface(accounts[i]!));
  const peopleOther = all.filter((i) => accounts[i]!.label === 0 && !englishInterface(accounts[i]!));
  const splits: HoldoutSplit[] = [
    { name: 'older half of each file -> newer half', train: older, test: newer },
    { name: 'newer half of each file -> older half', train: newer, test: older },
    { name: 'created up to 2012 -> after 2012', train: upTo2012, test: after2012 },
    { name: 'created after 2012 -> up to 2012', train: after2012, test: upTo2012 },
    { name: 'English-language people -> other languages', train: [...peopleEn, ...inauthTrain], test: [...peopleOther, ...inauthTest] },
    { name: 'other-language people -> English', train: [...peopleOther, ...inauthTrain], test: [...peopleEn, ...inauthTest] },
  ];
  return { splits, older, newer, after2012, median };
}
