/**
 * Views of topic results: the JSON contract for `influence topics`, plain/TTY text and CSV.
 * Imported text (handles, example posts) goes through cleanText here, once, for every sink.
 */
import type { AccountTopics, TopicActivity, TopicEvidence, TopicExpertise } from '../engine/topics/expertise.js';
import type { TopicSearchHit } from '../engine/topics/search.js';
import { ROOT, type Taxonomy } from '../engine/topics/taxonomy.js';
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { toCsv, type CsvCell } from './csv.js';
import { DAY_MS } from '../engine/window.js';
import { countNoun } from './counts.js';

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
  /** posts in and before the window (firstPostAt and lastPostAt as ISO dates, null when none) */
  activity: { postsInWindow: number; postsBefore: number; firstPostAt: string | null; lastPostAt: string | null };
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

function activityView(a: TopicActivity): AccountTopicsView['activity'] {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return { postsInWindow: a.postsInWindow, postsBefore: a.postsBefore, firstPostAt: iso(a.firstPostAt), lastPostAt: iso(a.lastPostAt) };
}


/**
 * Why an account has no topic, and what to try: a longer window when its posts lie before this
 * one, and when the window holds none of them, the as-of of its latest post (the same window
 * over its own last months, which a longer window would mix with everyone else's present).
 */
export function explainNoTopics(v: AccountTopicsView, asOf: string, windowDays: number): string {
  const a = v.activity;
  if (a.postsInWindow + a.postsBefore === 0) return 'no posts by this account in the database';
  if (a.postsBefore > 0 && a.firstPostAt) {
    const days = Math.ceil((Date.parse(asOf) - Date.parse(a.firstPostAt)) / DAY_MS) + 1;
    const asOfTry = a.postsInWindow === 0 && a.lastPostAt ? `, or --as-of ${a.lastPostAt.slice(0, 10)} for its last ${countNoun(windowDays, 'day')}` : '';
    return `no topic in this ${windowDays}-day window: ${countNoun(a.postsInWindow, 'post')} in it, ${countNoun(a.postsBefore, 'post')} before it (since ${a.firstPostAt.slice(0, 10)}); try --window ${days}${asOfTry}`;
  }
  return `no topic has enough evidence in ${countNoun(a.postsInWindow, 'post')}: a topic needs 3+ distinct posts on it, named clearly more often than people write it in general`;
}

/** Builds the view for the chosen accounts (indices into the input), in the given order. */
export function toTopicsView(
  expertise: TopicExpertise,
  accounts: { handle: string; network: string }[],
  externalIds: (string | null)[],
  selected: number[],
  tax: Taxonomy,
): TopicsView {
  const view = (a: AccountTopics): AccountTopicsView => ({
    handle: displayHandle(accounts[a.account]!.handle, externalIds[a.account] ?? null),
    network: cleanText(accounts[a.account]!.network),
    topics: a.topics.map((t) => ({
      id: t.id,
      slug: cleanText(t.slug),
      name: cleanText(t.name),
      score: t.score,
      evidence: {
        ...t.evidence,
        subTopics: t.evidence.subTopics.map((p) => ({ id: p.id, slug: cleanText(p.slug), name: cleanText(p.name), posts: p.posts })),
        examples: t.evidence.examples.map((x) => ({ id: cleanText(x.id), text: clip(x.text) })),
      },
    })),
    activity: activityView(a.activity),
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
      out.push(`  ${explainNoTopics(r, v.asOf, v.windowDays)}`);
      continue;
    }
    const shown = r.topics.slice(0, options.limit);
    const label = (t: TopicView) => `${t.name} (${t.slug})`;
    const width = Math.min(60, Math.max(5, ...shown.map((t) => label(t).length)));
    out.push(chalk.dim(`  ${'score'.padStart(5)}  ${'topic'.padEnd(width)} ${'posts'.padStart(5)} ${'engagers'.padStart(8)}`));
    for (const t of shown) {
      const via = t.evidence.direct ? '' : chalk.dim(' via sub-topics');
      const engagers = t.evidence.engagementKnown ? String(t.evidence.engagers) : '?';
      out.push(`  ${chalk.bold(String(t.score).padStart(5))}  ${label(t).padEnd(width)} ${String(t.evidence.posts).padStart(5)} ${engagers.padStart(8)}${t.evidence.bio ? ' bio' : ''}${via}`);
      if (t.evidence.subTopics.length) {
        const parts = t.evidence.subTopics.map((p) => `${p.name} ${p.posts}`).join(', ');
        const own = t.evidence.ownPosts ? `${t.evidence.ownPosts} naming it, ` : '';
        out.push(chalk.dim(`         posts: ${own}${parts}`));
      }
      const ex = t.evidence.examples[0];
      if (ex && t.evidence.direct) out.push(chalk.dim(`         e.g. "${ex.text.length > 100 ? `${ex.text.slice(0, 99)}…` : ex.text}" (${ex.id})`));
    }
    if (shown.some((t) => !t.evidence.engagementKnown)) out.push(chalk.dim('  ? = the export carries no engagement for these posts (the topic stands on the posts alone; its score is low)'));
    if (r.topics.length > options.limit) out.push(chalk.dim(`  … ${r.topics.length - options.limit} more (--limit N, or --json for all)`));
  }
  if (empty) out.push(chalk.dim(`${countNoun(empty, 'account')} without assigned topics`));
  if (v.ontology.attribution) out.push(chalk.dim(`Topics: ${v.ontology.attribution}`));
  return out.join('\n');
}

/** The `topics --csv` columns. */
export const TOPICS_CSV_HEADER = ['handle', 'network', 'topic_id', 'slug', 'name', 'score', 'posts', 'engagers', 'direct'] as const;

/** CSV: one row per account and topic; cells a spreadsheet will not evaluate. */
export function renderTopicsCsv(v: TopicsView): string {
  const rows: CsvCell[][] = [];
  for (const r of v.results) {
    for (const t of r.topics) rows.push([r.handle, r.network, t.id, t.slug, t.name, t.score, t.evidence.posts, t.evidence.engagers, t.evidence.direct]);
  }
  return toCsv(TOPICS_CSV_HEADER, rows);
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
