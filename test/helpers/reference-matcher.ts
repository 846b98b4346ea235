/**
 * The topic matcher restated the slow, obvious way, to check the fast one against: the text
 * is folded by the definition (text.ts module doc) with normalize() and replace(), read one
 * character at a time with regexes, every token is a string looked up in a Map, and the forms
 * are a Map from token paths to trie nodes. No typed arrays, no hashing while reading, no
 * shortcuts. test/topics/matcher-reference.test.ts asserts that matchInto() leaves exactly
 * what this returns in its scratch buffers.
 *
 *   const ref = buildReferenceMatcher(matcher, generateSurfaceForms(tax));
 *   referenceMatch(ref, 'I love #HipHop', null)  // -> tokens, offsets, hashtags, matches
 */
import type { SurfaceForm } from '../../src/engine/topics/surface-forms.js';
import { languageMask, type TopicMatcher } from '../../src/engine/topics/matcher.js';
import { tokenHash } from '../../src/engine/topics/text.js';
import { scriptOf, SCRIPT_COUNT } from '../../src/engine/topics/language.js';

/** What matchInto leaves in its scratch, as plain arrays. */
export interface ReferenceResult {
  folded: string;
  /** per token */
  tokens: string[];
  tokenIds: number[];
  tokenStart: number[];
  tokenHashes: number[];
  tokenHashtag: number[];
  scripts: number[];
  hashtags: number;
  /** per match */
  topics: number[];
  hashtag: number[];
  node: number[];
  start: number[];
}

export interface ReferenceMatcher {
  matcher: TopicMatcher;
  /** token path (tokens joined by U+0001) -> trie node, numbered as the matcher numbers them: in order of first appearance */
  nodeOf: Map<string, number>;
  /** node -> [topic, language mask] sorted by topic */
  entries: Map<number, [number, number][]>;
}

/** The forms' trie as paths; `matcher` supplies only the vocabulary ids and the gated languages. */
export function buildReferenceMatcher(matcher: TopicMatcher, forms: SurfaceForm[]): ReferenceMatcher {
  const nodeOf = new Map<string, number>();
  const byNode = new Map<number, Map<number, number>>();
  for (const f of forms) {
    let path = '';
    let node = -1;
    for (const tok of f.tokens) {
      path = path === '' ? tok : `${path}\u0001${tok}`;
      if (!nodeOf.has(path)) nodeOf.set(path, nodeOf.size);
      node = nodeOf.get(path)!;
    }
    const k = f.lang === null ? -1 : matcher.languages.indexOf(f.lang);
    const mask = k < 0 ? 1 : 1 << (k + 1);
    const topics = byNode.get(node) ?? new Map<number, number>();
    topics.set(f.topic, (topics.get(f.topic) ?? 0) | mask);
    byNode.set(node, topics);
  }
  const entries = new Map([...byNode].map(([node, topics]) => [node, [...topics].sort((a, b) => a[0] - b[0])]));
  return { matcher, nodeOf, entries };
}

