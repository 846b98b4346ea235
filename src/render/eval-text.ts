/** `eval` and `fit` plain views. */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { formatCount } from './counts.js';
import type { BaselineComparison, PairEvaluation, PairFitReport } from '../engine/fit/pairs.js';

/** The `eval --json` document: the evaluation (engine/fit/pairs.ts) under its schema and model version. */
export interface EvalReport extends PairEvaluation {
  schema: 1;
  model: string;
}

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

/** '+0.020 (95% +0.008 to +0.032): better' - a margin with its interval and what the interval allows one to say. */
function describeMargin(c: BaselineComparison | null, items = 'pairs'): string {
  if (!c) return `margin not known (too few ${items})`;
  const verdict = c.interval[0] > 0 ? 'better' : c.interval[1] < 0 ? 'worse' : `not distinguishable on these ${items}`;
  return `${signed(c.difference)} (95% ${signed(c.interval[0])} to ${signed(c.interval[1])}): ${verdict}`;
}

/** Plain text of an evaluation. */
export function renderEval(rep: EvalReport, theme: Theme): string {
  const b = theme.chalk.bold;
  return [
    `${b('model')}      ${cleanText(rep.model)}`,
    `${b('pairs')}      ${formatCount(rep.n)}`,
    `${b('AUC')}        ${rep.auc.toFixed(4)}${rep.aucInterval ? ` (95% interval ${rep.aucInterval[0].toFixed(3)}-${rep.aucInterval[1].toFixed(3)})` : ''}`,
    `${b('accuracy')}   ${rep.accuracy.toFixed(4)}`,
    `${b('baselines')}  followers alone AUC ${rep.baselines.followers.toFixed(4)}, listed alone AUC ${rep.baselines.listed.toFixed(4)}`,
    `${b('margin')}     over followers alone ${describeMargin(rep.versusBaselines.followers)}`,
    `           over listed alone ${describeMargin(rep.versusBaselines.listed)}`,
  ].join('\n');
}

/** What `fit` reports about the model it wrote (`fit --json` with --out). */
export interface FitSummary {
  schema: 1;
  out: string | null;
  model: string;
  pairs: number;
  fitted: string[];
  prior: string[];
  cv: PairFitReport['cv'];
  inSample: { auc: number; accuracy: number };
}

/** Plain text of a fit. */
export function renderFit(rep: FitSummary, theme: Theme): string {
  const b = theme.chalk.bold;
  return [
    `${b('model')}      ${cleanText(rep.model)}${rep.out ? ` -> ${cleanText(rep.out)}` : ''}`,
    `${b('pairs')}      ${rep.pairs}`,
    `${b('fitted')}     ${rep.fitted.join(', ') || '-'}`,
    `${b('priors')}     ${rep.prior.join(', ') || '-'} (kept from the base model: not shown by these pairs)`,
    rep.cv
      ? [
          `${b('CV')}         ${rep.cv.folds}-fold AUC ${rep.cv.auc.toFixed(4)}${rep.cv.aucInterval ? ` (95% interval ${rep.cv.aucInterval[0].toFixed(3)}-${rep.cv.aucInterval[1].toFixed(3)})` : ''} (folds ${rep.cv.foldAuc.map((x) => x.toFixed(3)).join(' ')})`,
          `${b('CV margin')}  over followers alone ${describeMargin(rep.cv.versusBaselines.followers)}`,
          `           over listed alone ${describeMargin(rep.cv.versusBaselines.listed)}`,
        ].join('\n')
      : `${b('CV')}         none (--folds < 2)`,
    `${b('in-sample')}  AUC ${rep.inSample.auc.toFixed(4)}, accuracy ${rep.inSample.accuracy.toFixed(4)}`,
  ].join('\n');
}

/** The `eval --engagement --json` document. */
export interface EngagementEvalReport {
  schema: 1;
  model: string;
  asOf: string;
  windowDays: number;
  split: string;
  population: number;
  spearman: number;
  spearmanInterval: [number, number] | null;
  baseline: { pastEngagers: number };
  versusBaseline: BaselineComparison | null;
  topK: { k: number; score: number; pastEngagers: number }[];
}

/** Plain text of an engagement evaluation. */
export function renderEngagementEval(rep: EngagementEvalReport, theme: Theme): string {
  const b = theme.chalk.bold;
  return [
    `${b('model')}      ${cleanText(rep.model)}`,
    `${b('as of')}      ${rep.asOf}, window ${rep.windowDays} days; future: engagement at or after ${rep.split}`,
    `${b('accounts')}   ${formatCount(rep.population)} (at least one distinct engager in the window)`,
    `${b('Spearman')}   score ${rep.spearman.toFixed(4)}${rep.spearmanInterval ? ` (95% interval ${rep.spearmanInterval[0].toFixed(3)}-${rep.spearmanInterval[1].toFixed(3)})` : ''}, past distinct engagers ${rep.baseline.pastEngagers.toFixed(4)} (with distinct engagers after the split)`,
    `${b('margin')}     over past distinct engagers ${describeMargin(rep.versusBaseline, 'accounts')}`,
    ...rep.topK.map((t) => `${b(`top ${t.k}`.padEnd(10))} overlap with the future top ${t.k}: score ${t.score.toFixed(3)}, past engagers ${t.pastEngagers.toFixed(3)}`),
  ].join('\n');
}
