/** Plain/TTY view of an import summary. */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** What an import reports (the fields this view shows of import/run-import.ts's summary). */
export interface ImportSummaryView {
  sources: {
    path: string;
    format: string;
    read: Record<string, number>;
    alreadyImported: boolean;
    skippedRows: number;
    skippedFiles: { name: string; reason: string }[];
  }[];
  added: { accounts: number; posts: number; interactions: number; follows: number; merged: number };
  skippedRows: number;
  firstProblems: { file?: string; line?: number; record?: number; field?: string; reason: string }[];
}

/** An import summary as text: per source what was read and left out, then what was added. */
export function renderImportSummary(s: ImportSummaryView, theme: Theme): string {
  const { chalk } = theme;
  const lines: string[] = [];
  for (const src of s.sources) {
    const read = Object.entries(src.read)
      .filter(([, n]) => n > 0)
      .map(([type, n]) => `${fmt(n)} ${type}${n === 1 ? '' : 's'}`)
      .join(', ');
    lines.push(`${chalk.bold(cleanText(src.path))} (${src.format}): read ${read || 'nothing'}${src.alreadyImported ? chalk.dim(' (imported before: same sha256)') : ''}`);
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
  return lines.join('\n');
}
