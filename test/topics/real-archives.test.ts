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
    for (const [name, e] of r) for (const s of ['nice', 'weather', 'children', 'running', 'music', 'apple', 'coffee']) expect(e.assigned, name).not.toContain(s);
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

  it('meets precision >= 0.9 and recall >= 0.8 on milahu104 (measured 97% / 85%, 28 of 33 audited true topics; 64% with TopicConfig.detailsLead on, 15% before the empirical-Bayes rule)', async () => {
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

  it('meets precision >= 0.9 and recall >= 0.8 pooled over every labelled archive, held-out ones included (measured 98% / 82%: 40 of 41, 31 of 38)', async () => {
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
    expect(correct / counted).toBeGreaterThanOrEqual(0.9);
    expect(found / truth).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  // NOT MET on Threads alone: 1 of 3. soccer: "fußball" lower case, a native everyday German word,
  // once with sense evidence (the other posts say "fußballer", "Fußballsprache": compounds the
  // matcher does not split); music: "musik" in 5 posts, less than twice what German text predicts
  // (D < 0.5). milahu104 misses germany, police ("deutschland", "polizei" at German text's rate),
  // energy, israel and books (everyday words without sense evidence). When this passes, make it a plain test.
  it.fails('meets precision >= 0.9 and recall >= 0.8 on every labelled archive (measured: milahu104 97% / 85%, Threads 100% / 33%)', async () => {
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
