/** Topic expertise as the commands compute it (topics, rank, check, report threshold): one code path. */
import type { ScoringWindow } from '../engine/window.js';
import { buildTopicMatcher, type TopicMatcher } from '../engine/topics/matcher.js';
import { computeTopicExpertise, type TopicExpertise } from '../engine/topics/expertise.js';
import { findTopic, type Taxonomy } from '../engine/topics/taxonomy.js';
import { suggestTopicSearch } from '../engine/topics/search.js';
import type { Db } from '../store/open.js';
import { readTopicInput, type StoredTopicInput } from '../store/read-topic-input.js';
import { loadTaxonomy } from '../topics/ontology.js';
import { loadBuiltinBackground } from '../topics/background.js';
import { cleanText } from '../render/sanitize.js';
import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';

// Building a matcher takes a few hundred ms; in-process callers (tests, a dashboard) reuse it.
const matchers = new WeakMap<Taxonomy, TopicMatcher>();

/** The matcher of a taxonomy against the shipped word-frequency background, built once per taxonomy object. */
export function matcherFor(tax: Taxonomy): TopicMatcher {
  let m = matchers.get(tax);
  if (!m) {
    m = buildTopicMatcher(tax, { background: loadBuiltinBackground() });
    matchers.set(tax, m);
  }
  return m;
}

/** Loads the built-in ontology or the user's (--ontology DIR), reporting skipped edges. */
export function loadOntology(ctx: CommandContext, ontology: string | undefined): Taxonomy {
  const { taxonomy, report } = loadTaxonomy(ontology ? ctx.resolvePath(ontology) : undefined);
  if (report?.skippedEdges) {
    ctx.info(`ontology: ${report.skippedEdges} edge${report.skippedEdges === 1 ? '' : 's'} name topics the topics file does not have; skipped (first at line ${report.firstSkippedEdgeLine})`);
  }
  return taxonomy;
}

/** Topic expertise of every account in the store for the window. */
export interface StoredExpertise {
  tax: Taxonomy;
  input: StoredTopicInput;
  expertise: TopicExpertise;
  /** accounts.id -> index into input/expertise */
  indexOfDbId: Map<number, number>;
}

/** Reads the store's topic input and computes every account's topic expertise. */
export function computeStoredExpertise(db: Db, tax: Taxonomy, window: ScoringWindow): StoredExpertise {
  const input = readTopicInput(db, window);
  const expertise = computeTopicExpertise(input, tax, matcherFor(tax), window);
  return { tax, input, expertise, indexOfDbId: new Map(input.dbIds.map((id, i) => [id, i])) };
}

/** A --topic SLUG as a taxonomy index; a UsageError naming close topics and a search that finds them when unknown. */
export function resolveTopicFlag(tax: Taxonomy, slug: string): number {
  const t = findTopic(tax, slug);
  if (t !== null) return t;
  const s = suggestTopicSearch(tax, slug);
  if (s) {
    const close = s.hits.map((h) => tax.slugs[h.topic]!).join(', ');
    throw new UsageError(`unknown topic '${cleanText(slug)}'`, `close topics: ${cleanText(close)}; more with: influence topics --search ${cleanText(s.query)}`);
  }
  const supers = tax.superTopics.map((x) => tax.slugs[x]!).sort().join(', ');
  throw new UsageError(`unknown topic '${cleanText(slug)}': no topic name contains it`, `topics are grouped under: ${cleanText(supers)}`);
}
