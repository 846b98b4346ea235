/**
 * Text folding and tokenizing shared by topic surface forms and post text, so that a name
 * and a post that spell a word the same way always produce the same tokens.
 *
 * Folding: lower case, NFKC-style compatibility folding (full-width letters, ligatures),
 * Arabic and Hebrew vowel marks and the Arabic tatweel removed, 'ß' -> 'ss', final sigma
 * -> sigma. Diacritics on Latin/Greek/Cyrillic letters are KEPT: in German "über" is a
 * word of its own, not the company Uber (a real archive made that mistake). Names written
 * with diacritics get a stripped variant instead (surface-forms.ts), so "Björk" still
 * matches "bjork".
 * Kana voicing marks are recomposed, not dropped ("ガ" stays distinct from "カ").
 *
 * Tokens: runs of letters, digits and marks in any script (Unicode word boundaries, so
 * "art" is not found in "party"). Scripts written without spaces (Han, kana, Thai, Lao,
 * Khmer, Myanmar) give one token per character, so a name in those scripts matches as a
 * character sequence. Inside a token: an apostrophe is dropped ("women's" = "womens"),
 * a chain of single letters with dots is an acronym ("U.S." = "us"), '&' and '$' between
 * word characters stay ("r&b", "a$ap"), trailing '+' and '#' stay ("c++", "c#"). A '#'
 * before a word marks a hashtag token; @mentions and URLs are skipped.
 */

import { createUnitBuffer, foldInto, foldText, loadUnits, type UnitBuffer } from './fold.js';

export { foldText, stripDiacritics } from './fold.js';

const SEP = 1;
const WORD = 2;
const CJK = 3;

const ASCII_CLASS = new Uint8Array(128).fill(SEP);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = WORD;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = WORD;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = WORD;

const BMP_CLASS = new Uint8Array(65536); // 0 = not yet classified
const ASTRAL_CLASS = new Map<number, number>();
const CJK_RE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

function classifyCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  // '々', 'ー' and friends are script Common but extend Han/kana: scx catches them.
  if (CJK_RE.test(ch) && WORD_RE.test(ch)) return CJK;
  return WORD_RE.test(ch) ? WORD : SEP;
}

/** Character class of a code point; a lone surrogate is a separator. */
function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  if (cp > 0xffff) {
    let k = ASTRAL_CLASS.get(cp);
    if (k === undefined) ASTRAL_CLASS.set(cp, (k = classifyCodePoint(cp)));
    return k;
  }
  let k = BMP_CLASS[cp]!;
  if (k === 0) BMP_CLASS[cp] = k = cp >= 0xd800 && cp <= 0xdfff ? SEP : classifyCodePoint(cp);
  return k;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Character class of the code unit (or surrogate pair) at i of chars[0, n). */
function classAt(chars: Uint16Array, n: number, i: number): number {
  const c = chars[i]!;
  if (c < 128) return ASCII_CLASS[c]!;
  if (isHighSurrogate(c) && i + 1 < n && isLowSurrogate(chars[i + 1]!)) return classOf(((c - 0xd800) << 10) + (chars[i + 1]! - 0xdc00) + 0x10000);
  return classOf(c);
}

/** Code units of the character at i: 2 at a high surrogate with a unit after it (paired or not). */
const widthAt = (chars: Uint16Array, n: number, i: number): number => (isHighSurrogate(chars[i]!) && i + 1 < n ? 2 : 1);

const isWordAt = (chars: Uint16Array, n: number, i: number): boolean => i < n && classAt(chars, n, i) === WORD;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);

const HASH = 35;
const DOLLAR = 36;
const AMP = 38;
const APOS = 39;
const PLUS = 43;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const AT = 64;
const W = 119;
const RSQUO = 0x2019;
const MODIFIER_APOS = 0x02bc;

