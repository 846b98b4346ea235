import { describe, expect, it } from 'vitest';
import { bar, bigDigits } from '../../src/render/big-digits.js';
import { renderExplain, sumTenths, type ExplainReport } from '../../src/render/explain-text.js';
import { renderHistory, sparkline } from '../../src/render/history-text.js';
import { makeTheme } from '../../src/render/output-mode.js';
import { renderScoreCards } from '../../src/render/ScoreCard.js';
import { formatPoints, renderScoreBlock, renderScoreCsv, renderScoreRows, topContributions, type ScoreResultView } from '../../src/render/score-view.js';

const plain = makeTheme(false);
const header = { asOf: '2026-03-01T00:00:00.000Z', windowDays: 90, model: '2.1.0' };
const result: ScoreResultView = {
  handle: 'evil\u001b[31m\u001b]8;;http://x\u0007name',
  network: 'twitter',
  score: 47.3,
  interval: [40.1, 55.2],
  abstain: null,
  activityInWindow: 3,
  lastActivity: '2026-01-01T00:00:00.000Z',
  subscores: { reach: 52.1, amplification: 38, network: 44.2 },
  confidence: 0.82,
  contributions: [
    { feature: 'baseline', group: 'baseline', value: null, points: 1, source: 'declared' },
    { feature: 'followers', group: 'reach', value: 1200, points: 20.1, source: 'declared' },
    { feature: 'engagers', group: 'reach', value: 12, points: 14.5, source: 'imputed' },
    { feature: 'likes_per_post', group: 'amplification', value: 2.5, points: 15, source: 'events' },
    { feature: 'authenticity:follow-back', group: 'authenticity', value: 0.6, points: -3.3, source: 'events' },
  ],
  flags: [{ code: 'follow-back', severity: 0.6, evidence: { ratio: 0.98, threshold: 0.9 }, factor: 0.6 }],
  missing: ['engagers'],
};

