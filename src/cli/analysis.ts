/**
 * The read half of every analysing command: the window from the flags and the store's
 * latest activity, the dataset (with texts when topics are wanted), the model and the
 * taxonomy from their files, then one `analyze`. Commands project the Analysis it returns.
 */
import { analyze, topicSetupOf, type Analysis, type TopicSetup } from '../engine/analyze.js';
import { loadBuiltinBackground } from '../inputs/background.js';
import { resolveWindow } from '../engine/window.js';
import type { Model } from '../engine/model.js';
import type { Taxonomy } from '../engine/topics/taxonomy.js';
import { readModelFile } from '../inputs/model-file.js';
import { loadTaxonomy } from '../inputs/ontology.js';
import { readDatasetParallel, readScoringDate } from '../store/read-dataset.js';
import type { CommandContext } from './context.js';
import { parseAsOf, parseWindow, type AnalysisFlags } from './options.js';

/** What a command needs computed besides scores. */
export interface AnalysisNeeds {
  /** topic expertise (reads post texts and bios): true for the --ontology flag's taxonomy, or one already loaded */
  topics: boolean | Taxonomy;
}

/** Loads the built-in ontology or the user's (--ontology DIR), reporting skipped edges on stderr. */
export function taxonomyOf(ctx: CommandContext, ontology: string | undefined): Taxonomy {
  const { taxonomy, report } = loadTaxonomy(ontology ? ctx.resolvePath(ontology) : undefined);
  if (report?.skippedEdges) {
    ctx.info(`ontology: ${report.skippedEdges} edge${report.skippedEdges === 1 ? '' : 's'} name topics the topics file does not have; skipped (first at line ${report.firstSkippedEdgeLine})`);
  }
  return taxonomy;
}

/** Told what loading is doing now ("reading the database", "analysing ..."); awaited, so a screen can draw it first. */
export type LoadProgress = (stage: string) => void | Promise<void>;

/** The taxonomy's topic setup against the shipped word-frequency background (models/background.json.gz). */
export function topicSetupFor(taxonomy: Taxonomy): TopicSetup {
  return topicSetupOf(taxonomy, loadBuiltinBackground());
}

/** Flags -> window, dataset, model, taxonomy -> one analysis (see the module doc). */
export async function loadAnalysis(ctx: CommandContext, flags: AnalysisFlags, needs: AnalysisNeeds, progress?: LoadProgress): Promise<Analysis> {
  const { model } = readModelFile(flags.model !== undefined ? ctx.resolvePath(flags.model) : undefined);
  return analyzeStore(ctx, flags, model, needs, progress);
}

/** The same, with a model in hand (fit calibrates the model it just fitted). */
export async function loadAnalysisWithModel(ctx: CommandContext, flags: AnalysisFlags, model: Model): Promise<Analysis> {
  return analyzeStore(ctx, flags, model, { topics: false });
}

async function analyzeStore(ctx: CommandContext, flags: AnalysisFlags, model: Model, needs: AnalysisNeeds, progress?: LoadProgress): Promise<Analysis> {
  const taxonomy = needs.topics === true ? taxonomyOf(ctx, flags.ontology) : needs.topics || null;
  const db = ctx.openExistingStore();
  try {
    const requested = { asOf: flags.asOf !== undefined ? parseAsOf(flags.asOf) : undefined, windowDays: parseWindow(flags.window) };
    const window = resolveWindow(requested, readScoringDate(db));
    await progress?.(`reading the database${taxonomy ? ' (with post texts for topics)' : ''}`);
    const dataset = await readDatasetParallel(db, { bios: taxonomy !== null, ...(taxonomy ? { texts: window } : {}) });
    await progress?.(`analysing ${dataset.accounts.n.toLocaleString('en-US')} accounts: authenticity, network, scores${taxonomy ? ', topics' : ''}`);
    return analyze(dataset, { window, model, ...(taxonomy ? { topics: topicSetupFor(taxonomy) } : {}) });
  } finally {
    db.close();
  }
}
