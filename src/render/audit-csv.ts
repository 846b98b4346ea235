/**
 * `influence audit --csv`: one row per follower (handle, class, probability, reasons),
 * through toCsv, so every text cell is spreadsheet-safe (sanitize.ts spreadsheetSafe: a
 * handle or reason starting with = + - @ cannot run as a formula).
 */
import type { Theme } from './output-mode.js';
import type { AuditView } from './audit-view.js';
import { toCsv } from './csv.js';

/** The CSV document (the theme is unused: CSV has no colour). */
export function renderAuditCsv(v: AuditView, _theme?: Theme): string {
  return toCsv(
    ['audited', 'handle', 'class', 'probability', 'reasons'],
    v.accounts.map((a) => [v.handle, a.handle, a.class, a.probability, a.reasons.join('; ')]),
  );
}
