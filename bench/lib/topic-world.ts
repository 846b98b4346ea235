/**
 * A generated population with known true topics, for evaluating topic assignment:
 * - experts (60%): 1-3 true topics from a pool of real Klout topics (everyday-word topics
 *   such as Weather or Music included), 4-14 posts on each, engagement Poisson(lambda) per
 *   post with lambda per account in 0.3..5 (some experts are barely heard: recall < 1);
 *   10% of experts post in French (lang 'fr', French words, French display names where the
 *   ontology has them);
 * - casual accounts: ordinary posts only;
 * - everybody: everyday sentences that happen to contain topic names ("nice weather today",
 *   "apple pie", "love this music"), 1-3 stray posts naming a random topic once, and a
 *   "weak interest" of two posts on one more topic - none of which is expertise;
 * - hashtag stuffers (5%): posts of 12-20 topic hashtags, engaged like everybody else;
 * - resharers (10%): reshare experts' topic posts ("RT @x: ...") without posting their own.
 * Deterministic for a seed.
 */
import { ROOT, type Taxonomy } from '../../src/engine/topics/taxonomy.js';
import type { PostKind } from '../../src/engine/dataset.js';
import { makeRng, type Rng } from './random.js';
import { FILLER } from './post-text.js';
import type { StoreRows } from '../../test/helpers/store-rows.js';

export interface WorldAccount {
  handle: string;
  bio: string | null;
  role: 'expert' | 'casual' | 'stuffer' | 'resharer';
  trueTopics: string[];
  /** topics named in 1 or 2 posts only: must not be assigned */
  strayTopics: string[];
}

export interface WorldEngagement {
  actor: number;
  kind: 'like' | 'reshare' | 'reply';
  at: number;
}

export interface WorldPost {
  id: string;
  author: number;
  at: number;
  kind: PostKind;
  text: string;
  lang: string | null;
  engagements: WorldEngagement[];
}

export interface TopicWorld {
  accounts: WorldAccount[];
  posts: WorldPost[];
  asOf: number;
  windowDays: number;
  pool: string[];
}

export interface WorldOptions {
  accounts?: number;
  seed?: number;
  /** topics experts are drawn from */
  poolSize?: number;
  /** posts an expert writes per true topic, [min, max] (default [4, 14]) */
  topicPosts?: [number, number];
  /** per-account mean engagers per post, [min, max] (default [0.3, 5]) */
  engagement?: [number, number];
}

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 2, 31);
const FRENCH_FILLER = `le la les un une des et est dans pour sur avec que qui pas plus tout bien très aussi mais nous vous ils
elle son sa ses mon ma mes ce cette jour semaine matin soir demain hier encore toujours petit grand nouveau beau belle
travail maison ville ami amis famille temps vie merci bonjour enfin vraiment super chose faire voir aller venir lire`.split(/\s+/);
const FRENCH_EVERYDAY = ["il fait beau aujourd'hui", "j'adore cette musique", 'un bon repas', 'quel beau temps', 'encore un café'];
const EVERYDAY = ['nice weather today', 'apple pie for dessert', 'love this music', 'need food now', 'what a nice day', 'the weather is awful', 'good music and good food', 'an apple a day'];
const EVERYDAY_TOPICS = ['weather', 'music', 'food', 'apple', 'nice', 'coffee', 'travel', 'movies'];
const INTROS = ['Thinking about', 'New post on', 'My notes on', 'Quick thread about', 'Can we talk about', 'Spent the day on', 'Loving', 'Hot take on', 'Reading up on', 'Ten things about'];
const OUTROS = ['today', 'again', 'this week', 'thoughts?', 'more soon', 'link below', 'so good', 'what do you think', '', ''];

/** The way a topic name is written in a post: as is, lower case, a hashtag, or in French. */
function written(rng: Rng, tax: Taxonomy, t: number, french: boolean): string {
  const fr = tax.altNames['fr']?.[t];
  if (french && fr) return rng.chance(0.5) ? fr : fr.toLowerCase();
  const base = tax.names[t]!.replace(/\s*\([^)]*\)\s*$/, '');
  const r = rng.next();
  if (r < 0.15) return `#${base.replace(/[^\p{L}\p{N}]+/gu, '')}`;
  if (r < 0.45) return base.toLowerCase();
  return base;
}

function filler(rng: Rng, n: number, french = false): string {
  return Array.from({ length: n }, () => rng.pick(french ? FRENCH_FILLER : FILLER)).join(' ');
}

/** Topics experts can have: not super-topics, plus everyday-word topics when the taxonomy has them. */
function makePool(rng: Rng, tax: Taxonomy, size: number): number[] {
  const candidates = [];
  for (let t = 0; t < tax.size; t++) if (!tax.parents[t]!.includes(ROOT)) candidates.push(t);
  const pool = new Set<number>();
  for (const slug of EVERYDAY_TOPICS) {
    const t = tax.bySlug.get(slug);
    if (t !== undefined) pool.add(t);
  }
  while (pool.size < Math.min(size, candidates.length)) pool.add(rng.pick(candidates));
  return [...pool];
}

