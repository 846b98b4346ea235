import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTopics } from '../../src/engine/topics/matcher.js';
import { createTokenCursor, foldText, nextToken, startTokens, tokenHash, tokenize } from '../../src/engine/topics/text.js';
import { pluralOf, singularsOf } from '../../src/engine/topics/surface-forms.js';
import { buildTopicMatcher } from '../../src/engine/topics/matcher.js';
import { loadBuiltinTaxonomy } from '../../src/inputs/ontology.js';
import { BASIC_TOPICS, makeTopics } from '../helpers/topic-taxonomy.js';
import { SHARED } from '../helpers/cli.js';

const { tax, matcher } = makeTopics(BASIC_TOPICS);
const slugs = (text: string, lang: string | null = null) => findTopics(matcher, text, lang).map((m) => tax.slugs[m.topic]);

describe('tokens', () => {
  it('folds case and width, keeps diacritics, and keeps symbols that make names', () => {
    expect(tokenize('Björk in KÖLN, Ｆｕｌｌ width')).toEqual(['björk', 'in', 'köln', 'full', 'width']);
    expect(tokenize("Women's rights in the U.S. & AT&T, C++ and R&B, A$AP")).toEqual(['womens', 'rights', 'in', 'the', 'us', 'at&t', 'c++', 'and', 'r&b', 'a$ap']);
    expect(tokenize('node.js hip-hop e-mail')).toEqual(['node', 'js', 'hip', 'hop', 'e', 'mail']);
    expect(tokenize('hi @alice@mastodon.social see https://x.com/a?b=1 and www.example.com #Tag')).toEqual(['hi', 'see', 'and', 'tag']);
    expect(foldText('Straße ΟΔΟΣ')).toBe('strasse οδοσ');
  });

  it('splits scripts without spaces into characters and strips Arabic vowel marks', () => {
    expect(tokenize('今日はクッキー')).toEqual(['今', '日', 'は', 'ク', 'ッ', 'キ', 'ー']);
    expect(tokenize('بَسْكَوِيت، مـوسيقى')).toEqual(['بسكويت', 'موسيقى']);
  });

  it('hashes each token while reading it exactly as tokenHash hashes its text, joined tokens and surrogate pairs included', () => {
    const text = foldText("Women's U.S. r&b C++ c# #Tag a$ap don’t 𝒳𝒴z 𠀀字 今日 Größe ﬁne x:y www.a.b http://q/r @bob ok## end+");
    const cur = createTokenCursor();
    startTokens(cur);
    const seen: string[] = [];
    while (nextToken(text, cur)) {
      const token = cur.joined ?? text.slice(cur.start, cur.end);
      seen.push(token);
      expect(cur.hash, token).toBe(tokenHash(token));
    }
    expect(seen).toEqual(tokenize("Women's U.S. r&b C++ c# #Tag a$ap don’t 𝒳𝒴z 𠀀字 今日 Größe ﬁne x:y www.a.b http://q/r @bob ok## end+"));
    expect(seen).toContain('womens');
    expect(seen).toContain('c++');
    expect(seen).toContain('𠀀');
    expect(cur.hashtags).toBe(1);
    // different tokens, different hashes here (FNV-1a is not collision-free in general)
    expect(new Set(seen.map((t) => tokenHash(t))).size).toBe(new Set(seen).size);
  });

  it('folds text that needs no normalization exactly as the normalizing path does', () => {
    // the definition (module doc of text.ts), applied to every text
    const byDefinition = (t: string): string =>
      t.normalize('NFKD').toLowerCase().replace(/[\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '').normalize('NFC').replace(/[ßς]/g, (c) => (c === 'ß' ? 'ss' : 'σ'));
    const tricky = ['ΟΔΟΣ ΣΟΦΟΣ', 'ﬁne Ｆｕｌｌ', 'cafe\u0301 café', 'ｶﾞ ガ', 'أحمد', '\u{16D67}\u{16D67}', '\u1100\u1161 가', '❤\ufe0f 👍🏽 🎉', 'Größe Straße', 'İstanbul', 'K Å µ', '\ud83c x \udf89'];
    for (const t of tricky) expect(foldText(t), t).toBe(byDefinition(t));
    // random texts over the blocks the shortcut accepts, and a few it must refuse
    const pool = [...'AbÇçÉéÑñÖöÜüßÆæŒœΑαΣσςЖжЁёЙйאבשالعربيةأإآ日本語のテキストカタカナ한국어가각“”‘’–—…€™←↑✓❤👍🎉\ufe0f', '\u0301', '\u0308', '\u3099', 'ﬁ', 'Ａ', '\u{16D67}', '\u1161'];
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let k = 0; k < 5000; k++) {
      let t = '';
      for (let j = 1 + next(6); j > 0; j--) t += pool[next(pool.length)];
      expect(foldText(t), JSON.stringify(t)).toBe(byDefinition(t));
    }
  });

  it('has simple English plurals', () => {
    expect(pluralOf('cookie')).toBe('cookies');
    expect(pluralOf('party')).toBe('parties');
    expect(pluralOf('box')).toBe('boxes');
    expect(singularsOf('cookies')).toContain('cookie');
    expect(singularsOf('parties')).toContain('party');
    expect(singularsOf('news')).toEqual([]);
    expect(singularsOf('tennis')).toEqual([]);
  });
});

