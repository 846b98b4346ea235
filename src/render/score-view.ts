/**
 * The score result contract (`score --json`) and its plain-text views. Renderers project
 * the engine's AccountScore; they never recompute a number.
 */
import type { Contribution, Flag } from '../engine/result-types.js';
import type { AccountResult, AccountSummary } from '../engine/analyze.js';
import type { AccountScore } from '../engine/score.js';
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { csvHeader, csvRow, toCsv, type CsvCell } from './csv.js';
import { streamJsonDocumentBytes, streamJsonDocumentParts } from './json.js';
import { writeScoreResultJson } from './score-json.js';
import { isoTime } from './iso-time.js';
import { describeWindow, type ReportHeader } from './report-header.js';
import { countNoun } from './counts.js';

/** One result of `score --json` (schema 1). */
export interface ScoreResultView {
  handle: string;
  network: string;
  /** null when the account abstains */
  score: number | null;
  /** 80% interval [lo, hi]; null when abstaining */
  interval: [number, number] | null;
  /** why the account abstains (no score), null when scored */
  abstain: string | null;
  subscores: { reach: number; amplification: number; network: number };
  confidence: number;
  contributions: Contribution[];
  flags: Flag[];
  /** scored features that were missing and imputed */
  missing: string[];
  /** own posts and sent events in the window; 0 with lastActivity set: suggest --as-of */
  activityInWindow: number;
  /** ISO time of the latest own post or sent event, null when none */
  lastActivity: string | null;
}

/** A result as rows and CSV show it: everything but the contributions. */
export type ScoreRowView = Omit<ScoreResultView, 'contributions'>;

/** An epoch-ms time as ISO 8601 text, null when unknown. */
const isoTimeOrNull = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));

/** Projects an engine summary (a result without contributions) to the row view (key order as ScoreResultView). */
export function toScoreRowView(r: AccountSummary): ScoreRowView {
  return {
    handle: r.handle,
    network: r.network,
    score: r.score,
    interval: r.interval,
    abstain: r.abstain,
    subscores: r.subscores,
    confidence: r.confidence,
    flags: r.flags,
    missing: r.missing,
    activityInWindow: r.activityInWindow,
    lastActivity: isoTimeOrNull(r.lastActivity),
  };
}

/**
 * `score`'s view for big outputs: the header, how many results, and the results produced
 * as they are read (itemised for JSON and cards; as rows, without contributions, for CSV and
 * text rows), so 100k results never sit in memory at once.
 */
export interface ScoreStream {
  head: Omit<ScoreReport, 'results'>;
  count: number;
  results(): Iterable<ScoreResultView>;
  rows(): Iterable<ScoreRowView>;
  /** the rows with only what CSV shows (no activity time turned into text and dropped) */
  csvRows(): Iterable<ScoreCsvRow>;
  /**
   * the results' --json items already written, in order, in blocks of their bytes (each
   * item as render/json.ts writeListItem writes writeScoreResultJson of its view), when the
   * command writes them itself (on two threads: cli/score-json-threads.ts); else --json
   * writes `results` here
   */
  resultBlocks?(): AsyncIterable<Uint8Array>;
}

/** What one `score --csv` record shows of a result. */
export type ScoreCsvRow = Pick<ScoreRowView, 'handle' | 'network' | 'score' | 'interval' | 'abstain' | 'subscores' | 'confidence' | 'flags' | 'missing'>;

/** `score --json` of a stream: a list document (render/json.ts toListJson), in blocks of its UTF-8 bytes. */
export function renderScoreJsonStream(v: ScoreStream): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
  if (v.resultBlocks) return streamJsonDocumentParts(v.head, 'results', v.count, v.resultBlocks());
  return streamJsonDocumentBytes(v.head, 'results', v.results(), writeScoreResultJson);
}

/** `score --csv` of a stream, row by row. */
export function* renderScoreCsvStream(v: ScoreStream): Iterable<string> {
  yield csvHeader(SCORE_CSV_HEADER);
  for (const r of v.csvRows()) yield csvRow(scoreCsvCells(r));
}

/** Plain `score` of a stream: a block for one account (itemised), aligned rows for several (read twice, never held). */
export function renderScoreStreamPlain(v: ScoreStream, theme: Theme): string | Iterable<string> {
  if (v.count === 1) return renderScoreBlock([...v.results()][0]!, theme, v.head);
  return scoreRowsText(() => v.rows(), theme, v.head);
}

/** '57.0 (48.2-63.1)', or '-' when the account abstains. */
export function formatScore(r: Pick<ScoreResultView, 'score' | 'interval'>): string {
  if (r.score === null) return '-';
  return r.interval ? `${r.score.toFixed(1)} (${r.interval[0].toFixed(1)}-${r.interval[1].toFixed(1)})` : r.score.toFixed(1);
}

/** A note when the account did nothing in the window but did before or after it, else null. */
export function asOfHint(r: Pick<ScoreResultView, 'activityInWindow' | 'lastActivity'>): string | null {
  if (r.activityInWindow > 0 || r.lastActivity === null) return null;
  return `no activity of its own in the window; last activity ${r.lastActivity.slice(0, 10)} (try --as-of ${r.lastActivity.slice(0, 10)})`;
}

