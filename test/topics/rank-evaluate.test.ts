import { describe, expect, it } from 'vitest';
import { computeTopicExpertise } from '../../src/engine/topics/expertise.js';
import { rankByTopic } from '../../src/engine/topics/rank.js';
import { evaluateTopicAssignments } from '../../tools/eval/topics-evaluate.js';
import { findTopic } from '../../src/engine/topics/taxonomy.js';
import { poissonUpperTail } from '../../src/engine/topics/significance.js';
import { BASIC_TOPICS, makeTopics } from '../helpers/topic-taxonomy.js';
import { TopicInputBuilder } from '../helpers/topic-input.js';
import { day } from '../../tools/sim/dataset-builder.js';

const { tax, matcher } = makeTopics(BASIC_TOPICS);
const WINDOW = { asOf: day(30), windowDays: 90 };

function musicWorld() {
  const b = new TopicInputBuilder();
  for (let a = 0; a < 10; a++) {
    const id = b.account(`bg${a}`);
    for (let p = 0; p < 10; p++) b.post(id, `ordinary update ${p}`);
  }
  const fans = b.audience(30);
  const star = b.account('star'); // hip hop only, big audience
  const jazzer = b.account('jazzer'); // jazz, small audience
  const oneOff = b.account('oneoff'); // one music post
  for (let i = 0; i < 8; i++) b.post(star, `hip hop mixtape ${i}`, { engagers: fans.slice(0, 20) });
  for (let i = 0; i < 4; i++) b.post(jazzer, `jazz standards ${i}`, { engagers: fans.slice(0, 3) });
  b.post(oneOff, 'some jazz tonight', { engagers: fans });
  const handles = ['star', 'jazzer', 'oneoff'];
  return { expertise: computeTopicExpertise(b.build(), tax, matcher, WINDOW), star, jazzer, oneOff, b, handles };
}

describe('rankByTopic', () => {
  it('ranks by topic influence with sub-topics included', () => {
    const { expertise, star, jazzer } = musicWorld();
    const ranked = rankByTopic(expertise, findTopic(tax, 'music')!, tax);
    expect(ranked.map((r) => r.account)).toEqual([star, jazzer]); // no one-off poster
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
    expect(ranked[0]!.topicScore).toBeGreaterThan(ranked[1]!.topicScore);
    expect(ranked[0]!.influence).toBeNull();
    expect(rankByTopic(expertise, findTopic(tax, 'jazz')!, tax).map((r) => r.account)).toEqual([jazzer]);
  });

  it('combines topic score and overall influence as a geometric mean when scores are given', () => {
    const { expertise, star, jazzer } = musicWorld();
    const influence = new Float64Array(expertise.accounts.length).fill(NaN);
    influence[star] = 1;
    influence[jazzer] = 90;
    const ranked = rankByTopic(expertise, findTopic(tax, 'music')!, tax, { influence, limit: 5 });
    expect(ranked.map((r) => r.account)).toEqual([jazzer, star]);
    expect(ranked[0]!.key).toBeCloseTo(Math.sqrt(ranked[0]!.topicScore * 90), 1);
    expect(ranked[0]!.influence).toBe(90);
  });
});

describe('evaluateTopicAssignments', () => {
  it('counts ancestors of true topics as correct and everything else against precision', () => {
    const e = evaluateTopicAssignments(
      tax,
      new Map([['a', ['cookies', 'food-and-drink-super', 'weather']], ['b', []]]),
      new Map([['a', ['cookies']], ['b', ['jazz']], ['c', ['no-such-topic']]]),
    );
    expect(e.precision).toBeCloseTo(2 / 3, 6);
    expect(e.strictPrecision).toBeCloseTo(1 / 3, 6);
    expect(e.recall).toBeCloseTo(1 / 2, 6);
    expect(e.falsePositives).toEqual([{ handle: 'a', slug: 'weather' }]);
    expect(e.missed).toEqual([{ handle: 'b', slug: 'jazz' }]);
    expect(e.unknownSlugs).toEqual(['no-such-topic']);
  });
});

describe('poissonUpperTail', () => {
  it('matches known values', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 0.5)).toBeCloseTo(1 - Math.exp(-0.5), 12);
    expect(poissonUpperTail(4, 0.66)).toBeCloseTo(0.004691, 6);
    expect(poissonUpperTail(10, 1.76)).toBeCloseTo(1.605e-5, 8);
    expect(poissonUpperTail(3, 5)).toBeCloseTo(1 - Math.exp(-5) * (1 + 5 + 12.5), 10);
    expect(poissonUpperTail(300, 100)).toBeLessThan(1e-40);
  });
});
