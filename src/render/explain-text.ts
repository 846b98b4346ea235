/** `explain` views: every contribution, and the line proving they add up to the score. */
import type { Theme } from './output-mode.js';
import type { FollowerDiscount } from '../engine/audience/follower-discount.js';
import { cleanText } from './sanitize.js';
import { describeWindow } from './report-header.js';
import { asOfHint, featureLabel, formatFlags, formatPoints, formatScore, type ScoreResultView } from './score-view.js';

/** One top engager as `explain` shows it. */
export interface EngagerView {
  handle: string;
  network: string;
  share: number;
  rank: number;
  value: number;
}

/** The `explain --json` document. */
export interface ExplainReport {
  schema: 1;
  asOf: string;
  windowDays: number;
  model: string;
  result: ScoreResultView;
  /** the contributions' sum, computed in integer tenths */
  sum: number;
  topEngagers: EngagerView[];
  /** fake and bot followers left out of the followers feature, and the points that cost; null when no audit of its followers was possible */
  realFollowers?: FollowerDiscount | null;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** 'fake followers: 412 of 1,030 classified (fake 400, bot 12), not counted as audience: followers 1,030 -> 618, -3.1'. */
export function formatFollowerDiscount(d: FollowerDiscount): string {
  const x = d.fake + d.bot;
  const points = d.points === null ? '' : `, ${d.points > 0 ? '+' : ''}${d.points.toFixed(1)}`;
  const change = x === 0 ? 'all counted as audience' : `not counted as audience: followers ${count(d.before)} -> ${count(d.after)}`;
  return `fake followers: ${count(x)} of ${count(d.classified)} classified (fake ${count(d.fake)}, bot ${count(d.bot)}), ${change}${points}`;
}

/** Sum of points in integer tenths (exact: no floating-point drift). */
export function sumTenths(points: number[]): number {
  return points.reduce((s, p) => s + Math.round(p * 10), 0);
}

const formatValue = (v: number | null): string => (v === null ? '-' : Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/\.?0+$/, ''));

/** Plain text of an explanation. */
export function renderExplain(rep: ExplainReport, theme: Theme): string {
  const { chalk } = theme;
  const r = rep.result;
  const rows = r.contributions.map((c) => [
    featureLabel(c.feature),
    c.group,
    c.source === 'imputed' && c.value !== null ? `~${formatValue(c.value)}` : formatValue(c.value),
    c.group === 'baseline' ? 'model' : c.source,
    formatPoints(c.points),
  ]);
  const head = ['contribution', 'group', 'value', 'source', 'points'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: string[]) => cells.map((c, k) => (k >= 2 && k !== 3 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ');
  const title = `${chalk.bold(`@${cleanText(r.handle)}`)} (${cleanText(r.network)})  ${describeWindow({ ...rep, model: cleanText(rep.model) })}`;
  const hint = asOfHint(r);
  if (r.score === null) return [title, `score -  abstains: ${cleanText(r.abstain ?? '')}`, ...(hint ? [hint] : [])].join('\n');
  const total = sumTenths(r.contributions.map((c) => c.points));
  const adds = total === Math.round(r.score * 10);
  const terms = r.contributions.map((c) => c.points.toFixed(1)).join(' + ').replace(/\+ -/g, '- ');
  const lines = [
    title,
    ...(hint ? [hint] : []),
    `score ${chalk.bold(formatScore(r))}  reach ${r.subscores.reach.toFixed(1)}  amplification ${r.subscores.amplification.toFixed(1)}  network ${r.subscores.network.toFixed(1)}  confidence ${r.confidence.toFixed(2)}`,
    '',
    chalk.bold(line(head)),
    ...rows.map(line),
    '',
    `sum: ${terms} = ${(total / 10).toFixed(1)} ${adds ? '=' : '!='} score ${r.score.toFixed(1)}`,
  ];
  if (rep.realFollowers) lines.push(formatFollowerDiscount(rep.realFollowers));
  if (r.missing.length > 0) {
    lines.push(`imputed (~value: not in the data, assumed; they lower the confidence and widen the interval):`);
    for (const c of r.contributions) {
      if (c.source === 'imputed') lines.push(`  ${featureLabel(c.feature)} ~${formatValue(c.value)}: ${cleanText(c.basis ?? 'from the present features')}`);
    }
  }
  lines.push(`flags: ${formatFlags(r.flags)}`);
  for (const f of r.flags) {
    lines.push(`  ${f.code}: ${Object.entries(f.evidence).map(([k, v]) => `${k}=${Array.isArray(v) ? v.map((x) => cleanText(String(x))).join('|') : cleanText(String(v))}`).join(' ')}`);
  }
  if (rep.topEngagers.length > 0) {
    lines.push('network: top engagers (share of their attention x their rank = part of the network value)');
    for (const e of rep.topEngagers) {
      lines.push(`  @${cleanText(e.handle)} (${cleanText(e.network)})  ${e.share.toFixed(3)} x ${e.rank.toFixed(3)} = ${e.value.toFixed(3)}`);
    }
  }
  return lines.join('\n');
}
