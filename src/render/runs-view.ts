/** `influence runs` views: the stored runs, one run's scores, and what a prune deleted. */
import type { Theme } from './output-mode.js';
import { toCsv } from './csv.js';
import { cleanText } from './sanitize.js';
import { DEFAULT_COLUMNS, renderTable } from './table.js';
import { formatCount } from './counts.js';
import { formatScore } from './score-view.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The data a run read (the store's DataFingerprint): import log length and last id, rows per table. */
export interface RunDataView {
  imports: number;
  lastImport: number | null;
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
}

/** One stored run (`runs --json`: runs[]). */
export interface RunView {
  id: number;
  /** ISO: when it was stored */
  createdAt: string;
  model: string;
  /** ISO */
  asOf: string;
  windowDays: number;
  /** which accounts (cli/run-scope.ts); null for runs stored before populations were recorded */
  population: string | null;
  accounts: number;
  /** the data it read (store/data-fingerprint.ts); null for runs stored before it was recorded */
  data: RunDataView | null;
}

/** `runs --json`. */
export interface RunsListView {
  schema: 1;
  runs: RunView[];
}

/** One account's score in a run. */
export interface RunScoreView {
  handle: string;
  network: string;
  score: number;
  /** the score's 80% interval; null for a run stored before intervals were */
  interval: [number, number] | null;
  subscores: { reach: number; amplification: number; network: number };
  confidence: number;
  flags: string[];
}

/** `runs show N --json`. */
export interface RunShowView {
  schema: 1;
  run: RunView;
  /** best first; text shows the first --limit */
  scores: RunScoreView[];
}

/** `runs prune --json`. */
export interface RunsPruneView {
  schema: 1;
  dryRun: boolean;
  /** the runs deleted (or that would be, with --dry-run), newest first */
  runIds: number[];
  deleted: { runs: number; scores: number; flags: number; topicScores: number };
  kept: number;
}

/** '3 imports, 300 accounts, 6,000 posts, 12,000 interactions, 0 follows', or '-'. */
export function describeData(d: RunDataView | null): string {
  if (!d) return '-';
  return `${plural(d.imports, 'import')}, ${plural(d.accounts, 'account')}, ${plural(d.posts, 'post')}, ${plural(d.interactions, 'interaction')}, ${plural(d.follows, 'follow')}`;
}

/** The runs as a table (newest first). */
export function renderRunsList(v: RunsListView, theme: Theme, tty: boolean, columns = DEFAULT_COLUMNS): string {
  if (v.runs.length === 0) return 'no stored runs: `influence score` and `influence report threshold` store them';
  const rows = v.runs.map((r) => [String(r.id), r.createdAt.slice(0, 16).replace('T', ' '), cleanText(r.model), r.asOf.slice(0, 10), `${r.windowDays}d`, cleanText(r.population ?? '-'), formatCount(r.accounts), describeData(r.data)]);
  return [
    renderTable({ head: ['run', 'stored', 'model', 'as of', 'window', 'population', 'accounts', 'data'], rows, numeric: new Set([0, 6]) }, theme, tty, columns),
    plural(v.runs.length, 'run'),
  ].join('\n');
}

/** CSV of the runs. */
export function renderRunsCsv(v: RunsListView): string {
  return toCsv(
    ['run', 'stored', 'model', 'as_of', 'window_days', 'population', 'accounts', 'imports', 'data_accounts', 'data_posts', 'data_interactions', 'data_follows'],
    v.runs.map((r) => [r.id, r.createdAt, r.model, r.asOf, r.windowDays, r.population, r.accounts, r.data?.imports, r.data?.accounts, r.data?.posts, r.data?.interactions, r.data?.follows]),
  );
}

/** One run: its metadata, then its best `limit` scores. */
export function renderRunShow(v: RunShowView, theme: Theme, tty: boolean, limit: number, columns = DEFAULT_COLUMNS): string {
  const r = v.run;
  const out = [
    theme.chalk.bold(`run ${r.id}`) + `  stored ${r.createdAt}`,
    `  model ${cleanText(r.model)}, as of ${r.asOf}, ${r.windowDays}-day window`,
    `  population ${cleanText(r.population ?? '- (not recorded)')}, ${plural(r.accounts, 'account')} scored`,
    `  data: ${describeData(r.data)}`,
  ];
  if (v.scores.length) {
    const shown = v.scores.slice(0, limit);
    const rows = shown.map((s) => [`@${cleanText(s.handle)}`, cleanText(s.network), formatScore(s), s.subscores.reach.toFixed(1), s.subscores.amplification.toFixed(1), s.subscores.network.toFixed(1), s.confidence.toFixed(2), s.flags.join(',') || '-']);
    out.push('', renderTable({ head: ['handle', 'network', 'score (80% interval)', 'reach', 'amplif', 'network', 'conf', 'flags'], rows, numeric: new Set([2, 3, 4, 5, 6]) }, theme, tty, columns));
    if (v.scores.length > shown.length) out.push(`… ${formatCount(v.scores.length - shown.length)} more (--limit N, or --json for all)`);
  }
  return out.join('\n');
}

/** CSV of one run's scores. */
export function renderRunShowCsv(v: RunShowView): string {
  return toCsv(
    ['run', 'handle', 'network', 'score', 'low', 'high', 'reach', 'amplification', 'network_score', 'confidence', 'flags'],
    v.scores.map((s) => [v.run.id, s.handle, s.network, s.score, s.interval?.[0] ?? '', s.interval?.[1] ?? '', s.subscores.reach, s.subscores.amplification, s.subscores.network, s.confidence, s.flags.join(' ')]),
  );
}

/** What a prune deleted (or would). */
export function renderRunsPrune(v: RunsPruneView): string {
  const d = v.deleted;
  const what = `${plural(d.runs, 'run')} (${plural(d.scores, 'score')}, ${plural(d.flags, 'flag')}, ${plural(d.topicScores, 'topic score')})`;
  const ids = v.runIds.length ? `: ${v.runIds.length > 20 ? `${v.runIds.slice(0, 20).join(', ')}, …` : v.runIds.join(', ')}` : '';
  return `${v.dryRun ? `would delete ${what}` : `deleted ${what}`}${ids}; ${plural(v.kept, 'run')} kept`;
}
