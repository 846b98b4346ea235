/**
 * Loads topic ontologies: the built-in taxonomy shipped as models/topics.json (derived from
 * the Klout Topic Ontology, CC BY 3.0), or a user's own CSVs in the Klout format
 * (`--ontology DIR`): a topics file (topicId,topicSlug,topicDisplayName,...), an edges file
 * (parentTopicId,parrentTopicSlug,childTopicId,childTopicSlug; parent 0 is the root) and
 * optionally a display-names file (topicId,language,topicDisplayName). Files are told apart
 * by their header, not their name. Bad rows are an InputError naming file, line and field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { MODELS_DIR } from '../package-paths.js';
import { ROOT, createTaxonomy, type Taxonomy, type TaxonomyData } from '../engine/topics/taxonomy.js';

export const KLOUT_ATTRIBUTION = 'Klout Topic Ontology, Klout, 2015-2018, CC BY 3.0';
export const KLOUT_LICENSE = 'https://creativecommons.org/licenses/by/3.0/';
export const TAXONOMY_FORMAT = 'influence-topics';
export const TAXONOMY_VERSION = 1;

/** models/topics.json in the package. */
export const BUILTIN_TAXONOMY_PATH = path.join(MODELS_DIR, 'topics.json');

/** One CSV file's text and the name errors should give. */
export interface CsvText {
  file: string;
  text: string;
}

/** What a CSV load read and what it had to leave out, for a one-line summary. */
export interface OntologyReport {
  topics: number;
  edgeRows: number;
  edges: number;
  superTopics: number;
  /** edges naming a topic the topics file does not have (the 2018 Klout files have 21) */
  skippedEdges: number;
  firstSkippedEdgeLine: number | null;
  displayNames: number;
  skippedDisplayNames: number;
  languages: string[];
}

const DIGITS = /^[0-9]+$/;
const LANGUAGE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/;

interface Row {
  cells: string[];
  line: number;
}

