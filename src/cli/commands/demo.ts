/**
 * `influence demo`: the main job on bundled sample data, so a fresh clone shows what the
 * tool does in one command: import the sample, then summarise it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import type { Io } from '../io.js';
import { SAMPLE_DIR } from '../package-paths.js';
import { runImport } from '../../import/run-import.js';
import { openSource } from '../../import/open-source.js';
import { readDbInfo } from '../../store/read-info.js';
import { renderDbInfo } from '../../render/db-info.js';
import { renderImportSummary } from '../../render/import-summary.js';
import { toJson } from '../../render/json.js';
import { UsageError } from '../../errors.js';
import { displayHandle, openScoringSession, toResultView } from '../run-scoring.js';
import { buildRankReport } from './rank.js';
import { buildThresholdReport } from './report-threshold.js';
import { explainScore } from '../../engine/score.js';
import { renderRankText, type RankReport } from '../../render/rank-view.js';
import { renderThresholdText, type ThresholdReport } from '../../render/threshold-view.js';
import { renderScorePlain, type ScoreResultView } from '../../render/score-view.js';
import { cleanText } from '../../render/sanitize.js';
import type { CommandContext } from '../context.js';
import { loadScoreCards } from '../load-score-cards.js';

/** The demo's own database unless --db or INFLUENCE_DB says otherwise: never the user's real one. */
const DEMO_DB = 'influence-demo.db';

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(`import the bundled sample data into ${DEMO_DB} and show what influence makes of it`)
    .action(async (_opts, cmd: Command) => {
      const ctx = makeContext(io, cmd, { defaultDb: DEMO_DB });
      const files = fs.existsSync(SAMPLE_DIR)
        ? fs.readdirSync(SAMPLE_DIR).filter((f) => /\.(csv|json|ndjson)$/.test(f) && f !== 'truth.json').sort()
        : [];
      if (files.length === 0) throw new UsageError(`no sample data in ${SAMPLE_DIR}`, 'reinstall the package: fixtures/sample/ ships with it');
      const db = ctx.openStore();
      try {
        const summary = await runImport(
          db,
          files.map((f) => path.join(SAMPLE_DIR, f)),
          { skipInvalid: false, defaultNetwork: 'generic', now: Date.now() },
          openSource,
        );
        const info = readDbInfo(db, ctx.dbPath);
        db.close();
        const tour = await buildTour(ctx);
        if (ctx.mode === 'json') {
          ctx.out(toJson({ schema: 1, import: summary, info, ...tour }));
          return;
        }
        const { chalk } = ctx.theme;
        ctx.out(chalk.bold('1. Import the sample (synthetic accounts, posts and interactions)'));
        ctx.out(renderImportSummary(summary, ctx.theme));
        ctx.out('');
        ctx.out(chalk.bold('2. What the database holds'));
        ctx.out(renderDbInfo(info, ctx.theme));
        ctx.out('');
        ctx.out(chalk.bold(`3. The top account's score card (every point itemised)`));
        if (tour.top) {
          const card = tour.top;
          ctx.out(ctx.mode === 'tty' ? (await loadScoreCards())([card], ctx.theme, ctx.io.stdout.columns ?? 80) : renderScorePlain({ schema: 1, asOf: tour.ranking.asOf, windowDays: tour.ranking.windowDays, model: tour.ranking.model, results: [card] }, ctx.theme));
        }
        ctx.out('');
        ctx.out(chalk.bold('4. Ranking (top 10)'));
        ctx.out(renderRankText(tour.ranking, ctx.theme, ctx.mode === 'tty'));
        ctx.out('');
        ctx.out(chalk.bold(`5. The Klout${tour.threshold.at} report`));
        if (tour.threshold.at !== KLOUT) ctx.out(`nobody in the sample reaches ${KLOUT}, so this report uses --at ${tour.threshold.at}`);
        ctx.out(renderThresholdText(tour.threshold, ctx.theme, ctx.mode === 'tty'));
        ctx.out('');
        const rel = path.relative(io.cwd, ctx.dbPath);
        const dbArg = rel && !rel.startsWith('..') ? rel : ctx.dbPath;
        ctx.out(`Next: influence explain @${cleanText(tour.top?.handle ?? 'HANDLE')} --db ${dbArg}  ·  influence rank --list FILE --db ${dbArg}  ·  influence report threshold --db ${dbArg}`);
      } finally {
        if (db.open) db.close();
      }
    });
}

/** The Klout70 club's threshold; the demo falls back to DEMO_FALLBACK_AT when nobody reaches it. */
const KLOUT = 70;
const DEMO_FALLBACK_AT = 60;

interface Tour {
  top: ScoreResultView | null;
  ranking: RankReport;
  threshold: ThresholdReport;
}

/** Scores the demo database once and builds the score card, the top 10 and the Klout70 report (runs not stored). */
async function buildTour(ctx: CommandContext): Promise<Tour> {
  const session = await openScoringSession(ctx, {});
  try {
    const ranking = buildRankReport(ctx, session, { list: null, limit: 10 });
    const first = ranking.results[0];
    const { pop } = session;
    const index = first ? Array.from({ length: pop.accounts.n }, (_, i) => i).find((i) => displayHandle(pop, i) === first.handle && pop.accounts.network[i] === first.network) : undefined;
    const top = index !== undefined ? toResultView(pop, explainScore(session.table, index)) : null;
    const at = ranking.results.some((r) => r.score >= KLOUT) ? KLOUT : DEMO_FALLBACK_AT;
    const threshold = buildThresholdReport(ctx, session, { at, near: 5, list: null, save: false });
    return { top, ranking, threshold };
  } finally {
    session.db.close();
  }
}
