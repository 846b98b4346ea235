/** Scores topic assignment on the real archives against the hand labels (test/fixtures/topics/real-archive-labels.json). */
import fs from 'node:fs';
import path from 'node:path';
import { computeTopicExpertise, TOPIC_DEFAULTS, type TopicConfig, type TopicDecision } from '../../src/engine/topics/expertise.js';
import { findTopic, isSelfOrAncestor, type Taxonomy } from '../../src/engine/topics/taxonomy.js';
import type { TopicMatcher } from '../../src/engine/topics/matcher.js';
import type { RealArchive } from './real-archives.js';

export interface ArchiveLabels {
  true: string[];
  neutral: string[];
  everydaySenses: string[];
  /** labels of the first labelling named in fewer than 3 distinct posts (not counted) */
  belowMinimum: string[];
  /** labels the audit added (every topic named in >= 3 distinct posts was judged) */
  addedByAudit: string[];
  /** labelled before the engine ever ran on it, checked only at the end */
  heldOut?: boolean;
  /** the window the labels describe (default 90 days ending at the latest post) */
  windowDays?: number;
}

/** The labels file, written before the engine was run on the archives. */
export function readLabels(root: string): Record<string, ArchiveLabels> {
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'topics', 'real-archive-labels.json'), 'utf8')) as { archives: Record<string, ArchiveLabels> };
  return doc.archives;
}

export interface RealEvaluation {
  assigned: string[];
  /** assigned topics that are true, or an ancestor of a true topic */
  correct: string[];
  /** assigned topics labelled neutral, or a category above neutral topics only (neither counted for nor against precision) */
  neutral: string[];
  wrong: string[];
  found: string[];
  missed: string[];
  everydaySenses: string[];
  /** correct / (assigned - neutral); 1 when nothing counted was assigned */
  precision: number;
  /** found / true */
  recall: number;
  /** every topic the owner named or reached, with the gate that decided it */
  decisions: TopicDecision[];
  /** the single-feature baseline: every topic named with its sense in >= minPosts distinct counted posts and D >= 0.5, no statistics */
  baseline: { precision: number; recall: number; assigned: number };
}

/** Precision and recall of the single-feature rule "named (with sense) in >= minPosts distinct posts, D >= minDistinctiveness". */
function baselineOf(decisions: TopicDecision[], labels: ArchiveLabels, tax: Taxonomy, config: TopicConfig): RealEvaluation['baseline'] {
  const assigned = decisions.filter((d) => d.named >= config.minPosts && d.distinctiveness >= config.minDistinctiveness).map((d) => d.slug);
  const trueTopics = labels.true.map((s) => findTopic(tax, s)!);
  const correct = assigned.filter((s) => trueTopics.some((t) => isSelfOrAncestor(tax, findTopic(tax, s)!, t)));
  const neutral = assigned.filter((s) => !correct.includes(s) && labels.neutral.includes(s));
  const counted = assigned.length - neutral.length;
  return { precision: counted ? correct.length / counted : 1, recall: labels.true.length ? labels.true.filter((s) => assigned.includes(s)).length / labels.true.length : 1, assigned: assigned.length };
}

/** Runs the model on the archive owner's posts in the labels' window and compares with the labels. */
export function evaluateArchive(a: RealArchive, labels: ArchiveLabels, tax: Taxonomy, matcher: TopicMatcher, config: TopicConfig = TOPIC_DEFAULTS): RealEvaluation {
  const owner = a.input.accounts.findIndex((x) => x.handle.toLowerCase() === a.handle.toLowerCase());
  const r = computeTopicExpertise(a.input, tax, matcher, { asOf: a.asOf, windowDays: labels.windowDays ?? 90 }, config, { decisions: new Set([owner]) });
  const assigned = r.accounts[owner]!.topics.map((t) => t.slug);
  const trueTopics = labels.true.map((s) => findTopic(tax, s)!);
  const correct = assigned.filter((s) => trueTopics.some((t) => isSelfOrAncestor(tax, findTopic(tax, s)!, t)));
  // a category above neutral topics only (and no true one) is as neutral as they are, as one above a true topic is correct
  const neutralTopics = labels.neutral.map((s) => findTopic(tax, s)!);
  const neutral = assigned.filter((s) => !correct.includes(s) && (labels.neutral.includes(s) || (!labels.everydaySenses.includes(s) && neutralTopics.some((t) => isSelfOrAncestor(tax, findTopic(tax, s)!, t)))));
  const wrong = assigned.filter((s) => !correct.includes(s) && !neutral.includes(s));
  const found = labels.true.filter((s) => assigned.includes(s));
  const counted = assigned.length - neutral.length;
  return {
    assigned, correct, neutral, wrong, found,
    missed: labels.true.filter((s) => !assigned.includes(s)),
    everydaySenses: assigned.filter((s) => labels.everydaySenses.includes(s)),
    precision: counted ? correct.length / counted : 1,
    recall: labels.true.length ? found.length / labels.true.length : 1,
    decisions: r.accounts[owner]!.decisions ?? [],
    baseline: baselineOf(r.accounts[owner]!.decisions ?? [], labels, tax, config),
  };
}
