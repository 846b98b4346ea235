import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createTaxonomy, findTopic, ROOT } from '../../src/engine/topics/taxonomy.js';
import { BUILTIN_TAXONOMY_PATH, KLOUT_ATTRIBUTION, loadBuiltinTaxonomy, loadTaxonomy, parseOntologyCsvs, parseTaxonomyJson, readOntologyDir, serializeTaxonomy } from '../../src/inputs/ontology.js';
import { SHARED, tempDir } from '../helpers/cli.js';

const KLOUT_DIR = path.join(SHARED, 'data', 'klout-topic-ontology');
const HUGE_ID = '123456789012345678901234567890'; // > 2^64

const TOPICS = `topicId,topicSlug,topicDisplayName,wikiItemId,freebaseMachineId
10000000000000000001,"food-and-drink-super","Food and Drink","Q1","a"
${HUGE_ID},"desserts","Desserts","Q2","b"
7302461317919750243,"cookies","Cookies","Q3","c"
55,"snacks","Snacks","Q4","d"
`;
const EDGES = `parentTopicId,parrentTopicSlug,childTopicId,childTopicSlug
0,"_ROOT_",0,"_ROOT_"
0,"_ROOT_",10000000000000000001,"food-and-drink-super"
10000000000000000001,"food-and-drink-super",${HUGE_ID},"desserts"
10000000000000000001,"food-and-drink-super",55,"snacks"
${HUGE_ID},"desserts",7302461317919750243,"cookies"
55,"snacks",7302461317919750243,"cookies"
999,"missing",55,"snacks"
`;
const DISPLAY = `topicId,language,topicDisplayName
7302461317919750243,"en","Cookies"
7302461317919750243,"ja","クッキー"
7302461317919750243,"ru","Печенье"
`;

const csv = (topics = TOPICS, edges = EDGES, display: string | undefined = DISPLAY) =>
  parseOntologyCsvs({ topics: { file: 't.csv', text: topics }, edges: { file: 'e.csv', text: edges }, ...(display ? { display: { file: 'd.csv', text: display } } : {}) }, 'test');

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('ontology CSVs', () => {
  it('reads topics, a multi-parent DAG, the root edge and other-language names', () => {
    const { data, report } = csv();
    const tax = createTaxonomy(data);
    expect(report).toMatchObject({ topics: 4, edgeRows: 7, edges: 5, superTopics: 1, skippedEdges: 1, firstSkippedEdgeLine: 8, languages: ['ja', 'ru'] });
    const cookies = findTopic(tax, 'cookies')!;
    expect(tax.parents[cookies]!.map((p) => tax.slugs[p])).toEqual(['desserts', 'snacks']);
    // each ancestor once although two paths lead to food-and-drink-super
    expect([...tax.ancestors[cookies]!].map((t) => tax.slugs[t])).toEqual(['cookies', 'desserts', 'snacks', 'food-and-drink-super']);
    expect(tax.superTopics.map((t) => tax.slugs[t])).toEqual(['food-and-drink-super']);
    expect(tax.parents[findTopic(tax, 'food-and-drink-super')!]).toEqual([ROOT]);
    expect(data.altNames['ja']![cookies]).toBe('クッキー');
    expect(data.altNames['en']).toBeUndefined(); // same as the English name: not kept
  });

  it('keeps an id beyond 2^64 exactly, through the compact file too', () => {
    const { data } = csv();
    expect(BigInt(HUGE_ID) > 2n ** 64n).toBe(true);
    const back = createTaxonomy(parseTaxonomyJson(serializeTaxonomy(data, 'test'), 'x.json'));
    const t = findTopic(back, 'desserts')!;
    expect(back.ids[t]).toBe(HUGE_ID);
    expect(findTopic(back, HUGE_ID)).toBe(t);
    expect(back.ids).toEqual(data.ids);
    expect(back.parents).toEqual(data.parents);
    expect(back.altNames).toEqual(data.altNames);
  });

  it('rejects bad rows with file, line and field', () => {
    let e = inputError(() => csv(TOPICS.replace('55,"snacks"', '5e5,"snacks"')));
    expect(e.detail).toMatchObject({ file: 't.csv', line: 5, field: 'topicId' });
    e = inputError(() => csv(TOPICS.replace('"cookies","Cookies"', '"desserts","Cookies"')));
    expect(e.detail).toMatchObject({ file: 't.csv', line: 4, field: 'topicSlug' });
    e = inputError(() => csv(TOPICS.replace('"Snacks"', '""')));
    expect(e.detail).toMatchObject({ line: 5, field: 'topicDisplayName' });
    e = inputError(() => csv(TOPICS, `${EDGES}7302461317919750243,"cookies",${HUGE_ID},"desserts"\n`));
    expect(e.message).toContain('cycle');
    expect(e.detail.file).toBe('e.csv');
    expect(e.detail.line).toBeGreaterThan(1);
    e = inputError(() => csv(TOPICS, EDGES.replace('55,"snacks",7302461317919750243', 'x,"snacks",7302461317919750243')));
    expect(e.detail).toMatchObject({ file: 'e.csv', line: 7, field: 'parentTopicId' });
    e = inputError(() => csv('id,name\n1,a\n'));
    expect(e.detail).toMatchObject({ file: 't.csv', line: 1 });
    e = inputError(() => csv(TOPICS, EDGES, 'topicId,language,topicDisplayName\n55,"??",Snacks\n'));
    expect(e.detail).toMatchObject({ file: 'd.csv', line: 2, field: 'language' });
    e = inputError(() => csv(TOPICS, EDGES, 'topicId,language,topicDisplayName\n55,"fr\n'));
    expect(e.detail.file).toBe('d.csv');
  });

  it('finds the files in a directory by their headers', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.csv'), EDGES);
    fs.writeFileSync(path.join(dir, 'b.csv'), TOPICS);
    fs.writeFileSync(path.join(dir, 'notes.csv'), 'x,y\n1,2\n');
    const { taxonomy, report } = loadTaxonomy(dir);
    expect(taxonomy.size).toBe(4);
    expect(report?.languages).toEqual([]);
    const empty = tempDir();
    expect(inputError(() => readOntologyDir(empty)).message).toContain('no topics CSV');
  });
});