/** Generates a world (see the module doc). */
export function generateTopicWorld(tax: Taxonomy, options: WorldOptions = {}): TopicWorld {
  const rng = makeRng(options.seed ?? 1);
  const n = options.accounts ?? 300;
  const pool = makePool(rng, tax, options.poolSize ?? 120);
  const accounts: WorldAccount[] = [];
  const posts: WorldPost[] = [];
  const lambda: number[] = [];
  const topicPosts: number[] = []; // indices of expert topic posts, for resharers
  const at = () => AS_OF - rng.int(0, 85) * DAY - rng.int(0, DAY - 1);
  const post = (author: number, text: string, kind: PostKind = 'original', lang: string | null = null) => {
    posts.push({ id: `w${posts.length + 1}`, author, at: at(), kind, text, lang, engagements: [] });
    return posts.length - 1;
  };

  for (let a = 0; a < n; a++) {
    const r = rng.next();
    const role: WorldAccount['role'] = r < 0.6 ? 'expert' : r < 0.65 ? 'stuffer' : r < 0.75 ? 'resharer' : 'casual';
    const acct: WorldAccount = { handle: `user${a}`, bio: null, role, trueTopics: [], strayTopics: [] };
    accounts.push(acct);
    const [lo, hi] = options.engagement ?? [0.3, 5];
    lambda.push(lo + rng.next() * (hi - lo));
    const french = role === 'expert' && rng.chance(0.1);
    const lang = french ? 'fr' : null;
    if (role === 'expert') {
      const k = rng.int(1, 3);
      const mine = new Set<number>();
      while (mine.size < k) mine.add(rng.pick(pool));
      for (const t of mine) {
        acct.trueTopics.push(tax.slugs[t]!);
        const count = rng.int(...(options.topicPosts ?? [4, 14]));
        for (let i = 0; i < count; i++) {
          const text = french
            ? `${filler(rng, 2, true)} ${written(rng, tax, t, true)} ${filler(rng, rng.int(2, 8), true)}`
            : `${rng.pick(INTROS)} ${written(rng, tax, t, false)} ${filler(rng, rng.int(2, 8))} ${rng.pick(OUTROS)}`.trim();
          topicPosts.push(post(a, text, rng.chance(0.15) ? 'reply' : 'original', lang));
        }
      }
      if (rng.chance(0.5)) acct.bio = `${rng.pick(['Writer', 'Fan', 'Pro', 'Nerd'])} of ${tax.names[[...mine][0]!]!}. ${filler(rng, 3)}`;
    }
    // ordinary life, everyday words included
    const ordinary = rng.int(10, 40);
    for (let i = 0; i < ordinary; i++) {
      const everyday = rng.pick(french ? FRENCH_EVERYDAY : EVERYDAY);
      post(a, rng.chance(0.35) ? `${everyday} ${filler(rng, rng.int(0, 6), french)}` : filler(rng, rng.int(6, 18), french), 'original', lang);
    }
    // strays: a topic named once (1-3 of them) and a weak interest named twice; not an
    // everyday-word topic (ordinary posts already use those words, so "only once" would be false)
    const strays = rng.int(1, 3);
    for (let i = 0; i <= strays; i++) {
      const t = rng.pick(pool);
      if (EVERYDAY_TOPICS.includes(tax.slugs[t]!)) continue;
      if (acct.trueTopics.includes(tax.slugs[t]!) || acct.strayTopics.includes(tax.slugs[t]!)) continue;
      acct.strayTopics.push(tax.slugs[t]!);
      const times = i === strays ? 2 : 1;
      for (let k = 0; k < times; k++) post(a, `${filler(rng, 3, french)} ${written(rng, tax, t, french)} ${filler(rng, 4, french)}`, 'original', lang);
    }
    if (role === 'stuffer') {
      for (let i = rng.int(10, 30); i > 0; i--) {
        const tags = Array.from({ length: rng.int(12, 20) }, () => `#${tax.names[rng.pick(pool)]!.replace(/[^\p{L}\p{N}]+/gu, '')}`);
        post(a, `${filler(rng, 3)} ${tags.join(' ')}`);
      }
    }
  }
  // resharers reshare experts' topic posts (the words are someone else's)
  for (let a = 0; a < n; a++) {
    if (accounts[a]!.role !== 'resharer' || topicPosts.length === 0) continue;
    for (let i = rng.int(5, 15); i > 0; i--) {
      const src = posts[rng.pick(topicPosts)]!;
      post(a, `RT @${accounts[src.author]!.handle}: ${src.text}`, 'reshare');
    }
  }
  // engagement: per post Poisson(lambda of the author), from random other accounts
  for (const p of posts) {
    if (p.kind === 'reshare') continue;
    const seen = new Set<number>();
    for (let k = rng.poisson(lambda[p.author]!); k > 0; k--) {
      const actor = rng.int(0, n - 1);
      if (actor === p.author || seen.has(actor)) continue;
      seen.add(actor);
      const r = rng.next();
      p.engagements.push({ actor, kind: r < 0.6 ? 'like' : r < 0.85 ? 'reshare' : 'reply', at: Math.min(AS_OF, p.at + rng.int(1, 48) * 3_600_000) });
    }
  }
  return { accounts, posts, asOf: AS_OF, windowDays: 90, pool: pool.map((t) => tax.slugs[t]!) };
}

/** Writes a world into a store (one transaction). Returns account database ids by index. */
export function writeWorld(world: TopicWorld, rows: StoreRows): number[] {
  const ids: number[] = [];
  rows.batch(() => {
    for (const a of world.accounts) ids.push(rows.account(a.handle, { bio: a.bio }));
    for (const p of world.posts) {
      rows.post(ids[p.author]!, { id: p.id, at: p.at, text: p.text, kind: p.kind, lang: p.lang });
      for (const e of p.engagements) rows.interact(ids[e.actor]!, e.kind, { at: e.at, targetPost: p.id, target: ids[p.author]! });
    }
  });
  return ids;
}
