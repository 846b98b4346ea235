/** `influence history @handle`: the account's score over stored runs. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { helpExamples } from '../options.js';
import { indexHandles, resolveHandle } from '../../engine/handles.js';
import { outputOf } from '../output.js';
import { readAccounts } from '../../store/read-dataset.js';
import { readHistory } from '../../store/runs.js';
import { renderHistory, type HistoryReport } from '../../render/history-text.js';

/** Registers `influence history`. */
export function registerHistory(program: Command, io: Io): void {
  program
    .command('history')
    .description('an account\'s score over stored runs (oldest first)')
    .argument('<handle>', 'a handle: @alice, alice, mastodon:alice@host')
      .addHelpText('after', helpExamples(['influence history @alice', 'influence history mastodon:bob@mastodon.social --json']))
    .action(async (handle: string, _opts: unknown, cmd: Command) => {
      const ctx = makeContext(io, cmd);
      const output = outputOf<HistoryReport>(ctx, 'history', { plain: (r, theme) => renderHistory(r, theme, false), tty: (r, theme) => renderHistory(r, theme, true) });
      const report = ctx.withStore((db): HistoryReport => {
        const { accounts } = readAccounts(db, { bios: false });
        const i = resolveHandle(accounts, indexHandles(accounts), handle);
        return {
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
            interval: r.interval,
            subscores: { reach: r.reach, amplification: r.amplification, network: r.network },
            confidence: r.confidence,
            flags: r.flags,
          })),
        };
      });
      await output.write(report);
    });
}
