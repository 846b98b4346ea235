/** The README's topic examples hold on the shipped ontology (they were once wrong: hip hop is not under music). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinTaxonomy } from '../../src/inputs/ontology.js';
import { findTopic, isSelfOrAncestor } from '../../src/engine/topics/taxonomy.js';
import { searchTopics, suggestTopicSearch } from '../../src/engine/topics/search.js';
import { ROOT } from '../helpers/cli.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const tax = loadBuiltinTaxonomy();
const slug = (s: string) => {
  const t = findTopic(tax, s);
  expect(t, `README names topic '${s}'`).not.toBeNull();
  return t!;
};

describe('README topic examples', () => {
  it('every --topic slug exists and every topics --search finds something', () => {
    const topics = [...readme.matchAll(/--topic ([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]!).filter((s) => s !== 'wines');
    expect(topics.length).toBeGreaterThan(0);
    for (const s of topics) slug(s);
    const searches = [...readme.matchAll(/topics --search ([a-z0-9][a-z0-9 -]*?)\s{2,}/g)].map((m) => m[1]!.trim());
    expect(searches.length).toBeGreaterThan(0);
    for (const q of searches) expect(searchTopics(tax, q).length, q).toBeGreaterThan(0);
  });

  it('sub-topic claims ("`music` includes `k-pop` and `exo`", "`hip-hop` sits under `entertainment-super`") match the hierarchy', () => {
    const includes = [...readme.matchAll(/`([a-z0-9-]+)` includes `([a-z0-9-]+)` and `([a-z0-9-]+)`/g)];
    expect(includes.length).toBeGreaterThan(0);
    for (const [, parent, a, b] of includes) for (const child of [a!, b!]) expect(isSelfOrAncestor(tax, slug(parent!), slug(child)), `${parent} > ${child}`).toBe(true);
    const under = [...readme.matchAll(/`([a-z0-9-]+)` sits under `([a-z0-9-]+)`/g)];
    expect(under.length).toBeGreaterThan(0);
    for (const [, child, parent] of under) expect(isSelfOrAncestor(tax, slug(parent!), slug(child!))).toBe(true);
    expect(isSelfOrAncestor(tax, slug('music'), slug('hip-hop'))).toBe(false);
    // "cookies → Food and Drink"
    for (const [, child, parentName] of readme.matchAll(/\(([a-z]+) → ([A-Z][A-Za-z ]+)\)/g)) {
      const parent = tax.names.indexOf(parentName!);
      expect(parent).toBeGreaterThanOrEqual(0);
      expect(isSelfOrAncestor(tax, parent, slug(child!))).toBe(true);
    }
  });

  it('the suggestion the README shows for an unknown slug is what the search finds', () => {
    const m = /`wines` → `([^`]+)`/.exec(readme);
    expect(m).not.toBeNull();
    const shown = m![1]!.split(',').map((s) => s.trim()).filter((s) => s !== '…');
    const s = suggestTopicSearch(tax, 'wines')!;
    expect(s.query).toBe('wine');
    expect(s.hits.map((h) => tax.slugs[h.topic])).toEqual(expect.arrayContaining(shown));
  });
});
