/** `rank` views: the JSON contract, a table (TTY boxes or plain columns) and spreadsheet-safe CSV. */
import type { Ranking } from '../engine/campaign/rank-accounts.js';
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { toCsv, type CsvCell } from './csv.js';
import { DEFAULT_COLUMNS, renderTable } from './table.js';
import { formatScore, idleNote } from './score-view.js';
import { describeWindow, type ReportHeader } from './report-header.js';
import { countNoun, formatCount } from './counts.js';

export interface RankTopicView {
  slug: string;
  score: number;
}

export interface RankResultView {
  rank: number;
  handle: string;
  network: string;
  score: number;
  /** 80% interval [lo, hi] */
  interval: [number, number];
  subscores: { reach: number; amplification: number; network: number };
  confidence: number;
  /** assigned topics, best first (at most 3) */
  topics: RankTopicView[];
  /** flag codes */
  flags: string[];
  /** with --topic: the topic score and the rank key sqrt(topic score * score); `via` names the sub-topic that qualified the account */
  topic?: { score: number; key: number; via?: string };
  /** with --list: the list's other columns */
  extra?: Record<string, string>;
  /** the account's own audience class, and the quality (0-100, real share of its classified followers, with its 95% interval; null when none is classified) */
  audience?: { class: string; quality: number | null; interval: [number, number] | null; classified: number } | null;
  /** own posts and sent events in the window; 0 with lastActivity set: the text view suggests --as-of */
  activityInWindow: number;
  /** ISO time of the latest own post or sent event, null when none */
  lastActivity: string | null;
}

export interface RankReport {
  schema: 1;
  asOf: string;
  windowDays: number;
  model: string;
  sort: string;
  topic: { slug: string; name: string } | null;
  results: RankResultView[];
  /** accounts without a score to rank, after the ranking (with a list: their line) */
  abstained: { handle: string; network: string; reason: string; line: number | null }[];
  unknown: { input: string; line: number; reason: string }[];
  duplicates: { input: string; line: number }[];
  counts: { listed: number | null; ranked: number; abstained: number; unknown: number; duplicates: number; filtered: number; cut: number };
  extraColumns: string[];
}

/** Projects a ranking to the `rank --json` contract. */
export function toRankReport(header: ReportHeader, ranking: Ranking): RankReport {
  return {
    schema: 1,
    ...header,
    sort: ranking.sort,
    topic: ranking.topic ? { slug: ranking.topic.slug, name: ranking.topic.name } : null,
    results: ranking.results.map((r) => ({
      rank: r.rank,
      handle: r.handle,
      network: r.network,
      score: r.result.score,
      interval: r.result.interval,
      subscores: r.result.subscores,
      confidence: r.result.confidence,
      topics: r.topics.map((t) => ({ slug: t.slug, score: t.score })),
      flags: r.result.flags.map((f) => f.code),
      ...(r.topicKey ? { topic: r.topicKey } : {}),
      ...(r.entry ? { extra: r.entry.extra } : {}),
      audience: r.audience,
      activityInWindow: r.result.activityInWindow,
      lastActivity: r.result.lastActivity === null ? null : new Date(r.result.lastActivity).toISOString(),
    })),
    abstained: ranking.abstained.map((a) => ({ handle: a.handle, network: a.network, reason: a.reason, line: a.entry?.line ?? null })),
    unknown: ranking.unknown,
    duplicates: ranking.duplicates.map((d) => ({ input: d.input, line: d.line })),
    counts: ranking.counts,
    extraColumns: ranking.extraColumns,
  };
}

function cells(r: RankResultView, extraColumns: string[], topicMode: boolean): string[] {
  return [
    String(r.rank),
    `@${cleanText(r.handle)}`,
    formatScore(r),
    ...(topicMode && r.topic ? [`${r.topic.score.toFixed(1)}${r.topic.via ? ` (${cleanText(r.topic.via)})` : ''}`, r.topic.key.toFixed(1)] : []),
    r.subscores.reach.toFixed(1),
    r.subscores.amplification.toFixed(1),
    r.subscores.network.toFixed(1),
    r.confidence.toFixed(2),
    formatQuality(r),
    r.topics.map((t) => cleanText(t.slug)).join(', ') || '-',
    r.flags.join(',') || '-',
    ...extraColumns.map((c) => cleanText(r.extra?.[c] ?? '')),
  ];
}

