/** `history` views: a handle's stored runs as rows, with a sparkline on a TTY. */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';

/** One stored run as `history` shows it. */
export interface HistoryEntry {
  runId: number;
  createdAt: string;
  model: string;
  asOf: string;
  windowDays: number;
  score: number;
  /** the score's 80% interval; null for runs stored before intervals were */
  interval: [number, number] | null;
  subscores: { reach: number; amplification: number; network: number };
  confidence: number;
  flags: string[];
}

/** The `history --json` document. */
export interface HistoryReport {
  schema: 1;
  handle: string;
  network: string;
  runs: HistoryEntry[];
}

// one sparkline for the project; re-exported for callers of this module
export { sparkline } from './sparkline.js';
import { sparkline } from './sparkline.js';
import { countNoun } from './counts.js';
import { formatScore } from './score-view.js';

/**
 * The sparkline of a history, scaled to its own range (a few points' movement would
 * otherwise draw flat on the 1-100 scale), with the range written after it.
 */
export function historySparkline(scores: readonly number[]): string {
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  if (lo === hi) return `${sparkline(scores, lo - 1, hi + 1)}  ${lo.toFixed(1)} (one value)`;
  return `${sparkline(scores, lo, hi)}  ${lo.toFixed(1)}-${hi.toFixed(1)} (low to high of these runs)`;
}

/** Rows of a history (plain), with a sparkline line first when `spark` is set. */
export function renderHistory(rep: HistoryReport, theme: Theme, spark: boolean): string {
  const { chalk } = theme;
  const title = `${chalk.bold(`@${cleanText(rep.handle)}`)} (${cleanText(rep.network)})  ${countNoun(rep.runs.length, 'run')}`;
  if (rep.runs.length === 0) return `${title}\nno stored runs: run \`influence score @${cleanText(rep.handle)}\` first`;
  const head = ['run', 'as of', 'window', 'model', 'score (80% interval)', 'reach', 'amplif', 'network', 'conf', 'flags', 'created'];
  const rows = rep.runs.map((r) => [
    String(r.runId),
    r.asOf.slice(0, 10),
    `${r.windowDays}d`,
    cleanText(r.model),
    formatScore(r), // a run stored before intervals were shows the score alone
    r.subscores.reach.toFixed(1),
    r.subscores.amplification.toFixed(1),
    r.subscores.network.toFixed(1),
    r.confidence.toFixed(2),
    r.flags.join(',') || '-',
    r.createdAt,
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: string[]) => cells.map((c, k) => (k >= 4 && k <= 8 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ').trimEnd();
  return [title, ...(spark ? [`  ${historySparkline(rep.runs.map((r) => r.score))}`] : []), chalk.bold(line(head)), ...rows.map(line)].join('\n');
}
