/** `influence import PATH...`: read exports into the store, all or nothing. */
import { Command, Option } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { runImport, type ImportSummary } from '../../import/run-import.js';
import { openSource } from '../../import/open-source.js';
import { importTargetOf } from '../../store/import-target.js';
import { ADAPTERS } from '../../import/registry.js';
import { renderImportSummary } from '../../render/import-summary.js';
import { outputOf } from '../output.js';
import { makeProgress } from '../progress.js';

interface ImportFlags {
  format?: string;
  skipInvalid?: boolean;
  network: string;
  owner?: string;
}

export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description('import exports (Twitter/X or Mastodon archives, Bluesky repositories, generic CSV/JSON/NDJSON) into the database')
    .argument('<paths...>', 'files, folders, .zip or .tar.gz archives')
    .addOption(new Option('--format <name>', 'skip detection and read as this format').choices(ADAPTERS.map((a) => a.format)))
    .option('--skip-invalid', 'import the valid rows, count and report the invalid ones')
    .option('--network <name>', 'network for generic rows without a network column', 'generic')
    .option('--owner <handle>', 'owner of a standalone following list (e.g. alice@mastodon.social), or of a Bluesky repository (alice.bsky.social)')
    .action(async (paths: string[], _flags: ImportFlags, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const flags = cmd.opts<ImportFlags>();
      const output = outputOf<ImportSummary & { schema: 1 }>(ctx, 'import', { plain: renderImportSummary });
      const progress = makeProgress(io, ctx.quiet);
      const db = ctx.openStore();
      try {
        const summary = await runImport(
          importTargetOf(db),
          paths.map((p) => ctx.resolvePath(p)),
          {
            format: flags.format,
            skipInvalid: flags.skipInvalid === true,
            defaultNetwork: flags.network.toLowerCase(),
            owner: flags.owner,
            now: Date.now(),
            onProgress: progress.update,
            onLockWait: (message) => ctx.warn(message),
          },
          openSource,
        );
        progress.done();
        await output.write({ schema: 1, ...summary });
      } finally {
        progress.done();
        db.close();
      }
    });
}
