/**
 * `report authenticity`: the view model (also the --json contract) and its plain/TTY and
 * CSV projections. Handles and evidence strings come from imported data: every one goes
 * through cleanText (terminal) or spreadsheetSafe (CSV).
 */
import { FLAG_LABELS } from '../engine/authenticity/index.js';
import type { Dataset } from '../engine/dataset.js';
import { FLAG_CODES, type AuthenticityAssessment, type Flag, type FlagCode } from '../engine/result-types.js';
import type { Theme } from './output-mode.js';
import { toCsv, type CsvCell } from './csv.js';
import { cleanText } from './sanitize.js';

/** One flagged account in the report. */
export interface FlaggedAccount {
  handle: string;
  network: string;
  /** multiplier on the raw additive score (1 = none) */
  damping: number;
  /** highest calibrated score the account may show */
  cap: number;
  flags: Flag[];
}

/** The report: what was judged, how many were flagged by which signal, and each flagged account. */
export interface AuthenticityReport {
  /** ISO time the window ends, null when the database has no timed activity */
  asOf: string | null;
  windowDays: number;
  accounts: number;
  flagged: number;
  byCode: Record<FlagCode, number>;
  results: FlaggedAccount[];
}

/** Builds the report from an assessment: flagged accounts, worst first (largest severity, then strongest damping, then handle). */
export function buildAuthenticityReport(pop: Dataset, as: AuthenticityAssessment, asOf: number | null, windowDays: number): AuthenticityReport {
  const byCode = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
  const results: (FlaggedAccount & { worst: number })[] = [];
  for (let i = 0; i < pop.accounts.n; i++) {
    const flags = as.flags[i]!;
    if (flags.length === 0) continue;
    for (const f of flags) byCode[f.code]++;
    results.push({
      handle: pop.accounts.handle[i] || `#${pop.accounts.dbId[i]}`,
      network: pop.accounts.network[i]!,
      damping: as.damping[i]!,
      cap: as.cap[i]!,
      flags,
      worst: Math.max(...flags.map((f) => f.severity)),
    });
  }
  results.sort((a, b) => b.worst - a.worst || a.damping - b.damping || a.handle.localeCompare(b.handle) || a.network.localeCompare(b.network));
  return {
    asOf: asOf === null ? null : new Date(asOf).toISOString(),
    windowDays,
    accounts: pop.accounts.n,
    flagged: results.length,
    byCode,
    results: results.map(({ worst: _worst, ...r }) => r),
  };
}

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
export function renderAuthenticityReport(r: AuthenticityReport, theme: Theme): string {
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
export function renderAuthenticityCsv(r: AuthenticityReport): string {
  const rows: CsvCell[][] = [];
  for (const a of r.results) {
    for (const f of a.flags) rows.push([a.handle, a.network, f.code, f.severity, f.factor, a.damping, a.cap, JSON.stringify(f.evidence)]);
  }
  return toCsv(['handle', 'network', 'code', 'severity', 'factor', 'damping', 'cap', 'evidence'], rows);
}
