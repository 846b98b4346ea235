/**
 * churn: follow/unfollow cycles (follow many to harvest follow-backs, then unfollow to
 * keep the ratio). From timed 'follow'/'unfollow' interaction events and the follows
 * table's created_at, for each account:
 *   follows  = follows it made in the window: the larger of its timed follow events and
 *              its current follow edges created in the window (the two may describe the
 *              same follows, so they are never added)
 *   cycles   = unfollows in the window of an account it had followed, in the window, at
 *              most 30 days before
 *   implied  = follow events in the window minus the number it follows now (declared):
 *              follows made that are no longer there must have been undone
 *   undoneShare = max(cycles, implied) / follows
 * Fires when follows >= 100 and undoneShare >= 0.5. Events without a time are ignored:
 * without timestamps there is no cycle to see.
 * Source: X/Twitter's rules on "aggressive follow churn"; Ghosh et al. 2012 on why
 * follow-back harvesting works.
 * Example: 600 follows in 90 days, 480 unfollowed within a week, now following 900:
 * cycles 480, undoneShare 0.8 -> fires, severity ~0.6.
 */
import { KIND, type Dataset } from '../dataset.js';
import type { Activity } from './activity.js';
import type { ChurnConfig } from './config.js';
import { DAY, exceedance, known, logExceedance, meanSeverity, round } from './measure.js';
import type { SignalHit } from './signal.js';

/** Flags accounts that follow and unfollow in cycles. */
export function detectChurn(pop: Dataset, act: Activity, cfg: ChurnConfig): SignalHit[] {
  const n = pop.accounts.n;
  const I = pop.interactions;
  const inWindow = (t: number): boolean => t > act.from && t <= act.asOf;
  const FOLLOW = KIND.follow;
  const UNFOLLOW = KIND.unfollow;

  const followEvents = new Int32Array(n);
  const unfollowEvents = new Int32Array(n);
  const start = new Int32Array(n + 1);
  const relevant = (e: number): boolean => {
    const k = I.kind[e]!;
    if (k !== FOLLOW && k !== UNFOLLOW) return false;
    const a = I.actor[e]!;
    const t = I.target[e]!;
    return a >= 0 && a < n && t >= 0 && t < n && a !== t && inWindow(I.createdAt[e]!);
  };
  for (let e = 0; e < I.n; e++) {
    if (!relevant(e)) continue;
    const a = I.actor[e]!;
    if (I.kind[e] === FOLLOW) followEvents[a]!++;
    else unfollowEvents[a]!++;
    start[a + 1]!++;
  }

  const F = pop.follows;
  const tableFollows = new Int32Array(n);
  for (let i = 0; i < F.n; i++) {
    const u = F.follower[i]!;
    if (u >= 0 && u < n && inWindow(F.createdAt[i]!)) tableFollows[u]!++;
  }

  // Only accounts that made enough follows can fire: group just their events by actor.
  const eligible = new Uint8Array(n);
  for (let a = 0; a < n; a++) if (Math.max(followEvents[a]!, tableFollows[a]!) >= cfg.minFollows) eligible[a] = 1;
  for (let a = 0; a < n; a++) start[a + 1] = start[a]! + (eligible[a] ? start[a + 1]! : 0);
  const order = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let e = 0; e < I.n; e++) if (relevant(e) && eligible[I.actor[e]!]) order[fill[I.actor[e]!]!++] = e;

  const hits: SignalHit[] = [];
  const cycleMax = cfg.cycleMaxDays * DAY;
  for (let a = 0; a < n; a++) {
    if (!eligible[a]) continue;
    const seg = Array.from(order.subarray(start[a]!, start[a + 1]!));
    // by target, then time, a follow before an unfollow at the same instant
    seg.sort((x, y) => I.target[x]! - I.target[y]! || I.createdAt[x]! - I.createdAt[y]! || I.kind[x]! - I.kind[y]!);
    let cycles = 0;
    let lastTarget = -1;
    let lastFollow = NaN;
    for (const e of seg) {
      const t = I.target[e]!;
      if (t !== lastTarget) {
        lastTarget = t;
        lastFollow = NaN;
      }
      if (I.kind[e] === FOLLOW) lastFollow = I.createdAt[e]!;
      else if (!Number.isNaN(lastFollow)) {
        if (I.createdAt[e]! - lastFollow <= cycleMax) cycles++;
        lastFollow = NaN;
      }
    }
    const following = pop.accounts.following[a]!;
    const implied = known(following) ? Math.max(0, followEvents[a]! - following) : NaN;
    const follows = Math.max(followEvents[a]!, tableFollows[a]!);
    const undone = Math.max(cycles, known(implied) ? implied : 0);
    const share = undone / follows;
    if (share < cfg.minUndoneShare) continue;
    hits.push({
      account: a,
      flag: {
        code: 'churn',
        severity: meanSeverity([exceedance(share, cfg.minUndoneShare, cfg.fullUndoneShare), logExceedance(follows, cfg.minFollows, cfg.fullFollows)]),
        evidence: {
          follows,
          followsFrom: followEvents[a]! >= tableFollows[a]! ? 'events' : 'follows-table',
          followsMin: cfg.minFollows,
          unfollows: unfollowEvents[a]!,
          cycles,
          cycleMaxDays: cfg.cycleMaxDays,
          ...(known(implied) ? { following, impliedUndone: implied } : {}),
          undone,
          undoneShare: round(share),
          undoneShareMin: cfg.minUndoneShare,
        },
      },
    });
  }
  return hits;
}
