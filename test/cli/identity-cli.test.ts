/**
 * `influence identity link/unlink/list` and the identities table: round trips with the rows
 * asserted, an imported `identity` column feeding the same rows, and what happens when an
 * import and a hand link disagree (store/identities.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { databaseAtVersion, query } from '../helpers/db.js';
import { writeIdentityTables } from '../helpers/identity-fixture.js';
import { openDb } from '../../src/store/open.js';

interface Row {
  identity: string | null;
  network: string;
  handle: string;
  source: string;
}

/** The identities table, joined to the accounts it names, in a stable order. */
function identityRows(db: string): Row[] {
  return query<Row>(db, 'SELECT i.identity, a.network, a.handle, i.source FROM identities i JOIN accounts a ON a.id = i.account_id ORDER BY i.identity IS NULL, i.identity, a.network, a.handle');
}

async function importedDb(): Promise<{ db: string; dir: string; files: ReturnType<typeof writeIdentityTables> }> {
  const dir = tempDir();
  const files = writeIdentityTables(dir);
  const db = path.join(dir, 'id.db');
  const r = await runCli(['import', '--db', db, files.accounts, files.posts, files.interactions]);
  expect(r.code).toBe(0);
  return { db, dir, files };
}

const cli = (db: string, ...args: string[]) => runCli([...args, '--db', db]);

