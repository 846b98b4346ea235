/**
 * Temporal and population hold-outs of the audience model: the nearest proxy the labelled
 * files give for the held-back sets of other years and other sources (issue 12), next to the
 * 5-fold CV of the same fitting code.
 *
 * Splits (each model fitted by fitAudienceModel with the shipped options, or `--fit JSON`
 * overrides, on the training accounts alone; class weights recomputed on them):
 *   - per-file halves by creation date: every labelled file cut at its own median creation
 *     date; fitted on each file's older half, judged on the newer half (and the reverse).
 *     Every family is on both sides, so this isolates drift within a family over time.
 *   - one calendar cut (accounts created up to 2012 against after 2012), both ways: the
 *     families are not spread evenly over the years (the bought followers were all created
 *     2013-2016, traditional spambots 1 and 4 all before 2013), so a family missing from
 *     the training side is judged like leave-one-source-out. The harshest proxy of "other
 *     years": neither the people nor the fakes of the test years were seen.
 *   - humans by interface language (the `lang` column; never a feature): fitted on the
 *     English-language people and the inauthentic files' folds 1-4, judged on the other
 *     languages' people (it, es, fr, ...) and fold 0 of the inauthentic files; and the reverse.
 * With one as-of for every file, a split by account age at the as-of is the same split as by
 * creation date; how much the verdicts lean on absolute age is shown instead by judging the
 * CV's out-of-fold accounts at later as-of dates (the same counts, every account older) and
 * with ages unknown.
 *
 * Humans who never like anything: per split, the held-out people flagged as they are, then
 * all of them again with likes given set to 0, and with likes given missing (the column not
 * exported), and the people whose likes given really is 0 (k/n).
 *
 *   npx tsx bench/audit-temporal.ts [--fit JSON] [--skip-cv] [--report FILE]
 *
 * `--report FILE` also writes the tables as markdown (models/audience-holdouts.md).
 * `--fit '{"balancePeople":true}'` fits every model with the people re-weighted so that the
 * English-language and the other-language people weigh the same (models/audience-variants.md).
 * The splits are scripts/lib/audience/holdouts.ts's; bench/audit-people-variants.ts judges
 * variants of the decision rule and the fit on the same splits.
 *
 * 11 fits (5 CV folds, 6 splits), about 20 s of CPU each: 4 minutes on a busy core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decideClass } from '../src/engine/audience/classify.js';
import { applyAudienceModel, type AudienceModel } from '../src/engine/audience/model.js';
import { AUDIENCE_FIT_DEFAULTS, fitAudienceModel, type AudienceFitOptions } from '../scripts/lib/audience/fit.js';
import { crossValidateAudience } from '../scripts/lib/audience/evaluate.js';
import { holdoutSplits } from '../scripts/lib/audience/holdouts.js';
import { LABELLED_AS_OF, LABELLED_FILES, readLabelledAccounts, toLabelledSet, type LabelledAccount } from '../scripts/lib/audience/labelled-accounts.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(HERE, '..', '..', 'shared', 'data', 'labelled-accounts') },
    fit: { type: 'string', default: '{}' },
    'skip-cv': { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});
const options: AudienceFitOptions = { ...AUDIENCE_FIT_DEFAULTS, ...(JSON.parse(args.fit!) as Partial<AudienceFitOptions>) };
const { accounts } = readLabelledAccounts(args.data!);
const SOURCES = LABELLED_FILES.map((f) => f.file.replace(/\.csv$/, ''));
const FAMILIES = SOURCES.filter((s) => s !== 'genuine');
const YEAR_MS = 365.25 * 86_400_000;

/** Feature rows of every account under a view of its profile. */
const rows = (asOf: number | null, edit?: (a: LabelledAccount) => LabelledAccount): Float64Array[] => toLabelledSet(edit ? accounts.map(edit) : accounts, asOf).x;
const VIEWS = {
  given: rows(LABELLED_AS_OF),
  likes0: rows(LABELLED_AS_OF, (a) => ({ ...a, likesGiven: 0 })),
  likesMissing: rows(LABELLED_AS_OF, (a) => ({ ...a, likesGiven: NaN })),
  plus2y: rows(LABELLED_AS_OF + 2 * YEAR_MS),
  plus5y: rows(LABELLED_AS_OF + 5 * YEAR_MS),
  agesUnknown: rows(null),
};
type View = keyof typeof VIEWS;
const flagged = (model: AudienceModel, view: View, i: number): boolean => decideClass(model, applyAudienceModel(model, VIEWS[view][i]!)).class !== 'real';

const fit = (train: number[], name: string): AudienceModel =>
  fitAudienceModel(toLabelledSet(train.map((i) => accounts[i]!), LABELLED_AS_OF), options, { version: name, description: '', provenance: {} });

