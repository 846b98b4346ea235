/** `influence rank` on the bundled sample: ordering, list accounting, topic mode, safe CSV. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/cli.js';
import { sampleDb } from '../../helpers/sample-db.js';

interface RankJson {
  results: { rank: number; handle: string; score: number; subscores: Record<string, number>; flags: string[]; topics: { slug: string }[]; topic?: { score: number; key: number }; extra?: Record<string, string> }[];
  unknown: { input: string; line: number }[];
  duplicates: { input: string; line: number }[];
  counts: { listed: number; ranked: number; unknown: number; duplicates: number };
}

describe('influence rank', () => {
  it('ranks every account by score, descending, with the --json contract', async () => {
    const db = await sampleDb();
    const r = await runCli(['rank', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RankJson & { schema: number; asOf: string; windowDays: number };
    expect(doc.schema).toBe(1);
    expect(doc.windowDays).toBe(90);
    expect(doc.results.length).toBe(300);
    const scores = doc.results.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(doc.results.map((x) => x.rank)).toEqual(doc.results.map((_, i) => i + 1));
    const score = JSON.parse((await runCli(['score', '--all', '--json', '--no-save', '--db', db])).stdout) as { results: { handle: string; score: number }[] };
    const byHandle = new Map(score.results.map((x) => [x.handle, x.score]));
    for (const x of doc.results) expect(x.score).toBe(byHandle.get(x.handle));
  });

  it('--sort, --min-score, --exclude-flagged and --limit', async () => {
    const db = await sampleDb();
    const doc = JSON.parse((await runCli(['rank', '--db', db, '--json', '--sort', 'reach', '--min-score', '40', '--exclude-flagged', '--limit', '7'])).stdout) as RankJson;
    expect(doc.results.length).toBe(7);
    const reach = doc.results.map((x) => x.subscores['reach']!);
    expect(reach).toEqual([...reach].sort((a, b) => b - a));
    for (const x of doc.results) {
      expect(x.score).toBeGreaterThanOrEqual(40);
      expect(x.flags).toEqual([]);
    }
    const bad = await runCli(['rank', '--db', db, '--sort', 'fame']);
    expect(bad.code).toBe(2);
  });

  it('accounts for every line of a follower list: ranked, unknown or duplicate, extra columns kept', async () => {
    const db = await sampleDb();
    const all = JSON.parse((await runCli(['rank', '--db', db, '--json', '--limit', '3'])).stdout) as RankJson;
    const [a, b, c] = all.results.map((x) => x.handle);
    const file = path.join(tempDir(), 'list.csv');
    fs.writeFileSync(file, `handle,segment\n@${a},vip\nno_such_person,x\n${b!.toUpperCase()},y\n@${a},again\nhttps://x.com/${c},z\nghost2,w\n`);
    const r = await runCli(['rank', '--db', db, '--json', '--list', file]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RankJson;
    expect(doc.results.map((x) => x.handle).sort()).toEqual([a, b].sort());
    expect(doc.unknown.map((u) => [u.input, u.line])).toEqual([['no_such_person', 3], ['https://x.com/' + c, 6], ['ghost2', 7]]);
    expect(doc.duplicates.map((d) => d.line)).toEqual([5]);
    expect(doc.counts.listed).toBe(6);
    expect(doc.counts.ranked + doc.counts.unknown + doc.counts.duplicates).toBe(6);
    expect(doc.results.find((x) => x.handle === a)!.extra).toEqual({ segment: 'vip' });
    const plain = await runCli(['rank', '--db', db, '--list', file]);
    expect(plain.stdout).toContain('6 listed, 2 ranked, 3 unknown, 1 duplicate');
    expect(plain.stdout).toMatch(/line 3: no_such_person \(not in the database\)/);
  });

  it('CSV has no cell a spreadsheet would run as a formula', async () => {
    const db = await sampleDb();
    const file = path.join(tempDir(), 'list.txt');
    fs.writeFileSync(file, ['=SUM(A1;A2)', '+cmd', '-2+3', '@@sum', 'lilykim'].join('\n'));
    const r = await runCli(['rank', '--db', db, '--csv', '--list', file]);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { relax_column_count: false }) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['rank', 'status', 'handle']);
    expect(rows.length).toBe(1 + 5);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows.filter((x) => x[1] === 'unknown').length).toBe(4);
  });

  it('--topic ranks those with the topic by sqrt(topic score x score); unknown topic is a usage error', async () => {
    const db = await sampleDb();
    const doc = JSON.parse((await runCli(['rank', '--db', db, '--json', '--topic', 'astronomy'])).stdout) as RankJson;
    expect(doc.results.length).toBeGreaterThan(0);
    for (const x of doc.results) expect(x.topic!.key).toBeCloseTo(Math.sqrt(x.topic!.score * x.score), 0);
    const keys = doc.results.map((x) => x.topic!.key);
    expect(keys).toEqual([...keys].sort((p, q) => q - p));
    const bad = await runCli(['rank', '--db', db, '--topic', 'no-such-topic-zz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('topics --search');
  });

  it('--min-confidence: accounts below it are listed apart, after the ranking, with the reason', async () => {
    const db = await sampleDb();
    const all = JSON.parse((await runCli(['score', '--all', '--json', '--no-save', '--db', db])).stdout) as { results: { handle: string; score: number | null; confidence: number }[] };
    const conf = all.results.filter((x) => x.score !== null).map((x) => x.confidence).sort((a, b) => a - b);
    const cut = Math.round(conf[Math.floor(conf.length / 2)]! * 100) / 100; // about half below
    const doc = JSON.parse((await runCli(['rank', '--db', db, '--json', '--min-confidence', String(cut)])).stdout) as RankJson & { abstained: { handle: string; reason: string }[]; counts: { abstained: number } };
    const low = all.results.filter((x) => x.score === null || x.confidence < cut).map((x) => x.handle).sort();
    expect(low.length).toBeGreaterThan(0);
    expect(doc.abstained.map((x) => x.handle).sort()).toEqual(low);
    expect(doc.counts.abstained).toBe(low.length);
    expect(doc.results.length + low.length).toBe(all.results.length);
    const ranked = new Set(doc.results.map((x) => x.handle));
    for (const h of low) expect(ranked.has(h)).toBe(false);
    expect(doc.abstained.find((x) => all.results.find((y) => y.handle === x.handle)!.score !== null)!.reason).toContain('below --min-confidence');
    const text = (await runCli(['rank', '--db', db, '--plain', '--min-confidence', String(cut)])).stdout;
    const firstLow = text.indexOf(`@${low[0]}`);
    const lastRanked = text.lastIndexOf(`@${doc.results[doc.results.length - 1]!.handle}`);
    expect(firstLow).toBeGreaterThan(lastRanked);
    expect((await runCli(['rank', '--db', db, '--min-confidence', '1.5'])).code).toBe(2);
  });
});
