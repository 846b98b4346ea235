import { describe, expect, it } from 'vitest';
import { computeTopicExpertise, topicScore, TOPIC_DEFAULTS, type TopicExpertise } from '../../src/engine/topics/expertise.js';
import { findTopic } from '../../src/engine/topics/taxonomy.js';
import { BASIC_TOPICS, makeTopics } from '../helpers/topic-taxonomy.js';
import { TopicInputBuilder } from '../helpers/topic-input.js';
import { day } from '../../tools/sim/dataset-builder.js';

const { tax, matcher } = makeTopics(BASIC_TOPICS);
const WINDOW = { asOf: day(30), windowDays: 90 };
const run = (b: TopicInputBuilder, config = TOPIC_DEFAULTS): TopicExpertise => computeTopicExpertise(b.build(), tax, matcher, WINDOW, config);
const topicsOf = (r: TopicExpertise, account: number) => r.accounts[account]!.topics;
const slugsOf = (r: TopicExpertise, account: number) => topicsOf(r, account).map((t) => t.slug);
const topic = (r: TopicExpertise, account: number, slug: string) => topicsOf(r, account).find((t) => t.slug === slug);

/** a background of ordinary accounts posting about nothing in the taxonomy */
function background(b: TopicInputBuilder, accounts = 10, posts = 10): void {
  for (let a = 0; a < accounts; a++) {
    const id = b.account(`bg${a}`);
    for (let p = 0; p < posts; p++) b.post(id, `ordinary update number ${p} about my commute and my cat`);
  }
}

describe('minimum evidence', () => {
  it('one post about cookies makes nobody an expert on cookies', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(20);
    b.post(alice, 'Baked chocolate chip cookies this morning', { engagers: fans });
    for (let i = 0; i < 5; i++) b.post(alice, `ordinary update ${i}`);
    const r = run(b);
    expect(slugsOf(r, alice)).toEqual([]);
  });

  it('three posts about cookies with engagement from two people do', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const [bob, carol] = b.audience(2);
    b.post(alice, 'Baked chocolate chip cookies this morning', { engagers: [bob!] });
    b.post(alice, 'The secret to chewy cookies is brown butter', { engagers: [carol!] });
    b.post(alice, 'Cookie dough resting overnight', { engagers: [bob!, carol!] });
    const r = run(b);
    const cookies = topic(r, alice, 'cookies');
    expect(cookies).toBeDefined();
    expect(cookies!.id).toBe(tax.ids[findTopic(tax, 'cookies')!]);
    expect(cookies!.evidence).toMatchObject({ posts: 3, engagers: 2, direct: true, reshares: 0, hashtagOnly: 0, bio: false });
    expect(cookies!.evidence.examples.map((x) => x.id)).toHaveLength(3);
    expect(cookies!.evidence.examples[0]!.id).toBe('p' + (10 * 10 + 3)); // the most engaged post first
    expect(cookies!.score).toBeGreaterThanOrEqual(1);
    expect(cookies!.score).toBeLessThanOrEqual(100);
  });

  it('three posts that only one person engaged with are not enough', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const [bob] = b.audience(1);
    for (let i = 0; i < 3; i++) b.post(alice, `cookies batch ${i}`, { engagers: [bob!] });
    expect(slugsOf(run(b), alice)).toEqual([]);
  });

  it('declared counts give a lower bound on engagers when the export names nobody', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    for (let i = 0; i < 3; i++) b.post(alice, `cookies batch ${i}`, { likes: 4, reshares: 1 });
    const cookies = topic(run(b), alice, 'cookies');
    expect(cookies?.evidence.engagers).toBe(4);
  });

  it('thresholds are tunable in one defaults object', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const [bob, carol] = b.audience(2);
    b.post(alice, 'cookies!', { engagers: [bob!, carol!] });
    expect(slugsOf(run(b), alice)).toEqual([]);
    const lenient = { ...TOPIC_DEFAULTS, minPosts: 1, minWeightedPosts: 0.5 };
    expect(slugsOf(run(b, lenient), alice)).toContain('cookies');
  });
});

