/** `influence db info`: what the database holds. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { outputOf } from '../output.js';
import { helpExamples } from '../options.js';
import { readDbInfo } from '../../store/read-info.js';
import { renderDbInfo, type DbInfoView } from '../../render/db-info.js';

export function registerDb(program: Command, io: Io): void {
  const db = program
    .command('db')
    .description('inspect the database')
    .addHelpText('after', helpExamples(['influence db info', 'influence db info --db archive.db --json']));
  db.command('info')
    .description('counts, networks, date range and the import log')
    .addHelpText('after', helpExamples(['influence db info', 'influence db info --db archive.db --json']))
    .action(async (_opts, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<DbInfoView & { schema: 1 }>(ctx, 'db info', { plain: renderDbInfo });
      await output.write({ schema: 1, ...ctx.withStore((store) => readDbInfo(store, ctx.dbPath)) });
    });
}
