/**
 * The fast matcher (typed arrays, tokens hashed while read, a vocabulary probed with the text's
 * code units) against a slow restatement of its definition (test/helpers/reference-matcher.ts),
 * on the built-in taxonomy: generated posts full of topic names, and hostile texts made of the
 * pieces the tokenizer treats specially, run together so every pair of them meets.
 */
import { describe, expect, it } from 'vitest';
import { buildTopicMatcher, createMatchScratch, languageMask, matchInto, type MatchScratch } from '../../src/engine/topics/matcher.js';
import { generateSurfaceForms } from '../../src/engine/topics/surface-forms.js';
import { loadBuiltinTaxonomy } from '../../src/inputs/ontology.js';
import { loadBuiltinBackground } from '../../src/inputs/background.js';
import { buildReferenceMatcher, referenceMatchTokens, referenceTokenize, type ReferenceResult } from '../helpers/reference-matcher.js';
import { seededRandom } from '../helpers/seeded-random.js';

const tax = loadBuiltinTaxonomy();
const forms = generateSurfaceForms(tax);
const matcher = buildTopicMatcher(tax, { background: loadBuiltinBackground(), forms });
const ref = buildReferenceMatcher(matcher, forms);
// no language, languages with gated forms (a region subtag too), and one without
const LANGS = [null, 'en', 'de', 'fr-CA', 'ja', 'xx'];

/** The scratch's contents as plain arrays, in the reference's shape. */
function fastMatch(text: string, lang: string | null, out: MatchScratch): ReferenceResult {
  const count = matchInto(matcher, text, languageMask(matcher, lang), out);
  const n = out.tokens;
  return {
    folded: out.folded,
    tokens: [],
    tokenIds: [...out.tokenIds.subarray(0, n)],
    tokenStart: [...out.tokenStart.subarray(0, n)],
    tokenHashes: [...out.tokenHashes.subarray(0, n)],
    tokenHashtag: [...out.tokenHash.subarray(0, n)],
    scripts: [...out.scripts],
    hashtags: out.hashtags,
    topics: [...out.topics.subarray(0, count)],
    hashtag: [...out.hashtag.subarray(0, count)],
    node: [...out.node.subarray(0, count)],
    start: [...out.start.subarray(0, count)],
  };
}

/** Runs every text in every language through both, one reused scratch (as the expertise model does). */
function compare(texts: string[]): { matches: number; tokens: number } {
  const out = createMatchScratch();
  let matches = 0;
  let tokens = 0;
  for (const text of texts) {
    const tokenized = referenceTokenize(ref, text);
    tokens += tokenized.tokens.length;
    for (const lang of LANGS) {
      const want = { ...referenceMatchTokens(ref, tokenized, lang), tokens: [] };
      const got = fastMatch(text, lang, out);
      // a deep comparison only when they differ, for its message: most of the time goes to the texts
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, `${JSON.stringify(text)} (${lang})`).toEqual(want);
      matches += want.topics.length;
    }
  }
  return { matches, tokens };
}

const FILLER = 'the a to and of in is it for on with that this my just so at be we you i was have are not but love new music today game art food der die und ist nicht ich le la les et est pas el los que y'.split(' ');