/** One judged split: the test accounts and the model (per test account) that judges each. */
interface Judged {
  name: string;
  test: number[];
  modelOf: (i: number) => AudienceModel;
}

const lines: string[] = [];
const say = (line: string): void => {
  lines.push(line);
  console.log(line);
};
const pct = (k: number, n: number): string => (n ? `${((100 * k) / n).toFixed(1)}%` : '-');
const share = (list: number[], pred: (i: number) => boolean): [number, number] => [list.filter(pred).length, list.length];

function row(j: Judged, view: View): { cells: string[]; worst: number; people: number } {
  const people = j.test.filter((i) => accounts[i]!.label === 0);
  const [pk, pn] = share(people, (i) => flagged(j.modelOf(i), view, i));
  let worst = Infinity;
  const fams = FAMILIES.map((s) => {
    const members = j.test.filter((i) => accounts[i]!.source === s);
    const [k, n] = share(members, (i) => flagged(j.modelOf(i), view, i));
    if (n >= 20) worst = Math.min(worst, k / n);
    return n ? `${pct(k, n)} (${n})` : '-';
  });
  const inauth = j.test.filter((i) => accounts[i]!.label !== 0);
  const [ak, an] = share(inauth, (i) => flagged(j.modelOf(i), view, i));
  return { cells: [`${pct(pk, pn)} (${pn})`, ...fams, pct(ak, an), Number.isFinite(worst) ? `${(100 * worst).toFixed(1)}%` : '-'], worst, people: pk / pn };
}

function likesRow(j: Judged): string[] {
  const people = j.test.filter((i) => accounts[i]!.label === 0);
  const f = (view: View) => {
    const [k, n] = share(people, (i) => flagged(j.modelOf(i), view, i));
    return pct(k, n);
  };
  const zero = people.filter((i) => accounts[i]!.likesGiven === 0);
  const [zk, zn] = share(zero, (i) => flagged(j.modelOf(i), 'given', i));
  const inauth = j.test.filter((i) => accounts[i]!.label !== 0);
  const [mk, mn] = share(inauth, (i) => flagged(j.modelOf(i), 'likesMissing', i));
  return [`${pct(people.filter((i) => flagged(j.modelOf(i), 'given', i)).length, people.length)}`, f('likes0'), f('likesMissing'), `${zk}/${zn}`, pct(mk, mn)];
}

const all = accounts.map((_, i) => i);
const judged: Judged[] = [];

// 5-fold CV, the same folds and code as scripts/fit-audience.ts
const set = toLabelledSet(accounts, LABELLED_AS_OF);
let cvJudged: Judged | null = null;
if (!args['skip-cv']) {
  const cv = crossValidateAudience(set, options, 5);
  cvJudged = { name: '5-fold CV', test: all, modelOf: (i) => cv.models[cv.folds[i]!]! };
  judged.push(cvJudged);
}

// the six hold-out splits (scripts/lib/audience/holdouts.ts)
const { splits, older, newer, after2012, median } = holdoutSplits(accounts, set);
const medianOf = new Map(SOURCES.map((s) => [s, median.get(set.sources.indexOf(s))!]));
for (const s of splits) {
  const model = fit(s.train, s.name);
  judged.push({ name: s.name, test: s.test, modelOf: () => model });
}

