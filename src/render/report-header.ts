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

/** 'as of 2026-03-06 13:02:05 UTC, 90-day window' (fits a score card). */
export function describeAsOf(h: Pick<ReportHeader, 'asOf' | 'windowDays'>): string {
  return `as of ${h.asOf.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')}, ${h.windowDays}-day window`;
}

/** 'as of 2026-03-06 13:02:05 UTC, 90-day window, model 2.1.0': the line every text view of a scoring carries. */
export function describeWindow(h: ReportHeader): string {
  return `${describeAsOf(h)}, model ${h.model}`;
}
