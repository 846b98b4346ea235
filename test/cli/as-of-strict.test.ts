/**
 * --as-of and --split are read as ISO 8601 only. Date.parse alone took '1' for 2001-01-01,
 * 'Mar 5' for 2001-03-05 and 2026-02-31 for March 3rd: a typo scored the wrong day silently.
 */
import { describe, expect, it } from 'vitest';
import { parseAsOf, parseSplitDate } from '../../src/cli/options.js';
import { UsageError } from '../../src/errors.js';

describe('--as-of and --split', () => {
  it.each(['1', '12', 'Mar 5', '2026-02-31', '2026-13-01', '2026-03-01T25:00:00Z', 'yesterday', '+275760-09-13'])('refuse %j', (value) => {
    expect(() => parseAsOf(value)).toThrow(UsageError);
    expect(() => parseSplitDate(value)).toThrow(UsageError);
  });

  it('read ISO dates and date-times, with or without a zone', () => {
    expect(parseAsOf('2026-03-01')).toBe(Date.UTC(2026, 2, 2) - 1);
    expect(parseAsOf('2026-03-01T12:00:00Z')).toBe(Date.UTC(2026, 2, 1, 12));
    expect(parseAsOf('2026-03-01T12:00:00+02:00')).toBe(Date.UTC(2026, 2, 1, 10));
    expect(parseAsOf('2024-02-29T00:00')).toBe(Date.UTC(2024, 1, 29));
    expect(parseSplitDate('2008-11-06')).toBe(Date.UTC(2008, 10, 6));
  });
});

describe('runs prune --before, a destructive command, reads dates as strictly', () => {
  it.each(['1', 'Mar 5', '2026-02-31'])('refuses %j and deletes nothing', async (value) => {
    const { runCli, tempDir } = await import('../helpers/cli.js');
    const { writeScoreFixture } = await import('../helpers/score-fixture.js');
    const db = writeScoreFixture(tempDir());
    const r = await runCli(['--db', db, 'runs', 'prune', '--before', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--before: ${JSON.stringify(value)} is not a date`);
  });
});
