/** The accounts table cuts a long display name (JSON and CSV keep it whole): a 1,000,000-character name made one row that long. */
import { describe, expect, it } from 'vitest';
import { renderAccounts, renderAccountsCsv, type AccountsView } from '../../src/render/accounts-view.js';
import { makeTheme } from '../../src/render/output-mode.js';

const view = (displayName: string): AccountsView => ({
  schema: 1,
  search: null,
  network: null,
  total: 1,
  accounts: [{ ref: 'generic:x', handle: 'x', network: 'generic', externalId: null, displayName, followers: 5, following: null, posts: 0, eventsSent: 0, lastActivity: null }],
});

describe('accounts table', () => {
  it('shows at most 60 characters of a name, with an ellipsis; short names whole', () => {
    const long = renderAccounts(view('N'.repeat(1_000_000)), makeTheme(false), false);
    expect(Math.max(...long.split('\n').map((l) => l.length))).toBeLessThan(200);
    expect(long).toContain(`${'N'.repeat(59)}…`);
    expect(renderAccounts(view('Ana Lima'), makeTheme(false), false)).toContain('Ana Lima');
  });

  it('CSV keeps the whole name', () => {
    expect(renderAccountsCsv(view('N'.repeat(5000)))).toContain('N'.repeat(5000));
  });
});
