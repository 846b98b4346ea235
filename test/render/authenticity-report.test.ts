/**
 * report authenticity's text shows a page of profile verdicts (an audience of 100k followers
 * can hold tens of thousands), says how many more there are, and JSON/CSV keep them all.
 */
import { describe, expect, it } from 'vitest';
import { makeTheme } from '../../src/render/output-mode.js';
import { renderAuthenticityCsv, renderAuthenticityReport, type AuthenticityReportView } from '../../src/render/authenticity-report.js';
import { FLAG_CODES } from '../../src/engine/result-types.js';

function reportWith(verdicts: number): AuthenticityReportView {
  const results = Array.from({ length: verdicts }, (_, i) => ({ handle: `fake${i}`, network: 'twitter', class: 'fake' as const, probability: 0.9, reasons: ['following 2,001, followers 3'] }));
  return {
    asOf: '2026-03-01T00:00:00.000Z',
    windowDays: 90,
    accounts: verdicts,
    flagged: 0,
    byCode: Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as AuthenticityReportView['byCode'],
    results: [],
    profiles: { model: 'audience-v1', classified: verdicts, byClass: { real: 0, suspicious: 0, fake: verdicts, bot: 0, unknown: 0 }, results },
  };
}

describe('report authenticity text', () => {
  it('lists every verdict of a small report and no "more" line', () => {
    const text = renderAuthenticityReport(reportWith(3), makeTheme(false));
    expect(text.match(/@fake\d+/g)).toHaveLength(3);
    expect(text).not.toContain('more (--json');
  });

  it('lists the first 50 of a large report, says how many more, while CSV keeps them all', () => {
    const view = reportWith(1234);
    const text = renderAuthenticityReport(view, makeTheme(false));
    expect(text.match(/@fake\d+/g)).toHaveLength(50);
    expect(text).toContain('1,234 of 1,234 accounts');
    expect(text).toContain('... and 1,184 more (--json or --csv lists every account)');
    expect(renderAuthenticityCsv(view).trim().split('\n')).toHaveLength(1 + 1234);
  });
});
