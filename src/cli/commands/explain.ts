/** `influence explain @handle`: every contribution, proven to add up to the score shown. */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { addScoringOptions, type ScoringFlags } from '../scoring-options.js';
import { displayHandle, openScoringSession, toResultView } from '../run-scoring.js';
import { explainScore } from '../../engine/score.js';
import { explainNetworkInfluence } from '../../engine/network.js';
import { toJson } from '../../render/json.js';
import { renderExplain, sumTenths, type ExplainReport } from '../../render/explain-text.js';

const r6 = (x: number): number => Number(x.toPrecision(6));

/** Registers `influence explain`. */
export function registerExplain(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('explain')
      .description('every contribution to an account\'s score, and the proof that they add up')
      .argument('<handle>', 'a handle: @alice, alice, mastodon:alice@host'),
  ).action(async (handle: string, opts: ScoringFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const session = await openScoringSession(ctx, opts);
    try {
      const { pop, table, window, model } = session;
      const i = session.resolve(handle);
      const result = toResultView(pop, explainScore(table, i));
      const report: ExplainReport = {
        schema: 1,
        asOf: new Date(window.asOf).toISOString(),
        windowDays: window.windowDays,
        model: model.version,
        result,
        sum: sumTenths(result.contributions.map((c) => c.points)) / 10,
        topEngagers: explainNetworkInfluence(table.graph, table.network, i, 5).map((e) => ({
          handle: displayHandle(pop, e.engager),
          network: pop.accounts.network[e.engager]!,
          share: r6(e.share),
          rank: r6(e.engagerRank),
          value: r6(e.value),
        })),
      };
      ctx.out(ctx.mode === 'json' ? toJson(report) : renderExplain(report, ctx.theme));
    } finally {
      session.db.close();
    }
  });
}
