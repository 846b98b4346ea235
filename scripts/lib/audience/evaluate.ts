/**
 * Cross-validation of the audience model on labelled accounts, and the baselines it is
 * judged against.
 *
 * Folds: deterministic and stratified by source file: within each source the examples are
 * ordered by a hash of (seed, key) and dealt to folds in turn, so every fold holds the same
 * share of every file. Each fold's model is fitted, and its thresholds chosen, on the other
 * folds only (fit.ts), then applied to the held-out fold: the out-of-fold verdicts are what
 * a model fitted without those accounts says about them.
 *
 * Baseline: one feature and one threshold, set on the training folds at the same share of
 * real accounts flagged as the model's `real` threshold (e.g. the follower/following ratio
 * alone: flag when log10((followers+1)/(following+1)) is below the 2nd percentile of
 * people's), evaluated on the held-out fold the same way.
 *
 * Example: 5 folds of 13,493 accounts -> 5 fits, each on ~10,800, judged on ~2,700.
 */
import { PROFILE_FEATURES, type ProfileFeature } from '../../../src/engine/audience/features.js';
import { applyAudienceModel, type AudienceClass, type AudienceModel } from '../../../src/engine/audience/model.js';
import { decideClass } from '../../../src/engine/audience/classify.js';
import { fitAudienceModel, type AudienceFitOptions, type LabelledFeatures } from './fit.js';

/** Labelled features with where each example came from. */
export interface LabelledSet extends LabelledFeatures {
  /** source index per example (into `sources`) */
  source: Uint16Array;
  sources: string[];
  /** a stable key per example (the platform id), for fold assignment */
  key: string[];
}

