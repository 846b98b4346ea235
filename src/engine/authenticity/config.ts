/**
 * Every threshold the authenticity stage uses, in one object. Each value says why it is
 * what it is and, where one exists, the source. Where no published number exists the
 * value is a judgement, chosen so that the ordinary accounts in
 * test/engine/authenticity/population.test.ts stay unflagged (<= 3%) while the planted
 * gaming archetypes are caught (>= 90%); those are marked "judgement". The same bar is
 * checked on the simulator's independently planted world
 * (test/engine/authenticity/sim-population.test.ts; bench/eval-authenticity.ts for the
 * 10,000-account worlds, bench/diagnose-authenticity.ts for the evidence behind each miss).
 *
 * Conventions: a signal fires only when every one of its criteria is MEASURED and past its
 * threshold (missing data never fires a flag). `full*` values are where a criterion counts
 * as clear-cut: severity runs linearly from 0 at the threshold to 1 at `full*`.
 */
import type { FlagCode } from '../result-types.js';

export interface FollowBackConfig {
  minFollowers: number;
  minFollowing: number;
  fullFollowing: number;
  minRatio: number;
  fullRatio: number;
  maxEngagersPerFollower: number;
  minReciprocityEdges: number;
  reciprocityVeto: number;
  minOverlap: number;
  maxEngagersPerFollowerMutual: number;
}

export interface BotCadenceConfig {
  minPosts: number;
  metronomicMaxCv: number;
  fullCv: number;
  automatedMinPostsPerDay: number;
  regularTolerance: number;
  minRegularShare: number;
  fullRegularShare: number;
  regularMinMedianGapMinutes: number;
  quietHours: number;
  roundTheClockMinQuietShare: number;
  fullQuietShare: number;
  nonBurstyMaxCv: number;
  heavyPostsPerDay: number;
  extremePostsPerDay: number;
  fullPostsPerDay: number;
}

export interface HashtagStuffingConfig {
  minPosts: number;
  manyHashtags: number;
  minStuffedShare: number;
  fullStuffedShare: number;
  minHashtagWordRatio: number;
  extremeHashtagWordRatio: number;
  fullHashtagWordRatio: number;
}

export interface EngagementPodConfig {
  minEvents: number;
  memberMinCoverage: number;
  memberMinEvents: number;
  reciprocalMinEvents: number;
  minRing: number;
  minReciprocity: number;
  minConcentration: number;
  fullConcentration: number;
  quickMinutes: number;
  minQuickShare: number;
  minLatencySamples: number;
}

export interface SerialEngagerConfig {
  pairMinEvents: number;
  pairMinCoverage: number;
  minEvents: number;
  minShare: number;
  fullShare: number;
}

export interface ChurnConfig {
  minFollows: number;
  fullFollows: number;
  minUndoneShare: number;
  fullUndoneShare: number;
  cycleMaxDays: number;
}

export interface DampingConfig {
  strength: Record<FlagCode, number>;
  floor: number;
  actorCodes: readonly FlagCode[];
  capHigh: number;
  capLow: number;
}

export interface AuthenticityConfig {
  coverageMinPosts: number;
  followBack: FollowBackConfig;
  botCadence: BotCadenceConfig;
  hashtagStuffing: HashtagStuffingConfig;
  engagementPod: EngagementPodConfig;
  serialEngager: SerialEngagerConfig;
  churn: ChurnConfig;
  damping: DampingConfig;
}

