/**
 * Finds topics in text: all surface forms (see surface-forms.ts) in one trie over token
 * sequences, walked from each token of the folded text. Matches are leftmost-longest and
 * do not overlap ("New York Yankees" is the team, not also "New York"); a form shared by
 * several topics reports each of them. Cost per post is one pass over its tokens plus a
 * hash lookup per token, whatever the number of topics: no per-topic regexes.
 */
import { createTokenCursor, FNV, PLAIN_GENERAL, PLAIN_SKIP, PLAIN_UNIT, PLAIN_WORD, readToken, startFolded, tokenHash, unitsHash, type TokenCursor } from './text.js';
import { generateSurfaceForms, pluralOf, singularsOf, type SurfaceForm } from './surface-forms.js';
import type { Taxonomy } from './taxonomy.js';
import { emptyBackground, formZipf, independentZipf, type Background } from './background.js';
import { buildLanguageId, scriptOf, SCRIPT_COUNT, type LanguageId } from './language.js';

// The tokenizer's plain shortcut as constants of this module: optimized code reads an imported
// binding through its cell with a check at every use, and folds a module's own constants in.
const PLAIN = PLAIN_UNIT;
const SKIP = PLAIN_SKIP;
const WORD_UNIT = PLAIN_WORD;
const GENERAL = PLAIN_GENERAL;
const OFFSET = FNV.offset;
const PRIME = FNV.prime;
const SCRIPTS = SCRIPT_COUNT;

/** Mask bit for forms that apply to every post; bit k+1 is language k of `languages`. */
const ALWAYS = 1;

export interface TopicMatcher {
  topics: number;
  /** languages that gate some forms, in bit order */
  languages: string[];
  /** token -> id */
  vocab: Map<string, number>;
  /** the same as a hash table probed with a slice of the text (no substring per token) */
  vocabTable: VocabTable;
  /** first-token id -> trie node, -1 when no form starts with it */
  rootNext: Int32Array;
  /** (node, token id) -> child node: an open-addressing hash table (no boxed keys, no allocation per lookup) */
  edges: EdgeTable;
  /**
   * per node k, side by side so the trie walk reads one cache line a node: at 2k the OR of its
   * entries' masks (0 = not the end of a form); at 2k + 1 a bit (token id & 31) for each token
   * id that continues it, so most tokens that cannot continue a form ("photo" then "of") are
   * turned away without an edge lookup
   */
  nodeBits: Int32Array;
  /** per node: first entry index; entries of node k are entryStart[k]..entryStart[k+1]-1 */
  entryStart: Int32Array;
  entryTopic: Int32Array;
  entryMask: Int32Array;
  /** number of forms indexed */
  forms: number;
  /** the word frequencies the forms are judged against */
  background: Background;
  /** per node and background language (node * L + l): the Zipf value of the node's form per token position (a phrase's upper bound: background.ts) */
  nodeZipf: Float32Array;
  /** the same if the form's words met by chance (independence; equal to nodeZipf for one word): a phrase's estimate lies between the two (background.ts) */
  nodeIndependentZipf: Float32Array;
  /** the same, taken as the larger with the form's plural or singular: "apples" is as everyday a word as "apple" (the sense rule reads this) */
  nodeSenseZipf: Float32Array;
  /** per node and background language: 1 when the node's form is one word the language writes both as a name and as a common word (background.ts, name homonyms) */
  nodeHomonym: Uint8Array;
  /**
   * per topic: its forms as (node, column) pairs; column l < L is a background language the form
   * applies to alone, -1 = every language, L = a gated language the background does not know
   */
  topicForms: Int32Array[];
  /** language identification tables (language.ts) */
  languageId: LanguageId;
}

/**
 * formZipf for every background language at once, with per-token values cached (the matcher
 * asks for ~150,000 forms and variants over ~45,000 distinct tokens).
 */
