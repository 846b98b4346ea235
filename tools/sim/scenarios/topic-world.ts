/**
 * A generated population with known true topics, for testing properties of topic assignment
 * (never for fitting it):
 * - accounts write in eight languages (en 50%, de, fr, es, pt 8-12% each, ja, zh, ko 4% each);
 *   70% of their posts carry a language tag, the rest none (Threads, generic tables);
 * - everybody writes everyday chatter (chatter.ts): 15-60 posts of one or two sentences of
 *   small talk (a sentence repeats across posts, as habits do) that uses topic names as ordinary words ("nice weather today", "running late", "die Kinder schlafen",
 *   "今日はいい天気"), the bulk of every timeline;
 * - experts (55%): 1-3 true topics from a pool of real Klout topics (everyday-word topics such
 *   as Weather, Coffee, Running or Music included), 3-14 posts on each; a topic's name is
 *   written the way the account writes (30% write everything in lower case, 20% like
 *   hashtags), in its language where the ontology has a name in it, and a post about a topic
 *   names one of its neighbours (a parent, child or sibling) half the time;
 * - 25% of accounts have no engagement at all (a Mastodon export carries none); the others
 *   draw Poisson(lambda) engagers per post, lambda per account in 0.3..5;
 * - everybody names 1-3 stray topics once and a weak interest twice (not expertise);
 * - hashtag stuffers (5%): posts of 12-20 topic hashtags; resharers (10%): "RT @x: ..." of
 *   experts' topic posts.
 * Deterministic for a seed.
 */
import { ROOT, type Taxonomy } from '../../../src/engine/topics/taxonomy.js';
import type { PostKind } from '../../../src/engine/dataset.js';
import type { TopicInput, TopicPost } from '../../../src/engine/topics/expertise.js';
import { Rng } from '../random.js';
import { CHATTER, CHATTER_LANGUAGES, FILLER_WORDS, TOPIC_FRAMES, type ChatterLanguage } from './chatter.js';
import type { StoreRows } from '../store-rows.js';

export interface WorldAccount {
  handle: string;
  bio: string | null;
  role: 'expert' | 'casual' | 'stuffer' | 'resharer';
  lang: ChatterLanguage;
  /** no engagement data at all (a Mastodon-like export) */
  silent: boolean;
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
  /** posts an expert writes per true topic, [min, max] (default [3, 14]) */
  topicPosts?: [number, number];
  /** per-account mean engagers per post, [min, max] (default [0.3, 5]) */
  engagement?: [number, number];
  /** everyday posts per account, [min, max] (default [15, 60]) */
  chatterPosts?: [number, number];
}

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 2, 31);
/** Topics whose names are everyday words somewhere in the chatter; experts on them exist too. */
const EVERYDAY_TOPICS = ['weather', 'coffee', 'running', 'music', 'food', 'travel', 'movies', 'children', 'apple', 'pizza', 'dogs', 'cats', 'beer', 'shopping', 'family'];
/** Each language's chatter as one lower-case run of words (` a b c `), to see which topic names it uses. */
const CHATTER_WORDS = Object.fromEntries(
  CHATTER_LANGUAGES.map((l) => [l, ` ${CHATTER[l].join(' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `]),
) as Record<ChatterLanguage, string>;

/**
 * True when the chatter of `lang` names topic t (its name or its name in that language, also
 * without a plural "s", as the matcher reads "a book" for Books), so its writers name it anyway.
 */
function chatterNames(tax: Taxonomy, t: number, lang: ChatterLanguage): boolean {
  const names = [tax.names[t]!, tax.altNames[lang]?.[t]].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
  return names.some((n) => CHATTER_WORDS[lang].includes(` ${n} `) || (n.endsWith('s') && CHATTER_WORDS[lang].includes(` ${n.slice(0, -1)} `)));
}

const LANGUAGE_SHARE: [ChatterLanguage, number][] = [['en', 0.5], ['de', 0.12], ['fr', 0.08], ['es', 0.08], ['pt', 0.06], ['ja', 0.04], ['zh', 0.08], ['ko', 0.04]];
const CJK = new Set(['ja', 'zh', 'ko']);

function pickLanguage(rng: Rng): ChatterLanguage {
  let r = rng.next();
  for (const [l, p] of LANGUAGE_SHARE) if ((r -= p) < 0) return l;
  return 'en';
}

interface Style {
  lower: boolean;
  hashtags: number;
}

