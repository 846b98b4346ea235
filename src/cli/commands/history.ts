/** `influence history @handle`: the account's score over stored runs. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { indexHandles, resolveHandle } from '../resolve-handles.js';
import { readAccounts } from '../../store/read-dataset.js';
import { readHistory } from '../../store/runs.js';
import { toJson } from '../../render/json.js';
import { renderHistory, type HistoryReport } from '../../render/history-text.js';

/** Registers `influence history`. */
export function registerHistory(program: Command, io: Io): void {
  program
    .command('history')
    .description('an account\'s score over stored runs (oldest first)')
    .argument('<handle>', 'a handle: @alice, alice, mastodon:alice@host')
    .action((handle: string, _opts: unknown, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const db = ctx.openExistingStore();
      try {
        const { accounts } = readAccounts(db, { bios: false });
        const i = resolveHandle(accounts, indexHandles(accounts), handle);
        const report: HistoryReport = {
          schema: 1,
          handle: accounts.handle[i]!,
          network: accounts.network[i]!,
          runs: readHistory(db, accounts.dbId[i]!).map((r) => ({
            runId: r.runId,
            createdAt: new Date(r.createdAt).toISOString(),
            model: r.modelVersion,
            asOf: new Date(r.asOf).toISOString(),
            windowDays: r.windowDays,
            score: r.score,
            subscores: { reach: r.reach, amplification: r.amplification, network: r.network },
            confidence: r.confidence,
            flags: r.flags,
          })),
        };
        ctx.out(ctx.mode === 'json' ? toJson(report) : renderHistory(report, ctx.theme, ctx.mode === 'tty'));
      } finally {
        db.close();
      }
    });
}
