/**
 * Topic extraction on two threads (cli/topic-extraction.ts): the worker's part and this
 * thread's, merged in text order, make the same table as one thread, and so the same topic
 * expertise; a worker that fails is an error that says so. The worker is compiled code, so
 * these tests drive the built dist/ (`npm test` builds it first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { DatasetBuilder, day } from '../../tools/sim/dataset-builder.js';
import { Rng } from '../../tools/sim/random.js';
import { makePostText } from '../../bench/lib/post-text.js';
import type { TopicExtractions } from '../../src/engine/topics/expertise.js';

const dist = (p: string) => path.join(ROOT, 'dist', p);
const built = fs.existsSync(dist('cli/topic-extraction-worker.js'));
type Threads = typeof import('../../src/cli/topic-extraction.js');
type Expertise = typeof import('../../src/engine/topics/expertise.js');
type Input = typeof import('../../src/engine/topics/input.js');
type Matcher = typeof import('../../src/engine/topics/matcher.js');

const columns = (t: TopicExtractions) => ({
  n: t.n,
  ...Object.fromEntries((['length', 'column', 'tokens', 'hashtags', 'sensed', 'first', 'topic', 'hashtagOnly', 'key'] as const).map((k) => [k, Array.from(t[k])])),
});

describe.runIf(built)('topic extraction on two threads', async () => {
  const threads = (await import(dist('cli/topic-extraction.js'))) as Threads;
  const expertise = (await import(dist('engine/topics/expertise.js'))) as Expertise;
  const input = (await import(dist('engine/topics/input.js'))) as Input;
  const { buildTopicMatcher } = (await import(dist('engine/topics/matcher.js'))) as Matcher;
  const { loadBuiltinTaxonomy } = (await import(dist('inputs/ontology.js'))) as typeof import('../../src/inputs/ontology.js');
  const { loadBuiltinBackground } = (await import(dist('inputs/background.js'))) as typeof import('../../src/inputs/background.js');
  const tax = loadBuiltinTaxonomy();
  const matcher = buildTopicMatcher(tax, { background: loadBuiltinBackground() });
  const window = { asOf: day(100), windowDays: 90 };

  /** A dataset of `n` posts with generated texts (some before the window, some empty, some by no known account), in several languages. */
  function dataset(n: number) {
    const rng = new Rng(11);
    const names = tax.names.filter((_, i) => i % 3 === 0);
    const b = new DatasetBuilder();
    const accounts = Array.from({ length: 500 }, () => b.account());
    const text: (string | null)[] = [];
    const lang: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      b.post(accounts[i % accounts.length]!, { at: day(i % 23 === 0 ? 2 : 20 + (i % 70)), kind: i % 10 === 0 ? 'reshare' : 'original' });
      text.push(i % 97 === 0 ? '' : makePostText(rng, names, rng.chance(0.4) ? rng.between(1, 2) : 0));
      lang.push([null, null, 'en', 'de', 'fr', 'ja', 'xx'][i % 7]!);
    }
    const ds = b.build();
    ds.posts.author[5] = -1; // an author the read did not know
    ds.texts = { externalId: text.map((_, i) => `p${i}`), text, lang };
    return ds;
  }

  // the threshold (800k texts) lowered to 20k, so the suite need not extract a million texts twice
  it('gives the same table and the same topics as one thread, on enough texts to start the worker', async () => {
    const ds = dataset(30_000);
    const { texts, langs } = input.topicTextsOf(ds, window);
    expect(texts.length).toBeGreaterThanOrEqual(20_000);
    const report: { threads?: number } = {};
    const two = await threads.extractTopicsOnTwoThreads(ds, window, tax, () => matcher, { report, minTexts: 20_000 });
    expect(report.threads).toBe(2);
    const one = expertise.extractTopicTexts(tax, matcher, texts, langs);
    expect(one.first[one.n]).toBeGreaterThan(10_000); // the texts name topics
    expect(columns(two!)).toEqual(columns(one));
    const inline = expertise.computeTopicExpertise(input.topicInputOf(ds, window), tax, matcher, window);
    const merged = expertise.computeTopicExpertise(input.topicInputOf(ds, window, two), tax, matcher, window);
    expect(inline.corpus.matchedPosts).toBeGreaterThan(10_000);
    expect(inline.accounts.some((a) => a.topics.length > 0)).toBe(true);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(inline));
  }, 120_000);

  it('stays on one thread below its threshold, and the topic stage extracts as it goes', async () => {
    expect(threads.WORKER_MIN_TEXTS).toBeGreaterThan(2_000);
    const ds = dataset(2_000);
    const report: { threads?: number; texts?: number } = {};
    expect(await threads.extractTopicsOnTwoThreads(ds, window, tax, () => matcher, { report })).toBeUndefined();
    expect(report).toMatchObject({ threads: 1, texts: input.topicTextsOf(ds, window).texts.length });
  });

  it('reports extractions that do not line up with the posts instead of using them', () => {
    const ds = dataset(300);
    const { texts, langs } = input.topicTextsOf(ds, window);
    const short = expertise.extractTopicTexts(tax, matcher, texts.slice(1), langs.slice(1));
    expect(() => expertise.computeTopicExpertise(input.topicInputOf(ds, window, short), tax, matcher, window)).toThrow(/do not line up/);
  });

  it('surfaces a worker that fails as an error that says so', async () => {
    const dir = tempDir();
    const throws = path.join(dir, 'throws.mjs');
    fs.writeFileSync(throws, "throw new Error('the matcher could not be built');\n");
    const exits = path.join(dir, 'exits.mjs');
    fs.writeFileSync(exits, 'process.exit(3);\n');
    const texts = ['Listening to jazz tonight', 'Football on tv', 'Baking bread'];
    const langs = [null, 'en', null];
    await expect(threads.extractTextsOnTwoThreads(texts, langs, tax, () => matcher, { minTexts: 1, workerUrl: pathToFileURL(throws) })).rejects.toThrow(
      /topic extraction failed in its worker thread: the matcher could not be built/,
    );
    await expect(threads.extractTextsOnTwoThreads(texts, langs, tax, () => matcher, { minTexts: 1, workerUrl: pathToFileURL(exits) })).rejects.toThrow(
      /topic extraction failed in its worker thread: the worker stopped \(exit code 3\)/,
    );
  });
});