function readCsv(src: CsvText): { header: string[]; rows: Row[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(src.text, { bom: true, skip_empty_lines: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new InputError(`not a readable CSV: ${e.message}`, {
      file: src.file,
      ...(e.lines !== undefined ? { line: e.lines } : {}),
      expected: 'UTF-8 CSV with a header row',
      fix: 'check the quoting on that line',
    });
  }
  const [head, ...rest] = records;
  if (!head) throw new InputError('empty file', { file: src.file, expected: 'a header row and data rows' });
  return { header: head.record.map((h) => h.trim()), rows: rest.map((r) => ({ cells: r.record, line: r.info.lines })) };
}

type FileKind = 'topics' | 'edges' | 'display';

function kindOf(header: string[]): FileKind | null {
  const has = (h: string) => header.includes(h);
  if (has('parentTopicId') && has('childTopicId')) return 'edges';
  if (has('topicId') && has('language') && has('topicDisplayName')) return 'display';
  if (has('topicId') && has('topicSlug') && has('topicDisplayName')) return 'topics';
  return null;
}

function column(header: string[], name: string): number {
  return header.indexOf(name);
}

function cell(row: Row, index: number, file: string, field: string, expected: string): string {
  const v = row.cells[index];
  if (v === undefined) {
    throw new InputError(`missing field (the row has ${row.cells.length} fields)`, { file, line: row.line, field, expected, fix: 'give every row as many fields as the header' });
  }
  return v.trim();
}

function idCell(row: Row, index: number, file: string, field: string): string {
  const v = cell(row, index, file, field, 'a decimal topic id (digits only)');
  if (!DIGITS.test(v)) {
    throw new InputError(`'${v.slice(0, 40)}' is not a topic id`, { file, line: row.line, field, expected: 'a decimal topic id (digits only)', fix: 'topic ids are digits; keep them quoted or plain, never in scientific notation' });
  }
  return canonicalId(v);
}

/** '007' and '7' are the same topic; '0' stays '0'. Ids stay strings: they overflow int64. */
function canonicalId(v: string): string {
  const s = v.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

/**
 * Turns the three Klout-format CSVs into validated TaxonomyData. Edges that name unknown
 * topics are skipped and counted (Klout's own files have some); a cycle is an error.
 */
export function parseOntologyCsvs(files: { topics: CsvText; edges: CsvText; display?: CsvText }, source: string): { data: TaxonomyData; report: OntologyReport } {
  const topics = readCsv(files.topics);
  const tf = files.topics.file;
  const [cId, cSlug, cName] = ['topicId', 'topicSlug', 'topicDisplayName'].map((h) => column(topics.header, h)) as [number, number, number];
  if (cId < 0 || cSlug < 0 || cName < 0) {
    throw new InputError('not a topics file', { file: tf, line: 1, expected: 'header topicId,topicSlug,topicDisplayName', fix: 'use the Klout topic ontology CSV format' });
  }
  const ids: string[] = [];
  const slugs: string[] = [];
  const names: string[] = [];
  const byId = new Map<string, number>();
  const bySlug = new Map<string, number>();
  for (const row of topics.rows) {
    const id = idCell(row, cId, tf, 'topicId');
    if (id === '0') throw new InputError("topic id 0 is the root and cannot be a topic", { file: tf, line: row.line, field: 'topicId', expected: 'a non-zero id' });
    const slug = cell(row, cSlug, tf, 'topicSlug', 'a slug such as "hip-hop"').toLowerCase();
    if (!slug || /\s/.test(slug)) throw new InputError(`bad slug '${slug.slice(0, 40)}'`, { file: tf, line: row.line, field: 'topicSlug', expected: 'a non-empty slug without spaces, e.g. "hip-hop"' });
    const name = cell(row, cName, tf, 'topicDisplayName', 'a display name');
    if (!name) throw new InputError('empty display name', { file: tf, line: row.line, field: 'topicDisplayName', expected: 'a display name, e.g. "Hip Hop"' });
    if (byId.has(id)) throw new InputError(`duplicate topic id ${id}`, { file: tf, line: row.line, field: 'topicId', expected: 'each topic once' });
    if (bySlug.has(slug)) throw new InputError(`duplicate slug '${slug}'`, { file: tf, line: row.line, field: 'topicSlug', expected: 'unique slugs' });
    byId.set(id, ids.length);
    bySlug.set(slug, ids.length);
    ids.push(id);
    slugs.push(slug);
    names.push(name);
  }
  if (ids.length === 0) throw new InputError('no topics', { file: tf, expected: 'at least one topic row' });

  const edges = readCsv(files.edges);
  const ef = files.edges.file;
  const cParent = column(edges.header, 'parentTopicId');
  const cChild = column(edges.header, 'childTopicId');
  if (cParent < 0 || cChild < 0) throw new InputError('not an edges file', { file: ef, line: 1, expected: 'header parentTopicId,...,childTopicId,...' });
  const parents: number[][] = ids.map(() => []);
  const edgeLine = new Map<string, number>();
  let kept = 0;
  let skipped = 0;
  let firstSkipped: number | null = null;
  for (const row of edges.rows) {
    const p = idCell(row, cParent, ef, 'parentTopicId');
    const c = idCell(row, cChild, ef, 'childTopicId');
    if (c === '0' || p === c) continue; // the root's self-edge '0,_ROOT_,0,_ROOT_'
    const ci = byId.get(c);
    const pi = p === '0' ? ROOT : byId.get(p);
    if (ci === undefined || pi === undefined) {
      skipped++;
      firstSkipped ??= row.line;
      continue;
    }
    if (parents[ci]!.includes(pi)) continue;
    parents[ci]!.push(pi);
    edgeLine.set(`${pi}>${ci}`, row.line);
    kept++;
  }
  rejectCycles(parents, edgeLine, ef);

  const altNames: Record<string, string[]> = {};
  let displayNames = 0;
  let skippedNames = 0;
  if (files.display) {
    const disp = readCsv(files.display);
    const df = files.display.file;
    const [dId, dLang, dName] = ['topicId', 'language', 'topicDisplayName'].map((h) => column(disp.header, h)) as [number, number, number];
    for (const row of disp.rows) {
      const id = idCell(row, dId, df, 'topicId');
      const lang = cell(row, dLang, df, 'language', 'a language code such as "fr"').toLowerCase();
      if (!LANGUAGE.test(lang)) throw new InputError(`bad language code '${lang.slice(0, 20)}'`, { file: df, line: row.line, field: 'language', expected: 'an ISO 639 code such as "fr" or "pt-br"' });
      const name = cell(row, dName, df, 'topicDisplayName', 'a display name');
      const t = byId.get(id);
      if (t === undefined || !name) {
        skippedNames++;
        continue;
      }
      displayNames++;
      if (name === names[t]) continue;
      (altNames[lang] ??= ids.map(() => ''))[t] = name;
    }
  }
  const data: TaxonomyData = { source, attribution: null, license: null, ids, slugs, names, parents, altNames, edgeRows: edges.rows.length };
  return {
    data,
    report: {
      topics: ids.length,
      edgeRows: edges.rows.length,
      edges: kept,
      superTopics: parents.filter((ps) => ps.includes(ROOT)).length,
      skippedEdges: skipped,
      firstSkippedEdgeLine: firstSkipped,
      displayNames,
      skippedDisplayNames: skippedNames,
      languages: Object.keys(altNames).sort(),
    },
  };
}

/** Depth-first search for a back edge; names the line of an edge on the cycle. */
function rejectCycles(parents: number[][], edgeLine: Map<string, number>, file: string): void {
  const state = new Uint8Array(parents.length); // 0 new, 1 on stack, 2 done
  for (let start = 0; start < parents.length; start++) {
    if (state[start] !== 0) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [t, k] = top;
      const ps = parents[t]!;
      if (k >= ps.length) {
        state[t] = 2;
        stack.pop();
        continue;
      }
      top[1] = k + 1;
      const p = ps[k]!;
      if (p === ROOT) continue;
      if (state[p] === 1) {
        throw new InputError('the parent edges form a cycle (a topic is its own ancestor)', {
          file,
          line: edgeLine.get(`${p}>${t}`) ?? 0,
          field: 'parentTopicId',
          expected: 'a hierarchy without cycles',
          fix: 'remove one edge of the cycle',
        });
      }
      if (state[p] === 0) {
        state[p] = 1;
        stack.push([p, 0]);
      }
    }
  }
}

/** Reads a directory of Klout-format CSVs, telling the files apart by their headers. */
export function readOntologyDir(dir: string): { data: TaxonomyData; report: OntologyReport } {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
  } catch {
    throw new InputError('cannot read the ontology directory', { file: dir, expected: 'a directory with the topics and edges CSVs', fix: 'pass --ontology DIR with the Klout-format CSVs' });
  }
  const found: Partial<Record<FileKind, CsvText>> = {};
  for (const name of entries) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    const firstLine = text.slice(0, 400).split(/\r?\n/, 1)[0] ?? '';
    const header = firstLine.replace(/^\uFEFF/, '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
    const kind = kindOf(header);
    if (!kind) continue;
    if (found[kind]) throw new InputError(`two ${kind} files (${path.basename(found[kind]!.file)} and ${name})`, { file, expected: `one ${kind} CSV per directory` });
    found[kind] = { file, text };
  }
  if (!found.topics || !found.edges) {
    throw new InputError(`no ${!found.topics ? 'topics' : 'edges'} CSV found`, {
      file: dir,
      expected: 'a topics CSV (topicId,topicSlug,topicDisplayName,...) and an edges CSV (parentTopicId,parrentTopicSlug,childTopicId,childTopicSlug)',
      fix: 'see the README section on --ontology',
    });
  }
  return parseOntologyCsvs({ topics: found.topics, edges: found.edges, ...(found.display ? { display: found.display } : {}) }, `ontology in ${dir}`);
}

/**
 * The compact file: one JSON document, one topic per line (diffable):
 * [id, slug, name, [parent indices, -1 = root], [alt names in `languages` order]?].
 */
export function serializeTaxonomy(data: TaxonomyData, changes: string): string {
  const languages = Object.keys(data.altNames).sort();
  const head = {
    format: TAXONOMY_FORMAT,
    version: TAXONOMY_VERSION,
    source: data.source,
    attribution: data.attribution,
    license: data.license,
    changes,
    edgeRows: data.edgeRows,
    languages,
  };
  const lines = data.ids.map((id, t) => {
    const alt = languages.map((l) => data.altNames[l]![t]!);
    const row: unknown[] = [id, data.slugs[t], data.names[t], data.parents[t]];
    if (alt.some((a) => a !== '')) row.push(alt);
    return JSON.stringify(row);
  });
  const headJson = JSON.stringify(head);
  return `${headJson.slice(0, -1)},"topics":[\n${lines.join(',\n')}\n]}\n`;
}

/** Parses the compact file back, checking its shape (a hand-edited file gets a clear error). */
export function parseTaxonomyJson(text: string, file: string): TaxonomyData {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`not valid JSON: ${(err as Error).message}`, { file, expected: `an ${TAXONOMY_FORMAT} file` });
  }
  if (doc['format'] !== TAXONOMY_FORMAT || doc['version'] !== TAXONOMY_VERSION || !Array.isArray(doc['topics'])) {
    throw new InputError('not a taxonomy file', { file, field: 'format', expected: `"format": "${TAXONOMY_FORMAT}", "version": ${TAXONOMY_VERSION}`, fix: 'rebuild it with scripts/build-taxonomy.ts' });
  }
  const languages = (doc['languages'] as string[] | undefined) ?? [];
  const rows = doc['topics'] as unknown[];
  const n = rows.length;
  const data: TaxonomyData = {
    source: String(doc['source'] ?? file),
    attribution: typeof doc['attribution'] === 'string' ? doc['attribution'] : null,
    license: typeof doc['license'] === 'string' ? doc['license'] : null,
    ids: [],
    slugs: [],
    names: [],
    parents: [],
    altNames: Object.fromEntries(languages.map((l) => [l, new Array<string>(n).fill('')])),
    edgeRows: Number(doc['edgeRows'] ?? 0),
  };
  rows.forEach((r, t) => {
    const bad = (why: string): never => {
      throw new InputError(why, { file, record: t, field: 'topics', expected: '[id, slug, name, [parents], [alt names]?]', fix: 'rebuild it with scripts/build-taxonomy.ts' });
    };
    if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'string' || typeof r[2] !== 'string' || !Array.isArray(r[3])) return bad('malformed topic');
    const ps = r[3] as unknown[];
    if (!ps.every((p) => Number.isInteger(p) && (p as number) >= -1 && (p as number) < n)) return bad('parent index out of range');
    data.ids.push(r[0]);
    data.slugs.push(r[1]);
    data.names.push(r[2]);
    data.parents.push(ps as number[]);
    if (Array.isArray(r[4])) (r[4] as string[]).forEach((name, k) => (data.altNames[languages[k]!]![t] = name));
  });
  return data;
}

let builtin: Taxonomy | null = null;

/** The built-in taxonomy (read once per process). */
export function loadBuiltinTaxonomy(): Taxonomy {
  builtin ??= createTaxonomy(parseTaxonomyJson(fs.readFileSync(BUILTIN_TAXONOMY_PATH, 'utf8'), BUILTIN_TAXONOMY_PATH));
  return builtin;
}

/** `--ontology PATH`: a directory of CSVs or a compact .json file; none -> the built-in taxonomy. */
export function loadTaxonomy(ontology?: string): { taxonomy: Taxonomy; report: OntologyReport | null } {
  if (!ontology) return { taxonomy: loadBuiltinTaxonomy(), report: null };
  if (fs.existsSync(ontology) && fs.statSync(ontology).isFile()) {
    return { taxonomy: createTaxonomy(parseTaxonomyJson(fs.readFileSync(ontology, 'utf8'), ontology)), report: null };
  }
  const { data, report } = readOntologyDir(ontology);
  return { taxonomy: createTaxonomy(data), report };
}