/** FNV-1a of a string, mixed with a seed: a stable 32-bit hash. */
function hashKey(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Leave one source out: per inauthentic source (every source but 'genuine'), the examples a
 * model is trained on (every other source, and the genuine accounts outside fold 0) and the
 * ones it is judged on (the held-out source and genuine fold 0).
 */
export function leaveOneSourceOutSplits(set: Pick<LabelledSet, 'source' | 'sources'>, folds: Uint8Array): { held: string; h: number; train: number[]; test: number[] }[] {
  const genuine = set.sources.indexOf('genuine');
  return set.sources
    .filter((s) => s !== 'genuine')
    .map((held) => {
      const h = set.sources.indexOf(held);
      const train: number[] = [];
      const test: number[] = [];
      for (let i = 0; i < set.source.length; i++) {
        if (set.source[i] === h || (set.source[i] === genuine && folds[i] === 0)) test.push(i);
        else train.push(i);
      }
      return { held, h, train, test };
    });
}

/** Fold of each example (0..k-1), stratified by source (see the module comment). */
export function assignFolds(set: Pick<LabelledSet, 'source' | 'key'>, k: number, seed = 1): Uint8Array {
  const folds = new Uint8Array(set.key.length);
  const bySource = new Map<number, number[]>();
  set.source.forEach((s, i) => {
    const list = bySource.get(s) ?? [];
    list.push(i);
    bySource.set(s, list);
  });
  for (const list of bySource.values()) {
    list.sort((a, b) => hashKey(seed, set.key[a]!) - hashKey(seed, set.key[b]!) || a - b);
    list.forEach((i, rank) => (folds[i] = rank % k));
  }
  return folds;
}

/** The examples of `set` at `indices`. */
export function subset(set: LabelledFeatures, indices: number[]): LabelledFeatures {
  const out: LabelledFeatures = { x: indices.map((i) => set.x[i]!), y: Uint8Array.from(indices, (i) => set.y[i]!), weight: Float64Array.from(indices, (i) => set.weight[i]!), archetypes: set.archetypes };
  if (set.peopleGroup) out.peopleGroup = Uint8Array.from(indices, (i) => set.peopleGroup![i]!);
  return out;
}

/** The examples at `indices` with archetype `name` left out of the model (none of them may carry it). */
export function subsetWithout(set: LabelledFeatures, indices: number[], name: string): LabelledFeatures {
  const drop = set.archetypes.findIndex((a) => a.name === name);
  const sub = subset(set, indices);
  if (drop < 0) return sub;
  return { ...sub, archetypes: set.archetypes.filter((_, k) => k !== drop), y: Uint8Array.from(sub.y, (y) => (y > drop + 1 ? y - 1 : y)) };
}

/** P(real) of each example under a model. */
export function predictReal(model: AudienceModel, x: readonly Float64Array[]): Float64Array {
  return Float64Array.from(x, (row) => applyAudienceModel(model, row).p.real);
}

/** Out-of-fold models: one per fold, fitted on the other folds. */
export interface CrossValidation {
  k: number;
  folds: Uint8Array;
  models: AudienceModel[];
}

/** Fits one model per fold (see the module comment). */
export function crossValidateAudience(set: LabelledSet, options: AudienceFitOptions, k = 5, seed = 1): CrossValidation {
  const folds = assignFolds(set, k, seed);
  const models: AudienceModel[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    folds.forEach((fold, i) => fold !== f && train.push(i));
    models.push(fitAudienceModel(subset(set, train), options, { version: `cv-fold-${f}`, description: '', provenance: {} }));
  }
  return { k, folds, models };
}

/** Features to hide at prediction time (what a poorer export lacks). */
export type FeatureMask = readonly ProfileFeature[];

/** Out-of-fold classes of every example, with `hide` features treated as unknown. */
export function outOfFoldClasses(set: LabelledSet, cv: CrossValidation, hide: FeatureMask = []): AudienceClass[] {
  const hidden = hide.map((name) => PROFILE_FEATURES.indexOf(name));
  return set.x.map((row, i) => {
    const x = Float64Array.from(row);
    for (const j of hidden) x[j] = NaN;
    return decideClass(cv.models[cv.folds[i]!]!, applyAudienceModel(cv.models[cv.folds[i]!]!, x)).class;
  });
}

/** The verdict class an example's label stands for. */
export function trueClass(set: LabelledFeatures, i: number): 'real' | 'fake' | 'bot' {
  const y = set.y[i]!;
  return y === 0 ? 'real' : set.archetypes[y - 1]!.class;
}

/** Verdict counts per source, and per true class. */
export interface ConfusionRow {
  name: string;
  n: number;
  counts: Record<AudienceClass, number>;
  /** share called suspicious, fake or bot */
  flagged: number;
}

const EMPTY = (): Record<AudienceClass, number> => ({ real: 0, suspicious: 0, fake: 0, bot: 0, unknown: 0 });

/** Confusion rows: one per source, then one per true class (real, fake, bot). */
export function confusion(set: LabelledSet, classes: readonly AudienceClass[]): { bySource: ConfusionRow[]; byClass: ConfusionRow[] } {
  const make = (name: string, members: number[]): ConfusionRow => {
    const counts = EMPTY();
    for (const i of members) counts[classes[i]!]++;
    const flagged = members.length ? (counts.suspicious + counts.fake + counts.bot) / members.length : 0;
    return { name, n: members.length, counts, flagged: Number(flagged.toFixed(4)) };
  };
  const idx = (pred: (i: number) => boolean): number[] => {
    const out: number[] = [];
    for (let i = 0; i < set.y.length; i++) if (pred(i)) out.push(i);
    return out;
  };
  return {
    bySource: set.sources.map((name, s) => make(name, idx((i) => set.source[i] === s))),
    byClass: (['real', 'fake', 'bot'] as const).map((name) => make(name, idx((i) => trueClass(set, i) === name))),
  };
}

/** The largest value v with at most `allowed` of the sorted values <= v (-Infinity when none). */
function cutBelow(sorted: number[], allowed: number): number {
  let cut = -Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1] === v) end++;
    if (end + 1 > allowed) break;
    cut = v;
    i = end;
  }
  return cut;
}

/** The smallest value v with at most `allowed` of the sorted values >= v (Infinity when none). */
function cutAbove(sorted: number[], allowed: number): number {
  return -cutBelow(sorted.map((v) => -v).reverse(), allowed);
}

