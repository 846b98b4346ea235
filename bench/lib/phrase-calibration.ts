/**
 * How well the background predicts multi-word forms on real text: per language, the topic forms
 * found in the real archives' own posts (reshares left out, every date) against the occurrences
 * the background predicts for those words, W * sum of the forms' frequencies, under each phrase
 * rule (background.ts, Phrases). Single words are the control: their frequencies come straight
 * from the word lists. The posts are topical, so forms are found somewhat more often than
 * ordinary writing predicts; a rule that predicts many times more than is found is inflated.
 */
import type { Background } from '../../src/engine/topics/background.js';
import { backgroundLanguageIndex, everydayThresholds, formZipf, phraseZipf, zipfToFrequency } from '../../src/engine/topics/background.js';
import { identifyLanguage, OTHER_LANGUAGE, UNDETERMINED } from '../../src/engine/topics/language.js';
import { createMatchScratch, languageMask, matchTokens, tokenizeText, type TopicMatcher } from '../../src/engine/topics/matcher.js';
import { generateSurfaceForms } from '../../src/engine/topics/surface-forms.js';
import type { Taxonomy } from '../../src/engine/topics/taxonomy.js';
import type { RealArchive } from './real-archives.js';

/** single word; phrase whose every word is an everyday word of the language (its upper bound is a common word's frequency); other phrase */
export type FormKind = 'single' | 'common' | 'phrase';
export const FORM_KINDS: readonly FormKind[] = ['single', 'common', 'phrase'];
/** the two rules of TopicConfig.phraseFrequency, and independence alone for contrast */
export type PhraseEstimate = 'rarest-word' | 'collocation-midpoint' | 'independence';
export const PHRASE_ESTIMATES: readonly PhraseEstimate[] = ['rarest-word', 'collocation-midpoint', 'independence'];

/** The tokens of each matcher node's form (the trie rebuilt from the same forms in the same order as buildTopicMatcher). */
export function nodeTokensOf(tax: Taxonomy): string[][] {
  const forms = generateSurfaceForms(tax);
  const vocab = new Map<string, number>();
  for (const f of forms) for (const t of f.tokens) if (!vocab.has(t)) vocab.set(t, vocab.size);
  const root = new Map<number, number>();
  const next = new Map<string, number>();
  const out: string[][] = [];
  let nodes = 0;
  for (const f of forms) {
    let node = -1;
    for (const tok of f.tokens) {
      const id = vocab.get(tok)!;
      if (node < 0) {
        if (!root.has(id)) root.set(id, nodes++);
        node = root.get(id)!;
      } else {
        const key = `${node} ${id}`;
        if (!next.has(key)) next.set(key, nodes++);
        node = next.get(key)!;
      }
    }
    out[node] ??= f.tokens;
  }
  return out;
}

/** Classifies nodes and estimates their frequencies per language. */
export function formClassifier(m: TopicMatcher, nodeTokens: string[][], everydayRank: number) {
  const bg: Background = m.background;
  const L = bg.languages.length;
  const thresholds = everydayThresholds(bg, everydayRank);
  return {
    kind(node: number, l: number): FormKind {
      const toks = nodeTokens[node]!;
      if (toks.length === 1) return 'single';
      return toks.every((t) => formZipf(bg, l, [t]) >= thresholds[l]!) ? 'common' : 'phrase';
    },
    frequency(node: number, l: number, rule: PhraseEstimate): number {
      const upper = m.nodeZipf[node * L + l]!;
      const independent = m.nodeIndependentZipf[node * L + l]!;
      if (rule === 'independence') return zipfToFrequency(Math.max(bg.floorZipf, Math.min(upper, independent)));
      return zipfToFrequency(phraseZipf(upper, independent, rule, bg.floorZipf));
    },
  };
}

export interface LanguageCalibration {
  lang: string;
  words: number;
  found: Record<FormKind, number>;
  /** predicted occurrences per rule and kind */
  predicted: Record<PhraseEstimate, Record<FormKind, number>>;
  /** multi-word forms found, most often first */
  phrasesFound: [string, number][];
}

/** Found against predicted occurrences of the topic forms, per background language with any words in the archives. */
export function calibratePhrases(archives: RealArchive[], tax: Taxonomy, m: TopicMatcher, languageMargin: number, everydayRank: number): LanguageCalibration[] {
  const bg = m.background;
  const L = bg.languages.length;
  const nodeTokens = nodeTokensOf(tax);
  const cls = formClassifier(m, nodeTokens, everydayRank);
  const words = new Float64Array(L);
  const found = Array.from({ length: L }, () => ({ single: 0, common: 0, phrase: 0 }));
  const phrases = Array.from({ length: L }, () => new Map<string, number>());
  const scratch = createMatchScratch();
  const scores = new Float64Array(Math.max(1, m.languageId.latin.length));
  // an archive evaluated over two windows (linkedin-sajiah-2022 and its 90 days) is read once
  const seen = new Set<string>();
  for (const a of archives) {
    const owner = a.input.accounts.findIndex((x) => x.handle.toLowerCase() === a.handle.toLowerCase());
    for (const p of a.input.posts) {
      if (p.author !== owner || !p.text || p.kind === 'reshare') continue;
      const key = `${a.handle.toLowerCase()}\u0000${p.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      tokenizeText(m, p.text, scratch);
      let l = backgroundLanguageIndex(bg, p.lang);
      if (l < 0) {
        const id = identifyLanguage(m.languageId, scratch, languageMargin, scores);
        if (id === OTHER_LANGUAGE || id === UNDETERMINED) continue;
        l = id;
      }
      words[l]! += scratch.tokens;
      const n = matchTokens(m, languageMask(m, bg.languages[l]), scratch);
      // a form shared by several topics is one occurrence of the form
      for (let k = 0; k < n; k++) {
        if (k > 0 && scratch.start[k] === scratch.start[k - 1]) continue;
        const node = scratch.node[k]!;
        const kind = cls.kind(node, l);
        found[l]![kind]++;
        if (kind !== 'single') {
          const s = nodeTokens[node]!.join(' ');
          phrases[l]!.set(s, (phrases[l]!.get(s) ?? 0) + 1);
        }
      }
    }
  }
  const out: LanguageCalibration[] = [];
  for (let l = 0; l < L; l++) {
    if (words[l] === 0) continue;
    // every form that applies to posts of this language, each once (a string's frequency, whichever topics share it)
    const nodes = new Set<number>();
    for (let t = 0; t < tax.size; t++) {
      const pairs = m.topicForms[t]!;
      for (let k = 0; k < pairs.length; k += 2) if (pairs[k + 1] === -1 || pairs[k + 1] === l) nodes.add(pairs[k]!);
    }
    const predicted = Object.fromEntries(PHRASE_ESTIMATES.map((r) => [r, { single: 0, common: 0, phrase: 0 }])) as LanguageCalibration['predicted'];
    for (const node of nodes) for (const r of PHRASE_ESTIMATES) predicted[r][cls.kind(node, l)] += words[l]! * cls.frequency(node, l, r);
    out.push({ lang: bg.languages[l]!, words: words[l]!, found: found[l]!, predicted, phrasesFound: [...phrases[l]!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)) });
  }
  return out;
}
