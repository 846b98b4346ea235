/**
 * Which language a post is written in, when the export does not say (Threads, generic tables,
 * Twitter's 'und'/'qme'), so its words are judged against the right background.
 *
 * Definition. The script decides first: a post with Hangul is Korean, with kana Japanese, with
 * Han characters (and no kana) Chinese, mostly Arabic script Arabic. A post in Latin script is
 * scored by naive Bayes over the Latin-script languages of the background: score(L) =
 * sum over its tokens w among the TOP_WORDS commonest words of any of them of ln f_L(w)
 * (f at the floor when L's table lacks w). The best language wins when it beats the runner-up
 * by at least `minMargin` nats (2 = about 7:1 odds); otherwise the language stays undetermined
 * and the account's main language stands in for it.
 * Source: naive Bayes over common words is the classic short-text identifier (Grefenstette
 * 1995, "Comparing two language identification schemes"; Cavnar and Trenkle 1994 use n-grams).
 * Example: "the weather is nice today" -> en scores ln f(the) + ln f(is) + ... = -22.4, de
 * -41.0 ('the', 'is' are rare in German): English by 18 nats.
 */
import { zipfToFrequency, type Background } from './background.js';

// The scripts as this module's own constants, which optimized code folds in; an exported
// binding is read through its cell, with a check, at every use (scriptOf runs for every token).
const LATIN = 0;
const HAN = 1;
const KANA = 2;
const HANGUL = 3;
const ARABIC = 4;
const OTHER = 5;
const NONE = 6;

export const SCRIPT_LATIN = LATIN;
export const SCRIPT_HAN = HAN;
export const SCRIPT_KANA = KANA;
export const SCRIPT_HANGUL = HANGUL;
export const SCRIPT_ARABIC = ARABIC;
export const SCRIPT_OTHER = OTHER;
/** digits and other symbols: no language evidence */
export const SCRIPT_NONE = NONE;
export const SCRIPT_COUNT = 7;

/** Commonest words per Latin-script language that carry evidence. */
const TOP_WORDS = 400;
const LATIN_LANGUAGES = new Set(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ca', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'ro', 'hu', 'tr', 'id']);
const BY_SCRIPT: [number, string][] = [[HANGUL, 'ko'], [KANA, 'ja'], [HAN, 'zh'], [ARABIC, 'ar']];

/** The script of a token from its first UTF-16 code unit. */
export function scriptOf(c: number): number {
  if (c < 0x250) return c >= 0x41 ? LATIN : NONE;
  if (c >= 0x3040 && c <= 0x30ff) return KANA;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f)) return HAN;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return HANGUL;
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return ARABIC;
  if (c >= 0x1e00 && c <= 0x1eff) return LATIN;
  return OTHER;
}

/** Tables for identifyLanguage, keyed by the matcher's token ids. */
export interface LanguageId {
  /** background indices of the Latin-script languages scored by naive Bayes */
  latin: number[];
  /** per token id: row into logP, or -1 when the token carries no evidence */
  row: Int32Array;
  /** per row and Latin language (row * latin.length + j): ln f */
  logP: Float32Array;
  /** background index per script (SCRIPT_*), -1 when the background lacks that language */
  byScript: Int32Array;
}

/** Adds the evidence words to `vocab` (new ids after the existing ones) and builds the tables. */
export function buildLanguageId(bg: Background, vocab: Map<string, number>): LanguageId {
  const latin = bg.languages.map((l, i) => (LATIN_LANGUAGES.has(l) ? i : -1)).filter((i) => i >= 0);
  const words = new Set<string>();
  for (const l of latin) {
    const top = [...bg.tables[l]!.words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_WORDS);
    for (const [w] of top) words.add(w);
  }
  const sorted = [...words].sort();
  for (const w of sorted) if (!vocab.has(w)) vocab.set(w, vocab.size);
  const row = new Int32Array(vocab.size).fill(-1);
  const logP = new Float32Array(sorted.length * latin.length);
  sorted.forEach((w, r) => {
    row[vocab.get(w)!] = r;
    latin.forEach((l, j) => (logP[r * latin.length + j] = Math.log(zipfToFrequency(bg.tables[l]!.words.get(w) ?? bg.floorZipf))));
  });
  const byScript = new Int32Array(SCRIPT_COUNT).fill(-1);
  for (const [script, code] of BY_SCRIPT) byScript[script] = bg.languages.indexOf(code);
  return { latin, row, logP, byScript };
}

/** What identifyLanguage needs from a tokenized post. */
export interface TokenizedPost {
  tokenIds: Int32Array;
  tokens: number;
  scripts: Int32Array;
}

/** Result for a post in a language the background has no table for (another script). */
export const OTHER_LANGUAGE = -2;
/** Result when the evidence is too weak to decide. */
export const UNDETERMINED = -1;

/**
 * The post's language as a background index; UNDETERMINED when Latin-script evidence is too
 * weak, OTHER_LANGUAGE for a script the background has no language for (see the module doc).
 */
export function identifyLanguage(id: LanguageId, post: TokenizedPost, minMargin: number, scores: Float64Array): number {
  const s = post.scripts;
  const cjk = s[HAN]! + s[KANA]! + s[HANGUL]!;
  if (s[HANGUL]! > 0 && s[HANGUL]! * 2 >= s[LATIN]!) return orOther(id.byScript[HANGUL]!);
  if (s[KANA]! > 0) return orOther(id.byScript[KANA]!);
  // Chinese: counted by characters, so two characters weigh about one Latin word
  if (s[HAN]! > 0 && s[HAN]! >= s[LATIN]!) return orOther(id.byScript[HAN]!);
  if (s[ARABIC]! > s[LATIN]!) return orOther(id.byScript[ARABIC]!);
  if (s[OTHER]! > s[LATIN]! + cjk) return OTHER_LANGUAGE;
  const J = id.latin.length;
  if (J === 0) return UNDETERMINED;
  // the evidence rows first, then each language's sum over them in a register: the same sums in
  // the same order as adding row by row into scores, for a third of the array reads
  if (evidenceRows.length < post.tokens) evidenceRows = new Int32Array(post.tokens * 2);
  const rows = evidenceRows;
  let evidence = 0;
  for (let k = 0; k < post.tokens; k++) {
    const t = post.tokenIds[k]!;
    const r = t < 0 ? -1 : id.row[t]!;
    if (r >= 0) rows[evidence++] = r * J;
  }
  scores.fill(0, 0, J);
  if (evidence === 0) return UNDETERMINED;
  const logP = id.logP;
  for (let j = 0; j < J; j++) {
    let sum = 0;
    for (let e = 0; e < evidence; e++) sum += logP[rows[e]! + j]!;
    scores[j] = sum;
  }
  let best = 0;
  let second = -1;
  for (let j = 1; j < J; j++) {
    if (scores[j]! > scores[best]!) {
      second = best;
      best = j;
    } else if (second < 0 || scores[j]! > scores[second]!) second = j;
  }
  if (second >= 0 && scores[best]! - scores[second]! < minMargin) return UNDETERMINED;
  return id.latin[best]!;
}

let evidenceRows = new Int32Array(256); // identifyLanguage's scratch

const orOther = (i: number): number => (i >= 0 ? i : OTHER_LANGUAGE);
