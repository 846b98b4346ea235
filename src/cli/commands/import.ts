/** `influence import PATH...`: read exports into the store, all or nothing. */
import { Command, Option } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { helpExamples } from '../options.js';
import { runImport, type ImportOptions, type ImportSummary } from '../../import/run-import.js';
import { openSource, openStdinCopy } from '../../import/open-source.js';
import { checkStdinUse, copyStdin, STDIN_PATH, type StdinCopy } from '../read-stdin.js';
import { importTargetOf } from '../../store/import-target.js';
import { NewDatabaseTaken, openNewDbTarget } from '../../store/new-db-target.js';
import type { Db } from '../../store/open.js';
import { ADAPTERS } from '../../import/registry.js';
import { renderImportSummary, renderNotImported } from '../../render/import-summary.js';
import { outputOf } from '../output.js';
import { UsageError } from '../../errors.js';
import { ValueError, parseHandle, parseNetwork } from '../../import/values.js';
import { makeProgress } from '../progress.js';

interface ImportFlags {
  format?: string;
  skipInvalid?: boolean;
  network: string;
  owner?: string;
  followersOf?: string;
}

export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description('import exports (Twitter/X or Mastodon archives, Bluesky repositories, Instagram, Threads, TikTok and LinkedIn downloads, Twitter API user objects, generic CSV/JSON/NDJSON) into the database')
    .argument('<paths...>', "files, folders, .zip or .tar.gz archives; '-' reads a table from standard input")
    .addHelpText('after', helpExamples(['influence import twitter-archive.zip', 'influence import linkedin-export.zip --owner janedoe', 'influence import accounts.csv posts.csv --network twitter --skip-invalid', 'influence import followers.jsonl --network twitter --followers-of @brand', 'gunzip -c posts.ndjson.gz | influence import - --network twitter']))
    .addOption(new Option('--format <name>', 'skip detection and read as this format').choices(ADAPTERS.map((a) => a.format)))
    .option('--skip-invalid', 'import the valid rows, count and report the invalid ones')
    .option('--network <name>', 'network for generic rows without a network column', 'generic')
    .option('--followers-of <handle>', 'every account in the accounts tables follows this handle: a list of follower profiles becomes its followers (for `audit`)')
    .option('--owner <handle>', 'whose export it is when the export does not say: a standalone following list (alice@mastodon.social), a Bluesky repository (alice.bsky.social), a LinkedIn, Instagram or Threads download')
    .action(async (paths: string[], _flags: ImportFlags, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const flags = cmd.opts<ImportFlags>();
      const output = outputOf<ImportSummary & { schema: 1 }>(ctx, 'import', { plain: renderImportSummary });
      const progress = makeProgress(io, ctx.quiet);
      const options: ImportOptions = {
        format: flags.format,
        skipInvalid: flags.skipInvalid === true,
        defaultNetwork: networkFlag(flags.network),
        owner: flags.owner,
        followersOf: flags.followersOf === undefined ? undefined : parseFollowersOf(flags.followersOf),
        now: Date.now(),
        onProgress: progress.update,
        onLockWait: (message) => ctx.warn(message),
      };
      // '-' (standard input) is copied to a temporary file first, and read as that file
      const stdin: StdinCopy | undefined = checkStdinUse(paths, io) ? await copyStdin(io) : undefined;
      const sources = paths.map((p) => (p === STDIN_PATH ? stdin!.file : ctx.resolvePath(p)));
      const open = (p: string) => (p === stdin?.file ? openStdinCopy(p, flags.format) : openSource(p));
      let fresh: ReturnType<typeof openNewDbTarget> | undefined;
      let db: Db | undefined;
      try {
        // a new database is built aside and linked into place (store/new-db-target.ts)
        fresh = openNewDbTarget(ctx.dbPath);
        let summary: ImportSummary;
        try {
          summary = await runImport(fresh ?? importTargetOf((db = ctx.openStore())), sources, options, open);
        } catch (err) {
          if (!(err instanceof NewDatabaseTaken)) throw err;
          // another command created the database meanwhile: import into it as into any other
          ctx.warn(`${ctx.dbPath} was created by another command during this import; importing into it`);
          summary = await runImport(importTargetOf((db = ctx.openStore())), sources, options, open);
        }
        progress.done();
        await output.write({ schema: 1, ...summary });
        // what was left out is a message (stderr, quiet with -q), one line per source; --json lists each file
        for (const src of summary.sources) {
          const line = renderNotImported(src);
          if (line) ctx.info(line);
        }
      } finally {
        progress.done();
        fresh?.close();
        db?.close();
        stdin?.remove();
      }
    });
}

/** The --followers-of handle, without its '@'. */
function parseFollowersOf(raw: string): string {
  let handle: string | undefined;
  try {
    handle = parseHandle(raw);
  } catch {
    // the reason is the flag's, not a file's
  }
  if (!handle) throw new UsageError(`--followers-of '${raw.slice(0, 60)}' is not a handle`, 'pass the followed account, e.g. --followers-of @brand');
  return handle;
}

/** --network, checked as a `network` cell is (import/values.ts parseNetwork): a name no command could address is refused before any work. */
function networkFlag(value: string): string {
  try {
    return parseNetwork(value) ?? 'generic';
  } catch (err) {
    if (err instanceof ValueError) throw new UsageError(`--network: ${JSON.stringify(value)} is not a network name`, `${err.expected}; ${err.fix}`);
    throw err;
  }
}
