/**
 * `influence identity link NAME ACCOUNT... | unlink NAME [ACCOUNT...] | list [NAME]`: which
 * accounts are one person across networks (the store's identities table, store/identities.ts,
 * which imported accounts tables with an `identity` column feed too). Accounts are named as
 * everywhere else (engine/handles.ts): twitter:alice, mastodon:alice@example.social,
 * bluesky:alice.bsky.social.
 */
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { outputOf } from '../output.js';
import { UsageError } from '../../errors.js';
import { indexHandles, resolveHandle } from '../../engine/handles.js';
import { checkIdentityName, resolveIdentityName } from '../../engine/identity.js';
import type { AccountColumns } from '../../engine/dataset.js';
import type { Db } from '../../store/open.js';
import { readAccounts, type AccountsRead } from '../../store/read-dataset.js';
import { linkAccounts, readIdentityRows, unlinkAccounts, type IdentityRow } from '../../store/identities.js';
import { cleanText } from '../../render/sanitize.js';
import {
  accountName,
  renderIdentityCsv,
  renderIdentityList,
  type IdentityAccountView,
  type IdentityChangeReport,
  type IdentityListReport,
} from '../../render/identity-view.js';

/** `--help` examples, in the format every command's help ends with. */
const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}`;

/** Registers `influence identity` and its subcommands. */
export function registerIdentity(program: Command, io: Io): void {
  const identity = program
    .command('identity')
    .description('one person across networks: link accounts into an identity, unlink them, list identities')
    .addHelpText('after', examples('influence identity link alice twitter:alice mastodon:alice@example.social', 'influence identity list --json', 'influence score --identity alice'));
  identity
    .command('link')
    .addHelpText('after', examples('influence identity link alice twitter:alice mastodon:alice@example.social', 'influence identity link alice bluesky:alice.bsky.social --json'))
    .description('put accounts in identity NAME (an account in another identity moves here)')
    .argument('<name>', 'the identity\'s name, e.g. alice')
    .argument('<accounts...>', 'accounts: twitter:alice mastodon:alice@example.social bluesky:alice.bsky.social')
    .action(async (name: string, accounts: string[], _opts: unknown, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<IdentityChangeReport>(ctx, 'identity link', { plain: () => null });
      const report = ctx.withStore((db) => link(ctx, db, name, accounts));
      await output.write(report);
    });
  identity
    .command('unlink')
    .addHelpText('after', examples('influence identity unlink alice bluesky:alice.bsky.social', 'influence identity unlink alice'))
    .description('take accounts out of identity NAME (all of them when none is named); imports do not link them again')
    .argument('<name>', 'the identity\'s name')
    .argument('[accounts...]', 'accounts to take out (default: every account, so the identity is gone)')
    .action(async (name: string, accounts: string[], _opts: unknown, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<IdentityChangeReport>(ctx, 'identity unlink', { plain: () => null });
      const report = ctx.withStore((db) => unlink(ctx, db, name, accounts));
      await output.write(report);
    });
  identity
    .command('list')
    .addHelpText('after', examples('influence identity list', 'influence identity list alice --csv'))
    .description('identities and their accounts (one identity when NAME is given)')
    .argument('[name]', 'the identity to show')
    .action(async (name: string | undefined, _opts: unknown, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<IdentityListReport>(ctx, 'identity list', { plain: renderIdentityList, csv: renderIdentityCsv });
      const report = ctx.withStore((db) => listIdentities(db, name));
      await output.write(report);
    });
}

/** How an account is shown: its handle, else its platform id. */
function handleOf(accounts: AccountColumns, i: number): string {
  return accounts.handle[i] || `id:${accounts.externalId[i] ?? accounts.dbId[i]}`;
}

/** The accounts the arguments name, each once, in argument order (a UsageError with suggestions for an unknown one). */
function resolveAll(read: AccountsRead, args: readonly string[]): number[] {
  const index = indexHandles(read.accounts);
  return [...new Set(args.map((a) => resolveHandle(read.accounts, index, a)))];
}

/** The identity's accounts as the views list them (network, then handle). */
function membersView(rows: readonly IdentityRow[], read: AccountsRead, name: string): IdentityAccountView[] {
  return rows
    .filter((r) => r.identity === name)
    .map((r) => {
      const i = read.indexOf(r.accountId);
      return { network: read.accounts.network[i]!, handle: handleOf(read.accounts, i), source: r.source };
    })
    .sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
}

function link(ctx: CommandContext, db: Db, rawName: string, args: readonly string[]): IdentityChangeReport {
  const read = readAccounts(db, { bios: false, profile: false });
  const name = checkIdentityName(rawName, new Set(read.accounts.network));
  const indices = resolveAll(read, args);
  const changes = linkAccounts(db, name, indices.map((i) => read.accounts.dbId[i]!));
  const view: IdentityChangeReport['changes'] = changes.map((c, k) => ({ network: read.accounts.network[indices[k]!]!, handle: handleOf(read.accounts, indices[k]!), change: c.change, from: c.from }));
  for (const c of view) {
    const who = cleanText(accountName(c));
    if (c.change === 'moved') ctx.warn(`moved ${who} from identity ${cleanText(JSON.stringify(c.from))} to ${cleanText(JSON.stringify(name))} (an account belongs to one identity)`);
    else if (c.change === 'added') ctx.info(`linked ${who} to identity ${cleanText(JSON.stringify(name))}`);
    else ctx.info(`${who} is already in identity ${cleanText(JSON.stringify(name))}`);
  }
  return { schema: 1, identity: name, changes: view, accounts: membersView(readIdentityRows(db), read, name) };
}

function unlink(ctx: CommandContext, db: Db, rawName: string, args: readonly string[]): IdentityChangeReport {
  const read = readAccounts(db, { bios: false, profile: false });
  const rows = readIdentityRows(db);
  const name = resolveIdentityName(namesOf(rows), rawName);
  let wanted: number[] | null = null;
  if (args.length > 0) {
    const indices = resolveAll(read, args);
    const where = new Map(rows.map((r) => [r.accountId, r.identity]));
    for (const i of indices) {
      const id = read.accounts.dbId[i]!;
      if (where.get(id) !== name) {
        const other = where.get(id);
        throw new UsageError(
          `${accountName({ network: read.accounts.network[i]!, handle: handleOf(read.accounts, i) })} is not in identity ${JSON.stringify(name)} (${other ? `it is in ${JSON.stringify(other)}` : 'it is in no identity'})`,
          `see its accounts: influence identity list ${JSON.stringify(name)}`,
        );
      }
    }
    wanted = indices.map((i) => read.accounts.dbId[i]!);
  }
  const removed = unlinkAccounts(db, name, wanted);
  const changes: IdentityChangeReport['changes'] = removed.map((id) => {
    const i = read.indexOf(id);
    return { network: read.accounts.network[i]!, handle: handleOf(read.accounts, i), change: 'unlinked', from: name };
  });
  for (const c of changes) ctx.info(`unlinked ${cleanText(accountName(c))} from identity ${cleanText(JSON.stringify(name))}`);
  const accounts = membersView(readIdentityRows(db), read, name);
  if (accounts.length === 0) ctx.info(`identity ${cleanText(JSON.stringify(name))} has no accounts left`);
  return { schema: 1, identity: name, changes, accounts };
}

/** Identity names in byte order, each once. */
function namesOf(rows: readonly IdentityRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.identity === null ? [] : [r.identity])))];
}

function listIdentities(db: Db, rawName: string | undefined): IdentityListReport {
  const rows = readIdentityRows(db);
  const names = namesOf(rows);
  const wanted = rawName === undefined ? names : [resolveIdentityName(names, rawName)];
  const read = readAccounts(db, { bios: false, profile: false });
  const unlinked = rawName !== undefined ? [] : rows
    .filter((r) => r.identity === null)
    .map((r) => {
      const i = read.indexOf(r.accountId);
      return { network: read.accounts.network[i]!, handle: handleOf(read.accounts, i) };
    });
  return { schema: 1, identities: wanted.map((identity) => ({ identity, accounts: membersView(rows, read, identity) })), unlinked };
}
