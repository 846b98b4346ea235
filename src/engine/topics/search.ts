/**
 * Browsing the ontology (`influence topics --search WORD`): topics whose name, slug or
 * other-language name contains the query, best matches first: exact name or slug, then
 * names starting with it, then a word starting with it, then anywhere, then other languages.
 */
import { foldText } from './text.js';
import { pluralOf, singularsOf } from './surface-forms.js';
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

/** A search that finds something, for an unknown --topic: the query that worked and its best hits. */
export interface TopicSuggestion {
  query: string;
  hits: TopicSearchHit[];
}

/**
 * What to suggest for a slug or name the taxonomy does not have: the first of the query
 * itself, its singular or plural ("wines" -> "wine"), and each of its words, that
 * searchTopics finds something for; null when none does (the caller then lists the
 * super-topics). A suggestion always names a search that returns something.
 */
export function suggestTopicSearch(tax: Taxonomy, query: string, limit = 5): TopicSuggestion | null {
  const q = normalize(query);
  const words = q.split(' ').filter((w) => w.length >= 2);
  const tries = [q, ...singularsOf(q), ...(pluralOf(q) ? [pluralOf(q)!] : []), ...words.flatMap((w) => [w, ...singularsOf(w)])];
  for (const t of [...new Set(tries)]) {
    const hits = searchTopics(tax, t, limit);
    if (hits.length) return { query: t, hits };
  }
  return null;
}

/**
 * A --topic argument as a taxonomy index; unknown, a UsageError naming close topics and a
 * `topics --search` that finds them (never a search that finds nothing), or the super-topics.
 */
export function resolveTopicArg(tax: Taxonomy, slug: string): number {
  const t = findTopic(tax, slug);
  if (t !== null) return t;
  const s = suggestTopicSearch(tax, slug);
  if (s) {
    const close = s.hits.map((h) => tax.slugs[h.topic]!).join(', ');
    throw new UsageError(`unknown topic '${slug}'`, `close topics: ${close}; more with: influence topics --search ${s.query}`);
  }
  const supers = tax.superTopics.map((x) => tax.slugs[x]!).sort().join(', ');
  throw new UsageError(`unknown topic '${slug}': no topic name contains it`, `topics are grouped under: ${supers}`);
}