/** '62 fake' style: the audience quality ('-' when not measured), and the account's own class when it is not real or unknown. */
function formatQuality(r: RankResultView): string {
  const a = r.audience;
  if (!a) return '-';
  const q = a.quality === null ? '-' : a.quality.toFixed(0);
  return a.class === 'real' || a.class === 'unknown' ? q : `${q} (${a.class})`;
}

/** The ranking as a table (TTY: cli-table3; piped: aligned columns), with the unknown handles listed after. */
export function renderRankText(rep: RankReport, theme: Theme, tty: boolean, columns = DEFAULT_COLUMNS): string {
  const topicMode = rep.topic !== null;
  const head = ['rank', 'handle', 'score', ...(topicMode ? ['topic', 'key'] : []), 'reach', 'amplif', 'network', 'conf', 'quality', 'top topics', 'flags', ...rep.extraColumns.map(cleanText)];
  const numeric = new Set(topicMode ? [0, 2, 3, 4, 5, 6, 7, 8] : [0, 2, 3, 4, 5, 6]);
  const out: string[] = [];
  if (rep.topic) out.push(theme.chalk.bold(`influence about ${cleanText(rep.topic.name)} (${cleanText(rep.topic.slug)}), sub-topics included; key = sqrt(topic score x score)`));
  out.push(rep.results.length ? renderTable({ head, rows: rep.results.map((r) => cells(r, rep.extraColumns, topicMode)), numeric }, theme, tty, columns) : 'no account matches');
  const c = rep.counts;
  const parts = [`${formatCount(c.ranked)} ranked`];
  if (c.listed !== null) parts.unshift(`${formatCount(c.listed)} listed`);
  if (c.abstained) parts.push(`${formatCount(c.abstained)} without a score`);
  if (c.unknown) parts.push(`${formatCount(c.unknown)} unknown`);
  if (c.duplicates) parts.push(countNoun(c.duplicates, 'duplicate'));
  if (c.filtered) parts.push(`${formatCount(c.filtered)} filtered out`);
  if (c.cut) parts.push(`${formatCount(c.cut)} past --limit`);
  out.push(`${parts.join(', ')}  (${describeWindow(rep)})`);
  out.push(...idleNote(rep.results));
  if (rep.abstained.length) {
    out.push(theme.chalk.bold('without a score (not ranked):'));
    for (const a of rep.abstained) out.push(`  ${a.line !== null ? `line ${a.line}: ` : ''}@${cleanText(a.handle)} (${cleanText(a.network)}): ${cleanText(a.reason)}`);
  }
  if (rep.unknown.length) {
    out.push(theme.chalk.bold('unknown:'));
    for (const u of rep.unknown) out.push(`  line ${u.line}: ${cleanText(u.input)} (${u.reason})`);
  }
  if (rep.duplicates.length) {
    out.push(theme.chalk.bold('duplicates (counted once):'));
    for (const d of rep.duplicates) out.push(`  line ${d.line}: ${cleanText(d.input)}`);
  }
  return out.join('\n');
}

/** The ranking as CSV (accounts without a score, unknown and duplicate handles as rows with their status, so nothing drops out of a spreadsheet). */
export function renderRankCsv(rep: RankReport): string {
  const head = ['rank', 'status', 'handle', 'network', 'score', 'low', 'high', 'reach', 'amplification', 'network_score', 'confidence', 'topics', 'flags', 'audience_quality', 'quality_low', 'quality_high', 'audience_class', ...(rep.topic ? ['topic_score', 'topic_key'] : []), ...rep.extraColumns];
  const rows: CsvCell[][] = rep.results.map((r) => [
    r.rank,
    'ranked',
    r.handle,
    r.network,
    r.score,
    r.interval[0],
    r.interval[1],
    r.subscores.reach,
    r.subscores.amplification,
    r.subscores.network,
    r.confidence,
    r.topics.map((t) => t.slug).join(' '),
    r.flags.join(' '),
    r.audience?.quality ?? null,
    r.audience?.interval?.[0] ?? null,
    r.audience?.interval?.[1] ?? null,
    r.audience?.class ?? null,
    ...(rep.topic ? [r.topic?.score ?? null, r.topic?.key ?? null] : []),
    ...rep.extraColumns.map((c) => r.extra?.[c] ?? ''),
  ]);
  const blank = (status: string, handle: string, network: string | null): CsvCell[] => [null, status, handle, network, ...head.slice(4).map(() => null)];
  for (const a of rep.abstained) rows.push(blank('no score', a.handle, a.network));
  for (const u of rep.unknown) rows.push(blank('unknown', u.input, null));
  for (const d of rep.duplicates) rows.push(blank('duplicate', d.input, null));
  return toCsv(head, rows);
}
