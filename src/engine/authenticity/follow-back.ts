/**
 * follow-back: audience bought with follows. Fires when all of:
 *   followers >= 1000 and following >= 1000          (both large: mass following)
 *   ratio = min(followers, following) / max(...) >= 0.8   (followers close to following)
 *   engagersPerFollower = distinct engagers in the window / followers <= 0.01, or <= 0.05
 *     when the follows table shows an overlap index >= 0.74 (the audience was collected by
 *     following back: Dugué & Perez's measure, see config.ts)
 *   reciprocity (when the follows table can measure it) >= 0.3
 * where
 *   reciprocity = share of the account's followees who follow it back
 *   overlap     = |followers ∩ followees| / min(|followers|, |followees|)   (follows table,
 *                 both measured with >= 100 edges each way)
 * Source: Ghosh et al. 2012 (social capitalists follow back anyone); Dugué & Perez 2014
 * (ratio and overlap index). Thresholds: config.ts.
 * Example: followers 5,200, following 5,000 (ratio 0.96), 12 distinct engagers in 90 days
 * (0.0023 per follower) -> fires, severity ~0.7. With 180 engagers (0.035) it fires only
 * if the follows table shows, say, 950 of its 1,000 in-table followers followed back
 * (overlap 0.95).
 *
 * Engagement is measured from events (distinct engagers), declared per-post counts on the
 * account's in-window posts, or declared window aggregates, whichever is largest (declared
 * reactions over-count people, so using them can only keep a flag from firing). With none
 * of these measured the signal stays silent. Distinct engagers grow with posting volume
 * (known weakness: a farm posting several times a day collects more than 5% of its
 * audience as engagers and escapes; one posting twice in 90 days looks like a farm with
 * fewer).
 */
import type { Dataset } from '../dataset.js';
import type { Activity } from './activity.js';
import type { FollowBackConfig } from './config.js';
import { exceedance, known, logExceedance, meanSeverity, round } from './measure.js';
import type { SignalHit } from './signal.js';

const DEFAULT_AGGREGATE_DAYS = 90;

/** Flags follow-back farms and social capitalists. */
export function detectFollowBack(pop: Dataset, act: Activity, cfg: FollowBackConfig): SignalHit[] {
  const A = pop.accounts;
  const n = A.n;
  const F = pop.follows;
  const inDeg = new Int32Array(n);
  const outDeg = new Int32Array(n);
  for (let i = 0; i < F.n; i++) {
    const u = F.follower[i]!;
    const v = F.followee[i]!;
    if (u < 0 || v < 0 || u >= n || v >= n || u === v) continue;
    outDeg[u]!++;
    inDeg[v]!++;
  }

  const declaredReactions = new Float64Array(n);
  const declaredMeasured = new Uint8Array(n);
  const P = pop.posts;
  for (let p = 0; p < P.n; p++) {
    if (!act.postInWindow[p]) continue;
    const likes = P.likes[p]!;
    const reshares = P.reshares[p]!;
    const replies = P.replies[p]!;
    if (Number.isNaN(likes) && Number.isNaN(reshares) && Number.isNaN(replies)) continue;
    const a = P.author[p]!;
    declaredReactions[a]! += (known(likes) ? likes : 0) + (known(reshares) ? reshares : 0) + (known(replies) ? replies : 0);
    declaredMeasured[a] = 1;
  }

  const hits: SignalHit[] = [];
  let reciprocityIndex: ReciprocityIndex | null = null;
  for (let a = 0; a < n; a++) {
    const followersDeclared = A.followers[a]!;
    const followingDeclared = A.following[a]!;
    const followers = known(followersDeclared) ? followersDeclared : inDeg[a]! > 0 ? inDeg[a]! : NaN;
    const following = known(followingDeclared) ? followingDeclared : outDeg[a]! > 0 ? outDeg[a]! : NaN;
    if (!known(followers) || !known(following)) continue;
    if (followers < cfg.minFollowers || following < cfg.minFollowing) continue;
    const ratio = Math.min(followers, following) / Math.max(followers, following);
    if (ratio < cfg.minRatio) continue;

    const engagement = measureEngagers(pop, act, a, declaredReactions[a]!, declaredMeasured[a] === 1);
    if (engagement === null) continue;
    const rate = engagement.engagers / followers;
    if (rate > Math.max(cfg.maxEngagersPerFollower, cfg.maxEngagersPerFollowerMutual)) continue;

    let reciprocity = NaN;
    let overlap = NaN;
    if (outDeg[a]! >= cfg.minReciprocityEdges && inDeg[a]! >= cfg.minReciprocityEdges) {
      reciprocityIndex ??= indexFollows(pop);
      ({ reciprocity, overlap } = measureReciprocity(reciprocityIndex, a));
      if (reciprocity < cfg.reciprocityVeto) continue;
    }
    const mutualAudience = known(overlap) && overlap >= cfg.minOverlap;
    const maxRate = mutualAudience ? cfg.maxEngagersPerFollowerMutual : cfg.maxEngagersPerFollower;
    if (rate > maxRate) continue;

    const parts = [
      exceedance(ratio, cfg.minRatio, cfg.fullRatio),
      exceedance(rate, maxRate, 0),
      logExceedance(following, cfg.minFollowing, cfg.fullFollowing),
    ];
    if (known(reciprocity)) parts.push(exceedance(reciprocity, cfg.reciprocityVeto, 1));
    if (known(overlap)) parts.push(exceedance(overlap, cfg.minOverlap, 1));
    const countsFrom = known(followersDeclared) && known(followingDeclared) ? 'declared' : 'follows-table';
    hits.push({
      account: a,
      flag: {
        code: 'follow-back',
        severity: meanSeverity(parts),
        evidence: {
          followers,
          following,
          countsFrom,
          followersMin: cfg.minFollowers,
          followingMin: cfg.minFollowing,
          ratio: round(ratio),
          ratioMin: cfg.minRatio,
          engagers: round(engagement.engagers, 2),
          engagersFrom: engagement.from,
          ...(engagement.posts !== null ? { posts: engagement.posts } : {}),
          engagersPerFollower: round(rate, 5),
          engagersPerFollowerMax: maxRate,
          ...(known(reciprocity) ? { reciprocity: round(reciprocity), reciprocityMin: cfg.reciprocityVeto } : {}),
          ...(known(overlap) ? { overlap: round(overlap), overlapMin: cfg.minOverlap } : {}),
        },
      },
    });
  }
  return hits;
}

