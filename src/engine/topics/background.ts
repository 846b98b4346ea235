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
 * Phrases (phraseZipf). The combination above is the upper bound of a phrase's frequency: each
 * occurrence of "w1 w2" is an occurrence of w1 and of w2, so f(w1 w2) <= min f_i (the Frechet
 * bound of a joint probability by its marginals), and 1/f = sum 1/f_i stays just below it. For a
 * phrase of common words the bound is a common word's frequency: "the who" gets about the
 * frequency of "who" (Zipf 6.32), German "m i a" that of a letter (5.15). The word lists hold no
 * phrase counts, so the truth is not known, only bracketed: independence, f_ind = prod f_i (the
 * maximum-entropy joint distribution given the words' frequencies alone: Jaynes 1957, Physical
 * Review 106:620; the unigram language model), is what the words would give if they met by
 * chance, and a name is a collocation, its words met more often than chance (Church and Hanks
 * 1990, "Word association norms, mutual information, and lexicography", Computational
 * Linguistics 16:22-29; Manning and Schuetze 1999, ch. 5), so for a name f_ind <= f <= f_upper.
 * With nothing else known, the estimate with the smallest worst-case error factor over that
 * bracket is its geometric midpoint, sqrt(f_ind * f_upper): wrong by at most
 * sqrt(f_upper / f_ind) either way, where each bound alone can be wrong by the whole factor.
 * 'collocation-midpoint' (TopicConfig.phraseFrequency) takes it for the background's
 * expectation; 'rarest-word' keeps the upper bound. The sense rule (everydayForms) always reads
 * the upper bound: a string that may be as frequent as a common word needs sense evidence.
 * Example: "the who" in English: upper Zipf 6.32, independence 7.73 + 6.34 - 9 = 5.07,
 * midpoint 5.70; German "m i a": upper 5.15, independence -1.08, midpoint 2.04; "new york":
 * upper 5.32, independence 2.62, midpoint 3.97.
 * Limits: a string grammar rarely writes ("the who": "the" is not followed by "who") lies below
 * independence and stays overestimated; a fixed name whose rarest word almost never stands
 * without it ("york" after "new") lies near the upper bound and is underestimated by up to the
 * same factor ("tour de france" falls to the floor). Measured on the real archives' own posts
 * (bench/phrase-frequencies.ts --archives; English 14,913 words, German 29,252): single words
 * are found 1.1-1.3 times as often as predicted, multi-word forms 13-43 times less often than
 * the upper bound predicts, 1.2-4 times more often than the midpoint predicts and 5-17 times
 * more often than independence predicts (topical posts name their topics more often than
 * ordinary writing does). Runs of Chinese and Japanese characters keep the estimate above
 * (their tokens are characters, not words).
 *
 * An everyday word is one of the language's high-frequency vocabulary: at least as frequent
 * as its 5,000th commonest word form. High-frequency vocabulary is the first 2,000-3,000
 * word families (Nation 2006, "How large a vocabulary is needed for reading and listening?",
 * Canadian Modern Language Review 63:59-82; Schmitt and Schmitt 2014, Language Teaching
 * 47:484-503); counted as word forms (a family has its plural, its verb forms...) that is a
 * few thousand more, and 5,000 forms is Zipf 4.22 in English, 4.18 in German and 4.17 in
 * French. It makes "nice" (rank 426), "running" (599), "weather" (1,447), "apple" (1,786) and
 * "pizza" (3,453) everyday words in English and "kinder" (233) in German; not "marathon"
 * (5,520), "python" (9,923) or "psychiatry" (13,739), whose common use is the topic's.
 *
 * A name shared across languages is not an everyday word of any of them. A frequent form that
 * no other Latin-script language of the background writes less than half as often
 * (SHARED_NAME_EXCESS) owes its frequency to a name all of them write (a platform, a brand, a
 * city), not to the language's own vocabulary, where an everyday sense would lift it far above
 * the rest. "twitter" is Zipf 4.68 in German and 4.83 in English, and no other Latin-script
 * language writes it below 4.68: a name in both. "google" is 4.86 in English against 4.75 at
 * the lowest elsewhere: a name. "nice" is 5.37 in English against 3.32 (Spanish), "kinder" 5.60
 * in German against 2.81 (Portuguese), "apple" 4.76 in English against 4.25 (the fruit lifts
 * English above the brand's level in the other languages): everyday words. The test is
 * against the lowest, so one language that spells a name otherwise keeps it everyday in the
 * rest ("israel" is 4.67 in German, but Italian writes "Israele": 3.54), and a name one language
 * writes far more often is everyday there ("twitter" 5.44 in Portuguese, "berlin" 5.68 in
 * German): both err toward asking for sense evidence. Languages in other scripts write their
 * own words and are not compared.
 *
 * Name homonyms. A topic named by a proper name that is also a common word of the language
 * ("Python" and the snake, "Oracle" and the prophet, "Phoenix" the city and the bird, "Java"
 * and coffee) is ambiguous however rare the word: "we fed the python" is not the language. Such
 * a form is treated as an everyday word (sense evidence needed: in English a capital inside a
 * sentence is exactly the evidence a name gives), unless it is a name the languages share as
 * above. The list is the words a spelling dictionary holds both capitalised and in lower case
 * (models/homonyms.json, scripts/build-homonyms.ts; English only): capitalisation is how a
 * dictionary separates a name from a common word, the distinction Mikheev (1999, "A
 * knowledge-free method for capitalized word disambiguation", ACL) draws from text.
 */

/** A form as frequent as the language's 5,000th commonest word form is an everyday word (see the module doc). */
export const EVERYDAY_RANK = 5000;

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
  /** the table's Zipf values, most frequent first (rank r is ranked[r - 1]) */
  ranked: Float32Array;
  /** words the language's dictionary lists both as a proper name and as a common word ("python", "oracle"); null when not known */
  nameHomonyms: Set<string> | null;
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
  if (t.length === 0 || t.length > 2) return false;
  const c = t.codePointAt(0)!;
  if (t.length === 2 && c <= 0xffff) return false;
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c >= 0x20000;
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

/** How a multi-word form's frequency is estimated from its words' (see the module doc, Phrases). */
export type PhraseFrequency = 'rarest-word' | 'collocation-midpoint';

/**
 * Zipf value of a form under `rule`, from its upper bound (formZipf) and its independence value
 * (independentZipf); never above the upper bound, nor below the floor unless the bound is. Single words and
 * character runs have both equal, so they keep their value.
 */
export function phraseZipf(upper: number, independent: number, rule: PhraseFrequency, floorZipf: number): number {
  if (rule === 'rarest-word' || !(independent < upper)) return upper;
  return Math.max(Math.min(upper, floorZipf), (upper + independent) / 2);
}

/**
 * Zipf value of a form under independence: log10 of prod f_i, + 9. Equal to formZipf for one
 * token, and for runs of Chinese or Japanese characters (not words: the estimate there stays formZipf's).
 */
export function independentZipf(bg: Background, lang: number, tokens: readonly string[]): number {
  const table = bg.tables[lang];
  if (!table || tokens.length < 2 || (table.characters && tokens.some(isSingleCjk))) return formZipf(bg, lang, tokens);
  let z = 9;
  for (const t of tokens) z += tokenZipf(table, t, bg.floorZipf) - 9;
  return z;
}

/** 1/f = sum 1/f_i, in Zipf units. */
function combine(zipfs: number[]): number {
  let inv = 0;
  for (const z of zipfs) inv += 10 ** -z;
  return -Math.log10(inv);
}

/** Per background language: the Zipf value of its `rank`-th commonest word (Infinity for an empty table): the everyday threshold. */
export function everydayThresholds(bg: Background, rank: number): Float64Array {
  return Float64Array.from(bg.tables, (t) => (t.ranked.length >= rank && rank > 0 ? t.ranked[rank - 1]! : Infinity));
}

/** A form written at most this much more often (Zipf, log10: twice) in one language than in any other is a shared name there. */
export const SHARED_NAME_EXCESS = Math.log10(2);

/**
 * Per form and background language (node * L + l): 1 when the form is an everyday word of that
 * language (see the module doc). With `sharedNames`, a form that no other Latin-script language
 * writes less than half as often as this one is never everyday here: its frequency comes from a
 * name the languages share, not from this language's own vocabulary.
 * A name homonym (`homonyms`, node * L + l = 1: see the module doc) is everyday at any frequency.
 * `senseZipf` is the matcher's nodeSenseZipf; `latin` the Latin-script language indexes.
 */
export function everydayForms(senseZipf: Float32Array, L: number, thresholds: Float64Array, latin: readonly number[], sharedNames: boolean, homonyms: Uint8Array | null = null): Uint8Array {
  const nodes = L === 0 ? 0 : senseZipf.length / L;
  const out = new Uint8Array(nodes * L);
  for (let k = 0; k < nodes; k++) {
    for (let l = 0; l < L; l++) {
      const z = senseZipf[k * L + l]!;
      if (!(z >= thresholds[l]!) && homonyms?.[k * L + l] !== 1) continue;
      if (sharedNames && latin.length > 1 && latin.includes(l) && z - lowestElsewhere(senseZipf, k * L, l, latin) <= SHARED_NAME_EXCESS) continue;
      out[k * L + l] = 1;
    }
  }
  return out;
}

/** The lowest Zipf value of a form over the Latin-script languages other than `l`. */
function lowestElsewhere(senseZipf: Float32Array, base: number, l: number, latin: readonly number[]): number {
  let low = Infinity;
  for (const o of latin) if (o !== l && senseZipf[base + o]! < low) low = senseZipf[base + o]!;
  return low;
}

/** Occurrences per token position of a Zipf value. */
export function zipfToFrequency(z: number): number {
  return 10 ** (z - 9);
}
