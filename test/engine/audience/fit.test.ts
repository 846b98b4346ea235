/**
 * The audience fitter on small made-up data (properties only: the real fit is
 * scripts/fit-audience.ts on the labelled accounts): it finds the direction the
 * data shows, keeps sign constraints, is deterministic, its thresholds hold the false-flag
 * rate on the training people, and the folds are stratified by source.
 */
import { describe, expect, it } from 'vitest';
import { PROFILE_FEATURES } from '../../../src/engine/audience/features.js';
import { AUDIENCE_FIT_DEFAULTS, balancePeopleWeights, buildDesign, fitAudienceModel, fitEnvelope, fitStandardisation, hideEvidence, type LabelledFeatures } from '../../../scripts/lib/audience/fit.js';
import { assignFolds, creationHalves, singleFeatureBaseline, subset, subsetWithout, type LabelledSet } from '../../../scripts/lib/audience/evaluate.js';
import { CALENDAR_CUT, holdoutSplits } from '../../../scripts/lib/audience/holdouts.js';
import type { LabelledAccount } from '../../../scripts/lib/audience/labelled-accounts.js';
import { applyAudienceModel, outsideEnvelope } from '../../../src/engine/audience/model.js';
import { decideClass } from '../../../src/engine/audience/classify.js';
import { Rng } from '../../../tools/sim/random.js';

const P = PROFILE_FEATURES.length;
const at = (name: (typeof PROFILE_FEATURES)[number]) => PROFILE_FEATURES.indexOf(name);

/** People have a higher follow ratio and more likes than fakes; bots never like; everything else is noise. */
function toySet(n = 300): LabelledSet {
  const rng = new Rng(7);
  const rnd = () => rng.next();
  const x: Float64Array[] = [];
  const y: number[] = [];
  const source: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 3;
    const row = new Float64Array(P).map(() => rnd() - 0.5);
    row[at('followRatio')] = (label === 1 ? -1.5 : 0) + rnd();
    row[at('likesGiven')] = (label === 2 ? 0 : 2.5) + rnd();
    row[at('defaultAvatar')] = rnd() < 0.1 ? 1 : 0;
    x.push(row);
    y.push(label);
    source.push(label);
  }
  return {
    x,
    y: Uint8Array.from(y),
    weight: new Float64Array(n).fill(1),
    archetypes: [
      { name: 'fakes', class: 'fake', description: '' },
      { name: 'bots', class: 'bot', description: '' },
    ],
    source: Uint16Array.from(source),
    sources: ['people', 'fakes', 'bots'],
    key: x.map((_, i) => `k${i}`),
  };
}

const META = { version: 'test', description: '', provenance: {} };
const OPTIONS = { ...AUDIENCE_FIT_DEFAULTS, copies: 2 };