/** How an account writes a topic's name: in its language where the ontology has one, as a hashtag sometimes, in lower case if it writes so. */
function written(rng: Rng, tax: Taxonomy, t: number, lang: ChatterLanguage, style: Style): string {
  const alt = tax.altNames[lang]?.[t];
  const name = (alt && rng.chance(0.7) ? alt : tax.names[t]!).replace(/\s*\([^)]*\)\s*$/, '');
  if (rng.chance(style.hashtags)) return `#${name.replace(/[^\p{L}\p{N}]+/gu, '')}`;
  return style.lower ? name.toLowerCase() : name;
}

function filler(rng: Rng, lang: ChatterLanguage, n: number): string {
  const sep = CJK.has(lang) && lang !== 'ko' ? '' : ' ';
  return Array.from({ length: n }, () => rng.pick(FILLER_WORDS[lang])).join(sep);
}

/** The neighbours a post about t may name: parents (not super-topics), siblings, children. */
function neighboursOf(tax: Taxonomy, t: number): number[] {
  const near: number[] = [];
  for (const p of tax.parents[t]!) {
    if (p === ROOT) continue;
    if (!tax.parents[p]!.includes(ROOT)) near.push(p);
    for (const s of tax.children[p]!) if (s !== t) near.push(s);
  }
  near.push(...tax.children[t]!);
  return near;
}

/** A neighbour of t (parent, child or sibling; not a super-topic), or null. */
function neighbour(rng: Rng, tax: Taxonomy, t: number): number | null {
  const near = neighboursOf(tax, t);
  return near.length ? rng.pick(near) : null;
}