/**
 * Projects an engine result to the JSON/view contract: the row view with its contributions
 * (key order as documented). Listed field by field rather than spread from toScoreRowView:
 * `score --all --json` projects every account, and the rest/spread copies were a measurable
 * share of it.
 */
export function toScoreResultView(r: AccountResult): ScoreResultView {
  return scoreResultViewOf(r, r.handle, r.network);
}

/**
 * The same view from an itemised score and the name it is shown under, for a stream of
 * every account: no AccountResult (a spread copy of the score) is made on the way.
 */
export function scoreResultViewOf(r: AccountScore, handle: string, network: string): ScoreResultView {
  return {
    handle,
    network,
    score: r.score,
    interval: r.interval,
    abstain: r.abstain,
    subscores: r.subscores,
    confidence: r.confidence,
    contributions: r.contributions,
    flags: r.flags,
    missing: r.missing,
    activityInWindow: r.activityInWindow,
    lastActivity: isoTimeOrNull(r.lastActivity),
  };
}

/** The whole `score --json` document; no run id or creation time, so it is byte-stable. */
export interface ScoreReport {
  schema: 1;
  asOf: string;
  windowDays: number;
  model: string;
  results: ScoreResultView[];
}

/** A feature name as people read it: 'mentions_received' -> 'mentions received'. */
export function featureLabel(feature: string): string {
  return feature.replace(/^authenticity:/, 'authenticity: ').replace(/_/g, ' ');
}

/** Formats points with a sign and one decimal: +12.3, -4.0, 0.0. */
export function formatPoints(points: number): string {
  const s = points.toFixed(1);
  return points > 0 ? `+${s}` : s === '-0.0' ? '0.0' : s;
}

/** The feature contributions with the largest effect (baseline excluded), largest first. */
export function topContributions(contributions: Contribution[], count = 4): Contribution[] {
  return contributions
    .filter((c) => c.group !== 'baseline' && c.points !== 0)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Math.abs(b.c.points) - Math.abs(a.c.points) || a.i - b.i)
    .slice(0, count)
    .map((x) => x.c);
}

/** 'follow-back 0.62' list, or 'none'. */
export function formatFlags(flags: Flag[]): string {
  return flags.length === 0 ? 'none' : flags.map((f) => `${f.code} ${f.severity.toFixed(2)}`).join(', ');
}

/** The score band colour (Klout70-style thresholds). */
export function scoreColor(score: number): 'magenta' | 'green' | 'cyan' | 'gray' {
  if (score >= 70) return 'magenta';
  if (score >= 63) return 'green';
  if (score >= 40) return 'cyan';
  return 'gray';
}

/** Plain text for one result: a few lines, no boxes; `header` says when and over what window. */
export function renderScoreBlock(r: ScoreResultView, theme: Theme, header: ReportHeader): string {
  const { chalk } = theme;
  const handle = `@${cleanText(r.handle)}`;
  const top = topContributions(r.contributions)
    .map((c) => `${featureLabel(c.feature)} ${formatPoints(c.points)}${c.source === 'imputed' ? ' (imputed)' : ''}`)
    .join(', ');
  const hint = asOfHint(r);
  if (r.score === null) {
    return [`${chalk.bold(handle)} (${cleanText(r.network)})  score -  (abstains: ${cleanText(r.abstain ?? '')})`, `  ${describeWindow(header)}`, ...(hint ? [`  ${hint}`] : [])].join('\n');
  }
  return [
    `${chalk.bold(handle)} (${cleanText(r.network)})  score ${chalk.bold(formatScore(r))}  confidence ${r.confidence.toFixed(2)}`,
    `  ${describeWindow(header)}`,
    ...(hint ? [`  ${hint}`] : []),
    `  reach ${r.subscores.reach.toFixed(1)}  amplification ${r.subscores.amplification.toFixed(1)}  network ${r.subscores.network.toFixed(1)}`,
    `  top: ${top || 'none'}`,
    ...(r.missing.length > 0 ? [`  missing (imputed): ${r.missing.map(featureLabel).join(', ')}`] : []),
    `  flags: ${formatFlags(r.flags)}`,
  ].join('\n');
}

/** Accounts without a score listed as rows; more than this many are named on one line instead. */
const ABSTAINING_ROWS = 10;

/**
 * Plain text for many results: one aligned row per account, then the window and who was idle
 * in it. Accounts without a score are rows too, up to ABSTAINING_ROWS of them; beyond that
 * (an archive's owner beside the 1,600 people it replied to) one line counts and names them,
 * so the scored accounts are not lost among rows of dashes.
 */
export function renderScoreRows(results: readonly ScoreRowView[], theme: Theme, header: ReportHeader): string {
  return [...scoreRowsText(() => results, theme, header)].join('');
}

/**
 * renderScoreRows's text in chunks, from rows read twice (each read makes them anew): once
 * for the column widths and the notes, once to write them, so a million rows are never held
 * as cells (plain `score --all` of 1M accounts peaked at 2.65 GB holding them).
 */
