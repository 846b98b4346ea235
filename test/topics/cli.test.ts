import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { StoreRows } from '../../tools/sim/store-rows.js';
import { day } from '../../tools/sim/dataset-builder.js';

const HUGE_ID = '123456789012345678901234567890';

/** A store with alice (4 cookie posts, engaged), bob (one cookie post) and fans. */
function makeDb(): { dir: string; db: string } {
  const dir = tempDir();
  const file = path.join(dir, 'influence.db');
  const db = openDb(file);
  const rows = new StoreRows(db);
  const alice = rows.account('Alice', { bio: 'pastry chef' });
  const bob = rows.account('bob');
  const fans = [1, 2, 3].map((i) => rows.account(`fan${i}`));
  rows.batch(() => {
    for (let i = 0; i < 4; i++) {
      const p = rows.post(alice, { at: day(i), text: `Chocolate chip cookies, batch ${i} \u001b[2J\u001b]0;pwned\u0007` });
      for (const f of fans.slice(0, 2 + (i % 2))) rows.interact(f, 'like', { at: day(i + 1), targetPost: p, target: alice });
    }
    const p = rows.post(bob, { at: day(2), text: 'I ate cookies once' });
    for (const f of fans) rows.interact(f, 'like', { at: day(3), targetPost: p, target: bob });
    for (const f of fans) for (let i = 0; i < 5; i++) rows.post(f, { at: day(i), text: `nothing much ${i}` });
  });
  db.close();
  return { dir, db: file };
}

function writeOntology(dir: string): string {
  const o = path.join(dir, 'onto');
  fs.mkdirSync(o);
  fs.writeFileSync(
    path.join(o, 'topics.csv'),
    `topicId,topicSlug,topicDisplayName,wikiItemId,freebaseMachineId\n10000000000000000001,"food-and-drink-super","Food and Drink","",""\n${HUGE_ID},"cookies","Cookies","",""\n`,
  );
  fs.writeFileSync(path.join(o, 'edges.csv'), `parentTopicId,parrentTopicSlug,childTopicId,childTopicSlug\n0,"_ROOT_",10000000000000000001,"food-and-drink-super"\n10000000000000000001,"food-and-drink-super",${HUGE_ID},"cookies"\n`);
  return o;
}

