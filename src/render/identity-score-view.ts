/**
 * Views of identities' combined scores (engine/identity.ts): `score --identity`,
 * `explain --identity` and `rank --identities`, as JSON contracts, CSV and plain text.
 * Renderers project the engine's IdentityScore; they never recompute a number.
 */
import type { IdentityScore, NetworkPart } from '../engine/identity.js';
import type { IdentityRanking } from '../engine/campaign/rank-identities.js';
import type { Theme } from './output-mode.js';
import type { ReportHeader } from './report-header.js';
import { cleanText } from './sanitize.js';
import { toCsv, type CsvCell } from './csv.js';
import { renderTable } from './table.js';
import { formatScore, type ScoreResultView } from './score-view.js';
import { renderExplain, sumTenths } from './explain-text.js';
import { countNoun, formatCount } from './counts.js';

/** One network of an identity (`networks[]` in the JSON contract). */
export interface NetworkPartView {
  network: string;
  /** the account counted for the network: its best-scoring one */
  handle: string;
  /** its own score, as `score network:handle` shows it; null when every account on the network abstains */
  score: number | null;
  interval: [number, number] | null;
  abstain: string | null;
  confidence: number;
  /** its share of the combined strength, exp(E_n - E*); null when abstaining */
  share: number | null;
  /** points it adds to the combined score (the first network: its own score); they sum to the score */
  points: number | null;
  /** its effective total in logits, E_n; null when abstaining (and for an account in no identity in `rank --identities`, which ranks by its own score) */
  total: number | null;
  /** flag codes of the counted account */
  flags: string[];
  /** the identity's other accounts on this network (not added: they share its audience) */
  others: { handle: string; score: number | null; abstain: string | null }[];
}

/** One identity's combined score (`identities[]` of `score --identity --json`). */
export interface IdentityResultView {
  identity: string;
  /** null when every account abstains */
  score: number | null;
  /** 80% interval; null when abstaining */
  interval: [number, number] | null;
  abstain: string | null;
  confidence: number;
  /** the combined total E* = ln(sum exp(E_n)) in logits; null when abstaining */
  total: number | null;
  /** scored networks by total descending, then networks whose accounts all abstain */
  networks: NetworkPartView[];
}

/** The `score --identity --json` document. */
export interface IdentityScoreReport extends ReportHeader {
  schema: 1;
  identities: IdentityResultView[];
}

function toPartView(p: NetworkPart): NetworkPartView {
  return {
    network: p.network,
    handle: p.account.handle,
    score: p.total === null ? null : p.account.score,
    interval: p.total === null ? null : p.account.interval,
    abstain: p.account.abstain,
    confidence: p.account.confidence,
    share: p.share,
    points: p.points,
    total: p.total,
    flags: p.account.flags.map((f) => f.code),
    others: p.others.map((o) => ({ handle: o.handle, score: o.score, abstain: o.abstain })),
  };
}

/** Projects an engine result to the JSON/view contract (key order as documented). */
export function toIdentityResultView(s: IdentityScore): IdentityResultView {
  return { identity: s.identity, score: s.score, interval: s.interval, abstain: s.abstain, confidence: s.confidence, total: s.total, networks: s.networks.map(toPartView) };
}

