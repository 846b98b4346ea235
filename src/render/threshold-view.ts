/** `report threshold` views: counts, the club, near misses with their lever, movement since the last run. */
import type { Lever } from '../engine/threshold.js';
import type { ScoredResult } from '../engine/analyze.js';
import type { Movement, ThresholdPlan } from '../engine/campaign/threshold-report.js';
import { describeWindow, type ReportHeader } from './report-header.js';
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { featureLabel, idleNote } from './score-view.js';
import { DEFAULT_COLUMNS, renderTable } from './table.js';
import { countNoun, formatCount } from './counts.js';

export interface ThresholdAccount {
  handle: string;
  network: string;
  score: number;
  subscores: { reach: number; amplification: number; network: number };
  flags: string[];
  /** own posts and sent events in the window; 0 with lastActivity set: the text view suggests --as-of */
  activityInWindow: number;
  /** ISO time of the latest own post or sent event, null when none */
  lastActivity: string | null;
}

export interface ThresholdReport {
  schema: 1;
  asOf: string;
  windowDays: number;
  model: string;
  at: number;
  /** the width of the near band below `at` */
  nearWithin: number;
  topic: { slug: string; name: string } | null;
  runId: number | null;
  counts: { above: number; near: number; below: number; abstained: number; unknown: number };
  above: ThresholdAccount[];
  near: (ThresholdAccount & { gap: number; lever: Lever })[];
  /** against the previous stored run of the same model, window and population (null fields when there is none) */
  movement: { population: string; previousRun: number | null; previousAsOf: string | null; entrants: string[]; dropouts: string[] };
  /** accounts without a score to compare (abstaining, or below --min-confidence) */
  abstained: { handle: string; network: string; reason: string }[];
  unknown: { input: string; line: number; reason: string }[];
}

/** The previous run movement is measured against, when there is one. */
export interface PreviousRun {
  id: number;
  /** ISO */
  asOf: string;
}

/** Projects a threshold plan (and the run it was stored as, and its movement) to the `report threshold --json` contract. */
export function toThresholdReport(
  header: ReportHeader,
  plan: ThresholdPlan,
  runId: number | null,
  previous: { run: PreviousRun; movement: Movement } | null,
  population = 'all',
): ThresholdReport {
  const view = (r: ScoredResult): ThresholdAccount => ({
    handle: r.handle,
    network: r.network,
    score: r.score,
    subscores: r.subscores,
    flags: r.flags.map((f) => f.code),
    activityInWindow: r.activityInWindow,
    lastActivity: r.lastActivity === null ? null : new Date(r.lastActivity).toISOString(),
  });
  return {
    schema: 1,
    ...header,
    at: plan.at,
    nearWithin: plan.near,
    topic: plan.topic ? { slug: plan.topic.slug, name: plan.topic.name } : null,
    runId,
    counts: plan.counts,
    above: plan.above.map(view),
    near: plan.nearMisses.map((n) => ({ ...view(n.result), gap: n.gap, lever: n.lever })),
    movement: previous
      ? { population, previousRun: previous.run.id, previousAsOf: previous.run.asOf, entrants: previous.movement.entrants, dropouts: previous.movement.dropouts }
      : { population, previousRun: null, previousAsOf: null, entrants: [], dropouts: [] },
    abstained: plan.abstained.map((a) => ({ handle: a.handle, network: a.network, reason: a.reason })),
    unknown: plan.unknown,
  };
}

/** A lever as a phrase: "+18% engagers", "capped at 39.9 by authenticity flags", "no single feature". */
export function describeLever(lever: Lever): string {
  if (lever.kind === 'capped') return `capped at ${lever.cap.toFixed(1)} by authenticity flags: no lever`;
  if (lever.kind === 'none') return `no single feature gets there (up to x1000)`;
  return `+${lever.increasePct.toLocaleString('en-US')}% ${featureLabel(lever.feature)} (${fmt(lever.from)} -> ${fmt(lever.to)}${unitOf(lever.feature)})`;
}

/** The unit of a scored feature's value, as models/model-v2.json `units` defines them. */
export function unitOf(feature: string): string {
  if (feature.endsWith('_per_post')) return ' per post';
  if (feature === 'engagers') return ' per 90 days';
  if (feature === 'mentions_received' || feature === 'reshares_received') return ' per day';
  return '';
}

const fmt = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString());

/** The report as text: counts, the club table, near misses, movement. */
export function renderThresholdText(rep: ThresholdReport, theme: Theme, tty: boolean, columns = DEFAULT_COLUMNS): string {
  const { chalk } = theme;
  const c = rep.counts;
  const scope = rep.topic ? ` about ${cleanText(rep.topic.name)} (${cleanText(rep.topic.slug)})` : '';
  const out = [
    chalk.bold(`Klout${rep.at} club${scope}: ${formatCount(c.above)} at or above ${rep.at}, ${formatCount(c.near)} near (within ${rep.nearWithin}), ${formatCount(c.below)} below`) +
      `  (${describeWindow(rep)})`,
  ];
  if (c.abstained) out.push(`${countNoun(c.abstained, 'account')} without a score, not counted: ${rep.abstained.slice(0, 10).map((a) => `@${cleanText(a.handle)}`).join(', ')}${c.abstained > 10 ? ', ...' : ''} (--json lists them with the reason)`);
  if (c.unknown) out.push(`${countNoun(c.unknown, 'listed handle')} not in the database: ${rep.unknown.map((u) => cleanText(u.input)).join(', ')}`);
  const row = (a: ThresholdAccount) => [`@${cleanText(a.handle)}`, a.score.toFixed(1), a.subscores.reach.toFixed(1), a.subscores.amplification.toFixed(1), a.subscores.network.toFixed(1), a.flags.join(',') || '-'];
  if (rep.above.length) {
    out.push('', chalk.bold(`at or above ${rep.at}`));
    out.push(renderTable({ head: ['handle', 'score', 'reach', 'amplif', 'network', 'flags'], rows: rep.above.map(row), numeric: new Set([1, 2, 3, 4]) }, theme, tty, columns));
  }
  if (rep.near.length) {
    out.push('', chalk.bold('near misses and the cheapest lever (one feature changed, the model re-evaluated)'));
    out.push(renderTable({ head: ['handle', 'score', 'gap', 'lever'], rows: rep.near.map((a) => [`@${cleanText(a.handle)}`, a.score.toFixed(1), a.gap.toFixed(1), describeLever(a.lever)]), numeric: new Set([1, 2]) }, theme, tty, columns));
  }
  out.push(...idleNote([...rep.above, ...rep.near]));
  const m = rep.movement;
  out.push('');
  if (m.previousRun === null) out.push(`movement: no previous run of this model, window and population (${cleanText(m.population)}) to compare with`);
  else {
    const list = (xs: string[]) => (xs.length ? xs.map((h) => `@${cleanText(h)}`).join(', ') : 'none');
    out.push(`movement since run ${m.previousRun} (as of ${m.previousAsOf?.slice(0, 10)}, population ${cleanText(m.population)}): new ${list(m.entrants)}; dropped ${list(m.dropouts)}`);
  }
  return out.join('\n');
}