describe('influence topics', () => {
  it('shows an account’s topics with evidence as JSON (schema 1), example texts cleaned', async () => {
    const { db } = makeDb();
    const r = await runCli(['topics', '@alice', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe(1);
    expect(out.asOf).toBe(new Date(day(4)).toISOString()); // latest activity, not the clock
    expect(out.windowDays).toBe(90);
    expect(out.ontology.attribution).toBe('Klout Topic Ontology, Klout, 2015-2018, CC BY 3.0');
    expect(out.results).toHaveLength(1);
    expect(out.results[0].handle).toBe('Alice');
    const cookies = out.results[0].topics.find((t: { slug: string }) => t.slug === 'cookies');
    expect(cookies).toMatchObject({ id: '7302461317919750243', name: 'Cookies', evidence: { posts: 4, engagers: 3 } });
    expect(cookies.score).toBeGreaterThanOrEqual(1);
    expect(Object.keys(cookies)).toEqual(['id', 'slug', 'name', 'score', 'evidence']);
    expect(cookies.evidence.examples[0].text).toMatch(/^Chocolate chip cookies, batch \d/);
    expect(r.stdout).not.toMatch(/\u001b|\\u001b|\u0007|\\u0007/);
  });

  it('one post about cookies gives bob nothing; --all lists every account', async () => {
    const { db } = makeDb();
    const r = await runCli(['topics', '--all', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { handle: string }) => x.handle)).toEqual(['Alice', 'bob', 'fan1', 'fan2', 'fan3']);
    expect(out.results[1].topics).toEqual([]);
  });

  it('prints a plain table with the attribution', async () => {
    const { db } = makeDb();
    const r = await runCli(['topics', 'alice', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('@Alice (generic)');
    expect(r.stdout).toMatch(/Cookies \(cookies\)\s+4\s+3/);
    // Food and Drink sums up two named sub-topics (Chocolate, vouched for by Cookies, and Cookies) and names them
    expect(r.stdout).toMatch(/Food and Drink \(food-and-drink-super\)\s+4\s+3 bio via sub-topics/); // "pastry" in the bio
    expect(r.stdout).toMatch(/posts: (Chocolate 4, Cookies 4|Cookies 4, Chocolate 4)/);
    expect(r.stdout).toContain('Topics: Klout Topic Ontology, Klout, 2015-2018, CC BY 3.0');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('honours --as-of and --window', async () => {
    const { db } = makeDb();
    const early = JSON.parse((await runCli(['topics', '@alice', '--json', '--as-of', '2026-01-02', '--db', db])).stdout);
    expect(early.asOf).toBe('2026-01-02T23:59:59.999Z');
    expect(early.results[0].topics).toEqual([]); // only two cookie posts by then
    const narrow = JSON.parse((await runCli(['topics', '@alice', '--json', '--window', '1', '--db', db])).stdout);
    expect(narrow.windowDays).toBe(1);
    expect(narrow.results[0].topics).toEqual([]);
  });

  it('uses a user ontology and keeps ids beyond 2^64 exact', async () => {
    const { dir, db } = makeDb();
    const r = await runCli(['topics', '@alice', '--json', '--ontology', writeOntology(dir), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"id":"${HUGE_ID}"`);
    const out = JSON.parse(r.stdout);
    // one sub-topic is not rolled up into its category (roll-up never turns one topic into two)
    expect(out.results[0].topics.map((t: { slug: string }) => t.slug)).toEqual(['cookies']);
    expect(out.ontology.attribution).toBeNull();
  });

  it('with no topic in the window, says how many posts lie in and before it and which --window takes them in', async () => {
    const { db } = makeDb();
    const r = await runCli(['topics', '@alice', '--window', '1', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no topic in this 1-day window: 0 posts in it, 4 posts before it (since 2026-01-01); try --window 5, or --as-of 2026-01-04 for its last 1 day');
    const json = JSON.parse((await runCli(['topics', '@alice', '--window', '1', '--json', '--db', db])).stdout);
    expect(json.results[0].activity).toEqual({ postsInWindow: 0, postsBefore: 4, firstPostAt: new Date(day(0)).toISOString(), lastPostAt: new Date(day(3)).toISOString() });
    // the suggested as-of puts its latest post in the window
    const latest = JSON.parse((await runCli(['topics', '@alice', '--window', '1', '--as-of', '2026-01-04', '--json', '--db', db])).stdout);
    expect(latest.results[0].activity.postsInWindow).toBe(1);
    // the suggested window does find the topic
    const wide = JSON.parse((await runCli(['topics', '@alice', '--window', '5', '--json', '--db', db])).stdout);
    expect(wide.results[0].topics.map((t: { slug: string }) => t.slug)).toContain('cookies');
  });

  it('browses the ontology with --search', async () => {
    const r = await runCli(['topics', '--search', 'hip hop', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results[0]).toMatchObject({ slug: 'hip-hop', name: 'Hip Hop', superTopics: ['entertainment-super'] });
    expect(out.results[0].parents.map((p: { slug: string }) => p.slug)).toEqual(['entertainment-super']);
    const text = await runCli(['topics', '--search', 'cookies']);
    expect(text.stdout).toMatch(/^cookies {2}Cookies {2}id 7302461317919750243\n {4}parents: food-and-drink-super/);
  });

  it('exits 2 with a fix on bad usage and bad input', async () => {
    const { dir, db } = makeDb();
    const cases: [string[], RegExp][] = [
      [['topics', '--db', db], /give one of/],
      [['topics', '@nobody', '--db', db], /no account '@nobody'/],
      [['topics', '--all', '--as-of', 'yesterday', '--db', db], /not a date/],
      [['topics', '--all', '--window', '-3', '--db', db], /--window: expected a whole number from 1 to 3650/],
      [['topics', '--all', '--db', path.join(dir, 'missing.db')], /no database at/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('fix:');
    }
    const onto = writeOntology(dir);
    fs.appendFileSync(path.join(onto, 'topics.csv'), '12x,"bad","Bad","",""\n');
    const r = await runCli(['topics', '--search', 'x', '--ontology', onto]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/topics\.csv:line 4: field 'topicId'/);
  });
});
