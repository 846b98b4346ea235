/** `check` views: the table of what moved, a summary line, and JUnit cases for CI. */
import type { CheckResult } from '../engine/check.js';
import type { JunitCase } from './junit.js';
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { DEFAULT_COLUMNS, renderTable } from './table.js';

/** The drifted and missing rows as a table (all rows when `all`), then the verdict. */
export function renderCheckText(res: CheckResult, file: string, theme: Theme, tty: boolean, all = false, columns = DEFAULT_COLUMNS): string {
  const { chalk } = theme;
  const shown = all ? res.rows : res.rows.filter((r) => r.status !== 'ok');
  const out: string[] = [];
  if (!res.model.ok) out.push(chalk.red(`model: expected ${cleanText(res.model.expected)}, scored with ${cleanText(res.model.actual)}`));
  if (shown.length) {
    const rows = shown.map((r) => [
      `@${cleanText(r.handle.replace(/^@/, ''))}`,
      cleanText(r.expected),
      r.actual === null ? '-' : r.actual.toFixed(1),
      r.delta === null ? '-' : `${r.delta >= 0 ? '+' : ''}${r.delta.toFixed(1)}`,
      r.status === 'ok' ? r.status : chalk.red(r.status),
      cleanText(r.problems.join('; ')) || '-',
    ]);
    out.push(renderTable({ head: ['handle', 'expected', 'actual', 'delta', 'status', 'problems'], rows, numeric: new Set([2, 3]) }, theme, tty, columns));
  }
  const c = res.counts;
  const verdict = res.ok ? chalk.green('ok') : chalk.red('FAILED');
  out.push(`${verdict}: ${res.rows.length} expectations in ${cleanText(file)}: ${c.ok} hold, ${c.drift} drifted, ${c.missing} missing (tolerance ${res.tolerance})`);
  return out.join('\n');
}

/** One JUnit case per expectation, plus one for the model version. */
export function toJunitCases(res: CheckResult): JunitCase[] {
  const model: JunitCase = {
    name: 'model version',
    classname: 'influence.check',
    ...(res.model.ok ? {} : { failure: { message: `model ${res.model.actual} is not the expected ${res.model.expected}`, detail: 'regenerate the expectations for the new model with influence check --write' } }),
  };
  return [
    model,
    ...res.rows.map((r): JunitCase => ({
      name: r.handle,
      classname: 'influence.check.accounts',
      ...(r.status === 'ok' ? {} : { failure: { message: `${r.status}: ${r.problems.join('; ')}`, detail: `expected ${r.expected}; actual ${r.actual ?? 'none'}` } }),
    })),
  ];
}
