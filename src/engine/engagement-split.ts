/**
 * The score against real engagement over time: score the data as of a split date and
 * count, for each account, the distinct accounts that engage with it after the split.
 *
 * Definition. Interactions (actor, target, kind, time); as-of = split - 1 s; the scoring
 * window is (as-of - windowDays, as-of]. The evaluated population is every account with
 * at least one distinct engager in the scoring window (past distinct engagers >= 1), the
 * same for the model and the baseline. For each: past = distinct engagers in the window,
 * future = distinct engagers at or after the split (engagement kinds only, self-engagement
 * excluded). Reported: Spearman(score, future), Spearman(past, future) (the baseline), and
 * the top-k overlap of each with the future (k = 100 and 1% of the population).
 *
 * Source: the protocol for the KONECT Digg replies (De Choudhury et al. 2009):
 * split 2008-11-06, window 9 days. Worked example: a replied to b twice and c once before
 * the split, d replied to b after it: population {b, c}, past b = 1, c = 1; future b = 1.
 */
import { KIND, KIND_CODES, LISTS, unknownAccountColumns, type Dataset, type KindName } from './dataset.js';
import { averageRanks, spearman, topKOverlap } from './metrics.js';
import { correlationDifference, spearmanInterval } from './fit/correlation-interval.js';
import type { Model } from './model.js';
import { scoreAccounts, type ScoreTable } from './score.js';
import { DAY_MS, type ScoringWindow } from './window.js';
import { ENGAGEMENT_KINDS } from './engagement.js';

/** One row of a generic interactions file. */
export interface InteractionRow {
  actor: string;
  target: string;
  kind: KindName;
  /** epoch ms */
  createdAt: number;
}

/**
 * A Dataset of the rows alone: one account per distinct handle (in order of first
 * appearance), every interaction, no posts or follows. Every account is marked
 * LISTS.RECEPTION: such a file is a population's whole record of engagement, so an account
 * that received nothing received nothing (not a gap).
 */
export function datasetFromInteractions(rows: readonly InteractionRow[], network = 'generic'): Dataset {
  const index = new Map<string, number>();
  const handles: string[] = [];
  const id = (h: string): number => {
    let i = index.get(h);
    if (i === undefined) {
      i = handles.push(h) - 1;
      index.set(h, i);
    }
    return i;
  };
  const m = rows.length;
  const actor = new Int32Array(m);
  const target = new Int32Array(m);
  const kind = new Uint8Array(m);
  const createdAt = new Float64Array(m);
  rows.forEach((r, e) => {
    actor[e] = id(r.actor);
    target[e] = id(r.target);
    kind[e] = KIND_CODES.indexOf(r.kind);
    createdAt[e] = r.createdAt;
  });
  const n = handles.length;
  return {
    accounts: { ...unknownAccountColumns(n, network), handle: handles, lists: new Uint8Array(n).fill(LISTS.RECEPTION) },
    posts: { n: 0, author: new Int32Array(0), createdAt: new Float64Array(0), kind: new Uint8Array(0), hashtags: new Uint16Array(0), words: new Uint16Array(0), likes: new Float64Array(0), reshares: new Float64Array(0), replies: new Float64Array(0) },
    interactions: { n: m, actor, target, kind, createdAt, targetPost: new Int32Array(m).fill(-1) },
    follows: { n: 0, follower: new Int32Array(0), followee: new Int32Array(0), createdAt: new Float64Array(0) },
  };
}

/** The accounts scored as of the split, with their past and future distinct engagers. */
export interface EngagementSplit {
  window: ScoringWindow;
  table: ScoreTable;
  /** account indices of the evaluated population (past >= 1), ascending */
  population: Int32Array;
  /** per account: distinct engagers in the window / at or after the split */
  past: Float64Array;
  future: Float64Array;
}

/** Scores `ds` as of `split - 1 s` over `windowDays` and counts distinct engagers before and after. */
export function splitEngagement(ds: Dataset, split: number, windowDays: number, model: Model): EngagementSplit {
  const window: ScoringWindow = { asOf: split - 1000, windowDays };
  const table = scoreAccounts(ds, { window, model });
  const n = ds.accounts.n;
  const start = window.asOf - windowDays * DAY_MS;
  const engaging = new Uint8Array(KIND_CODES.length);
  for (const k of ENGAGEMENT_KINDS) engaging[k] = 1;
  const past = distinctEngagers(ds, n, engaging, (t) => t > start && t <= window.asOf);
  const future = distinctEngagers(ds, n, engaging, (t) => t > window.asOf);
  const population: number[] = [];
  for (let i = 0; i < n; i++) if (past[i]! >= 1) population.push(i);
  return { window, table, population: Int32Array.from(population), past, future };
}

function distinctEngagers(ds: Dataset, n: number, engaging: Uint8Array, when: (t: number) => boolean): Float64Array {
  const E = ds.interactions;
  const seen = new Set<number>();
  const out = new Float64Array(n);
  for (let e = 0; e < E.n; e++) {
    const a = E.actor[e]!;
    const b = E.target[e]!;
    if (a < 0 || b < 0 || a === b || engaging[E.kind[e]!] !== 1 || !when(E.createdAt[e]!)) continue;
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    out[b]!++;
  }
  return out;
}

/** What `influence eval --engagement` reports. */
export interface EngagementReport {
  /** epoch ms */
  asOf: number;
  windowDays: number;
  /** epoch ms */
  split: number;
  /** accounts with at least one engager in the window */
  population: number;
  spearman: number;
  /** 95% interval of the score's Spearman (Fisher z; null for fewer than 4 accounts) */
  spearmanInterval: [number, number] | null;
  baseline: { pastEngagers: number };
  /** the score's Spearman minus past engagers', with its 95% interval (Zou 2007: both share the future counts) */
  versusBaseline: { difference: number; interval: [number, number] } | null;
  topK: { k: number; score: number; pastEngagers: number }[];
}

/** Spearman of the score and of past distinct engagers with future distinct engagers (each with how sure it is), and top-k overlaps. */
export function evaluateEngagement(s: EngagementSplit): EngagementReport {
  const pop = Array.from(s.population);
  const score = pop.map((i) => s.table.score[i]!);
  const past = pop.map((i) => s.past[i]!);
  const future = pop.map((i) => s.future[i]!);
  const ks = [...new Set([100, Math.max(1, Math.round(pop.length / 100))])].filter((k) => k <= pop.length).sort((a, b) => a - b);
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  const rScore = spearman(score, future);
  const rPast = spearman(past, future);
  const interval = spearmanInterval(rScore, pop.length);
  const versus = correlationDifference(rScore, rPast, spearman(score, past), pop.length);
  return {
    asOf: s.window.asOf,
    windowDays: s.window.windowDays,
    split: s.window.asOf + 1000,
    population: pop.length,
    spearman: r4(rScore),
    spearmanInterval: interval && [r4(interval[0]), r4(interval[1])],
    baseline: { pastEngagers: r4(rPast) },
    versusBaseline: versus && { difference: r4(versus.difference), interval: [r4(versus.interval[0]), r4(versus.interval[1])] },
    topK: ks.map((k) => ({ k, score: r4(topKOverlap(score, future, k)), pastEngagers: r4(topKOverlap(past, future, k)) })),
  };
}

/** Ranks for tests and reports (average ranks for ties). */
export const ranksOf = averageRanks;
