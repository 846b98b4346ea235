/**
 * Topic assignment on the real archives in ../shared/data/realdata (and the project's own
 * Mastodon fixture) against the hand labels (test/fixtures/topics/real-archive-labels.json).
 *   npx tsx bench/eval-real-topics.ts [--dispersion K] [--fdr Q] [--lead] [--set path=value] [--held-out]
 * Prints, per archive, what was assigned, precision, recall and everyday-word senses, with the
 * single-feature baseline (distinct posts only, no statistics) beside it. Archives marked
 * heldOut in the labels are printed only with --held-out (they are checked at the end, not
 * looked at while designing).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinTaxonomy } from '../src/inputs/ontology.js';
import { topicSetupFor } from '../src/cli/analysis.js';
import { describeOverrides, topicConfigOf } from './lib/topic-config-args.js';
import { readRealArchives } from './lib/real-archives.js';
import { evaluateArchive, readLabels } from './lib/evaluate-real.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const real = path.join(root, '..', 'shared', 'data', 'realdata');
const args = process.argv.slice(2);
const arg = (n: string) => (args.indexOf(n) >= 0 ? Number(args[args.indexOf(n) + 1]) : undefined);
const config = topicConfigOf(args);
config.dispersion = arg('--dispersion') ?? config.dispersion;
config.fdr = arg('--fdr') ?? config.fdr;
const heldOut = args.includes('--held-out');
const tax = loadBuiltinTaxonomy();
const m = topicSetupFor(tax).matcher;
const labels = readLabels(root);
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const lines: string[] = [];
for (const a of await readRealArchives(real, root)) {
  const l = labels[a.name]!;
  if (Boolean(l.heldOut) !== heldOut) continue;
  const e = evaluateArchive(a, l, tax, m, config);
  lines.push(`${a.name}${l.heldOut ? ' [held out]' : ''} (prior k ${config.dispersion}, q ${config.fdr}, details lead ${config.detailsLead}, window ${l.windowDays ?? 90} d): precision ${pct(e.precision)} (${e.correct.length}/${e.assigned.length - e.neutral.length}), recall ${pct(e.recall)} (${e.found.length}/${l.true.length}); everyday senses ${e.everydaySenses.join(', ') || 'none'}`);
  lines.push(`    assigned: ${e.assigned.join(', ') || '-'}; wrong: ${e.wrong.join(', ') || '-'}; neutral: ${e.neutral.join(', ') || '-'}`);
  lines.push(`    missed: ${e.missed.join(', ') || '-'}`);
  lines.push(`    single-feature baseline (named with sense in >= ${config.minPosts} distinct posts, D >= ${config.minDistinctiveness}, no statistics): precision ${pct(e.baseline.precision)}, recall ${pct(e.baseline.recall)} (${e.baseline.assigned} assigned)`);
}
lines.push(`config: ${describeOverrides(args)}`);
lines.push(`load average ${os.loadavg()[0]!.toFixed(1)}`);
process.stdout.write(lines.join('\n') + '\n');
