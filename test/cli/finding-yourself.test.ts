/**
 * Issue 13, item 14: the import summary names each archive's owner (Twitter and Mastodon
 * as Bluesky does); `score` finds a Mastodon account by its local part and suggests
 * prefixes; `influence accounts` lists and searches accounts.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const FIX = path.join(ROOT, 'test', 'fixtures');
let db = '';
let imported = { code: -1, stdout: '', stderr: '' };
const cli = (...args: string[]) => runCli(['--db', db, ...args]);

beforeAll(async () => {
  db = path.join(tempDir(), 'own.db');
  imported = await cli('import', path.join(FIX, 'twitter', 'archive-2026'), path.join(FIX, 'mastodon', 'archive-2024'), '--json');
});

describe('finding yourself', () => {
  it('the import summary names the owner of a Twitter and of a Mastodon archive', async () => {
    expect(imported.code, imported.stderr).toBe(0);
    const doc = JSON.parse(imported.stdout) as { sources: { format: string; owners: { network: string; handle?: string; externalId?: string }[] }[] };
    expect(doc.sources.map((s) => [s.format, s.owners])).toEqual([
      ['twitter', [{ network: 'twitter', handle: 'lena_dev', externalId: '1600000000000000001' }]],
      ['mastodon', [{ network: 'mastodon', handle: 'alice@social.example' }]],
    ]);
    const again = await cli('import', path.join(FIX, 'mastodon', 'archive-2024'));
    expect(again.stdout).toContain('owner: mastodon:alice@social.example');
  });

  it('score finds a Mastodon account by its local part, and suggests handles starting with what was typed', async () => {
    const r = await cli('score', '@alice', '--json', '--no-save');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ handle: 'alice@social.example', network: 'mastodon' });
    const unknown = await cli('score', '@lena', '--no-save');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown handle @lena');
    expect(unknown.stderr).toContain('did you mean @lena_dev?');
  });

  it('influence accounts lists accounts, most posts first, and searches handles and names', async () => {
    const all = JSON.parse((await cli('accounts', '--json')).stdout) as { total: number; accounts: { ref: string; posts: number; lastActivity: string | null; displayName: string | null }[] };
    expect(all.total).toBe(all.accounts.length);
    expect(all.accounts.slice(0, 2).map((a) => a.ref)).toEqual(['twitter:lena_dev', 'mastodon:alice@social.example']);
    expect(all.accounts[0]!.posts).toBeGreaterThan(all.accounts[1]!.posts);
    expect(all.accounts[0]!.lastActivity).toMatch(/^\d{4}-\d\d-\d\dT/);
    const found = JSON.parse((await cli('accounts', '--search', 'LENA', '--json')).stdout) as typeof all;
    expect(found.accounts.map((a) => a.ref)).toEqual(['twitter:lena_dev']);
    const byName = JSON.parse((await cli('accounts', '--search', 'alice example', '--json')).stdout) as typeof all;
    expect(byName.accounts.map((a) => a.ref)).toEqual(['mastodon:alice@social.example']);
    const mastodon = JSON.parse((await cli('accounts', '--network', 'Mastodon', '--json')).stdout) as typeof all;
    expect(mastodon.accounts.every((a) => a.ref.startsWith('mastodon:'))).toBe(true);
    expect(mastodon.total).toBeGreaterThan(1);
    const limited = await cli('accounts', '--limit', '1');
    expect(limited.stdout.split('\n')[1]).toMatch(/^twitter:lena_dev\s+Lena/);
    expect(limited.stdout).toContain(`${all.total} accounts; ${all.total - 1} more not shown (--limit N)`);
    const csv = await cli('accounts', '--search', '%', '--csv');
    expect(csv.stdout).toBe('account,handle,network,external_id,display_name,followers,following,posts,events_sent,last_activity\r\n');
    expect((await cli('accounts', '--search', 'nobody-here')).stdout).toContain("no account matches 'nobody-here'");
  });
});
