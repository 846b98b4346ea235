/**
 * What the dashboard shows besides key handling: imported text cleaned on every path, the
 * audience quality (a column and a section only when the source has it; the CLI's source
 * gives the detail `audit`'s number), and a
 * campaign list (its ranking and threshold counts equal `rank --list` and
 * `report threshold --list` on the same database, unknown handles listed apart).
 */
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { analyze, resultOf } from '../../../src/engine/analyze.js';
import type { TopicScore } from '../../../src/engine/topics/expertise.js';
import { readFollowerList } from '../../../src/inputs/follower-list.js';
import { makeDashboardSource } from '../../../src/cli/dashboard/dashboard-source.js';
import { Dashboard } from '../../../src/render/dashboard/Dashboard.js';
import { toAccountDetail, type DashboardSource } from '../../../src/render/dashboard/view.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { shippedModel } from '../../helpers/model.js';
import { runCli, tempDir } from '../../helpers/cli.js';
import { sampleDb } from '../../helpers/sample-db.js';
import { analyseDb, sourceOf } from '../../helpers/dashboard.js';
import { makeAudienceQuality } from '../../../src/cli/dashboard/audience-quality.js';
import { readAudienceModelFile } from '../../../src/inputs/audience-model-file.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));
const EVIL = 'evil\u001b[2J\u001b]0;owned\u0007\u009b31m\u202ename';

/** A small world whose handles, network and evidence carry terminal escapes. */
function evilSource(audience?: DashboardSource['audience']): DashboardSource {
  const b = new DatasetBuilder();
  const evil = b.account({ handle: EVIL, network: 'net\u001b[31mwork', followers: 500, following: 40, listed: 3 });
  const fans = Array.from({ length: 12 }, (_, k) => b.account({ handle: `fan${k}`, followers: 50 + k, following: 60 }));
  for (let p = 0; p < 6; p++) {
    const post = b.post(evil, { at: day(10 + p) });
    for (const f of fans) b.interact(f, evil, 'reshare', { at: day(10.5 + p), post });
  }
  b.account({ handle: 'ghost' });
  const analysis = analyze(b.build(), { window: { asOf: day(40), windowDays: 90 }, model: shippedModel() });
  return makeDashboardSource({ analysis, list: null, listFile: null, database: 'db\u001b[5m.db', readRuns: () => [{ asOf: day(20), score: 40 }], ...(audience ? { audience } : {}) });
}

