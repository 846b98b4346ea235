/**
 * The one window policy: a result is computed for the interval (asOf - windowDays, asOf],
 * never against the wall clock. Every layer that needs a day, a window start or an
 * in-window test takes it from here.
 */
import { UsageError } from '../errors.js';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Where a window's as-of came from (the as-of policy's tiers, in order). */
export type AsOfSource = 'requested' | 'activity' | 'follow' | 'import';

/** When and over what span a result is computed. Never the wall clock: always passed in. */
export interface ScoringWindow {
  /** epoch ms; events after it are ignored */
  asOf: number;
  windowDays: number;
  /** which tier of the as-of policy dated it (absent: given directly, as `requested`) */
  datedBy?: AsOfSource;
}

/** The window's exclusive lower bound: asOf - windowDays days. */
export function windowStart(window: ScoringWindow): number {
  return window.asOf - window.windowDays * DAY_MS;
}

/** Whether a time falls in the window (asOf - windowDays, asOf]. */
export function inWindow(t: number, window: ScoringWindow): boolean {
  return t <= window.asOf && t > windowStart(window);
}

/** The window a command asked for: an explicit as-of (epoch ms) or none, and its length. */
export interface RequestedWindow {
  asOf?: number;
  windowDays: number;
}

/** What in a database can date a result, epoch ms, null when it holds none. */
export interface DataDates {
  /** latest post or interaction */
  activity: number | null;
  /** latest dated follow edge */
  follow?: number | null;
  /** latest import (when a list without dates was taken, as near as the data knows) */
  imported?: number | null;
}

/**
 * The one as-of policy: the requested date, else the latest activity in the database,
 * else its latest dated follow, else its latest import (a follower list alone is data: an
 * audit needs no posts). Never the wall clock, so the same database gives the same result
 * tomorrow; an empty database and no --as-of is a UsageError saying what to do. The
 * window records which tier dated it: an import time is not when the profiles were read,
 * so account ages are not counted from it (engine/audience/classes.ts).
 *
 * Example: posts up to 2026-03-01, follows up to 2026-03-05 -> as of 2026-03-01 (activity).
 */
export function resolveWindow(requested: RequestedWindow, dates: DataDates | number | null): ScoringWindow {
  const { windowDays } = requested;
  if (requested.asOf !== undefined) return { asOf: requested.asOf, windowDays, datedBy: 'requested' };
  const d: DataDates = typeof dates === 'number' || dates === null ? { activity: dates } : dates;
  if (d.activity !== null) return { asOf: d.activity, windowDays, datedBy: 'activity' };
  if (d.follow !== undefined && d.follow !== null) return { asOf: d.follow, windowDays, datedBy: 'follow' };
  if (d.imported !== undefined && d.imported !== null) return { asOf: d.imported, windowDays, datedBy: 'import' };
  throw new UsageError('the database has no activity to date a score by', 'import posts or interactions, or pass --as-of DATE');
}