/** The shipped thresholds; pass a modified copy to `assessAuthenticity` to experiment. */
export const DEFAULT_AUTHENTICITY_CONFIG: AuthenticityConfig = {
  /**
   * "Engages everything the account posts" (coverage = distinct content posts engaged /
   * content posts in the window; content = originals and quotes, see activity.ts: an
   * account's reshares and replies are reactions, not what a pod or a fan is there to
   * boost) is only measured for accounts with at least this many content posts in the
   * window: liking 2 of 2 posts says nothing. Judgement.
   */
  coverageMinPosts: 5,

  /**
   * Social capitalists and follow-back farms: Ghosh et al. 2012, "Understanding and
   * combating link farming in the Twitter social network" (WWW'12) found that most farmed
   * links come from users who follow back anyone who follows them; Dugué & Perez 2014,
   * "Detecting social capitalists on Twitter using similarity measures", detect them with
   * two measures, the follower/following ratio and the overlap index |followers ∩
   * followees| / min(|followers|, |followees|) (our `overlap`), from the graph alone. What
   * makes them inflate influence is audience without attention: many followers, few
   * people who ever engage.
   */
  followBack: {
    /** "both large": below ~1000 a near-1 ratio is ordinary mutual following among friends. Judgement. */
    minFollowers: 1000,
    minFollowing: 1000,
    /** mass following counts as clear-cut at 20k followees (4x Twitter's 5,000 follow limit, past which the platform itself ties following to followers). */
    fullFollowing: 20_000,
    /** followers and following within 20% of each other (min/max); Dugué & Perez use the ratio as one of their two measures. Judgement on the value. */
    minRatio: 0.8,
    fullRatio: 0.98,
    /**
     * At most 1 distinct engager per 100 followers over the window. An ordinary account
     * with 1,000+ followers that posts at all is engaged by several percent of them in
     * 90 days; a farm's audience is followers that never look. Judgement.
     */
    maxEngagersPerFollower: 0.01,
    /** reciprocity (share of followees who follow back) and overlap are only measured with this many follow edges each way in the follows table */
    minReciprocityEdges: 100,
    /** a measured reciprocity below this contradicts follow-back (the near-1 ratio is then a coincidence): no flag */
    reciprocityVeto: 0.3,
    /**
     * A measured overlap index of at least 0.74 is Dugué & Perez's own cut for social
     * capitalists (users who follow back whoever follows them: nearly every follower of
     * the smaller side is mutual). Ordinary reciprocity is ~0.2 (Kwak et al. 2010: 22% of
     * links reciprocated), so an overlap that high means the audience was collected by
     * following back, and the graph itself is evidence of the farm.
     */
    minOverlap: 0.74,
    /**
     * ...and then the engagement bar is 5x looser: at most 1 engager per 20 followers in
     * the window. A farm that posts every day collects a rotating trickle of engagers
     * (a reaction per post from a 10,000-follower audience still adds up to ~1% of it in
     * 90 days), which the strict bar misses; the bar stays below what active ordinary
     * accounts with 1,000+ followers get (engaged audiences: 5-30% of followers in 90
     * days). Judgement.
     */
    maxEngagersPerFollowerMutual: 0.05,
  },

  /**
   * Automated posting. Chu et al. 2012, "Detecting automation of Twitter accounts: are you
   * a human, bot, or cyborg?" (IEEE TDSC): bots post at regular intervals (low entropy of
   * inter-post delays) and around the clock; Chavoshi et al. 2016 (DeBot) use activity
   * timing as the bot signal. Humans are bursty (Barabási 2005, "The origin of bursts and
   * heavy tails in human dynamics": gap CV well above 1) and sleep (a daily quiet window).
   */
  botCadence: {
    /** timing statistics need at least this many posts in the window. Judgement. */
    minPosts: 30,
    /** metronomic: gap coefficient of variation (sd/mean) at most 0.35; a Poisson process has CV 1, humans > 1. Judgement. */
    metronomicMaxCv: 0.35,
    fullCv: 0.05,
    /**
     * Rhythm alone (metronomic, or round the clock without bursts) counts only at 4+ posts
     * a day: one habitual post at 9:00 is regular but not a bot, and a person whose sleep
     * drifts posts at all hours at 2 a day; automation that slow inflates little. Judgement.
     */
    automatedMinPostsPerDay: 4,
    /**
     * ...or metronomic by regularity: at least half of the gaps within +-20% of the median
     * gap (exponential gaps give ~0.14; schedulers ~1). Only when the median gap is at
     * least a minute, so bursts of thread posts seconds apart are not "regular". Judgement.
     */
    regularTolerance: 0.2,
    minRegularShare: 0.5,
    fullRegularShare: 0.95,
    regularMinMedianGapMinutes: 1,
    /** the length of the quiet (sleep) window looked for, in hours */
    quietHours: 6,
    /** round the clock: the quietest 6 hours of the day still carry >= 10% of posts (uniform = 25%; a sleeping human ~0-3%). Judgement. */
    roundTheClockMinQuietShare: 0.1,
    fullQuietShare: 0.25,
    /** not bursty: gap CV at most 1.2 (Poisson-like); humans are bursty (Barabási 2005). Judgement on the value. */
    nonBurstyMaxCv: 1.2,
    /** heavy automation at 50+ posts a day: the Oxford Internet Institute's Computational Propaganda memos (Howard, Kollanyi et al. 2016) */
    heavyPostsPerDay: 50,
    /** one post every 10 minutes, sustained over the active span: past human capacity, fires alone. Judgement. */
    extremePostsPerDay: 144,
    fullPostsPerDay: 288,
  },

  /**
   * Hashtag stuffing ("add hashtags", as "Up Yer Klout" advised): X/Twitter's rules on
   * platform manipulation name excessive or unrelated hashtags; its own guidance is one or
   * two per post. Reshares are excluded (their hashtags are the original author's).
   */
  hashtagStuffing: {
    /** posts with text (words + hashtags > 0) in the window needed to judge. Judgement. */
    minPosts: 10,
    /** a post "carries many" hashtags at 4 or more (twice the platform's advice). Judgement. */
    manyHashtags: 4,
    /** ...in at least half of the posts */
    minStuffedShare: 0.5,
    fullStuffedShare: 1,
    /** ...and at least 0.3 hashtags per word overall (ordinary posts: ~0.05) */
    minHashtagWordRatio: 0.3,
    /** more hashtags than words overall fires alone, however few per post */
    extremeHashtagWordRatio: 1,
    fullHashtagWordRatio: 1.5,
  },

  /**
   * Engagement pods: Weerasinghe et al. 2020, "The Pod People: Understanding Manipulation
   * of Social Media Popularity via Reciprocity Abuse" (WWW'20): members must engage every
   * member's posts, fast (within the first hour, when ranking decides), and are engaged
   * back. Criteria: a ring of reciprocal high-coverage engagers, their share of the
   * account's engagement, and their latency. A tight group of real friends differs in
   * coverage (irregular), in latency (hours, not minutes) and in outside engagement.
   */
  engagementPod: {
    /** engagement events received in the window needed to judge. Judgement. */
    minEvents: 20,
    /** a ring member engaged at least half of the account's posts, at least 3 times */
    memberMinCoverage: 0.5,
    memberMinEvents: 3,
    /** ...and the account engaged the member back at least twice (reciprocity) */
    reciprocalMinEvents: 2,
    /** a ring has at least 3 members (fewer is serial engagement, not a pod) */
    minRing: 3,
    /** at least half of the high-coverage engagers are engaged back */
    minReciprocity: 0.5,
    /** the ring brings at least half of the account's engagement events. Judgement. */
    minConcentration: 0.5,
    fullConcentration: 0.9,
    /** "quickly": at least half of the ring's engagements come within 60 minutes of the post (Weerasinghe et al.: the first hour) */
    quickMinutes: 60,
    minQuickShare: 0.5,
    /** latency is measured only with at least 10 timed ring engagements on known posts */
    minLatencySamples: 10,
  },

  /**
   * Serial engagers: a few accounts that engage everything. Klout's rule: repeated
   * engagement by the same person counts once. A pair (engager -> account) is serial when
   * the engager reacted at least 5 times and to at least 60% of the account's posts; each
   * of its events then has weight 1/k (the pair counts once in total). The flag fires when
   * serial pairs bring most of the account's engagement.
   */
  serialEngager: {
    pairMinEvents: 5,
    pairMinCoverage: 0.6,
    /** engagement events received in the window needed to judge. Judgement. */
    minEvents: 30,
    /** serial pairs bring at least 60% of the engagement events. Judgement. */
    minShare: 0.6,
    fullShare: 0.95,
  },

  /**
   * Follow/unfollow churn: following many accounts to harvest follow-backs, then
   * unfollowing them (X/Twitter's rules name "aggressive follow churn"). Needs timed
   * follow events. Undone follows are counted two ways and the larger taken: explicit
   * cycles (an unfollow of the same account within 30 days of the follow) and implied
   * (more follows made in the window than the account now follows).
   */
  churn: {
    /** at least 100 follows made in the window (more than one a day for 90 days). Judgement. */
    minFollows: 100,
    fullFollows: 2000,
    /** at least half of them undone. Judgement. */
    minUndoneShare: 0.5,
    fullUndoneShare: 0.95,
    /** an unfollow counts as a cycle when it comes within 30 days of the follow (follow/unfollow tools wait days, not months) */
    cycleMaxDays: 30,
  },

  /**
   * How flags become damping. Each flag's factor = 1 - strength x (0.5 + 0.5 x severity):
   * a flag just past its threshold removes half its strength, a clear-cut one all of it.
   * The account's damping is the product of its flags' factors, never below `floor`.
   * A flagged account's calibrated score is also capped: cap = capHigh - (capHigh - capLow)
   * x (largest severity). capHigh 60 keeps every flagged account below the top-5% line
   * (63, DESIGN.md) and well below 70 whatever the additive model does; capLow 35 puts a
   * clear-cut case below the median active account (40).
   */
  damping: {
    strength: {
      'follow-back': 0.5,
      'bot-cadence': 0.5,
      'hashtag-stuffing': 0.3,
      'engagement-pod': 0.5,
      'serial-engager': 0.3,
      churn: 0.4,
    },
    floor: 0.2,
    /** flags that make the account's own engagement of others count less (its events are multiplied by these flags' factors) */
    actorCodes: ['bot-cadence', 'follow-back', 'churn'],
    capHigh: 60,
    capLow: 35,
  },
};
