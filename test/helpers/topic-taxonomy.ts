/**
 * Small hand-made taxonomies for topic tests:
 *   const tax = makeTaxonomy([{ slug: 'food-and-drink-super', name: 'Food and Drink' },
 *                             { slug: 'cookies', name: 'Cookies', parents: ['food-and-drink-super'] }]);
 * A topic without parents is a super-topic (child of the root). Ids are generated unless given.
 */
import { ROOT, createTaxonomy, type Taxonomy } from '../../src/engine/topics/taxonomy.js';
import { buildTopicMatcher, type TopicMatcher } from '../../src/engine/topics/matcher.js';
import type { Background } from '../../src/engine/topics/background.js';

export interface TopicSpec {
  slug: string;
  name: string;
  id?: string;
  parents?: string[];
  /** other-language display names */
  alt?: Record<string, string>;
}

/** Builds a Taxonomy from specs (parents by slug). */
export function makeTaxonomy(specs: TopicSpec[]): Taxonomy {
  const index = new Map(specs.map((s, i) => [s.slug, i]));
  const langs = [...new Set(specs.flatMap((s) => Object.keys(s.alt ?? {})))];
  return createTaxonomy({
    source: 'test',
    attribution: null,
    license: null,
    ids: specs.map((s, i) => s.id ?? String(1000 + i)),
    slugs: specs.map((s) => s.slug),
    names: specs.map((s) => s.name),
    parents: specs.map((s) => (s.parents?.length ? s.parents.map((p) => index.get(p)!) : [ROOT])),
    altNames: Object.fromEntries(langs.map((l) => [l, specs.map((s) => s.alt?.[l] ?? '')])),
    edgeRows: 0,
  });
}

/** A taxonomy and its matcher (against a word-frequency background when given; else every word is rare). */
export function makeTopics(specs: TopicSpec[], background?: Background): { tax: Taxonomy; matcher: TopicMatcher } {
  const tax = makeTaxonomy(specs);
  return { tax, matcher: buildTopicMatcher(tax, background ? { background } : {}) };
}

/** A food/music/everyday-words taxonomy most topic tests share. */
export const BASIC_TOPICS: TopicSpec[] = [
  { slug: 'food-and-drink-super', name: 'Food and Drink' },
  { slug: 'entertainment-super', name: 'Entertainment' },
  { slug: 'science-and-nature-super', name: 'Science and Nature' },
  { slug: 'location-super', name: 'Location' },
  { slug: 'desserts', name: 'Desserts', parents: ['food-and-drink-super'] },
  { slug: 'baking', name: 'Baking', parents: ['food-and-drink-super'] },
  { slug: 'cookies', name: 'Cookies', parents: ['desserts', 'baking'], alt: { ja: 'クッキー', ru: 'Печенье', ar: 'بسكويت', fr: 'Biscuits' } },
  { slug: 'music', name: 'Music', parents: ['entertainment-super'] },
  { slug: 'hip-hop', name: 'Hip Hop', parents: ['music'] },
  { slug: 'jazz', name: 'Jazz', parents: ['music'] },
  { slug: 'new-york', name: 'New York', parents: ['location-super'] },
  { slug: 'new-york-yankees', name: 'New York Yankees', parents: ['new-york'] },
  { slug: 'weather', name: 'Weather', parents: ['climate'] },
  { slug: 'nice', name: 'Nice', parents: ['provence'] },
  { slug: 'today-show', name: 'Today (TV Series)', parents: ['entertainment-super'] },
  { slug: 'edm', name: 'Electronic Dance Music (EDM)', parents: ['music'] },
  { slug: 'art', name: 'Art', parents: ['entertainment-super'] },
  { slug: 'r-and-b', name: 'R&B', parents: ['music'] },
  { slug: 'c-plus-plus', name: 'C++', parents: ['entertainment-super'] },
  { slug: 'the-who', name: 'The Who', parents: ['music'] },
  { slug: 'sports-and-recreation-super', name: 'Sports and Recreation' },
  { slug: 'running', name: 'Running', parents: ['sports-and-recreation-super'], alt: { de: 'Laufen' } },
  { slug: '10k-races', name: '10K Races', parents: ['running'] },
  { slug: 'marathons', name: 'Marathons', parents: ['sports-and-recreation-super'] },
  { slug: 'lifestyle-super', name: 'Lifestyle' },
  { slug: 'children', name: 'Children', parents: ['lifestyle-super'], alt: { de: 'Kinder' } },
  { slug: 'toddler', name: 'Toddler', parents: ['children'], alt: { de: 'Kleinkind' } },
  { slug: 'provence', name: "Provence-Alpes-Côte d'Azur", parents: ['location-super'] },
  { slug: 'cannes', name: 'Cannes', parents: ['provence'] },
  { slug: 'climate', name: 'Climate', parents: ['science-and-nature-super'] },
  { slug: 'meteorology', name: 'Meteorology', parents: ['climate'] },
];
