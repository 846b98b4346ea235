/**
 * `influence audit`: the view model, which is also the --json contract:
 *   {"schema":1,"handle","followers","classified",
 *    "summary":{"real","suspicious","fake","bot","unknown","quality","interval"},
 *    "growth":[...],"accounts":[{"handle","class","probability","reasons"}], ...}
 * Those keys come first, in that order; after them, what the text and card also show
 * (network, as-of, model, reach, engagement, where the growth series came from).
 * Handles are imported text: every one goes through cleanText.
 */
import type { AgesFrom, AudienceAudit, AudienceClass } from '../engine/audience/index.js';
import type { Dataset } from '../engine/dataset.js';
import { cleanText } from './sanitize.js';

/** One follower in the report. */
export interface AuditAccountView {
  handle: string;
  class: AudienceClass;
  /** probability of the class given (suspicious: of not being real); null for unknown */
  probability: number | null;
  reasons: string[];
}

/** One point of the follower series. */
export interface AuditGrowthView {
  /** YYYY-MM-DD for follow times; an ISO date-time for import snapshots */
  date: string;
  followers: number;
  gained: number;
  burst: boolean;
  /** modified z-score of the gain; null when the series is too short to judge */
  score: number | null;
  /** for burst days from follow times: what that day's new followers were classified as */
  classes?: Record<AudienceClass, number>;
}

/** The whole report. */
export interface AuditView {
  schema: 1;
  handle: string;
  followers: number;
  classified: number;
  summary: {
    real: number;
    suspicious: number;
    fake: number;
    bot: number;
    unknown: number;
    /** 0-100, share of real followers among the classified; null when none was classified */
    quality: number | null;
    /** 95% Wilson score interval of quality */
    interval: [number, number] | null;
  };
  growth: AuditGrowthView[];
  accounts: AuditAccountView[];
  network: string;
  /** ISO date-time account ages count from; null when the database gives no date (account ages then unknown) */
  asOf: string | null;
  /** where asOf came from: requested, activity, follow, or latest-creation (no date the profiles were read: the latest account creation, a lower bound); null with it */
  agesFrom: AgesFrom | null;
  windowDays: number;
  model: string;
  declaredFollowers: number | null;
  reach: { realFollowers: number; estimatedReal: number | null; estimatedInterval: [number, number] | null };
  engagement: {
    rate: number | null;
    posts: number;
    reactions: number;
    tier: string | null;
    tierMedian: number | null;
    tierAverage: number | null;
    vsMedian: number | null;
    benchmark: string;
    note: string | null;
  } | null;
  growthSource: 'follows' | 'imports' | 'none';
  /** false when the series is too short for the burst test: an empty list of bursts then means none could be seen */
  growthJudged: boolean;
  /** follows to the account without a time (not in the series) */
  untimedFollows: number;
}

const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The name an account is shown by: its handle, else its platform id. */
function nameOf(ds: Dataset, i: number): string {
  return cleanText(ds.accounts.handle[i] || `id:${ds.accounts.externalId[i] ?? ds.accounts.dbId[i]}`);
}

/** Projects an audit to the view (and JSON) contract. */
export function buildAuditView(ds: Dataset, audit: AudienceAudit, modelVersion: string): AuditView {
  const e = audit.engagement;
  return {
    schema: 1,
    handle: nameOf(ds, audit.account),
    followers: audit.followers,
    classified: audit.classified,
    summary: { ...audit.counts, quality: audit.quality, interval: audit.interval },
    growth: audit.growth.points.map((p) => ({
      date: audit.growth.source === 'follows' ? isoDay(p.at) : new Date(p.at).toISOString(),
      followers: p.followers,
      gained: p.gained,
      burst: p.burst,
      score: p.score,
      ...(p.classes ? { classes: p.classes } : {}),
    })),
    accounts: audit.verdicts.map((v) => ({ handle: nameOf(ds, v.index), class: v.class, probability: v.probability, reasons: v.reasons })),
    network: ds.accounts.network[audit.account]!,
    asOf: audit.asOf === null ? null : new Date(audit.asOf).toISOString(),
    agesFrom: audit.agesFrom,
    windowDays: audit.windowDays,
    model: modelVersion,
    declaredFollowers: audit.declaredFollowers,
    reach: audit.reach,
    engagement:
      e === null
        ? null
        : {
            rate: e.rate,
            posts: e.posts,
            reactions: e.reactions,
            tier: e.tier?.label ?? null,
            tierMedian: e.tier?.medianEr ?? null,
            tierAverage: e.tier?.averageEr ?? null,
            vsMedian: e.vsMedian,
            benchmark: e.source,
            note: e.note,
          },
    growthSource: audit.growth.source,
    growthJudged: audit.growth.judged,
    untimedFollows: audit.growth.untimed,
  };
}
