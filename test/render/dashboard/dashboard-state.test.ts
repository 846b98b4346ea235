/** The dashboard's reducer and key map, without a terminal: key sequences -> states. */
import { describe, expect, it } from 'vitest';
import { RANK_SORTS } from '../../../src/engine/ranking.js';
import { DASHBOARD_SORTS, initialDashboardState, pageOf, reduceDashboard, sortsFor, type DashboardState, type ReduceContext } from '../../../src/render/dashboard/dashboard-state.js';
import { actionOfKey, KEY_HELP, reduceKeys, type KeyPress } from '../../../src/render/dashboard/keys.js';
import { layoutOf, listRowsOf } from '../../../src/render/dashboard/layout.js';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers/cli.js';

const ctx = (over: Partial<ReduceContext['lengths']> = {}): ReduceContext => ({
  lengths: { ranking: 1000, klout: 30, topics: 5, authenticity: 7, detail: 60, ...over },
  topicAt: (row) => (row === 0 ? null : 100 + row),
  rowOfTopic: (topic) => (topic === null ? 0 : topic - 100),
});

/** Presses keys one by one ({...} names a special key). */
function keys(state: DashboardState, sequence: (string | KeyPress)[], c: ReduceContext = ctx()): DashboardState {
  return sequence.reduce<DashboardState>((s, k) => (typeof k === 'string' ? reduceKeys(s, k, {}, c) : reduceKeys(s, '', k, c)), state);
}

const start = initialDashboardState({ viewport: { columns: 80, rows: 24 } });

