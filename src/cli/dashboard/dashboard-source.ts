/**
 * The dashboard's data port over one analysis: each panel's view, asked for by sort,
 * topic, filter and threshold, built from engine results (orderAccounts, bandThreshold and
 * leverOf, flaggedAccountsOf, topicsPresentIn, resultOf) and memoised, so moving around
 * recomputes nothing and a 100k-account ranking builds only the rows on screen.
 */
import { resultOf, topicsOfAccount, type Analysis } from '../../engine/analyze.js';
import { orderAccounts, type RankOrder } from '../../engine/campaign/rank-accounts.js';
import { bandThreshold, leverOf } from '../../engine/campaign/threshold-report.js';
import { countFlags, flaggedAccountsOf } from '../../engine/authenticity/report.js';
import { topicsPresentIn } from '../../engine/topics/present.js';
import type { FollowerList } from '../../engine/campaign/list.js';
import type { ScoringWindow } from '../../engine/window.js';
import { cleanText } from '../../render/sanitize.js';
import {
  lazyList,
  toAboveItem,
  toAbstainedItem,
  toAccountDetail,
  toFlaggedItem,
  toNearItem,
  toRankedItem,
  toTopicChoice,
  toUnknownItem,
  type AudienceQualityView,
  type AuthenticityView,
  type DashboardSort,
  type DashboardSource,
  type DetailView,
  type KloutView,
  type RankingView,
  type StoredRunScore,
} from '../../render/dashboard/view.js';

/** What the source is built from. */
export interface SourceInput {
  analysis: Analysis;
  list: FollowerList | null;
  /** as the user named them */
  listFile: string | null;
  database: string;
  /** an account's stored runs, oldest first, by its database id */
  readRuns: (accountId: number) => StoredRunScore[];
  /** audience quality per account index for the ranking's column and the detail, when cheap enough for every row */
  audience?: (account: number) => AudienceQualityView | null;
  /** audience quality of the account in the detail pane only (one audit per account shown: cli/dashboard/audience-quality.ts) */
  detailAudience?: (account: number) => AudienceQualityView | null;
}

// filtered rankings kept for going back and forth while typing
const FILTER_CACHE = 64;
const DETAIL_CACHE = 256;

/** Builds the source (see the module doc); the default ranking (by score) is computed here, once. */
export function makeDashboardSource(input: SourceInput): DashboardSource {
  const { analysis, list } = input;
  const orders = new Map<string, RankOrder>();
  const orderOf = (sort: DashboardSort, topic: number | null): RankOrder => {
    const key = `${sort}|${topic}`;
    let order = orders.get(key);
    if (!order) {
      order = orderAccounts(analysis, { list, topic, sort: sort === 'topic' ? undefined : sort });
      orders.set(key, order);
    }
    return order;
  };
  const base = orderOf('score', null);
  // the accounts considered: the list's (ranked or not), else every account
  const pool = list ? [...base.rows.map((r) => r.account), ...base.abstained.map((a) => a.account)] : undefined;
  const considered = pool?.length ?? analysis.dataset.accounts.n;
  const flagged = flaggedAccountsOf(analysis, pool);

  const rankings = new Map<string, RankingView>();
  const klouts = new Map<string, KloutView>();
  const details = new Map<number, DetailView>();

  return {
    header: {
      database: input.database,
      asOf: isoOf(analysis.window),
      windowDays: analysis.window.windowDays,
      model: analysis.model.version,
      accounts: considered,
      scored: base.counts.ranked,
      abstaining: base.counts.abstained,
      flagged: flagged.length,
      list: list && input.listFile !== null ? { file: input.listFile, listed: base.counts.listed ?? 0, matched: considered, unknown: base.counts.unknown } : null,
    },
    topicsAvailable: analysis.topics !== null,

    ranking({ sort, topic, filter }) {
      const effective: DashboardSort = topic === null && sort === 'topic' ? 'score' : sort;
      const key = `${effective}|${topic}|${filter}`;
      let view = rankings.get(key);
      if (view) return view;
      const order = orderOf(effective, topic);
      const ranked = order.rows.length;
      const apart = order.abstained.length;
      const total = ranked + apart + order.unknown.length;
      const itemAt = (k: number) =>
        k < ranked ? toRankedItem(order.rows[k]!, input.audience?.(order.rows[k]!.account)) : k < ranked + apart ? toAbstainedItem(order.abstained[k - ranked]!) : toUnknownItem(order.unknown[k - ranked - apart]!);
      let items = lazyList(total, itemAt);
      if (filter) {
        const needle = filter.toLowerCase();
        const names = namesOf(order);
        const kept: number[] = [];
        for (let k = 0; k < total; k++) if (names[k]!.includes(needle)) kept.push(k);
        items = lazyList(kept.length, (j) => itemAt(kept[j]!));
      }
      view = {
        sort: effective,
        topic: order.topic ? { index: order.topic.index, slug: order.topic.slug, name: order.topic.name } : null,
        filter,
        items,
        counts: { ranked, abstained: apart, unknown: order.unknown.length },
        shown: items.length,
      };
      if (rankings.size >= FILTER_CACHE) rankings.clear();
      rankings.set(key, view);
      return view;
    },

    klout({ at, near, topic }) {
      const key = `${at}|${near}|${topic}`;
      let view = klouts.get(key);
      if (view) return view;
      const bands = bandThreshold(analysis, { at, near, list, topic });
      const above = bands.above.length;
      view = {
        at,
        near,
        topic: bands.topic ? { index: bands.topic.index, slug: bands.topic.slug, name: bands.topic.name } : null,
        counts: bands.counts,
        // a near miss's lever is a model search: only for the rows on screen, once each
        items: lazyList(above + bands.nearMisses.length, (k) => (k < above ? toAboveItem(bands.above[k]!) : toNearItem(bands.nearMisses[k - above]!, leverOf(analysis, bands.nearMisses[k - above]!.summary.index, at)))),
      };
      klouts.set(key, view);
      return view;
    },

    topics() {
      return analysis.topics ? topicsPresentIn(analysis.topics.expertise, pool).map(toTopicChoice) : [];
    },

    authenticity(): AuthenticityView {
      return { accounts: considered, flagged: flagged.length, byCode: countFlags(flagged), items: lazyList(flagged.length, (k) => toFlaggedItem(flagged[k]!)) };
    },

    detail(account) {
      let view = details.get(account);
      if (view) return view;
      view = toAccountDetail(resultOf(analysis, account), topicsOfAccount(analysis, account), input.readRuns(analysis.dataset.accounts.dbId[account]!), (input.audience ?? input.detailAudience)?.(account));
      if (details.size >= DETAIL_CACHE) details.clear();
      details.set(account, view);
      return view;
    },

    ...(input.audience ? { audience: input.audience } : {}),
  };
}

const names = new WeakMap<RankOrder, string[]>();

/** The names a filter matches, per row of the order (ranked, apart, unknown): as shown (cleaned), lower case. */
function namesOf(order: RankOrder): string[] {
  let out = names.get(order);
  if (!out) {
    out = [...order.rows.map((r) => r.handle), ...order.abstained.map((a) => a.handle), ...order.unknown.map((u) => u.input)].map((h) => cleanText(h).toLowerCase());
    names.set(order, out);
  }
  return out;
}

function isoOf(window: ScoringWindow): string {
  return new Date(window.asOf).toISOString();
}
