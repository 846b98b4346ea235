/**
 * The background: how often people write each word in general, per language, independent of
 * who else is in the database. Shipped as models/background.json.gz (derived from the wordfreq
 * lists, CC BY-SA 4.0; scripts/build-background.ts) and read by src/topics/background.ts.
 *
 * Definition. A word's frequency f is its share of all word tokens written in the language;
 * the table stores Zipf values z = log10(f) + 9 (occurrences per billion words; van Heuven,
 * Mandera, Keuleers and Brysbaert 2014, "SUBTLEX-UK", QJEP 67:1176-1190). A word the table
 * does not have is at the floor (Zipf 1, once per 100 million words). A phrase of several
 * words is combined the way wordfreq combines tokens: 1/f = sum of 1/f_i (the phrase is rarer
 * than its rarest word). In Chinese and Japanese the matcher reads one character at a time, so
 * frequencies are per character position: a whole word in the table counts f_word / c (c =
 * characters per word in that language), a run of characters not in the table is combined as
 * above and divided by 10 per inferred word boundary (wordfreq's INFERRED_SPACE_FACTOR).
 * Example: "nice" in English is Zipf 5.37 (f = 2.3e-4); "running xterm" = 1/(1/1.7e-4 +
 * 1/2.5e-8) = 2.5e-8 (Zipf 1.4).
 *
 * An everyday word is one at Zipf >= 3.5 in the post's language: above the low-frequency band
 * (Zipf 1-3) and halfway to the high-frequency band (4-7) of van Heuven et al.'s scale. In
 * English that makes "nice" (5.37), "running" (5.23), "weather" (4.87), "apple" (4.76) and
 * "python" (3.78) everyday words, and "astrophotography" not; in German "kinder" (5.60).
 */

/** The Zipf value at and above which a word is an everyday word (see the module doc). */
export const EVERYDAY_ZIPF = 3.5;

/** Languages that spell names with a capital letter and ordinary words without one. */
const CASES_NAMES = new Set(['en', 'fr', 'es', 'pt', 'it', 'nl']);

/** One language's table as the loader hands it over. */
export interface BackgroundLanguage {
  /** token -> Zipf value */
  words: Map<string, number>;
  /** per-character Zipf values, for languages written without spaces */
  characters: Map<string, number> | null;
  /** characters per word token (1 for languages written with spaces) */
  charactersPerWord: number;
}

/** The background model: per-language tables, in a fixed language order. */
export interface Background {
  source: string;
  attribution: string | null;
  license: string | null;
  /** language codes ('en', 'de', ...), the order every per-language array follows */
  languages: string[];
  tables: BackgroundLanguage[];
  /** Zipf value of a word no table has */
  floorZipf: number;
}

/** A background that knows no language: every word at the floor, nothing everyday (tests, custom setups). */
export function emptyBackground(): Background {
  return { source: 'none', attribution: null, license: null, languages: [], tables: [], floorZipf: 1 };
}

/** Index of a language in the background (by its base code: 'pt-BR' -> 'pt'), or -1. */
export function backgroundLanguageIndex(bg: Background, lang: string | null | undefined): number {
  if (!lang) return -1;
  const base = lang.toLowerCase().split(/[-_]/, 1)[0]!;
  return bg.languages.indexOf(base);
}

/** True when the language capitalises names but not ordinary words (so a capital is sense evidence). */
export function capitalisesNames(lang: string): boolean {
  return CASES_NAMES.has(lang);
}

const isSingleCjk = (t: string): boolean => {
  const c = t.codePointAt(0)!;
  return [...t].length === 1 && (c >= 0x2e80 && c <= 0x9fff || c >= 0xf900 && c <= 0xfaff || c >= 0x20000);
};

/** Zipf value of one token in a language table (the floor when absent). */
function tokenZipf(table: BackgroundLanguage, token: string, floor: number): number {
  if (table.characters && isSingleCjk(token)) return table.characters.get(token) ?? floor;
  return table.words.get(token) ?? floor;
}

/**
 * Zipf value of a surface form (its tokens) per token position in language `lang` (an index
 * into bg.languages); the floor for a language the background does not know.
 */
export function formZipf(bg: Background, lang: number, tokens: readonly string[]): number {
  const table = bg.tables[lang];
  if (!table || tokens.length === 0) return bg.floorZipf;
  if (tokens.length === 1) return tokenZipf(table, tokens[0]!, bg.floorZipf);
  // a run of characters that the table knows as a word: the word's frequency per character
  if (table.characters && tokens.every(isSingleCjk)) {
    const word = table.words.get(tokens.join(''));
    if (word !== undefined) return word - Math.log10(table.charactersPerWord);
    return combine(tokens.map((t) => tokenZipf(table, t, bg.floorZipf))) - (tokens.length - 1);
  }
  return combine(tokens.map((t) => tokenZipf(table, t, bg.floorZipf)));
}

/** 1/f = sum 1/f_i, in Zipf units. */
function combine(zipfs: number[]): number {
  let inv = 0;
  for (const z of zipfs) inv += 10 ** -z;
  return -Math.log10(inv);
}

/** Occurrences per token position of a Zipf value. */
export function zipfToFrequency(z: number): number {
  return 10 ** (z - 9);
}
