/**
 * Folding text for matching (the definition is in text.ts's module doc): as a string
 * (foldText, for names and tests), and into a buffer of UTF-16 code units (foldInto, for
 * posts), where the tokenizer reads it as a typed array.
 *
 * foldInto gets the code units natively where it can (toLowerCase, then TextEncoder.encodeInto,
 * the one bulk read of a string's contents the engine has without node:buffer, widened by
 * TypedArray.prototype.set for ASCII); other text is decoded from its UTF-8 and lower-cased
 * unit by unit, and only a text whose folding is more than lower-casing (foldsAsLowerCase
 * false: "Straße", "ﬁne", Arabic with vowel marks) goes through the string path. The tokenizer
 * then never reads a string: V8's string representations (one- or two-byte, flat, sliced,
 * cons) leave its hot loop, and with them the megamorphic string loads some compilations got.
 */

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

/** Folds text for matching: lower case, compatibility forms (see text.ts's module doc). */
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
// Per BMP code unit judged 1: its lower case (one code unit).
const LOWER_BMP = new Uint16Array(65536);
// Per astral code point judged: its lower case (one code point), or -1 when not plain.
const LOWER_ASTRAL = new Map<number, number>();
const MARK_RE = /\p{M}/u;

/** PLAIN_BMP[c], judged on first sight (LOWER_BMP[c] set with it). */
function plainBmp(c: number): number {
  let k = PLAIN_BMP[c]!;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : foldsAloneAsLowerCase(c) ? 1 : 2;
    if (k === 1) LOWER_BMP[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
    PLAIN_BMP[c] = k;
  }
  return k;
}

/** The lower case of an astral code point that folds as its lower case, else -1. */
function lowerAstral(cp: number): number {
  let low = LOWER_ASTRAL.get(cp);
  if (low === undefined) {
    const lower = String.fromCodePoint(cp).toLowerCase();
    low = foldsAloneAsLowerCase(cp) && String.fromCodePoint(lower.codePointAt(0)!) === lower ? lower.codePointAt(0)! : -1;
    LOWER_ASTRAL.set(cp, low);
  }
  return low;
}

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
      if (lowerAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) < 0) return false;
      i++;
      continue;
    }
    if (plainBmp(c) !== 1) return false;
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

/** A text's code units: chars[0, length), the buffers growing as needed. */
export interface UnitBuffer {
  chars: Uint16Array;
  length: number;
  /** the text's UTF-8, foldInto's scratch */
  bytes: Uint8Array;
}

/** An empty unit buffer. */
export function createUnitBuffer(): UnitBuffer {
  // small: a cursor is made for each name tokenized at build time
  return { chars: new Uint16Array(32), length: 0, bytes: new Uint8Array(0) };
}

/** Makes room for n code units in buf.chars and sets buf.length to n. */
function reserve(buf: UnitBuffer, n: number): Uint16Array {
  if (buf.chars.length < n) buf.chars = new Uint16Array(Math.max(n, buf.chars.length * 2));
  buf.length = n;
  return buf.chars;
}

/** Copies the code units of s into buf as they are. */
export function loadUnits(buf: UnitBuffer, s: string): void {
  const n = s.length;
  const chars = reserve(buf, n);
  for (let i = 0; i < n; i++) chars[i] = s.charCodeAt(i);
}

const UTF8 = new TextEncoder();

/**
 * Folds text (foldText) into buf's code units; returns the folded text. Natively where it can:
 * the text lower-cased (String.prototype.toLowerCase) and that encoded as UTF-8
 * (TextEncoder.encodeInto); when the UTF-8 is as many bytes as the text has units, it is all
 * ASCII and so are the code units, widened by TypedArray.prototype.set. (A text whose lower case
 * is all ASCII folds as its lower case: the one non-ASCII character lower-cased to ASCII is the
 * Kelvin sign, which folds to "k" too; test/topics/fold.test.ts checks every code point.) Other
 * text is read from its own UTF-8, lower-cased as it is decoded while every character folds as
 * its lower case (foldsAsLowerCase), else folded as a string and copied.
 */
export function foldInto(buf: UnitBuffer, text: string): string {
  const n = text.length;
  // a code unit takes at most 3 bytes of UTF-8 (a surrogate pair 4 for its 2)
  if (buf.bytes.length < 3 * n) buf.bytes = new Uint8Array(Math.max(3 * n, buf.bytes.length * 2));
  const lower = text.toLowerCase();
  const bytes = buf.bytes;
  if (lower.length === n && UTF8.encodeInto(lower, bytes).written === n) {
    reserve(buf, n).set(bytes.subarray(0, n));
    return lower;
  }
  const written = UTF8.encodeInto(text, bytes).written!;
  if (lowerUtf8(bytes, written, reserve(buf, n))) return lower;
  const folded = foldText(text);
  loadUnits(buf, folded);
  return folded;
}

const LOWER_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

/**
 * Decodes bytes[0, written) (well-formed UTF-8) into chars in lower case; returns false as soon
 * as a character does not fold as its lower case (foldsAsLowerCase), chars then unfinished. A
 * lone surrogate in the text was encoded as U+FFFD, which is not plain either, so such text
 * takes the string path as it would in foldText.
 */
function lowerUtf8(bytes: Uint8Array, written: number, chars: Uint16Array): boolean {
  let j = 0;
  for (let i = 0; i < written; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      chars[j++] = LOWER_ASCII[b]!;
      i++;
      continue;
    }
    let cp: number;
    if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      cp = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      i += 4;
    }
    if (cp < 0x10000) {
      if (plainBmp(cp) !== 1) return false;
      chars[j++] = LOWER_BMP[cp]!;
    } else {
      const low = lowerAstral(cp);
      if (low < 0) return false;
      chars[j++] = 0xd800 + ((low - 0x10000) >> 10);
      chars[j++] = 0xdc00 + ((low - 0x10000) & 0x3ff);
    }
  }
  return true;
}
