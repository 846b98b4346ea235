/**
 * `influence check`: compare fresh results against an expectations file, for CI.
 *
 * An expectation holds when the fresh score is within `tolerance` of an expected `score`,
 * inside [`min`, `max`] when those are given, every expected flag is raised and every
 * expected topic is assigned. Anything else is drift, and so is an account that is no
 * longer in the database or a model version other than the expected one.
 * Example: expected score 63.4, tolerance 1, fresh 64.1 -> ok (delta +0.7);
 * fresh 65.0 -> drift (delta +1.6).
 */
import { explainAccount, topicsOfAccount, type Analysis } from './analyze.js';
import { findAccounts, parseHandleSpec } from './handles.js';

export interface Expectation {
  handle: string;
  score?: number;
  min?: number;
  max?: number;
  flags?: string[];
  topics?: string[];
}

export interface Expectations {
  schema: 1;
  asOf: string;
  windowDays: number;
  model: string;
  tolerance?: number;
  accounts: Expectation[];
}

/** What the check needs of a fresh result. */
export interface Observed {
  /** null when the account abstains */
  score: number | null;
  /** why it abstains, when it does */
  abstain?: string | null;
  flags: string[];
  topics: string[];
}

export interface CheckRow {
  handle: string;
  status: 'ok' | 'drift' | 'missing';
  expected: string;
  actual: number | null;
  /** actual - expected score, when a score was expected */
  delta: number | null;
  problems: string[];
}

export interface CheckResult {
  ok: boolean;
  tolerance: number;
  model: { expected: string; actual: string; ok: boolean };
  rows: CheckRow[];
  counts: { ok: number; drift: number; missing: number };
}

/** Compares expectations with fresh results (looked up by handle as written in the file). */
export function compareExpectations(
  exp: Expectations,
  observed: (handle: string) => Observed | undefined,
  modelVersion: string,
  toleranceOverride?: number,
): CheckResult {
  const tolerance = toleranceOverride ?? exp.tolerance ?? 1;
  const rows = exp.accounts.map((e): CheckRow => {
    const expected = describeExpectation(e, tolerance);
    const o = observed(e.handle);
    if (!o) return { handle: e.handle, status: 'missing', expected, actual: null, delta: null, problems: ['not in the database'] };
    if (o.score === null) {
      const expectsScore = e.score !== undefined || e.min !== undefined || e.max !== undefined;
      const problems = expectsScore ? [`no score: ${o.abstain ?? 'the account abstains'}`] : [];
      return { handle: e.handle, status: problems.length ? 'drift' : 'ok', expected, actual: null, delta: null, problems };
    }
    const score = o.score;
    const problems: string[] = [];
    const delta = e.score !== undefined ? round1(score - e.score) : null;
    if (e.score !== undefined && Math.abs(score - e.score) > tolerance + 1e-9) problems.push(`score ${score} is ${fmtDelta(delta!)} from ${e.score}`);
    if (e.min !== undefined && score < e.min - 1e-9) problems.push(`score ${score} is below ${e.min}`);
    if (e.max !== undefined && score > e.max + 1e-9) problems.push(`score ${score} is above ${e.max}`);
    for (const f of e.flags ?? []) if (!o.flags.includes(f)) problems.push(`flag ${f} not raised`);
    for (const t of e.topics ?? []) if (!o.topics.includes(t)) problems.push(`topic ${t} not assigned`);
    return { handle: e.handle, status: problems.length ? 'drift' : 'ok', expected, actual: score, delta, problems };
  });
  const model = { expected: exp.model, actual: modelVersion, ok: exp.model === modelVersion };
  const counts = {
    ok: rows.filter((r) => r.status === 'ok').length,
    drift: rows.filter((r) => r.status === 'drift').length,
    missing: rows.filter((r) => r.status === 'missing').length,
  };
  return { ok: model.ok && counts.drift === 0 && counts.missing === 0, tolerance, model, rows, counts };
}

function describeExpectation(e: Expectation, tolerance: number): string {
  const parts: string[] = [];
  if (e.score !== undefined) parts.push(`${e.score} ± ${tolerance}`);
  if (e.min !== undefined && e.max !== undefined) parts.push(`${e.min}..${e.max}`);
  else if (e.min !== undefined) parts.push(`>= ${e.min}`);
  else if (e.max !== undefined) parts.push(`<= ${e.max}`);
  if (e.flags?.length) parts.push(`flags ${e.flags.join(',')}`);
  if (e.topics?.length) parts.push(`topics ${e.topics.join(',')}`);
  return parts.join('; ') || 'present';
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const fmtDelta = (d: number): string => (d >= 0 ? `+${d}` : `${d}`);

/** How many topics `check --write` records per account: the best few, so small topic shifts do not fail CI. */
export const EXPECTED_TOPICS = 3;

/** Looks a handle of an expectations file up (`@a`, `a` or `network:a`); undefined when absent or ambiguous. */
export function observeAccount(analysis: Analysis, handle: string): Observed | undefined {
  const spec = parseHandleSpec(handle);
  const found = spec ? findAccounts(analysis.dataset.accounts, analysis.handles, spec) : [];
  if (found.length !== 1) return undefined;
  const s = explainAccount(analysis, found[0]!);
  return { score: s.score, abstain: s.abstain, flags: s.flags.map((f) => f.code), topics: topicsOfAccount(analysis, found[0]!).map((t) => t.slug) };
}

/**
 * An expectations document from the analysis: every scored account with a handle (one
 * known only by id cannot be named in the file; one that abstains has no score to pin),
 * its score, flags and best topics, sorted by handle.
 * `asOfIso` is the analysis's as-of as the file writes it (ISO; the engine reads no dates).
 */
export function expectationsOf(analysis: Analysis, tolerance: number, asOfIso: string): Expectations {
  const { dataset, window, model } = analysis;
  const accounts: Expectation[] = [];
  for (let i = 0; i < dataset.accounts.n; i++) {
    const h = dataset.accounts.handle[i]!;
    if (!h) continue;
    const s = explainAccount(analysis, i);
    if (s.score === null) continue;
    const unique = (analysis.handles.get(h.toLowerCase()) ?? []).length === 1;
    const e: Expectation = { handle: unique ? `@${h}` : `${dataset.accounts.network[i]}:${h}`, score: s.score };
    if (s.flags.length) e.flags = s.flags.map((f) => f.code).sort();
    const topics = topicsOfAccount(analysis, i).slice(0, EXPECTED_TOPICS).map((t) => t.slug);
    if (topics.length) e.topics = topics;
    accounts.push(e);
  }
  accounts.sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
  return { schema: 1, asOf: asOfIso, windowDays: window.windowDays, model: model.version, tolerance, accounts };
}
