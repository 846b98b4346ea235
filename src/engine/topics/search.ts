/**
 * Browsing the ontology (`influence topics --search WORD`): topics whose name, slug or
 * other-language name contains the query, best matches first: exact name or slug, then
 * names starting with it, then a word starting with it, then anywhere, then other languages.
 */
import { foldText } from './text.js';
import { findTopic, type Taxonomy } from './taxonomy.js';
import { UsageError } from '../../errors.js';

export interface TopicSearchHit {
  topic: number;
  /** 0 exact .. 4 other-language name; lower is better */
  rank: number;
  /** the other-language name that matched, when that is how it matched */
  matchedAlt: string | null;
}

const normalize = (s: string): string => foldText(s).replace(/[-_\s]+/g, ' ').trim();

/** Topics matching `query`, best first (ties: shorter name, then slug). */
export function searchTopics(tax: Taxonomy, query: string, limit = 50): TopicSearchHit[] {
  const q = normalize(query);
  if (!q) return [];
  const hits: TopicSearchHit[] = [];
  const langs = Object.keys(tax.altNames).sort();
  for (let t = 0; t < tax.size; t++) {
    const name = normalize(tax.names[t]!);
    const slug = normalize(tax.slugs[t]!);
    let rank = -1;
    if (name === q || slug === q) rank = 0;
    else if (name.startsWith(q) || slug.startsWith(q)) rank = 1;
    else if (name.includes(` ${q}`) || slug.includes(` ${q}`)) rank = 2;
    else if (name.includes(q) || slug.includes(q)) rank = 3;
    let matchedAlt: string | null = null;
    if (rank < 0) {
      for (const l of langs) {
        const alt = tax.altNames[l]![t];
        if (alt && normalize(alt).includes(q)) {
          rank = 4;
          matchedAlt = alt;
          break;
        }
      }
    }
    if (rank >= 0) hits.push({ topic: t, rank, matchedAlt });
  }
  hits.sort((a, b) => a.rank - b.rank || tax.names[a.topic]!.length - tax.names[b.topic]!.length || (tax.slugs[a.topic]! < tax.slugs[b.topic]! ? -1 : 1));
  return hits.slice(0, limit);
}

/** A --topic argument as a taxonomy index; a UsageError pointing at `topics --search` when unknown. */
export function resolveTopicArg(tax: Taxonomy, slug: string): number {
  const t = findTopic(tax, slug);
  if (t === null) throw new UsageError(`unknown topic '${slug}'`, `find its slug with: influence topics --search ${slug.split(/[^a-z0-9]+/i)[0] ?? ''}`);
  return t;
}