describe.runIf(fs.existsSync(KLOUT_DIR))('the Klout Topic Ontology (../shared)', () => {
  it('loads 8,033 topics, 13,446 edge rows and 16 super-topics, ids as strings', () => {
    const { data, report } = readOntologyDir(KLOUT_DIR);
    expect(report.topics).toBe(8033);
    expect(report.edgeRows).toBe(13446);
    expect(report.superTopics).toBe(16);
    // 1 root self-edge and 21 edges naming topics absent from the topics file
    expect(report.skippedEdges).toBe(21);
    expect(report.edges).toBe(13446 - 1 - 21);
    expect(report.languages).toEqual(['ar', 'de', 'es', 'fr', 'it']);
    const tax = createTaxonomy(data);
    const cookies = findTopic(tax, 'cookies')!;
    expect(tax.ids[cookies]).toBe('7302461317919750243');
    expect(Number(tax.ids[cookies]).toString()).not.toBe('7302461317919750243'); // why they are strings
    expect([...tax.ancestors[cookies]!].map((t) => tax.slugs[t])).toContain('food-and-drink-super');
  });

  it('matches the shipped models/topics.json, which carries the attribution', () => {
    const { data } = readOntologyDir(KLOUT_DIR);
    const shipped = loadBuiltinTaxonomy();
    expect(shipped.ids).toEqual(data.ids);
    expect(shipped.slugs).toEqual(data.slugs);
    expect(shipped.parents).toEqual(data.parents);
    expect(shipped.altNames).toEqual(data.altNames);
    expect(shipped.attribution).toBe(KLOUT_ATTRIBUTION);
    expect(shipped.superTopics).toHaveLength(16);
    const max = shipped.ids.reduce((m, id) => (BigInt(id) > BigInt(m) ? id : m));
    expect(BigInt(max) > 2n ** 63n).toBe(true);
    expect(fs.statSync(BUILTIN_TAXONOMY_PATH).size).toBeLessThan(1_200_000);
  });
});