/** One single-feature baseline's out-of-fold result. */
export interface BaselineResult {
  feature: ProfileFeature;
  /** flag when the feature is below (or above) the threshold */
  direction: 'below' | 'above';
  /** share flagged per source, out of fold */
  flaggedBySource: Record<string, number>;
  flaggedByClass: { real: number; fake: number; bot: number };
}

/**
 * A one-feature threshold rule evaluated out of fold at `rate` of real training accounts
 * flagged. The direction is the side where the training fakes and bots lie (by mean);
 * an unknown value is never flagged.
 */
export function singleFeatureBaseline(set: LabelledSet, folds: Uint8Array, k: number, feature: ProfileFeature, rate: number): BaselineResult {
  const j = PROFILE_FEATURES.indexOf(feature);
  const flagged = new Uint8Array(set.x.length);
  let below = true;
  for (let f = 0; f < k; f++) {
    const realVals: number[] = [];
    let sumReal = 0;
    let sumOther = 0;
    let nOther = 0;
    set.x.forEach((row, i) => {
      if (folds[i] === f || Number.isNaN(row[j]!)) return;
      if (set.y[i] === 0) {
        realVals.push(row[j]!);
        sumReal += row[j]!;
      } else {
        sumOther += row[j]!;
        nOther++;
      }
    });
    realVals.sort((a, b) => a - b);
    below = sumOther / Math.max(1, nOther) < sumReal / Math.max(1, realVals.length);
    // the loosest cut that flags at most `rate` of the real training accounts (ties kept together)
    const allowed = Math.floor(rate * realVals.length);
    const cut = below ? cutBelow(realVals, allowed) : cutAbove(realVals, allowed);
    set.x.forEach((row, i) => {
      if (folds[i] !== f || Number.isNaN(row[j]!)) return;
      flagged[i] = below ? (row[j]! <= cut ? 1 : 0) : row[j]! >= cut ? 1 : 0;
    });
  }
  const share = (pred: (i: number) => boolean): number => {
    let n = 0;
    let hit = 0;
    for (let i = 0; i < flagged.length; i++) if (pred(i)) (n++, (hit += flagged[i]!));
    return Number((n ? hit / n : 0).toFixed(4));
  };
  const flaggedBySource: Record<string, number> = {};
  set.sources.forEach((name, s) => (flaggedBySource[name] = share((i) => set.source[i] === s)));
  const byClass = (c: 'real' | 'fake' | 'bot') => share((i) => trueClass(set, i) === c);
  return { feature, direction: below ? 'below' : 'above', flaggedBySource, flaggedByClass: { real: byClass('real'), fake: byClass('fake'), bot: byClass('bot') } };
}

/**
 * Each source cut at its own median creation date: `older` the examples created before it,
 * `newer` those created at or after it (the median itself is the first of the newer half;
 * an example without a date is in neither). For the temporal hold-out (bench/audit-temporal.ts):
 * fitted on every file's older half and judged on the newer half, every family is on both
 * sides, so what changes between them is only when the accounts were made.
 * Example: one source created on days 1, 2, 3, 4, 5 -> median day 3; older [1, 2], newer [3, 4, 5].
 */
export function creationHalves(source: ArrayLike<number>, createdAt: ArrayLike<number>): { older: number[]; newer: number[]; median: Map<number, number> } {
  const times = new Map<number, number[]>();
  for (let i = 0; i < source.length; i++) {
    if (!Number.isFinite(createdAt[i]!)) continue;
    const list = times.get(source[i]!) ?? [];
    list.push(createdAt[i]!);
    times.set(source[i]!, list);
  }
  const median = new Map<number, number>();
  for (const [s, list] of times) median.set(s, list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
  const older: number[] = [];
  const newer: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (!Number.isFinite(createdAt[i]!)) continue;
    (createdAt[i]! < median.get(source[i]!)! ? older : newer).push(i);
  }
  return { older, newer, median };
}
