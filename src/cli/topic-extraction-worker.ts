/**
 * Worker entry: builds a matcher from the taxonomy it is sent and the shipped background,
 * extracts the texts it is sent (topic-extraction.ts) and answers with the table,
 * transferred; an error is answered as its message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractTopicTexts, TOPIC_DEFAULTS } from '../engine/topics/expertise.js';
import { buildTopicMatcher } from '../engine/topics/matcher.js';
import { createTaxonomy } from '../engine/topics/taxonomy.js';
import { loadBuiltinBackground } from '../inputs/background.js';
import { decodeJobTexts, extractionBuffers, type ExtractionJob, type ExtractionReply } from './topic-extraction.js';

const job = workerData as ExtractionJob;
try {
  const t0 = performance.now();
  const taxonomy = createTaxonomy(job.taxonomy);
  const matcher = buildTopicMatcher(taxonomy, { background: loadBuiltinBackground() });
  const t1 = performance.now();
  const { texts, langs } = decodeJobTexts(job);
  const table = extractTopicTexts(taxonomy, matcher, texts, langs, TOPIC_DEFAULTS);
  const reply: ExtractionReply = { table, buildMs: t1 - t0, extractMs: performance.now() - t1 };
  parentPort!.postMessage(reply, extractionBuffers(table));
} catch (e) {
  const reply: ExtractionReply = { error: e instanceof Error ? e.message : String(e) };
  parentPort!.postMessage(reply);
}
