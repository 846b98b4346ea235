/**
 * `influence topics`: topic expertise per account with its evidence, for one or more
 * handles or --all; or `--search WORD` to browse the ontology.
 */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { searchTopics } from '../../engine/topics/search.js';
import { findAccountsByHandle } from '../../store/read-topic-input.js';
import { readLatestActivity } from '../../store/read-dataset.js';
import { parseAsOf } from '../scoring-options.js';
import { computeStoredExpertise, loadOntology } from '../topic-session.js';
import { renderTopicSearchText, renderTopicsCsv, renderTopicsText, toTopicSearchView, toTopicsView } from '../../render/topics.js';
import { toJson } from '../../render/json.js';
import { cleanText } from '../../render/sanitize.js';

interface TopicsOptions {
  all?: boolean;
  search?: string;
  ontology?: string;
  asOf?: string;
  window: string;
  limit: string;
}


function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} '${cleanText(value)}' is not a positive whole number`, `for example ${flag} 90`);
  return n;
}

export function registerTopics(program: Command, io: Io): void {
  program
    .command('topics')
    .description('topic expertise per account with its evidence, or browse the topic ontology')
    .argument('[handles...]', 'accounts to show (@handle or handle)')
    .option('--all', 'every account in the database')
    .option('--search <word>', 'browse the ontology: topics whose name or slug contains WORD')
    .option('--ontology <dir>', 'your own ontology: a directory with Klout-format CSVs')
    .option('--as-of <date>', 'compute as of this date (default: the latest activity in the database)')
    .option('--window <days>', 'window in days', '90')
    .option('--limit <n>', 'topics shown per account in text output', '10')
    .action((handles: string[], opts: TopicsOptions, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const modes = [handles.length > 0, opts.all === true, opts.search !== undefined].filter(Boolean).length;
      if (modes !== 1) {
        throw new UsageError('give one of: handles, --all, or --search WORD', 'e.g. influence topics @alice, influence topics --all --json, influence topics --search music');
      }
      const windowDays = positiveInt(opts.window, '--window');
      const limit = positiveInt(opts.limit, '--limit');
      const asOfFlag = opts.asOf !== undefined ? parseAsOf(opts.asOf) : undefined;
      const tax = loadOntology(ctx, opts.ontology);

      if (opts.search !== undefined) {
        const hits = toTopicSearchView(searchTopics(tax, opts.search, ctx.mode === 'json' ? 500 : limit * 5), tax);
        ctx.out(ctx.mode === 'json' ? toJson({ schema: 1, query: opts.search, ontology: { source: tax.source, attribution: tax.attribution, license: tax.license }, results: hits }) : renderTopicSearchText(hits, ctx.theme, tax.attribution));
        return;
      }

      const db = ctx.openExistingStore();
      try {
        const wanted = handles.map((h) => {
          const ids = findAccountsByHandle(db, h);
          if (ids.length === 0) throw new UsageError(`no account '${cleanText(h)}' in the database`, 'check the handle; `influence db info` shows what has been imported');
          return ids;
        });
        const asOf = asOfFlag ?? readLatestActivity(db);
        if (asOf === null) throw new UsageError('the database has no posts or interactions yet', 'import some activity first: influence import FILE');
        const window = { asOf, windowDays };
        const { input, expertise, indexOfDbId: indexOf } = computeStoredExpertise(db, tax, window);
        const selected = opts.all ? input.accounts.map((_, i) => i) : [...new Set(wanted.flat())].map((id) => indexOf.get(id)!);
        const view = toTopicsView(expertise, input.accounts, input.externalIds, selected, tax);
        if (ctx.mode === 'json') ctx.out(toJson({ schema: 1, ...view }));
        else if (ctx.mode === 'csv') ctx.out(renderTopicsCsv(view));
        else ctx.out(renderTopicsText(view, ctx.theme, { limit, skipEmpty: opts.all === true }));
      } finally {
        db.close();
      }
    });
}
