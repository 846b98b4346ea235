/**
 * Views of topic results: the JSON contract for `influence topics`, plain/TTY text and CSV.
 * Imported text (handles, example posts) goes through cleanText here, once, for every sink.
 */
import type { AccountTopics, TopicEvidence, TopicExpertise } from '../engine/topics/expertise.js';
import type { TopicSearchHit } from '../engine/topics/search.js';
import { ROOT, type Taxonomy } from '../engine/topics/taxonomy.js';
import type { Theme } from './output-mode.js';
import { cleanText, spreadsheetSafe } from './sanitize.js';
import { asOfHint } from './score-view.js';

const EXAMPLE_CHARS = 280;

export interface TopicView {
  id: string;
  slug: string;
  name: string;
  score: number;
  /** the engine's evidence, with example texts cleaned and without their engagement */
  evidence: Omit<TopicEvidence, 'examples'> & { examples: { id: string; text: string }[] };
}

export interface AccountTopicsView {
  handle: string;
  network: string;
  topics: TopicView[];
  /** own posts and sent events in the window; 0 with lastActivity set: the text view suggests --as-of */
  activityInWindow: number;
  /** ISO time of the latest own post or sent event, null when none */
  lastActivity: string | null;
}

/** An account's own activity: in the window, and its latest (epoch ms, NaN when none). */
export interface ActivityOf {
  activityInWindow: ArrayLike<number>;
  lastActivity: ArrayLike<number>;
}

export interface TopicsView {
  asOf: string;
  windowDays: number;
  ontology: { source: string; attribution: string | null; license: string | null };
  results: AccountTopicsView[];
}

/** An account's display handle: the handle, else its platform id. */
export function displayHandle(handle: string, externalId: string | null): string {
  return cleanText(handle || (externalId ? `id:${externalId}` : '?'));
}

function clip(text: string): string {
  const clean = cleanText(text).replace(/\s+/g, ' ').trim();
  return clean.length > EXAMPLE_CHARS ? `${clean.slice(0, EXAMPLE_CHARS - 1)}…` : clean;
}

/** Builds the view for the chosen accounts (indices into the input), in the given order. */
export function toTopicsView(
  expertise: TopicExpertise,
  accounts: { handle: string; network: string }[],
  externalIds: (string | null)[],
  selected: number[],
  tax: Taxonomy,
  activity: ActivityOf,
): TopicsView {
  const view = (a: AccountTopics): AccountTopicsView => ({
    handle: displayHandle(accounts[a.account]!.handle, externalIds[a.account] ?? null),
    network: cleanText(accounts[a.account]!.network),
    topics: a.topics.map((t) => ({
      id: t.id,
      slug: cleanText(t.slug),
      name: cleanText(t.name),
      score: t.score,
      evidence: { ...t.evidence, examples: t.evidence.examples.map((x) => ({ id: cleanText(x.id), text: clip(x.text) })) },
    })),
    activityInWindow: activity.activityInWindow[a.account] ?? 0,
    lastActivity: Number.isFinite(activity.lastActivity[a.account]) ? new Date(activity.lastActivity[a.account]!).toISOString() : null,
  });
  return {
    asOf: new Date(expertise.window.asOf).toISOString(),
    windowDays: expertise.window.windowDays,
    ontology: { source: tax.source, attribution: tax.attribution, license: tax.license },
    results: selected.map((i) => view(expertise.accounts[i]!)),
  };
}

