/**
 * `influence audit @handle`: who is really in an account's audience. Flags -> dataset ->
 * auditAudience (engine/audience) -> view -> renderer table. Works from a follower list
 * alone; activity, where the database has it, adds the authenticity flags.
 */
import type { Command } from 'commander';
import { assessAuthenticity } from '../../engine/authenticity/assess.js';
import { auditAudience } from '../../engine/audience/index.js';
import { indexHandles, resolveHandle } from '../../engine/handles.js';
import { readAudienceModelFile } from '../../inputs/audience-model-file.js';
import { buildAuditView, type AuditView } from '../../render/audit-view.js';
import { renderAuditCard, renderAuditText } from '../../render/audit-text.js';
import { renderAuditCsv } from '../../render/audit-csv.js';
import { readDataset, readLatestActivity } from '../../store/read-dataset.js';
import { readFollowerSnapshots } from '../../store/read-snapshots.js';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { parseAsOf, parseRequiredNumberFlag, parseWindow } from '../options.js';
import { outputOf } from '../output.js';

interface AuditFlags {
  asOf?: string;
  window: string;
  audienceModel?: string;
  limit: string;
}

/** Registers `influence audit`. */
export function registerAudit(program: Command, io: Io): void {
  program
    .command('audit')
    .description('who is really in an audience: real, suspicious, fake and bot followers, audience quality, real reach, engagement rate by tier, suspicious growth')
    .argument('<handle>', 'the account whose followers to audit: @alice, mastodon:alice@host')
    .option('--as-of <date>', 'when the profiles were read: account ages and the engagement window count from it (default: the latest activity or follow time in the database; without one, ages are unknown)')
    .option('--window <days>', 'engagement window in days', '90')
    .option('--audience-model <file>', 'audience model file (default: the shipped models/audience-v1.json)')
    .option('--limit <n>', 'flagged followers listed in the text view (the card lists at most 10)', '20')
    .action(async (handle: string, opts: AuditFlags, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const windowDays = parseWindow(opts.window);
      const requestedAsOf = opts.asOf === undefined ? null : parseAsOf(opts.asOf);
      const limit = parseRequiredNumberFlag(opts.limit, '--limit', { min: 0, max: 1_000_000, integer: true });
      const output = outputOf<AuditView>(ctx, 'audit', {
        csv: renderAuditCsv,
        plain: (view, theme) => renderAuditText(view, theme, { accounts: limit }),
        tty: (view, theme, columns) => renderAuditCard(view, theme, { accounts: Math.min(limit, 10), width: columns }),
      });
      const model = readAudienceModelFile(opts.audienceModel === undefined ? undefined : ctx.resolvePath(opts.audienceModel));
      const store = ctx.openExistingStore();
      let view: AuditView;
      try {
        const ds = readDataset(store);
        const account = resolveHandle(ds.accounts, indexHandles(ds.accounts), handle);
        const asOf = requestedAsOf ?? readLatestActivity(store) ?? latestFollowTime(ds.follows.createdAt);
        const hasActivity = ds.posts.n + ds.interactions.n > 0;
        const flags = asOf !== null && hasActivity ? assessAuthenticity(ds, { asOf, windowDays }).flags : undefined;
        const snapshots = readFollowerSnapshots(store, ds.accounts.dbId[account]!);
        const audit = auditAudience({ dataset: ds, account, model, asOf, windowDays, flags, snapshots });
        view = buildAuditView(ds, audit, model.version);
      } finally {
        store.close();
      }
      await output.write(view);
    });
}

/** The latest known follow time, or null. */
function latestFollowTime(times: Float64Array): number | null {
  let best = -Infinity;
  for (const t of times) if (t > best) best = t;
  return Number.isFinite(best) ? best : null;
}
