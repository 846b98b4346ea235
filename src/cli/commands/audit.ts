/** `influence audit @handle`: who is really in an account's audience (real, suspicious, fake, bot followers). */
import type { Command } from 'commander';
import { assessAuthenticity } from '../../engine/authenticity/index.js';
import { auditAudience } from '../../engine/audience/index.js';
import { buildAuditView } from '../../render/audit-view.js';
import { renderAuditCard, renderAuditText } from '../../render/audit-text.js';
import { renderAuditCsv } from '../../render/audit-csv.js';
import { toJson } from '../../render/json.js';
import { readDataset, readLatestActivity } from '../../store/read-dataset.js';
import { readFollowerSnapshots } from '../../store/read-snapshots.js';
import { loadAudienceModel } from '../audience-model.js';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { indexHandles, resolveHandle } from '../resolve-handles.js';
import { parseAsOf, parseWindow } from '../scoring-options.js';

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
    .option('--as-of <date>', 'date the profiles were read, for account ages and the engagement window (default: the latest activity or follow time in the database)')
    .option('--window <days>', 'engagement window in days', '90')
    .option('--audience-model <file>', 'audience model file (default: the shipped models/audience-v1.json)')
    .option('--limit <n>', 'flagged followers listed in the text and card views', '20')
    .action((handle: string, opts: AuditFlags, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const windowDays = parseWindow(opts.window);
      const requestedAsOf = opts.asOf === undefined ? null : parseAsOf(opts.asOf);
      const limit = Math.max(0, Math.floor(Number(opts.limit)) || 0);
      const model = loadAudienceModel(opts.audienceModel, ctx.resolvePath);
      const store = ctx.openExistingStore();
      try {
        const ds = readDataset(store);
        const account = resolveHandle(ds.accounts, indexHandles(ds.accounts), handle);
        const asOf = requestedAsOf ?? readLatestActivity(store) ?? latestFollowTime(ds.follows.createdAt);
        const hasActivity = ds.posts.n + ds.interactions.n > 0;
        const flags = asOf !== null && hasActivity ? assessAuthenticity(ds, { asOf, windowDays }).flags : undefined;
        const audit = auditAudience({ dataset: ds, account, model, asOf, windowDays, flags, snapshots: readFollowerSnapshots(store, ds.accounts.dbId[account]!) });
        const view = buildAuditView(ds, audit, model.version);
        if (ctx.mode === 'json') ctx.out(toJson(view));
        else if (ctx.mode === 'csv') ctx.out(renderAuditCsv(view));
        else if (ctx.mode === 'tty') ctx.out(renderAuditCard(view, ctx.theme, { accounts: Math.min(limit, 10), width: ctx.io.stdout.columns }));
        else ctx.out(renderAuditText(view, ctx.theme, { accounts: limit }));
      } finally {
        store.close();
      }
    });
}

/** The latest known follow time, or null. */
function latestFollowTime(times: Float64Array): number | null {
  let best = -Infinity;
  for (const t of times) if (t > best) best = t;
  return Number.isFinite(best) ? best : null;
}
