/** Plain/TTY view of `db info`. */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { formatCount } from './counts.js';


/** What `db info` shows (also its --json contract, with `schema`). */
export interface DbInfoView {
  path: string;
  schemaVersion: number;
  counts: { accounts: number; posts: number; interactions: number; follows: number; runs: number };
  interactionsByKind: Record<string, number>;
  networks: { network: string; accounts: number; posts: number }[];
  /** earliest and latest event time (posts and interactions), ISO, or null when empty */
  dateRange: { from: string | null; to: string | null };
  imports: { path: string; format: string; sha256: string; importedAt: string; counts: unknown }[];
}

/** The database summary as text. */
export function renderDbInfo(info: DbInfoView, theme: Theme): string {
  const { chalk } = theme;
  const lines = [
    `${chalk.bold('database')}  ${cleanText(info.path)} (schema ${info.schemaVersion})`,
    `${chalk.bold('accounts')}  ${formatCount(info.counts.accounts)}`,
    `${chalk.bold('posts')}     ${formatCount(info.counts.posts)}`,
    `${chalk.bold('interactions')} ${formatCount(info.counts.interactions)}${
      Object.keys(info.interactionsByKind).length
        ? ` (${Object.entries(info.interactionsByKind)
            .map(([k, n]) => `${k} ${formatCount(n)}`)
            .join(', ')})`
        : ''
    }`,
    `${chalk.bold('follows')}   ${formatCount(info.counts.follows)}`,
    `${chalk.bold('runs')}      ${formatCount(info.counts.runs)}`,
    `${chalk.bold('dates')}     ${info.dateRange.from ?? '-'} .. ${info.dateRange.to ?? '-'}`,
    `${chalk.bold('networks')}  ${info.networks.map((n) => `${cleanText(n.network)} (${formatCount(n.accounts)} accounts, ${formatCount(n.posts)} posts)`).join(', ') || '-'}`,
    `${chalk.bold('imports')}   ${info.imports.length}`,
    ...info.imports.map((i) => `  ${i.importedAt}  ${i.format.padEnd(10)} ${cleanText(i.path)}  ${i.sha256.slice(0, 12)}`),
  ];
  return lines.join('\n');
}
