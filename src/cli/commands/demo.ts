/**
 * `influence demo`: the main job on bundled sample data, so a fresh clone shows what the
 * tool does in one command: import the sample, then summarise it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { SAMPLE_DIR } from '../../package-paths.js';
import { runImport, type ImportSummary } from '../../import/run-import.js';
import { openSource } from '../../import/open-source.js';
import { importTargetOf } from '../../store/import-target.js';
import { readDbInfo } from '../../store/read-info.js';
import type { DbInfoView } from '../../render/db-info.js';
import { UsageError } from '../../errors.js';
import { loadAnalysis } from '../analysis.js';
import { outputOf } from '../output.js';
import { resultOf } from '../../engine/analyze.js';
import { rankAccounts } from '../../engine/campaign/rank-accounts.js';
import { planThreshold } from '../../engine/campaign/threshold-report.js';
import { reportHeader } from '../../render/report-header.js';
import { toRankReport } from '../../render/rank-view.js';
import { toThresholdReport } from '../../render/threshold-view.js';
import { toScoreResultView } from '../../render/score-view.js';
import { toJson } from '../../render/json.js';
import { DEMO_TOP, KLOUT, renderDemoText, type DemoTour, type DemoView } from '../../render/demo-view.js';
import { loadScoreCards } from '../load-score-cards.js';
import { helpExamples } from '../options.js';

/** The demo's own database unless --db or INFLUENCE_DB says otherwise: never the user's real one. */
const DEMO_DB = 'influence-demo.db';

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(`import the bundled sample data into ${DEMO_DB} and show what influence makes of it`)
    .addHelpText('after', helpExamples(['influence demo', `influence demo --db /tmp/demo.db --json`]))
    .action(async (_opts, cmd: Command) => {
      const ctx = makeContext(io, cmd, { defaultDb: DEMO_DB });
      const rel = path.relative(io.cwd, ctx.dbPath);
      const dbArg = rel && !rel.startsWith('..') ? rel : ctx.dbPath;
      const output = outputOf<DemoView>(ctx, 'demo', {
        json: ({ dbArg: _shownOnlyInText, ...view }) => toJson(view),
        plain: (v, theme) => renderDemoText(v, theme, false, null),
        tty: async (v, theme, columns) => renderDemoText(v, theme, true, v.top ? (await loadScoreCards())([v.top], theme, columns, v.ranking) : null, columns),
      });
      const files = fs.existsSync(SAMPLE_DIR)
        ? fs.readdirSync(SAMPLE_DIR).filter((f) => /\.(csv|json|ndjson)$/.test(f) && f !== 'truth.json').sort()
        : [];
      if (files.length === 0) throw new UsageError(`no sample data in ${SAMPLE_DIR}`, 'reinstall the package: fixtures/sample/ ships with it');
      const db = ctx.openStore();
      let summary: ImportSummary;
      let info: DbInfoView;
      try {
        summary = await runImport(importTargetOf(db), files.map((f) => path.join(SAMPLE_DIR, f)), { skipInvalid: false, defaultNetwork: 'generic', now: Date.now() }, openSource);
        info = readDbInfo(db, ctx.dbPath);
      } finally {
        db.close();
      }
      await output.write({ schema: 1, import: summary, info, ...(await buildTour(ctx)), dbArg });
    });
}

/** The Klout70 club's threshold; the demo falls back to DEMO_FALLBACK_AT when nobody reaches it. */
const DEMO_FALLBACK_AT = 60;
const DEMO_NEAR = 5;

/** Analyses the demo database once and builds the score card, the top 10 and the Klout70 report (runs not stored). */
async function buildTour(ctx: CommandContext): Promise<DemoTour> {
  const analysis = await loadAnalysis(ctx, {}, { topics: true });
  const header = reportHeader(analysis.window, analysis.model.version);
  const ranking = rankAccounts(analysis, { list: null, topic: null, limit: DEMO_TOP });
  const first = ranking.results[0];
  const at = ranking.results.some((r) => r.result.score >= KLOUT) ? KLOUT : DEMO_FALLBACK_AT;
  const plan = planThreshold(analysis, { at, near: DEMO_NEAR, list: null, topic: null });
  return {
    top: first ? toScoreResultView(resultOf(analysis, first.account, first.result)) : null,
    ranking: toRankReport(header, ranking),
    threshold: toThresholdReport(header, plan, null, null),
  };
}