/** Plain/TTY text: per account, a table of topics with evidence and the best example post. */
export function renderTopicsText(v: TopicsView, theme: Theme, options: { limit: number; skipEmpty: boolean }): string {
  const { chalk } = theme;
  const out: string[] = [];
  let empty = 0;
  for (const r of v.results) {
    if (options.skipEmpty && r.topics.length === 0) {
      empty++;
      continue;
    }
    out.push(`${chalk.bold(`@${r.handle}`)} (${r.network}) · as of ${v.asOf.slice(0, 10)} · ${v.windowDays}-day window`);
    if (r.topics.length === 0) {
      const hint = asOfHint(r);
      out.push(hint ? `  ${hint}` : '  no topic has enough evidence (3+ posts on it, 2+ people engaging, used more than everybody else)');
      continue;
    }
    const shown = r.topics.slice(0, options.limit);
    const label = (t: TopicView) => `${t.name} (${t.slug})`;
    const width = Math.min(60, Math.max(5, ...shown.map((t) => label(t).length)));
    out.push(chalk.dim(`  ${'score'.padStart(5)}  ${'topic'.padEnd(width)} ${'posts'.padStart(5)} ${'engagers'.padStart(8)}`));
    for (const t of shown) {
      const via = t.evidence.direct ? '' : chalk.dim(' via sub-topics');
      out.push(`  ${chalk.bold(String(t.score).padStart(5))}  ${label(t).padEnd(width)} ${String(t.evidence.posts).padStart(5)} ${String(t.evidence.engagers).padStart(8)}${t.evidence.bio ? ' bio' : ''}${via}`);
      const ex = t.evidence.examples[0];
      if (ex && t.evidence.direct) out.push(chalk.dim(`         e.g. "${ex.text.length > 100 ? `${ex.text.slice(0, 99)}…` : ex.text}" (${ex.id})`));
    }
    if (r.topics.length > options.limit) out.push(chalk.dim(`  … ${r.topics.length - options.limit} more (--limit N, or --json for all)`));
  }
  if (empty) out.push(chalk.dim(`${empty} account${empty === 1 ? '' : 's'} without assigned topics`));
  if (v.ontology.attribution) out.push(chalk.dim(`Topics: ${v.ontology.attribution}`));
  return out.join('\n');
}

/** CSV: one row per account and topic; cells a spreadsheet will not evaluate. */
export function renderTopicsCsv(v: TopicsView): string {
  const q = (s: string) => `"${spreadsheetSafe(s).replace(/"/g, '""')}"`;
  const lines = ['handle,network,topic_id,slug,name,score,posts,engagers,direct'];
  for (const r of v.results) {
    for (const t of r.topics) {
      lines.push([q(r.handle), q(r.network), q(t.id), q(t.slug), q(t.name), t.score, t.evidence.posts, t.evidence.engagers, t.evidence.direct].join(','));
    }
  }
  return lines.join('\n');
}

export interface TopicSearchView {
  id: string;
  slug: string;
  name: string;
  matchedName: string | null;
  parents: { id: string; slug: string; name: string }[];
  superTopics: string[];
}

/** Search hits with their parents and super-topics. */
export function toTopicSearchView(hits: TopicSearchHit[], tax: Taxonomy): TopicSearchView[] {
  return hits.map((h) => ({
    id: tax.ids[h.topic]!,
    slug: cleanText(tax.slugs[h.topic]!),
    name: cleanText(tax.names[h.topic]!),
    matchedName: h.matchedAlt === null ? null : cleanText(h.matchedAlt),
    parents: tax.parents[h.topic]!.filter((p) => p !== ROOT).map((p) => ({ id: tax.ids[p]!, slug: cleanText(tax.slugs[p]!), name: cleanText(tax.names[p]!) })),
    superTopics: [...tax.ancestors[h.topic]!].filter((a) => tax.parents[a]!.includes(ROOT)).map((a) => tax.slugs[a]!),
  }));
}

/** Plain/TTY text for search hits. */
export function renderTopicSearchText(hits: TopicSearchView[], theme: Theme, attribution: string | null): string {
  const { chalk } = theme;
  if (hits.length === 0) return 'no topic matches';
  const lines = hits.map((h) => {
    const parents = h.parents.length ? h.parents.map((p) => p.slug).join(', ') : '(root: a super-topic)';
    const alt = h.matchedName ? chalk.dim(` [${cleanText(h.matchedName)}]`) : '';
    return `${chalk.bold(h.slug)}  ${cleanText(h.name)}${alt}  ${chalk.dim(`id ${h.id}`)}\n    parents: ${parents}`;
  });
  if (attribution) lines.push(chalk.dim(`Topics: ${attribution}`));
  return lines.join('\n');
}
