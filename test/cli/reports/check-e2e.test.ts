/** `influence check` on the scoring fixtures (fixtures/scoring), through the built binary. */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli, tempDir } from '../../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'fixtures', 'scoring');
const EXPECTED = path.join(FIXTURES, 'expected.json');
const CSVS = ['accounts.csv', 'posts.csv', 'interactions.csv', 'follows.csv'];

/** Imports the fixture CSVs (from `dir`, default the fixtures) into a fresh database. */
function importFixtures(dir = FIXTURES): string {
  const db = path.join(tempDir('influence-check-'), 'f.db');
  const r = spawnCli(['import', ...CSVS.map((f) => path.join(dir, f)), '--db', db]);
  if (r.code !== 0) throw new Error(`import failed: ${r.stderr}`);
  return db;
}

/** A copy of the fixtures where `handle`'s first post gets `n` extra likes from the crowd. */
function copyWithMoreEngagement(handle: string, n: number): string {
  const dir = tempDir('influence-fixtures-');
  for (const f of CSVS) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  const post = fs.readFileSync(path.join(dir, 'posts.csv'), 'utf8').split('\n').find((l) => l.split(',')[1] === handle)!;
  const [id, , at] = post.split(',');
  const t = Date.parse(at!);
  const likes = Array.from({ length: n }, (_, k) => `fan${String(k % 40).padStart(2, '0')},${handle},like,${new Date(t + (k + 1) * 60_000).toISOString()},${id}`);
  // distinct engagers: one like per crowd member, plus replies so the post gains reactions the model counts
  const replies = Array.from({ length: 40 }, (_, k) => `${9_000_000_000_000_000_000n + BigInt(k)},fan${String(k).padStart(2, '0')},${new Date(t + (k + 2) * 3_600_000).toISOString().replace('.000Z', 'Z')},Wonderful!,${id},${handle},,,,,`);
  fs.appendFileSync(path.join(dir, 'interactions.csv'), `${likes.join('\n')}\n`);
  fs.appendFileSync(path.join(dir, 'posts.csv'), `${replies.join('\n')}\n`);
  return dir;
}

let fixturesDb: string | null = null;
/** The unmodified fixtures, imported once for the tests that only read them (check stores nothing). */
function importedFixtures(): string {
  fixturesDb ??= importFixtures();
  return fixturesDb;
}

describe.runIf(fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))('influence check (spawned)', () => {
  it('the fixtures hold against fixtures/scoring/expected.json: exit 0', () => {
    const db = importedFixtures();
    const r = spawnCli(['check', EXPECTED, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 45 expectations .* 45 hold, 0 drifted, 0 missing/m);
    const doc = JSON.parse(spawnCli(['check', EXPECTED, '--db', db, '--json']).stdout);
    expect(doc.ok).toBe(true);
    const farm = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')).accounts.find((a: { handle: string }) => a.handle === '@farm_fiona');
    expect(farm.flags).toEqual(['follow-back']);
  });

  it('exits 1 with the changed account in the drift table, and JUnit XML that parses with the failure count', () => {
    const db = importFixtures(copyWithMoreEngagement('everyday_emma', 40));
    const junit = path.join(tempDir(), 'check.xml');
    const r = spawnCli(['check', EXPECTED, '--db', db, '--junit', junit]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/check failed: \d+ drifted/);
    const row = r.stdout.split('\n').find((l) => l.startsWith('@everyday_emma'));
    expect(row).toMatch(/drift/);
    const drifted = r.stdout.split('\n').filter((l) => /\sdrift\s/.test(l)).length;
    expect(drifted).toBeGreaterThanOrEqual(1);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(fs.readFileSync(junit, 'utf8'));
    const suite = xml.testsuites.testsuite;
    expect(Number(suite['@_tests'])).toBe(46); // 45 accounts + the model version
    expect(Number(suite['@_failures'])).toBe(drifted);
    const cases = suite.testcase as { '@_name': string; failure?: unknown }[];
    expect(cases.filter((c) => c.failure).map((c) => c['@_name'])).toContain('@everyday_emma');
  });

  it('check exits 0 on its own --write output, and 2 on a bad expectations file', () => {
    const db = importedFixtures();
    const file = path.join(tempDir(), 'mine.json');
    const w = spawnCli(['check', '--write', file, '--db', db]);
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('wrote 45 expectations');
    expect(spawnCli(['check', file, '--db', db]).code).toBe(0);
    const bad = JSON.parse(fs.readFileSync(file, 'utf8'));
    bad.accounts[2].score = 'high';
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = spawnCli(['check', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("field 'accounts[2].score'");
  });
});