/**
 * The largest measured estimate of distinct engagers in the window, or null when none is
 * measured; `posts` is the account's content posts in the window (null when only declared
 * aggregates measured it).
 */
function measureEngagers(
  pop: Dataset,
  act: Activity,
  a: number,
  declaredReactions: number,
  declaredMeasured: boolean,
): { engagers: number; from: string; posts: number | null } | null {
  const candidates: { engagers: number; from: string; posts: number | null }[] = [];
  const distinct = act.pairs.start[a + 1]! - act.pairs.start[a]!;
  const posts = act.contentCount[a]!;
  // Zero engagers counts as measured only in an event dataset where the account posted.
  if (distinct > 0 || (act.eventsObserved && act.postCount[a]! > 0)) candidates.push({ engagers: distinct, from: 'events', posts });
  if (declaredMeasured) candidates.push({ engagers: declaredReactions, from: 'declared-post-counts', posts });
  const A = pop.accounts;
  let aggregate = 0;
  let aggregateKnown = false;
  for (const v of [A.mentionsReceived[a]!, A.resharesReceived[a]!, A.repliesReceived[a]!, A.likesReceived[a]!]) {
    if (known(v)) {
      aggregate += v;
      aggregateKnown = true;
    }
  }
  if (aggregateKnown) {
    const days = known(A.aggregateWindowDays[a]!) && A.aggregateWindowDays[a]! > 0 ? A.aggregateWindowDays[a]! : DEFAULT_AGGREGATE_DAYS;
    candidates.push({ engagers: (aggregate * act.windowDays) / days, from: 'declared-aggregates', posts: null });
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((best, c) => (c.engagers > best.engagers ? c : best));
}

interface ReciprocityIndex {
  outStart: Int32Array;
  outList: Int32Array;
  inStart: Int32Array;
  inList: Int32Array;
  stamp: Int32Array;
}

function indexFollows(pop: Dataset): ReciprocityIndex {
  const n = pop.accounts.n;
  const F = pop.follows;
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  const valid = (i: number): boolean => {
    const u = F.follower[i]!;
    const v = F.followee[i]!;
    return u >= 0 && v >= 0 && u < n && v < n && u !== v;
  };
  for (let i = 0; i < F.n; i++) {
    if (!valid(i)) continue;
    outStart[F.follower[i]! + 1]!++;
    inStart[F.followee[i]! + 1]!++;
  }
  for (let a = 0; a < n; a++) {
    outStart[a + 1]! += outStart[a]!;
    inStart[a + 1]! += inStart[a]!;
  }
  const outList = new Int32Array(outStart[n]!);
  const inList = new Int32Array(inStart[n]!);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let i = 0; i < F.n; i++) {
    if (!valid(i)) continue;
    outList[outFill[F.follower[i]!]!++] = F.followee[i]!;
    inList[inFill[F.followee[i]!]!++] = F.follower[i]!;
  }
  return { outStart, outList, inStart, inList, stamp: new Int32Array(n).fill(-1) };
}

/**
 * Reciprocity: the share of the account's followees (in the follows table) who follow it
 * back; overlap (Dugué & Perez): mutual edges over the smaller of followers and followees.
 * Example: follows 400 accounts, followed by 380, 372 both ways -> reciprocity 0.93,
 * overlap 372 / 380 = 0.98.
 */
function measureReciprocity(ix: ReciprocityIndex, a: number): { reciprocity: number; overlap: number } {
  for (let i = ix.inStart[a]!; i < ix.inStart[a + 1]!; i++) ix.stamp[ix.inList[i]!] = a;
  let mutual = 0;
  let total = 0;
  for (let i = ix.outStart[a]!; i < ix.outStart[a + 1]!; i++) {
    total++;
    if (ix.stamp[ix.outList[i]!] === a) mutual++;
  }
  const smaller = Math.min(total, ix.inStart[a + 1]! - ix.inStart[a]!);
  return { reciprocity: total > 0 ? mutual / total : NaN, overlap: smaller > 0 ? mutual / smaller : NaN };
}