/**
 * What a code unit means to the tokenizer's plain shortcut (PLAIN_UNIT[c] for c < 128; every
 * other unit is PLAIN_GENERAL): most of a post is ASCII words between spaces and commas, which a
 * caller can read without readToken, token for token the same, and hand the rest to readToken.
 *  - PLAIN_SKIP: a separator readToken passes over with no state kept (a space, ',', '-', '/');
 *    it also ends a word with nothing special after it.
 *  - PLAIN_WORD: an ASCII letter or digit; a run of them is a word (FNV-1a hashed as read).
 *  - PLAIN_END: ends a word, but readToken decides what follows ('@', a mention).
 *  - PLAIN_GENERAL: readToken decides: '#', and what a word can continue with or be a URL by
 *    ("'", '.', '&', '$', '+', ':'), and every non-ASCII unit.
 * A word ended by PLAIN_SKIP, PLAIN_END or the end of the text is the token readToken would
 * read there: not a hashtag (a '#' is PLAIN_GENERAL), nothing joined, hash as tokenHash.
 * Where readToken is called instead (at a PLAIN_GENERAL unit, or a word that a PLAIN_GENERAL
 * unit ends), it starts as it would after the previous token or separator.
 */
export const PLAIN_SKIP = 1;
export const PLAIN_WORD = 2;
export const PLAIN_END = 3;
export const PLAIN_GENERAL = 0;
export const PLAIN_UNIT = new Uint8Array(128);
for (let c = 0; c < 128; c++) PLAIN_UNIT[c] = ASCII_CLASS[c] === WORD ? PLAIN_WORD : PLAIN_SKIP;
PLAIN_UNIT[AT] = PLAIN_END;
for (const c of [HASH, APOS, DOT, AMP, DOLLAR, PLUS, COLON]) PLAIN_UNIT[c] = PLAIN_GENERAL;

/**
 * Receives each token in order: the token is s.slice(start, end), unless letters were joined
 * across an apostrophe or acronym dots, when `joined` holds it. `hashtag` is true for the first
 * token after a '#'.
 */
export type TokenSink = (s: string, start: number, end: number, joined: string | null, hashtag: boolean) => void;

/**
 * Where the tokenizer stands in a text and the token it read last. The text is the cursor's
 * code units (UnitBuffer: chars[0, length)), and the tokenizer reads nothing else: reading a
 * typed array costs the same whatever V8's representation of the string it came from. One
 * cursor is reused for every text, so reading tokens allocates nothing.
 */
export interface TokenCursor extends UnitBuffer {
  /** the string nextToken last copied into chars, null when they hold a folded post (startFolded) */
  source: string | null;
  /** offset of the next code unit to read */
  pos: number;
  /** the token is chars[start, end) unless joinedLength >= 0 */
  start: number;
  end: number;
  /** the token's units when letters were joined across an apostrophe or acronym dots: joinedUnits[0, joinedLength) */
  joinedUnits: Uint16Array;
  /** -1 when the token is chars[start, end) */
  joinedLength: number;
  /** the joined token as a string, else null (set by nextToken, not by readToken) */
  joined: string | null;
  /** true for the first token after a '#' */
  hashtag: boolean;
  /** tokenHash of the token's text (of the joined units when joined), computed while reading it */
  hash: number;
  /** hashtags read since the cursor was last set to the start of a text */
  hashtags: number;
}

/** A cursor for nextToken (call startTokens before each text) or readToken (startFolded). */
export function createTokenCursor(): TokenCursor {
  const buf = createUnitBuffer();
  // its fields listed, not spread from buf: the tokenizer read a spread object's fields far slower
  return { chars: buf.chars, length: 0, bytes: buf.bytes, source: null, pos: 0, start: 0, end: 0, joinedUnits: new Uint16Array(64), joinedLength: -1, joined: null, hashtag: false, hash: 0, hashtags: 0 };
}

/** Sets the cursor to the start of a new text. */
export function startTokens(cur: TokenCursor): void {
  cur.pos = 0;
  cur.hashtags = 0;
}

/**
 * Folds text into the cursor's code units (fold.ts foldInto) and sets the cursor to its start,
 * for readToken. Returns the folded text.
 */
