import { describe, expect, it } from 'vitest';
import { computeTopicExpertise, topicScore, TOPIC_DEFAULTS, type TopicDecision, type TopicExpertise } from '../../src/engine/topics/expertise.js';
import { findTopic } from '../../src/engine/topics/taxonomy.js';
import { rankByTopic } from '../../src/engine/topics/rank.js';
import { loadBuiltinBackground } from '../../src/inputs/background.js';
import { BASIC_TOPICS, makeTopics } from '../helpers/topic-taxonomy.js';
import { TopicInputBuilder } from '../helpers/topic-input.js';
import { day } from '../../tools/sim/dataset-builder.js';

// the test taxonomy, judged against the shipped word frequencies (models/background.json.gz)
const { tax, matcher } = makeTopics(BASIC_TOPICS, loadBuiltinBackground());
const WINDOW = { asOf: day(30), windowDays: 90 };
const run = (b: TopicInputBuilder, config = TOPIC_DEFAULTS): TopicExpertise => computeTopicExpertise(b.build(), tax, matcher, WINDOW, config);
const topicsOf = (r: TopicExpertise, account: number) => r.accounts[account]!.topics;
const slugsOf = (r: TopicExpertise, account: number) => topicsOf(r, account).map((t) => t.slug);
const topic = (r: TopicExpertise, account: number, slug: string) => topicsOf(r, account).find((t) => t.slug === slug);

/** ordinary posts about nothing in the taxonomy */
function ordinary(b: TopicInputBuilder, account: number, n: number, lang = 'en'): void {
  const lines = ['went for a walk with my sister', 'the bus was late again', 'long day at the office', 'finally finished that report', 'dinner with friends tonight', 'cleaning the flat all afternoon'];
  for (let i = 0; i < n; i++) b.post(account, `${lines[i % lines.length]} (${i})`, { lang });
}

describe('aboutness: a topic from the account’s own posts', () => {
  it('one post about cookies makes nobody an expert on cookies', () => {
    const b = new TopicInputBuilder();
    const alice = b.account('alice');
    b.post(alice, 'Baked chocolate chip cookies this morning', { engagers: b.audience(20) });
    ordinary(b, alice, 5);
    expect(slugsOf(run(b), alice)).toEqual([]);
  });

  it('three posts about cookies make the topic with nobody engaging (a Mastodon export); engagement raises only the score', () => {
    const quiet = new TopicInputBuilder();
    const alice = quiet.account('alice');
    quiet.post(alice, 'Baked chocolate chip cookies this morning');
    quiet.post(alice, 'The secret to chewy cookies is brown butter');
    quiet.post(alice, 'Cookie dough resting overnight');
    ordinary(quiet, alice, 10);
    const alone = topic(run(quiet), alice, 'cookies');
    expect(alone).toBeDefined();
    expect(alone!.evidence).toMatchObject({ posts: 3, ownPosts: 3, engagers: 0, engagementKnown: false, direct: true, reshares: 0, hashtagOnly: 0, bio: false });
    expect(alone!.evidence.examples).toHaveLength(3);
    expect(alone!.score).toBeLessThan(20);

    const heard = new TopicInputBuilder();
    const a2 = heard.account('alice');
    const fans = heard.audience(12);
    heard.post(a2, 'Baked chocolate chip cookies this morning', { engagers: fans });
    heard.post(a2, 'The secret to chewy cookies is brown butter', { engagers: fans.slice(0, 6) });
    heard.post(a2, 'Cookie dough resting overnight', { engagers: fans.slice(6) });
    ordinary(heard, a2, 10);
    const loud = topic(run(heard), a2, 'cookies')!;
    expect(loud.evidence).toMatchObject({ posts: 3, engagers: 12, engagementKnown: true });
    expect(loud.score).toBeGreaterThan(alone!.score + 15);
    expect(loud.evidence.examples[0]!.id).toBe('p1'); // the most engaged post first
  });

  it('declared counts give a lower bound on engagers when the export names nobody', () => {
    const b = new TopicInputBuilder();
    const alice = b.account('alice');
    for (let i = 0; i < 3; i++) b.post(alice, `cookies batch ${i}`, { likes: 4, reshares: 1 });
    expect(topic(run(b), alice, 'cookies')?.evidence).toMatchObject({ engagers: 4, engagementKnown: true });
  });

  it('thresholds are tunable in one defaults object', () => {
    const b = new TopicInputBuilder();
    const alice = b.account('alice');
    b.post(alice, 'cookies!');
    expect(slugsOf(run(b), alice)).toEqual([]);
    // one post is no evidence beyond having been named at all (p = 1): only a lenient FDR level lets it through
    expect(slugsOf(run(b, { ...TOPIC_DEFAULTS, minPosts: 1, minWeightedPosts: 0.5, fdr: 1 }), alice)).toContain('cookies');
  });

  it('the same sentence posted again and again, or inside longer posts, is one piece of evidence', () => {
    const b = new TopicInputBuilder();
    const bot = b.account('bot');
    for (let i = 0; i < 10; i++) b.post(bot, `@user${i} Cookies are great! https://spam.example/${i}`);
    const habit = b.account('habit');
    for (let i = 0; i < 10; i++) b.post(habit, `${['Morning.', 'Rain again.', 'Busy day.'][i % 3]} Cookies are great! See you ${i}`);
    const r = run(b);
    expect(slugsOf(r, bot)).toEqual([]);
    expect(slugsOf(r, habit)).toEqual([]);
  });
});