describe('topic matcher', () => {
  it('is case-insensitive and respects word boundaries', () => {
    expect(slugs('I love JAZZ and art')).toEqual(['jazz', 'art']);
    expect(slugs('a smart party with jazzy artists')).toEqual([]);
  });

  it('matches multi-word names, hashtag forms and plurals', () => {
    expect(slugs('Hip Hop, hip-hop, #HipHop, #hiphop and hiphop')).toEqual(Array(5).fill('hip-hop'));
    expect(findTopics(matcher, 'so good #HipHop').map((m) => m.hashtag)).toEqual([true]);
    expect(slugs('one cookie, two cookies, #cookies')).toEqual(['cookies', 'cookies', 'cookies']);
    expect(slugs('EDM, Electronic Dance Music, electronic dance music (edm)')).toEqual(['edm', 'edm', 'edm']);
    expect(slugs('R&B and C++ fans, not C or R')).toEqual(['r-and-b', 'c-plus-plus']);
    expect(slugs('Today (TV Series) today')).toEqual(['today-show', 'today-show']);
  });

  it('reads the words of a CamelCase hashtag that no form spells whole, as hashtags', () => {
    expect(findTopics(matcher, 'enough #HateJazz tonight').map((m) => [tax.slugs[m.topic], m.hashtag])).toEqual([['jazz', true]]);
    expect(slugs('#LoveCookiesForever and #JAZZFestival')).toEqual(['cookies', 'jazz']);
    // a hashtag a form spells whole stays one token; lower case has no boundary to read
    expect(slugs('#HipHop #hatejazz')).toEqual(['hip-hop']);
  });

  it('takes the longest match and does not double count inside it', () => {
    expect(slugs('New York Yankees win in New York')).toEqual(['new-york-yankees', 'new-york']);
  });

  it('drops forms too weak to mean anything alone', () => {
    expect(slugs('the who is the band; who knows')).toEqual(['the-who']);
    expect(slugs('I will go to the store')).toEqual([]);
  });

  it('matches Japanese, Cyrillic and Arabic names', () => {
    expect(slugs('今日はクッキーを焼いた')).toEqual(['cookies']);
    expect(slugs('ПЕЧЕНЬЕ и чай; печенье!')).toEqual(['cookies', 'cookies']);
    expect(slugs('печеньем')).toEqual([]); // another word, not a substring match
    expect(slugs('أحب البسكويت، بَسْكَوِيت لذيذ')).toEqual(['cookies']);
  });

  it('applies Latin-script names in other languages only to posts in that language', () => {
    expect(slugs('des biscuits au beurre', 'fr')).toEqual(['cookies']);
    expect(slugs('des biscuits au beurre', 'fr-CA')).toEqual(['cookies']);
    expect(slugs('biscuits and gravy', 'en')).toEqual([]);
    expect(slugs('biscuits and gravy')).toEqual([]);
  });
});

describe.runIf(fs.existsSync(path.join(SHARED, 'data', 'klout-topic-ontology')))('on the built-in taxonomy', () => {
  it('finds real Klout topics, Arabic names included', () => {
    const big = loadBuiltinTaxonomy();
    const m = buildTopicMatcher(big);
    const found = (text: string, lang: string | null = null) => findTopics(m, text, lang).map((x) => big.slugs[x.topic]);
    expect(found('Baking cookies and listening to hip-hop')).toEqual(expect.arrayContaining(['cookies', 'hip-hop']));
    expect(found('Björk live in Köln')).toEqual(['bjork', 'cologne']);
    expect(found('Bjork live')).toEqual(['bjork']); // a name with diacritics also matches text typed without
    expect(found('ich bin über alles froh', 'de')).not.toContain('uber'); // German "über" is not the company
    expect(found('زومبا في الصباح')).toEqual(['zumba']);
    expect(found('New York Yankees')).toEqual(['new-york-yankees']);
    expect(found('Queen is my favourite band')).toEqual(['queen-band']); // not also Queens (NY)
  });
});
