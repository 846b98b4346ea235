/**
 * The dashboard's view model: what each panel shows, as plain values, and the data port
 * (`DashboardSource`) the components ask for it. The source lives in cli/ (it calls the
 * engine and reads stored runs); the projections here turn engine results into views
 * without recomputing a number, and clean every imported string on the way (handles,
 * networks, topic names, list lines, evidence, post texts, paths).
 */
import type { AccountResult, Abstention, AccountSummary } from '../../engine/analyze.js';
import type { OrderedAccount } from '../../engine/campaign/rank-accounts.js';
import type { NearBand } from '../../engine/campaign/threshold-report.js';
import type { UnknownEntry } from '../../engine/campaign/list-match.js';
import type { FlaggedEntry } from '../../engine/authenticity/report.js';
import type { TopicScore } from '../../engine/topics/expertise.js';
import type { TopicPresence } from '../../engine/topics/present.js';
import type { RankSort } from '../../engine/ranking.js';
import type { Lever } from '../../engine/threshold.js';
import type { FlagCode } from '../../engine/result-types.js';
import { cleanText } from '../sanitize.js';
import { asOfHint, featureLabel } from '../score-view.js';
import { describeLever } from '../threshold-view.js';
import { formatEvidence } from '../authenticity-report.js';

/** How the ranking is ordered: a RankSort, or by influence on the chosen topic. */
export type DashboardSort = RankSort | 'topic';

/** A long list the panels scroll without building it: only the rows on screen are asked for. */
export interface RowList<T> {
  readonly length: number;
  at(k: number): T;
}

/** A list of an array. */
export function listOf<T>(items: readonly T[]): RowList<T> {
  return { length: items.length, at: (k) => items[k]! };
}

/** A list whose rows are built on first use and kept (rows off screen are never built). */
export function lazyList<T>(length: number, build: (k: number) => T): RowList<T> {
  const made = new Map<number, T>();
  return {
    length,
    at(k) {
      let row = made.get(k);
      if (row === undefined) made.set(k, (row = build(k)));
      return row;
    },
  };
}

/**
 * Audience quality (issue 12's audit): the share of an account's classified followers that
 * are real, in percent, with its 95% interval. Shown in the detail when the account's view
 * carries it, and as a ranking column only when the source has it for every row
 * (`DashboardSource.audience`); where it is absent nothing is shown, and nothing estimated.
 */
export interface AudienceQualityView {
  /** null when no follower could be classified */
  quality: number | null;
  interval: [number, number] | null;
}

/** The header line: what is shown, from where. */
export interface HeaderView {
  database: string;
  asOf: string;
  windowDays: number;
  model: string;
  accounts: number;
  scored: number;
  abstaining: number;
  flagged: number;
  list: { file: string; listed: number; matched: number; unknown: number } | null;
}

/** A taxonomy topic as the dashboard names it. */
export interface TopicRef {
  index: number;
  slug: string;
  name: string;
}

/** One row of the ranking panel: a ranked account, one without a score, or a list line naming nobody. */
export type RankItem =
  | {
      kind: 'ranked';
      rank: number;
      account: number;
      handle: string;
      network: string;
      score: number;
      interval: [number, number];
      subscores: { reach: number; amplification: number; network: number };
      flags: FlagCode[];
      /** with a topic: the topic score and the rank key */
      topicKey: { score: number; key: number } | null;
      /** present only when the source provides audience quality */
      audience?: AudienceQualityView | null;
    }
  | { kind: 'abstained'; account: number; handle: string; network: string; reason: string }
  | { kind: 'unknown'; input: string; line: number; reason: string };

/** The ranking panel's content for one sort, topic and filter. */
export interface RankingView {
  sort: DashboardSort;
  topic: TopicRef | null;
  filter: string;
  items: RowList<RankItem>;
  /** before the filter: ranked, without a score, and list lines naming nobody */
  counts: { ranked: number; abstained: number; unknown: number };
  /** after the filter */
  shown: number;
}

/** One row of the Klout70 panel: at or above the threshold, or a near miss with its cheapest lever. */
export type KloutItem =
  | { kind: 'above'; account: number; handle: string; network: string; score: number; flags: FlagCode[] }
  | { kind: 'near'; account: number; handle: string; network: string; score: number; gap: number; lever: string; leverShort: string };

