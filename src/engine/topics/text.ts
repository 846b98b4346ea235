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

const SEP = 1;
const WORD = 2;
const CJK = 3;

// Hebrew points, Arabic harakat and Quranic marks, Arabic tatweel: optional in writing.
const DROPPED_MARKS = /[\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// Combining diacritics on Latin/Greek/Cyrillic letters.
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\u0000-\u007f]/;
const SPECIAL_LOWER = /[ßς]/g;

/** A folded token without Latin/Greek/Cyrillic diacritics ("björk" -> "bjork"). */
export function stripDiacritics(token: string): string {
  return NON_ASCII.test(token) ? token.normalize('NFD').replace(LATIN_DIACRITICS, '').normalize('NFC') : token;
}

/** Folds text for matching: lower case, compatibility forms (see the module doc). */
export function foldText(s: string): string {
  // most posts need no normalization, and those that do pay for two passes and four new strings
  if (!NON_ASCII.test(s) || foldsAsLowerCase(s)) return s.toLowerCase();
  return foldFully(s);
}

function foldFully(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(DROPPED_MARKS, '')
    .normalize('NFC')
    .replace(SPECIAL_LOWER, (c) => (c === 'ß' ? 'ss' : 'σ'));
}

// Per BMP code unit: 0 = not yet known, 1 = folds as its lower case in any text, 2 = not sure.
const PLAIN_BMP = new Uint8Array(65536);
const PLAIN_ASTRAL = new Map<number, boolean>();
const MARK_RE = /\p{M}/u;

/**
 * True when folding s is the same as lower-casing it: every non-ASCII character is in a block
 * whose characters never compose with a neighbour (PLAIN_BLOCKS), is assigned, is no combining
 * mark (variation selectors aside), is not the capital sigma (whose lower case depends on the
 * next letter), and folds alone to its own lower case, one for one ("é", "ж", "日", an emoji;
 * not "ß", "ﬁ", full-width letters, Arabic letters with hamza). Then normalizing changes
 * nothing: the text is already composed, and no mark can reorder or compose across such
 * characters. Each character is judged once, by foldFully itself.
 */
function foldsAsLowerCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let plain = PLAIN_ASTRAL.get(cp);
      if (plain === undefined) PLAIN_ASTRAL.set(cp, (plain = foldsAloneAsLowerCase(cp)));
      if (!plain) return false;
      i++;
      continue;
    }
    let k = PLAIN_BMP[c]!;
    if (k === 0) PLAIN_BMP[c] = k = c >= 0xdc00 && c <= 0xdfff ? 2 : foldsAloneAsLowerCase(c) ? 1 : 2;
    if (k !== 1) return false;
  }
  return true;
}

// Blocks whose letters never compose with a neighbour: Latin-1 to Latin Extended-B and
// Extended Additional, Greek, Cyrillic, Hebrew, Arabic, general punctuation to dingbats and
// arrows, CJK punctuation, kana, CJK ideographs, Hangul syllables, emoji and pictographs.
// (Some newer scripts have letters that compose with the next one, e.g. Kirat Rai vowel signs.)
const PLAIN_BLOCKS = [0x80, 0x24f, 0x370, 0x52f, 0x590, 0x6ff, 0x1e00, 0x1fff, 0x2000, 0x2bff, 0x3000, 0x30ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xac00, 0xd7a3, 0xfe00, 0xfe0f, 0x1f000, 0x1faff];
const UNASSIGNED_RE = /\p{Cn}/u;

function foldsAloneAsLowerCase(cp: number): boolean {
  let inBlock = false;
  for (let b = 0; b < PLAIN_BLOCKS.length; b += 2) if (cp >= PLAIN_BLOCKS[b]! && cp <= PLAIN_BLOCKS[b + 1]!) inBlock = true;
  if (!inBlock || cp === 0x3a3) return false;
  const c = String.fromCodePoint(cp);
  const variationSelector = cp >= 0xfe00 && cp <= 0xfe0f;
  if ((MARK_RE.test(c) && !variationSelector) || UNASSIGNED_RE.test(c)) return false;
  const lower = c.toLowerCase();
  return lower.length === c.length && foldFully(c) === lower;
}

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