/** Topics experts can have: not super-topics, plus the everyday-word topics the taxonomy has. */
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
  const rng = new Rng(options.seed ?? 1);
  const n = options.accounts ?? 300;
  const pool = makePool(rng, tax, options.poolSize ?? 120);
  const accounts: WorldAccount[] = [];
  const posts: WorldPost[] = [];
  const lambda: number[] = [];
  const topicPosts: number[] = [];
  const at = () => AS_OF - rng.between(0, 85) * DAY - rng.between(0, DAY - 1);
  const post = (author: number, text: string, kind: PostKind = 'original') => {
    const a = accounts[author]!;
    posts.push({ id: `w${posts.length + 1}`, author, at: at(), kind, text, lang: rng.chance(0.7) ? a.lang : null, engagements: [] });
    return posts.length - 1;
  };

  for (let a = 0; a < n; a++) {
    const r = rng.next();
    const role: WorldAccount['role'] = r < 0.55 ? 'expert' : r < 0.6 ? 'stuffer' : r < 0.7 ? 'resharer' : 'casual';
    const lang = pickLanguage(rng);
    const acct: WorldAccount = { handle: `user${a}`, bio: null, role, lang, silent: rng.chance(0.25), trueTopics: [], strayTopics: [] };
    accounts.push(acct);
    const [lo, hi] = options.engagement ?? [0.3, 5];
    lambda.push(lo + rng.next() * (hi - lo));
    const style: Style = { lower: rng.chance(0.3), hashtags: rng.chance(0.2) ? 0.4 : 0.08 };
    const frame = TOPIC_FRAMES[lang];
    const sep = CJK.has(lang) && lang !== 'ko' ? '' : ' ';
    if (role === 'expert') {
      const mine = new Set<number>();
      for (let k = rng.between(1, 3); mine.size < k; ) mine.add(rng.pick(pool));
      for (const t of mine) {
        acct.trueTopics.push(tax.slugs[t]!);
        const count = rng.between(...(options.topicPosts ?? [3, 14]));
        for (let i = 0; i < count; i++) {
          const near = rng.chance(0.5) ? neighbour(rng, tax, t) : null;
          const parts = [rng.pick(frame.before), written(rng, tax, t, lang, style), near !== null ? written(rng, tax, near, lang, style) : '', filler(rng, lang, rng.between(2, 8)), rng.pick(frame.after)];
          topicPosts.push(post(a, parts.filter(Boolean).join(sep).trim(), rng.chance(0.15) ? 'reply' : 'original'));
        }
      }
      if (rng.chance(0.4)) acct.bio = `${tax.names[[...mine][0]!]!} ${filler(rng, lang, 3)}`;
    }
    // ordinary life, everyday words included: most of every timeline
    const [cl, ch] = options.chatterPosts ?? [15, 60];
    for (let i = rng.between(cl, ch); i > 0; i--) {
      // one sentence, or two (people do not pad their posts with random words)
      const lines = rng.chance(0.4) ? [rng.pick(CHATTER[lang]), rng.pick(CHATTER[lang])] : [rng.pick(CHATTER[lang])];
      const text = lines.map((line) => (style.lower ? line.toLowerCase() : line.charAt(0).toUpperCase() + line.slice(1))).join(CJK.has(lang) && lang !== 'ko' ? '。' : '. ');
      post(a, text);
    }
    // strays: a topic named once (1-3 of them) and a weak interest named twice
    // (never a neighbour of a true topic, nor a topic whose name the topic posts' frames use ("Reading up on"):
    // the topic posts would name it too, and then it is named in more than two posts)
    const nearTrue = new Set(acct.trueTopics.flatMap((slug) => neighboursOf(tax, tax.bySlug.get(slug)!)));
    const frameWords = ` ${[...frame.before, ...frame.after].join(' ').toLowerCase()} `;
    const strays = rng.between(1, 3);
    for (let i = 0; i <= strays; i++) {
      const t = rng.pick(pool);
      const slug = tax.slugs[t]!;
      // a stray is named in one or two posts: never a topic the account's chatter names too ("hot chocolate")
      if (EVERYDAY_TOPICS.includes(slug) || chatterNames(tax, t, lang) || acct.trueTopics.includes(slug) || acct.strayTopics.includes(slug) || nearTrue.has(t) || frameWords.includes(` ${tax.names[t]!.toLowerCase()} `)) continue;
      acct.strayTopics.push(slug);
      for (let k = i === strays ? 2 : 1; k > 0; k--) post(a, [filler(rng, lang, 3), written(rng, tax, t, lang, style), filler(rng, lang, 4)].join(sep));
    }
    if (role === 'stuffer') {
      for (let i = rng.between(10, 30); i > 0; i--) {
        const tags = Array.from({ length: rng.between(12, 20) }, () => `#${tax.names[rng.pick(pool)]!.replace(/[^\p{L}\p{N}]+/gu, '')}`);
        post(a, `${filler(rng, lang, 3)} ${tags.join(' ')}`);
      }
    }
  }
  for (let a = 0; a < n; a++) {
    if (accounts[a]!.role !== 'resharer' || topicPosts.length === 0) continue;
    for (let i = rng.between(5, 15); i > 0; i--) {
      const src = posts[rng.pick(topicPosts)]!;
      post(a, `RT @${accounts[src.author]!.handle}: ${src.text}`, 'reshare');
    }
  }
  for (const p of posts) {
    if (p.kind === 'reshare' || accounts[p.author]!.silent) continue;
    const seen = new Set<number>();
    for (let k = rng.poisson(lambda[p.author]!); k > 0; k--) {
      const actor = rng.between(0, n - 1);
      if (actor === p.author || seen.has(actor)) continue;
      seen.add(actor);
      const r = rng.next();
      p.engagements.push({ actor, kind: r < 0.6 ? 'like' : r < 0.85 ? 'reshare' : 'reply', at: Math.min(AS_OF, p.at + rng.between(1, 48) * 3_600_000) });
    }
  }
  return { accounts, posts, asOf: AS_OF, windowDays: 90, pool: pool.map((t) => tax.slugs[t]!) };
}

/** The world as engine input (accounts in world order; a silent account's posts declare nothing). */
export function worldToTopicInput(world: TopicWorld, only?: ReadonlySet<number>): TopicInput {
  const keep = (a: number) => !only || only.has(a);
  const index = new Map<number, number>();
  world.accounts.forEach((_, a) => keep(a) && index.set(a, index.size));
  const posts: TopicPost[] = [];
  for (const p of world.posts) {
    const author = index.get(p.author);
    if (author === undefined) continue;
    const engagers = p.engagements.map((e) => index.get(e.actor)).filter((e): e is number => e !== undefined);
    const count = (kind: string) => p.engagements.filter((e) => e.kind === kind && index.has(e.actor)).length;
    posts.push({
      author, id: p.id, createdAt: p.at, kind: p.kind, text: p.text, lang: p.lang, hashtags: 0,
      events: { like: count('like'), reshare: count('reshare'), reply: count('reply'), quote: 0 },
      declared: { likes: NaN, reshares: NaN, replies: NaN },
      engagers,
    });
  }
  const accounts = world.accounts.filter((_, a) => keep(a)).map((a) => ({ handle: a.handle, network: 'generic', bio: a.bio }));
  return { accounts, posts };
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