describe('fitAudienceModel', () => {
  const set = toySet();
  const model = fitAudienceModel(set, OPTIONS, META);
  const full = model.submodels.find((s) => s.likes && s.age && s.posts)!;

  it('finds the direction the data shows and separates the classes', () => {
    const fake = full.archetypes.find((a) => a.class === 'fake')!;
    const bot = full.archetypes.find((a) => a.class === 'bot')!;
    expect(fake.weights[at('followRatio')]).toBeLessThan(-0.5);
    expect(bot.weights[at('likesGiven')]).toBeLessThan(-0.5);
    const classes = set.x.map((row) => decideClass(model, applyAudienceModel(model, row)).class);
    const hits = set.y.reduce((s, label, i) => s + (label === 0 ? Number(classes[i] === 'real') : Number(classes[i] !== 'real')), 0);
    expect(hits / set.y.length).toBeGreaterThan(0.9);
  });

  it('keeps every weight on its sign constraint', () => {
    for (const sub of model.submodels) {
      for (const arch of sub.archetypes) {
        PROFILE_FEATURES.forEach((name, j) => {
          const sign = OPTIONS.signs[name][arch.class];
          if (sign > 0) expect(arch.weights[j]).toBeGreaterThanOrEqual(0);
          if (sign < 0) expect(arch.weights[j]).toBeLessThanOrEqual(0);
        });
      }
    }
  });

  it('gives features a sub-model does not have no weight (a sub-model without likes ignores them)', () => {
    const noLikes = model.submodels.find((s) => !s.likes && s.age && s.posts)!;
    for (const arch of noLikes.archetypes) for (const f of ['likesGiven', 'likesPerPost', 'likesPerFollowing'] as const) expect(arch.weights[at(f)]).toBe(0);
    // likes per followed account is a likes feature: hidden with the likes, kept without an age
    const row = set.x[0]!;
    expect(Number.isNaN(hideEvidence(row, { likes: false, age: true, posts: true })[at('likesPerFollowing')]!)).toBe(true);
    expect(hideEvidence(row, { likes: true, age: false, posts: true })[at('likesPerFollowing')]).toBe(row[at('likesPerFollowing')]);
  });

  it('sets thresholds so that at most the target share of training people are flagged in all (below the threshold, mass-follower or beyond the envelope)', () => {
    for (const sub of model.submodels) {
      const people = set.x.filter((_, i) => set.y[i] === 0).map((row) => applyAudienceModel({ ...model, submodels: [sub] }, hideEvidence(row, sub)));
      const flagged = people.filter((o) => o.p.real < sub.real || o.massFollower || o.outside.length > 0).length / people.length;
      expect(flagged).toBeLessThanOrEqual(OPTIONS.realFlagRate + 1e-9);
      expect(sub.flag).toBeLessThanOrEqual(sub.real);
    }
  });

  it('puts each envelope edge at the target share of training people, from the people alone', () => {
    expect(model.envelope!.map((r) => r.measure)).toEqual(OPTIONS.envelope.map((e) => e.measure));
    for (const r of model.envelope!) {
      const people = set.x.filter((_, i) => set.y[i] === 0);
      const beyond = people.filter((row) => outsideEnvelope({ ...model, envelope: [r] }, row).length > 0).length / people.length;
      expect(beyond).toBeLessThanOrEqual(OPTIONS.envelopeRate + 1e-9);
      expect(r.peopleBeyond).toBeCloseTo(beyond, 4);
    }
    // the fakes and bots do not move it: the same people with other inauthentic rows give the same edges
    const fewer = subset(set, [...set.y.keys()].filter((i) => set.y[i] === 0 || i % 2 === 0));
    expect(fitEnvelope(fewer, OPTIONS)).toEqual(model.envelope);
  });

  it('catches a family it never saw when that family leaves the people\'s range (the envelope), and not without it', () => {
    // fitted on people and bots only: the low-ratio fakes are a family no label covers
    const withoutFakes = subsetWithout(set, [...set.y.keys()].filter((i) => set.y[i] !== 1), 'fakes');
    const unseen = set.x.filter((_, i) => set.y[i] === 1).map((row) => {
      const r = Float64Array.from(row);
      r[at('followRatio')] = -3; // following far more than anyone labelled a person
      r[at('likesGiven')] = 3; // and liking like a person, so the bot archetype does not fit
      return r;
    });
    const m = fitAudienceModel(withoutFakes, OPTIONS, META);
    const caught = (mm: typeof m) => unseen.filter((row) => decideClass(mm, applyAudienceModel(mm, row)).class !== 'real').length / unseen.length;
    expect(caught(m)).toBeGreaterThan(0.95);
    const noEnvelope = fitAudienceModel(withoutFakes, { ...OPTIONS, envelope: [] }, META);
    expect(noEnvelope.envelope).toEqual([]);
    expect(caught(noEnvelope)).toBeLessThan(caught(m));
  });

  it('appends product columns to the design after the profile features, leaving those columns as they were (0 where a factor is unknown)', () => {
    const small = subset(set, [0, 1, 2, 3, 4, 5]);
    small.x = small.x.map((row) => Float64Array.from(row));
    small.x[1]![at('likesGiven')] = NaN;
    const features = fitStandardisation(small);
    const plain = buildDesign(small, OPTIONS, features);
    const pairs = [[at('followRatio'), at('likesGiven')] as const];
    const withProducts = buildDesign(small, OPTIONS, features, pairs);
    expect(withProducts.d).toBe(plain.d + 1);
    for (let r = 0; r < plain.n; r++) {
      const row = withProducts.rows.subarray(r * withProducts.d, (r + 1) * withProducts.d);
      expect([...row.subarray(0, plain.d)]).toEqual([...plain.rows.subarray(r * plain.d, (r + 1) * plain.d)]);
      expect(row[plain.d]).toBeCloseTo(row[1 + at('followRatio')]! * row[1 + at('likesGiven')]!, 12);
    }
    // example 1's likes are unknown: its product column is 0 in every copy
    for (let c = 0; c < OPTIONS.copies; c++) expect(withProducts.rows[(1 * OPTIONS.copies + c) * withProducts.d + plain.d] === 0).toBe(true);
    expect(withProducts.rows.some((v, k) => k % withProducts.d === plain.d && v !== 0)).toBe(true);
  });

  it('is deterministic', () => {
    expect(fitAudienceModel(set, OPTIONS, META)).toEqual(model);
  });
});

