/**
 * Worker entry: takes the taxonomy and the texts it is started with (topic-extraction.ts),
 * decodes the texts while the main thread builds its matcher, then extracts them with that
 * matcher, sent to it as a structured clone, and answers with the table, transferred; an
 * error is answered as its message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractTopicTexts, TOPIC_DEFAULTS } from '../engine/topics/expertise.js';
import type { TopicMatcher } from '../engine/topics/matcher.js';
import { createTaxonomy } from '../engine/topics/taxonomy.js';
import { decodeJobTexts, extractionBuffers, type ExtractionJob, type ExtractionReply, type MatcherMessage } from './topic-extraction.js';

const job = workerData as ExtractionJob;
const answer = (work: () => ExtractionReply): void => {
  let reply: ExtractionReply;
  try {
    reply = work();
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply, 'table' in reply ? extractionBuffers(reply.table) : []);
};
let prepared: { taxonomy: ReturnType<typeof createTaxonomy>; texts: string[]; langs: (string | null)[]; readyAt: number } | null = null;
let failed: unknown = null;
try {
  const taxonomy = createTaxonomy(job.taxonomy);
  const { texts, langs } = decodeJobTexts(job);
  prepared = { taxonomy, texts, langs, readyAt: performance.now() };
} catch (e) {
  failed = e;
}
parentPort!.once('message', (m: MatcherMessage) => {
  const t0 = performance.now();
  answer(() => {
    if (failed !== null || prepared === null) throw failed;
    const matcher: TopicMatcher = m.matcher;
    const table = extractTopicTexts(prepared.taxonomy, matcher, prepared.texts, prepared.langs, TOPIC_DEFAULTS);
    return { table, buildMs: Math.max(0, t0 - prepared.readyAt), extractMs: performance.now() - t0 };
  });
});