// Pieces the tokenizer reads specially: apostrophes, acronym dots, symbols inside names,
// hashtags (CamelCase ones too), mentions, URLs, folding (width, ligatures, ß, final sigma,
// dotted I, combining marks, Arabic and Hebrew points), scripts without spaces, surrogate
// pairs, lone surrogates, and the spaces isSpace knows.
const PIECES = [
  "Women's", 'don’t', 'rock\u02bcn', "rock'n'roll", "'quoted'", 'U.S.', 'u.s.a.', 'e.g.', 'Ph.D.', 'a.b', '1.2', 'x.1', 'a.b.c', 'A.', 'i.e', 'node.js',
  'AT&T', 'R&B', 'A$AP', '$5', 'a&', '&b', 'C++', 'c++x', 'x+', '+1', 'a++', 'C#', 'F#', 'c#d', 'ok##', '#', '##tag', '#_x', '#1', '#日本', '# x',
  '#HateTwitter', '#NASAMission', '#iPhone', '#HipHop', '#ABC', '#JazzFestival2024', '#LoveJAZZ', '#Ｆｕｌｌ', '#Größe', '#NewYorkYankees',
  '@alice', '@bob@mastodon.social', 'bob@example.com', '@_x-y.z', '@日本', '@', 'https://x.com/a?b=1', 'http://q/r', 'ftp://a', 'www.example.com', 'WWW.X', 'wwwx.y', 'www', 'x:y', ':// ', 'a://',
  'Ｆｕｌｌ', 'ﬁne', 'Straße', 'ΟΔΟΣ ΣΟΦΟΣ', 'İstanbul', 'Größe', 'Köln', 'Björk', 'naïve', 'cafe\u0301', 'e\u0308', 'K Å µ', 'ǅemal',
  'ｶﾞ', 'ガ', '今日はいい天気ですね', '東京', '한국어', '가\u1100\u1161', 'ภาษาไทย', 'ພາສາລາວ', 'ភាសាខ្មែរ', 'မြန်မာ', 'مرحبا بكم', 'بَسْكَوِيت', 'مـوسيقى', 'שָׁלוֹם', 'Привет', 'ПЕЧЕНЬЕ',
  '𝒳𝒴z', '𠀀字', '👍🏽', '❤\ufe0f', '🎉🔥', 'a👍b', '\ud83c', '\udf89', '\ud83cx', 'x\udf89',
  '2024', '1st', '3.14', '...', '!!!', '?', ',', ';', '-', '–', '/', '(', ')', '"', '\n', '\t', '\u00a0', '\u3000', '\u2009', '\u200b', '',
];
const JOINS = [' ', ' ', ' ', '', '.', ',', '\n', '#', '@', "'", '-', '/', ':', '+', '&', '\u3000'];

const recase = (s: string, r: () => number): string => {
  const x = r();
  return x < 0.5 ? s : x < 0.7 ? s.toLowerCase() : x < 0.85 ? s.toUpperCase() : s.replace(/\s+(\S)/g, (_, c: string) => c.toUpperCase());
};

function generatedPosts(count: number, seed: number): string[] {
  const r = seededRandom(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const alt = Object.values(tax.altNames).flat().filter(Boolean);
  const posts: string[] = [];
  for (let p = 0; p < count; p++) {
    const words: string[] = [];
    for (let k = 4 + Math.floor(r() * 16); k > 0; k--) {
      const x = r();
      if (x < 0.55) words.push(pick(FILLER));
      else if (x < 0.75) words.push(recase(pick(tax.names), r));
      else if (x < 0.8) words.push(recase(pick(alt), r));
      else if (x < 0.88) words.push(`#${pick(tax.names).replace(/[^\p{L}\p{N}]+/gu, '')}`);
      else words.push(pick(PIECES));
    }
    posts.push(words.join(' '));
  }
  return posts;
}

function hostileTexts(count: number, seed: number): string[] {
  const r = seededRandom(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const texts: string[] = [];
  for (let p = 0; p < count; p++) {
    let t = '';
    for (let k = 1 + Math.floor(r() * 8); k > 0; k--) t += pick(JOINS) + (r() < 0.8 ? pick(PIECES) : recase(pick(tax.names), r));
    texts.push(r() < 0.5 ? t : t.trim());
  }
  return texts;
}

describe('fast matcher = reference matcher (built-in taxonomy)', () => {
  it('agrees on every piece alone and on each pair of pieces', () => {
    const pairs: string[] = [...PIECES];
    for (const a of PIECES) for (const b of PIECES.slice(0, 40)) pairs.push(a + b, `${a} ${b}`);
    const { tokens, matches } = compare(pairs);
    expect(tokens).toBeGreaterThan(pairs.length);
    expect(matches).toBeGreaterThan(5000);
  });

  it('agrees on each piece and then the piece cut shorter and shorter, so units left in the reused buffers would show', () => {
    const texts = PIECES.flatMap((p) => [`${p} ${p}`, ...Array.from({ length: p.length + 1 }, (_, k) => p.slice(0, p.length - k))]);
    const { tokens } = compare(texts);
    expect(tokens).toBeGreaterThan(PIECES.length);
  });

  it('agrees on generated posts that name topics in many languages', () => {
    const { matches, tokens } = compare(generatedPosts(5000, 1));
    // the texts are worth comparing: most posts name a topic, a long one forces the scratch to grow
    expect(matches).toBeGreaterThan(60_000);
    expect(tokens).toBeGreaterThan(50_000);
    compare([generatedPosts(400, 2).join(' ')]);
  });

  it('agrees on hostile texts', () => {
    const { matches } = compare(hostileTexts(10_000, 3));
    expect(matches).toBeGreaterThan(20_000);
  });
});