describe('roll-up', () => {
  it('reaches every ancestor once, even through two parents', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(4);
    b.post(alice, 'Cookies, cookies, COOKIES', { engagers: [fans[0]!, fans[1]!] });
    b.post(alice, 'More cookies and cookie dough', { engagers: [fans[2]!] });
    b.post(alice, 'cookies for the bake sale', { engagers: [fans[3]!] });
    const r = run(b);
    const cookies = topic(r, alice, 'cookies')!;
    const food = topic(r, alice, 'food-and-drink-super')!;
    const desserts = topic(r, alice, 'desserts')!;
    const baking = topic(r, alice, 'baking')!;
    // cookies -> desserts -> food and cookies -> baking -> food: still 3 posts, not 6
    expect(food.evidence.posts).toBe(3);
    expect(food.evidence.engagers).toBe(4);
    expect(food.evidence.weightedPosts).toBeCloseTo(cookies.evidence.weightedPosts, 6);
    expect(food.score).toBe(cookies.score);
    expect(desserts.evidence.direct).toBe(false);
    expect(baking.evidence.posts).toBe(3);
    expect(cookies.evidence.direct).toBe(true);
    expect(slugsOf(r, alice)).not.toContain('music');
  });

  it('never makes a category out of scattered mentions of its sub-topics', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(3);
    b.post(alice, 'a night of jazz', { engagers: [fans[0]!] });
    b.post(alice, 'hip hop forever', { engagers: [fans[1]!] });
    b.post(alice, 'R&B classics', { engagers: [fans[2]!] });
    expect(slugsOf(run(b), alice)).toEqual([]);
  });

  it('an assigned sub-topic carries its ancestors, which sum distinct posts from its siblings', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(3);
    for (let i = 0; i < 3; i++) b.post(alice, `a night of jazz, set ${i}`, { engagers: [fans[i]!] });
    b.post(alice, 'hip hop forever', { engagers: [fans[0]!] });
    const r = run(b);
    expect(slugsOf(r, alice)).toEqual(expect.arrayContaining(['jazz', 'music', 'entertainment-super']));
    expect(slugsOf(r, alice)).not.toContain('hip-hop');
    expect(topic(r, alice, 'jazz')!.evidence).toMatchObject({ posts: 3, direct: true });
    expect(topic(r, alice, 'music')!.evidence).toMatchObject({ posts: 4, engagers: 3, direct: false });
  });

  it('a term named only inside posts about a subject the account names more often is a detail of it', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(4);
    const details = ['weather at the bake sale', 'weather and dough', 'the weather decides the proofing'];
    for (let i = 0; i < 6; i++) b.post(alice, `Baking day ${i}: ${i < 3 ? details[i] : 'sourdough again'}`, { engagers: fans });
    const r = run(b);
    expect(slugsOf(r, alice)).toContain('baking');
    expect(slugsOf(r, alice)).not.toContain('weather');
    expect(slugsOf(r, alice)).not.toContain('science-and-nature-super');
  });

  it('the same text posted again and again is one piece of evidence', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(4);
    for (let i = 0; i < 8; i++) b.post(alice, `Fresh cookies today!! ${i % 2 ? '🍪' : ''} https://example.com/p/${i} @friend${i}`, { engagers: fans });
    expect(slugsOf(run(b), alice)).toEqual([]);
  });

  it('an ancestor never scores below its descendants', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(6);
    for (let i = 0; i < 4; i++) b.post(alice, `hip hop mix ${i}`, { engagers: fans.slice(i, i + 3) });
    for (let i = 0; i < 2; i++) b.post(alice, `jazz standards ${i}`, { engagers: fans.slice(0, 2) });
    const r = run(b);
    const score = (s: string) => topic(r, alice, s)?.score ?? 0;
    expect(score('hip-hop')).toBeGreaterThan(0);
    expect(score('music')).toBeGreaterThanOrEqual(score('hip-hop'));
    expect(score('entertainment-super')).toBeGreaterThanOrEqual(score('music'));
    expect(topic(r, alice, 'music')!.evidence.posts).toBe(6);
  });
});

