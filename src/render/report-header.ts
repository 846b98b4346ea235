/** The header every scoring report carries: when, over what window, with which model. */
import type { ScoringWindow } from '../engine/window.js';

/** As-of (ISO), window and model version, in the key order of the JSON contract. */
export interface ReportHeader {
  asOf: string;
  windowDays: number;
  model: string;
}

/** The header of a report computed for `window` with model `modelVersion`. */
export function reportHeader(window: ScoringWindow, modelVersion: string): ReportHeader {
  return { asOf: new Date(window.asOf).toISOString(), windowDays: window.windowDays, model: modelVersion };
}
