/**
 * The held-back check's product route, over the shared labelled accounts: convert the
 * files into a generic accounts CSV (with the profile columns) and a follows CSV to one
 * account, import, `audit --json`, compare each follower's class with its label.
 *
 * These are the files the shipped model was fitted on, so this is not a measure of
 * generalisation (models/audience-v1.md has the cross-validated and leave-one-source-out
 * numbers): it checks that the route (CSV columns -> store -> Dataset -> features) gives
 * the model what the fit saw, and that the verdicts meet the bars on this data.
 * The files as they are (Twitter API v1.1 user objects flattened to CSV) import directly
 * too, and must give the same verdicts. Skipped when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditView } from '../../src/render/audit-view.js';
import { runCli, SHARED, tempDir } from '../helpers/cli.js';
import { readLabelledAccounts, type LabelledAccount } from '../../scripts/lib/audience/labelled-accounts.js';
import { writeGenericAudience } from '../../tools/audience/generic-csv.js';

const DATA = path.join(SHARED, 'data', 'labelled-accounts');
const present = fs.existsSync(path.join(DATA, 'genuine.csv'));

interface Rates {
  humansFlagged: number;
  fakesCaught: number;
  botsCaught: number;
  caught: number;
  unknown: number;
  bySource: Record<string, number>;
}

function rates(accounts: LabelledAccount[], view: AuditView): Rates {
  const cls = new Map(view.accounts.map((a) => [a.handle.toLowerCase(), a.class]));
  const share = (list: LabelledAccount[], pred: (c: string) => boolean) => list.filter((a) => pred(cls.get(a.handle.toLowerCase()) ?? 'missing')).length / Math.max(1, list.length);
  const flagged = (c: string) => c === 'fake' || c === 'bot' || c === 'suspicious';
  const humans = accounts.filter((a) => a.label === 0);
  const others = accounts.filter((a) => a.label !== 0);
  const bySource: Record<string, number> = {};
  for (const s of new Set(accounts.map((a) => a.source))) bySource[s] = share(accounts.filter((a) => a.source === s), flagged);
  return {
    humansFlagged: share(humans, flagged),
    fakesCaught: share(accounts.filter((a) => a.label === 1), flagged),
    botsCaught: share(accounts.filter((a) => a.label === 2), flagged),
    caught: share(others, flagged),
    unknown: share(accounts, (c) => c === 'unknown'),
    bySource,
  };
}

describe.skipIf(!present)('held-back route on the labelled accounts (generic CSVs -> import -> audit --json)', () => {
  let accounts: LabelledAccount[] = [];
  let db = '';
  beforeAll(async () => {
    accounts = readLabelledAccounts(DATA).accounts;
    const dir = tempDir();
    const files = writeGenericAudience(accounts, dir, 'audited_account');
    db = path.join(dir, 'route.db');
    const r = await runCli(['import', '--db', db, '--network', 'twitter', files.accounts, files.follows]);
    expect(r.code).toBe(0);
  });

  it('with the as-of of the profiles: >= 97% of fake followers at <= 3% of people flagged, >= 90% of spambots, >= 95% of all non-genuine, < 2% unknown', async () => {
    const r = await runCli(['audit', '--db', db, '@audited_account', '--as-of', '2017-04-15', '--json']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as AuditView;
    expect(view.followers).toBe(accounts.length);
    const got = rates(accounts, view);
    expect(got.humansFlagged).toBeLessThanOrEqual(0.03);
    expect(got.fakesCaught).toBeGreaterThanOrEqual(0.97);
    expect(got.botsCaught).toBeGreaterThanOrEqual(0.9);
    expect(got.unknown).toBeLessThan(0.02);
    // the held-back bar, on the files the model was fitted on: model 1.4.0 catches 95.4% of all
    // non-genuine at 2.8% of people (1.3.0 and 1.2.0: 95.1%, 1.1.0: 94.5% at 2.6%); a refit below the bar fails here
    expect(got.caught).toBeGreaterThanOrEqual(0.95);
    // an account flagged by an envelope edge says which edge, and how far labelled people go
    const edge = view.accounts.find((a) => a.class === 'suspicious' && a.reasons.some((r) => / than \d+\.\d% of people$/.test(r)));
    expect(edge).toBeDefined();
  });

  it('without an as-of: ages from the latest account creation (2016-03-15, 13 months before the profiles were read), a lower bound; the held-back bar met on these files', async () => {
    const r = await runCli(['audit', '--db', db, '@audited_account', '--json']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as AuditView;
    expect([view.asOf, view.agesFrom]).toEqual(['2016-03-15T13:39:32.000Z', 'latest-creation']);
    const got = rates(accounts, view);
    // model 1.4.0: 2.8% of people flagged and 95.3% of the rest caught (1.3.0: 3.0% and 95.4%; with
    // ages unknown: 2.7% and 94.3%; from the true date: 2.8% and 95.4%); the
    // held-back bar is <= 5% of people, >= 95% caught, < 2% unknown
    expect(got.humansFlagged).toBeLessThanOrEqual(0.035);
    expect(got.caught).toBeGreaterThanOrEqual(0.95);
    expect(got.unknown).toBeLessThan(0.02);
  });

  it('with no creation dates at all (ages unknown, the no-age sub-models): <= 3% of people flagged, >= 94% of the rest caught', async () => {
    // the same accounts with every created_at cell empty (missing)
    const dir = tempDir();
    const files = writeGenericAudience(accounts.map((a) => ({ ...a, createdAt: NaN })), dir, 'audited_account');
    const undated = path.join(dir, 'undated.db');
    expect((await runCli(['import', '--db', undated, '--network', 'twitter', files.accounts, files.follows])).code).toBe(0);
    const r = await runCli(['audit', '--db', undated, '@audited_account', '--json']);
    const view = JSON.parse(r.stdout) as AuditView;
    expect(view.asOf).toBeNull();
    const got = rates(accounts, view);
    // 2.7% and 94.3% with model 1.4.0 (1.3.0: 2.8% and 94.1%, 1.2.0: 94.0%, 1.1.0: 92.3%): no age-free column carries
    // what age tells of bought followers (models/audience-variants.md)
    expect(got.humansFlagged).toBeLessThanOrEqual(0.03);
    expect(got.caught).toBeGreaterThanOrEqual(0.94);
    expect(got.unknown).toBeLessThan(0.02);
  });

  it('the files as they are (Twitter API v1.1 user objects flattened to CSV) import directly and give every account the class the generic route gives; a row the import skips is named and its account left unknown', async () => {
    const directDb = path.join(path.dirname(db), 'direct.db');
    const raw = fs.readdirSync(DATA).filter((f) => f.endsWith('.csv')).map((f) => path.join(DATA, f));
    const imported = await runCli(['import', '--db', directDb, '--network', 'twitter', '--skip-invalid', '--json', ...raw, path.join(path.dirname(db), 'follows.csv')]);
    expect(imported.code).toBe(0);
    // one row of fake_followers.csv has a field more than its header: skipped and reported, not guessed
    const { skippedRows, firstProblems } = JSON.parse(imported.stdout) as { skippedRows: number; firstProblems: { file: string; line: number }[] };
    expect(skippedRows).toBe(1);
    expect(firstProblems[0]).toMatchObject({ file: path.join(DATA, 'fake_followers.csv'), line: 1791 });
    const classes = async (db: string) => {
      const r = await runCli(['audit', '--db', db, '@audited_account', '--as-of', '2017-04-15', '--json']);
      expect(r.code).toBe(0);
      return new Map((JSON.parse(r.stdout) as AuditView).accounts.map((a) => [a.handle.toLowerCase(), a.class]));
    };
    const [route, direct] = [await classes(db), await classes(directDb)];
    expect(direct.size).toBe(route.size);
    const differ = [...route].filter(([h, c]) => direct.get(h) !== c);
    expect(differ.map(([h]) => direct.get(h))).toEqual(['unknown']);
  });
});