describe('roll-up', () => {
  it('a category is listed when several named sub-topics carry it, and it names them with their posts', () => {
    const b = new TopicInputBuilder();
    const alice = b.account('alice');
    const fans = b.audience(4);
    for (let i = 0; i < 4; i++) b.post(alice, `Saturday is Jazz night, number ${i} at the club`, { engagers: fans });
    for (let i = 0; i < 3; i++) b.post(alice, `New hip hop record, track ${i}`, { engagers: fans });
    ordinary(b, alice, 10);
    const r = run(b);
    const music = topic(r, alice, 'music')!;
    expect(music).toBeDefined();
    expect(music.evidence.direct).toBe(false);
    expect(music.evidence.posts).toBe(7);
    expect(music.evidence.subTopics.map((p) => [p.slug, p.posts])).toEqual([['jazz', 4], ['hip-hop', 3]]);
    expect(music.score).toBeGreaterThanOrEqual(topic(r, alice, 'jazz')!.score); // an ancestor never scores below its descendants
  });

  it('one topic is never turned into its chain of categories, but rank --topic of a category finds its expert', () => {
    const b = new TopicInputBuilder();
    const fan = b.account('fan');
    for (let i = 0; i < 5; i++) b.post(fan, `Watched the New York Yankees again, game ${i}`);
    ordinary(b, fan, 10);
    const r = run(b);
    expect(slugsOf(r, fan)).toEqual(['new-york-yankees']); // not also New York and Location
    const ranked = rankByTopic(r, findTopic(tax, 'location-super')!, tax);
    expect(ranked.map((e) => [e.account, e.via, e.topic.slug])).toEqual([[fan, true, 'new-york-yankees']]);
  });

  it('never makes a category out of scattered mentions of its sub-topics', () => {
    const b = new TopicInputBuilder();
    const alice = b.account('alice');
    b.post(alice, 'Some jazz tonight');
    b.post(alice, 'A hip hop track I liked');
    b.post(alice, 'An R&B song on the radio');
    ordinary(b, alice, 10);
    expect(slugsOf(run(b), alice)).toEqual([]);
  });

  it('a term named only inside posts about a subject the account names more often is a detail of it', () => {
    const b = new TopicInputBuilder();
    const alice = b.account('alice');
    for (let i = 0; i < 8; i++) b.post(alice, `Cookies tray ${i}${i < 3 ? ', chocolate chunks and a little art on the icing' : ''}`);
    const r = run(b);
    expect(slugsOf(r, alice)).toContain('cookies');
    expect(slugsOf(r, alice)).not.toContain('art');
  });
});

