/**
 * Topic assignment on the real archives in ../shared/data/realdata against the hand labels
 * written before the engine ran on them (test/fixtures/topics/real-archive-labels.json).
 *   npx tsx bench/eval-real-topics.ts [--dispersion K] [--fdr Q]
 * Prints, per archive, what was assigned, precision, recall and everyday-word senses, with the
 * Poisson model (no over-dispersion) beside the fitted one as the baseline.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinTaxonomy } from '../src/inputs/ontology.js';
import { topicSetupFor } from '../src/cli/analysis.js';
import { TOPIC_DEFAULTS } from '../src/engine/topics/expertise.js';
import fs from 'node:fs';
import { readImportedArchive, readThreadsArchive, readTwitterArchive } from './lib/real-archives.js';
import { evaluateArchive, readLabels } from './lib/evaluate-real.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const real = path.join(root, '..', 'shared', 'data', 'realdata');
const args = process.argv.slice(2);
const arg = (n: string) => (args.indexOf(n) >= 0 ? Number(args[args.indexOf(n) + 1]) : undefined);
const config = { ...TOPIC_DEFAULTS, dispersion: arg('--dispersion') ?? TOPIC_DEFAULTS.dispersion, fdr: arg('--fdr') ?? TOPIC_DEFAULTS.fdr };
const tax = loadBuiltinTaxonomy();
const m = topicSetupFor(tax).matcher;
const labels = readLabels(root);
const bluesky = path.join(real, 'bluesky-bnewbold-2025');
const car = fs.readdirSync(bluesky).find((f) => f.endsWith('.car'))!;
const archives = [
  await readTwitterArchive(path.join(real, 'twitter-milahu104-2026'), 'milahu104'),
  readThreadsArchive(path.join(real, 'threads-yungztr-2024')),
  await readImportedArchive(path.join(bluesky, car), 'bnewbold.robocracy.org', 'bluesky-bnewbold-2025'),
];
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const lines: string[] = [];
for (const a of archives) {
  for (const [name, c] of [['fitted', config], ['Poisson baseline', { ...config, dispersion: Infinity }]] as const) {
    const e = evaluateArchive(a, labels[a.name]!, tax, m, c);
    lines.push(`${a.name} (${name}, dispersion ${c.dispersion}, q ${c.fdr}): precision ${pct(e.precision)}, recall ${pct(e.recall)} (${e.found.length}/${labels[a.name]!.true.length}); everyday senses ${e.everydaySenses.join(', ') || 'none'}`);
    lines.push(`    assigned: ${e.assigned.join(', ') || '-'}; wrong: ${e.wrong.join(', ') || '-'}; neutral: ${e.neutral.join(', ') || '-'}`);
    lines.push(`    missed: ${e.missed.join(', ') || '-'}`);
  }
}
lines.push(`load average ${os.loadavg()[0]!.toFixed(1)}`);
process.stdout.write(lines.join('\n') + '\n');
