/** Runs the topic model on a store and scores it against true topics (shared by bench/eval-topics.ts and its test). */
import type { Db } from '../../src/store/open.js';
import { readDataset } from '../../src/store/read-dataset.js';
import { topicInputOf } from '../../src/engine/topics/input.js';
import { topicSetupFor } from '../../src/cli/analysis.js';
import { computeTopicExpertise, TOPIC_DEFAULTS, type TopicConfig, type TopicExpertise } from '../../src/engine/topics/expertise.js';
import { evaluateTopicAssignments, type TopicEvaluation } from '../../tools/eval/topics-evaluate.js';
import type { Taxonomy } from '../../src/engine/topics/taxonomy.js';
import type { ScoringWindow } from '../../src/engine/window.js';

export interface StoreEvaluation {
  evaluation: TopicEvaluation;
  expertise: TopicExpertise;
  /** assigned slugs per handle (lower-cased handles) */
  assigned: Map<string, string[]>;
  /** per account index: handle */
  handles: string[];
}

/** Computes expertise from the store and evaluates it against `truth` (handle -> true slugs; handles case-insensitive). */
export function evaluateStore(db: Db, tax: Taxonomy, truth: Map<string, string[]>, window: ScoringWindow, config: TopicConfig = TOPIC_DEFAULTS): StoreEvaluation {
  const input = topicInputOf(readDataset(db, { bios: true, texts: window }), window);
  const expertise = computeTopicExpertise(input, tax, topicSetupFor(tax).matcher, window, config);
  const assigned = new Map<string, string[]>();
  for (const a of expertise.accounts) {
    const handle = input.accounts[a.account]!.handle.toLowerCase();
    assigned.set(handle, [...(assigned.get(handle) ?? []), ...a.topics.map((t) => t.slug)]);
  }
  const lowerTruth = new Map([...truth].map(([h, s]) => [h.replace(/^@/, '').toLowerCase(), s]));
  return { evaluation: evaluateTopicAssignments(tax, assigned, lowerTruth), expertise, assigned, handles: input.accounts.map((a) => a.handle) };
}

/** Reads a truth file: JSON {"handle": ["slug", ...]} or CSV with columns handle,topic (one row per pair; ';' separates several). */
export function parseTruth(text: string): Map<string, string[]> {
  const trimmed = text.trim();
  const truth = new Map<string, string[]>();
  if (trimmed.startsWith('{')) {
    for (const [h, slugs] of Object.entries(JSON.parse(trimmed) as Record<string, string[]>)) truth.set(h, slugs);
    return truth;
  }
  const [header, ...lines] = trimmed.split(/\r?\n/);
  const cols = header!.split(',').map((c) => c.trim().toLowerCase());
  const h = cols.indexOf('handle');
  const t = cols.findIndex((c) => c === 'topic' || c === 'topics' || c === 'slug');
  if (h < 0 || t < 0) throw new Error('truth CSV needs columns handle and topic');
  for (const line of lines) {
    const cells = line.split(',');
    const handle = cells[h]!.trim();
    const slugs = (cells[t] ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    truth.set(handle, [...(truth.get(handle) ?? []), ...slugs]);
  }
  return truth;
}