describe('gaming resistance', () => {
  it('hashtag-stuffed posts count little', () => {
    const b = new TopicInputBuilder();
    background(b);
    const clean = b.account('clean');
    const stuffer = b.account('stuffer');
    const fans = b.audience(4);
    const tags = '#cookies #jazz #hiphop #weather #art #music #followback #f4f #like4like #instagood #photooftheday #love #tbt #cute #happy';
    for (let i = 0; i < 3; i++) {
      b.post(clean, `Testing a new cookies recipe, batch ${i}`, { engagers: fans });
      b.post(stuffer, `batch ${i} ${tags}`, { engagers: fans, hashtags: 15 });
    }
    const r = run(b);
    expect(slugsOf(r, clean)).toContain('cookies');
    expect(slugsOf(r, stuffer)).toEqual([]);
    // even with ten times the posts, a stuffed post weighs a fraction of a clean one
    const b2 = new TopicInputBuilder();
    background(b2);
    const s2 = b2.account('stuffer');
    const fans2 = b2.audience(4);
    for (let i = 0; i < 30; i++) b2.post(s2, `batch ${i} ${tags}`, { engagers: fans2, hashtags: 15 });
    // a lenient gate, to see the evidence the stuffed posts carry
    const cookies = topic(run(b2, { ...TOPIC_DEFAULTS, minWeightedPosts: 0, minPostWeight: 0, lift: { ...TOPIC_DEFAULTS.lift, alpha: 1 } }), s2, 'cookies');
    expect(slugsOf(run(b2), s2)).toEqual([]);
    expect(cookies).toBeDefined();
    expect(cookies!.evidence.posts).toBe(30);
    expect(cookies!.evidence.hashtagOnly).toBe(30);
    expect(cookies!.evidence.weightedPosts).toBeLessThan(0.1 * 30);
  });

  it('reshares of other people’s posts count little', () => {
    const b = new TopicInputBuilder();
    background(b);
    const resharer = b.account('resharer');
    const fans = b.audience(4);
    for (let i = 0; i < 5; i++) b.post(resharer, `RT @baker: cookies recipe number ${i}`, { kind: 'reshare', engagers: fans });
    const r = run(b);
    expect(slugsOf(r, resharer)).toEqual([]);
  });

  it('everyday words everybody uses are nobody’s expertise, but a real weather expert still is', () => {
    const b = new TopicInputBuilder();
    const people = Array.from({ length: 30 }, (_, i) => b.account(`person${i}`));
    const fans = b.audience(5);
    for (const [i, p] of people.entries()) {
      for (let k = 0; k < 3; k++) b.post(p, 'Nice weather today!', { engagers: fans.slice(0, 2 + (k % 2)) });
      for (let k = 0; k < 3 + (i % 4); k++) b.post(p, `lunch with friends, day ${k}`, { engagers: fans.slice(0, 2) });
    }
    const expert = b.account('stormchaser');
    for (let k = 0; k < 12; k++) b.post(expert, `Weather update ${k}: a front moves in, weather radar attached`, { engagers: fans });
    for (let k = 0; k < 2; k++) b.post(expert, `coffee break ${k}`);
    const r = run(b);
    for (const p of people) {
      expect(slugsOf(r, p)).not.toContain('weather');
      expect(slugsOf(r, p)).not.toContain('nice');
      expect(slugsOf(r, p)).not.toContain('today-show');
      expect(slugsOf(r, p)).toEqual([]);
    }
    expect(slugsOf(r, expert)).toContain('weather');
    // discounted by the everyday use everybody else makes of the word, but still well above it
    const d = topic(r, expert, 'weather')!.evidence.distinctiveness;
    expect(d).toBeGreaterThan(TOPIC_DEFAULTS.minDistinctiveness);
    expect(d).toBeLessThan(0.8);
  });

  it('a lone account is judged against a prior rate, so one person’s archive still gets topics', () => {
    const b = new TopicInputBuilder();
    const me = b.account('me');
    const fans = b.audience(3);
    for (let i = 0; i < 4; i++) b.post(me, `cookies, attempt ${i}`, { engagers: fans });
    for (let i = 0; i < 20; i++) b.post(me, `ordinary update ${i}`);
    expect(slugsOf(run(b), me)).toContain('cookies');
  });
});