describe('balancing the people by population (balancePeople)', () => {
  const set = toySet();
  const people = [...set.y.keys()].filter((i) => set.y[i] === 0);
  // a small population of people (one in five) who follow far more than they are followed
  const grouped: LabelledSet = {
    ...set,
    x: set.x.map((row, i) => {
      if (set.y[i] !== 0 || i % 15 !== 0) return row;
      const r = Float64Array.from(row);
      r[at('followRatio')] = r[at('followRatio')]! - 2;
      return r;
    }),
    peopleGroup: Uint8Array.from(set.y, (y, i) => (y === 0 && i % 15 === 0 ? 1 : 0)),
  };
  const sum = (w: Float64Array, list: number[]) => list.reduce((s, i) => s + w[i]!, 0);

  it('gives every group of people the same total weight, the people\'s total and the inauthentic rows unchanged', () => {
    const out = balancePeopleWeights(grouped);
    const inGroup = (k: number) => people.filter((i) => grouped.peopleGroup![i] === k);
    expect(inGroup(1).length).toBeLessThan(inGroup(0).length / 3);
    expect(sum(out.weight, inGroup(1))).toBeCloseTo(sum(out.weight, inGroup(0)), 9);
    expect(sum(out.weight, people)).toBeCloseTo(sum(grouped.weight, people), 9);
    grouped.y.forEach((y, i) => {
      if (y !== 0) expect(out.weight[i]).toBe(grouped.weight[i]);
    });
  });

  it('leaves data with no groups, or one group of people, as given', () => {
    expect(balancePeopleWeights(set)).toBe(set);
    const one = { ...set, peopleGroup: new Uint8Array(set.y.length) };
    expect(balancePeopleWeights(one)).toBe(one);
  });

  it('the subsets keep each example\'s group', () => {
    const idx = [0, 3, 7, 15];
    expect([...subset(grouped, idx).peopleGroup!]).toEqual(idx.map((i) => grouped.peopleGroup![i]));
  });

  it('sets the envelope on the balanced people: the small population is flagged less, and the option is inert without groups', () => {
    // one edge at 5% of the people: by count the small population fills it (5 of 100 people);
    // balanced, 5% of the people's weight is 2 of the 20, each weighing what 4 others do
    const edge = { ...OPTIONS, envelope: [{ measure: 'followRatio' as const, direction: 'below' as const }], envelopeRate: 0.05 };
    const plain = fitAudienceModel(grouped, edge, META);
    const balanced = fitAudienceModel(grouped, { ...edge, balancePeople: true }, META);
    const small = grouped.x.filter((_, i) => grouped.peopleGroup![i] === 1);
    const beyond = (m: typeof plain) => small.filter((row) => outsideEnvelope(m, row).length > 0).length;
    expect(beyond(balanced)).toBeLessThan(beyond(plain));
    expect(fitAudienceModel(set, { ...OPTIONS, balancePeople: true }, META)).toEqual(fitAudienceModel(set, OPTIONS, META));
  });
});