/** Character class of the code unit (or surrogate pair) at i. */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i)!;
    let k = ASTRAL_CLASS.get(cp);
    if (k === undefined) {
      k = cp > 0xffff ? classifyCodePoint(cp) : SEP;
      ASTRAL_CLASS.set(cp, k);
    }
    return k;
  }
  let k = BMP_CLASS[c]!;
  if (k === 0) {
    k = c >= 0xdc00 && c <= 0xdfff ? SEP : classifyCodePoint(c);
    BMP_CLASS[c] = k;
  }
  return k;
}

const widthAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
};

const isWordAt = (s: string, i: number): boolean => i < s.length && classAt(s, i) === WORD;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);

const HASH = 35;
const DOLLAR = 36;
const AMP = 38;
const APOS = 39;
const PLUS = 43;
const DOT = 46;
const COLON = 58;
const AT = 64;
const RSQUO = 0x2019;
const MODIFIER_APOS = 0x02bc;

/**
 * Receives each token in order: the token is s.slice(start, end), unless letters were joined
 * across an apostrophe or acronym dots, when `joined` holds it (so the common case allocates
 * nothing). `hashtag` is true for the first token after a '#'.
 */
export type TokenSink = (s: string, start: number, end: number, joined: string | null, hashtag: boolean) => void;

/**
 * Where nextToken stands in a text and the token it read last. One cursor is reused for every
 * text, so reading tokens allocates nothing but the rare joined token.
 */
export interface TokenCursor {
  /** offset of the next code unit to read */
  pos: number;
  /** the token is s.slice(start, end) unless `joined` is set */
  start: number;
  end: number;
  /** the token's text when letters were joined across an apostrophe or acronym dots, else null */
  joined: string | null;
  /** true for the first token after a '#' */
  hashtag: boolean;
  /** tokenHash of the token's text (of `joined` when set), computed while reading it */
  hash: number;
  /** hashtags read since pos was last set to 0 by startTokens */
  hashtags: number;
}

/** A cursor for nextToken (call startTokens before each text). */
export function createTokenCursor(): TokenCursor {
  return { pos: 0, start: 0, end: 0, joined: null, hashtag: false, hash: 0, hashtags: 0 };
}

/** Sets the cursor to the start of a new text. */
export function startTokens(cur: TokenCursor): void {
  cur.pos = 0;
  cur.hashtags = 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a (32 bit) over the UTF-16 code units of s[start, end): the hash nextToken gives each
 * token (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/). "ab" hashes as
 * imul(imul(0x811c9dc5 ^ 97, 0x01000193) ^ 98, 0x01000193).
 */
export function tokenHash(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function skipToSpace(s: string, i: number): number {
  while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
  return i;
}

function skipMention(s: string, i: number): number {
  // '@user', '@user@host.social', 'bob@example.com': word chars, '_', '.', '@', '-'
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 95 || c === DOT || c === AT || c === 45 || classAt(s, i) !== SEP) i += widthAt(s, i);
    else break;
  }
  return i;
}

/**
 * Reads the word token starting at i into cur (end, joined, hash); the hash covers exactly the
 * code units of the token's text, so a joined token hashes as its joined string.
 */
