/**
 * A topic ontology in memory: topics numbered 0..n-1, parent edges as indices (a DAG with
 * several parents per topic), and each topic's ancestor closure. Topic ids are strings:
 * Klout's go up to 10000000000000016690, past int64 and JS numbers.
 * Built from the shipped models/topics.json or a user's CSVs by src/topics/ontology.ts.
 */

/** The parent index that stands for the root ('0', '_ROOT_'): its children are the super-topics. */
export const ROOT = -1;

/** What a loader hands over: plain arrays, validated (no duplicate ids or slugs, indices in range). */
export interface TaxonomyData {
  /** where it came from, e.g. 'Klout Topic Ontology 2018-06-01' */
  source: string;
  /** attribution the licence requires, shown with results; null for a user's own */
  attribution: string | null;
  license: string | null;
  ids: string[];
  slugs: string[];
  /** English display names */
  names: string[];
  /** per topic: parent indices; ROOT for a super-topic */
  parents: number[][];
  /** display names in other languages: language code -> per-topic name ('' when none or same as English) */
  altNames: Record<string, string[]>;
  /** edge rows read from the source (root edges and skipped ones included) */
  edgeRows: number;
}

export interface Taxonomy extends TaxonomyData {
  size: number;
  /** the root's children */
  superTopics: number[];
  byId: Map<string, number>;
  bySlug: Map<string, number>;
  /** per topic: itself and every ancestor, each once, nearest first (super-topics last) */
  ancestors: Int32Array[];
  /** per topic: direct children */
  children: number[][];
}

/** Adds lookups, children and the ancestor closure; a cycle is broken where it is met (the loader rejects cycles first). */
export function createTaxonomy(data: TaxonomyData): Taxonomy {
  const size = data.ids.length;
  const byId = new Map<string, number>();
  const bySlug = new Map<string, number>();
  for (let t = 0; t < size; t++) {
    byId.set(data.ids[t]!, t);
    bySlug.set(data.slugs[t]!, t);
  }
  const children: number[][] = Array.from({ length: size }, () => []);
  const superTopics: number[] = [];
  for (let t = 0; t < size; t++) {
    for (const p of data.parents[t]!) {
      if (p === ROOT) superTopics.push(t);
      else children[p]!.push(t);
    }
  }
  return { ...data, size, superTopics, byId, bySlug, ancestors: closeAncestors(data.parents), children };
}

/** Breadth-first over parents from each topic: nearest ancestors first, each once however many paths lead to it. */
function closeAncestors(parents: number[][]): Int32Array[] {
  const size = parents.length;
  const seen = new Int32Array(size).fill(-1);
  const out: Int32Array[] = new Array(size);
  const queue: number[] = [];
  for (let t = 0; t < size; t++) {
    queue.length = 0;
    queue.push(t);
    seen[t] = t;
    for (let q = 0; q < queue.length; q++) {
      for (const p of parents[queue[q]!]!) {
        if (p !== ROOT && seen[p] !== t) {
          seen[p] = t;
          queue.push(p);
        }
      }
    }
    out[t] = Int32Array.from(queue);
  }
  return out;
}

/** Finds a topic by slug or id (exact), else null. */
export function findTopic(tax: Taxonomy, slugOrId: string): number | null {
  const key = slugOrId.trim().toLowerCase();
  return tax.bySlug.get(key) ?? tax.byId.get(key) ?? null;
}

/** True when `ancestor` is `topic` or one of its ancestors. */
export function isSelfOrAncestor(tax: Taxonomy, ancestor: number, topic: number): boolean {
  return tax.ancestors[topic]!.includes(ancestor);
}

