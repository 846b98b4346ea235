/** `influence rank`: rank the database, or a follower list, by score, a sub-score, or influence on a topic. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { makeContext } from '../context.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import { addMinConfidenceOption, addOntologyOption, addOptionGroups, addScoringOptions, type AnalysisFlags, parseMinConfidence, parseNumberFlag, helpExamples } from '../options.js';
import { loadAnalysis, taxonomyOf } from '../analysis.js';
import { outputOf } from '../output.js';
import { rankAccounts } from '../../engine/campaign/rank-accounts.js';
import { RANK_SORTS, type RankSort } from '../../engine/ranking.js';
import { resolveTopicArg } from '../../engine/topics/search.js';
import { readFollowerList } from '../../inputs/follower-list.js';
import { reportHeader } from '../../render/report-header.js';
import { renderRankCsv, renderRankText, toRankReport, type RankReport } from '../../render/rank-view.js';
import { addIdentitiesRankOption, rankPeople } from '../identity-score.js';

interface RankFlags extends AnalysisFlags {
  list?: string;
  topic?: string;
  minScore?: string;
  limit?: string;
  sort?: RankSort;
  excludeFlagged?: boolean;
  minQuality?: string;
  minConfidence?: string;
  identities?: boolean;
}

export function registerRank(program: Command, io: Io): void {
  addIdentitiesRankOption(addOptionGroups(
    program
      .command('rank')
      .description('rank accounts (all, or a follower list) by score, a sub-score, or influence on a topic')
      .option('--list <file>', 'a follower list: CSV with a handle column (other columns kept), or one handle per line')
      .option('--topic <slug>', 'rank by influence on this topic (sub-topics included): sqrt(topic score x score)')
      .option('--min-score <n>', 'only accounts scoring at least N')
      .option('--limit <n>', 'show the first N')
      .addOption(new Option('--sort <key>', 'sort by').choices(RANK_SORTS as string[]))
      .option('--exclude-flagged', 'leave out accounts with authenticity flags, and accounts whose profile is classified fake or bot')
      .option('--min-quality <n>', 'only accounts whose audience quality (0-100: real share of their classified followers) is at least N; accounts without classified followers are listed apart')
      .addHelpText('after', helpExamples(['influence rank --limit 20', 'influence rank --list fans.csv --topic music --min-score 50 --csv > top.csv', 'influence rank --list creators.csv --min-quality 70 --exclude-flagged'])),
    addScoringOptions, addOntologyOption, addMinConfidenceOption,
  )).action(async (opts: RankFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const output = outputOf<RankReport>(ctx, 'rank', { jsonLists: ['results', 'abstained', 'unknown', 'duplicates'], csv: renderRankCsv, plain: (r, theme) => renderRankText(r, theme, false), tty: (r, theme, columns) => renderRankText(r, theme, true, columns) });
    const minScore = parseNumberFlag(opts.minScore, '--min-score', { min: 0, max: 100 });
    const limit = parseNumberFlag(opts.limit, '--limit', { min: 1, max: Infinity, integer: true });
    const minConfidence = parseMinConfidence(opts.minConfidence);
    const minQuality = parseNumberFlag(opts.minQuality, '--min-quality', { min: 0, max: 100 });
    if (opts.identities && minQuality !== undefined) throw new UsageError('--min-quality ranks accounts, not identities', 'drop --identities, or --min-quality');
    if (opts.identities) return rankPeople(ctx, opts, { minScore, limit, minConfidence });
    const list = opts.list !== undefined ? readFollowerList(ctx.resolvePath(opts.list)) : null;
    const taxonomy = taxonomyOf(ctx, opts.ontology);
    const topic = opts.topic !== undefined ? resolveTopicArg(taxonomy, opts.topic) : null;
    const analysis = await loadAnalysis(ctx, opts, { topics: taxonomy });
    const ranking = rankAccounts(analysis, { list, topic, minScore, limit, sort: opts.sort, excludeFlagged: opts.excludeFlagged, minConfidence, minQuality });
    await output.write(toRankReport(reportHeader(analysis.window, analysis.model.version), ranking));
  });
}