/** The Klout70 panel: counts as `report threshold` gives them, the club, then the near misses. */
export interface KloutView {
  at: number;
  near: number;
  topic: TopicRef | null;
  counts: { above: number; near: number; below: number; abstained: number; unknown: number };
  items: RowList<KloutItem>;
}

/** One entry of the topic picker; topic null = every account (no topic). */
export interface TopicChoice {
  topic: number | null;
  slug: string;
  name: string;
  /** accounts with the topic assigned (for "all": the accounts considered) */
  accounts: number;
}

/** One flagged account of the authenticity panel. */
export interface FlaggedItem {
  account: number;
  handle: string;
  network: string;
  codes: FlagCode[];
  worst: number;
  damping: number;
  cap: number;
}

/** The authenticity panel: how many of the accounts considered each signal flagged, worst first. */
export interface AuthenticityView {
  accounts: number;
  flagged: number;
  byCode: Record<FlagCode, number>;
  items: RowList<FlaggedItem>;
}

/** One itemised contribution (they add up to the score). */
export interface ContributionView {
  label: string;
  group: string;
  points: number;
  imputed: boolean;
}

/** A topic of the selected account with its evidence. */
export interface TopicLine {
  name: string;
  slug: string;
  score: number;
  posts: number;
  /** of the posts, those that name the topic itself (the rest name a sub-topic) */
  ownPosts: number;
  /** null when the export carries no engagement for these posts (unknown, not zero) */
  engagers: number | null;
  /** the sub-topics behind the topic with their posts, most first */
  subTopics: { name: string; posts: number }[];
  bio: boolean;
  direct: boolean;
  /** the best example post, cleaned and clipped; null when none */
  example: string | null;
}

/** An authenticity flag with its evidence as one line. */
export interface FlagLine {
  code: FlagCode;
  severity: number;
  evidence: string;
}

/** Stored runs of the account (oldest first): the scores a sparkline draws. */
export interface HistoryView {
  scores: number[];
  first: string | null;
  last: string | null;
}

/** The detail pane: an account, a list line naming nobody, or nothing selected. */
export type DetailView =
  | {
      kind: 'account';
      account: number;
      handle: string;
      network: string;
      score: number | null;
      interval: [number, number] | null;
      abstain: string | null;
      subscores: { reach: number; amplification: number; network: number };
      confidence: number;
      contributions: ContributionView[];
      missing: string[];
      flags: FlagLine[];
      topics: TopicLine[];
      history: HistoryView;
      hint: string | null;
      /** present only when the source provides audience quality */
      audience?: AudienceQualityView | null;
    }
  | { kind: 'unknown'; input: string; line: number; reason: string }
  | { kind: 'none' };

/** What the dashboard asks for; cli/dashboard builds it from one analysis (memoised there). */
export interface DashboardSource {
  header: HeaderView;
  /** whether topics were computed (the topic picker has entries) */
  topicsAvailable: boolean;
  ranking(q: { sort: DashboardSort; topic: number | null; filter: string }): RankingView;
  klout(q: { at: number; near: number; topic: number | null }): KloutView;
  topics(): TopicChoice[];
  authenticity(): AuthenticityView;
  detail(account: number): DetailView;
  /** audience quality for every row (a ranking column); absent when only the detail has it (an audit per row is too dear) */
  audience?: (account: number) => AudienceQualityView | null;
}

const EXAMPLE_CHARS = 160;

