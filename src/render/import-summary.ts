/** Plain/TTY view of an import summary. */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { renderIdentityOutcome } from './identity-view.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** An account an import names as an export's owner. */
export interface OwnerView {
  network: string;
  handle?: string | null;
  externalId?: string | null;
}

/** What an import reports (the fields this view shows of import/run-import.ts's summary). */
export interface ImportSummaryView {
  sources: {
    path: string;
    format: string;
    read: Record<string, number>;
    alreadyImported: boolean;
    owners: OwnerView[];
    notices: { name: string; message: string }[];
    skippedRows: number;
    skippedFiles: { name: string; reason: string }[];
  }[];
  added: { accounts: number; posts: number; interactions: number; follows: number; merged: number };
  skippedRows: number;
  firstProblems: { file?: string; line?: number; record?: number; field?: string; reason: string }[];
}

/** `network:handle (id)`, or the id alone when the export names no handle. */
function showOwner(o: OwnerView): string {
  if (o.handle && o.externalId) return `${o.network}:${o.handle} (${o.externalId})`;
  if (o.handle) return `${o.network}:${o.handle}`;
  return `${o.network}:${o.externalId ?? '?'} (no handle in the export)`;
}

/** An import summary as text: per source what was read, its owner and notes, what was left out; then what was added. */
export function renderImportSummary(s: ImportSummaryView, theme: Theme): string {
  const { chalk } = theme;
  const lines: string[] = [];
  for (const src of s.sources) {
    const read = Object.entries(src.read)
      .filter(([, n]) => n > 0)
      .map(([type, n]) => `${fmt(n)} ${type}${n === 1 ? '' : 's'}`)
      .join(', ');
    lines.push(`${chalk.bold(cleanText(src.path))} (${src.format}): read ${read || 'nothing'}${src.alreadyImported ? chalk.dim(' (imported before: same sha256)') : ''}`);
    for (const o of src.owners) lines.push(`  owner: ${cleanText(showOwner(o))}`);
    for (const n of src.notices) lines.push(chalk.yellow(`  note: ${cleanText(n.name)}: ${cleanText(n.message)}`));
    if (src.skippedRows) lines.push(chalk.yellow(`  skipped ${fmt(src.skippedRows)} invalid row${src.skippedRows === 1 ? '' : 's'}`));
    for (const f of src.skippedFiles) lines.push(chalk.dim(`  not imported: ${cleanText(f.name)} (${cleanText(f.reason)})`));
  }
  const a = s.added;
  lines.push(
    `added ${fmt(a.accounts)} accounts, ${fmt(a.posts)} posts, ${fmt(a.interactions)} interactions, ${fmt(a.follows)} follows` +
      (a.merged ? `; merged ${fmt(a.merged)} accounts known by id and by handle` : ''),
  );
  if (s.skippedRows) {
    lines.push(chalk.yellow(`skipped ${fmt(s.skippedRows)} invalid rows; first reasons:`));
    for (const p of s.firstProblems) {
      const where = [p.file, p.line !== undefined ? `line ${p.line}` : '', p.record !== undefined ? `record ${p.record}` : ''].filter(Boolean).join(':');
      lines.push(`  ${cleanText(where)}: ${p.field ? `${cleanText(p.field)}: ` : ''}${cleanText(p.reason)}`);
    }
  }
  lines.push(...renderIdentityOutcome(s.added, theme));
  return lines.join('\n');
}
