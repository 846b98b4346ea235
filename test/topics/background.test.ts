import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBuiltinBackground, readHomonyms } from '../../src/inputs/background.js';
import { backgroundLanguageIndex, EVERYDAY_RANK, everydayForms, everydayThresholds, formZipf, independentZipf, phraseZipf } from '../../src/engine/topics/background.js';
import { tokenize } from '../../src/engine/topics/text.js';
import { identifyLanguage, OTHER_LANGUAGE, UNDETERMINED } from '../../src/engine/topics/language.js';
import { bayesianFdrSelect, benjaminiHochberg, negativeBinomialUpperTail, poissonUpperTail, posteriorNullProbability, regularizedGammaP } from '../../src/engine/topics/significance.js';
import { discourseNeighbourhoodOf, isCapitalisedName, neighbourhoodOf } from '../../src/engine/topics/sense.js';
import { createMatchScratch, tokenizeText } from '../../src/engine/topics/matcher.js';
import { topicSetupFor } from '../../src/cli/analysis.js';
import { loadBuiltinTaxonomy } from '../../src/inputs/ontology.js';
import { BASIC_TOPICS, makeTaxonomy } from '../helpers/topic-taxonomy.js';

const bg = loadBuiltinBackground();
const zipf = (lang: string, text: string) => formZipf(bg, backgroundLanguageIndex(bg, lang), tokenize(text));
const everyday = (lang: string, text: string) => zipf(lang, text) >= everydayThresholds(bg, EVERYDAY_RANK)[backgroundLanguageIndex(bg, lang)]!;

describe('name homonyms (a spelling dictionary, SCOWL)', () => {
  const en = bg.tables[backgroundLanguageIndex(bg, 'en')]!.nameHomonyms!;

  it('holds proper names that are also common words, and neither plain words nor plain names', () => {
    for (const w of ['python', 'oracle', 'phoenix', 'java', 'apple', 'amazon']) expect(en.has(w), w).toBe(true);
    for (const w of ['soccer', 'psychiatry', 'weather']) expect(en.has(w), `${w}: no proper name`).toBe(false);
    for (const w of ['leeds', 'netflix', 'linux']) expect(en.has(w), `${w}: no common word`).toBe(false);
    // only English has a case-aware dictionary with a licence the project can ship
    expect(bg.tables[backgroundLanguageIndex(bg, 'de')]!.nameHomonyms).toBeNull();
  });

  it('makes a rare homonym everyday (sense evidence needed) unless the languages share it as a name', () => {
    const L = bg.languages.length;
    const l = backgroundLanguageIndex(bg, 'en');
    const latin = ['en', 'de', 'fr', 'es', 'pt', 'it'].map((x) => backgroundLanguageIndex(bg, x));
    const zipfs = new Float32Array(2 * L).fill(3);
    zipfs[l] = 3.8; // form 0: written in English at 4x the other languages' rate
    const homonym = new Uint8Array(2 * L);
    homonym[l] = 1;
    homonym[L + l] = 1; // form 1: a homonym written as often everywhere (a shared name)
    const thresholds = everydayThresholds(bg, EVERYDAY_RANK);
    expect(everydayForms(zipfs, L, thresholds, latin, true)[l]).toBe(0);
    const table = everydayForms(zipfs, L, thresholds, latin, true, homonym);
    expect(table[l]).toBe(1);
    expect(table[L + l]).toBe(0);
  });

  it('refuses a malformed list, naming the file and field', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'homonyms-')), 'homonyms.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'influence-homonyms', version: 1, languages: { en: ['ok', 3] } }));
    expect(() => readHomonyms(file)).toThrow(/malformed word list/);
    fs.writeFileSync(file, '{"format":"other"}');
    expect(() => readHomonyms(file)).toThrow(/not a homonyms file/);
  });
});

