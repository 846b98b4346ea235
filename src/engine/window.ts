/**
 * The one window policy: a result is computed for the interval (asOf - windowDays, asOf],
 * never against the wall clock. Every layer that needs a day, a window start or an
 * in-window test takes it from here.
 */

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
