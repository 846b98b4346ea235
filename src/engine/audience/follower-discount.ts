/**
 * What leaving fake and bot followers out of the audience (real-followers.ts) cost an
 * account, for `explain`: how many of its classified followers were fake or bot, the
 * followers value before and after, and the points the score lost.
 *
 * Definition: points = S(features with real followers) - S(features with every follower),
 * both through the same model path, damping and cap (engine/score.ts scoreFeatureVector),
 * each rounded to the tenth the score is shown in.
 * Example: 412 of 1,030 classified followers fake or bot, score 41.2 with them, 38.1
 * without -> "fake followers: 412 of 1,030, -3.1".
 */
import { featureVectorOf } from '../features.js';
import { scoreFeatureVector, type ScoreTable } from '../score.js';

/** One account's follower discount. */
export interface FollowerDiscount {
  fake: number;
  bot: number;
  /** its followers in the database with a class other than unknown */
  classified: number;
  /** the followers value before and after the discount */
  before: number;
  after: number;
  /** points the score lost (<= 0 for a monotone model); null when the account abstains */
  points: number | null;
}

const tenths = (x: number): number => Math.round(x * 10);

/** Account i's follower discount; null when no audit of its followers was possible. */
export function followerDiscountOf(table: ScoreTable, i: number): FollowerDiscount | null {
  const rf = table.realFollowers;
  if (!rf || Number.isNaN(rf.before[i]!)) return null;
  const fv = featureVectorOf(table.features, i);
  const all = { ...fv, value: { ...fv.value, followers: rf.before[i]! } };
  if (!Number.isNaN(rf.ratioBefore[i]!)) {
    all.value.follower_ratio = rf.ratioBefore[i]!;
    all.value.net_followers = Math.max(0, rf.before[i]! - fv.value.following);
  }
  const damping = table.assessment.damping[i] ?? 1;
  const cap = table.assessment.cap[i] ?? 100;
  const scored = table.abstain[i] === null || table.abstain[i] === undefined;
  const points = scored ? (tenths(scoreFeatureVector(table.model, fv, damping, cap).score) - tenths(scoreFeatureVector(table.model, all, damping, cap).score)) / 10 : null;
  return { fake: rf.fake[i]!, bot: rf.bot[i]!, classified: rf.classified[i]!, before: rf.before[i]!, after: fv.value.followers, points };
}
