/**
 * Precision and recall of assigned topics against known true topics (for generated or
 * labelled populations).
 *
 * Definition: every assigned (account, topic) counts, everyday-word topics included. It is
 * correct when the topic is one of the account's true topics or an ancestor of one (roll-up
 * makes "food-and-drink-super" true for a cookies expert). precision = correct / assigned;
 * recall = true (account, topic) pairs whose exact topic was assigned / all true pairs.
 * strictPrecision counts only exact true topics as correct (ancestors count against it).
 * Only accounts present in `truth` are evaluated (an empty list = no expertise).
 * Example: truth {a: [cookies]}, assigned {a: [cookies, food-and-drink-super, weather]} ->
 * precision 2/3, strict 1/3, recall 1/1.
 */
import { findTopic, isSelfOrAncestor, type Taxonomy } from '../../src/engine/topics/taxonomy.js';

export interface TopicEvaluation {
  accounts: number;
  assigned: number;
  correct: number;
  precision: number;
  strictPrecision: number;
  truePairs: number;
  found: number;
  recall: number;
  /** assigned topics that are neither true nor an ancestor of a true topic */
  falsePositives: { handle: string; slug: string }[];
  missed: { handle: string; slug: string }[];
  /** true slugs the taxonomy does not know (ignored) */
  unknownSlugs: string[];
}

/** Scores assigned topic slugs per handle against true slugs per handle (see the module doc). */
export function evaluateTopicAssignments(tax: Taxonomy, assigned: Map<string, string[]>, truth: Map<string, string[]>): TopicEvaluation {
  let nAssigned = 0;
  let correct = 0;
  let exact = 0;
  let truePairs = 0;
  let found = 0;
  const falsePositives: { handle: string; slug: string }[] = [];
  const missed: { handle: string; slug: string }[] = [];
  const unknown = new Set<string>();
  const handles = [...truth.keys()].sort();
  for (const handle of handles) {
    const trueTopics: number[] = [];
    for (const slug of truth.get(handle)!) {
      const t = findTopic(tax, slug);
      if (t === null) unknown.add(slug);
      else trueTopics.push(t);
    }
    const got = new Set(assigned.get(handle) ?? []);
    for (const slug of got) {
      const t = findTopic(tax, slug);
      nAssigned++;
      if (t !== null && trueTopics.includes(t)) exact++;
      if (t !== null && trueTopics.some((tt) => isSelfOrAncestor(tax, t, tt))) correct++;
      else falsePositives.push({ handle, slug });
    }
    for (const t of trueTopics) {
      truePairs++;
      if (got.has(tax.slugs[t]!)) found++;
      else missed.push({ handle, slug: tax.slugs[t]! });
    }
  }
  return {
    accounts: handles.length,
    assigned: nAssigned,
    correct,
    precision: nAssigned ? correct / nAssigned : 1,
    strictPrecision: nAssigned ? exact / nAssigned : 1,
    truePairs,
    found,
    recall: truePairs ? found / truePairs : 1,
    falsePositives,
    missed,
    unknownSlugs: [...unknown].sort(),
  };
}
