/**
 * Issue 12 phase B end to end on the project's own small fixture: one analysis classifies
 * every account, so audit, rank and report authenticity agree on each class; rank's
 * audience-quality column, --min-quality and --exclude-flagged; report authenticity's
 * profile verdicts in JSON, text and formula-safe CSV; audit dated by the one as-of policy.
 *
 * Fixture: `half` is followed by six people and six bought followers, `twin` (the same
 * profile) by six people, `noaudit` (the same profile) by nobody in the database;
 * `fakeacct`'s own profile is a bought follower's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const PEOPLE: [string, number, number, number, number, number][] = [
  ['ann', 420, 380, 6500, 4, 2400], ['bob', 300, 250, 3200, 2, 900], ['cy', 800, 600, 12000, 9, 5000], ['dee', 510, 430, 4100, 3, 1500],
  ['eve', 260, 310, 2900, 1, 700], ['fay', 950, 700, 8800, 12, 3900], ['gus', 380, 290, 5100, 2, 2100], ['hal', 640, 520, 7300, 6, 2600],
  ['ivy', 290, 240, 2500, 1, 1100], ['jon', 710, 560, 9900, 8, 4100], ['kim', 330, 300, 3600, 2, 1300], ['lou', 450, 410, 6100, 5, 2000],
];
const FAKES = ['jx8k2q', 'mq7z31', 'pl0w22', 'zz9x44', '=cmd|x', 'kr5v66'];
const csvCell = (s: string): string => (/[",=|]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes the fixture's generic CSVs; `dated` gives the follows times. */
function writeFixture(dir: string, dated: boolean): string[] {
  const accounts = [
    'handle,bio,followers,following,posts,listed,likes_given,verified,created_at,default_avatar,url,location',
    ...['half', 'twin', 'noaudit'].map((h) => `${h},Shop,12,8,900,1,400,false,2012-01-01T00:00:00Z,false,https://${h}.example,Leeds`),
    'fakeacct,,3,2001,0,0,0,false,2017-02-01T00:00:00Z,true,,',
    ...PEOPLE.map(([h, fo, fg, p, l, lk]) => `${h},Likes birds,${fo},${fg},${p},${l},${lk},false,2011-03-01T00:00:00Z,false,,Leeds`),
    ...FAKES.map((h, k) => `${csvCell(h)},,${2 + k},${1500 + 100 * k},${k % 2},0,0,false,2017-01-${10 + k}T00:00:00Z,true,,`),
  ];
  const t = (at: string): string => (dated ? at : '');
  const follows = [
    'follower,followee,created_at',
    ...PEOPLE.slice(0, 6).map(([h]) => `${h},half,${t('2016-05-01T10:00:00Z')}`),
    ...PEOPLE.slice(6).map(([h]) => `${h},twin,${t('2016-05-01T10:00:00Z')}`),
    ...FAKES.map((h) => `${csvCell(h)},half,${t('2017-03-01T10:00:00Z')}`),
  ];
  fs.writeFileSync(path.join(dir, 'accounts.csv'), accounts.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'follows.csv'), follows.join('\n') + '\n');
  return [path.join(dir, 'accounts.csv'), path.join(dir, 'follows.csv')];
}

async function makeDb(dated: boolean): Promise<string> {
  const dir = tempDir();
  const db = path.join(dir, 'a.db');
  const r = await runCli(['import', '--db', db, ...writeFixture(dir, dated)]);
  expect(r.code).toBe(0);
  return db;
}

interface RankJson {
  asOf: string;
  results: { handle: string; score: number; flags: string[]; audience: { class: string; quality: number | null; interval: [number, number] | null; classified: number } | null }[];
  abstained: { handle: string; reason: string }[];
  counts: { ranked: number; filtered: number; abstained: number };
}
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

let db = '';
let undatedDb = '';
beforeAll(async () => {
  [db, undatedDb] = await Promise.all([makeDb(true), makeDb(false)]);
});

