/**
 * The import adapters, in detection order: the first whose `detect` accepts a source
 * reads it. Archive formats come first (they are recognised by their file names), then
 * the generic tables (recognised by header or keys). `--format NAME` skips detection.
 */
import type { Adapter } from './source.js';
import { genericCsvAdapter, genericJsonAdapter, genericNdjsonAdapter } from './generic/adapters.js';

export const ADAPTERS: readonly Adapter[] = [genericCsvAdapter, genericJsonAdapter, genericNdjsonAdapter];

/** The adapter `--format` names, or undefined. */
export function adapterByFormat(format: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.format === format.toLowerCase());
}
