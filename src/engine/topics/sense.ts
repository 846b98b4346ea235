/**
 * Word senses: when a topic's name is also an everyday word in the post's language ("nice",
 * "running", "weather", "apple", "python", German "kinder"), the match counts only with
 * evidence that the post means the topic:
 *   1. it is a hashtag (#Running);
 *   2. it is capitalised inside a sentence, in a language that capitalises names but not
 *      ordinary words (English, French, Spanish, Portuguese, Italian, Dutch; not German, where
 *      every noun is capitalised, nor scripts without case): "flights to Nice" but not "Nice
 *      work!" at the start of a sentence, nor "NICE", nor a Title Case Headline;
 *   3. the post also names a topic of its neighbourhood in the ontology (its parents, children
 *      and siblings, by any of their names or aliases) in a way that stands on its own: not an
 *      everyday word, or a hashtag, or capitalised ("python" beside "Django"; "running" beside
 *      "10K Races" or "#marathon"; but "cooking pasta" vouches for neither).
 * And one sense per discourse (Gale, Church and Yarowsky 1992, "One sense per discourse": a
 * word keeps one sense within a document, here an account's posts in the window): the
 * account's other uses of the word count too when at least `anchorPosts` (2) of its posts carry
 * such evidence, or when at least `minPosts` (3) of its posts name sub-topics of the word's
 * topic, each with its own sense established (a writer about Germany, France and Poland means
 * the continent by "europe"). Only sub-topics (TopicConfig.sense.discourseNeighbours): a
 * sibling shares no more than the parent's field, and a video-card writer's "apple" is still
 * the fruit; with siblings too, the simulated population gets 0.6-1.0% everyday senses
 * instead of 0.0-0.3%, and milahu104's recall is the same (85%).
 * "Everyday word" is decided by the background's frequency, never by a hand list
 * (background.ts: Zipf >= 3.5 in the post's language).
 * Source: disambiguation by collocation with related concepts is Lesk's method (1986) over the
 * ontology's neighbourhood instead of dictionary glosses.
 * Example: "running xterm under WAITS" names Running (everyday in English, lower case, no
 * neighbour named): no evidence, it does not count. "Running my first marathon" names Running
 * and Marathons (a sibling): both count.
 */
import type { Taxonomy } from './taxonomy.js';

/** Parents, children and siblings of `topic` (itself excluded), as a set: the context one post can give. */
export function neighbourhoodOf(tax: Taxonomy, topic: number): Set<number> {
  const out = new Set<number>();
  for (const p of tax.parents[topic]!) {
    if (p < 0) continue;
    out.add(p);
    for (const sib of tax.children[p]!) out.add(sib);
  }
  for (const c of tax.children[topic]!) out.add(c);
  out.delete(topic);
  return out;
}

/**
 * The context an account's other posts can give: parents, children and siblings, except
 * through a super-topic (Sports and Recreation, Lifestyle ... are broad categories, not a
 * sense: a computing historian who once mentions golf has not shown that "running" means
 * the sport).
 */
export function discourseNeighbourhoodOf(tax: Taxonomy, topic: number): Set<number> {
  const out = new Set<number>();
  for (const p of tax.parents[topic]!) {
    if (p < 0 || tax.parents[p]!.includes(-1)) continue;
    out.add(p);
    for (const sib of tax.children[p]!) out.add(sib);
  }
  for (const c of tax.children[topic]!) out.add(c);
  out.delete(topic);
  return out;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
// opening quotes and brackets between a word and the previous one: "I love (Nice)"
const OPENERS = new Set([34, 39, 40, 91, 123, 0x201c, 0x2018, 0xab, 0x2039, 0x201e, 0x201a]);
// separators inside a sentence: "Paris, Nice and Cannes" - the previous word decides
const INNER = new Set([44, 45, 38, 47, 0x2013, 0x2014]);

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordChar = (ch: string): boolean => /[\p{L}\p{N}\p{M}]/u.test(ch);

/**
 * True when the word starting at `start` in `text` is capitalised the way a name is inside a
 * sentence: a capital then a lower-case letter, and the word before it (same sentence, no
 * mention or hashtag) starts in lower case or with a digit.
 */
export function isCapitalisedName(text: string, start: number): boolean {
  const first = text[start];
  const second = text[start + 1];
  if (!first || !isUpper(first)) return false;
  if (second !== undefined && isWordChar(second) && !isLower(second)) return false; // NICE, or a one-letter word
  let i = start - 1;
  while (i >= 0 && (isSpace(text.charCodeAt(i)) || OPENERS.has(text.charCodeAt(i)) || INNER.has(text.charCodeAt(i)))) i--;
  if (i < 0) return false; // first word of the text
  if (!isWordChar(text[i]!)) return false; // . ! ? : ; newline, emoji: a new sentence
  let j = i;
  while (j > 0 && (isWordChar(text[j - 1]!) || text[j - 1] === "'" || text[j - 1] === '\u2019')) j--;
  const before = j > 0 ? text[j - 1] : undefined;
  if (before === '@' || before === '#' || before === '/' || before === '.') return false; // a mention, hashtag or URL
  const c = text.charCodeAt(j);
  return isDigit(c) || isLower(text[j]!);
}