describe('the shipped background (wordfreq, CC BY-SA 4.0)', () => {
  it('covers English, German, French, Spanish, Portuguese, Japanese, Chinese and Korean, with its licence', () => {
    for (const l of ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'ko']) expect(bg.languages).toContain(l);
    expect(bg.license).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(bg.attribution).toMatch(/wordfreq.*Robyn Speer/);
    expect(backgroundLanguageIndex(bg, 'pt-BR')).toBe(bg.languages.indexOf('pt'));
  });

  it('decides everyday words by frequency rank, in the post’s language', () => {
    for (const w of ['nice', 'running', 'weather', 'apple', 'music', 'pizza']) expect(everyday('en', w), w).toBe(true);
    for (const w of ['python', 'psychiatry', 'marathon', 'astrophotography', 'kinder']) expect(everyday('en', w), w).toBe(false);
    expect(everyday('de', 'kinder')).toBe(true);
    expect(everyday('de', 'python')).toBe(false);
    expect(everyday('fr', 'temps')).toBe(true);
    // thresholds sit near Zipf 4.2 in every language
    for (const z of everydayThresholds(bg, EVERYDAY_RANK).slice(0, 6)) expect(z).toBeGreaterThan(3.9);
  });

  it('treats a form no other Latin-script language writes less than half as often as a shared name, never an everyday word', () => {
    const L = bg.languages.length;
    const latin = bg.languages.map((l, i) => (['en', 'de', 'fr', 'es', 'pt', 'it'].includes(l) ? i : -1)).filter((i) => i >= 0);
    const words = ['twitter', 'youtube', 'nice', 'apple', 'kinder', 'café', 'running'];
    const table = new Float32Array(words.length * L);
    words.forEach((w, k) => bg.languages.forEach((_, l) => (table[k * L + l] = formZipf(bg, l, tokenize(w)))));
    const thresholds = everydayThresholds(bg, EVERYDAY_RANK);
    const shared = everydayForms(table, L, thresholds, latin, true);
    const byRank = everydayForms(table, L, thresholds, latin, false);
    const is = (t: Uint8Array, w: string, lang: string) => t[words.indexOf(w) * L + bg.languages.indexOf(lang)] === 1;
    // frequent enough to be everyday by rank alone ...
    for (const [w, lang] of [['twitter', 'de'], ['twitter', 'en'], ['youtube', 'en'], ['nice', 'en'], ['apple', 'en'], ['kinder', 'de'], ['café', 'de'], ['running', 'en']] as const) expect(is(byRank, w, lang), `${w} ${lang}`).toBe(true);
    // ... but the platforms are names every language writes: no sense evidence needed
    for (const [w, lang] of [['twitter', 'de'], ['twitter', 'en'], ['youtube', 'en']] as const) expect(is(shared, w, lang), `${w} ${lang}`).toBe(false);
    // an everyday sense lifts a language above the others: the fruit (English), children (German), the place (German "Café" beside Romance "café")
    for (const [w, lang] of [['nice', 'en'], ['apple', 'en'], ['kinder', 'de'], ['café', 'de'], ['running', 'en']] as const) expect(is(shared, w, lang), `${w} ${lang}`).toBe(true);
    // languages in other scripts are never compared
    const ja = bg.languages.indexOf('ja');
    for (let k = 0; k < words.length; k++) expect(shared[k * L + ja]).toBe(byRank[k * L + ja]);
  });

  it('combines phrases as rarer than their rarest word, and reads Chinese and Japanese by character', () => {
    expect(zipf('en', 'nice')).toBeCloseTo(5.37, 1);
    expect(zipf('en', 'running xterm')).toBeLessThan(zipf('en', 'xterm') + 0.01);
    expect(zipf('en', 'new york')).toBeLessThan(zipf('en', 'york'));
    expect(zipf('zh', '音乐')).toBeGreaterThan(3); // a word the table has, per character
    expect(zipf('zh', '天')).toBeGreaterThan(4);
    expect(zipf('en', 'qwxzvbnm')).toBe(bg.floorZipf);
  });

  it('estimates a phrase between independence and its rarest word (collocation-midpoint), or at the rarest word (rarest-word)', () => {
    const at = (lang: string, phrase: string) => {
      const l = bg.languages.indexOf(lang);
      const upper = formZipf(bg, l, tokenize(phrase));
      const independent = independentZipf(bg, l, tokenize(phrase));
      return { upper, independent, mid: phraseZipf(upper, independent, 'collocation-midpoint', bg.floorZipf), rarest: phraseZipf(upper, independent, 'rarest-word', bg.floorZipf) };
    };
    // "the who": 7.73 and 6.34 -> upper 6.32, independence 5.07, midpoint 5.70 (the module doc's example)
    const who = at('en', 'the who');
    expect(who.upper).toBeCloseTo(6.32, 1);
    expect(who.independent).toBeCloseTo(zipf('en', 'the') + zipf('en', 'who') - 9, 5);
    expect(who.mid).toBeCloseTo((who.upper + who.independent) / 2, 5);
    expect(who.rarest).toBe(who.upper);
    // German "m i a": a letter's frequency as the upper bound, far below it at the midpoint
    const mia = at('de', 'm i a');
    expect(mia.upper).toBeGreaterThan(5);
    expect(mia.mid).toBeLessThan(2.5);
    // never below the floor ("tour de france" has independence below it) unless the upper bound is ("running xterm"), never above the upper bound
    expect(at('en', 'tour de france').mid).toBe(bg.floorZipf);
    for (const p of ['new york', 'martial arts', 'running xterm']) {
      const e = at('en', p);
      expect(e.mid, p).toBeLessThanOrEqual(e.upper);
      expect(e.mid, p).toBeGreaterThanOrEqual(Math.min(e.upper, bg.floorZipf));
    }
    expect(at('en', 'running xterm').mid).toBe(at('en', 'running xterm').upper);
    // one word, and a run of Chinese characters, keep their value under either rule
    for (const [lang, w] of [['en', 'nice'], ['zh', '音乐']] as const) {
      const e = at(lang, w);
      expect(e.mid, w).toBe(e.upper);
    }
  });
});

