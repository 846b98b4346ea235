/** `eval` and `fit` plain views. */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';

/** The `eval --json` document. */
export interface EvalReport {
  schema: 1;
  model: string;
  n: number;
  auc: number;
  accuracy: number;
  baselines: { followers: number; listed: number };
}

/** Plain text of an evaluation. */
export function renderEval(rep: EvalReport, theme: Theme): string {
  const b = theme.chalk.bold;
  return [
    `${b('model')}      ${cleanText(rep.model)}`,
    `${b('pairs')}      ${rep.n}`,
    `${b('AUC')}        ${rep.auc.toFixed(4)}`,
    `${b('accuracy')}   ${rep.accuracy.toFixed(4)}`,
    `${b('baselines')}  followers alone AUC ${rep.baselines.followers.toFixed(4)}, listed alone AUC ${rep.baselines.listed.toFixed(4)}`,
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
  cv: { folds: number; auc: number; accuracy: number; foldAuc: number[]; bySource: Record<string, number> } | null;
  inSample: { auc: number; accuracy: number };
}

/** Plain text of a fit. */
export function renderFit(rep: FitSummary, theme: Theme): string {
  const b = theme.chalk.bold;
  return [
    `${b('model')}      ${cleanText(rep.model)}${rep.out ? ` -> ${cleanText(rep.out)}` : ''}`,
    `${b('pairs')}      ${rep.pairs}`,
    `${b('fitted')}     ${rep.fitted.join(', ') || '-'}`,
    `${b('priors')}     ${rep.prior.join(', ') || '-'} (kept from the model spec: not shown by these pairs, or fixed by design)`,
    rep.cv
      ? `${b('CV')}         ${rep.cv.folds}-fold AUC ${rep.cv.auc.toFixed(4)}, accuracy ${rep.cv.accuracy.toFixed(4)} (folds ${rep.cv.foldAuc.map((x) => x.toFixed(3)).join(' ')}; by source ${Object.entries(rep.cv.bySource).map(([k, v]) => `${cleanText(k)} ${v.toFixed(4)}`).join(', ')})`
      : `${b('CV')}         none (--folds < 2)`,
    `${b('in-sample')}  AUC ${rep.inSample.auc.toFixed(4)}, accuracy ${rep.inSample.accuracy.toFixed(4)}`,
  ].join('\n');
}
