/**
 * Real followers for the score (issue 12 item 4): fake and bot followers do not count as
 * audience. Applied to the feature table before the model runs (engine/score.ts), for
 * accounts whose followers in the database include classified ones (an audit is possible).
 *
 * Definition, per account a with followers value F (declared, or its own follower list) and,
 * among its followers in the database, C classified (not unknown) of which X fake or bot:
 *   removed          = min(X, F x X / C)
 *   followers        = F - removed
 *   follower_ratio   = followers / max(1, following)   (when the ratio was known)
 *   net_followers    = max(0, followers - following)   (likewise)
 * A partial list is never extrapolated (a list from someone else's export is not a random
 * sample of the audience: `audit` shows the extrapolated reach with its interval), and no
 * more than the classified share is removed when the declared count is below the list.
 * Suspicious and unknown followers still count: only fake and bot are "not audience".
 *
 * Example: 1,030 followers declared, its list of 1,030 all classified, 412 fake or bot ->
 * removed min(412, 1,030 x 412 / 1,030) = 412, followers 618.
 */
import type { FeatureTable } from '../features.js';
import type { AudienceTable } from './classes.js';

/** Per account: what the discount saw and did (NaN / 0 where no audit was possible). */
export interface RealFollowers {
  /** followers in the database with a class other than unknown */
  classified: Int32Array;
  fake: Int32Array;
  bot: Int32Array;
  /** the followers value before the discount; NaN where no audit was possible */
  before: Float64Array;
  /** follower_ratio before the discount; NaN where unknown or unchanged */
  ratioBefore: Float64Array;
  /** followers removed (0 when none) */
  removed: Float64Array;
}

/** The features applyRealFollowers reads or rewrites. */
export const DISCOUNTED_FEATURES = ['followers', 'follower_ratio', 'net_followers', 'following'] as const;

/** Discounts fake and bot followers in `features` (followers, follower_ratio, net_followers) in place, and returns what it did (see the module doc). */
export function applyRealFollowers(features: FeatureTable, audience: AudienceTable): RealFollowers {
  const n = features.n;
  const out: RealFollowers = {
    classified: new Int32Array(n),
    fake: new Int32Array(n),
    bot: new Int32Array(n),
    before: new Float64Array(n).fill(NaN),
    ratioBefore: new Float64Array(n).fill(NaN),
    removed: new Float64Array(n),
  };
  const fo = features.value.followers;
  const ratio = features.value.follower_ratio;
  const net = features.value.net_followers;
  const following = features.value.following;
  const f = audience.followers;
  for (let i = 0; i < n; i++) {
    const classified = f.real[i]! + f.suspicious[i]! + f.fake[i]! + f.bot[i]!;
    if (classified === 0 || Number.isNaN(fo[i]!)) continue;
    const x = f.fake[i]! + f.bot[i]!;
    out.classified[i] = classified;
    out.fake[i] = f.fake[i]!;
    out.bot[i] = f.bot[i]!;
    out.before[i] = fo[i]!;
    if (x === 0) continue;
    const removed = Math.min(x, (fo[i]! * x) / classified);
    out.removed[i] = removed;
    fo[i] = fo[i]! - removed;
    if (!Number.isNaN(ratio[i]!)) {
      out.ratioBefore[i] = ratio[i]!;
      ratio[i] = fo[i]! / Math.max(1, following[i]!); // a known ratio means a known following value (engine/features.ts)
      net[i] = Math.max(0, fo[i]! - following[i]!);
    }
  }
  return out;
}