function formZipfCache(bg: Background): { upper: (tokens: readonly string[]) => Float64Array; independent: (tokens: readonly string[]) => Float64Array } {
  const L = bg.languages.length;
  const byToken = new Map<string, Float64Array>();
  const tokenZipfs = (t: string): Float64Array => {
    let z = byToken.get(t);
    if (!z) {
      z = new Float64Array(L);
      for (let l = 0; l < L; l++) z[l] = formZipf(bg, l, [t]);
      byToken.set(t, z);
    }
    return z;
  };
  // runs of Chinese or Japanese characters may be words of their own: the general path
  const cjk = (tokens: readonly string[]): boolean => tokens.some((t) => t.length <= 2 && t.charCodeAt(0) >= 0x2e80);
  const upper = (tokens: readonly string[]): Float64Array => {
    if (tokens.length === 1) return tokenZipfs(tokens[0]!);
    if (cjk(tokens)) return Float64Array.from(bg.languages, (_, l) => formZipf(bg, l, tokens));
    const out = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      let inv = 0;
      for (const t of tokens) inv += 10 ** -tokenZipfs(t)[l]!;
      out[l] = -Math.log10(inv);
    }
    return out;
  };
  const independent = (tokens: readonly string[]): Float64Array => {
    if (tokens.length === 1) return tokenZipfs(tokens[0]!);
    if (cjk(tokens)) return Float64Array.from(bg.languages, (_, l) => independentZipf(bg, l, tokens));
    const out = new Float64Array(L).fill(9);
    for (let l = 0; l < L; l++) for (const t of tokens) out[l]! += tokenZipfs(t)[l]! - 9;
    return out;
  };
  return { upper, independent };
}

/** Options for buildTopicMatcher. */
export interface MatcherOptions {
  /** the background (default: none, every word rare; the CLI passes the shipped one) */
  background?: Background;
  /** surface forms (default: generated from the taxonomy) */
  forms?: SurfaceForm[];
}

/**
 * Vocabulary as open addressing on the token's tokenHash, all in typed arrays so a probe reads
 * no JS object: slot k holds (hash, id, offset, length) at slots[4k..4k+3], id -1 = empty, and
 * the token's code units at chars[offset, offset + length).
 */
export interface VocabTable {
  mask: number;
  slots: Int32Array;
  chars: Uint16Array;
}

function buildVocabTable(vocab: Map<string, number>): VocabTable {
  let size = 16;
  while (size < vocab.size * 2) size *= 2;
  let total = 0;
  for (const tok of vocab.keys()) total += tok.length;
  const t: VocabTable = { mask: size - 1, slots: new Int32Array(size * 4), chars: new Uint16Array(total) };
  for (let k = 0; k < size; k++) t.slots[k * 4 + 1] = -1;
  let offset = 0;
  for (const [tok, id] of vocab) {
    const h = tokenHash(tok, 0, tok.length);
    let i = h & t.mask;
    while (t.slots[i * 4 + 1] !== -1) i = (i + 1) & t.mask;
    t.slots.set([h, id, offset, tok.length], i * 4);
    for (let c = 0; c < tok.length; c++) t.chars[offset + c] = tok.charCodeAt(c);
    offset += tok.length;
  }
  return t;
}

/** The id of the token spelled by chars[start, end) (whose tokenHash is h), or -1 when no form or language table uses it. */
function lookupUnits(t: VocabTable, chars: Uint16Array, start: number, end: number, h: number): number {
  const len = end - start;
  const slots = t.slots;
  for (let i = h & t.mask; ; i = (i + 1) & t.mask) {
    const k = i * 4;
    const id = slots[k + 1]!;
    if (id === -1) return -1;
    if (slots[k] === h && slots[k + 3] === len && sameUnits(t.chars, slots[k + 2]!, chars, start, len)) return id;
  }
}

/** a[offset, offset + len) equals b[start, start + len). */
function sameUnits(a: Uint16Array, offset: number, b: Uint16Array, start: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (a[offset + k] !== b[start + k]) return false;
  return true;
}

/**
 * Trie edges as open addressing on hash(node, token) with linear probing: slot k holds
 * (node, token, child) at slots[4k..4k+2], node -1 = empty, all three in one cache line (a
 * probe is a random read into a table of about a megabyte for the shipped ontology).
 */
export interface EdgeTable {
  mask: number;
  slots: Int32Array;
}

