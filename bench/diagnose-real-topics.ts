/**
 * Why each labelled topic was found or missed on the real archives, and why each wrong topic
 * was assigned: the gate that decided it (TopicDecision: sense, distinctiveness, min-posts,
 * not-leading, fdr, roll-up) with the numbers behind it, and where each tested topic's
 * background expectation (mu) comes from: its word columns, or the largest topics of its
 * subtree when it was tested on rolled-up counts.
 *   npx tsx bench/diagnose-real-topics.ts [--held-out] [--set path=value]
 * Also: which candidates the Bayesian FDR keeps without their ever being listed (categories
 * without enough sub-topics), and which assigned topics owe their place to them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinTaxonomy } from '../src/inputs/ontology.js';
import { topicSetupFor } from '../src/cli/analysis.js';
import type { TopicDecision } from '../src/engine/topics/expertise.js';
import { topicConfigOf } from './lib/topic-config-args.js';
import { readRealArchives } from './lib/real-archives.js';
import { evaluateArchive, readLabels } from './lib/evaluate-real.js';
import { bayesianFdrSelect } from '../src/engine/topics/significance.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const real = path.join(root, '..', 'shared', 'data', 'realdata');
const heldOut = process.argv.includes('--held-out');
const tax = loadBuiltinTaxonomy();
const m = topicSetupFor(tax).matcher;
const labels = readLabels(root);
const config = topicConfigOf(process.argv.slice(2));
const row = (d: TopicDecision | undefined, slug: string): string =>
  d
    ? `  ${slug.padEnd(22)} ${d.gate.padEnd(15)} named ${String(d.named).padStart(3)} plain ${String(d.plain).padStart(3)}${d.anchoredBy === 'evidence' ? '*' : d.anchoredBy === 'neighbours' ? '+' : ' '} counting ${String(d.counting).padStart(3)} n ${String(d.n).padStart(4)} mu ${String(d.mu).padStart(8)} D ${String(d.distinctiveness).padStart(5)} lfdr ${String(d.lfdr).padStart(9)} (cut ${d.fdrCutoff})`
    : `  ${slug.padEnd(22)} never-named`;
// where a tested topic's expectation comes from: its word columns, or the topics of its subtree when rolled up
const from = (d: TopicDecision | undefined): string =>
  d && Number.isFinite(d.n) && d.muFrom.length > 0 ? `\n  ${''.padEnd(22)} mu from ${d.muFrom.map((p) => `${p.part} ${p.mu}`).join(', ')}${d.direct ? '' : ' (largest of its subtree)'}` : '';
for (const a of await readRealArchives(real, root)) {
  const l = labels[a.name]!;
  if (Boolean(l.heldOut) !== heldOut) continue;
  const e = evaluateArchive(a, l, tax, m, config);
  const by = new Map(e.decisions.map((d) => [d.slug, d]));
  const gates = (slugs: string[]) => {
    const c = new Map<string, number>();
    for (const s of slugs) c.set(by.get(s)?.gate ?? 'never-named', (c.get(by.get(s)?.gate ?? 'never-named') ?? 0) + 1);
    return [...c].map(([g, n]) => `${g} ${n}`).join(', ') || '-';
  };
  console.log(`\n${a.name}: precision ${(100 * e.precision).toFixed(0)}%, recall ${(100 * e.recall).toFixed(0)}% (${e.found.length}/${l.true.length})`);
  console.log(`true topics by deciding gate: ${gates(l.true)}`);
  console.log(`everyday/other-sense topics by gate: ${gates(l.everydaySenses)}`);
  console.log(`neutral topics by gate: ${gates(l.neutral)}`);
  // the Bayesian FDR averages the lfdr of every candidate it keeps, listed or not: a category kept but never listed
  // (gate roll-up: fewer than minSubTopics sub-topics, or none assigned) lowers the average the listed topics need
  const tested = e.decisions.filter((d) => Number.isFinite(d.lfdr));
  const unlisted = tested.filter((d) => d.gate === 'roll-up');
  const family = tested.filter((d) => d.gate !== 'roll-up');
  const kept = bayesianFdrSelect(family.map((d) => d.lfdr), config.fdr);
  const dropped = family.filter((d, i) => d.gate === 'assigned' && !kept[i]).map((d) => `${d.slug} (lfdr ${d.lfdr})`);
  const added = family.filter((d, i) => d.gate === 'fdr' && kept[i]).map((d) => `${d.slug} (lfdr ${d.lfdr})`);
  console.log(`FDR: ${tested.length} candidates, ${unlisted.length} kept but never listed (${unlisted.map((d) => `${d.slug} ${d.lfdr}`).join(', ') || '-'}); without them in the family, assigned topics that would not be kept: ${dropped.join(', ') || 'none'}; candidates that would be kept: ${added.join(', ') || 'none'}`);
  console.log('true topics:');
  for (const s of l.true) console.log(row(by.get(s), s) + from(by.get(s)));
  console.log('wrong (assigned, not true nor an ancestor of a true topic, not neutral):');
  for (const s of e.wrong) console.log(row(by.get(s), s) + from(by.get(s)));
  console.log('everyday / other senses:');
  for (const s of l.everydaySenses) console.log(row(by.get(s), s) + from(by.get(s)));
}