function readWord(s: string, i: number, cur: TokenCursor): void {
  const n = s.length;
  let tok = '';
  let start = i;
  let seg = i; // start of the current dot-separated segment (for acronyms)
  let h = Math.imul(FNV_OFFSET ^ s.charCodeAt(i), FNV_PRIME);
  let j = i + 1;
  if (widthAt(s, i) === 2) h = Math.imul(h ^ s.charCodeAt(j++), FNV_PRIME);
  while (j < n) {
    const d = s.charCodeAt(j);
    if (d < 128) {
      if (ASCII_CLASS[d] === WORD) {
        h = Math.imul(h ^ d, FNV_PRIME);
        j++;
        continue;
      }
      if (d === 32) break; // most words end at a space
    } else if (classAt(s, j) === WORD) {
      h = Math.imul(h ^ d, FNV_PRIME);
      if (widthAt(s, j) === 2) h = Math.imul(h ^ s.charCodeAt(++j), FNV_PRIME);
      j++;
      continue;
    }
    if (d === APOS || d === RSQUO || d === MODIFIER_APOS) {
      if (!isWordAt(s, j + 1)) break;
      tok += s.slice(start, j);
      start = seg = j + 1;
      j++;
      continue;
    }
    if (d === DOT) {
      // 'u.s.' -> 'us': only single letters chain, so 'node.js' stays two tokens
      if (j - seg === 1 && !isAsciiDigit(s.charCodeAt(seg)) && isWordAt(s, j + 1) && !isAsciiDigit(s.charCodeAt(j + 1)) && !isWordAt(s, j + 2)) {
        tok += s.slice(start, j);
        start = seg = j + 1;
        j++;
        continue;
      }
      break;
    }
    if (d === AMP || d === DOLLAR) {
      if (!isWordAt(s, j + 1)) break;
      h = Math.imul(h ^ d, FNV_PRIME);
      j++;
      continue;
    }
    if (d === PLUS) {
      let e = j;
      while (e < n && s.charCodeAt(e) === PLUS) e++;
      if (!isWordAt(s, e)) for (; j < e; j++) h = Math.imul(h ^ PLUS, FNV_PRIME);
      break;
    }
    if (d === HASH) {
      if (!isWordAt(s, j + 1)) {
        h = Math.imul(h ^ HASH, FNV_PRIME);
        j++;
      }
      break;
    }
    break;
  }
  cur.end = j;
  cur.hash = h;
  cur.joined = start === i ? null : tok + s.slice(start, j);
}

/**
 * Reads the next token of the folded text s (see the module doc) from cur.pos into cur;
 * returns false when the text has no more tokens.
 */
export function nextToken(s: string, cur: TokenCursor): boolean {
  const n = s.length;
  let hash = false;
  let i = cur.pos;
  while (i < n) {
    const c0 = s.charCodeAt(i);
    if (c0 === 32) {
      // the commonest character: a space, nothing to do but reset the hashtag marker
      hash = false;
      i++;
      continue;
    }
    const k = c0 < 128 ? ASCII_CLASS[c0]! : classAt(s, i);
    if (k === WORD) {
      readWord(s, i, cur);
      const end = cur.end;
      // reads stay inside the text: one charCodeAt past its end (NaN), at most posts' last word,
      // made V8 turn every read at that spot into a call to the generic builtin
      if (end + 2 < n && s.charCodeAt(end) === COLON && s.charCodeAt(end + 1) === 47 && s.charCodeAt(end + 2) === 47) {
        i = skipToSpace(s, end); // scheme://...: a URL, not words
        hash = false;
        continue;
      }
      if (end < n && cur.joined === null && end - i === 3 && s.startsWith('www', i) && s.charCodeAt(end) === DOT) {
        i = skipToSpace(s, end);
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
      const w = widthAt(s, i);
      if (hash) cur.hashtags++;
      cur.start = i;
      cur.end = i + w;
      cur.joined = null;
      cur.hashtag = hash;
      cur.hash = w === 1 ? Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) : Math.imul(Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) ^ s.charCodeAt(i + 1), FNV_PRIME);
      cur.pos = i + w;
      return true;
    }
    hash = false;
    if (c0 === HASH && i + 1 < n && classAt(s, i + 1) !== SEP) {
      hash = true;
      i++;
    } else if (c0 === AT) {
      i = skipMention(s, i + 1);
    } else {
      i += widthAt(s, i);
    }
  }
  cur.pos = n;
  return false;
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
  return token.length > 0 && token.length <= 2 && classAt(token, 0) === CJK;
}