describe('dashboard content', () => {
  it('no escape or control character of imported text reaches the screen (handles, networks, the database path)', async () => {
    const app = render(<Dashboard source={evilSource()} color={false} viewport={{ columns: 100, rows: 30 }} />);
    await tick();
    const frame = app.lastFrame()!;
    // the sequences go whole (an OSC title's text with it), the readable rest stays
    expect(frame).toContain('@evilname');
    app.stdin.write('/');
    await tick();
    app.stdin.write('evil');
    await tick();
    await tick();
    const detail = app.lastFrame()!;
    expect(detail).toContain('@evilname (network)');
    for (const f of [frame, detail]) for (const bad of ['\u001b', '\u0007', '\u009b', '\u202e']) expect(f).not.toContain(bad);
    app.unmount();
  });

  it('the detail projection cleans topic names, example posts and flag evidence', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'a', followers: 10 });
    const analysis = analyze(b.build(), { window: { asOf: day(40), windowDays: 90 }, model: shippedModel() });
    const result = { ...resultOf(analysis, a), flags: [{ code: 'hashtag-stuffing' as const, severity: 0.5, factor: 0.8, evidence: { tags: ['#x\u001b[31m', 'y\u0007'], ratio: 0.9 } }] };
    const topic: TopicScore = {
      topic: 1,
      id: '1',
      slug: 'wi\u001bne',
      name: 'Wine\u001b]0;t\u0007',
      score: 40,
      evidence: {
        posts: 4,
        ownPosts: 3,
        engagers: 3,
        weightedPosts: 3,
        engagement: 2,
        engagementKnown: true,
        distinctiveness: 1,
        expected: 0.1,
        lfdr: 0.01,
        hashtagOnly: 0,
        reshares: 0,
        bio: false,
        direct: true,
        subTopics: [{ id: '2', slug: 'red', name: 'Red\u001b[31m wine', posts: 1 }],
        examples: [{ id: 'p1', text: 'great \u001b[2Jwine\u0000 here', engagement: 1 }],
      },
    };
    const d = toAccountDetail(result, [topic], []);
    const text = JSON.stringify(d);
    for (const bad of ['\\u001b', '\\u0007', '\\u0000']) expect(text).not.toContain(bad);
    expect(d.kind === 'account' && d.topics[0]!.example).toBe('great wine here');
    expect(d.kind === 'account' && d.flags[0]!.evidence).toContain('#x');
    expect(d.kind === 'account' && d.topics[0]!.subTopics).toEqual([{ name: 'Red wine', posts: 1 }]);
  });

  it('audience quality: a column and a detail line when the source provides it, none (and no made-up value) when it does not', async () => {
    const without = render(<Dashboard source={evilSource()} color={false} viewport={{ columns: 130, rows: 30 }} />);
    await tick();
    expect(without.lastFrame()).not.toContain('aud%');
    expect(without.lastFrame()).not.toMatch(/audience \d|audience: /);
    without.unmount();
    const source = evilSource((i) => (i === 1 ? { quality: null, interval: null } : { quality: 60 + i + 0.25, interval: [50 + i, 70 + i] }));
    const first = source.ranking({ sort: 'score', topic: null, filter: '' }).items.at(0) as { account: number; handle: string };
    expect(first.account).not.toBe(1);
    const app = render(<Dashboard source={source} color={false} viewport={{ columns: 130, rows: 30 }} />);
    await tick();
    const frame = app.lastFrame()!;
    expect(frame).toContain('aud%');
    expect(frame).toMatch(new RegExp(`@${first.handle} .* ${(60 + first.account + 0.25).toFixed(0)} `));
    expect(frame).toContain(`audience ${(60 + first.account + 0.25).toFixed(1)}% real 95% ${(50 + first.account).toFixed(1)}-${(70 + first.account).toFixed(1)}`);
    // an account nobody could classify says so; no number is made up for it
    app.stdin.write('/');
    await tick();
    app.stdin.write('fan0');
    await tick();
    await tick();
    expect(app.lastFrame()).toContain('@fan0 (generic)');
    expect(app.lastFrame()).toContain('audience: no follower classified');
    app.unmount();
  });

  it('an account without a score is listed after the ranking with its reason, and its detail says it abstains', async () => {
    const source = evilSource();
    const view = source.ranking({ sort: 'score', topic: null, filter: '' });
    const last = view.items.at(view.items.length - 1);
    expect(last).toMatchObject({ kind: 'abstained', handle: 'ghost' });
    const app = render(<Dashboard source={source} color={false} viewport={{ columns: 100, rows: 30 }} />);
    app.stdin.write('G');
    await tick();
    await tick();
    expect(app.lastFrame()).toContain('score - (abstains)');
    expect(app.lastFrame()).toContain('@ghost no score:');
    app.unmount();
  });

  it('--list: the ranking and the Klout70 counts are those of `rank --list` and `report threshold --list`; unknown handles are listed apart', async () => {
    const db = await sampleDb();
    const rank = JSON.parse((await runCli(['--db', db, 'rank', '--json'])).stdout) as { results: { handle: string }[] };
    const dir = tempDir();
    const file = path.join(dir, 'list.csv');
    const picked = [rank.results[3]!.handle, rank.results[0]!.handle, rank.results[40]!.handle];
    fs.writeFileSync(file, `handle,tier\n${picked.map((h) => `@${h},gold`).join('\n')}\nnobody_at_all_here,x\n`);
    const listed = JSON.parse((await runCli(['--db', db, 'rank', '--list', file, '--json'])).stdout) as { results: { handle: string }[]; unknown: { input: string }[] };
    const threshold = JSON.parse((await runCli(['--db', db, 'report', 'threshold', '--list', file, '--at', '50', '--no-save', '--json'])).stdout) as { counts: Record<string, number> };
    const source = sourceOf(db, await analyseDb(db), { list: readFollowerList(file), listFile: 'list.csv' });
    const view = source.ranking({ sort: 'score', topic: null, filter: '' });
    const items = Array.from({ length: view.items.length }, (_, k) => view.items.at(k));
    expect(items.filter((i) => i.kind === 'ranked').map((i) => (i as { handle: string }).handle)).toEqual(listed.results.map((r) => r.handle));
    expect(items.filter((i) => i.kind === 'unknown').map((i) => (i as { input: string }).input)).toEqual(listed.unknown.map((u) => u.input));
    expect(source.klout({ at: 50, near: 5, topic: null }).counts).toEqual(threshold.counts);
    const app = render(<Dashboard source={source} color={false} viewport={{ columns: 100, rows: 30 }} />);
    await tick();
    expect(app.lastFrame()).toContain('list list.csv (4 listed, 1 unknown)');
    expect(app.lastFrame()).toContain('nobody_at_all_here (line 5): not in the database');
    app.unmount();
  });

  it('the detail shows the selected account\'s audience quality as `audit --json` gives it; the ranking has no audience column (an audit per row is too dear)', async () => {
    const db = await sampleDb();
    const analysis = await analyseDb(db);
    const source = sourceOf(db, analysis, { detailAudience: makeAudienceQuality(analysis, readAudienceModelFile()) });
    const view = source.ranking({ sort: 'score', topic: null, filter: '' });
    // the first and a mid-table account: both have followers in the sample
    for (const k of [0, 60]) {
      const item = view.items.at(k) as { account: number; handle: string };
      const audit = JSON.parse((await runCli(['--db', db, 'audit', `@${item.handle}`, '--json'])).stdout) as { classified: number; summary: { quality: number | null; interval: [number, number] | null } };
      expect(audit.classified).toBeGreaterThan(0);
      const detail = source.detail(item.account);
      expect(detail.kind === 'account' && detail.audience).toEqual({ quality: audit.summary.quality, interval: audit.summary.interval });
    }
    const first = view.items.at(0) as { handle: string };
    const audit = JSON.parse((await runCli(['--db', db, 'audit', `@${first.handle}`, '--json'])).stdout) as { summary: { quality: number; interval: [number, number] } };
    const app = render(<Dashboard source={source} color={false} viewport={{ columns: 130, rows: 30 }} />);
    await tick();
    expect(app.lastFrame()).toContain(`audience ${audit.summary.quality.toFixed(1)}% real 95% ${audit.summary.interval[0].toFixed(1)}-${audit.summary.interval[1].toFixed(1)}`);
    expect(app.lastFrame()).not.toContain('aud%');
    app.unmount();
  });
});
