/**
 * The topic model's input built from the Dataset: the window's posts (with their texts),
 * each with the engagement other accounts aimed at it, in the account index space every
 * other result uses (so a topic score and a score of the same account need no join).
 *
 * Definition: a post p is in the input when its time is in the window (asOf - windowDays,
 * asOf] and its text was read; a post before the window comes without text or engagement,
 * only to be counted (the model's "no topic in this window, N posts before it" hint). Its events are the interactions whose target post is p,
 * of kind reply, reshare, quote or like, by an actor other than p's author, at or before
 * asOf (or without a time); its engagers are the distinct actors of those events. Posts
 * come in post index order (the store's id order: first seen first), which is the order
 * the repeat rule of expertise.ts relies on.
 * Example: alice's post p1 got a like from bob, a reply from bob and a reshare from carol
 * -> events {reply 1, reshare 1, quote 0, like 1}, engagers {bob, carol}.
 */
import { KIND, POST_KINDS, type Dataset } from '../dataset.js';
import { inWindow, type ScoringWindow } from '../window.js';
import type { TopicAccount, TopicExtractions, TopicInput, TopicPost } from './expertise.js';

const TOPIC_EVENT_KINDS = new Set([KIND.reply, KIND.reshare, KIND.quote, KIND.like]);

/** The accounts (with bios) and the window's posts with their engagement (see the module doc). */
export function topicInputOf(dataset: Dataset, window: ScoringWindow, extracted?: TopicExtractions): TopicInput {
  const { accounts: A, posts: P, interactions: I } = dataset;
  const texts = dataset.texts;
  const accounts: TopicAccount[] = Array.from({ length: A.n }, (_, i) => ({ handle: A.handle[i]!, network: A.network[i]!, bio: A.bio[i] ?? null }));
  const wanted = (p: number): boolean => hasTextInWindow(dataset, p, window);
  // posts before the window come without text: the model only counts them (for "try --window N")
  const before = (p: number): boolean => P.createdAt[p]! <= window.asOf && !inWindow(P.createdAt[p]!, window);
  // events per wanted post, as CSR: count, then fill
  const start = new Int32Array(P.n + 1);
  for (let e = 0; e < I.n; e++) {
    const p = I.targetPost[e]!;
    if (p >= 0 && isTopicEvent(dataset, e, p, window.asOf) && wanted(p)) start[p + 1]!++;
  }
  for (let p = 0; p < P.n; p++) start[p + 1]! += start[p]!;
  const eventOf = new Int32Array(start[P.n]!);
  const fill = start.slice(0, P.n);
  for (let e = 0; e < I.n; e++) {
    const p = I.targetPost[e]!;
    if (p >= 0 && isTopicEvent(dataset, e, p, window.asOf) && wanted(p)) eventOf[fill[p]!++] = e;
  }
  function* posts(): Generator<TopicPost> {
    for (let p = 0; p < P.n; p++) {
      if (!wanted(p)) {
        if (before(p)) {
          yield { author: P.author[p]!, id: '', createdAt: P.createdAt[p]!, kind: POST_KINDS[P.kind[p]!]!, text: null, lang: null, hashtags: 0, events: { reply: 0, reshare: 0, quote: 0, like: 0 }, declared: { likes: NaN, reshares: NaN, replies: NaN }, engagers: [] };
        }
        continue;
      }
      const events = { reply: 0, reshare: 0, quote: 0, like: 0 };
      const engagers = new Set<number>();
      for (let k = start[p]!; k < start[p + 1]!; k++) {
        const e = eventOf[k]!;
        const kind = I.kind[e]!;
        if (kind === KIND.reply) events.reply++;
        else if (kind === KIND.reshare) events.reshare++;
        else if (kind === KIND.quote) events.quote++;
        else events.like++;
        engagers.add(I.actor[e]!);
      }
      yield {
        author: P.author[p]!,
        id: texts!.externalId[p]!,
        createdAt: P.createdAt[p]!,
        kind: POST_KINDS[P.kind[p]!]!,
        text: texts!.text[p] ?? null,
        lang: texts!.lang[p] ?? null,
        hashtags: P.hashtags[p]!,
        events,
        declared: { likes: P.likes[p]!, reshares: P.reshares[p]!, replies: P.replies[p]! },
        engagers: [...engagers],
      };
    }
  }
  return { accounts, posts: { [Symbol.iterator]: posts }, ...(extracted ? { extracted } : {}) };
}

/**
 * The texts computeTopicExpertise reads from topicInputOf's posts, in the same order (a
 * post in the window, with a text read and not empty, by a known account), with their
 * language tags: what extractTopicTexts can be given beforehand, in parts on several threads.
 */
export function topicTextsOf(dataset: Dataset, window: ScoringWindow): { texts: string[]; langs: (string | null)[] } {
  const { accounts: A, posts: P } = dataset;
  const texts: string[] = [];
  const langs: (string | null)[] = [];
  const t = dataset.texts;
  if (!t) return { texts, langs };
  for (let p = 0; p < P.n; p++) {
    const text = t.text[p];
    if (!text || !hasTextInWindow(dataset, p, window)) continue;
    const author = P.author[p]!;
    if (author < 0 || author >= A.n) continue;
    texts.push(text);
    langs.push(t.lang[p] ?? null);
  }
  return { texts, langs };
}

/** Post p is in the window and its text was read (topicInputOf gives it with its text). */
function hasTextInWindow(dataset: Dataset, p: number, window: ScoringWindow): boolean {
  return dataset.texts !== undefined && dataset.texts.externalId[p] != null && inWindow(dataset.posts.createdAt[p]!, window);
}

function isTopicEvent(dataset: Dataset, e: number, p: number, asOf: number): boolean {
  const I = dataset.interactions;
  const t = I.createdAt[e]!;
  return TOPIC_EVENT_KINDS.has(I.kind[e]!) && I.actor[e] !== dataset.posts.author[p] && (Number.isNaN(t) || t <= asOf);
}