describe('gaming resistance', () => {
  it('hashtag-stuffed posts and reshares count little', () => {
    const b = new TopicInputBuilder();
    const clean = b.account('clean');
    const stuffer = b.account('stuffer');
    const resharer = b.account('resharer');
    const tags = '#cookies #jazz #hiphop #weather #art #music #followback #f4f #like4like #instagood #photooftheday #love #tbt #cute #happy';
    for (let i = 0; i < 3; i++) b.post(clean, `Testing a new cookies recipe, batch ${i}`);
    for (let i = 0; i < 30; i++) b.post(stuffer, `batch ${i} ${tags}`, { hashtags: 15 });
    for (let i = 0; i < 8; i++) b.post(resharer, `RT @baker: cookies recipe number ${i}`, { kind: 'reshare' });
    const r = run(b);
    expect(slugsOf(r, clean)).toContain('cookies');
    expect(slugsOf(r, stuffer)).toEqual([]);
    expect(slugsOf(r, resharer)).toEqual([]);
  });
});

describe('word senses against the background', () => {
  it('everyday words are nobody’s topic: "nice weather", "running late", even from someone who says them all the time', () => {
    const b = new TopicInputBuilder();
    const talker = b.account('talker');
    const lines = ['nice weather today', 'running late again', 'what a nice surprise', 'the weather is awful', 'running errands all morning', 'nice to see you', 'still running on coffee'];
    for (let i = 0; i < 40; i++) b.post(talker, `${lines[i % lines.length]}, ${['mum', 'folks', 'team', 'all', 'friends'][i % 5]} ${i}`);
    // a computing historian's "running": the verb, with nothing of the sport around it
    const historian = b.account('historian');
    for (let i = 0; i < 12; i++) b.post(historian, `WAITS is running on the PDP-10 again, session ${i}; running xterm for the demo`);
    const r = run(b);
    expect(slugsOf(r, talker)).toEqual([]);
    expect(slugsOf(r, historian)).not.toContain('running');
  });

  it('an everyday word counts with sense evidence: a hashtag, a capitalised name inside a sentence, or a neighbouring topic', () => {
    const b = new TopicInputBuilder();
    const runner = b.account('runner');
    for (let i = 0; i < 4; i++) b.post(runner, `running my first 10K Races season, week ${i}`); // a child topic named beside it
    for (let i = 0; i < 2; i++) b.post(runner, `#running in the rain, day ${i}`);
    const traveller = b.account('traveller');
    for (let i = 0; i < 4; i++) b.post(traveller, `Back in Nice for the festival, day ${i}`); // "Nice" at the start of a sentence proves nothing ...
    for (let i = 0; i < 4; i++) b.post(traveller, `flying to Nice on friday, trip ${i}`); // ... inside one it is a name
    const r = run(b);
    expect(slugsOf(r, runner)).toContain('running');
    expect(slugsOf(r, traveller)).toContain('nice');
    // a capital at the start of a sentence is no evidence
    const b2 = new TopicInputBuilder();
    const polite = b2.account('polite');
    for (let i = 0; i < 8; i++) b2.post(polite, `Nice work everyone, round ${i}`);
    expect(slugsOf(run(b2), polite)).toEqual([]);
  });

  it('a name that is also a common word ("python" the snake) needs sense evidence however rare the word is', () => {
    const { tax: t, matcher: m } = makeTopics(
      [
        { slug: 'technology-super', name: 'Technology' },
        { slug: 'science-and-nature-super', name: 'Science and Nature' },
        { slug: 'computer-programming', name: 'Computer Programming', parents: ['technology-super'] },
        { slug: 'python', name: 'Python', parents: ['computer-programming'] },
        { slug: 'django', name: 'Django', parents: ['python'] },
        { slug: 'snakes', name: 'Snakes', parents: ['science-and-nature-super'] },
      ],
      loadBuiltinBackground(),
    );
    const b = new TopicInputBuilder();
    const keeper = b.account('zookeeper');
    for (const s of ['we fed the python at the zoo today', 'the python shed its skin this morning', 'our python escaped its enclosure again', 'the python is sleeping in the sun']) b.post(keeper, s);
    const dev = b.account('dev');
    for (let i = 0; i < 4; i++) b.post(dev, `shipped the new Python service, release ${i}`); // a capital inside a sentence: the name
    const webdev = b.account('webdev');
    for (let i = 0; i < 4; i++) b.post(webdev, `python and django all week, sprint ${i}`); // lower case, beside a sub-topic that stands on its own
    const slugs = (config = TOPIC_DEFAULTS) => {
      const r = computeTopicExpertise(b.build(), t, m, WINDOW, config);
      return (k: number) => r.accounts[k]!.topics.map((x) => x.slug);
    };
    const on = slugs();
    expect(on(keeper)).not.toContain('python');
    expect(on(dev)).toContain('python');
    expect(on(webdev)).toContain('python');
    // "python" is rarer than the everyday line (English's 5,000th commonest form): the dictionary's homonym is what asks for evidence
    const off = slugs({ ...TOPIC_DEFAULTS, sense: { ...TOPIC_DEFAULTS.sense, nameHomonyms: false } });
    expect(off(keeper)).toContain('python');
  });

  it('German capitalises every noun, so "Kinder" needs a neighbour; one sense per discourse then counts the rest', () => {
    const b = new TopicInputBuilder();
    const parent = b.account('eltern');
    for (let i = 0; i < 12; i++) b.post(parent, `Die Kinder schlafen endlich, Abend ${i}`, { lang: 'de' });
    const r = run(b);
    expect(slugsOf(r, parent)).toEqual([]);
    const b2 = new TopicInputBuilder();
    const expert = b2.account('kita');
    for (let i = 0; i < 3; i++) b2.post(expert, `Kinder und Kleinkind im Alltag, Folge ${i}`, { lang: 'de' });
    for (let i = 0; i < 9; i++) b2.post(expert, `Was Kinder wirklich brauchen, Teil ${i}`, { lang: 'de' });
    const children = topic(run(b2), expert, 'children');
    expect(children).toBeDefined();
    expect(children!.evidence.ownPosts).toBe(12);
  });

  it('one sense per discourse is anchored by the topic’s own sub-topics, not by its siblings', () => {
    const b = new TopicInputBuilder();
    // a runner: 10K Races (a sub-topic of Running) named in 3 posts, "running" plain in 4 others
    const runner = b.account('runner');
    for (let i = 0; i < 3; i++) b.post(runner, `signed up for the 10K Races series, leg ${i}`);
    for (let i = 0; i < 4; i++) b.post(runner, `running along the river again, lap ${i}`);
    // a film critic: Cannes (a sibling of Nice) in 3 posts, and "nice" the adjective in 4 others
    const critic = b.account('critic');
    for (let i = 0; i < 3; i++) b.post(critic, `Reviewing the films of Cannes, night ${i}`);
    for (let i = 0; i < 4; i++) b.post(critic, `nice evening with the crew, dinner ${i}`);
    const r = run(b);
    expect(topic(r, runner, 'running')?.evidence.ownPosts).toBe(4);
    expect(slugsOf(r, critic)).not.toContain('nice');
    // without the anchor the runner's plain "running" does not count
    const none = run(b, { ...TOPIC_DEFAULTS, sense: { ...TOPIC_DEFAULTS.sense, discourseNeighbours: 'none' } });
    expect(topic(none, runner, 'running')?.evidence.ownPosts ?? 0).toBe(0);
    // the sibling route (TopicConfig.sense.discourseNeighbours 'neighbourhood') would take the adjective for the city
    const wide = run(b, { ...TOPIC_DEFAULTS, sense: { ...TOPIC_DEFAULTS.sense, discourseNeighbours: 'neighbourhood' } });
    expect(slugsOf(wide, critic)).toContain('nice');
  });

  it('a name every language writes ("twitter") needs no sense evidence in any of them; it still vouches for no neighbour', () => {
    const { tax: t2, matcher: m2 } = makeTopics(
      [
        ...BASIC_TOPICS,
        { slug: 'internet-super', name: 'Internet' },
        { slug: 'twitter', name: 'Twitter', parents: ['internet-super'] },
        { slug: 'coffee', name: 'Coffee', parents: ['food-and-drink-super'], alt: { es: 'Café' } },
        { slug: 'pizza', name: 'Pizza', parents: ['food-and-drink-super'] },
      ],
      loadBuiltinBackground(),
    );
    const b = new TopicInputBuilder();
    // lower case, no hashtag, no neighbour: German and English writers leaving the platform
    const german = b.account('ex-user');
    for (let i = 0; i < 4; i++) b.post(german, `nach acht jahren habe ich twitter gelöscht, tag ${i}`, { lang: 'de' });
    ordinary(b, german, 20, 'de');
    const english = b.account('leaver');
    for (let i = 0; i < 4; i++) b.post(english, `deleted twitter after eight years, day ${i}`, { lang: 'en' });
    ordinary(b, english, 20);
    // "café" is an everyday Spanish word; "pizza" is a shared name, frequent everywhere, so it does not vouch for its sense
    const diner = b.account('comensal');
    for (let i = 0; i < 6; i++) b.post(diner, `un café y una pizza con los amigos, noche ${i}`, { lang: 'es' });
    const r = computeTopicExpertise(b.build(), t2, m2, WINDOW);
    const slugs = (a: number) => r.accounts[a]!.topics.map((t) => t.slug);
    expect(slugs(german)).toContain('twitter');
    expect(slugs(english)).toContain('twitter');
    expect(slugs(diner)).not.toContain('coffee');
    // by frequency rank alone (TopicConfig.sense.sharedNames off) the German writer's "twitter" would be an everyday word
    const off = computeTopicExpertise(b.build(), t2, m2, WINDOW, { ...TOPIC_DEFAULTS, sense: { ...TOPIC_DEFAULTS.sense, sharedNames: false } });
    expect(off.accounts[german]!.topics.map((t) => t.slug)).not.toContain('twitter');
  });

  it('language-gated names apply in their language only, as everyday words there: French "elle" is not the magazine Elle', () => {
    const { tax: t2, matcher: m2 } = makeTopics([...BASIC_TOPICS, { slug: 'elle', name: 'Elle', parents: ['entertainment-super'] }], loadBuiltinBackground());
    const b = new TopicInputBuilder();
    const french = Array.from({ length: 5 }, (_, i) => b.account(`fr${i}`));
    for (const f of french) for (let k = 0; k < 8; k++) b.post(f, `elle est partie, elle revient demain (${k})`, { lang: 'fr' });
    const reader = b.account('elle-reader');
    for (let k = 0; k < 5; k++) b.post(reader, `The new issue of Elle is out, ${k}`, { lang: 'en' });
    const r = computeTopicExpertise(b.build(), t2, m2, WINDOW);
    for (const f of french) expect(r.accounts[f]!.topics.map((t) => t.slug)).not.toContain('elle');
    expect(r.accounts[reader]!.topics.map((t) => t.slug)).toContain('elle');
  });
});