const hashEdge = (node: number, token: number, mask: number): number => (Math.imul(node, 0x9e3779b1) ^ Math.imul(token + 1, 0x85ebca77)) >>> 0 & mask;

function buildEdgeTable(edges: [number, number, number][]): EdgeTable {
  let size = 16;
  while (size < edges.length * 2) size *= 2;
  const table: EdgeTable = { mask: size - 1, slots: new Int32Array(size * 4) };
  for (let k = 0; k < size; k++) table.slots[k * 4] = -1;
  for (const [node, token, child] of edges) {
    let h = hashEdge(node, token, table.mask);
    while (table.slots[h * 4] !== -1) h = (h + 1) & table.mask;
    table.slots.set([node, token, child], h * 4);
  }
  return table;
}

function nodeBitsOf(edges: [number, number, number][], nodeMask: Int32Array): Int32Array {
  const bits = new Int32Array(nodeMask.length * 2);
  for (let k = 0; k < nodeMask.length; k++) bits[2 * k] = nodeMask[k]!;
  for (const [node, token] of edges) bits[2 * node + 1] = bits[2 * node + 1]! | (1 << (token & 31));
  return bits;
}

function childOf(t: EdgeTable, node: number, token: number): number {
  const slots = t.slots;
  for (let h = hashEdge(node, token, t.mask); ; h = (h + 1) & t.mask) {
    const n = slots[h * 4]!;
    if (n === -1) return -1;
    if (n === node && slots[h * 4 + 1] === token) return slots[h * 4 + 2]!;
  }
}

/** Reusable buffers for matching one text (no allocation per post once warm). */
export interface MatchScratch {
  /** matched topic indices (a topic may repeat when it occurs several times) */
  topics: Int32Array;
  /** 1 when the match began at a hashtag */
  hashtag: Uint8Array;
  /** per match: the trie node of its form, and the index of its first token */
  node: Int32Array;
  start: Int32Array;
  count: number;
  /** hashtags seen in the text */
  hashtags: number;
  tokenIds: Int32Array;
  tokenHash: Uint8Array;
  /** per token: its offset in the folded text, and a hash of its text */
  tokenStart: Int32Array;
  tokenHashes: Int32Array;
  tokens: number;
  /** tokens per script (language.ts SCRIPT_*) */
  scripts: Int32Array;
  /** the folded text the offsets refer to */
  folded: string;
  /** the tokenizer's state, the folded text's code units (cursor.chars[0, cursor.length)) included */
  cursor: TokenCursor;
}

/** Fresh scratch buffers; they grow as needed. */
export function createMatchScratch(): MatchScratch {
  return {
    topics: new Int32Array(64),
    hashtag: new Uint8Array(64),
    node: new Int32Array(64),
    start: new Int32Array(64),
    count: 0,
    hashtags: 0,
    tokenIds: new Int32Array(256),
    tokenHash: new Uint8Array(256),
    tokenStart: new Int32Array(256),
    tokenHashes: new Int32Array(256),
    tokens: 0,
    scripts: new Int32Array(SCRIPT_COUNT),
    folded: '',
    cursor: createTokenCursor(),
  };
}