describe('language identification', () => {
  const m = topicSetupFor(loadBuiltinTaxonomy()).matcher;
  const lang = (text: string): string => {
    const s = createMatchScratch();
    tokenizeText(m, text, s);
    const i = identifyLanguage(m.languageId, s, 2, new Float64Array(16));
    return i === UNDETERMINED ? 'undetermined' : i === OTHER_LANGUAGE ? 'other' : bg.languages[i]!;
  };
  it('tells languages apart by script, then by their common words', () => {
    expect(lang('the weather is nice today and I am going out')).toBe('en');
    expect(lang('das Wetter ist heute schön und ich gehe raus')).toBe('de');
    expect(lang("il fait beau aujourd'hui et je vais sortir")).toBe('fr');
    expect(lang('hoy hace buen tiempo y voy a salir con mis amigos')).toBe('es');
    expect(lang('hoje está um dia bonito e eu vou sair com os amigos')).toBe('pt');
    expect(lang('今日はいい天気ですね')).toBe('ja');
    expect(lang('今天天气很好')).toBe('zh');
    expect(lang('오늘 날씨 좋네요')).toBe('ko');
    expect(lang('Привет, как дела?')).toBe('other');
    expect(lang('#Linux')).toBe('undetermined');
  });
});

describe('significance across all candidates', () => {
  it('negative binomial tails are heavier than Poisson and tend to it as the shape grows', () => {
    expect(negativeBinomialUpperTail(5, 0.2, 0.28)).toBeGreaterThan(poissonUpperTail(5, 0.2) * 100);
    expect(negativeBinomialUpperTail(5, 0.2, 1e7)).toBeCloseTo(poissonUpperTail(5, 0.2), 8);
    expect(negativeBinomialUpperTail(0, 0.2, 0.28)).toBe(1);
    // the module's example: Venezuela in 3 posts at mu = 0.23, conditional on being named
    expect(negativeBinomialUpperTail(3, 0.23, 0.28) / negativeBinomialUpperTail(1, 0.23, 0.28)).toBeCloseTo(0.11, 2);
  });

  it('Benjamini-Hochberg rejects the largest k with p(k) <= k q / m', () => {
    expect(benjaminiHochberg([0.001, 0.2, 0.011, 0.04], 4, 0.05)).toEqual([true, false, true, false]);
    expect(benjaminiHochberg([0.001, 0.2, 0.011, 0.04], 50, 0.05)).toEqual([true, false, false, false]);
    expect(benjaminiHochberg([0.03, 0.04], 2, 0.05)).toEqual([true, true]); // step-up: the larger one lifts the smaller
  });
});

