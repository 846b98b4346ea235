/**
 * The dashboard's frames for key presses, on the bundled sample (imported into a temp
 * database): selection, filter, sort, topic, the Klout70 threshold (its counts equal
 * `report threshold --json` on the same database), help, and sizes from 60 to 120 columns.
 * Expected values come from the CLI's JSON on the same database, never from constants.
 */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { Dashboard } from '../../../src/render/dashboard/Dashboard.js';
import type { DashboardSource } from '../../../src/render/dashboard/view.js';
import { describeLever } from '../../../src/render/threshold-view.js';
import { layoutOf, listRowsOf } from '../../../src/render/dashboard/layout.js';
import { runCli } from '../../helpers/cli.js';
import { sampleDb } from '../../helpers/sample-db.js';
import { analyseDb, sourceOf } from '../../helpers/dashboard.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function press(stdin: { write(s: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await tick();
    await tick();
  }
}

const DOWN = '\u001b[B';
/** ranking rows on screen at 120x40 */
const VISIBLE_120x40 = listRowsOf(layoutOf({ columns: 120, rows: 40 }), 'ranking');
const ENTER = '\r';
const ESC = '\u001b';

interface RankJson {
  results: { rank: number; handle: string; score: number; interval: [number, number] }[];
}
interface ThresholdJson {
  counts: { above: number; near: number; below: number; abstained: number; unknown: number };
  near: { handle: string; lever: Parameters<typeof describeLever>[0] }[];
}