function* scoreRowsText(rows: () => Iterable<ScoreRowView>, theme: Theme, header: ReportHeader): Iterable<string> {
  const head = ['handle', 'network', 'score', 'reach', 'amplif', 'network', 'conf', 'flags'];
  // widths of every row and of the scored rows alone: which are shown is known at the end
  const widthsAll = head.map((h) => h.length);
  const widthsScored = head.map((h) => h.length);
  const abstaining: string[] = [];
  let abstainingCount = 0;
  const idle: string[] = [];
  let idleCount = 0;
  for (const r of rows()) {
    const cells = scoreRowCells(r);
    for (let k = 0; k < cells.length; k++) if (cells[k]!.length > widthsAll[k]!) widthsAll[k] = cells[k]!.length;
    if (r.score === null) {
      if (abstainingCount++ < ABSTAINING_ROWS) abstaining.push(`@${cleanText(r.handle)}`);
    } else for (let k = 0; k < cells.length; k++) if (cells[k]!.length > widthsScored[k]!) widthsScored[k] = cells[k]!.length;
    if (asOfHint(r) !== null && idleCount++ < IDLE_NAMED) idle.push(idleName(r));
  }
  const collapsed = abstainingCount > ABSTAINING_ROWS;
  const widths = collapsed ? widthsScored : widthsAll;
  const line = (cells: string[]) => cells.map((c, k) => (k >= 2 && k <= 6 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ').trimEnd();
  yield `${theme.chalk.bold(line(head))}\n`;
  for (const r of rows()) if (!collapsed || r.score !== null) yield `${line(scoreRowCells(r))}\n`;
  const abstainNote = collapsed
    ? [`${countNoun(abstainingCount, 'account')} without a score, not shown: ${abstaining.join(', ')}, ... (--csv or --json lists every account with the reason)`]
    : [];
  yield [`(${describeWindow(header)})`, ...abstainNote, ...idleLine(idleCount, idle)].join('\n');
}

/**
 * A row's cells. An abstaining account's sub-scores come from imputed values alone (the same
 * for every such account): shown as numbers they would read as a measurement, so they are
 * '-' like its score.
 */
function scoreRowCells(r: ScoreRowView): string[] {
  return [
    `@${cleanText(r.handle)}`,
    cleanText(r.network),
    formatScore(r),
    ...(r.score === null ? ['-', '-', '-', '-'] : [r.subscores.reach.toFixed(1), r.subscores.amplification.toFixed(1), r.subscores.network.toFixed(1), r.confidence.toFixed(2)]),
    r.flags.map((f) => f.code).join(',') || '-',
  ];
}

/** How many idle accounts a note names before 'and N more'. */
const IDLE_NAMED = 5;

/**
 * A note naming the accounts that did nothing of their own in the window but did at
 * another time (their score then rests on old or no activity), with the --as-of to try.
 */
export function idleNote(results: readonly Pick<ScoreResultView, 'handle' | 'activityInWindow' | 'lastActivity'>[]): string[] {
  const idle = results.filter((r) => asOfHint(r) !== null);
  return idleLine(idle.length, idle.slice(0, IDLE_NAMED).map(idleName));
}

const idleName = (r: Pick<ScoreResultView, 'handle' | 'lastActivity'>): string => `@${cleanText(r.handle)} (last ${r.lastActivity!.slice(0, 10)})`;

/** The idle note of `count` accounts, the first of them `named`. */
function idleLine(count: number, named: string[]): string[] {
  if (count === 0) return [];
  const more = count > IDLE_NAMED ? `, and ${count - IDLE_NAMED} more` : '';
  return [`no activity of their own in the window: ${named.join(', ')}${more}; try --as-of with the date shown`];
}

/** Plain output of `score`: a block for one account, rows for several. */
export function renderScorePlain(report: ScoreReport, theme: Theme): string {
  if (report.results.length === 1) return renderScoreBlock(report.results[0]!, theme, report);
  return renderScoreRows(report.results, theme, report);
}

/** The `score --csv` columns. */
export const SCORE_CSV_HEADER = ['handle', 'network', 'score', 'low', 'high', 'reach', 'amplification', 'network_score', 'confidence', 'missing', 'flags', 'abstain'] as const;

/** One `score --csv` record. */
export function scoreCsvCells(r: ScoreCsvRow): CsvCell[] {
  return [r.handle, r.network, r.score, r.interval?.[0], r.interval?.[1], r.subscores.reach, r.subscores.amplification, r.subscores.network, r.confidence, r.missing.join(' '), r.flags.map((f) => f.code).join(' '), r.abstain ?? ''];
}

/** CSV of results (one row per account), safe to open in a spreadsheet. */
export function renderScoreCsv(results: Iterable<ScoreRowView>): string {
  return toCsv(SCORE_CSV_HEADER, mapIterable(results, scoreCsvCells));
}

function* mapIterable<T, U>(xs: Iterable<T>, f: (x: T) => U): Iterable<U> {
  for (const x of xs) yield f(x);
}
