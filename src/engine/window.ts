/**
 * The one window policy: a result is computed for the interval (asOf - windowDays, asOf],
 * never against the wall clock. Every layer that needs a day, a window start or an
 * in-window test takes it from here.
 */
import { UsageError } from '../errors.js';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** When and over what span a result is computed. Never the wall clock: always passed in. */
export interface ScoringWindow {
  /** epoch ms; events after it are ignored */
  asOf: number;
  windowDays: number;
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

/**
 * The one as-of policy: the requested date, else the latest activity in the database
 * (store/read-dataset.ts readScoringDate; never the wall clock, so the same database
 * gives the same result tomorrow); an empty database and no --as-of is a UsageError saying
 * what to do.
 */
export function resolveWindow(requested: RequestedWindow, latestActivity: number | null): ScoringWindow {
  if (requested.asOf !== undefined) return { asOf: requested.asOf, windowDays: requested.windowDays };
  if (latestActivity === null) throw new UsageError('the database has no activity to date a score by', 'import posts or interactions, or pass --as-of DATE');
  return { asOf: latestActivity, windowDays: requested.windowDays };
}
