/**
 * `influence audit @handle` end to end on the project's own small fixture: the --json
 * contract, --csv formula safety, the text and card views, unknown for followers without
 * profile data, and the errors (unknown handle, bad model file) with exit code 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAuditView, type AuditView } from '../../src/render/audit-view.js';
import { renderAuditCard, renderAuditText } from '../../src/render/audit-text.js';
import { makeTheme } from '../../src/render/output-mode.js';
import { runCli, tempDir } from '../helpers/cli.js';

// three people, two bought followers (one with a formula-looking handle), one follower known by handle only
const ACCOUNTS = [
  'handle,bio,followers,following,posts,listed,likes_given,verified,created_at,default_avatar,url,location',
  'brand,Shop,5200,300,900,40,100,false,2012-01-01T00:00:00Z,false,https://shop.example,Leeds',
  'ann,Birder,420,380,6500,4,2400,false,2011-03-01T00:00:00Z,false,,Leeds',
  'bob,Runner,300,250,3200,2,900,false,2013-05-01T00:00:00Z,false,https://bob.example,York',
  'cy,"Teacher, cook",800,600,12000,9,5000,false,2010-09-01T00:00:00Z,false,,',
  'jx8k2q,,3,2001,0,0,0,false,2017-02-01T00:00:00Z,true,,',
  '"=cmd|x",,2,1500,1,0,0,false,2017-01-15T00:00:00Z,true,,',
].join('\n');
const FOLLOWS = ['follower,followee,created_at', 'ann,brand,2016-01-03T10:00:00Z', 'bob,brand,2016-02-10T10:00:00Z', 'cy,brand,2016-03-01T10:00:00Z', 'jx8k2q,brand,2017-03-01T10:00:00Z', '=cmd|x,brand,2017-03-01T11:00:00Z', 'nobody_known,brand,'].join('\n');

let db = '';
beforeAll(async () => {
  const dir = tempDir();
  db = path.join(dir, 'a.db');
  fs.writeFileSync(path.join(dir, 'accounts.csv'), ACCOUNTS);
  fs.writeFileSync(path.join(dir, 'follows.csv'), FOLLOWS);
  const r = await runCli(['import', '--db', db, path.join(dir, 'accounts.csv'), path.join(dir, 'follows.csv')]);
  expect(r.code).toBe(0);
});

describe('influence audit', () => {
  it('--json has exactly the contract keys first, in order, with one account per follower', async () => {
    const r = await runCli(['audit', '--db', db, '@brand', '--as-of', '2017-04-15', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as AuditView;
    expect(Object.keys(j).slice(0, 7)).toEqual(['schema', 'handle', 'followers', 'classified', 'summary', 'growth', 'accounts']);
    expect(Object.keys(j.summary)).toEqual(['real', 'suspicious', 'fake', 'bot', 'unknown', 'quality', 'interval']);
    expect(j.schema).toBe(1);
    expect(j.handle).toBe('brand');
    expect(j.followers).toBe(6);
    expect(j.classified).toBe(5);
    expect(j.summary.unknown).toBe(1);
    expect(j.summary.real).toBe(3);
    expect(j.summary.fake + j.summary.bot + j.summary.suspicious).toBe(2);
    expect(j.summary.quality).toBe(60);
    expect(j.accounts).toHaveLength(6);
    for (const a of j.accounts) expect(Object.keys(a)).toEqual(['handle', 'class', 'probability', 'reasons']);
    const byHandle = new Map(j.accounts.map((a) => [a.handle, a]));
    expect(byHandle.get('nobody_known')).toMatchObject({ class: 'unknown', probability: null });
    expect(byHandle.get('jx8k2q')!.reasons).toContain('following 2,001, followers 3');
    expect(j.growth.length).toBeGreaterThan(0);
    expect(j.growth[0]).toMatchObject({ date: '2016-01-03', followers: 1, gained: 1 });
  });

  it('is byte-identical on a second run (no clock)', async () => {
    const a = await runCli(['audit', '--db', db, '@brand', '--as-of', '2017-04-15', '--json']);
    const b = await runCli(['audit', '--db', db, '@brand', '--as-of', '2017-04-15', '--json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--csv has one row per follower and no cell a spreadsheet would run', async () => {
    const r = await runCli(['audit', '--db', db, '@brand', '--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r\n/);
    expect(lines[0]).toBe('audited,handle,class,probability,reasons');
    expect(lines).toHaveLength(7);
    const formula = lines.find((l) => l.includes('cmd|x'))!;
    expect(formula).toContain("'=cmd|x");
    expect(lines.slice(1).every((l) => !/(^|,)[=+\-@]/.test(l))).toBe(true);
  });

  it('plain text when piped: the summary, quality with its interval, and the flagged followers', async () => {
    const r = await runCli(['audit', '--db', db, '@brand', '--as-of', '2017-04-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Audience audit of @brand \(generic\) as of 2017-04-15/);
    expect(r.stdout).toMatch(/Audience quality: 60\.0 \/ 100 \(95% interval \d+\.\d-\d+\.\d, Wilson, from 5 classified\)/);
    expect(r.stdout).toContain('@jx8k2q');
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour off a TTY
  });

  it('without follow times, the follower series comes from the declared counts of successive imports', async () => {
    const dir = tempDir();
    const db2 = path.join(dir, 'g.db');
    const write = (name: string, followers: number) => {
      fs.writeFileSync(path.join(dir, name), `handle,followers,following\nbrand,${followers},300\n`);
      return path.join(dir, name);
    };
    fs.writeFileSync(path.join(dir, 'follows.csv'), 'follower,followee\nann,brand\n');
    expect((await runCli(['import', '--db', db2, write('a1.csv', 1000), path.join(dir, 'follows.csv')])).code).toBe(0);
    expect((await runCli(['import', '--db', db2, write('a2.csv', 1400)])).code).toBe(0);
    const j = JSON.parse((await runCli(['audit', '--db', db2, '@brand', '--json'])).stdout) as AuditView;
    expect(j.growthSource).toBe('imports');
    expect(j.growth.map((p) => [p.followers, p.gained])).toEqual([[1000, 0], [1400, 400]]);
    expect(j.summary.unknown).toBe(1); // ann: a follower known by handle only
  });

  it('unknown handle and unusable model file: exit 2 with the fix', async () => {
    const missing = await runCli(['audit', '--db', db, '@nosuch']);
    expect(missing.code).toBe(2);
    const dir = tempDir();
    const bad = path.join(dir, 'm.json');
    fs.writeFileSync(bad, '{"schema":1}');
    const r = await runCli(['audit', '--db', db, '@brand', '--audience-model', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an audience model/);
  });
});

describe('audit renderers', () => {
  const view: AuditView = {
    schema: 1,
    handle: 'brand',
    followers: 3,
    classified: 2,
    summary: { real: 1, suspicious: 0, fake: 1, bot: 0, unknown: 1, quality: 50, interval: [9.5, 90.5] },
    growth: [],
    accounts: [
      { handle: 'x1', class: 'fake', probability: 0.99, reasons: ['following 2,001, followers 3'] },
      { handle: 'ann', class: 'real', probability: 0.97, reasons: [] },
      { handle: 'ghost', class: 'unknown', probability: null, reasons: [] },
    ],
    network: 'twitter',
    asOf: null,
    agesFrom: null,
    windowDays: 90,
    model: 'audience-1.0.0',
    declaredFollowers: null,
    reach: { realFollowers: 1, estimatedReal: null, estimatedInterval: null },
    engagement: null,
    growthSource: 'none',
    growthJudged: false,
    untimedFollows: 3,
  };

  it('the card is framed, has the quality large and fits the width', () => {
    const card = renderAuditCard(view, makeTheme(false), { width: 80 });
    const lines = card.split('\n');
    expect(lines[0]!.startsWith('╭') && lines[lines.length - 1]!.startsWith('╰')).toBe(true);
    expect(lines.every((l) => [...l].length === 80)).toBe(true);
    expect(card).toContain('audience quality / 100');
    expect(card).toContain('@x1');
  });

  it('text says what is unknown rather than guessing', () => {
    const text = renderAuditText(view, makeTheme(false));
    expect(text).toContain('account ages unknown');
    expect(text).toContain('Engagement: not measured');
    expect(text).toContain('3 follows without a time');
    // one real follower, in the singular; two and more in the plural; the unknown ones said, not counted
    expect(text).toContain('Real reach: 1 real follower (and 1 unknown, not counted)\n');
    const allKnown = { ...view, summary: { ...view.summary, unknown: 0 } };
    expect(renderAuditText({ ...allKnown, reach: { ...view.reach, realFollowers: 1200 } }, makeTheme(false))).toContain('Real reach: 1,200 real followers\n');
  });

  it('real reach is not a number when no follower could be classified', () => {
    const none = { ...view, classified: 0, summary: { ...view.summary, real: 0, fake: 0, unknown: 3, quality: null, interval: null }, reach: { realFollowers: 0, estimatedReal: null, estimatedInterval: null } };
    const text = renderAuditText(none, makeTheme(false));
    expect(text).toContain('Real reach: not known (no follower could be classified)');
    expect(text).not.toMatch(/Real reach: 0/);
  });

  it('growth says when there is no series yet, or one too short to judge, instead of "no bursts"', () => {
    const point = (date: string, followers: number, gained: number) => ({ date, followers, gained, burst: false, score: null });
    const one = renderAuditText({ ...view, growthSource: 'imports', growthJudged: false, growth: [point('2026-12-07T10:00:00.000Z', 1234, 0)] }, makeTheme(false));
    expect(one).toContain('Growth (declared counts at successive imports): one import so far (2026-12-07, 1,234 followers declared); a series starts with the next import');
    const short = renderAuditText({ ...view, growthSource: 'follows', growthJudged: false, growth: [point('2026-12-01', 5, 5), point('2026-12-02', 9, 4)] }, makeTheme(false));
    expect(short).toContain('2026-12-01 to 2026-12-02, too short to judge bursts');
    const judged = renderAuditText({ ...view, growthSource: 'follows', growthJudged: true, growth: [point('2026-12-01', 5, 5), point('2026-12-05', 9, 4)] }, makeTheme(false));
    expect(judged).toContain('2026-12-01 to 2026-12-05, no bursts');
  });

  it('text says when ages count from the latest account creation, a lower bound, and dates nothing else by it', () => {
    const text = renderAuditText({ ...view, asOf: '2016-03-15T13:39:32.000Z', agesFrom: 'latest-creation' }, makeTheme(false));
    expect(text).toContain('account ages count from 2016-03-15, the latest account creation in it, so they may be understated (pass --as-of');
    expect(text).toContain('Engagement: not measured (no posts or interactions in the database)');
    expect(text.split('\n')[0]).not.toContain('as of');
    expect(renderAuditText({ ...view, asOf: '2016-03-15T13:39:32.000Z', agesFrom: 'activity' }, makeTheme(false)).split('\n')[0]).toContain('as of 2016-03-15');
  });

  it('buildAuditView cleans control characters out of handles', async () => {
    const { DatasetBuilder } = await import('../../tools/sim/dataset-builder.js');
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'evil\u001b[2Jname' });
    const v = buildAuditView(b.build(), { account: a, asOf: null, agesFrom: null, windowDays: 90, followers: 0, declaredFollowers: null, classified: 0, counts: { real: 0, suspicious: 0, fake: 0, bot: 0, unknown: 0 }, quality: null, interval: null, reach: { realFollowers: 0, estimatedReal: null, estimatedInterval: null }, engagement: null, growth: { source: 'none', points: [], bursts: [], judged: false, untimed: 0 }, verdicts: [] }, 'm');
    expect(v.handle).toBe('evilname');
  });
});