async function json<T>(db: string, ...args: string[]): Promise<T> {
  const r = await runCli(['--db', db, ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

let cached: Promise<{ db: string; source: DashboardSource }> | null = null;
function sample(): Promise<{ db: string; source: DashboardSource }> {
  cached ??= (async () => {
    const db = await sampleDb();
    return { db, source: sourceOf(db, await analyseDb(db)) };
  })();
  return cached;
}

function mount(source: DashboardSource, columns = 80, rows = 24) {
  return render(<Dashboard source={source} color={false} viewport={{ columns, rows }} />);
}

/** The ranking rows of a frame: the handle after the rank, '>' marking the selected one. */
function rankingRows(frame: string): { selected: boolean; rank: string; handle: string }[] {
  const out: { selected: boolean; rank: string; handle: string }[] = [];
  for (const line of frame.split('\n')) {
    const m = /^[║│](>| )\s*(\d+) @(\S+)/.exec(line);
    if (m) out.push({ selected: m[1] === '>', rank: m[2]!, handle: m[3]!.replace(/…$/, '') });
  }
  return out;
}

describe('dashboard frames on the sample', () => {
  it('opens on the ranking by score: the rows are `rank --json`\'s, the first selected with its detail', async () => {
    const { db, source } = await sample();
    const rank = await json<RankJson>(db, 'rank');
    const app = mount(source);
    const frame = app.lastFrame()!;
    const rows = rankingRows(frame);
    expect(rows.length).toBeGreaterThan(10);
    rows.forEach((r, k) => {
      expect(r.rank).toBe(String(rank.results[k]!.rank));
      expect(rank.results[k]!.handle.startsWith(r.handle)).toBe(true);
    });
    expect(rows[0]!.selected).toBe(true);
    const top = rank.results[0]!;
    expect(frame).toContain(`@${top.handle} (generic)`);
    expect(frame).toContain(`score ${top.score.toFixed(1)}  80% ${top.interval[0].toFixed(1)}-${top.interval[1].toFixed(1)}`);
    app.unmount();
  });

  it('j and the down arrow move the selection, and the detail follows it', async () => {
    const { db, source } = await sample();
    const rank = await json<RankJson>(db, 'rank');
    const app = mount(source);
    await press(app.stdin, 'j', DOWN);
    const rows = rankingRows(app.lastFrame()!);
    expect(rows.findIndex((r) => r.selected)).toBe(2);
    expect(app.lastFrame()).toContain(`@${rank.results[2]!.handle} (generic)`);
    await press(app.stdin, 'k');
    expect(rankingRows(app.lastFrame()!).findIndex((r) => r.selected)).toBe(1);
    app.unmount();
  });

  it('End scrolls to the last account (only the visible rows are drawn), Home back to the first', async () => {
    const { db, source } = await sample();
    const rank = await json<RankJson>(db, 'rank');
    const app = mount(source);
    await press(app.stdin, 'G');
    const rows = rankingRows(app.lastFrame()!);
    const last = rank.results[rank.results.length - 1]!;
    expect(rows[rows.length - 1]).toMatchObject({ selected: true, rank: String(last.rank) });
    expect(rows.length).toBeLessThan(24);
    await press(app.stdin, 'g');
    expect(rankingRows(app.lastFrame()!)[0]).toMatchObject({ selected: true, rank: '1' });
    app.unmount();
  });

  it('/ filters the ranking by handle as it is typed; Enter keeps it, Esc clears it', async () => {
    const { db, source } = await sample();
    const rank = await json<RankJson>(db, 'rank');
    const needle = rank.results[4]!.handle.slice(0, 3).toLowerCase();
    const expected = rank.results.filter((r) => r.handle.toLowerCase().includes(needle));
    const app = mount(source, 120, 40);
    await press(app.stdin, '/', ...needle);
    expect(app.lastFrame()).toContain(`filter handles: /${needle}`);
    await press(app.stdin, ENTER);
    const rows = rankingRows(app.lastFrame()!);
    expect(rows.map((r) => r.rank)).toEqual(expected.slice(0, VISIBLE_120x40).map((r) => String(r.rank)));
    expect(app.lastFrame()).toContain(`/${needle} ${expected.length} match`);
    expect(app.lastFrame()).not.toContain('filter handles:');
    await press(app.stdin, '/', ESC);
    expect(rankingRows(app.lastFrame()!)[0]!.rank).toBe('1');
    expect(app.lastFrame()).not.toContain('match');
    app.unmount();
  });

  it('s cycles the sort: by reach the rows are `rank --sort reach --json`\'s', async () => {
    const { db, source } = await sample();
    const byReach = await json<RankJson>(db, 'rank', '--sort', 'reach');
    const app = mount(source);
    await press(app.stdin, 's');
    expect(app.lastFrame()).toContain('ranking by reach');
    const rows = rankingRows(app.lastFrame()!);
    rows.forEach((r, k) => expect(byReach.results[k]!.handle.startsWith(r.handle)).toBe(true));
    await press(app.stdin, 's', 's', 's');
    expect(app.lastFrame()).toContain('ranking by score');
    app.unmount();
  });

  it('+ and - move the Klout70 threshold; the counts and levers equal `report threshold --json` at each threshold', async () => {
    const { db, source } = await sample();
    const app = mount(source, 120, 40);
    await press(app.stdin, '2');
    let levers = 0;
    for (const at of [70, 60, 61, 50]) {
      const frame = app.lastFrame()!;
      const report = await json<ThresholdJson>(db, 'report', 'threshold', '--at', String(at), '--no-save');
      const c = report.counts;
      expect(frame).toContain(`Klout${at}`);
      expect(frame).toContain(`${c.above} at/above ${at} · ${c.near} near (within 5) · ${c.below} below`);
      if (report.near.length > 0) {
        const k = c.above; // the first near miss follows the club
        await press(app.stdin, 'g', ...Array.from({ length: k }, () => 'j'));
        expect(app.lastFrame()).toContain(`lever for @${report.near[0]!.handle}: ${describeLever(report.near[0]!.lever)}`.slice(0, 60));
        levers++;
      }
      const next = [70, 60, 61, 50][[70, 60, 61, 50].indexOf(at) + 1];
      if (next !== undefined) await press(app.stdin, ...Array.from({ length: Math.abs(next - at) }, () => (next > at ? '+' : '-')));
    }
    expect(levers).toBeGreaterThan(1);
    app.unmount();
  });

  it('t picks a topic present in the analysis: the ranking is `rank --topic --json`\'s, "all topics" clears it', async () => {
    const { db, source } = await sample();
    const topics = source.topics();
    expect(topics.length).toBeGreaterThan(0);
    const app = mount(source, 120, 40);
    await press(app.stdin, 't');
    expect(app.lastFrame()).toContain('3 topics');
    await press(app.stdin, 'j', ENTER);
    const chosen = topics[0]!;
    const byTopic = await json<RankJson>(db, 'rank', '--topic', chosen.slug);
    const frame = app.lastFrame()!;
    expect(frame).toContain(`ranking by topic influence about ${chosen.name}`);
    expect(byTopic.results.length).toBeGreaterThan(0);
    expect(rankingRows(frame).map((r) => r.rank)).toEqual(byTopic.results.map((r) => String(r.rank)).slice(0, VISIBLE_120x40));
    await press(app.stdin, 't', 'g', ENTER);
    expect(app.lastFrame()).toContain('ranking by score');
    app.unmount();
  });

  it('Enter focuses the detail pane, Esc returns; Tab cycles the panels; ? shows every key', async () => {
    const { source } = await sample();
    const app = mount(source);
    await press(app.stdin, ENTER);
    expect(app.lastFrame()).toMatch(/╔═+╗\s*$/m); // the detail pane has the double border now
    expect(app.lastFrame()!.split('\n')[2]).toMatch(/^┌.*┐╔.*╗$/);
    await press(app.stdin, ESC);
    expect(app.lastFrame()!.split('\n')[2]).toMatch(/^╔.*╗┌.*┐$/);
    await press(app.stdin, '\t');
    expect(app.lastFrame()).toContain('2 Klout70');
    await press(app.stdin, '\t', '\t');
    expect(app.lastFrame()).toContain('4 authenticity');
    await press(app.stdin, '?');
    for (const key of ['Tab / Shift-Tab', 'PgUp PgDn', 'q  Ctrl-C']) expect(app.lastFrame()).toContain(key);
    await press(app.stdin, ESC);
    expect(app.lastFrame()).not.toContain('PgUp PgDn');
    app.unmount();
  });

  it('fits 80x24, 120x40 and 60x20 (one pane at a time below 80 columns): no line wider than the terminal, no more lines than it has', async () => {
    const { source } = await sample();
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
      [60, 20],
    ] as const) {
      const app = mount(source, columns, rows);
      const lines = app.lastFrame()!.split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
      expect(lines.some((l) => l.includes('detail'))).toBe(columns >= 80);
      await press(app.stdin, ENTER);
      expect(app.lastFrame()!.includes('1 ranking')).toBe(columns >= 80);
      app.unmount();
    }
  });
});