/** Builds the matcher for a taxonomy (about 0.5 s for the 8,000 Klout topics and the shipped background). */
export function buildTopicMatcher(tax: Taxonomy, options: MatcherOptions = {}): TopicMatcher {
  const forms = options.forms ?? generateSurfaceForms(tax);
  const background = options.background ?? emptyBackground();
  const languages = [...new Set(forms.map((f) => f.lang).filter((l): l is string => l !== null))].sort().slice(0, 30);
  const langBit = new Map(languages.map((l, k) => [l, 1 << (k + 1)]));
  const vocab = new Map<string, number>();
  for (const f of forms) for (const t of f.tokens) if (!vocab.has(t)) vocab.set(t, vocab.size);
  const rootNext = new Int32Array(vocab.size).fill(-1);
  const next = new Map<string, number>();
  const edgeList: [number, number, number][] = [];
  let nodes = 0;
  const nodeEntries: Map<number, number>[] = []; // node -> topic -> mask
  const nodeTokens: string[][] = [];
  const topicPairs: number[][] = Array.from({ length: tax.size }, () => []);
  const L = background.languages.length;
  for (const f of forms) {
    let node = -1;
    for (const tok of f.tokens) {
      const id = vocab.get(tok)!;
      if (node < 0) {
        if (rootNext[id]! < 0) rootNext[id] = nodes++;
        node = rootNext[id]!;
      } else {
        const key = `${node} ${id}`;
        let child = next.get(key);
        if (child === undefined) {
          child = nodes++;
          next.set(key, child);
          edgeList.push([node, id, child]);
        }
        node = child;
      }
    }
    // a gated language beyond the 30 mask bits applies to every post rather than to none
    const mask = f.lang === null ? ALWAYS : (langBit.get(f.lang) ?? ALWAYS);
    const entries = (nodeEntries[node] ??= new Map());
    entries.set(f.topic, (entries.get(f.topic) ?? 0) | mask);
    nodeTokens[node] ??= f.tokens;
    const column = mask === ALWAYS ? -1 : background.languages.indexOf(f.lang!);
    topicPairs[f.topic]!.push(node, column < 0 && mask !== ALWAYS ? L : column);
  }
  const entryStart = new Int32Array(nodes + 1);
  const nodeMask = new Int32Array(nodes);
  let total = 0;
  for (let k = 0; k < nodes; k++) {
    entryStart[k] = total;
    total += nodeEntries[k]?.size ?? 0;
  }
  entryStart[nodes] = total;
  const entryTopic = new Int32Array(total);
  const entryMask = new Int32Array(total);
  for (let k = 0; k < nodes; k++) {
    let e = entryStart[k]!;
    for (const [topic, mask] of [...(nodeEntries[k] ?? new Map<number, number>())].sort((a, b) => a[0] - b[0])) {
      entryTopic[e] = topic;
      entryMask[e] = mask;
      nodeMask[k] = nodeMask[k]! | mask;
      e++;
    }
  }
  const nodeZipf = new Float32Array(nodes * L);
  const nodeIndependentZipf = new Float32Array(nodes * L);
  const nodeSenseZipf = new Float32Array(nodes * L);
  const zipfs = formZipfCache(background);
  for (let k = 0; k < nodes; k++) {
    const toks = nodeTokens[k];
    if (!toks) continue;
    const last = toks[toks.length - 1]!;
    const own = zipfs.upper(toks);
    nodeZipf.set(own, k * L);
    nodeIndependentZipf.set(zipfs.independent(toks), k * L);
    nodeSenseZipf.set(own, k * L);
    for (const v of [...singularsOf(last), ...(pluralOf(last) ? [pluralOf(last)!] : [])]) {
      const z = zipfs.upper([...toks.slice(0, -1), v]);
      for (let l = 0; l < L; l++) if (z[l]! > nodeSenseZipf[k * L + l]!) nodeSenseZipf[k * L + l] = z[l]!;
    }
  }
  const nodeHomonym = new Uint8Array(nodes * L);
  for (let k = 0; k < nodes; k++) {
    const toks = nodeTokens[k];
    if (!toks || toks.length !== 1) continue;
    const variants = [toks[0]!, ...singularsOf(toks[0]!)];
    for (let l = 0; l < L; l++) {
      const words = background.tables[l]!.nameHomonyms;
      if (words && variants.some((v) => words.has(v))) nodeHomonym[k * L + l] = 1;
    }
  }
  const formVocab = vocab.size;
  const languageId = buildLanguageId(background, vocab);
  const finalRoot = new Int32Array(vocab.size).fill(-1);
  finalRoot.set(rootNext.subarray(0, formVocab));
  return {
    topics: tax.size,
    languages,
    vocab,
    vocabTable: buildVocabTable(vocab),
    rootNext: finalRoot,
    edges: buildEdgeTable(edgeList),
    nodeBits: nodeBitsOf(edgeList, nodeMask),
    entryStart,
    entryTopic,
    entryMask,
    forms: forms.length,
    background,
    nodeZipf,
    nodeIndependentZipf,
    nodeSenseZipf,
    nodeHomonym,
    topicForms: topicPairs.map((p) => Int32Array.from(p)),
    languageId,
  };
}