describe('identity link / unlink / list', () => {
  it('an imported identity column fills the identities table; link adds by hand; list shows both', async () => {
    const { db } = await importedDb();
    expect(identityRows(db)).toEqual([
      { identity: 'alice', network: 'mastodon', handle: 'alice@example.social', source: 'import' },
      { identity: 'alice', network: 'twitter', handle: 'alice', source: 'import' },
      { identity: 'carol', network: 'twitter', handle: 'carol', source: 'import' },
    ]);
    const link = await cli(db, 'identity', 'link', 'alice', 'bluesky:alice.bsky.social', 'twitter:alice', '--json');
    expect(link.code).toBe(0);
    expect(link.stderr).toContain('linked bluesky:alice.bsky.social to identity "alice"');
    expect(link.stderr).toContain('twitter:alice is already in identity "alice"');
    const doc = JSON.parse(link.stdout);
    expect(doc.changes).toEqual([
      { network: 'bluesky', handle: 'alice.bsky.social', change: 'added', from: null },
      { network: 'twitter', handle: 'alice', change: 'unchanged', from: null },
    ]);
    expect(doc.accounts.map((a: { network: string }) => a.network)).toEqual(['bluesky', 'mastodon', 'twitter']);
    // a hand link of an imported row makes it a hand decision
    expect(identityRows(db).filter((r) => r.identity === 'alice')).toEqual([
      { identity: 'alice', network: 'bluesky', handle: 'alice.bsky.social', source: 'hand' },
      { identity: 'alice', network: 'mastodon', handle: 'alice@example.social', source: 'import' },
      { identity: 'alice', network: 'twitter', handle: 'alice', source: 'hand' },
    ]);
    const list = await cli(db, 'identity', 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      schema: 1,
      identities: [
        {
          identity: 'alice',
          accounts: [
            { network: 'bluesky', handle: 'alice.bsky.social', source: 'hand' },
            { network: 'mastodon', handle: 'alice@example.social', source: 'import' },
            { network: 'twitter', handle: 'alice', source: 'hand' },
          ],
        },
        { identity: 'carol', accounts: [{ network: 'twitter', handle: 'carol', source: 'import' }] },
      ],
      unlinked: [],
    });
    const one = await cli(db, 'identity', 'list', 'carol', '--csv');
    expect(one.stdout).toBe('identity,network,handle,source\r\ncarol,twitter,carol,import\r\n');
    const plain = await cli(db, 'identity', 'list');
    expect(plain.stdout).toContain('alice (3 accounts)\n  bluesky:alice.bsky.social      linked by hand\n  mastodon:alice@example.social  from an import');
  });

  it('an account belongs to one identity: linking it elsewhere moves it, with a message', async () => {
    const { db } = await importedDb();
    expect((await cli(db, 'identity', 'link', 'robert', 'twitter:bob')).code).toBe(0);
    const move = await cli(db, 'identity', 'link', 'alice', 'twitter:bob', '--json');
    expect(move.code).toBe(0);
    expect(move.stderr).toContain('moved twitter:bob from identity "robert" to "alice"');
    expect(JSON.parse(move.stdout).changes).toEqual([{ network: 'twitter', handle: 'bob', change: 'moved', from: 'robert' }]);
    expect(identityRows(db).filter((r) => r.handle === 'bob')).toEqual([{ identity: 'alice', network: 'twitter', handle: 'bob', source: 'hand' }]);
    // robert has no accounts left, so it is no identity any more
    expect(JSON.parse((await cli(db, 'identity', 'list', '--json')).stdout).identities.map((i: { identity: string }) => i.identity)).toEqual(['alice', 'carol']);
    // moving an imported account too (carol's)
    const carol = await cli(db, 'identity', 'link', 'alice', 'carol');
    expect(carol.stderr).toContain('moved twitter:carol from identity "carol" to "alice"');
    expect(query(db, 'SELECT count(*) AS n FROM identities GROUP BY account_id HAVING n > 1')).toEqual([]);
  });

  it('unknown accounts are a usage error with suggestions, and nothing is linked (one transaction)', async () => {
    const { db } = await importedDb();
    const before = identityRows(db);
    const r = await cli(db, 'identity', 'link', 'alice', 'bluesky:alice.bsky.social', 'twitter:alcie');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown handle @alcie on twitter');
    expect(r.stderr).toContain('did you mean @alice');
    expect(identityRows(db)).toEqual(before);
    const ambiguous = await cli(db, 'identity', 'link', 'x', 'fan3');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/@fan3 is on several networks: .*bluesky:fan3/);
    const noName = await cli(db, 'identity', 'link', 'twitter:alice', 'mastodon:alice@example.social');
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('reads as an account, not an identity name');
    expect(identityRows(db)).toEqual(before);
  });

  it('unlink takes some accounts or the whole identity out; an unlinked account stands alone', async () => {
    const { db } = await importedDb();
    const some = await cli(db, 'identity', 'unlink', 'alice', 'twitter:alice', '--json');
    expect(some.code).toBe(0);
    expect(JSON.parse(some.stdout)).toEqual({
      schema: 1,
      identity: 'alice',
      changes: [{ network: 'twitter', handle: 'alice', change: 'unlinked', from: 'alice' }],
      accounts: [{ network: 'mastodon', handle: 'alice@example.social', source: 'import' }],
    });
    expect(identityRows(db)).toEqual([
      { identity: 'alice', network: 'mastodon', handle: 'alice@example.social', source: 'import' },
      { identity: 'carol', network: 'twitter', handle: 'carol', source: 'import' },
      { identity: null, network: 'twitter', handle: 'alice', source: 'hand' },
    ]);
    expect(JSON.parse((await cli(db, 'identity', 'list', '--json')).stdout).unlinked).toEqual([{ network: 'twitter', handle: 'alice' }]);
    const notIn = await cli(db, 'identity', 'unlink', 'alice', 'twitter:bob');
    expect(notIn.code).toBe(2);
    expect(notIn.stderr).toContain('twitter:bob is not in identity "alice" (it is in no identity)');
    const unknown = await cli(db, 'identity', 'unlink', 'alcie');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "alice"');
    const whole = await cli(db, 'identity', 'unlink', 'alice');
    expect(whole.code).toBe(0);
    expect(whole.stderr).toContain('identity "alice" has no accounts left');
    expect(identityRows(db).filter((r) => r.identity === 'alice')).toEqual([]);
    expect(identityRows(db).filter((r) => r.identity === null).map((r) => r.handle).sort()).toEqual(['alice', 'alice@example.social']);
    // link is the way back
    await cli(db, 'identity', 'link', 'alice', 'twitter:alice');
    expect(identityRows(db).filter((r) => r.identity === 'alice')).toEqual([{ identity: 'alice', network: 'twitter', handle: 'alice', source: 'hand' }]);
  });

  it('an import and a hand decision disagree: the hand decision stands; an import moves what an import put', async () => {
    const { db, dir, files } = await importedDb();
    await cli(db, 'identity', 'link', 'robert', 'twitter:bob');
    await cli(db, 'identity', 'unlink', 'alice', 'twitter:alice');
    const before = identityRows(db);
    // re-importing the same tables changes nothing (the unlink of twitter:alice stands)
    const again = await cli(db, 'import', files.accounts, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).added).toEqual({ accounts: 0, posts: 0, interactions: 0, follows: 0, identities: 0, merged: 0, identitiesKept: 1 });
    expect(identityRows(db)).toEqual(before);
    // another table says bob is "bobby" (kept: linked by hand) and mastodon alice is "alice-m" (moved: an import put it)
    const other = path.join(dir, 'more-accounts.csv');
    fs.writeFileSync(other, 'handle,network,identity\nbob,twitter,bobby\nalice@example.social,mastodon,alice-m\nalice.bsky.social,bluesky,alice-m\n');
    const more = await cli(db, 'import', other);
    expect(more.code).toBe(0);
    expect(more.stdout).toContain('moved 1 account to the identity this import declares');
    expect(more.stdout).toContain('kept 1 account as linked or unlinked by hand');
    expect(identityRows(db)).toEqual([
      { identity: 'alice-m', network: 'bluesky', handle: 'alice.bsky.social', source: 'import' },
      { identity: 'alice-m', network: 'mastodon', handle: 'alice@example.social', source: 'import' },
      { identity: 'carol', network: 'twitter', handle: 'carol', source: 'import' },
      { identity: 'robert', network: 'twitter', handle: 'bob', source: 'hand' },
      { identity: null, network: 'twitter', handle: 'alice', source: 'hand' },
    ]);
  });

  it('rank --identities: CSV rows with their status, filters as rank has them, per-account options refused', async () => {
    const { db } = await importedDb();
    const csv = await cli(db, 'rank', '--identities', '--limit', '2', '--csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,status,identity,handle,network,score,low,high,confidence,networks,flags');
    expect(lines[1]).toMatch(/^1,ranked,alice,,,[\d.]+,[\d.]+,[\d.]+,[\d.]+,twitter:alice [\d.]+; mastodon:alice@example.social [\d.]+,$/);
    expect(lines[2]).toMatch(/^2,ranked,,bob,twitter,/);
    expect(lines.filter((l) => l.startsWith(',no score,carol,'))).toHaveLength(1);
    const doc = JSON.parse((await cli(db, 'rank', '--identities', '--min-score', '30', '--json')).stdout);
    expect(doc.results.every((r: { score: number }) => r.score >= 30)).toBe(true);
    expect(doc.counts.filtered).toBeGreaterThan(0);
    const sorted = await cli(db, 'rank', '--identities', '--sort', 'reach');
    expect(sorted.code).toBe(2);
    expect(sorted.stderr).toContain('--identities ranks by score');
    expect((await cli(db, 'rank', '--identities', '--list', 'x.csv')).code).toBe(2);
  });

  it('migration 4: a version 3 database keeps one identity per account (the first name in byte order)', () => {
    const file = path.join(tempDir(), 'v3.db');
    const old = databaseAtVersion(file, 3);
    old.prepare("INSERT INTO accounts (id, network, handle, handle_key) VALUES (1, 'twitter', 'a', 'a'), (2, 'mastodon', 'a@x.y', 'a@x.y')").run();
    old.prepare("INSERT INTO identities (identity, account_id) VALUES ('zed', 1), ('amy', 1), ('amy', 2)").run();
    old.close();
    const db = openDb(file);
    expect(db.prepare('SELECT account_id, identity, source FROM identities ORDER BY account_id').all()).toEqual([
      { account_id: 1, identity: 'amy', source: 'import' },
      { account_id: 2, identity: 'amy', source: 'import' },
    ]);
    expect(() => db.prepare("INSERT INTO identities (account_id, identity, source) VALUES (1, 'zed', 'import')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO identities (account_id, identity, source) VALUES (2, NULL, 'import')").run()).toThrow(/CHECK/);
    db.close();
  });
});