export function startFolded(cur: TokenCursor, text: string): string {
  const folded = foldInto(cur, text);
  cur.source = null;
  startTokens(cur);
  return folded;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** FNV-1a's offset basis and prime (tokenHash); this module's hot code reads its own constants, which optimized code folds in. */
export const FNV = { offset: FNV_OFFSET, prime: FNV_PRIME } as const;

/**
 * FNV-1a (32 bit) over the UTF-16 code units of s[start, end): the hash the tokenizer gives each
 * token (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/). "ab" hashes as
 * imul(imul(0x811c9dc5 ^ 97, 0x01000193) ^ 98, 0x01000193).
 */
export function tokenHash(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** tokenHash of the code units chars[start, end). */
export function unitsHash(chars: Uint16Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ chars[i]!, FNV_PRIME);
  return h;
}

function skipToSpace(chars: Uint16Array, n: number, i: number): number {
  while (i < n && !isSpace(chars[i]!)) i++;
  return i;
}

function skipMention(chars: Uint16Array, n: number, i: number): number {
  // '@user', '@user@host.social', 'bob@example.com': word chars, '_', '.', '@', '-'
  while (i < n) {
    const c = chars[i]!;
    if (c === 95 || c === DOT || c === AT || c === 45 || classAt(chars, n, i) !== SEP) i += widthAt(chars, n, i);
    else break;
  }
  return i;
}

/** Appends chars[from, to) to the cursor's joined token (starting it when there is none). */
function appendJoined(cur: TokenCursor, from: number, to: number): void {
  const at = cur.joinedLength < 0 ? 0 : cur.joinedLength;
  const len = at + (to - from);
  if (cur.joinedUnits.length < len) {
    const grown = new Uint16Array(len * 2);
    grown.set(cur.joinedUnits.subarray(0, at));
    cur.joinedUnits = grown;
  }
  const joined = cur.joinedUnits;
  const chars = cur.chars;
  for (let k = from, a = at; k < to; k++, a++) joined[a] = chars[k]!;
  cur.joinedLength = len;
}

/**
 * Reads the word token starting at i into cur (end, joined units, hash); the hash covers exactly
 * the code units of the token's text, so a joined token hashes as its joined units.
 */
function readWord(cur: TokenCursor, i: number): void {
  const chars = cur.chars;
  const n = cur.length;
  cur.joinedLength = -1;
  let start = i;
  let seg = i; // start of the current dot-separated segment (for acronyms)
  let h = Math.imul(FNV_OFFSET ^ chars[i]!, FNV_PRIME);
  let j = i + 1;
  if (widthAt(chars, n, i) === 2) h = Math.imul(h ^ chars[j++]!, FNV_PRIME);
  while (j < n) {
    const d = chars[j]!;
    if (d < 128) {
      if (ASCII_CLASS[d] === WORD) {
        h = Math.imul(h ^ d, FNV_PRIME);
        j++;
        continue;
      }
      if (d === 32) break; // most words end at a space
    } else if (classAt(chars, n, j) === WORD) {
      h = Math.imul(h ^ d, FNV_PRIME);
      if (widthAt(chars, n, j) === 2) h = Math.imul(h ^ chars[++j]!, FNV_PRIME);
      j++;
      continue;
    }
    if (d === APOS || d === RSQUO || d === MODIFIER_APOS) {
      if (!isWordAt(chars, n, j + 1)) break;
      appendJoined(cur, start, j);
      start = seg = j + 1;
      j++;
      continue;
    }
    if (d === DOT) {
      // 'u.s.' -> 'us': only single letters chain, so 'node.js' stays two tokens
      if (j - seg === 1 && !isAsciiDigit(chars[seg]!) && isWordAt(chars, n, j + 1) && !isAsciiDigit(chars[j + 1]!) && !isWordAt(chars, n, j + 2)) {
        appendJoined(cur, start, j);
        start = seg = j + 1;
        j++;
        continue;
      }
      break;
    }
    if (d === AMP || d === DOLLAR) {
      if (!isWordAt(chars, n, j + 1)) break;
      h = Math.imul(h ^ d, FNV_PRIME);
      j++;
      continue;
    }
    if (d === PLUS) {
      let e = j;
      while (e < n && chars[e] === PLUS) e++;
      if (!isWordAt(chars, n, e)) for (; j < e; j++) h = Math.imul(h ^ PLUS, FNV_PRIME);
      break;
    }
    if (d === HASH) {
      if (!isWordAt(chars, n, j + 1)) {
        h = Math.imul(h ^ HASH, FNV_PRIME);
        j++;
      }
      break;
    }
    break;
  }
  cur.end = j;
  cur.hash = h;
  if (cur.joinedLength >= 0) appendJoined(cur, start, j);
}

/** 'scheme://' after the word chars[start, end), or the word 'www' then '.': a URL, not words. */
function isUrlAt(cur: TokenCursor, start: number, end: number): boolean {
  const chars = cur.chars;
  const n = cur.length;
  if (end + 2 < n && chars[end] === COLON && chars[end + 1] === SLASH && chars[end + 2] === SLASH) return true;
  return end < n && cur.joinedLength < 0 && end - start === 3 && chars[start] === W && chars[start + 1] === W && chars[start + 2] === W && chars[end] === DOT;
}

/**
 * Reads the next token of the cursor's text (see the module doc) from cur.pos into cur;
 * returns false when the text has no more tokens.
 */
export function readToken(cur: TokenCursor): boolean {
  const chars = cur.chars;
  const n = cur.length;
  let hash = false;
  let i = cur.pos;
  while (i < n) {
    const c0 = chars[i]!;
    if (c0 === 32) {
      // the commonest character: a space, nothing to do but reset the hashtag marker
      hash = false;
      i++;
      continue;
    }
    const k = c0 < 128 ? ASCII_CLASS[c0]! : classAt(chars, n, i);
    if (k === WORD) {
      readWord(cur, i);
      const end = cur.end;
      if (isUrlAt(cur, i, end)) {
        i = skipToSpace(chars, n, end);
        hash = false;
        continue;
      }
      if (hash) cur.hashtags++;
      cur.start = i;
      cur.hashtag = hash;
      cur.pos = end;
      return true;
    }
    if (k === CJK) {
      const w = widthAt(chars, n, i);
      if (hash) cur.hashtags++;
      cur.start = i;
      cur.end = i + w;
      cur.joinedLength = -1;
      cur.hashtag = hash;
      cur.hash = w === 1 ? Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) : Math.imul(Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) ^ chars[i + 1]!, FNV_PRIME);
      cur.pos = i + w;
      return true;
    }
    hash = false;
    if (c0 === HASH && i + 1 < n && classAt(chars, n, i + 1) !== SEP) {
      hash = true;
      i++;
    } else if (c0 === AT) {
      i = skipMention(chars, n, i + 1);
    } else {
      i += widthAt(chars, n, i);
    }
  }
  cur.pos = n;
  return false;
}

