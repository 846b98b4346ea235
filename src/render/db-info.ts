/** Plain/TTY view of `db info`. */
import type { DbInfo } from '../store/read-info.js';
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

export function renderDbInfo(info: DbInfo, theme: Theme): string {
  const { chalk } = theme;
  const lines = [
    `${chalk.bold('database')}  ${cleanText(info.path)} (schema ${info.schemaVersion})`,
    `${chalk.bold('accounts')}  ${fmt(info.counts.accounts)}`,
    `${chalk.bold('posts')}     ${fmt(info.counts.posts)}`,
    `${chalk.bold('interactions')} ${fmt(info.counts.interactions)}${
      Object.keys(info.interactionsByKind).length
        ? ` (${Object.entries(info.interactionsByKind)
            .map(([k, n]) => `${k} ${fmt(n)}`)
            .join(', ')})`
        : ''
    }`,
    `${chalk.bold('follows')}   ${fmt(info.counts.follows)}`,
    `${chalk.bold('runs')}      ${fmt(info.counts.runs)}`,
    `${chalk.bold('dates')}     ${info.dateRange.from ?? '-'} .. ${info.dateRange.to ?? '-'}`,
    `${chalk.bold('networks')}  ${info.networks.map((n) => `${cleanText(n.network)} (${fmt(n.accounts)} accounts, ${fmt(n.posts)} posts)`).join(', ') || '-'}`,
    `${chalk.bold('imports')}   ${info.imports.length}`,
    ...info.imports.map((i) => `  ${i.importedAt}  ${i.format.padEnd(10)} ${cleanText(i.path)}  ${i.sha256.slice(0, 12)}`),
  ];
  return lines.join('\n');
}
