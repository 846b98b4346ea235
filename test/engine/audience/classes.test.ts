/**
 * The analysis's audience table (engine/audience/classes.ts): every account's class equals
 * the audit's verdict for it, followers are counted once per follower, and the classes
 * change the score only through real followers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceQualityOf, auditAudience, classOf, classifyAudience, followerClassesOf, type AudienceModel } from '../../../src/engine/audience/index.js';
import { analyze, auditAccount, explainAccount, verdictsOf } from '../../../src/engine/analyze.js';
import { readModelFile } from '../../../src/inputs/model-file.js';
import { ROOT } from '../../helpers/cli.js';
import { DAY, DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';

const MODEL = JSON.parse(fs.readFileSync(path.join(ROOT, 'models/audience-v1.json'), 'utf8')) as AudienceModel;
const YEAR = 365 * DAY;
const PERSON = { bio: 'Teacher', url: '', location: 'Leeds', followers: 420, following: 380, posts: 6500, listed: 4, likesGiven: 2400, verified: false, defaultAvatar: false, createdAt: day(0) - 6 * YEAR };
const BOUGHT = { bio: '', url: '', location: '', followers: 3, following: 2001, posts: 0, listed: 0, likesGiven: 0, verified: false, defaultAvatar: true, createdAt: day(0) - 100 * DAY };

function world(fakes: number) {
  const b = new DatasetBuilder();
  const brand = b.account({ handle: 'brand', ...PERSON, followers: 20 });
  const people = Array.from({ length: 10 }, (_, k) => b.account({ handle: `person${k}`, ...PERSON }));
  const bought = Array.from({ length: fakes }, (_, k) => b.account({ handle: `bought${k}`, ...BOUGHT }));
  for (const p of people) b.follow(p, brand, day(-100));
  for (const p of bought) b.follow(p, brand, day(-10));
  b.follow(people[0]!, brand, day(-5)); // a repeated edge counts once
  b.follow(brand, brand, day(-5)); // a self-follow is no follower
  b.follow(b.account({ handle: 'ghost' }), brand, day(-5)); // unknown
  return { ds: b.build(), brand };
}

describe('classifyAudience', () => {
  it('gives every account the class the audit gives it, and counts each follower once', () => {
    const { ds, brand } = world(10);
    const t = classifyAudience(ds, MODEL, { window: { asOf: day(0), windowDays: 90 } });
    const audit = auditAudience({ dataset: ds, account: brand, model: MODEL, asOf: day(0), windowDays: 90 });
    for (const v of audit.verdicts) expect(classOf(t, v.index)).toBe(v.class);
    const { total, counts } = followerClassesOf(t, brand);
    expect(total).toBe(audit.followers);
    expect(total).toBe(21);
    expect(counts).toEqual(audit.counts);
    expect(audienceQualityOf(t, brand)).toEqual({ quality: audit.quality, interval: audit.interval, classified: audit.classified, followers: 21 });
  });

  it('an import-dated window counts ages from the latest account creation at or before the import (a lower bound); with none, no ages', () => {
    const { ds, brand } = world(10);
    // the bought accounts are the latest created: 100 days before day 0; the import is at day 0
    const t = classifyAudience(ds, MODEL, { window: { asOf: day(0), windowDays: 90, datedBy: 'import' } });
    expect(t.asOf).toBe(day(0) - 100 * DAY);
    expect(t.agesFrom).toBe('latest-creation');
    const bounded = auditAudience({ dataset: ds, account: brand, model: MODEL, asOf: t.asOf, agesFrom: t.agesFrom, windowDays: 90 });
    for (const v of bounded.verdicts) expect(classOf(t, v.index)).toBe(v.class);
    // a lower bound dates ages, never an engagement window; the reasons say ages are at least so
    expect(bounded.engagement).toBeNull();
    const ages = bounded.verdicts.flatMap((v) => v.reasons).filter((r) => / old$/.test(r));
    expect(ages.length).toBeGreaterThan(0);
    for (const r of ages) expect(r).toMatch(/^account at least /);
    const dated = auditAudience({ dataset: ds, account: brand, model: MODEL, asOf: day(0), windowDays: 90 });
    expect(dated.verdicts.flatMap((v) => v.reasons).filter((r) => / old$/.test(r)).every((r) => !r.includes('at least'))).toBe(true);
    // a creation date after the import is an error and dates nothing
    const b = new DatasetBuilder();
    b.account({ handle: 'early', ...PERSON });
    b.account({ handle: 'future', ...PERSON, createdAt: day(30) });
    expect(classifyAudience(b.build(), MODEL, { window: { asOf: day(0), windowDays: 90, datedBy: 'import' } }).asOf).toBe(PERSON.createdAt);
    // no creation date at all: ages unknown, the classes of an audit without an as-of
    const u = new DatasetBuilder();
    const uBrand = u.account({ handle: 'brand', ...PERSON, createdAt: NaN });
    for (let k = 0; k < 5; k++) u.follow(u.account({ handle: `p${k}`, ...PERSON, createdAt: NaN }), uBrand, day(-3));
    const uds = u.build();
    const undated = classifyAudience(uds, MODEL, { window: { asOf: day(0), windowDays: 90, datedBy: 'import' } });
    expect([undated.asOf, undated.agesFrom]).toEqual([null, null]);
    const audit = auditAudience({ dataset: uds, account: uBrand, model: MODEL, asOf: null, windowDays: 90 });
    for (const v of audit.verdicts) expect(classOf(undated, v.index)).toBe(v.class);
  });
});

describe('the analysis uses the classes', () => {
  const { model } = readModelFile(undefined);
  it('audit, verdicts and the score come from one analysis; more bought followers never raise the score', () => {
    let last = Infinity;
    for (const fakes of [0, 5, 10]) {
      const { ds, brand } = world(fakes);
      const a = analyze(ds, { window: { asOf: day(0), windowDays: 90 }, model, audience: MODEL });
      const audit = auditAccount(a, brand);
      const verdicts = verdictsOf(a, audit.verdicts.map((v) => v.index));
      expect(verdicts.map((v) => v.class)).toEqual(audit.verdicts.map((v) => v.class));
      const followers = explainAccount(a, brand).contributions.find((c) => c.feature === 'followers')!;
      // 20 declared, 10 people + `fakes` bought listed: min(fakes, 20 x fakes / (10 + fakes)) removed
      expect(followers.value).toBeCloseTo(20 - Math.min(fakes, (20 * fakes) / (10 + fakes)), 4);
      const score = explainAccount(a, brand).score!;
      expect(score).toBeLessThanOrEqual(last);
      last = score;
    }
    const { ds, brand } = world(10);
    const without = analyze(ds, { window: { asOf: day(0), windowDays: 90 }, model });
    expect(without.audience).toBeNull();
    expect(explainAccount(without, brand).score!).toBeGreaterThan(last);
  });
});
