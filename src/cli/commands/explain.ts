/** `influence explain @handle`: every contribution, proven to add up to the score shown. */
import type { Command } from 'commander';
import { followerDiscountOf } from '../../engine/audience/follower-discount.js';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { addScoringOptions, type AnalysisFlags, helpExamples } from '../options.js';
import { loadAnalysis } from '../analysis.js';
import { outputOf } from '../output.js';
import { resolveAccount, resultOf, topEngagersOf } from '../../engine/analyze.js';
import { reportHeader } from '../../render/report-header.js';
import { toScoreResultView } from '../../render/score-view.js';
import { renderExplain, sumTenths, type ExplainReport } from '../../render/explain-text.js';
import { addIdentityExplainOption, explainIdentity } from '../identity-score.js';
import { UsageError } from '../../errors.js';

/** How many of the account's most valuable engagers explain lists. */
const TOP_ENGAGERS = 5;

/** Registers `influence explain`. */
export function registerExplain(program: Command, io: Io): void {
  addIdentityExplainOption(addScoringOptions(
    program
      .command('explain')
      .description('every contribution to an account\'s score, and the proof that they add up')
      .argument('[handle]', 'a handle: @alice, alice, mastodon:alice@host')
      .addHelpText('after', helpExamples(['influence explain @alice', 'influence explain mastodon:bob@mastodon.social --as-of 2026-03-01 --json'])),
  )).action(async (handle: string | undefined, opts: AnalysisFlags & { identity?: string }, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    if (opts.identity !== undefined) return explainIdentity(ctx, opts, opts.identity, handle);
    if (handle === undefined) throw new UsageError('no handle given', 'name an account (influence explain @alice) or an identity (--identity NAME)');
    const output = outputOf<ExplainReport>(ctx, 'explain', { plain: renderExplain });
    const analysis = await loadAnalysis(ctx, opts, { topics: false });
    const i = resolveAccount(analysis, handle);
    const result = toScoreResultView(resultOf(analysis, i));
    await output.write({
      schema: 1,
      ...reportHeader(analysis.window, analysis.model.version),
      result,
      sum: sumTenths(result.contributions.map((c) => c.points)) / 10,
      topEngagers: topEngagersOf(analysis, i, TOP_ENGAGERS),
      realFollowers: followerDiscountOf(analysis.table, i),
    });
  });
}