describe('dashboard reducer', () => {
  it('s cycles the sorts rank --sort has, in its order (the render layer keeps its own copy of the list)', () => {
    expect(DASHBOARD_SORTS).toEqual(RANK_SORTS);
  });

  it('moves the selection and keeps it on screen', () => {
    const rows = listRowsOf(layoutOf(start.viewport), 'ranking');
    let s = keys(start, ['j', 'j', { downArrow: true }]);
    expect(s.cursors.ranking).toEqual({ cursor: 3, offset: 0 });
    s = keys(s, ['k']);
    expect(s.cursors.ranking.cursor).toBe(2);
    s = keys(start, Array.from({ length: rows }, () => 'j'));
    expect(s.cursors.ranking).toEqual({ cursor: rows, offset: 1 });
    s = keys(s, [{ pageDown: true }]);
    expect(s.cursors.ranking.cursor).toBe(rows + pageOf(s));
    s = keys(s, [{ end: true }]);
    expect(s.cursors.ranking).toEqual({ cursor: 999, offset: 1000 - rows });
    s = keys(s, ['j']);
    expect(s.cursors.ranking.cursor).toBe(999);
    s = keys(s, ['g']);
    expect(s.cursors.ranking).toEqual({ cursor: 0, offset: 0 });
    expect(keys(start, ['k']).cursors.ranking.cursor).toBe(0);
  });

  it('several keys in one read are several presses (a script typing fast)', () => {
    expect(reduceKeys(start, 'jjj', {}, ctx()).cursors.ranking.cursor).toBe(3);
    const s = reduceKeys(start, '2jj', {}, ctx());
    expect([s.panel, s.cursors.klout.cursor]).toEqual(['klout', 2]);
    // after '/', the rest of the read up to an Enter is filter text, not keys
    expect(reduceKeys(start, '/jq', {}, ctx())).toMatchObject({ editing: 'jq', filter: 'jq', quit: false });
    const typed = reduceKeys(start, '/ab\rjj\r', {}, ctx());
    expect(typed).toMatchObject({ editing: null, filter: 'ab', focus: 'detail' });
    expect(typed.cursors.ranking.cursor).toBe(2);
    expect(reduceKeys(start, '\t\t', {}, ctx()).focus).toBe('topics');
  });

  it('filters: typing narrows as it goes, backspace erases, Enter keeps, Esc clears; control characters never get in', () => {
    let s = keys(start, ['j', '/', 'a', 'l', 'x']);
    expect(s).toMatchObject({ editing: 'alx', filter: 'alx' });
    expect(s.cursors.ranking.cursor).toBe(0);
    s = keys(s, [{ backspace: true }]);
    expect(s.filter).toBe('al');
    s = keys(s, [{ return: true }]);
    expect(s).toMatchObject({ editing: null, filter: 'al' });
    s = keys(s, ['q']);
    expect(s.quit).toBe(true);
    s = keys({ ...s, quit: false }, ['/', '\u001b[31mz\u0007', { escape: true }]);
    expect(s).toMatchObject({ editing: null, filter: '' });
    expect(keys(start, ['/', 'a\u0000\u0085b']).filter).toBe('ab');
  });

  it('number keys and Tab choose panels; Enter and Esc move between a panel and the detail pane', () => {
    expect(keys(start, ['3'])).toMatchObject({ panel: 'topics', focus: 'topics' });
    let s = keys(start, [{ tab: true }]);
    expect(s).toMatchObject({ panel: 'klout', focus: 'klout' });
    s = keys(s, [{ tab: true }, { tab: true }, { tab: true }]);
    expect(s).toMatchObject({ panel: 'authenticity', focus: 'detail' });
    s = keys(s, [{ tab: true }]);
    expect(s).toMatchObject({ panel: 'ranking', focus: 'ranking' });
    s = keys(s, [{ tab: true, shift: true }]);
    expect(s.focus).toBe('detail');
    s = keys(start, [{ return: true }]);
    expect(s).toMatchObject({ panel: 'ranking', focus: 'detail' });
    s = keys(s, ['j', 'j']);
    expect(s.cursors.detail.cursor).toBe(2);
    s = keys(s, [{ escape: true }]);
    expect(s.focus).toBe('ranking');
  });

  it('the detail pane scrolls up to its last page and no further', () => {
    const s = keys(start, [{ return: true }, { end: true }]);
    expect(s.cursors.detail.cursor).toBe(60 - listRowsOf(layoutOf(start.viewport), 'detail'));
    const short = keys(start, [{ return: true }, 'j', 'j'], ctx({ detail: 3 }));
    expect(short.cursors.detail.cursor).toBe(0);
  });

  it('t opens the topic picker on the current topic; Enter picks, sorts by topic and returns to the ranking; "all topics" clears it', () => {
    let s = keys(start, ['j', 't']);
    expect(s).toMatchObject({ panel: 'topics', focus: 'topics' });
    expect(s.cursors.topics.cursor).toBe(0);
    s = keys(s, ['j', 'j', { return: true }]);
    expect(s).toMatchObject({ topic: 102, sort: 'topic', panel: 'ranking', focus: 'ranking' });
    expect(s.cursors.ranking.cursor).toBe(0);
    s = keys(s, ['t']);
    expect(s.cursors.topics.cursor).toBe(2);
    s = keys(s, ['g', { return: true }]);
    expect(s).toMatchObject({ topic: null, sort: 'score' });
    expect(keys(start, ['t', { escape: true }])).toMatchObject({ panel: 'ranking', topic: null });
  });

  it('s cycles score, reach, amplification, network (with a topic, influence on it first)', () => {
    const seen = [start.sort];
    let s = start;
    for (let k = 0; k < 4; k++) seen.push((s = keys(s, ['s'])).sort);
    expect(seen).toEqual(['score', 'reach', 'amplification', 'network', 'score']);
    expect(sortsFor(7)).toEqual(['topic', 'score', 'reach', 'amplification', 'network']);
  });

  it('+ and - move the threshold within 1..100 and put the Klout70 selection back on top', () => {
    let s = keys(start, ['2', 'j', '+', '+']);
    expect(s.at).toBe(72);
    expect(s.cursors.klout.cursor).toBe(0);
    s = keys(s, Array.from({ length: 200 }, () => '-'));
    expect(s.at).toBe(1);
    expect(keys({ ...start, at: 100 }, ['+']).at).toBe(100);
    expect(keys(start, ['=']).at).toBe(71);
  });

  it('a resize keeps every cursor within its list and on screen', () => {
    let s = keys(start, [{ end: true }]);
    s = reduceDashboard(s, { type: 'resize', viewport: { columns: 120, rows: 50 } }, ctx());
    const rows = listRowsOf(layoutOf(s.viewport), 'ranking');
    expect(s.cursors.ranking).toEqual({ cursor: 999, offset: 1000 - rows });
    s = reduceDashboard(s, { type: 'resize', viewport: { columns: 80, rows: 24 } }, ctx({ ranking: 10 }));
    expect(s.cursors.ranking.cursor).toBe(9);
    expect(s.cursors.ranking.offset).toBeLessThanOrEqual(9);
  });

  it('? toggles help and Esc closes it; q and Ctrl-C quit (Ctrl-C even while typing a filter)', () => {
    expect(keys(start, ['?']).help).toBe(true);
    expect(keys(start, ['?', { escape: true }]).help).toBe(false);
    expect(keys(start, ['q']).quit).toBe(true);
    expect(keys(start, ['/', 'a']).quit).toBe(false);
    expect(reduceKeys(keys(start, ['/', 'a']), 'c', { ctrl: true }, ctx()).quit).toBe(true);
    expect(actionOfKey('x', {}, start)).toBeNull();
  });

  it('the README lists every key of the help, as the help words it', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const k of KEY_HELP) expect(readme).toContain(`| \`${k.keys}\` | ${k.does} |`);
  });

  it('the help lists a key for every action the key map knows', () => {
    const listed = KEY_HELP.map((k) => k.keys).join(' ');
    for (const k of ['1 2 3 4', 'Tab', 'j k', 'PgUp', 'Home', 'Enter', 'Esc', '/', 't', 's', '+ -', '?', 'q', 'Ctrl-C']) expect(listed).toContain(k);
  });
});