/** Plain text of one identity: the combined score, then a line per network with the points it adds. */
export function renderIdentityBlock(r: IdentityResultView, theme: Theme): string {
  const { chalk } = theme;
  const head = `${chalk.bold(cleanText(r.identity))} (identity, ${countNoun(r.networks.length, 'network')})`;
  if (r.score === null) return [`${head}  score -  (abstains: ${cleanText(r.abstain ?? '')})`].join('\n');
  const rows = r.networks.map((n) => [
    cleanText(n.network),
    `@${cleanText(n.handle)}`,
    n.score === null ? '-' : formatScore(n),
    n.share === null ? '' : `share ${n.share.toFixed(2)}`,
    n.points === null ? `abstains: ${cleanText(n.abstain ?? '')}` : `${n.points >= 0 ? '+' : ''}${n.points.toFixed(1)}`,
    [n.flags.length ? `flags ${n.flags.join(',')}` : '', n.others.length ? `also @${n.others.map((o) => cleanText(o.handle)).join(', @')} (not added)` : ''].filter(Boolean).join('  '),
  ]);
  const widths = [0, 1, 2, 3].map((k) => Math.max(...rows.map((row) => row[k]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, k) => (k < 4 ? (k === 2 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!)) : c)).join('  ')}`.trimEnd();
  return [
    `${head}  score ${chalk.bold(formatScore(r))}  confidence ${r.confidence.toFixed(2)}`,
    ...rows.map(line),
    chalk.dim('  networks combine as strengths: total = ln(sum of exp(network total)); within a network only its best account counts'),
  ].join('\n');
}

/** Plain output of `score --identity`. */
export function renderIdentityScorePlain(rep: IdentityScoreReport, theme: Theme): string {
  return rep.identities.map((r) => renderIdentityBlock(r, theme)).join('\n\n');
}

/** CSV of `score --identity`: one row per account of each identity, the identity's numbers repeated. */
export function renderIdentityScoreCsv(rep: IdentityScoreReport): string {
  const head = ['identity', 'identity_score', 'identity_low', 'identity_high', 'identity_confidence', 'network', 'handle', 'counted', 'score', 'low', 'high', 'share', 'points', 'flags', 'abstain'];
  const rows: CsvCell[][] = [];
  for (const r of rep.identities) {
    const id: CsvCell[] = [r.identity, r.score, r.interval?.[0], r.interval?.[1], r.confidence];
    for (const n of r.networks) {
      rows.push([...id, n.network, n.handle, n.score !== null, n.score, n.interval?.[0], n.interval?.[1], n.share, n.points, n.flags.join(' '), n.abstain ?? '']);
      for (const o of n.others) rows.push([...id, n.network, o.handle, false, o.score, null, null, null, null, '', o.abstain ?? '']);
    }
  }
  return toCsv(head, rows);
}

/** The `explain --identity --json` document. */
export interface IdentityExplainReport extends ReportHeader {
  schema: 1;
  identity: IdentityResultView;
  /** the networks' points summed in integer tenths: equals the score */
  sum: number | null;
  /** each counted account's itemised score, in the order of `identity.networks` */
  accounts: ScoreResultView[];
}

/** Plain text of `explain --identity`: the combination and the proof it adds up, then each counted account's contributions. */
export function renderIdentityExplain(rep: IdentityExplainReport, theme: Theme): string {
  const r = rep.identity;
  const lines = [`${renderIdentityBlock(r, theme)}`, `  as of ${rep.asOf}, window ${rep.windowDays} days, model ${cleanText(rep.model)}`];
  if (r.score !== null && rep.sum !== null) {
    const terms = r.networks.filter((n) => n.points !== null).map((n) => n.points!.toFixed(1)).join(' + ');
    const logits = r.networks.filter((n) => n.total !== null).map((n) => n.total!.toFixed(3)).join(', ');
    lines.push(`  combined total: ln(sum of exp(${logits})) = ${r.total!.toFixed(3)} logits`);
    lines.push(`  sum: ${terms} = ${rep.sum.toFixed(1)} ${Math.round(rep.sum * 10) === Math.round(r.score * 10) ? '=' : '!='} score ${r.score.toFixed(1)}`);
  }
  for (const a of rep.accounts) {
    lines.push('', renderExplain({ schema: 1, asOf: rep.asOf, windowDays: rep.windowDays, model: rep.model, result: a, sum: sumTenths(a.contributions.map((c) => c.points)) / 10, topEngagers: [] }, theme));
  }
  return lines.join('\n');
}

/** One row of `rank --identities --json`. */
export interface IdentityRankRowView {
  rank: number;
  /** the identity's name; null for an account in no identity (it ranks as itself) */
  identity: string | null;
  /** an account in no identity: its handle and network; null for an identity */
  handle: string | null;
  network: string | null;
  score: number;
  interval: [number, number];
  confidence: number;
  /** flag codes of the counted accounts */
  flags: string[];
  /** the networks behind the score (one for an account in no identity) */
  networks: NetworkPartView[];
}

/** The `rank --identities --json` document. */
export interface IdentityRankReport extends ReportHeader {
  schema: 1;
  sort: 'score';
  identities: true;
  results: IdentityRankRowView[];
  abstained: { identity: string | null; handle: string; network: string; reason: string }[];
  counts: IdentityRanking['counts'];
}

/** Projects a ranking of people to the `rank --identities --json` contract. */
export function toIdentityRankReport(header: ReportHeader, ranking: IdentityRanking): IdentityRankReport {
  return {
    schema: 1,
    ...header,
    sort: 'score',
    identities: true,
    results: ranking.results.map((row): IdentityRankRowView => {
      if (row.kind === 'identity') {
        const v = toIdentityResultView(row.identity);
        const flags = [...new Set(v.networks.flatMap((n) => n.flags))];
        return { rank: row.rank, identity: v.identity, handle: null, network: null, score: row.identity.score, interval: row.identity.interval, confidence: v.confidence, flags, networks: v.networks };
      }
      const a = row.account;
      const part: NetworkPartView = {
        network: a.network, handle: a.handle, score: a.score, interval: a.interval, abstain: null, confidence: a.confidence,
        share: 1, points: a.score, total: null, flags: a.flags.map((f) => f.code), others: [],
      };
      return { rank: row.rank, identity: null, handle: a.handle, network: a.network, score: a.score, interval: a.interval, confidence: a.confidence, flags: part.flags, networks: [part] };
    }),
    abstained: ranking.abstained,
    counts: ranking.counts,
  };
}

const nameOf = (r: IdentityRankRowView): string => (r.identity !== null ? cleanText(r.identity) : `@${cleanText(r.handle ?? '')}`);
const networksOf = (r: IdentityRankRowView): string =>
  r.networks.map((n) => `${cleanText(n.network)}${n.score === null ? ' -' : ` ${n.score.toFixed(1)}`}`).join(', ');

/** The ranking of people as a table (TTY: boxes; piped: aligned columns). */
export function renderIdentityRankText(rep: IdentityRankReport, theme: Theme, tty: boolean): string {
  const head = ['rank', 'identity / account', 'score', 'conf', 'networks', 'flags'];
  const rows = rep.results.map((r) => [String(r.rank), nameOf(r), formatScore(r), r.confidence.toFixed(2), networksOf(r), r.flags.join(',') || '-']);
  const out = [rows.length ? renderTable({ head, rows, numeric: new Set([0, 2, 3]) }, theme, tty) : 'nothing to rank'];
  const c = rep.counts;
  const parts = [`${formatCount(c.ranked)} ranked (${countNoun(c.identities, 'identity', 'identities')}, ${countNoun(c.accounts, 'account')} in none)`];
  if (c.abstained) parts.push(`${formatCount(c.abstained)} without a score`);
  if (c.filtered) parts.push(`${formatCount(c.filtered)} filtered out`);
  if (c.cut) parts.push(`${formatCount(c.cut)} past --limit`);
  out.push(`${parts.join(', ')}  (as of ${rep.asOf.slice(0, 10)}, ${rep.windowDays}-day window, model ${cleanText(rep.model)})`);
  if (rep.abstained.length) {
    out.push(theme.chalk.bold('without a score (not ranked):'));
    for (const a of rep.abstained) out.push(`  ${a.identity !== null ? `${cleanText(a.identity)} (identity)` : `@${cleanText(a.handle)} (${cleanText(a.network)})`}: ${cleanText(a.reason)}`);
  }
  return out.join('\n');
}

/** The ranking of people as CSV (rows without a score after, with their status). */
export function renderIdentityRankCsv(rep: IdentityRankReport): string {
  const head = ['rank', 'status', 'identity', 'handle', 'network', 'score', 'low', 'high', 'confidence', 'networks', 'flags'];
  const rows: CsvCell[][] = rep.results.map((r) => [
    r.rank, 'ranked', r.identity ?? '', r.handle ?? '', r.network ?? '', r.score, r.interval[0], r.interval[1], r.confidence,
    r.networks.map((n) => `${n.network}:${n.handle}${n.score === null ? '' : ` ${n.score}`}`).join('; '), r.flags.join(' '),
  ]);
  for (const a of rep.abstained) rows.push([null, 'no score', a.identity ?? '', a.handle, a.network, null, null, null, null, '', '']);
  return toCsv(head, rows);
}
