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
import { readImportedArchive, readThreadsArchive, readTwitterArchive, type RealArchive } from '../../bench/lib/real-archives.js';
import { evaluateArchive, readLabels, type RealEvaluation } from '../../bench/lib/evaluate-real.js';
import { ROOT, runCli, SHARED, tempDir } from '../helpers/cli.js';

const REAL = path.join(SHARED, 'data', 'realdata');
const hasReal = fs.existsSync(path.join(REAL, 'twitter-milahu104-2026')) && fs.existsSync(path.join(REAL, 'threads-yungztr-2024'));

describe.runIf(hasReal)('real archives against labels written before the engine ran', () => {
  const tax = loadBuiltinTaxonomy();
  const labels = readLabels(ROOT);
  let results: Map<string, RealEvaluation> | null = null;
  const evaluate = async (): Promise<Map<string, RealEvaluation>> => {
    if (!results) {
      const bluesky = path.join(REAL, 'bluesky-bnewbold-2025');
      const car = fs.readdirSync(bluesky).find((f) => f.endsWith('.car'))!;
      const archives: RealArchive[] = [
        await readTwitterArchive(path.join(REAL, 'twitter-milahu104-2026'), 'milahu104'),
        readThreadsArchive(path.join(REAL, 'threads-yungztr-2024')),
        await readImportedArchive(path.join(bluesky, car), 'bnewbold.robocracy.org', 'bluesky-bnewbold-2025'),
      ];
      results = new Map(archives.map((a) => [a.name, evaluateArchive(a, labels[a.name]!, tax, topicSetupFor(tax).matcher)]));
    }
    return results;
  };

  it('labels every archive with slugs the shipped taxonomy has', () => {
    for (const l of Object.values(labels)) for (const s of [...l.true, ...l.neutral, ...l.everydaySenses]) expect(tax.bySlug.has(s), s).toBe(true);
  });

  it('assigns no everyday-word sense ("nice", "weather", "kinder", "running", "musik") to either owner', async () => {
    const r = await evaluate();
    for (const [name, e] of r) expect(e.everydaySenses, name).toEqual([]);
  }, 120_000);

  it('gives the Bluesky developer’s 23 test posts no topic, as labelled', async () => {
    expect((await evaluate()).get('bluesky-bnewbold-2025')!.assigned).toEqual([]);
  }, 120_000);

  it('finds the milahu104 owner’s most distinctive subjects, each a labelled true topic', async () => {
    const e = (await evaluate()).get('twitter-milahu104-2026')!;
    for (const s of ['overpopulation', 'psychiatry', 'censorship']) expect(e.found).toContain(s);
    expect(e.precision).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  // NOT MET (reported in the issue): the owners name most labelled topics at the rate general
  // German and English text does, or as everyday words in lower case without context, and the
  // fitted over-dispersion leaves 5-10 posts inconclusive in an account that names hundreds of
  // topics. When this starts passing, turn it into a plain test.
  it.fails('meets precision >= 0.9 and recall >= 0.8 on every labelled archive', async () => {
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
