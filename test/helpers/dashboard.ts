/** The dashboard's source over a database, analysed as the CLI analyses it (same window policy, model, built-in taxonomy). */
import { analyze, topicSetupOf, type Analysis } from '../../src/engine/analyze.js';
import { resolveWindow } from '../../src/engine/window.js';
import type { FollowerList } from '../../src/engine/campaign/list.js';
import { loadTaxonomy } from '../../src/inputs/ontology.js';
import { loadBuiltinBackground } from '../../src/inputs/background.js';
import { readModelFile } from '../../src/inputs/model-file.js';
import { openDb } from '../../src/store/open.js';
import { readDatasetParallel, readLatestActivity } from '../../src/store/read-dataset.js';
import { readHistory } from '../../src/store/runs.js';
import { makeDashboardSource, type SourceInput } from '../../src/cli/dashboard/dashboard-source.js';
import type { DashboardSource } from '../../src/render/dashboard/view.js';

/** Analyses the database read-only, as `loadAnalysis` does with topics. */
export async function analyseDb(file: string): Promise<Analysis> {
  const db = openDb(file, { readonly: true, mustExist: true });
  try {
    const taxonomy = loadTaxonomy(undefined).taxonomy;
    const window = resolveWindow({ asOf: undefined, windowDays: 90 }, readLatestActivity(db));
    const dataset = await readDatasetParallel(db, { bios: true, texts: window });
    return analyze(dataset, { window, model: readModelFile(undefined).model, topics: topicSetupOf(taxonomy, loadBuiltinBackground()) });
  } finally {
    db.close();
  }
}

/** A source over an analysis of `file`; stored runs are read from it on demand (read-only). */
export function sourceOf(file: string, analysis: Analysis, extra: Partial<SourceInput> & { list?: FollowerList | null } = {}): DashboardSource {
  return makeDashboardSource({
    analysis,
    list: null,
    listFile: null,
    database: 'sample.db',
    readRuns: (accountId) => {
      const db = openDb(file, { readonly: true, mustExist: true });
      try {
        return readHistory(db, accountId).map((r) => ({ asOf: r.asOf, score: r.score }));
      } finally {
        db.close();
      }
    },
    ...extra,
  });
}