describe('score views', () => {
  it('formats points and picks top contributions by size', () => {
    expect(formatPoints(3.25)).toBe('+3.3');
    expect(formatPoints(-0.04)).toBe('0.0');
    expect(formatPoints(-4)).toBe('-4.0');
    expect(topContributions(result.contributions, 2).map((c) => c.feature)).toEqual(['followers', 'likes_per_post']);
  });

  it('renders a plain block with imported text sanitised', () => {
    const s = renderScoreBlock(result, plain, header);
    expect(s).not.toMatch(/[\u001b\u0007]/);
    expect(s).toContain('@evilname (twitter)  score 47.3 (40.1-55.2)  confidence 0.82');
    expect(s).toContain('as of 2026-03-01 00:00:00 UTC, 90-day window, model 2.1.0');
    expect(s).toContain('engagers +14.5 (imputed)');
    expect(s).toContain('flags: follow-back 0.60');
    const rows = renderScoreRows([result, { ...result, handle: 'b', flags: [] }], plain, header).split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toBe('(as of 2026-03-01 00:00:00 UTC, 90-day window, model 2.1.0)');
  });

  it('aligns rows of any number of accounts (300k overflowed the stack: plain score --all of 1M accounts exited 2)', () => {
    const n = 300_000;
    const many = Array.from({ length: n }, (_, i) => ({ ...result, handle: `u${i}`, flags: [] }));
    const lines = renderScoreRows(many, plain, header).split('\n');
    expect(lines).toHaveLength(n + 2);
    // every row padded to the widest handle (@u299999), so the score column lines up
    expect(lines[1]!.indexOf('47.3')).toBe(lines[n]!.indexOf('47.3'));
    expect(lines[n]!.startsWith('@u299999  twitter')).toBe(true);
  });

  it("shows an abstaining account's sub-scores and confidence as '-' in rows, like its score", () => {
    const rows = renderScoreRows([result, { ...result, handle: 'quiet', score: null, interval: null, abstain: 'no data', flags: [] }], plain, header).split('\n');
    expect(rows[1]).toMatch(/ 52\.1 +38\.0 +44\.2 +0\.82 +follow-back$/);
    expect(rows[2]).toMatch(/^@quiet +twitter +- +- +- +- +- +-$/);
  });

  it('names more than ten accounts without a score on one line instead of rows of dashes', () => {
    const quiet = Array.from({ length: 11 }, (_, i) => ({ ...result, handle: `q${i}`, score: null, interval: null, abstain: 'no data', flags: [] }));
    const rows = renderScoreRows([quiet[0]!, result, ...quiet.slice(1)], plain, header).split('\n');
    expect(rows[1]).toMatch(/^@evilname +twitter +47\.3/);
    expect(rows[2]).toBe('(as of 2026-03-01 00:00:00 UTC, 90-day window, model 2.1.0)');
    expect(rows[3]).toBe('11 accounts without a score, not shown: @q0, @q1, @q2, @q3, @q4, @q5, @q6, @q7, @q8, @q9, ... (--csv or --json lists every account with the reason)');
    // ten are still rows
    expect(renderScoreRows([result, ...quiet.slice(1)], plain, header).split('\n')).toHaveLength(1 + 11 + 1);
  });

  it('says when an account did nothing in its window, and which --as-of to try', () => {
    const idle = { ...result, activityInWindow: 0, lastActivity: '2024-05-02T10:00:00.000Z' };
    expect(renderScoreBlock(idle, plain, header)).toContain('no activity of its own in the window; last activity 2024-05-02 (try --as-of 2024-05-02)');
    const rows = renderScoreRows([result, idle, { ...idle, handle: 'c' }], plain, header).split('\n');
    expect(rows[rows.length - 1]).toBe('no activity of their own in the window: @evilname (last 2024-05-02), @c (last 2024-05-02); try --as-of with the date shown');
    const abstained = renderScoreBlock({ ...idle, score: null, interval: null, abstain: 'no data' }, plain, header);
    expect(abstained).toContain('try --as-of 2024-05-02');
    expect(renderScoreCards([idle], plain, 80, header)).toContain('try --as-of 2024-05-02');
  });

  it('writes spreadsheet-safe CSV', () => {
    const csv = renderScoreCsv([{ ...result, handle: '=cmd|calc', network: 'a,b' }]).split('\r\n');
    expect(csv[0]).toBe('handle,network,score,low,high,reach,amplification,network_score,confidence,missing,flags,abstain');
    expect(csv[1]).toBe(`'=cmd|calc,"a,b",47.3,40.1,55.2,52.1,38,44.2,0.82,engagers,follow-back,`);
    const abstained = renderScoreCsv([{ ...result, score: null, interval: null, abstain: 'no data' }]).split('\r\n');
    expect(abstained[1]).toContain(',,,');
    expect(renderScoreBlock({ ...result, score: null, interval: null, abstain: 'only the far end of edges' }, plain, header)).toContain('score -  (abstains: only the far end of edges)');
  });

  it('draws the big digits and bars', () => {
    expect(bigDigits('47')).toEqual(['┃ ┃ ━━┓', '┗━┫   ┃', '  ┃   ┃']);
    expect(bar(50, 10)).toBe('█████░░░░░');
    expect(bar(120, 4)).toBe('████');
  });

  it('renders the ink card without colour when colour is off', () => {
    const s = renderScoreCards([result], plain, 80, header);
    expect(s).not.toMatch(/\u001b\[/);
    expect(s).toContain('as of 2026-03-01 00:00:00 UTC, 90-day window');
    expect(s).toContain('score 47.3 (40.1-55.2)');
    expect(s).toContain('confidence 82%');
    expect(s).toContain('reach');
    expect(s).toContain('█');
    expect(s).toContain('followers');
    expect(s).toContain('follow-back');
    expect(s).toContain(bigDigits('47')[0]);
  });

  it('explains with a sum line computed in tenths', () => {
    const rep: ExplainReport = { schema: 1, asOf: '2026-01-01T00:00:00.000Z', windowDays: 90, model: '1', result, sum: 47.3, topEngagers: [] };
    expect(sumTenths(result.contributions.map((c) => c.points))).toBe(473);
    const s = renderExplain(rep, plain);
    expect(s).toContain('sum: 1.0 + 20.1 + 14.5 + 15.0 - 3.3 = 47.3 = score 47.3');
    expect(s).toContain('follow-back: ratio=0.98 threshold=0.9');
    const wrong = renderExplain({ ...rep, result: { ...result, score: 50 } }, plain);
    expect(wrong).toContain('!= score 50.0');
  });

  it('draws history rows and a sparkline scaled to the data, with its range', () => {
    expect(sparkline([1, 50, 100])).toBe('▁▄█');
    const entry = (runId: number, score: number, interval: [number, number] | null = [score - 6, score + 5.5]) => ({ runId, createdAt: 'c', model: '1', asOf: '2026-01-01T00:00:00.000Z', windowDays: 90, score, interval, subscores: { reach: 1, amplification: 2, network: 3 }, confidence: 1, flags: [] });
    const rep = { schema: 1 as const, handle: 'a', network: 'twitter', runs: [entry(1, 40), entry(2, 45), entry(3, 50)] };
    // 40..50 fills the bars (a 1-100 scale would draw all three alike)
    const line = renderHistory(rep, plain, true).split('\n')[1]!;
    expect(line).toContain('▁▅█');
    expect(line).toContain('40.0-50.0');
    expect(renderHistory({ ...rep, runs: [entry(1, 40)] }, plain, true).split('\n')[1]).toContain('40.0 (one value)');
    expect(renderHistory(rep, plain, false)).not.toContain('▁');
    expect(renderHistory({ ...rep, runs: [] }, plain, false)).toContain('no stored runs');
    // each score with its interval; the score alone for a run stored before intervals were
    const rows = renderHistory({ ...rep, runs: [entry(1, 40), entry(2, 45, null)] }, plain, false).split('\n');
    expect(rows[1]).toMatch(/score \(80% interval\)\s+reach/);
    expect(rows[2]).toMatch(/ 40\.0 \(34\.0-45\.5\)\s+1\.0 /);
    expect(rows[3]).toMatch(/ 45\.0\s+1\.0 /);
  });
});