/** The mask of forms that apply to a post in `lang` ('fr', 'fr-CA'; null = unknown). */
export function languageMask(m: TopicMatcher, lang: string | null | undefined): number {
  if (!lang) return ALWAYS;
  const base = lang.toLowerCase().split(/[-_]/, 1)[0]!;
  const k = m.languages.indexOf(base);
  return k < 0 ? ALWAYS : ALWAYS | (1 << (k + 1));
}

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Tokenizes one text into `out`: token ids (-1 = a word no form or language table uses),
 * hashtag flags, offsets in the folded text, tokens per script, hashtags seen.
 */
export function tokenizeText(m: TopicMatcher, text: string, out: MatchScratch): void {
  out.tokens = 0;
  out.count = 0;
  for (let k = 0; k < SCRIPTS; k++) out.scripts[k] = 0; // fill() is a call into the runtime, dearer than 7 stores
  const cur = out.cursor;
  out.folded = startFolded(cur, text);
  // capitals can be read at the folded offsets only when folding kept the length (always for ASCII)
  const cased = cur.length === text.length ? text : null;
  const table = m.vocabTable;
  const chars = cur.chars;
  const n = cur.length;
  let i = 0;
  for (;;) {
    // the plain shortcut (text.ts PLAIN_UNIT): separators passed over, ASCII words read here
    while (i < n) {
      const c = chars[i]!;
      const k = c < 128 ? PLAIN[c]! : GENERAL;
      if (k === SKIP) {
        i++;
        continue;
      }
      if (k !== WORD_UNIT) break;
      let h = Math.imul(OFFSET ^ c, PRIME);
      let j = i + 1;
      let d = 0;
      while (j < n && (d = chars[j]!) < 128 && PLAIN[d] === WORD_UNIT) {
        h = Math.imul(h ^ d, PRIME);
        j++;
      }
      if (j < n && (d >= 128 || PLAIN[d] === GENERAL)) break; // readToken reads this word
      pushToken(out, chars, i, h, lookupUnits(table, chars, i, j, h), false);
      i = j;
    }
    if (i >= n) break;
    cur.pos = i;
    if (!readToken(cur)) break;
    i = cur.pos;
    const joined = cur.joinedLength >= 0;
    const id = joined ? lookupUnits(table, cur.joinedUnits, 0, cur.joinedLength, cur.hash) : lookupUnits(table, cur.chars, cur.start, cur.end, cur.hash);
    // a CamelCase hashtag no form spells whole names its words: #HateTwitter -> hate, twitter
    if (cur.hashtag && id < 0 && !joined && cased !== null && splitCamelCase(m, cur.chars, cased, cur.start, cur.end, out)) continue;
    pushToken(out, cur.chars, cur.start, cur.hash, id, cur.hashtag);
  }
  out.hashtags = cur.hashtags;
}

function pushToken(out: MatchScratch, chars: Uint16Array, start: number, hash: number, id: number, hashtag: boolean): void {
  if (out.tokens === out.tokenIds.length) {
    out.tokenIds = grow(out.tokenIds, out.tokens * 2);
    out.tokenHash = grow(out.tokenHash, out.tokens * 2);
    out.tokenStart = grow(out.tokenStart, out.tokens * 2);
    out.tokenHashes = grow(out.tokenHashes, out.tokens * 2);
  }
  out.tokenHashes[out.tokens] = hash;
  out.tokenIds[out.tokens] = id;
  out.tokenHash[out.tokens] = hashtag ? 1 : 0;
  out.tokenStart[out.tokens] = start;
  out.scripts[scriptOf(chars[start]!)]!++;
  out.tokens++;
}

const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;

/**
 * Splits the hashtag token chars[start, end) at its CamelCase boundaries, read from the text as
 * written (a lower-case letter then a capital: "HateTwitter"; the last capital of a run before
 * a lower-case letter: "NASAMission" -> NASA, Mission), and pushes the parts as hashtag tokens.
 * Returns false (nothing pushed) when the hashtag has no such boundary. ASCII letters only: the
 * boundary rule is the Latin-script writing habit, and folding keeps ASCII offsets.
 */