describe('cross-validation helpers', () => {
  it('deals every source evenly to the folds, the same way each time', () => {
    const set = toySet(301);
    const folds = assignFolds(set, 5);
    for (let s = 0; s < 3; s++) {
      const sizes = [0, 0, 0, 0, 0];
      folds.forEach((f, i) => set.source[i] === s && sizes[f]!++);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(assignFolds(set, 5)).toEqual(folds);
  });

  it('a single-feature baseline flags at most the allowed share of people and catches the low-ratio fakes', () => {
    const set = toySet(600);
    const folds = assignFolds(set, 5);
    const r = singleFeatureBaseline(set, folds, 5, 'followRatio', 0.03);
    expect(r.direction).toBe('below');
    expect(r.flaggedByClass.real).toBeLessThanOrEqual(0.06);
    expect(r.flaggedByClass.fake).toBeGreaterThan(r.flaggedByClass.bot);
  });

  it('cuts each source at its own median creation date, leaving undated examples out', () => {
    // source 0 created on days 1..5 (median 3), source 1 on days 100..103 (median 102), one undated
    const source = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const createdAt = [5, 1, 4, 2, 3, 103, 100, NaN, 102, 101];
    const { older, newer, median } = creationHalves(source, createdAt);
    expect(median.get(0)).toBe(3);
    expect(median.get(1)).toBe(102);
    expect(older.sort((a, b) => a - b)).toEqual([1, 3, 6, 9]);
    expect(newer.sort((a, b) => a - b)).toEqual([0, 2, 4, 5, 8]);
    // one calendar cut would have put all of source 0 in the older half and all of source 1 in the newer
    for (const s of [0, 1]) {
      expect(older.some((i) => source[i] === s)).toBe(true);
      expect(newer.some((i) => source[i] === s)).toBe(true);
    }
  });

  it('the hold-out splits never judge an account a split was fitted on, and split the people by interface language only', () => {
    // 40 people (every fourth not English-language), 40 bots; created 2010 to 2015
    const langs = ['en', 'en-gb', 'en', 'it'];
    const accounts = Array.from({ length: 80 }, (_, i) => ({
      source: i < 40 ? 'genuine' : 'social_spambots_1',
      label: i < 40 ? 0 : 2,
      id: String(i),
      lang: i < 40 ? langs[i % 4]! : '',
      createdAt: Date.UTC(2010 + (i % 6), i % 12, 1),
    })) as unknown as LabelledAccount[];
    const set = { source: Uint16Array.from(accounts, (a) => (a.label === 0 ? 0 : 1)), sources: ['genuine', 'social_spambots_1'], key: accounts.map((a) => `${a.source}:${a.id}`) };
    const { splits } = holdoutSplits(accounts, set);
    expect(splits).toHaveLength(6);
    for (const s of splits) {
      const train = new Set(s.train);
      expect(s.test.some((i) => train.has(i))).toBe(false);
      expect(s.test.length).toBeGreaterThan(0);
    }
    const toOther = splits.find((s) => s.name.startsWith('English-language people'))!;
    const people = (list: number[]) => list.filter((i) => accounts[i]!.label === 0);
    expect(people(toOther.train).every((i) => accounts[i]!.lang.startsWith('en'))).toBe(true);
    expect(people(toOther.test).map((i) => accounts[i]!.lang)).toEqual(Array(10).fill('it'));
    // the bots held out are fold 0 of the CV folds on both language splits
    const folds = assignFolds(set, 5);
    const back = splits.find((s) => s.name.startsWith('other-language people'))!;
    for (const s of [toOther, back]) expect(s.test.filter((i) => accounts[i]!.label !== 0).every((i) => folds[i] === 0)).toBe(true);
    const after = splits.find((s) => s.name === 'created up to 2012 -> after 2012')!;
    expect(after.train.every((i) => accounts[i]!.createdAt < CALENDAR_CUT)).toBe(true);
    expect(after.test.every((i) => accounts[i]!.createdAt >= CALENDAR_CUT)).toBe(true);
  });
});