const clip = (text: string, max: number): string => {
  const clean = cleanText(text).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

/** A ranked row. */
export function toRankedItem(r: OrderedAccount, audience?: AudienceQualityView | null): RankItem {
  const s = r.summary;
  return {
    kind: 'ranked',
    rank: r.rank,
    account: r.account,
    handle: cleanText(r.handle),
    network: cleanText(r.network),
    score: s.score,
    interval: s.interval,
    subscores: s.subscores,
    flags: s.flags.map((f) => f.code),
    topicKey: r.topicKey,
    ...(audience !== undefined ? { audience } : {}),
  };
}

/** A row for an account of the pool without a score. */
export function toAbstainedItem(a: Abstention): RankItem {
  return { kind: 'abstained', account: a.account, handle: cleanText(a.handle), network: cleanText(a.network), reason: cleanText(a.reason) };
}

/** A row for a list line that names no account (or several). */
export function toUnknownItem(u: UnknownEntry): RankItem {
  return { kind: 'unknown', input: cleanText(u.input), line: u.line, reason: u.reason };
}

/** A member of the club. */
export function toAboveItem(s: AccountSummary & { score: number }): KloutItem {
  return { kind: 'above', account: s.index, handle: cleanText(s.handle), network: cleanText(s.network), score: s.score, flags: s.flags.map((f) => f.code) };
}

/** A near miss with the lever the engine found for it. */
export function toNearItem(n: NearBand, lever: Lever): KloutItem {
  const s = n.summary;
  return { kind: 'near', account: s.index, handle: cleanText(s.handle), network: cleanText(s.network), score: s.score, gap: n.gap, lever: describeLever(lever), leverShort: shortLever(lever) };
}

/** A lever in a few words: "+18% engagers", "capped 39.9", "none". */
export function shortLever(lever: Lever): string {
  if (lever.kind === 'capped') return `capped at ${lever.cap.toFixed(1)}`;
  if (lever.kind === 'none') return 'no single lever';
  return `+${lever.increasePct.toLocaleString('en-US')}% ${featureLabel(lever.feature)}`;
}

/** A topic of the picker. */
export function toTopicChoice(t: TopicPresence): TopicChoice {
  return { topic: t.topic, slug: cleanText(t.slug), name: cleanText(t.name), accounts: t.accounts };
}

/** A flagged account. */
export function toFlaggedItem(e: FlaggedEntry): FlaggedItem {
  return { account: e.account, handle: cleanText(e.handle), network: cleanText(e.network), codes: e.flags.map((f) => f.code), worst: e.worst, damping: e.damping, cap: e.cap };
}

/** Stored runs of one account, as `readHistory` returns them (epoch ms). */
export interface StoredRunScore {
  asOf: number;
  score: number;
}

/** The detail of an account: its itemised result, topics with evidence, flags with evidence, stored runs. */
export function toAccountDetail(r: AccountResult, topics: readonly TopicScore[], runs: readonly StoredRunScore[], audience?: AudienceQualityView | null): DetailView {
  const lastActivity = r.lastActivity === null ? null : new Date(r.lastActivity).toISOString();
  return {
    kind: 'account',
    account: r.index,
    handle: cleanText(r.handle),
    network: cleanText(r.network),
    score: r.score,
    interval: r.interval,
    abstain: r.abstain === null ? null : cleanText(r.abstain),
    subscores: r.subscores,
    confidence: r.confidence,
    contributions: r.contributions.map((c) => ({ label: featureLabel(c.feature), group: c.group, points: c.points, imputed: c.source === 'imputed' })),
    missing: r.missing.map(featureLabel),
    flags: r.flags.map((f) => ({ code: f.code, severity: f.severity, evidence: formatEvidence(f.evidence) })),
    topics: topics.map((t) => ({
      name: cleanText(t.name),
      slug: cleanText(t.slug),
      score: t.score,
      posts: t.evidence.posts,
      ownPosts: t.evidence.ownPosts,
      engagers: t.evidence.engagementKnown ? t.evidence.engagers : null,
      subTopics: t.evidence.subTopics.map((p) => ({ name: cleanText(p.name), posts: p.posts })),
      bio: t.evidence.bio,
      direct: t.evidence.direct,
      example: t.evidence.examples[0] ? clip(t.evidence.examples[0].text, EXAMPLE_CHARS) : null,
    })),
    history: {
      scores: runs.map((x) => x.score),
      first: runs.length ? new Date(runs[0]!.asOf).toISOString().slice(0, 10) : null,
      last: runs.length ? new Date(runs[runs.length - 1]!.asOf).toISOString().slice(0, 10) : null,
    },
    hint: asOfHint({ activityInWindow: r.activityInWindow, lastActivity }),
    ...(audience !== undefined ? { audience } : {}),
  };
}

/** The detail of a list line that names no account. */
export function toUnknownDetail(u: UnknownEntry): DetailView {
  return { kind: 'unknown', input: cleanText(u.input), line: u.line, reason: u.reason };
}