describe('inputs and outputs', () => {
  it('counts only posts inside the window, and reports the posts before it', () => {
    const b = new TopicInputBuilder();
    const alice = b.account('alice');
    for (let i = 0; i < 3; i++) b.post(alice, `cookies batch ${i}`, { at: day(-100 + i) });
    b.post(alice, 'cookies again', { at: day(10) });
    const r = run(b);
    expect(slugsOf(r, alice)).toEqual([]);
    expect(r.accounts[alice]!.activity).toEqual({ postsInWindow: 1, postsBefore: 3, firstPostAt: day(-100), lastPostAt: day(10) });
    expect(slugsOf(computeTopicExpertise(b.build(), tax, matcher, { asOf: day(30), windowDays: 200 }), alice)).toContain('cookies');
  });

  it('non-Latin posts: Japanese, Cyrillic and Arabic names', () => {
    const b = new TopicInputBuilder();
    const ja = b.account('ja');
    for (let i = 0; i < 3; i++) b.post(ja, `今日はクッキーを焼いた ${i}`);
    const ru = b.account('ru');
    for (let i = 0; i < 3; i++) b.post(ru, `Печенье к чаю, рецепт ${i}`);
    const ar = b.account('ar');
    for (let i = 0; i < 3; i++) b.post(ar, `وصفة بسكويت رقم ${i}`);
    const r = run(b);
    for (const a of [ja, ru, ar]) expect(slugsOf(r, a)).toContain('cookies');
  });

  it('a bio naming the topic adds a little, and never assigns a topic alone', () => {
    const b = new TopicInputBuilder();
    const withBio = b.account('a', 'I bake cookies');
    const without = b.account('b');
    const bioOnly = b.account('c', 'cookies cookies cookies');
    for (const acct of [withBio, without]) for (let i = 0; i < 3; i++) b.post(acct, `cookies batch ${i}`);
    const r = run(b);
    expect(topic(r, withBio, 'cookies')!.evidence.bio).toBe(true);
    expect(topic(r, withBio, 'cookies')!.score).toBeGreaterThan(topic(r, without, 'cookies')!.score);
    expect(slugsOf(r, bioOnly)).toEqual([]);
  });

  it('is deterministic, and more engagers never lower a topic score', () => {
    const build = (engagers: number) => {
      const b = new TopicInputBuilder();
      const alice = b.account('alice');
      const fans = b.audience(engagers);
      for (let i = 0; i < 4; i++) b.post(alice, `cookies batch ${i}`, { engagers: fans });
      return run(b);
    };
    expect(JSON.stringify(build(3))).toBe(JSON.stringify(build(3)));
    let last = 0;
    for (const n of [0, 1, 2, 5, 10, 50]) {
      const s = topic(build(n), 0, 'cookies')!.score;
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });

  it('matches the worked example in the module documentation', () => {
    const b = new TopicInputBuilder();
    const a = b.account('a');
    const [bb, c, d] = b.audience(3);
    b.post(a, 'cookies one', { engagers: [bb!], engageAs: 'reshare' });
    b.post(a, 'cookies two', { engagers: [bb!] });
    b.post(a, 'cookies three', { engagers: [c!, d!] });
    const input = b.build();
    const posts = input.posts as { events: { like: number }; engagers: number[] }[];
    posts[0]!.events.like = 1; // the first post also has a like from c
    posts[0]!.engagers = [bb!, c!];
    const r = computeTopicExpertise(input, tax, matcher, WINDOW);
    const cookies = topic(r, a, 'cookies')!;
    expect(cookies.evidence.engagers).toBe(3);
    expect(cookies.evidence.engagement).toBeCloseTo(cookies.evidence.weightedPosts, 3);
    expect(cookies.evidence.weightedPosts).toBeGreaterThan(2.9);
    expect(cookies.score).toBe(33);
    expect(topicScore(2.99, 3, 2.99, false)).toBe(33);
    expect(topicScore(2.99, 0, 0, false)).toBe(15);
    expect(topicScore(10, 0, 0, false)).toBe(24);
  });
});

describe('decisions (the diagnostic variant)', () => {
  it('say where the background expectation comes from: word columns for a topic named in its own right, subtree topics for a rolled-up one', () => {
    const b = new TopicInputBuilder();
    const baker = b.account('baker');
    // Cookies named in its own right; Desserts reached only through it (tested on rolled-up counts)
    b.post(baker, 'Baked chocolate chip cookies this morning', { lang: 'en' });
    b.post(baker, 'The secret to chewy cookies is brown butter', { lang: 'en' });
    b.post(baker, 'Cookies cooling on the rack', { lang: 'en' });
    ordinary(b, baker, 20);
    const r = computeTopicExpertise(b.build(), tax, matcher, WINDOW, TOPIC_DEFAULTS, { decisions: new Set([baker]) });
    const decision = (slug: string) => r.accounts[baker]!.decisions!.find((d) => d.slug === slug)!;
    const sum = (d: TopicDecision) => d.muFrom.reduce((total, p) => total + p.mu, 0);
    const cookies = decision('cookies');
    expect(cookies.direct).toBe(true);
    expect(cookies.muFrom[0]!.part).toBe('en');
    // the parts are the test's own expectation, split (3 significant digits each)
    expect(sum(cookies) / cookies.mu).toBeCloseTo(1, 2);
    const desserts = decision('desserts');
    expect(desserts.direct).toBe(false);
    expect(Number.isFinite(desserts.n)).toBe(true);
    // its subtree is itself and Cookies: both parts, largest first, adding up to the rolled-up mu
    expect(desserts.muFrom.map((p) => p.part).sort()).toEqual(['cookies', 'desserts']);
    expect(desserts.muFrom[0]!.mu).toBeGreaterThanOrEqual(desserts.muFrom[1]!.mu);
    expect(sum(desserts) / desserts.mu).toBeCloseTo(1, 2);
    expect(desserts.mu).toBeGreaterThan(cookies.mu);
  });
});
