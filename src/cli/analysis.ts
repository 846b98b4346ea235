/**
 * The read half of every analysing command: the window from the flags and the store's
 * dates (engine/window.ts resolveWindow), the dataset (with texts when topics are wanted),
 * the model, the audience model and the taxonomy from their files, then one `analyze`. Commands project the Analysis it returns.
 */
import { analyze, topicSetupOf, type Analysis, type AnalysisStage, type TopicSetup } from '../engine/analyze.js';
import { loadBuiltinBackground } from '../inputs/background.js';
import { resolveWindow } from '../engine/window.js';
import type { Model } from '../engine/model.js';
import type { Taxonomy } from '../engine/topics/taxonomy.js';
import { readModelFile } from '../inputs/model-file.js';
import { loadTaxonomy } from '../inputs/ontology.js';
import { countAccounts, readDatasetParallel } from '../store/read-dataset.js';
import { readDataDates } from '../store/read-data-dates.js';
import { hasPostTexts } from '../store/post-texts.js';
import { readAudienceModelFile } from '../inputs/audience-model-file.js';
import { STAGE_PROGRESS_MIN_ACCOUNTS } from './progress.js';
import { extractTopicsOnTwoThreads } from './topic-extraction.js';
import type { CommandContext } from './context.js';
import { readImportLogState, type DataFingerprint } from '../store/data-fingerprint.js';
import { readAgreeing } from '../store/read-snapshot.js';
import { parseAsOf, parseWindow, type AnalysisFlags } from './options.js';
import { networkThreadFits, solveNetworkOnThread } from './network-thread.js';

/** How the stages of an analysis are named on the status line. */
const STAGE_LABELS: Record<AnalysisStage, string> = { authenticity: 'authenticity checks', scores: 'network and scores', topics: 'topics' };

/** What a command needs computed besides scores. */
export interface AnalysisNeeds {
  /** topic expertise (reads post texts and bios): true for the --ontology flag's taxonomy, or one already loaded */
  topics: boolean | Taxonomy;
  /**
   * skip the topic stage when no post holds text: topics come only from matched post texts
   * (engine/topics/expertise.ts), so every account's topics would be empty; the taxonomy is
   * still loaded (a bad --ontology is reported) but no matcher is built and no text read
   */
  topicsNeedTexts?: boolean;
  /** the command writes scores, itemisations and topics alone: engine/analyze.ts scoresOnly (the analysis is keepScoresOnly's) */
  scoresOnly?: boolean;
  /** solve the network values on a second thread while the other features are extracted (cli/network-thread.ts; big populations only) */
  networkOnThread?: boolean;
  /** told, once the dataset is read and before it is analysed, how many accounts it has and the model (to start a worker for the output meanwhile, say) */
  onRead?: (accounts: number, model: Model) => void;
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
  return (await loadAnalysisForRun(ctx, flags, needs, progress)).analysis;
}

/** An analysis with the fingerprint of the data it read (for a run to be stored: store/data-fingerprint.ts). */
export interface RunAnalysis {
  analysis: Analysis;
  data: DataFingerprint;
}

/** The same, with the fingerprint of the data read (the import log taken before the dataset, in the same connection). */
export async function loadAnalysisForRun(ctx: CommandContext, flags: AnalysisFlags, needs: AnalysisNeeds, progress?: LoadProgress): Promise<RunAnalysis> {
  const { model } = readModelFile(flags.model !== undefined ? ctx.resolvePath(flags.model) : undefined);
  return analyzeStore(ctx, flags, model, needs, progress);
}

/** The same, with a model in hand (fit calibrates the model it just fitted). */
export async function loadAnalysisWithModel(ctx: CommandContext, flags: AnalysisFlags, model: Model): Promise<Analysis> {
  return (await analyzeStore(ctx, flags, model, { topics: false })).analysis;
}

async function analyzeStore(ctx: CommandContext, flags: AnalysisFlags, model: Model, needs: AnalysisNeeds, progress?: LoadProgress): Promise<RunAnalysis> {
  const loaded = needs.topics === true ? taxonomyOf(ctx, flags.ontology) : needs.topics || null;
  const db = ctx.openExistingStore();
  try {
    const taxonomy = loaded && needs.topicsNeedTexts && !hasPostTexts(db) ? null : loaded;
    const requested = { asOf: flags.asOf !== undefined ? parseAsOf(flags.asOf) : undefined, windowDays: parseWindow(flags.window) };
    // a big scoring says what it is doing, stage by stage (stderr on a terminal), unless the
    // caller draws its own progress (the dashboard: a status line would tear its screen)
    const big = progress === undefined && countAccounts(db) >= STAGE_PROGRESS_MIN_ACCOUNTS;
    const steps = taxonomy ? 4 : 3;
    const say = (text: string, step: number) => big && ctx.progress.stage(`${text} (${step}/${steps})`);
    say('reading the database', 1);
    const audience = readAudienceModelFile(flags.audienceModel !== undefined ? ctx.resolvePath(flags.audienceModel) : undefined);
    await progress?.(`reading the database${taxonomy ? ' (with post texts for topics)' : ''}`);
    // the import log, the dates and the dataset as one state of the data, though an import may commit meanwhile
    const { log, dataset, window } = await readAgreeing(db, async (oneConnection) => {
      const log = readImportLogState(db);
      // the window is dated before the read when the read needs it (the texts of its posts);
      // else after, by the interactions' latest time that the read found (no scan of its own)
      const before = taxonomy || requested.asOf !== undefined ? resolveWindow(requested, requested.asOf !== undefined ? null : readDataDates(db)) : null;
      // bios and profile text always: the audience classifier reads them (an empty bio is a feature)
      const dates: { latestInteraction?: number | null } = {};
      const report: { threads?: number } = {};
      const dataset = await readDatasetParallel(db, { bios: true, profile: true, dates, report, ...(oneConnection ? { parallelMin: Infinity } : {}), ...(taxonomy && before ? { texts: before } : {}) });
      const window = before ?? resolveWindow(requested, readDataDates(db, dates.latestInteraction ?? null));
      return { log, dataset, window, threads: report.threads ?? 1 };
    });
    needs.onRead?.(dataset.accounts.n, model);
    await progress?.(`analysing ${dataset.accounts.n.toLocaleString('en-US')} accounts: authenticity, audience, network, scores${taxonomy ? ', topics' : ''}`);
    const scoring = `scoring ${dataset.accounts.n.toLocaleString('en-US')} accounts`;
    const onStage = (stage: AnalysisStage, step: number) => say(`${scoring}: ${STAGE_LABELS[stage]}`, step + 1);
    // counted before the analysis, which may let go of the events (needs.scoresOnly)
    const data = { ...log, accounts: dataset.accounts.n, posts: dataset.posts.n, interactions: dataset.interactions.n, follows: dataset.follows.n };
    // many texts: extracted on two threads before the analysis (the same table as its topic stage would make)
    let topics: TopicSetup | undefined;
    if (taxonomy) {
      const extracted = await extractTopicsOnTwoThreads(dataset, window, taxonomy, () => (topics = topicSetupFor(taxonomy)).matcher);
      topics = { ...(topics ?? topicSetupFor(taxonomy)), ...(extracted ? { extracted } : {}) };
    }
    const analysis = analyze(dataset, { window, model, audience, onStage, ...(topics ? { topics } : {}), ...(needs.scoresOnly ? { scoresOnly: true } : {}), ...(needs.networkOnThread && networkThreadFits(dataset.accounts.n) ? { solveNetwork: solveNetworkOnThread } : {}) });
    return { analysis, data };
  } finally {
    db.close();
  }
}
