/**
 * Topic extraction on two threads: the texts the topic stage reads (engine topicTextsOf)
 * are split in two, the first part extracted on this thread and the rest in a worker
 * (topic-extraction-worker.ts), which decodes its texts while this thread builds the matcher
 * and is then sent that matcher (a structured clone: its typed arrays and tables, a tenth of
 * building one); the two tables are merged in text order (engine
 * mergeTopicExtractions), so the analysis is the same, byte for byte, as on one thread.
 * The worker's texts go over as UTF-16 code units in one transferred buffer (no copy of
 * a million strings), its table comes back transferred the same way.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../engine/dataset.js';
import type { ScoringWindow } from '../engine/window.js';
import { extractTopicTexts, mergeTopicExtractions, TOPIC_DEFAULTS, type TopicExtractions } from '../engine/topics/expertise.js';
import { topicTextsOf } from '../engine/topics/input.js';
import type { TopicMatcher } from '../engine/topics/matcher.js';
import type { Taxonomy, TaxonomyData } from '../engine/topics/taxonomy.js';
import { codesOf } from './text-codes.js';

/**
 * Texts below which one thread extracts them all: where the worker saves less wall time than
 * the CPU it adds. With a free core (2026-12-07 22:31 UTC, load 0.6-1.2, `npm run
 * bench:topics`, 1M generated texts) a worker that built its own matcher added about 3.75 s
 * CPU, 2.2 s of it the build. Sent this thread's matcher instead, it adds the rest (its start,
 * the texts' encoding and decoding: about 1.55 s) and the clone (2026-12-08, v8.serialize of
 * the matcher 67-189 ms on this thread, 20.4 MiB, read back in 232-428 ms): A = 1.95 s. It
 * starts its half when the clone is read, about d = 0.4 s after this thread starts its own,
 * so it saves N / 2r - d of wall time, more than A from N = 2r (A + d). At r = 158k texts per
 * CPU-second (the one-thread extraction with the code-unit tokenizer, 2026-12-08 00:59 UTC,
 * load 3.7; higher on a free core) that is 740k texts: 800,000. The host had no free core
 * while this was derived (load 3.5-6: two threads took 17.0-17.4 s wall against 12.0-13.3 s
 * on one at 1M texts), so the whole was not measured at the threshold.
 */
export const WORKER_MIN_TEXTS = 800_000;

const WORKER_URL = new URL('./topic-extraction-worker.js', import.meta.url);

/** What the worker is sent: the taxonomy's data and its texts as code units. */
export interface ExtractionJob {
  taxonomy: TaxonomyData;
  units: Uint16Array;
  /** per text: its length in code units */
  lengths: Int32Array;
  /** per text: index into `langCodes`, -1 for none */
  lang: Int32Array;
  langCodes: string[];
}

/** What the worker is sent once this thread's matcher is built. */
export interface MatcherMessage {
  matcher: TopicMatcher;
}

/** What the worker answers: its table and what it spent, or why it failed. */
export type ExtractionReply = { table: TopicExtractions; buildMs: number; extractMs: number } | { error: string };

/** What a two-thread extraction did (for the bench and for tests). */
export interface ExtractionReport {
  texts?: number;
  threads?: number;
  /** the worker's wait for this thread's matcher once its texts were decoded (the build and the clone), and its extraction, by its clock */
  workerBuildMs?: number;
  workerExtractMs?: number;
}

/** Options of extractTopicsOnTwoThreads. */
export interface TwoThreadOptions {
  /** texts below which no worker starts (default WORKER_MIN_TEXTS) */
  minTexts?: number;
  /** the worker's module (tests give one that fails) */
  workerUrl?: URL;
  report?: ExtractionReport;
}

/**
 * The dataset's topic texts extracted on two threads, or undefined when there are fewer than
 * `minTexts` (the topic stage then extracts them as it goes, on this thread). `setup` builds
 * this thread's matcher: it is called after the worker has started (which meanwhile decodes
 * its texts), and the worker is sent a copy.
 * A worker that fails is an error that says so (its result cannot be made up here).
 */
export async function extractTopicsOnTwoThreads(
  dataset: Dataset,
  window: ScoringWindow,
  taxonomy: Taxonomy,
  setup: () => TopicMatcher,
  options: TwoThreadOptions = {},
): Promise<TopicExtractions | undefined> {
  const { texts, langs } = topicTextsOf(dataset, window);
  return extractTextsOnTwoThreads(texts, langs, taxonomy, setup, options);
}