describe('inputs and outputs', () => {
  it('counts only posts inside the window, as of the given date', () => {
    const b = new TopicInputBuilder();
    background(b);
    const alice = b.account('alice');
    const fans = b.audience(3);
    for (let i = 0; i < 3; i++) b.post(alice, `cookies ${i}`, { engagers: fans, at: day(-100) });
    for (let i = 0; i < 3; i++) b.post(alice, `cookies ${i}`, { engagers: fans, at: day(40) });
    expect(slugsOf(run(b), alice)).toEqual([]);
    expect(slugsOf(computeTopicExpertise(b.build(), tax, matcher, { asOf: day(45), windowDays: 90 }), alice)).toContain('cookies');
  });

  it('non-Latin posts: Japanese, Cyrillic and Arabic', () => {
    const b = new TopicInputBuilder();
    background(b);
    const [ja, ru, ar] = [b.account('ja'), b.account('ru'), b.account('ar')];
    const fans = b.audience(3);
    for (let i = 0; i < 3; i++) {
      b.post(ja, `今日もクッキーを焼きました（${i}回目）`, { engagers: fans, lang: 'ja' });
      b.post(ru, `Печенье с шоколадом, рецепт №${i}`, { engagers: fans, lang: 'ru' });
      b.post(ar, `وصفة بسكويت رقم ${i}`, { engagers: fans, lang: 'ar' });
    }
    const r = run(b);
    for (const a of [ja, ru, ar]) expect(slugsOf(r, a)).toContain('cookies');
  });

  it('a bio naming the topic adds a little, and never assigns a topic alone', () => {
    const make = (bio: string | null) => {
      const b = new TopicInputBuilder();
      background(b);
      const alice = b.account('alice', bio);
      const fans = b.audience(3);
      for (let i = 0; i < 3; i++) b.post(alice, `jazz night ${i}`, { engagers: fans });
      const bioOnly = b.account('bioonly', 'Cookies, cookies and more cookies');
      b.post(bioOnly, 'hello', { engagers: fans });
      return { r: run(b), alice, bioOnly };
    };
    const without = make(null);
    const withBio = make('Jazz pianist');
    expect(topic(withBio.r, withBio.alice, 'jazz')!.evidence.bio).toBe(true);
    expect(topic(withBio.r, withBio.alice, 'jazz')!.score).toBeGreaterThan(topic(without.r, without.alice, 'jazz')!.score);
    expect(slugsOf(withBio.r, withBio.bioOnly)).toEqual([]);
  });

  it('is deterministic', () => {
    const make = () => {
      const b = new TopicInputBuilder();
      background(b);
      const a = b.account('a');
      const fans = b.audience(5);
      for (let i = 0; i < 6; i++) b.post(a, `cookies and jazz ${i}`, { engagers: fans.slice(0, 2 + (i % 3)) });
      return JSON.stringify(run(b));
    };
    expect(make()).toBe(make());
  });

  it('more engagers never lower a topic score', () => {
    let prev = 0;
    for (let g = 2; g <= 40; g += 2) {
      const b = new TopicInputBuilder();
      background(b);
      const a = b.account('a');
      const fans = b.audience(g);
      for (let i = 0; i < 3; i++) b.post(a, `cookies ${i}`, { engagers: fans });
      const s = topic(run(b), a, 'cookies')!.score;
      expect(s).toBeGreaterThanOrEqual(prev);
      prev = s;
    }
    expect(prev).toBeGreaterThan(40);
  });

  it('matches the worked example in the module documentation', () => {
    const b = new TopicInputBuilder();
    const others = b.account('others');
    for (let i = 0; i < 1000; i++) b.post(others, `ordinary update ${i}`);
    const a = b.account('a');
    const [bb, c, d] = b.audience(3);
    b.post(a, 'cookies one', { engagers: [bb!], engageAs: 'reshare' });
    b.post(a, 'cookies two', { engagers: [bb!] });
    b.post(a, 'cookies three', { engagers: [c!, d!] });
    // the first post also has a like from c
    const input = b.build();
    const first = input.posts as { events: { like: number }; engagers: number[] }[];
    first[1000]!.events.like = 1;
    first[1000]!.engagers = [bb!, c!];
    for (let i = 0; i < 27; i++) (input.posts as unknown[]).push({ ...(input.posts as object[])[0]!, author: a, id: `filler${i}`, text: 'ordinary' });
    const r = computeTopicExpertise(input, tax, matcher, WINDOW);
    const cookies = topic(r, a, 'cookies')!;
    expect(cookies.evidence.engagers).toBe(3);
    expect(cookies.evidence.distinctiveness).toBeCloseTo(0.998, 3);
    expect(cookies.evidence.weightedPosts).toBeCloseTo(2.995, 3);
    expect(cookies.evidence.engagement).toBeCloseTo(2.995, 3);
    expect(cookies.score).toBe(33);
    expect(topicScore(2.995, 3, 2.995, false)).toBe(33);
  });
});

describe('languages', () => {
  it('judges a word against the account’s own language: French "elle" is not the magazine Elle', () => {
    const { tax: t2, matcher: m2 } = makeTopics([...BASIC_TOPICS, { slug: 'elle', name: 'Elle', parents: ['entertainment-super'] }]);
    const b = new TopicInputBuilder();
    background(b, 40, 20); // an English-speaking majority that never writes "elle"
    const fans = b.audience(3);
    const french = Array.from({ length: 15 }, (_, i) => b.account(`fr${i}`));
    for (const f of french) {
      for (let k = 0; k < 4; k++) b.post(f, `elle est partie, elle revient demain (${k})`, { lang: 'fr', engagers: fans });
      for (let k = 0; k < 6; k++) b.post(f, `une journée ordinaire numéro ${k}`, { lang: 'fr', engagers: fans });
    }
    const fan = b.account('elle-reader');
    for (let k = 0; k < 5; k++) b.post(fan, `The new issue of Elle is out, ${k}`, { lang: 'en', engagers: fans });
    const r = computeTopicExpertise(b.build(), t2, m2, WINDOW);
    for (const f of french) expect(r.accounts[f]!.topics.map((t) => t.slug)).not.toContain('elle');
    expect(r.accounts[fan]!.topics.map((t) => t.slug)).toContain('elle');
  });
});
