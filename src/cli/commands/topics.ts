/**
 * `influence topics`: topic expertise per account with its evidence, for one or more
 * handles or --all; or `--search WORD` to browse the ontology.
 */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { addOntologyOption, addOptionGroups, addWindowOptions, parseRequiredNumberFlag, type AnalysisFlags, helpExamples } from '../options.js';
import { loadAnalysis, taxonomyOf } from '../analysis.js';
import { outputOf } from '../output.js';
import { allAccounts, type Analysis } from '../../engine/analyze.js';
import { findAccounts, parseHandleArg } from '../../engine/handles.js';
import { searchTopics } from '../../engine/topics/search.js';
import { renderTopicSearchText, renderTopicsCsv, renderTopicsText, toTopicSearchView, toTopicsView, type TopicSearchView, type TopicsView } from '../../render/topics.js';

interface TopicsFlags extends AnalysisFlags {
  all?: boolean;
  search?: string;
  limit: string;
}

/** Search hits computed (text shows the first 5 x --limit of them). */
const MAX_SEARCH_HITS = 500;

interface TopicSearchReport {
  schema: 1;
  query: string;
  ontology: { source: string; attribution: string | null; license: string | null };
  results: TopicSearchView[];
}

export function registerTopics(program: Command, io: Io): void {
  addOptionGroups(
    program
      .command('topics')
      .description('topic expertise per account with its evidence, or browse the topic ontology')
      .argument('[handles...]', 'accounts to show (@handle or handle)')
      .option('--all', 'every account in the database')
      .option('--search <word>', 'browse the ontology: topics whose name or slug contains WORD')
      .option('--limit <n>', 'topics shown per account in text output', '10')
      .addHelpText('after', helpExamples(['influence topics @alice', 'influence topics --search music'])),
    addWindowOptions, addOntologyOption,
  ).action(async (handles: string[], opts: TopicsFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const modes = [handles.length > 0, opts.all === true, opts.search !== undefined].filter(Boolean).length;
    if (modes !== 1) {
      throw new UsageError('give one of: handles, --all, or --search WORD', 'e.g. influence topics @alice, influence topics --all --json, influence topics --search music');
    }
    const limit = parseRequiredNumberFlag(opts.limit, '--limit', { min: 1, max: Infinity, integer: true });

    if (opts.search !== undefined) {
      const query = opts.search;
      const output = outputOf<TopicSearchReport>(ctx, 'topics --search', { plain: (r, theme) => renderTopicSearchText(r.results.slice(0, limit * 5), theme, r.ontology.attribution) });
      const tax = taxonomyOf(ctx, opts.ontology);
      const results = toTopicSearchView(searchTopics(tax, query, MAX_SEARCH_HITS), tax);
      await output.write({ schema: 1, query, ontology: { source: tax.source, attribution: tax.attribution, license: tax.license }, results });
      return;
    }

    const output = outputOf<TopicsView & { schema: 1 }>(ctx, 'topics', {
      jsonLists: ['results'],
      csv: renderTopicsCsv,
      plain: (v, theme) => renderTopicsText(v, theme, { limit, skipEmpty: opts.all === true }),
    });
    const specs = handles.map((h) => ({ raw: h, spec: parseHandleArg(h) }));
    const analysis = await loadAnalysis(ctx, opts, { topics: true });
    const selected = opts.all ? allAccounts(analysis) : [...new Set(specs.flatMap((s) => accountsNamed(analysis, s.raw, s.spec)))];
    const { dataset } = analysis;
    const accounts = Array.from({ length: dataset.accounts.n }, (_, i) => ({ handle: dataset.accounts.handle[i]!, network: dataset.accounts.network[i]! }));
    const { expertise, taxonomy } = analysis.topics!;
    await output.write({ schema: 1, ...toTopicsView(expertise, accounts, dataset.accounts.externalId, selected, taxonomy) });
  });
}

/** Every account a handle names (on any network unless it names one); a UsageError when none. */
function accountsNamed(analysis: Analysis, raw: string, spec: ReturnType<typeof parseHandleArg>): number[] {
  const found = findAccounts(analysis.dataset.accounts, analysis.handles, spec);
  if (found.length === 0) throw new UsageError(`no account '${raw}' in the database`, 'check the handle; `influence db info` shows what has been imported');
  const network = analysis.dataset.accounts.network;
  return found.sort((a, b) => (network[a]! < network[b]! ? -1 : network[a]! > network[b]! ? 1 : a - b));
}