say(`fit options: ${args.fit}`);
say(`per-file median creation dates: ${SOURCES.map((s) => `${s} ${new Date(medianOf.get(s)!).toISOString().slice(0, 10)}`).join(', ')}`);
say('');
say('## Caught per family and people flagged, held out (n held out in brackets)');
say('');
say(`| split | people flagged | ${FAMILIES.join(' | ')} | all non-genuine | worst family (n >= 20) |`);
say(`|---|${'---:|'.repeat(FAMILIES.length + 3)}`);
for (const j of judged) say(`| ${j.name} | ${row(j, 'given').cells.join(' | ')} |`);
if (cvJudged) {
  for (const [view, label] of [
    ['plus2y', '5-fold CV, as-of 2 years later (every account 2 years older)'],
    ['plus5y', '5-fold CV, as-of 5 years later'],
    ['agesUnknown', '5-fold CV, ages unknown'],
  ] as const)
    say(`| ${label} | ${row(cvJudged, view).cells.join(' | ')} |`);
}
say('');
say('## Humans who never like anything (held-out people of each split)');
say('');
say('| split | people flagged, as given | all with 0 likes given | all with likes given missing | people with 0 likes given, flagged | non-genuine caught, likes missing |');
say('|---|---:|---:|---:|---:|---:|');
for (const j of judged) say(`| ${j.name} | ${likesRow(j).join(' | ')} |`);
say('');
say('## Why the held-out people were flagged (counts; one person can have several causes)');
say('');
const MEASURES = options.envelope.map((e) => e.measure);
say(`| split | people flagged | P(real) below the real threshold | mass-follower | ${MEASURES.map((m) => `beyond ${m}`).join(' | ')} |`);
say(`|---|${'---:|'.repeat(MEASURES.length + 3)}`);
for (const j of judged) {
  const people = j.test.filter((i) => accounts[i]!.label === 0 && flagged(j.modelOf(i), 'given', i));
  const outs = people.map((i) => applyAudienceModel(j.modelOf(i), VIEWS.given[i]!));
  const logit = outs.filter((o) => o.p.real < o.submodel.real).length;
  const mass = outs.filter((o) => o.massFollower).length;
  const edges = MEASURES.map((m) => outs.filter((o) => o.outside.some((r) => r.measure === m)).length);
  say(`| ${j.name} | ${people.length} | ${logit} | ${mass} | ${edges.join(' | ')} |`);
}
say('');
say("## Each split's model: the people's edges (set from the training people alone; CV: lowest-highest of the 5 folds)");
say('');
say(`| split | mass-following count | ${MEASURES.map((m) => `${m} edge`).join(' | ')} |`);
say(`|---|${'---:|'.repeat(MEASURES.length + 1)}`);
for (const j of judged) {
  const models = [...new Set(j.test.map((i) => j.modelOf(i)))];
  const range = (vals: number[]) => {
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    return lo === hi ? `${lo}` : `${lo} to ${hi}`;
  };
  const edges = MEASURES.map((m) => range(models.map((mm) => mm.envelope!.find((e) => e.measure === m)!.threshold)));
  say(`| ${j.name} | ${range(models.map((mm) => mm.massFollowing))} | ${edges.join(' | ')} |`);
}
say('');
say('## People flagged by interface language (held-out people of each split; languages with 30+ people)');
say('');
const LANGS = [...new Set(accounts.filter((a) => a.label === 0).map((a) => a.lang))].filter((l) => accounts.filter((a) => a.label === 0 && a.lang === l).length >= 30).sort();
say(`| split | ${LANGS.join(' | ')} |`);
say(`|---|${'---:|'.repeat(LANGS.length)}`);
for (const j of judged) {
  const cells = LANGS.map((l) => {
    const people = j.test.filter((i) => accounts[i]!.label === 0 && accounts[i]!.lang === l);
    const [k, n] = share(people, (i) => flagged(j.modelOf(i), 'given', i));
    return n ? `${pct(k, n)} (${n})` : '-';
  });
  say(`| ${j.name} | ${cells.join(' | ')} |`);
}
say('');
say('## The people by interface language: likes given');
say('');
say('| language | people | median likes given | with 0 likes given | with under 10 |');
say('|---|---:|---:|---:|---:|');
for (const l of LANGS) {
  const likes = accounts.filter((a) => a.label === 0 && a.lang === l).map((a) => a.likesGiven).filter(Number.isFinite).sort((x, y) => x - y);
  say(`| ${l} | ${likes.length} | ${likes[Math.floor(likes.length / 2)]} | ${pct(likes.filter((v) => v === 0).length, likes.length)} | ${pct(likes.filter((v) => v < 10).length, likes.length)} |`);
}
say('');
say('## Following counts by creation half (the mass-following count is an absolute count)');
say('');
const massFollowing = (JSON.parse(fs.readFileSync(path.join(HERE, '..', 'models', 'audience-v1.json'), 'utf8')) as AudienceModel).massFollowing;
say(`n, the median following, and the share at or above the shipped model's mass-following count (${massFollowing}).`);
say('');
say('| file | older half: n, median following, at the count | newer half | created after 2012 |');
say('|---|---:|---:|---:|');
for (const s of SOURCES) {
  const cell = (list: number[]) => {
    const f = list.filter((i) => accounts[i]!.source === s).map((i) => accounts[i]!.following).filter(Number.isFinite).sort((x, y) => x - y);
    return f.length ? `${f.length}, ${f[Math.floor(f.length / 2)]}, ${pct(f.filter((v) => v >= massFollowing).length, f.length)}` : '-';
  };
  say(`| ${s} | ${cell(older)} | ${cell(newer)} | ${cell(after2012)} |`);
}
if (args.report) {
  const header = [
    '# Audience model: temporal and population hold-outs',
    '',
    'Generated by `npx tsx bench/audit-temporal.ts --report models/audience-holdouts.md` (the module comment says what each split is).',
    'The proxy, on the labelled files, for held-back sets of other years and other sources: each model is fitted with the',
    "shipped fit's code and options on the training side of the split only and judged on the other side; \"flagged\" = suspicious, fake or bot.",
    '',
  ];
  fs.writeFileSync(args.report, `${[...header, ...lines].join('\n')}\n`);
}