/** The string of the code units chars[start, end). */
export function unitsText(chars: Uint16Array, start: number, end: number): string {
  let s = '';
  // in slices: String.fromCharCode takes each unit as an argument
  for (let k = start; k < end; k += 4096) s += String.fromCharCode(...chars.subarray(k, Math.min(end, k + 4096)));
  return s;
}

/**
 * Reads the next token of the folded text s (see the module doc) from cur.pos into cur, with
 * `joined` set to the joined token's string (else null); returns false when the text has no
 * more tokens. s is copied into the cursor when it is not the string read last.
 */
export function nextToken(s: string, cur: TokenCursor): boolean {
  if (cur.source !== s) {
    loadUnits(cur, s);
    cur.source = s;
  }
  const found = readToken(cur);
  cur.joined = found && cur.joinedLength >= 0 ? unitsText(cur.joinedUnits, 0, cur.joinedLength) : null;
  return found;
}

/**
 * Splits folded text into tokens (see the module doc) and feeds them to `sink`.
 * Returns the number of hashtags seen.
 */
export function scanTokens(s: string, sink: TokenSink): number {
  const cur = createTokenCursor();
  while (nextToken(s, cur)) sink(s, cur.start, cur.end, cur.joined, cur.hashtag);
  return cur.hashtags;
}

/** Folds and tokenizes a string into an array of tokens (for names and tests). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  scanTokens(foldText(text), (s, start, end, joined) => void out.push(joined ?? s.slice(start, end)));
  return out;
}

/** True when a token is a single character of a script written without spaces. */
export function isCjkToken(token: string): boolean {
  return token.length > 0 && token.length <= 2 && classOf(token.codePointAt(0)!) === CJK;
}