const DROPPED_MARKS = /[\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/** Folding by its definition (text.ts module doc). */
export function referenceFold(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(DROPPED_MARKS, '')
    .normalize('NFC')
    .replace(/[ßς]/g, (c) => (c === 'ß' ? 'ss' : 'σ'));
}

const SPACELESS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

type Kind = 'sep' | 'word' | 'cjk';

/** The character at i: a surrogate pair is one character; a lone surrogate is a separator. */
function kindAt(s: string, i: number): Kind {
  const cp = s.codePointAt(i)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return 'sep';
  const ch = String.fromCodePoint(cp);
  if (!WORDLIKE.test(ch)) return 'sep';
  return SPACELESS.test(ch) ? 'cjk' : 'word';
}

/** Code units the step at i moves over: 2 at a high surrogate with anything after it. */
const stepAt = (s: string, i: number): number => (/[\ud800-\udbff]/.test(s[i]!) && i + 1 < s.length ? 2 : 1);
const isWord = (s: string, i: number): boolean => i < s.length && kindAt(s, i) === 'word';
const isDigit = (s: string, i: number): boolean => /[0-9]/.test(s[i] ?? '');
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /[\u0000-\u0020\u00a0\u3000\u2000-\u200b]/.test(ch);

interface RefToken {
  text: string;
  start: number;
  hashtag: boolean;
  joined: boolean;
}

/** A word from i: its end and its text (apostrophes and acronym dots dropped, '&', '$', trailing '+' and '#' kept). */
function readWord(s: string, i: number): { end: number; text: string } {
  let text = '';
  let from = i;
  let segment = i;
  let j = i + stepAt(s, i);
  while (j < s.length) {
    const ch = s[j]!;
    if (kindAt(s, j) === 'word') j += stepAt(s, j);
    else if ("'\u2019\u02bc".includes(ch) && isWord(s, j + 1)) {
      text += s.slice(from, j);
      from = segment = j + 1;
      j++;
    } else if (ch === '.' && j - segment === 1 && !isDigit(s, segment) && isWord(s, j + 1) && !isDigit(s, j + 1) && !isWord(s, j + 2)) {
      text += s.slice(from, j);
      from = segment = j + 1;
      j++;
    } else if ((ch === '&' || ch === '$') && isWord(s, j + 1)) j++;
    else {
      if (ch === '+') {
        let e = j;
        while (s[e] === '+') e++;
        if (!isWord(s, e)) j = e;
      } else if (ch === '#' && !isWord(s, j + 1)) j++;
      break;
    }
  }
  return { end: j, text: text + s.slice(from, j) };
}

/** The tokens of folded text and the number of hashtags (text.ts module doc). */
export function referenceTokens(s: string): { tokens: RefToken[]; hashtags: number } {
  const tokens: RefToken[] = [];
  let hashtags = 0;
  let hash = false;
  let i = 0;
  while (i < s.length) {
    const kind = kindAt(s, i);
    if (kind === 'word') {
      const { end, text } = readWord(s, i);
      const joined = text !== s.slice(i, end);
      if (s.startsWith('://', end) || (!joined && s.slice(i, end) === 'www' && s[end] === '.')) {
        // a URL ('scheme://', 'www.'): skipped to the next space
        i = end;
        while (i < s.length && !isSpace(s[i])) i++;
      } else {
        tokens.push({ text, start: i, hashtag: hash, joined });
        if (hash) hashtags++;
        i = end;
      }
      hash = false;
    } else if (kind === 'cjk') {
      const w = stepAt(s, i);
      tokens.push({ text: s.slice(i, i + w), start: i, hashtag: hash, joined: false });
      if (hash) hashtags++;
      hash = false;
      i += w;
    } else if (s[i] === '#' && i + 1 < s.length && kindAt(s, i + 1) !== 'sep') {
      hash = true;
      i++;
    } else if (s[i] === '@') {
      hash = false;
      i++;
      while (i < s.length && ('_.@-'.includes(s[i]!) || kindAt(s, i) !== 'sep')) i += stepAt(s, i);
    } else {
      hash = false;
      i += stepAt(s, i);
    }
  }
  return { tokens, hashtags };
}

/** CamelCase parts of the hashtag cased[start, end) as offsets, or null without a boundary (matcher.ts splitCamelCase). */
function camelCuts(cased: string, start: number, end: number): number[] | null {
  const upper = (k: number): boolean => /[A-Z]/.test(cased[k] ?? '');
  const lower = (k: number): boolean => /[a-z]/.test(cased[k] ?? '');
  const cuts: number[] = [];
  for (let k = start + 1; k < end; k++) if (upper(k) && (lower(k - 1) || (upper(k - 1) && k + 1 < end && lower(k + 1) && k - 1 > start))) cuts.push(k);
  return cuts.length ? cuts : null;
}

/** Tokens, their ids and the leftmost-longest matches of one text (what matchInto computes). */
export function referenceMatch(ref: ReferenceMatcher, text: string, lang: string | null): ReferenceResult {
  return referenceMatchTokens(ref, referenceTokenize(ref, text), lang);
}

/** The tokens of one text as tokenizeText leaves them (CamelCase hashtags split), without matches. */
export function referenceTokenize(ref: ReferenceMatcher, text: string): ReferenceResult {
  const { matcher } = ref;
  const folded = referenceFold(text);
  const cased = folded.length === text.length ? text : null;
  const { tokens: read, hashtags } = referenceTokens(folded);
  const tokens: RefToken[] = [];
  for (const t of read) {
    const cuts = t.hashtag && !t.joined && cased !== null && !matcher.vocab.has(t.text) ? camelCuts(cased, t.start, t.start + t.text.length) : null;
    if (!cuts) {
      tokens.push(t);
      continue;
    }
    const bounds = [t.start, ...cuts, t.start + t.text.length];
    for (let k = 0; k + 1 < bounds.length; k++) tokens.push({ text: folded.slice(bounds[k], bounds[k + 1]), start: bounds[k]!, hashtag: true, joined: false });
  }
  const scripts = new Array<number>(SCRIPT_COUNT).fill(0);
  for (const t of tokens) scripts[scriptOf(folded.charCodeAt(t.start))]!++;
  const result: ReferenceResult = {
    folded,
    tokens: tokens.map((t) => t.text),
    tokenIds: tokens.map((t) => matcher.vocab.get(t.text) ?? -1),
    tokenStart: tokens.map((t) => t.start),
    tokenHashes: tokens.map((t) => tokenHash(t.text)),
    tokenHashtag: tokens.map((t) => (t.hashtag ? 1 : 0)),
    scripts,
    hashtags,
    topics: [],
    hashtag: [],
    node: [],
    start: [],
  };
  return result;
}

/** The leftmost-longest matches over referenceTokenize's tokens for a post in `lang` (a copy; `tokenized` is left as is). */
export function referenceMatchTokens(ref: ReferenceMatcher, tokenized: ReferenceResult, lang: string | null): ReferenceResult {
  const result: ReferenceResult = { ...tokenized, topics: [], hashtag: [], node: [], start: [] };
  const tokens = tokenized.tokens;
  const mask = languageMask(ref.matcher, lang);
  let i = 0;
  while (i < tokens.length) {
    let best = -1;
    let bestEnd = i;
    let path = '';
    for (let j = i; j < tokens.length; j++) {
      path = j === i ? tokens[j]! : `${path}\u0001${tokens[j]!}`;
      const node = ref.nodeOf.get(path);
      if (node === undefined) break;
      if ((ref.entries.get(node) ?? []).some(([, m]) => (m & mask) !== 0)) {
        best = node;
        bestEnd = j;
      }
    }
    if (best < 0) {
      i++;
      continue;
    }
    for (const [topic, m] of ref.entries.get(best)!) {
      if ((m & mask) === 0) continue;
      result.topics.push(topic);
      result.hashtag.push(tokenized.tokenHashtag[i]!);
      result.node.push(best);
      result.start.push(i);
    }
    i = bestEnd + 1;
  }
  return result;
}
