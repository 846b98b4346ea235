/**
 * The audit of one account's followers: counts, quality with its Wilson interval, real
 * reach, engagement against the tier, follower growth with bursts (engine/audience).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditAudience,
  growthFromFollowTimes,
  growthFromSnapshots,
  modifiedZScores,
  tierOf,
  wilsonInterval,
  type AudienceModel,
} from '../../../src/engine/audience/index.js';
import { ROOT } from '../../helpers/cli.js';
import { DAY, DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';

const MODEL = JSON.parse(fs.readFileSync(path.join(ROOT, 'models/audience-v1.json'), 'utf8')) as AudienceModel;
const YEAR = 365 * DAY;
const PERSON = { bio: 'Teacher', url: '', location: 'Leeds', followers: 420, following: 380, posts: 6500, listed: 4, likesGiven: 2400, verified: false, defaultAvatar: false, createdAt: day(0) - 6 * YEAR };
const BOUGHT = { bio: '', url: '', location: '', followers: 3, following: 2001, posts: 0, listed: 0, likesGiven: 0, verified: false, defaultAvatar: true, createdAt: day(0) - 100 * DAY };

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    // 618 of 1,030: p = 0.6, Wilson 95% = [0.5699, 0.6293]
    expect(wilsonInterval(618, 1030)).toEqual([57.0, 62.9]);
    // 0 of 10: [0, 0.2775]
    expect(wilsonInterval(0, 10)).toEqual([0, 27.8]);
    expect(wilsonInterval(0, 0)).toEqual([0, 100]);
  });
});

describe('auditAudience', () => {
  function world() {
    const b = new DatasetBuilder();
    const brand = b.account({ handle: 'brand', followers: 2000 });
    for (let k = 0; k < 30; k++) b.follow(b.account({ handle: `person${k}`, ...PERSON }), brand, day(-200 + k));
    for (let k = 0; k < 10; k++) b.follow(b.account({ handle: `bought${k}`, ...BOUGHT }), brand, day(-50));
    for (let k = 0; k < 5; k++) b.follow(b.account({ handle: `ghost${k}` }), brand); // no profile, no time
    return { b, brand };
  }

  it('counts classes over the followers, quality over the classified, reach scaled to the declared count', () => {
    const { b, brand } = world();
    const a = auditAudience({ dataset: b.build(), account: brand, model: MODEL, asOf: day(0), windowDays: 90 });
    expect(a.followers).toBe(45);
    expect(a.counts.unknown).toBe(5);
    expect(a.classified).toBe(40);
    expect(a.counts.real).toBe(30);
    expect(a.counts.fake + a.counts.bot + a.counts.suspicious).toBe(10);
    expect(a.quality).toBe(75);
    expect(a.interval).toEqual(wilsonInterval(30, 40));
    expect(a.reach.realFollowers).toBe(30);
    expect(a.reach.estimatedReal).toBe(1500); // 2,000 declared x 75%
    expect(a.verdicts[0]!.class).not.toBe('real'); // flagged first
    expect(a.verdicts[a.verdicts.length - 1]!.class).toBe('unknown');
  });

  it('dates the burst of bought followers and says what they were', () => {
    const { b, brand } = world();
    const a = auditAudience({ dataset: b.build(), account: brand, model: MODEL, asOf: day(0), windowDays: 90, burst: { minScore: 3.5, minFollows: 5, minRatio: 5, minPoints: 3 } });
    expect(a.growth.source).toBe('follows');
    expect(a.growth.untimed).toBe(5);
    expect(a.growth.bursts).toHaveLength(1);
    const burst = a.growth.bursts[0]!;
    expect(burst.at).toBe(Math.floor(day(-50) / DAY) * DAY);
    expect(burst.gained).toBe(10);
    expect(burst.classes!.real).toBe(0);
    expect(burst.classes!.fake + burst.classes!.bot + burst.classes!.suspicious).toBe(10);
  });

  it('works from a follower list alone: no activity, no as-of (ages unknown), no engagement', () => {
    const { b, brand } = world();
    const a = auditAudience({ dataset: b.build(), account: brand, model: MODEL, asOf: null, windowDays: 90 });
    expect(a.engagement).toBeNull();
    expect(a.counts.real).toBe(30);
    expect(a.counts.unknown).toBe(5);
  });

  it('an account nobody follows: no quality, no interval', () => {
    const b = new DatasetBuilder();
    const lonely = b.account({ handle: 'lonely', followers: 0 });
    const a = auditAudience({ dataset: b.build(), account: lonely, model: MODEL, asOf: day(0), windowDays: 90 });
    expect(a.followers).toBe(0);
    expect(a.quality).toBeNull();
    expect(a.interval).toBeNull();
  });

  it('measures engagement per post against the follower tier', () => {
    const b = new DatasetBuilder();
    const brand = b.account({ handle: 'brand', followers: 1000 });
    b.post(brand, { at: day(-1), likes: 20, reshares: 5, replies: 5 });
    b.post(brand, { at: day(-2), likes: 8, reshares: 1, replies: 1 });
    b.post(brand, { at: day(-200), likes: 500 }); // outside the 90-day window
    const a = auditAudience({ dataset: b.build(), account: brand, model: MODEL, asOf: day(0), windowDays: 90 });
    expect(a.engagement!.posts).toBe(2);
    expect(a.engagement!.reactions).toBe(40);
    expect(a.engagement!.rate).toBe(2); // 40 / 2 posts / 1,000 followers
    expect(a.engagement!.tier!.label).toBe('1k-5k');
    expect(a.engagement!.vsMedian).toBeCloseTo(2 / 6.45, 3);
  });
});

describe('tiers', () => {
  it("follow HypeAuditor's 2018 boundaries", () => {
    expect([0, 999, 1000, 4999, 5000, 19_999, 20_000, 99_999, 100_000, 999_999, 1_000_000, 5e8].map((n) => tierOf(n).label)).toEqual([
      '0-1k', '0-1k', '1k-5k', '1k-5k', '5k-20k', '5k-20k', '20k-100k', '20k-100k', '100k-1M', '100k-1M', '1M+', '1M+',
    ]);
  });
});

describe('growth', () => {
  it('flags the one day of 400 new followers among steady days (worked example)', () => {
    const times: number[] = [];
    for (let d = 0; d < 60; d++) for (let k = 0; k < 2 + (d % 3); k++) times.push(d * DAY + k * 1000);
    for (let k = 0; k < 400; k++) times.push(30 * DAY + 5000 + k);
    const g = growthFromFollowTimes(times);
    expect(g.bursts.map((p) => p.at / DAY)).toEqual([30]);
    expect(g.bursts[0]!.gained).toBe(400 + 2);
    expect(g.points[g.points.length - 1]!.followers).toBe(times.length);
  });

  it('flags nothing in steady growth, and nothing in a series too short to judge', () => {
    const steady = Array.from({ length: 300 }, (_, k) => Math.floor(k / 5) * DAY);
    expect(growthFromFollowTimes(steady).bursts).toEqual([]);
    expect(growthFromFollowTimes(Array.from({ length: 500 }, () => 0)).bursts).toEqual([]); // one day: no baseline
  });

  it('says whether the series was long enough to judge: "no bursts" is not "none could be seen"', () => {
    const steady = Array.from({ length: 300 }, (_, k) => Math.floor(k / 5) * DAY);
    expect(growthFromFollowTimes(steady).judged).toBe(true);
    expect(growthFromFollowTimes(Array.from({ length: 500 }, () => 0)).judged).toBe(false);
    expect(growthFromSnapshots([{ at: 0, followers: 10 }]).judged).toBe(false);
    expect(growthFromSnapshots([0, 7, 14].map((d) => ({ at: d * DAY, followers: 10 + d }))).judged).toBe(false);
    expect(growthFromSnapshots([0, 7, 14, 21].map((d) => ({ at: d * DAY, followers: 10 + d }))).judged).toBe(true);
  });

  it('reads successive imports: a jump in declared followers between snapshots is a burst', () => {
    const snaps = [0, 7, 14, 21, 28, 35].map((d, k) => ({ at: d * DAY, followers: 1000 + 70 * k }));
    snaps.push({ at: 42 * DAY, followers: 1350 + 5000 });
    const g = growthFromSnapshots(snaps);
    expect(g.source).toBe('imports');
    expect(g.bursts.map((p) => p.at / DAY)).toEqual([42]);
    expect(g.bursts[0]!.gained).toBe(5000);
  });

  it('modified z-scores fall back to the mean absolute deviation when MAD is 0', () => {
    const z = modifiedZScores([0, 0, 0, 0, 10]);
    expect(z[4]).toBeCloseTo(10 / (1.253314 * 2), 6);
    expect(modifiedZScores([3, 3, 3])).toEqual([null, null, null]);
  });
});
