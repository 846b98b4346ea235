/** `influence demo`: the tour of the bundled sample as text (its JSON is the view without `dbArg`). */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { renderDbInfo, type DbInfoView } from './db-info.js';
import { renderImportSummary, type ImportSummaryView } from './import-summary.js';
import { renderRankText, type RankReport } from './rank-view.js';
import { renderScorePlain, type ScoreResultView } from './score-view.js';
import { renderThresholdText, type ThresholdReport } from './threshold-view.js';
import { DEFAULT_COLUMNS } from './table.js';

/** The Klout70 club's threshold, which the demo reports on when anybody reaches it. */
export const KLOUT = 70;
/** How many accounts the demo ranks. */
export const DEMO_TOP = 10;

/** The analysed part of the demo: the top account's card, the top of the ranking, the Klout70 report. */
export interface DemoTour {
  top: ScoreResultView | null;
  ranking: RankReport;
  threshold: ThresholdReport;
}

/** What the demo shows (its --json contract is this without `dbArg`). */
export interface DemoView extends DemoTour {
  schema: 1;
  import: ImportSummaryView;
  info: DbInfoView;
  /** the --db argument the "Next:" hints name */
  dbArg: string;
}

/** The tour as text: import, database, score card (or the TTY card drawn by ink), top 10, the Klout70 report, next steps. */
export function renderDemoText(v: DemoView, theme: Theme, tty: boolean, card: string | null, columns = DEFAULT_COLUMNS): string {
  const { chalk } = theme;
  const out = [chalk.bold('1. Import the sample (synthetic accounts, posts and interactions)'), renderImportSummary(v.import, theme), ''];
  out.push(chalk.bold('2. What the database holds'), renderDbInfo(v.info, theme), '');
  out.push(chalk.bold(`3. The top account's score card (every point itemised)`));
  if (v.top) out.push(card ?? renderScorePlain({ schema: 1, asOf: v.ranking.asOf, windowDays: v.ranking.windowDays, model: v.ranking.model, results: [v.top] }, theme));
  out.push('', chalk.bold(`4. Ranking (top ${DEMO_TOP})`), renderRankText(v.ranking, theme, tty, columns), '');
  out.push(chalk.bold(`5. The Klout${v.threshold.at} report`));
  if (v.threshold.at !== KLOUT) out.push(`nobody in the sample reaches ${KLOUT}, so this report uses --at ${v.threshold.at}`);
  out.push(renderThresholdText(v.threshold, theme, tty, columns), '');
  out.push(`Next: influence explain @${cleanText(v.top?.handle ?? 'HANDLE')} --db ${v.dbArg}  ·  influence rank --list FILE --db ${v.dbArg}  ·  influence report threshold --db ${v.dbArg}`);
  return out.join('\n');
}

