/** `influence db info`: what the database holds. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { readDbInfo } from '../../store/read-info.js';
import { renderDbInfo } from '../../render/db-info.js';
import { toJson } from '../../render/json.js';

export function registerDb(program: Command, io: Io): void {
  const db = program.command('db').description('inspect the database');
  db.command('info')
    .description('counts, networks, date range and the import log')
    .action((_opts, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const store = ctx.openExistingStore();
      try {
        const info = readDbInfo(store, ctx.dbPath);
        ctx.out(ctx.mode === 'json' ? toJson({ schema: 1, ...info }) : renderDbInfo(info, ctx.theme));
      } finally {
        store.close();
      }
    });
}
