/**
 * Builds models/topics.json, the built-in taxonomy, from the Klout Topic Ontology CSVs.
 *   npx tsx scripts/build-taxonomy.ts [ONTOLOGY_DIR]   (default ../shared/data/klout-topic-ontology)
 * The output is committed; rerun only when the source or the format changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { KLOUT_ATTRIBUTION, KLOUT_LICENSE, readOntologyDir, serializeTaxonomy } from '../src/inputs/ontology.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'data', 'klout-topic-ontology'));
const out = path.join(root, 'models', 'topics.json');

const { data, report } = readOntologyDir(dir);
data.source = 'Klout Topic Ontology 2018-06-01 (klout_topic_ontology_20180601.csv, klout_topic_edge_20180601.csv, klout_topic_display_20180601.csv)';
data.attribution = KLOUT_ATTRIBUTION;
data.license = KLOUT_LICENSE;
const changes =
  'Converted from CSV to this JSON file: ids kept as strings, parents as row indices (-1 = root), ' +
  `display names in other languages kept only where they differ from the English name; ${report.skippedEdges} edges naming topics absent from the topics file were dropped.`;
const text = serializeTaxonomy(data, changes);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, text);

const bytes = Buffer.byteLength(text);
const gz = zlib.gzipSync(text, { level: 9 }).length;
process.stdout.write(
  `${path.relative(process.cwd(), out)}: ${report.topics} topics, ${report.edges} edges kept of ${report.edgeRows} rows ` +
    `(${report.skippedEdges} skipped, first at line ${report.firstSkippedEdgeLine ?? '-'}), ${report.superTopics} super-topics, ` +
    `${report.displayNames} display names (${report.languages.join(', ')}); ${(bytes / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzipped\n`,
);
