/** Scores topic assignment on the real archives against the hand labels (test/fixtures/topics/real-archive-labels.json). */
import fs from 'node:fs';
import path from 'node:path';
import { computeTopicExpertise, TOPIC_DEFAULTS, type TopicConfig } from '../../src/engine/topics/expertise.js';
import { findTopic, isSelfOrAncestor, type Taxonomy } from '../../src/engine/topics/taxonomy.js';
import type { TopicMatcher } from '../../src/engine/topics/matcher.js';
import type { RealArchive } from './real-archives.js';

export interface ArchiveLabels {
  true: string[];
  neutral: string[];
  everydaySenses: string[];
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
  /** assigned topics labelled neutral (neither counted for nor against precision) */
  neutral: string[];
  wrong: string[];
  found: string[];
  missed: string[];
  everydaySenses: string[];
  /** correct / (assigned - neutral); 1 when nothing counted was assigned */
  precision: number;
  /** found / true */
  recall: number;
}

/** Runs the model on the archive owner's posts in the default window and compares with the labels. */
export function evaluateArchive(a: RealArchive, labels: ArchiveLabels, tax: Taxonomy, matcher: TopicMatcher, config: TopicConfig = TOPIC_DEFAULTS): RealEvaluation {
  const r = computeTopicExpertise(a.input, tax, matcher, { asOf: a.asOf, windowDays: 90 }, config);
  const owner = a.input.accounts.findIndex((x) => x.handle.toLowerCase() === a.handle.toLowerCase());
  const assigned = r.accounts[owner]!.topics.map((t) => t.slug);
  const trueTopics = labels.true.map((s) => findTopic(tax, s)!);
  const correct = assigned.filter((s) => trueTopics.some((t) => isSelfOrAncestor(tax, findTopic(tax, s)!, t)));
  const neutral = assigned.filter((s) => !correct.includes(s) && labels.neutral.includes(s));
  const wrong = assigned.filter((s) => !correct.includes(s) && !neutral.includes(s));
  const found = labels.true.filter((s) => assigned.includes(s));
  const counted = assigned.length - neutral.length;
  return {
    assigned, correct, neutral, wrong, found,
    missed: labels.true.filter((s) => !assigned.includes(s)),
    everydaySenses: assigned.filter((s) => labels.everydaySenses.includes(s)),
    precision: counted ? correct.length / counted : 1,
    recall: labels.true.length ? found.length / labels.true.length : 1,
  };
}