/** The same for a list of texts (with their language tags). */
export async function extractTextsOnTwoThreads(
  texts: readonly string[],
  langs: readonly (string | null)[],
  taxonomy: Taxonomy,
  setup: () => TopicMatcher,
  options: TwoThreadOptions = {},
): Promise<TopicExtractions | undefined> {
  const url = options.workerUrl ?? WORKER_URL;
  if (options.report) Object.assign(options.report, { texts: texts.length, threads: 1 });
  if (texts.length < (options.minTexts ?? WORKER_MIN_TEXTS) || !fs.existsSync(fileURLToPath(url))) return undefined;
  const mid = Math.ceil(texts.length / 2);
  const job = encodeJob(taxonomy, texts, langs, mid);
  // execArgv []: the worker is plain compiled JS, and some node flags make it refuse to start
  const worker = new Worker(url, { workerData: job, transferList: [job.units.buffer, job.lengths.buffer, job.lang.buffer] as ArrayBuffer[], execArgv: [] });
  const reply = new Promise<Extract<ExtractionReply, { table: TopicExtractions }>>((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`topic extraction failed in its worker thread: ${why}`));
    worker.once('message', (m: ExtractionReply) => ('error' in m ? fail(m.error) : resolve(m)));
    worker.once('error', (e) => fail(e instanceof Error ? e.message : String(e)));
    worker.once('exit', (code) => fail(`the worker stopped (exit code ${code}) before it answered`));
  });
  // a failure before this thread is done waits for the await below (no unhandled rejection meanwhile)
  reply.catch(() => undefined);
  try {
    const matcher = setup();
    worker.postMessage({ matcher } satisfies MatcherMessage);
    const own = extractTopicTexts(taxonomy, matcher, texts.slice(0, mid), langs.slice(0, mid), TOPIC_DEFAULTS);
    const theirs = await reply;
    if (theirs.table.n !== texts.length - mid) throw new Error(`topic extraction failed in its worker thread: ${theirs.table.n} texts answered, ${texts.length - mid} sent`);
    if (options.report) Object.assign(options.report, { threads: 2, workerBuildMs: theirs.buildMs, workerExtractMs: theirs.extractMs });
    return mergeTopicExtractions([own, theirs.table]);
  } finally {
    await worker.terminate();
  }
}

/** The texts from `from` on as one buffer of code units (lossless: any string, lone surrogates too). */
function encodeJob(taxonomy: Taxonomy, texts: readonly string[], langs: readonly (string | null)[], from: number): ExtractionJob {
  const n = texts.length - from;
  const lengths = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += lengths[i] = texts[from + i]!.length;
  const units = new Uint16Array(total);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = texts[from + i]!;
    for (let c = 0; c < s.length; c++) units[at + c] = s.charCodeAt(c);
    at += s.length;
  }
  const lang = new Int32Array(n);
  const langCodes = codesOf(langs.slice(from), n, lang);
  const { source, attribution, license, ids, slugs, names, parents, altNames, edgeRows } = taxonomy;
  return { taxonomy: { source, attribution, license, ids, slugs, names, parents, altNames, edgeRows }, units, lengths, lang, langCodes };
}

/** The texts of a job, decoded (the worker's side of encodeJob). */
export function decodeJobTexts(job: ExtractionJob): { texts: string[]; langs: (string | null)[] } {
  const texts: string[] = new Array(job.lengths.length);
  const langs: (string | null)[] = new Array(job.lengths.length);
  let at = 0;
  for (let i = 0; i < job.lengths.length; i++) {
    const len = job.lengths[i]!;
    let s = '';
    // fromCharCode takes the code units as arguments: a few thousand at a time
    for (let c = 0; c < len; c += 4096) s += String.fromCharCode.apply(null, job.units.subarray(at + c, at + Math.min(len, c + 4096)) as unknown as number[]);
    texts[i] = s;
    langs[i] = job.lang[i]! < 0 ? null : job.langCodes[job.lang[i]!]!;
    at += len;
  }
  return { texts, langs };
}

/** The buffers of a table, to transfer it. */
export function extractionBuffers(t: TopicExtractions): ArrayBuffer[] {
  return [t.length, t.column, t.tokens, t.hashtags, t.sensed, t.first, t.topic, t.hashtagOnly, t.key].map((a) => a.buffer as ArrayBuffer);
}
