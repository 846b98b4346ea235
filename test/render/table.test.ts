/** Issue 13, item 16: boxed tables fit 80 columns by wrapping cells, never dropping rows or text. */
import { describe, expect, it } from 'vitest';
import { makeTheme } from '../../src/render/output-mode.js';
import { displayWidth, renderTable, wrapLine } from '../../src/render/table.js';
import { renderRankText, type RankReport } from '../../src/render/rank-view.js';

const plain = makeTheme(false);
/** The cells of a boxed table, row by row, each cell's wrapped lines joined (spaces dropped: wrapping moves them). */
function boxedCells(text: string): string[][] {
  const rows: string[][] = [];
  let block: string[][] = [];
  const flush = () => {
    if (block.length) rows.push(block[0]!.map((_, k) => block.map((l) => l[k]!.trim()).join('').replace(/\s/g, '')));
    block = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('│')) block.push(line.split('│').slice(1, -1));
    else flush();
  }
  flush();
  return rows;
}

function rankReport(n: number, extraColumns: string[]): RankReport {
  return {
    schema: 1,
    asOf: '2026-03-01T00:00:00.000Z',
    windowDays: 90,
    model: '2.0.0',
    sort: 'score',
    topic: null,
    results: Array.from({ length: n }, (_, i) => ({
      rank: i + 1,
      handle: i === 0 ? 'a_remarkably_long_handle_that_goes_on@some.mastodon.instance.example' : `user${i}`,
      network: 'mastodon',
      score: 70 - i,
      interval: [60 - i, 75 - i] as [number, number],
      subscores: { reach: 50.5, amplification: 40.1, network: 30.2 },
      confidence: 0.9,
      topics: [{ slug: 'astronomy', score: 50 }, { slug: 'science-fiction', score: 40 }, { slug: 'food-and-drink', score: 30 }],
      flags: i % 2 ? ['follow-back', 'bot-cadence'] : [],
      activityInWindow: 3,
      lastActivity: '2026-02-27T00:00:00.000Z',
      extra: Object.fromEntries(extraColumns.map((c) => [c, `value of ${c} for row ${i} with some words`])),
    })),
    abstained: [],
    unknown: [],
    duplicates: [],
    counts: { listed: null, ranked: n, abstained: 0, unknown: 0, duplicates: 0, filtered: 0, cut: 0 },
    extraColumns,
  };
}

describe('boxed tables', () => {
  it.each([[[]], [['notes', 'email', 'city']]])('rank with extra columns %j fits 80 columns and keeps every row and word', (extra) => {
    const rep = rankReport(6, extra);
    const text = renderRankText(rep, plain, true);
    const lines = text.split('\n');
    for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    // a header and every row, each cell whole (wrapped, never cut)
    const cells = boxedCells(text);
    expect(cells).toHaveLength(7);
    expect(text).not.toContain('…');
    expect(cells[0]!.slice(0, 3)).toEqual(['rank', 'handle', 'score']);
    expect(cells[1]![1]).toBe(`@${rep.results[0]!.handle}`);
    expect(cells[2]![2]).toBe('69.0(59.0-74.0)');
    expect(cells[2]!.at(-1 - extra.length)).toBe('follow-back,bot-cadence');
    expect(cells[6]!.slice(-extra.length || 99)).toEqual(extra.map((c) => `valueof${c}forrow5withsomewords`));
    for (let r = 1; r <= 6; r++) expect(cells[r]![0]).toBe(String(r));
  });

  it('fits a narrower terminal too, and leaves a table that fits alone', () => {
    const spec = { head: ['handle', 'score', 'lever'], rows: [['@alice', '63.0', '+25% mentions received (0.206 -> 0.257 per day)']], numeric: new Set([1]) };
    for (const l of renderTable(spec, plain, true, 40).split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    const wide = renderTable(spec, plain, true, 200);
    expect(wide.split('\n')).toHaveLength(5);
    // piped text is never wrapped: one line per row
    expect(renderTable(spec, plain, false, 40).split('\n')).toHaveLength(2);
  });

  it('wraps at spaces, breaks long words, counts wide characters as two columns', () => {
    expect(wrapLine('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrapLine('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLine('日本語テキスト', 6)).toEqual(['日本語', 'テキス', 'ト']);
    expect(displayWidth('日本a')).toBe(5);
  });
});
