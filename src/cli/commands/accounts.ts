/** `influence accounts [--search WORD] [--network N] [--limit N]`: find accounts (your own) in the database. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { helpExamples, parseNumberFlag } from '../options.js';
import { outputOf } from '../output.js';
import { listAccounts } from '../../store/list-accounts.js';
import { renderAccounts, renderAccountsCsv, type AccountsView } from '../../render/accounts-view.js';

/** Accounts listed unless --limit says otherwise. */
const DEFAULT_LIMIT = 50;

interface AccountsFlags {
  search?: string;
  network?: string;
  limit?: string;
}

/** Registers `influence accounts`. */
export function registerAccounts(program: Command, io: Io): void {
  program
    .command('accounts')
    .description('accounts in the database (most posts first): network, declared counts, posts, events and last activity; --search to find one')
    .option('--search <word>', 'only accounts whose handle or display name contains WORD (any case), or whose platform id is WORD')
    .option('--network <name>', 'only accounts of this network')
    .option('--limit <n>', `list at most N (default ${DEFAULT_LIMIT})`)
    .addHelpText('after', helpExamples(['influence accounts --search dealingwith', 'influence accounts --network mastodon --limit 200 --csv > mastodon.csv']))
    .action(async (opts: AccountsFlags, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<AccountsView>(ctx, 'accounts', { jsonLists: ['accounts'], csv: renderAccountsCsv, plain: (v, theme) => renderAccounts(v, theme, false), tty: (v, theme, columns) => renderAccounts(v, theme, true, columns) });
      const limit = parseNumberFlag(opts.limit, '--limit', { min: 1, max: Infinity, integer: true }) ?? DEFAULT_LIMIT;
      const { total, rows } = ctx.withStore((db) => listAccounts(db, { search: opts.search, network: opts.network, limit }));
      await output.write({
        schema: 1,
        search: opts.search ?? null,
        network: opts.network?.toLowerCase() ?? null,
        total,
        accounts: rows.map((r) => ({
          ref: `${r.network}:${r.handle ?? `id:${r.externalId ?? r.id}`}`,
          handle: r.handle,
          network: r.network,
          externalId: r.externalId,
          displayName: r.displayName,
          followers: r.followers,
          following: r.following,
          posts: r.posts,
          eventsSent: r.eventsSent,
          lastActivity: r.lastActivity === null ? null : new Date(r.lastActivity).toISOString(),
        })),
      });
    });
}
