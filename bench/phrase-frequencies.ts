/**
 * How much of each topic's background expectation comes from multi-word surface forms, how
 * much of that from phrases of common words, and how the phrase estimates compare with real text.
 *   npx tsx bench/phrase-frequencies.ts [--lang de] [--topic music] [--top 15] [--archives] [--no-shares] [--set path=value]
 * Part 1, per language: the share of all topics' own forms' expectation, and of each
 * super-topic's (or --topic's) roll-up expectation (what the roll-up test sums: every
 * descendant's forms, everyday forms at s0), that comes from phrases of common words (every word
 * an everyday word of the language, so the upper bound 1/f = sum 1/f_i is a common word's
 * frequency) and from other phrases; with --topic, its largest forms. Under the configured
 * TopicConfig.phraseFrequency (--set phraseFrequency='"collocation-midpoint"').
 * Part 2 (--archives): topic forms found in the real archives' own posts against the
 * occurrences each phrase rule predicts (bench/lib/phrase-calibration.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinTaxonomy } from '../src/inputs/ontology.js';
import { topicSetupFor } from '../src/cli/analysis.js';
import { everydayForms, everydayThresholds } from '../src/engine/topics/background.js';
import { findTopic } from '../src/engine/topics/taxonomy.js';
import { topicConfigOf, describeOverrides } from './lib/topic-config-args.js';
import { calibratePhrases, FORM_KINDS, formClassifier, nodeTokensOf, PHRASE_ESTIMATES, type FormKind } from './lib/phrase-calibration.js';
import { readRealArchives } from './lib/real-archives.js';

const args = process.argv.slice(2);
const opt = (n: string) => (args.indexOf(n) >= 0 ? args[args.indexOf(n) + 1] : undefined);
const config = topicConfigOf(args);
const tax = loadBuiltinTaxonomy();
const m = topicSetupFor(tax).matcher;
const bg = m.background;
const L = bg.languages.length;
const thresholds = everydayThresholds(bg, config.sense.everydayRank);
const everyday = everydayForms(m.nodeSenseZipf, L, thresholds, m.languageId.latin, config.sense.sharedNames, config.sense.nameHomonyms ? m.nodeHomonym : null);
const s0 = config.sense.accidentalEvidence;
const nodeTokens = nodeTokensOf(tax);
const cls = formClassifier(m, nodeTokens, config.sense.everydayRank);
const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)}%`;
const fmt = (x: number) => x.toExponential(2);
console.log(`config: ${describeOverrides(args)}`);

interface Part { node: number; rate: number; kind: FormKind; everyday: boolean }
if (opt('--lang') && !bg.languages.includes(opt('--lang')!)) throw new Error(`--lang: the background has ${bg.languages.join(', ')}`);
const langs = args.includes('--no-shares') ? [] : opt('--lang') ? [bg.languages.indexOf(opt('--lang')!)] : bg.languages.map((_, l) => l);
const chosenTopic = opt('--topic') ? findTopic(tax, opt('--topic')!) : null;
if (opt('--topic') && chosenTopic === null) throw new Error(`no topic ${opt('--topic')}`);
const top = Number(opt('--top') ?? 12);
for (const l of langs) {
  // per topic: its own forms' rates as expertise.ts backgroundRates sums them (sense table)
  const roll = Array.from({ length: tax.size }, () => ({ single: 0, common: 0, phrase: 0 }));
  const own = { single: 0, common: 0, phrase: 0 };
  const parts: Part[] = [];
  for (let t = 0; t < tax.size; t++) {
    const pairs = m.topicForms[t]!;
    for (let k = 0; k < pairs.length; k += 2) {
      const node = pairs[k]!;
      if (pairs[k + 1] !== -1 && pairs[k + 1] !== l) continue;
      const ev = everyday[node * L + l] === 1;
      const rate = (ev ? s0 : 1) * cls.frequency(node, l, config.phraseFrequency);
      const kind = cls.kind(node, l);
      own[kind] += rate;
      for (const up of tax.ancestors[t]!) roll[up]![kind] += rate;
      if (chosenTopic !== null && tax.ancestors[t]!.includes(chosenTopic)) parts.push({ node, rate, kind, everyday: ev });
    }
  }
  const ownAll = own.single + own.common + own.phrase;
  const rolled = roll.reduce((a, r) => ({ single: a.single + r.single, common: a.common + r.common, phrase: a.phrase + r.phrase }), { single: 0, common: 0, phrase: 0 });
  const rolledAll = rolled.single + rolled.common + rolled.phrase;
  console.log(`\n== ${bg.languages[l]} (everyday from Zipf ${thresholds[l]!.toFixed(2)}): own forms, summed over topics: ${fmt(ownAll)} per word, phrases of common words ${pct(own.common, ownAll)}, other phrases ${pct(own.phrase, ownAll)}; roll-up expectations summed over all topics: phrases of common words ${pct(rolled.common, rolledAll)}, other phrases ${pct(rolled.phrase, rolledAll)}`);
  for (const t of chosenTopic !== null ? [chosenTopic] : tax.superTopics) {
    const r = roll[t]!;
    const all = r.single + r.common + r.phrase;
    console.log(`  ${tax.slugs[t]!.padEnd(30)} roll-up ${fmt(all)} per word: phrases of common words ${pct(r.common, all).padStart(6)}, other phrases ${pct(r.phrase, all).padStart(6)}`);
  }
  if (chosenTopic === null) continue;
  const byNode = new Map<number, Part>();
  for (const p of parts) byNode.set(p.node, { ...p, rate: (byNode.get(p.node)?.rate ?? 0) + p.rate });
  const all = parts.reduce((a, p) => a + p.rate, 0);
  for (const p of [...byNode.values()].sort((a, b) => b.rate - a.rate).slice(0, top)) {
    console.log(`      ${nodeTokens[p.node]!.join(' ').padEnd(26)} ${fmt(p.rate)} ${pct(p.rate, all).padStart(6)} ${p.kind}${p.everyday ? ', everyday (at s0)' : ''}; upper Zipf ${m.nodeZipf[p.node * L + l]!.toFixed(2)}, independence ${m.nodeIndependentZipf[p.node * L + l]!.toFixed(2)}`);
  }
}

if (args.includes('--archives')) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const archives = await readRealArchives(path.join(root, '..', 'shared', 'data', 'realdata'), root);
  console.log(`\n== the topic forms found in the real archives' own posts (${archives.map((a) => a.name).join(', ')}; reshares left out, all dates) against the occurrences predicted, W * sum f`);
  for (const c of calibratePhrases(archives, tax, m, config.languageMargin, config.sense.everydayRank)) {
    if (c.words < 1000) continue;
    console.log(`${c.lang}: ${c.words} words`);
    for (const k of FORM_KINDS) {
      const pred = PHRASE_ESTIMATES.map((r) => `${r} ${c.predicted[r][k].toFixed(1)} (${(c.predicted[r][k] / Math.max(1, c.found[k])).toFixed(2)}x)`).join(', ');
      console.log(`  ${(k === 'single' ? 'single words' : k === 'common' ? 'phrases of common words' : 'other phrases').padEnd(24)} found ${String(c.found[k]).padStart(5)}; predicted: ${pred}`);
    }
    console.log(`  phrases found: ${c.phrasesFound.slice(0, top * 2).map(([s, k]) => `${s} ${k}`).join(', ')}`);
  }
}
