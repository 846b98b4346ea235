/**
 * Topic assignment on real archives (../shared/data/realdata) against hand labels written
 * before the engine ran on them (test/fixtures/topics/real-archive-labels.json), and on the
 * project's own Mastodon fixture. Skipped when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinTaxonomy } from '../../src/inputs/ontology.js';
import { topicSetupFor } from '../../src/cli/analysis.js';
import { readRealArchives } from '../../bench/lib/real-archives.js';
import { evaluateArchive, readLabels, type RealEvaluation } from '../../bench/lib/evaluate-real.js';
import { calibratePhrases } from '../../bench/lib/phrase-calibration.js';
import { TOPIC_DEFAULTS } from '../../src/engine/topics/expertise.js';
import { ROOT, runCli, SHARED, tempDir } from '../helpers/cli.js';

const REAL = path.join(SHARED, 'data', 'realdata');
const hasReal = ['twitter-milahu104-2026', 'threads-yungztr-2024', 'linkedin-sajiah-2022', 'instagram-yummyhopper-2024', 'bluesky-bnewbold-2025'].every((d) => fs.existsSync(path.join(REAL, d)));

describe.runIf(hasReal)('real archives against labels written before the engine ran', () => {
  const tax = loadBuiltinTaxonomy();
  const labels = readLabels(ROOT);
  let results: Map<string, RealEvaluation> | null = null;
  const evaluate = async (): Promise<Map<string, RealEvaluation>> => {
    if (!results) {
      const archives = await readRealArchives(REAL, ROOT);
      results = new Map(archives.map((a) => [a.name, evaluateArchive(a, labels[a.name]!, tax, topicSetupFor(tax).matcher)]));
    }
    return results;
  };

  it('labels every archive with slugs the shipped taxonomy has', () => {
    for (const l of Object.values(labels)) for (const s of [...l.true, ...l.neutral, ...l.everydaySenses, ...l.belowMinimum]) expect(tax.bySlug.has(s), s).toBe(true);
  });

  // Label audit (topics-recall; bench/diagnose-real-topics.ts prints the counts): distinct posts of the
  // owner in the 90-day window naming each label by an ontology form (own forms, with sub-topics in brackets).
  // milahu104, first labels: overpopulation 29, psychiatry 14 (+2), vaccines 8, vitamins 9, nutrition 5 (+4),
  // politics 14 (+11), censorship 13, germany 34 (+6), europe 31 (+55), energy 7 (+3), police 11, islam 4,
  // twitter 14, israel 9 (+1), venezuela 5, books 13 (+15), open-source 7, linux 3, gold 12, bitcoin 6;
  // microsoft-windows 0 ("windows" alone is not one of its forms): moved to belowMinimum.
  // Added by the audit (every topic named in >= 3 distinct posts judged by the labels' definition): true
  // government 22, food 18, warfare 10, religion 10, taxes 9, fascism 9, civil-war 8, medicine 8,
  // martial-arts 8, pesticides 5, health-insurance 3, paraguay 3, schizophrenia 3; 41 neutral (named in
  // passing: animals 21, nature 16, family 11 ...); 19 in another sense (translation 17 = "übersetzung:"
  // as "in other words", law 11 = "recht", debt 11 = "schuld", faith 10 = "glaube", lost-tv-series 8 ...).
  // Threads: soccer 5 ("fußball"), twitter 12, music 5 (+5): all three kept true; 11 neutral and 5
  // other-sense topics added (dogs 5 = "hunde" as an insult, faith 4 = "glaube" ...).

  it('assigns no topic of another sense that the labels name in 3+ posts to the Threads owner, and none of "translation", "law", "debt", "faith", "oracle" to milahu104', async () => {
    const r = await evaluate();
    expect(r.get('threads-yungztr-2024')!.everydaySenses).toEqual([]);
    // "oracle": a name the dictionary also holds as a common word ("the oracle has spoken" in two of its three posts)
    for (const s of ['translation', 'law', 'debt', 'faith', 'lost-tv-series', 'oracle']) expect(r.get('twitter-milahu104-2026')!.assigned).not.toContain(s);
  }, 120_000);

  it('assigns no everyday-word sense ("nice", "weather", "kinder", "running", "musik", "apple") to any owner', async () => {
    const r = await evaluate();
    // except where the labels call the topic true: Music is the Threads owner's (5 posts naming it)
    const trueFor = (name: string): readonly string[] => labels[name.replace(/-90d$/, '')]?.true ?? [];
    for (const [name, e] of r) {
      for (const s of ['nice', 'weather', 'children', 'running', 'music', 'apple', 'coffee']) if (!trueFor(name).includes(s)) expect(e.assigned, name).not.toContain(s);
    }
  }, 120_000);

  it('gives the held-out LinkedIn owner Python over the whole archive and nothing in its last 90 days; the Instagram captions nothing', async () => {
    const r = await evaluate();
    expect(r.get('linkedin-sajiah-2022')!.found).toEqual(['python']);
    expect(r.get('linkedin-sajiah-2022')!.precision).toBe(1);
    expect(r.get('linkedin-sajiah-2022-90d')!.assigned).toEqual([]);
    expect(r.get('instagram-yummyhopper-2024')!.assigned).toEqual([]);
  }, 120_000);

  it('gives the Bluesky developer’s 23 test posts no topic, as labelled', async () => {
    expect((await evaluate()).get('bluesky-bnewbold-2025')!.assigned).toEqual([]);
  }, 120_000);

  it('meets precision >= 0.9 and recall >= 0.8 on milahu104 (measured 97% / 82%, 27 of 33 audited true topics; 64% with TopicConfig.detailsLead on, 15% before the empirical-Bayes rule)', async () => {
    const e = (await evaluate()).get('twitter-milahu104-2026')!;
    // details beside a bigger subject count in their own right now: bitcoin beside gold, schizophrenia beside psychiatry
    for (const s of ['overpopulation', 'psychiatry', 'censorship', 'vaccines', 'vitamins', 'venezuela', 'politics', 'europe', 'twitter', 'bitcoin', 'schizophrenia', 'pesticides']) expect(e.found).toContain(s);
    expect(e.precision).toBeGreaterThanOrEqual(0.9);
    expect(e.recall).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('gives the Threads owner Twitter: 12 lower-case posts, a name German writes no more often than other languages (not an everyday word)', async () => {
    const e = (await evaluate()).get('threads-yungztr-2024')!;
    expect(e.found).toContain('twitter');
    expect(e.wrong).toEqual([]);
  }, 120_000);

  const pooled = async () => {
    let correct = 0;
    let counted = 0;
    let found = 0;
    let truth = 0;
    for (const [name, e] of await evaluate()) {
      correct += e.correct.length;
      counted += e.assigned.length - e.neutral.length;
      found += e.found.length;
      truth += labels[name]!.true.length;
    }
    expect(truth).toBeGreaterThanOrEqual(38);
    return { precision: correct / counted, recall: found / truth };
  };

  it('meets precision >= 0.9 pooled over every labelled archive, held-out ones included (measured 98%: 45 of 46)', async () => {
    expect((await pooled()).precision).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  // NOT MET by one topic: 79% (30 of 38). Under the rarest-word bound it was 82% (31 of 38): milahu104's Islam (3 posts,
  // lfdr 0.39) was kept only because the FDR average also counted six categories it keeps and the roll-up never lists.
  // The midpoint is the default because it is the estimate the real posts calibrate (the test below). When this passes,
  // make it a plain test.
  it.fails('meets recall >= 0.8 pooled over every labelled archive, held-out ones included (measured 79%: 30 of 38)', async () => {
    expect((await pooled()).recall).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('predicts the real posts’ phrases far above what they hold with the rarest-word bound, and near it with the collocation midpoint (single words as the control)', async () => {
    // measured (bench/phrase-frequencies.ts --archives): English 14,913 words, German 29,252; multi-word forms found 71 and 30,
    // predicted 1,993 and 580 by the upper bound, 41 and 11 by the midpoint; single words found 725 and 785, predicted 562 and 739
    const tax = loadBuiltinTaxonomy();
    const m = topicSetupFor(tax).matcher;
    const byLang = new Map(calibratePhrases(await readRealArchives(REAL, ROOT), tax, m, TOPIC_DEFAULTS.languageMargin, TOPIC_DEFAULTS.sense.everydayRank).map((c) => [c.lang, c]));
    for (const lang of ['en', 'de']) {
      const c = byLang.get(lang)!;
      expect(c.words, lang).toBeGreaterThan(10_000);
      const found = c.found.common + c.found.phrase;
      const predicted = (r: 'rarest-word' | 'collocation-midpoint') => c.predicted[r].common + c.predicted[r].phrase;
      expect(found, lang).toBeGreaterThan(20);
      expect(c.predicted['rarest-word'].single / c.found.single, lang).toBeGreaterThan(0.5);
      expect(c.predicted['rarest-word'].single / c.found.single, lang).toBeLessThan(2);
      expect(predicted('rarest-word') / found, lang).toBeGreaterThan(10);
      expect(predicted('collocation-midpoint') / found, lang).toBeGreaterThan(0.2);
      expect(predicted('collocation-midpoint') / found, lang).toBeLessThan(2);
    }
  }, 120_000);

  it('the default collocation midpoint against the rarest-word bound: more correct categories at the same precision, Islam the one true topic lost; Threads’ Music still expected more often than it is named', async () => {
    const rarest = { ...TOPIC_DEFAULTS, phraseFrequency: 'rarest-word' as const };
    const archives = await readRealArchives(REAL, ROOT);
    const m = topicSetupFor(tax).matcher;
    const at = (name: string, c = rarest) => evaluateArchive(archives.find((a) => a.name === name)!, labels[name]!, tax, m, c);
    // measured: milahu104 36 of 37 correct, 27 of 33 found with the midpoint; 32 of 33, 28 of 33 with the bound
    const midpoint = (await evaluate()).get('twitter-milahu104-2026')!;
    const bound = at('twitter-milahu104-2026');
    expect(midpoint.correct.length).toBeGreaterThan(bound.correct.length);
    expect(midpoint.precision).toBeGreaterThanOrEqual(bound.precision);
    expect(bound.found.filter((s) => !midpoint.found.includes(s))).toEqual(['islam']);
    for (const s of ['translation', 'law', 'debt', 'faith', 'lost-tv-series', 'oracle']) expect(bound.assigned).not.toContain(s);
    // Threads: the roll-up expectation of Music falls from 38.6 to 8.0 posts, still above the 4 posts its sub-topics count
    const music = (e: RealEvaluation) => e.decisions.find((d) => d.slug === 'music')!;
    const threads = (await evaluate()).get('threads-yungztr-2024')!;
    const mid = music(threads);
    expect(music(at('threads-yungztr-2024')).mu).toBeGreaterThan(4 * mid.mu);
    expect(mid.mu).toBeGreaterThan(mid.n);
    expect(threads.assigned).not.toContain('music');
    expect(threads.everydaySenses).toEqual([]);
  }, 120_000);

  // NOT MET on Threads alone: 1 of 3. soccer: "fußball" lower case, a native everyday German word,
  // once with sense evidence (the other posts say "fußballer", "Fußballsprache": compounds the
  // matcher does not split); music: "musik" in 5 posts, less than twice what German text predicts
  // (D < 0.5). milahu104 misses germany, police ("deutschland", "polizei" at German text's rate),
  // energy, israel and books (everyday words without sense evidence) and islam (lfdr 0.39, above the FDR cut). When this passes, make it a plain test.
  it.fails('meets precision >= 0.9 and recall >= 0.8 on every labelled archive (measured: milahu104 97% / 82%, Threads 100% / 33%)', async () => {
    for (const [name, e] of await evaluate()) {
      expect(e.precision, name).toBeGreaterThanOrEqual(0.9);
      expect(e.recall, name).toBeGreaterThanOrEqual(0.8);
    }
  }, 120_000);
});

describe('a Mastodon archive owner (the project’s fixture, no engagement anywhere)', () => {
  it('gets the topic of her 3+ distinctive posts, with a low score and the engagement marked unknown, and no everyday-word topic', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'm.db');
    expect((await runCli(['--db', db, 'import', path.join(ROOT, 'test', 'fixtures', 'mastodon', 'cyclist-2024')])).code).toBe(0);
    const r = await runCli(['--db', db, 'topics', '--all', '--json']);
    expect(r.code).toBe(0);
    const mara = JSON.parse(r.stdout).results.find((x: { handle: string }) => x.handle === 'mara@velo.example');
    const slugs = mara.topics.map((t: { slug: string }) => t.slug);
    expect(slugs).toEqual(['tour-de-france']);
    const tdf = mara.topics[0];
    expect(tdf.evidence).toMatchObject({ engagers: 0, engagementKnown: false, direct: true });
    expect(tdf.evidence.posts).toBeGreaterThanOrEqual(3);
    expect(tdf.score).toBeLessThan(30);
    // "&amp;" in the HTML is the text's "&"
    expect(JSON.stringify(tdf.evidence.examples)).not.toContain('&amp;');
    const text = await runCli(['--db', db, 'topics', '--all']);
    expect(text.stdout).toMatch(/Tour De France \(tour-de-france\)\s+\d+\s+\?/);
    expect(text.stdout).toContain('? = the export carries no engagement');
    // rank --topic of its category finds her through the sub-topic
    const rank = await runCli(['--db', db, 'rank', '--topic', 'bicycling', '--json']);
    expect(rank.code).toBe(0);
  }, 60_000);
});
