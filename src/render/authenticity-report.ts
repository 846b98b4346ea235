/**
 * `report authenticity`: the plain/TTY and CSV projections of the engine's report (whose
 * shape is also the --json contract). Handles and evidence strings come from imported data: every one goes
 * through cleanText (terminal) or spreadsheetSafe (CSV).
 */
import { FLAG_CODES, FLAG_LABELS, type Flag } from '../engine/result-types.js';
import type { AuthenticityReport } from '../engine/authenticity/report.js';

/** The `report authenticity --json` contract: the engine's report with its as-of as ISO text. */
export type AuthenticityReportView = Omit<AuthenticityReport, 'asOf'> & { asOf: string };

/** Projects the engine's report to its view (the as-of as ISO). */
export function toAuthenticityReportView(r: AuthenticityReport): AuthenticityReportView {
  return { ...r, asOf: new Date(r.asOf).toISOString() };
}
import type { Theme } from './output-mode.js';
import { toCsv, type CsvCell } from './csv.js';
import { cleanText } from './sanitize.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Evidence as one line: each measured value next to its threshold ("ratio 0.96 (min 0.8)"). */
export function formatEvidence(evidence: Flag['evidence']): string {
  const keys = Object.keys(evidence);
  const shown = new Set<string>();
  const parts: string[] = [];
  const value = (v: Flag['evidence'][string]): string => (Array.isArray(v) ? v.map((x) => cleanText(x)).join(', ') : cleanText(String(v)));
  for (const k of keys) {
    if (shown.has(k)) continue;
    shown.add(k);
    const bounds: string[] = [];
    for (const [suffix, word] of [
      ['Min', 'min'],
      ['Max', 'max'],
    ] as const) {
      const t = `${k}${suffix}`;
      if (t in evidence) {
        bounds.push(`${word} ${value(evidence[t]!)}`);
        shown.add(t);
      }
    }
    parts.push(`${cleanText(k)} ${value(evidence[k]!)}${bounds.length ? ` (${bounds.join(', ')})` : ''}`);
  }
  return parts.join(' · ');
}

/** Plain text (colour when the theme has it). */
export function renderAuthenticityReport(r: AuthenticityReportView, theme: Theme): string {
  const { chalk } = theme;
  const window = `window ${r.windowDays} days${r.asOf ? ` to ${r.asOf.slice(0, 10)}` : ''}`;
  const lines = [
    r.flagged === 0
      ? `no accounts flagged (${fmt(r.accounts)} accounts, ${window})`
      : `${chalk.bold(fmt(r.flagged))} of ${fmt(r.accounts)} accounts flagged (${window})`,
  ];
  if (r.flagged > 0) lines.push(`  ${FLAG_CODES.map((c) => `${c} ${r.byCode[c]}`).join(' · ')}`);
  for (const a of r.results) {
    lines.push('', `${chalk.bold(`@${cleanText(a.handle)}`)} (${cleanText(a.network)})  damping x${a.damping}  cap ${a.cap}`);
    for (const f of a.flags) {
      lines.push(`  ${chalk.yellow(FLAG_LABELS[f.code])} [${f.code}]  severity ${f.severity}  factor x${f.factor}`);
      lines.push(`    ${formatEvidence(f.evidence)}`);
    }
  }
  return lines.join('\n');
}

/** CSV: one row per flag, evidence as JSON in the last column. */
export function renderAuthenticityCsv(r: AuthenticityReportView): string {
  const rows: CsvCell[][] = [];
  for (const a of r.results) {
    for (const f of a.flags) rows.push([a.handle, a.network, f.code, f.severity, f.factor, a.damping, a.cap, JSON.stringify(f.evidence)]);
  }
  return toCsv(['handle', 'network', 'code', 'severity', 'factor', 'damping', 'cap', 'evidence'], rows);
}
