/**
 * `influence audit @handle`: who is really in an account's audience. Flags ->
 * loadAnalysis (the one as-of policy; the analysis classifies every account once) ->
 * auditAccount (engine/analyze.ts over engine/audience) -> view -> renderer table. Works
 * from a follower list alone; activity, where the database has it, adds the authenticity flags.
 */
import type { Command } from 'commander';
import { auditAccount, resolveAccount } from '../../engine/analyze.js';
import { buildAuditView, type AuditView } from '../../render/audit-view.js';
import { renderAuditCard, renderAuditText } from '../../render/audit-text.js';
import { renderAuditCsv } from '../../render/audit-csv.js';
import { readFollowerSnapshots } from '../../store/read-snapshots.js';
import { loadAnalysis } from '../analysis.js';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { addOptionGroups, addScoringOptions, helpExamples, parseRequiredNumberFlag, type AnalysisFlags } from '../options.js';
import { outputOf } from '../output.js';

interface AuditFlags extends AnalysisFlags {
  limit: string;
}

/** Registers `influence audit`. */
export function registerAudit(program: Command, io: Io): void {
  addOptionGroups(
    program
      .command('audit')
      .description('who is really in an audience: real, suspicious, fake and bot followers, audience quality, real reach, engagement rate by tier, suspicious growth')
      .argument('<handle>', 'the account whose followers to audit: @alice, mastodon:alice@host')
      .option('--limit <n>', 'flagged followers listed in the text view (the card lists at most 10)', '20')
      .addHelpText('after', helpExamples(['influence audit @brand', 'influence audit mastodon:alice@host --as-of 2026-03-01 --csv > audience.csv'])),
    addScoringOptions,
  ).action(async (handle: string, opts: AuditFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const limit = parseRequiredNumberFlag(opts.limit, '--limit', { min: 0, max: 1_000_000, integer: true });
    const output = outputOf<AuditView>(ctx, 'audit', {
      jsonLists: ['growth', 'accounts'],
      csv: renderAuditCsv,
      plain: (view, theme) => renderAuditText(view, theme, { accounts: limit }),
      tty: (view, theme, columns) => renderAuditCard(view, theme, { accounts: Math.min(limit, 10), width: columns }),
    });
    const analysis = await loadAnalysis(ctx, opts, { topics: false });
    const account = resolveAccount(analysis, handle);
    const snapshots = readSnapshotsOf(ctx, analysis.dataset.accounts.dbId[account]!);
    await output.write(buildAuditView(analysis.dataset, auditAccount(analysis, account, snapshots), analysis.audienceModel!.version));
  });
}

/** The account's declared follower counts at successive imports (the growth series when follows carry no times). */
function readSnapshotsOf(ctx: ReturnType<typeof makeContext>, dbId: number): { at: number; followers: number }[] {
  const store = ctx.openExistingStore();
  try {
    return readFollowerSnapshots(store, dbId);
  } finally {
    store.close();
  }
}
