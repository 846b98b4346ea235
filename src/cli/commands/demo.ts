/**
 * `influence demo`: the main job on bundled sample data, so a fresh clone shows what the
 * tool does in one command: import the sample, then summarise it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { SAMPLE_DIR } from '../package-paths.js';
import { runImport } from '../../import/run-import.js';
import { openSource } from '../../import/open-source.js';
import { readDbInfo } from '../../store/read-info.js';
import { renderDbInfo } from '../../render/db-info.js';
import { renderImportSummary } from '../../render/import-summary.js';
import { toJson } from '../../render/json.js';
import { UsageError } from '../errors.js';

/** The demo's own database unless --db or INFLUENCE_DB says otherwise: never the user's real one. */
const DEMO_DB = 'influence-demo.db';

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(`import the bundled sample data into ${DEMO_DB} and show what influence makes of it`)
    .action(async (_opts, cmd: Command) => {
      const ctx = makeContext(io, cmd, { defaultDb: DEMO_DB });
      const files = fs.existsSync(SAMPLE_DIR)
        ? fs.readdirSync(SAMPLE_DIR).filter((f) => /\.(csv|json|ndjson)$/.test(f) && f !== 'truth.json').sort()
        : [];
      if (files.length === 0) throw new UsageError(`no sample data in ${SAMPLE_DIR}`, 'reinstall the package: fixtures/sample/ ships with it');
      const db = ctx.openStore();
      try {
        const summary = await runImport(
          db,
          files.map((f) => path.join(SAMPLE_DIR, f)),
          { skipInvalid: false, defaultNetwork: 'generic', now: Date.now() },
          openSource,
        );
        const info = readDbInfo(db, ctx.dbPath);
        if (ctx.mode === 'json') {
          ctx.out(toJson({ schema: 1, import: summary, info }));
          return;
        }
        ctx.out(ctx.theme.chalk.bold('1. Import the sample (synthetic accounts, posts and interactions)'));
        ctx.out(renderImportSummary(summary, ctx.theme));
        ctx.out('');
        ctx.out(ctx.theme.chalk.bold('2. What the database holds'));
        ctx.out(renderDbInfo(info, ctx.theme));
        ctx.out('');
        const rel = path.relative(io.cwd, ctx.dbPath);
        ctx.out(`Next: influence db info --db ${rel && !rel.startsWith('..') ? rel : ctx.dbPath}`);
      } finally {
        db.close();
      }
    });
}