describe('sense evidence', () => {
  it('reads a capital as a name only inside a sentence', () => {
    const at = (text: string, word: string) => isCapitalisedName(text, text.indexOf(word));
    expect(at('flights to Nice on friday', 'Nice')).toBe(true);
    expect(at('Nice work everyone', 'Nice')).toBe(false);
    expect(at('done. Nice work', 'Nice')).toBe(false);
    expect(at('@bob Nice one', 'Nice')).toBe(false);
    expect(at('so NICE', 'NICE')).toBe(false);
    expect(at('My Trip To Nice', 'Nice')).toBe(false);
    expect(at('cheap flights, Nice and Cannes', 'Nice')).toBe(true);
  });

  it('takes parents, children and siblings as neighbours; an account’s other posts only outside the super-topics', () => {
    const tax = makeTaxonomy(BASIC_TOPICS);
    const names = (s: Set<number>) => [...s].map((t) => tax.slugs[t]).sort();
    expect(names(neighbourhoodOf(tax, tax.bySlug.get('running')!))).toEqual(['10k-races', 'children', 'lifestyle-super', 'marathons', 'sports-and-recreation-super'].filter((x) => x !== 'children' && x !== 'lifestyle-super'));
    expect(names(discourseNeighbourhoodOf(tax, tax.bySlug.get('running')!))).toEqual(['10k-races']);
    expect(names(discourseNeighbourhoodOf(tax, tax.bySlug.get('nice')!))).toEqual(['cannes', 'provence']);
  });
});

describe('empirical-Bayes assignment (significance.ts)', () => {
  it('computes the regularized incomplete gamma and the posterior chance of ordinary writing', () => {
    expect(regularizedGammaP(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(regularizedGammaP(5, 3)).toBeCloseTo(0.18474, 4);
    expect(regularizedGammaP(0.5, 2)).toBeCloseTo(0.9545, 4);
    expect(regularizedGammaP(5, 12)).toBeCloseTo(0.99240, 4);
    // the module doc's examples
    expect(posteriorNullProbability(6, 0.25, 0.28, 2)).toBeCloseTo(0.00048, 4);
    expect(posteriorNullProbability(3, 1.27, 0.28, 2)).toBeCloseTo(0.534, 2);
    // more posts, or fewer expected, make ordinary writing less likely
    expect(posteriorNullProbability(4, 0.5, 0.28, 2)).toBeLessThan(posteriorNullProbability(3, 0.5, 0.28, 2));
    expect(posteriorNullProbability(3, 0.2, 0.28, 2)).toBeLessThan(posteriorNullProbability(3, 0.5, 0.28, 2));
    expect(posteriorNullProbability(0, 0.5, 0.28, 2)).toBe(1);
  });

  it('keeps the hypotheses of smallest lfdr while their average is at most q', () => {
    expect(bayesianFdrSelect([0.001, 0.02, 0.09, 0.5], 0.05)).toEqual([true, true, true, false]);
    expect(bayesianFdrSelect([0.5, 0.001], 0.05)).toEqual([false, true]);
    expect(bayesianFdrSelect([0.2], 0.05)).toEqual([false]);
  });
});