describe('audience classes across commands (issue 12 phase B)', () => {
  it('audit, rank and report authenticity give every account the same class', async () => {
    const [audit, rank, report] = await Promise.all([
      runCli(['audit', '--db', db, '@half', '--json']),
      runCli(['rank', '--db', db, '--json']),
      runCli(['report', 'authenticity', '--db', db, '--json']),
    ]);
    expect([audit.code, rank.code, report.code]).toEqual([0, 0, 0]);
    const fromAudit = new Map(json<{ accounts: { handle: string; class: string }[] }>(audit.stdout).accounts.map((a) => [a.handle, a.class]));
    const fromRank = new Map(json<RankJson>(rank.stdout).results.map((r) => [r.handle, r.audience!.class]));
    const fromReport = new Map(json<{ profiles: { results: { handle: string; class: string }[] } }>(report.stdout).profiles.results.map((r) => [r.handle, r.class]));
    expect(fromAudit.size).toBe(12);
    for (const [handle, cls] of fromAudit) {
      expect(fromRank.get(handle), handle).toBe(cls);
      expect(fromReport.get(handle) ?? 'real', handle).toBe(cls);
    }
    // the fixture's bought followers are caught, its people are not
    for (const h of FAKES) expect(['fake', 'bot']).toContain(fromAudit.get(h));
    for (const [h] of PEOPLE.slice(0, 6)) expect(fromAudit.get(h)).toBe('real');
    expect(fromRank.get('fakeacct')).toMatch(/^(fake|bot)$/);
    expect(fromReport.get('fakeacct')).toBe(fromRank.get('fakeacct'));
  });

  it('audit is dated by the one as-of policy: the latest dated follow, like rank; an import time never dates account ages, the latest account creation bounds them', async () => {
    const [audit, rank] = await Promise.all([runCli(['audit', '--db', db, '@half', '--json']), runCli(['rank', '--db', db, '--json'])]);
    expect(json<{ asOf: string }>(audit.stdout).asOf).toBe('2017-03-01T10:00:00.000Z');
    expect(json<RankJson>(rank.stdout).asOf).toBe('2017-03-01T10:00:00.000Z');
    const [undatedAudit, undatedRank] = await Promise.all([runCli(['audit', '--db', undatedDb, '@half', '--json']), runCli(['rank', '--db', undatedDb, '--json'])]);
    expect(undatedAudit.code).toBe(0);
    // no date the profiles were read: ages count from the latest creation (fakeacct, 2017-02-01), a lower bound
    expect(json<{ asOf: string | null; agesFrom: string | null; engagement: unknown }>(undatedAudit.stdout)).toMatchObject({ asOf: '2017-02-01T00:00:00.000Z', agesFrom: 'latest-creation', engagement: null });
    // the scores still have a date: the import's
    expect(json<RankJson>(undatedRank.stdout).asOf).toMatch(/^\d{4}-/);
  });
});

describe('rank with audience quality', () => {
  it('--json and the text carry each account\'s audience quality with its interval', async () => {
    const r = await runCli(['rank', '--db', db, '--json']);
    const byHandle = new Map(json<RankJson>(r.stdout).results.map((x) => [x.handle, x]));
    expect(byHandle.get('half')!.audience).toMatchObject({ class: 'real', quality: 50, classified: 12 });
    expect(byHandle.get('half')!.audience!.interval![0]).toBeLessThan(50);
    expect(byHandle.get('twin')!.audience).toMatchObject({ quality: 100, classified: 6 });
    expect(byHandle.get('noaudit')!.audience).toMatchObject({ quality: null, interval: null, classified: 0 });
    const text = await runCli(['rank', '--db', db, '--plain']);
    expect(text.stdout.split('\n')[0]).toMatch(/\bquality\b/);
    // quality follows conf: `... 0.58  50  -  -` (then top topics and flags)
    expect(text.stdout).toMatch(/@half\b.*\s50\s+-\s+-\s*$/m);
    expect(text.stdout).toMatch(/@fakeacct\b.*\s- \((fake|bot)\)\s+-\s+-\s*$/m);
  });

  it('--min-quality leaves out a half-fake audience, keeps a real one, and lists an unmeasured one apart', async () => {
    const r = await runCli(['rank', '--db', db, '--json', '--min-quality', '80']);
    expect(r.code).toBe(0);
    const out = json<RankJson>(r.stdout);
    const ranked = out.results.map((x) => x.handle);
    expect(ranked).toContain('twin');
    expect(ranked).not.toContain('half');
    expect(ranked).not.toContain('noaudit');
    expect(out.abstained.find((a) => a.handle === 'noaudit')!.reason).toMatch(/audience quality unknown/);
    expect(out.counts.filtered).toBe(1);
    // at 50 the half-fake audience passes
    const at50 = json<RankJson>((await runCli(['rank', '--db', db, '--json', '--min-quality', '50'])).stdout);
    expect(at50.results.map((x) => x.handle)).toContain('half');
  });

  it('--min-quality takes 0-100; with --identities it is refused', async () => {
    const bad = await runCli(['rank', '--db', db, '--min-quality', '101']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-quality/);
    const both = await runCli(['rank', '--db', db, '--identities', '--min-quality', '50']);
    expect(both.code).toBe(2);
  });

  it('--exclude-flagged drops accounts whose own profile is classified fake or bot', async () => {
    const all = json<RankJson>((await runCli(['rank', '--db', db, '--json'])).stdout);
    const kept = json<RankJson>((await runCli(['rank', '--db', db, '--json', '--exclude-flagged'])).stdout);
    const inauthentic = all.results.filter((x) => x.audience!.class === 'fake' || x.audience!.class === 'bot').map((x) => x.handle);
    expect(inauthentic).toContain('fakeacct');
    expect(inauthentic.length).toBeGreaterThanOrEqual(7);
    expect(all.results.every((x) => x.flags.length === 0)).toBe(true); // no activity: only the profile class can drop them
    expect(kept.results.map((x) => x.handle).sort()).toEqual(all.results.filter((x) => !inauthentic.includes(x.handle)).map((x) => x.handle).sort());
    expect(kept.counts.filtered).toBe(inauthentic.length);
  });

  it('--csv has the quality columns, spreadsheet-safe', async () => {
    const r = await runCli(['rank', '--db', db, '--csv']);
    const lines = r.stdout.trim().split(/\r?\n/);
    const head = lines[0]!.split(',');
    expect(head).toEqual(expect.arrayContaining(['audience_quality', 'quality_low', 'quality_high', 'audience_class']));
    const row = lines.find((l) => l.includes(',half,'))!.split(',');
    expect(row[head.indexOf('audience_quality')]).toBe('50');
    expect(row[head.indexOf('audience_class')]).toBe('real');
    expect(lines.some((l) => l.includes("'=cmd|x"))).toBe(true);
    expect(lines.some((l) => /(^|,)=cmd/.test(l))).toBe(false);
  });
});

