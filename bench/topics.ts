/**
 * Topic extraction speed: posts/s of matching 1M generated posts against the built-in
 * taxonomy (all ~8,000 Klout topics, ~49,000 surface forms, with the word-frequency
 * background), then what the topic stage reads of each text (extractTopicTexts: language,
 * matches, senses, sentence keys) on one thread and on two (the CLI's path, a worker sent a
 * copy of this thread's matcher: cli/topic-extraction.ts), then the whole expertise model on the same posts
 * (untagged, so every post also goes through language identification and the sense rules).
 *   npm run bench:topics [-- --posts N] [-- --threads-posts N] [-- --no-threads] [-- --extract-only]
 * Deterministic generator (seeded); text generation is not timed.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/package-paths.js';
import type { ExtractionReport } from '../src/cli/topic-extraction.js';
import { buildTopicMatcher, createMatchScratch, languageMask, matchInto } from '../src/engine/topics/matcher.js';
import { computeTopicExpertise, extractTopicTexts, type TopicPost } from '../src/engine/topics/expertise.js';
import { loadBuiltinTaxonomy } from '../src/inputs/ontology.js';
import { loadBuiltinBackground } from '../src/inputs/background.js';
import { Rng } from '../tools/sim/random.js';
import { makePostText } from './lib/post-text.js';

const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const POSTS = Number(argValue('--posts') ?? 1_000_000);
const BATCH = 10_000;
const ACCOUNTS = Math.max(10, Math.round(POSTS / 50));

let t = performance.now();
const tax = loadBuiltinTaxonomy();
const matcher = buildTopicMatcher(tax, { background: loadBuiltinBackground() });
const setupMs = performance.now() - t;
const names = tax.names.filter((_, i) => i % 3 === 0); // a third of the topics appear in posts

const rng = new Rng(42);
const scratch = createMatchScratch();
const mask = languageMask(matcher, null);
let matchMs = 0;
let matchCpuUs = 0;
let matches = 0;
let chars = 0;
let withTopic = 0;
for (let done = 0; done < POSTS; done += BATCH) {
  const texts: string[] = [];
  for (let i = 0; i < Math.min(BATCH, POSTS - done); i++) texts.push(makePostText(rng, names, rng.chance(0.4) ? rng.between(1, 2) : 0));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const text of texts) {
    const c = matchInto(matcher, text, mask, scratch);
    matches += c;
    if (c) withTopic++;
  }
  const c1 = process.cpuUsage(c0);
  matchCpuUs += c1.user + c1.system;
  matchMs += performance.now() - t0;
  for (const text of texts) chars += text.length;
}
const extractRate = POSTS / (matchMs / 1000);

// The product path: what the topic stage reads of each text (extractTopicTexts: tokens, language,
// matches, senses, sentence keys), on one thread, then split across this thread and a worker as
// the CLI does (cli/topic-extraction.ts; the compiled module, since the worker is a .js file):
// each timed with building the matcher first, as a command does (on two threads this thread
// builds it and sends the worker a copy), so the wall time includes the build.
const threadsPosts = Number(argValue('--threads-posts') ?? POSTS);
let threadLines: string[] = [];
if (!args.includes('--no-threads')) {
  const distModule = path.join(PACKAGE_ROOT, 'dist', 'cli', 'topic-extraction.js');
  const { extractTextsOnTwoThreads } = (await import(pathToFileURL(distModule).href)) as typeof import('../src/cli/topic-extraction.js');
  const rng3 = new Rng(42);
  const texts: string[] = [];
  for (let i = 0; i < threadsPosts; i++) texts.push(makePostText(rng3, names, rng3.chance(0.4) ? rng3.between(1, 2) : 0));
  const langs = texts.map(() => null); // untagged: every text goes through language identification
  const timed = async <T>(f: () => T | Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> => {
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    const value = await f();
    const c = process.cpuUsage(c0);
    return { value, wallMs: performance.now() - w0, cpuMs: (c.user + c.system) / 1000 };
  };
  const rate = (ms: number) => (threadsPosts / (ms / 1000)).toFixed(0);
  const one = await timed(() => extractTopicTexts(tax, matcher, texts, langs));
  // one thread as a command runs it: its matcher built first
  const oneBuilt = await timed(() => extractTopicTexts(tax, buildTopicMatcher(tax, { background: loadBuiltinBackground() }), texts, langs));
  const report: ExtractionReport = {};
  const load = os.loadavg()[0]!;
  const two = await timed(() => extractTextsOnTwoThreads(texts, langs, tax, () => buildTopicMatcher(tax, { background: loadBuiltinBackground() }), { minTexts: 0, report }));
  const a = one.value as unknown as Record<string, ArrayLike<number> | number>;
  const b = (two.value ?? {}) as unknown as Record<string, ArrayLike<number> | number>;
  const same = Object.keys(a).every((k) => {
    const x = a[k]!;
    const y = b[k];
    if (typeof x === 'number' || typeof y !== 'object') return x === y;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  });
  threadLines = [
    `topic stage extraction, one thread (extractTopicTexts, ${threadsPosts.toLocaleString('en-US')} texts): ${rate(one.wallMs)} posts/s wall (${(one.wallMs / 1000).toFixed(2)} s), ${rate(one.cpuMs)} per CPU-second; with its matcher build ${rate(oneBuilt.wallMs)} posts/s wall (${(oneBuilt.wallMs / 1000).toFixed(2)} s), ${rate(oneBuilt.cpuMs)} per CPU-second`,
    `topic stage extraction, product path on ${report.threads} threads (this thread building the matcher, the worker sent a copy): ${rate(two.wallMs)} posts/s wall (${(two.wallMs / 1000).toFixed(2)} s), ${rate(two.cpuMs)} per CPU-second of the process (${(two.cpuMs / 1000).toFixed(2)} s CPU); worker: waiting for the matcher ${report.workerBuildMs?.toFixed(0)} ms, texts ${report.workerExtractMs?.toFixed(0)} ms; load average ${load.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after; ${same ? 'the same table as one thread' : 'NOT THE SAME TABLE AS ONE THREAD'}`,
  ];
}

let modelLine = 'skipped (--extract-only)';
if (!args.includes('--extract-only')) {
  const rng2 = new Rng(7);
  const posts: TopicPost[] = [];
  for (let i = 0; i < POSTS; i++) {
    const author = rng2.between(0, ACCOUNTS - 1);
    const engagers = Array.from({ length: rng2.poisson(1.5) }, () => rng2.between(0, ACCOUNTS - 1)).filter((e) => e !== author);
    posts.push({
      author,
      id: String(i),
      createdAt: 1_000 + i,
      kind: rng2.chance(0.1) ? 'reshare' : 'original',
      text: makePostText(rng2, names, rng2.chance(0.4) ? rng2.between(1, 2) : 0),
      lang: null,
      hashtags: 0,
      events: { reply: 0, reshare: 0, quote: 0, like: engagers.length },
      declared: { likes: NaN, reshares: NaN, replies: NaN },
      engagers,
    });
  }
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({ handle: `user${i}`, network: 'bench', bio: null }));
  t = performance.now();
  const m0 = process.cpuUsage();
  const result = computeTopicExpertise({ accounts, posts }, tax, matcher, { asOf: 2_000 + POSTS, windowDays: 90 });
  const modelMs = performance.now() - t;
  const m1 = process.cpuUsage(m0);
  const assigned = result.accounts.reduce((s, a) => s + a.topics.length, 0);
  modelLine = `${(POSTS / (modelMs / 1000)).toFixed(0)} posts/s wall, ${(POSTS / ((m1.user + m1.system) / 1e6)).toFixed(0)} per CPU-second (${(modelMs / 1000).toFixed(1)} s; ${ACCOUNTS} accounts, ${assigned} account-topics assigned)`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
process.stdout.write(
  [
    `machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    `taxonomy: ${tax.size} topics, ${matcher.forms} surface forms, ${matcher.vocab.size} tokens; load + build ${setupMs.toFixed(0)} ms`,
    `posts: ${POSTS.toLocaleString('en-US')} generated (avg ${(chars / POSTS).toFixed(0)} chars; ${((withTopic / POSTS) * 100).toFixed(0)}% name a topic; ${matches.toLocaleString('en-US')} matches)`,
    `extraction: ${extractRate.toFixed(0)} posts/s wall (${(matchMs / 1000).toFixed(2)} s), ${(POSTS / (matchCpuUs / 1e6)).toFixed(0)} posts per CPU-second (${(matchCpuUs / 1e6).toFixed(2)} s CPU; load average ${os.loadavg()[0]!.toFixed(1)})`,
    ...threadLines,
    `whole model: ${modelLine}`,
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  ].join('\n') + '\n',
);