function splitCamelCase(m: TopicMatcher, chars: Uint16Array, cased: string, start: number, end: number, out: MatchScratch): boolean {
  let cuts = 0;
  for (let i = start + 1; i < end; i++) if (isCamelBoundary(cased, start, i, end)) cuts++;
  if (cuts === 0) return false;
  let from = start;
  for (let i = start + 1; i <= end; i++) {
    if (i < end && !isCamelBoundary(cased, start, i, end)) continue;
    const h = unitsHash(chars, from, i);
    pushToken(out, chars, from, h, lookupUnits(m.vocabTable, chars, from, i, h), true);
    from = i;
  }
  return true;
}

function isCamelBoundary(t: string, start: number, i: number, end: number): boolean {
  const c = t.charCodeAt(i);
  if (!isUpperAscii(c)) return false;
  const b = t.charCodeAt(i - 1);
  if (isLowerAscii(b)) return true;
  return isUpperAscii(b) && i + 1 < end && isLowerAscii(t.charCodeAt(i + 1)) && i - 1 > start;
}

function pushMatch(out: MatchScratch, topic: number, hashtag: number, node: number, start: number): void {
  if (out.count === out.topics.length) {
    out.topics = grow(out.topics, out.count * 2);
    out.hashtag = grow(out.hashtag, out.count * 2);
    out.node = grow(out.node, out.count * 2);
    out.start = grow(out.start, out.count * 2);
  }
  out.topics[out.count] = topic;
  out.hashtag[out.count] = hashtag;
  out.node[out.count] = node;
  out.start[out.count] = start;
  out.count++;
}

/**
 * Matches one text into `out` (topics, hashtag flags, form nodes, hashtag count); returns the
 * number of matches. `mask` comes from languageMask() for the post's language.
 */
export function matchInto(m: TopicMatcher, text: string, mask: number, out: MatchScratch): number {
  tokenizeText(m, text, out);
  return matchTokens(m, mask, out);
}

/** Matches the tokens tokenizeText() left in `out`; returns the number of matches. */
export function matchTokens(m: TopicMatcher, mask: number, out: MatchScratch): number {
  out.count = 0;
  const ids = out.tokenIds;
  const n = out.tokens;
  let i = 0;
  while (i < n) {
    const first = ids[i]!;
    let node = first < 0 ? -1 : m.rootNext[first]!;
    if (node < 0) {
      i++;
      continue;
    }
    let bestNode = -1;
    let bestEnd = i;
    let j = i;
    const bits = m.nodeBits;
    for (;;) {
      if ((bits[2 * node]! & mask) !== 0) {
        bestNode = node;
        bestEnd = j;
      }
      j++;
      if (j >= n) break;
      const next = ids[j]!;
      if (next < 0 || (bits[2 * node + 1]! & (1 << (next & 31))) === 0) break;
      const child = childOf(m.edges, node, next);
      if (child < 0) break;
      node = child;
    }
    if (bestNode < 0) {
      i++;
      continue;
    }
    for (let e = m.entryStart[bestNode]!; e < m.entryStart[bestNode + 1]!; e++) {
      if ((m.entryMask[e]! & mask) !== 0) pushMatch(out, m.entryTopic[e]!, out.tokenHash[i]!, bestNode, i);
    }
    i = bestEnd + 1;
  }
  return out.count;
}

/** One match, for callers that prefer objects to buffers. */
export interface TopicMatch {
  topic: number;
  hashtag: boolean;
}

/** Matches one text (convenience wrapper over matchInto; allocates). */
export function findTopics(m: TopicMatcher, text: string, lang: string | null = null): TopicMatch[] {
  const out = createMatchScratch();
  matchInto(m, text, languageMask(m, lang), out);
  return Array.from(out.topics.subarray(0, out.count), (topic, k) => ({ topic, hashtag: out.hashtag[k] === 1 }));
}
