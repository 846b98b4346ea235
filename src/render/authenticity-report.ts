/**
 * `report authenticity`: the plain/TTY and CSV projections of the engine's report (whose
 * shape is also the --json contract). Handles and evidence strings come from imported data: every one goes
 * through cleanText (terminal) or spreadsheetSafe (CSV).
 */
import { FLAG_CODES, FLAG_LABELS, type Flag } from '../engine/result-types.js';
import type { AuthenticityReport, ProfileVerdict } from '../engine/authenticity/report.js';
import type { Theme } from './output-mode.js';
import { toCsv, type CsvCell } from './csv.js';
import { cleanText } from './sanitize.js';
import { formatCount } from './counts.js';

/** The `report authenticity --json` contract: the engine's report with its as-of as ISO text. */
export type AuthenticityReportView = Omit<AuthenticityReport, 'asOf'> & { asOf: string };

/** Projects the engine's report to its view (the as-of as ISO). */
export function toAuthenticityReportView(r: AuthenticityReport): AuthenticityReportView {
  return { ...r, asOf: new Date(r.asOf).toISOString() };
}


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
    // "activity:" beside "profiles:" below, so a report with profile verdicts does not open with "no accounts flagged"
    r.flagged === 0
      ? `activity: no account flagged for gaming (${formatCount(r.accounts)} accounts, ${window})`
      : `activity: ${chalk.bold(formatCount(r.flagged))} of ${formatCount(r.accounts)} accounts flagged for gaming (${window})`,
  ];
  if (r.flagged > 0) lines.push(`  ${FLAG_CODES.map((c) => `${c} ${r.byCode[c]}`).join(' · ')}`);
  for (const a of r.results) {
    lines.push('', `${chalk.bold(`@${cleanText(a.handle)}`)} (${cleanText(a.network)})  damping x${a.damping}  cap ${a.cap}`);
    for (const f of a.flags) {
      lines.push(`  ${chalk.yellow(FLAG_LABELS[f.code])} [${f.code}]  severity ${f.severity}  factor x${f.factor}`);
      lines.push(`    ${formatEvidence(f.evidence)}`);
    }
  }
  if (r.profiles) lines.push('', ...renderProfileVerdicts(r.profiles, theme));
  return lines.join('\n');
}

// A reader's page of verdicts: an audience of 100k followers can hold tens of thousands of
// suspicious accounts, which text cannot usefully show; JSON and CSV keep them all.
const PROFILE_VERDICTS_IN_TEXT = 50;

/** The profile-based verdicts: counts per class, then each suspicious, fake or bot account with its probability and reasons. */
function renderProfileVerdicts(p: NonNullable<AuthenticityReportView['profiles']>, theme: Theme): string[] {
  const { chalk } = theme;
  const shown = p.results.length;
  const lines = [
    shown === 0
      ? `profiles: no account classified suspicious, fake or bot (${formatCount(p.classified)} with profile data, audience model ${cleanText(p.model)})`
      : `profiles: ${chalk.bold(formatCount(shown))} of ${formatCount(p.classified)} accounts with profile data classified suspicious, fake or bot (audience model ${cleanText(p.model)})`,
    `  ${Object.entries(p.byClass).map(([c, k]) => `${c} ${formatCount(k)}`).join(' · ')}`,
  ];
  for (const v of p.results.slice(0, PROFILE_VERDICTS_IN_TEXT)) {
    const prob = v.probability === null ? '' : `  p ${v.probability.toFixed(2)}`;
    lines.push(`  ${chalk.bold(`@${cleanText(v.handle)}`)} (${cleanText(v.network)})  ${chalk.yellow(v.class)}${prob}`);
    if (v.reasons.length) lines.push(`    ${v.reasons.map((x) => cleanText(x)).join('; ')}`);
  }
  if (shown > PROFILE_VERDICTS_IN_TEXT) lines.push(`  ... and ${formatCount(shown - PROFILE_VERDICTS_IN_TEXT)} more (--json or --csv lists every account)`);
  return lines;
}

/**
 * CSV: one row per flag (evidence as JSON), then one row per account the profile
 * classifier calls suspicious, fake or bot (code empty); every row carries the account's
 * profile class, its probability and reasons (joined by '; ') when it has one.
 */
export function renderAuthenticityCsv(r: AuthenticityReportView): string {
  const rows: CsvCell[][] = [];
  const verdicts = new Map((r.profiles?.results ?? []).map((v) => [`${v.network}\u0000${v.handle}`, v]));
  const profileCells = (v: ProfileVerdict | undefined): CsvCell[] => [v?.class ?? null, v?.probability ?? null, v ? v.reasons.join('; ') : null];
  for (const a of r.results) {
    const key = `${a.network}\u0000${a.handle}`;
    const v = verdicts.get(key);
    for (const f of a.flags) rows.push([a.handle, a.network, f.code, f.severity, f.factor, a.damping, a.cap, JSON.stringify(f.evidence), ...profileCells(v)]);
    verdicts.delete(key);
  }
  for (const v of verdicts.values()) rows.push([v.handle, v.network, null, null, null, null, null, null, ...profileCells(v)]);
  return toCsv(['handle', 'network', 'code', 'severity', 'factor', 'damping', 'cap', 'evidence', 'class', 'probability', 'reasons'], rows);
}