describe('report authenticity shows profile verdicts', () => {
  it('JSON: counts per class and each non-real account with its probability and reasons', async () => {
    const r = await runCli(['report', 'authenticity', '--db', db, '--json']);
    const out = json<{ flagged: number; profiles: { classified: number; byClass: { fake: number; bot: number }; results: { handle: string; class: string; probability: number; reasons: string[] }[] } }>(r.stdout);
    expect(out.flagged).toBe(0); // no activity, no activity flags
    expect(out.profiles.classified).toBe(22);
    expect(out.profiles.byClass.fake + out.profiles.byClass.bot).toBeGreaterThanOrEqual(7);
    const jx = out.profiles.results.find((v) => v.handle === 'jx8k2q')!;
    expect(jx.probability).toBeGreaterThan(0.5);
    expect(jx.reasons.join(' ')).toMatch(/following 1,500/);
    expect(out.profiles.results.map((v) => v.handle)).not.toContain('ann');
  });

  it('text names the verdicts; CSV has one row per verdict through the formula-safe writer', async () => {
    const text = await runCli(['report', 'authenticity', '--db', db, '--plain']);
    // the activity line names what it counts, so it does not read "no accounts flagged" above flagged profiles
    expect(text.stdout.split('\n')[0]).toMatch(/^activity: no account flagged for gaming \(\d+ accounts, window 90 days to /);
    expect(text.stdout).toMatch(/^profiles: \d+ of 22 accounts with profile data classified suspicious, fake or bot/m);
    expect(text.stdout).toMatch(/@jx8k2q \(generic\) {2}(fake|bot) {2}p \d\.\d\d/);
    const csv = await runCli(['report', 'authenticity', '--db', db, '--csv']);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('handle,network,code,severity,factor,damping,cap,evidence,class,probability,reasons');
    const formula = lines.find((l) => l.includes('cmd|x'))!;
    expect(formula.startsWith("'=cmd|x,generic,,,,,,,")).toBe(true);
    expect(formula).toMatch(/,(fake|bot),/);
    expect(lines.some((l) => l.startsWith('ann,'))).toBe(false);
  });
});

describe('the score counts real followers only (issue 12 item 4)', () => {
  interface ExplainJson {
    result: { score: number; contributions: { feature: string; value: number | null; points: number }[] };
    realFollowers: { fake: number; bot: number; classified: number; before: number; after: number; points: number } | null;
  }
  it('fake followers leave the followers feature: half scores below its twin with the same profile and a real audience', async () => {
    const [half, twin, noaudit] = await Promise.all(['half', 'twin', 'noaudit'].map((h) => runCli(['explain', '--db', db, `@${h}`, '--json'])));
    const h = json<ExplainJson>(half!.stdout);
    const t = json<ExplainJson>(twin!.stdout);
    expect(h.realFollowers).toEqual({ fake: h.realFollowers!.fake, bot: h.realFollowers!.bot, classified: 12, before: 12, after: 6, points: h.realFollowers!.points });
    expect(h.realFollowers!.fake + h.realFollowers!.bot).toBe(6);
    expect(h.realFollowers!.points).toBeLessThan(0);
    expect(h.result.contributions.find((c) => c.feature === 'followers')!.value).toBe(6);
    expect(t.realFollowers).toMatchObject({ fake: 0, bot: 0, classified: 6, before: 12, after: 12, points: 0 });
    expect(json<ExplainJson>(noaudit!.stdout).realFollowers).toBeNull();
    // same profile: the whole difference is the discount
    expect(Math.round((t.result.score - h.result.score) * 10)).toBe(Math.round(-h.realFollowers!.points * 10));
    const score = json<{ results: { handle: string; score: number }[] }>((await runCli(['score', '--db', db, '@half', '--json'])).stdout);
    expect(score.results[0]!.score).toBe(h.result.score);
  });

  it('explain itemises them in text: "fake followers: 6 of 12 ..., -x.x"', async () => {
    const r = await runCli(['explain', '--db', db, '@half', '--plain']);
    expect(r.stdout).toMatch(/^fake followers: 6 of 12 classified \(fake \d, bot \d\), not counted as audience: followers 12 -> 6, -\d+\.\d$/m);
  });
});
