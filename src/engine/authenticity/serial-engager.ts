/**
 * serial-engager: engagement concentrated in a few accounts that engage everything.
 *
 * Pair rule (always applied, flag or not): a pair engager -> account is serial when the
 * engager reacted at least 5 times and to at least 60% of the account's in-window content
 * posts (originals and quotes; coverage, measured on accounts with >= 5 of them). Its k
 * events then count once in total: each gets weight 1/k (Klout's rule: repeated
 * engagement by the same person counts once).
 *
 * Account flag: with at least 30 engagement events received in the window,
 *   serialShare = events from serial pairs / all engagement events   (>= 0.6)
 * Ring pairs of an account already flagged as an engagement pod are left out (the pod
 * flag covers them; one behaviour is not damped twice).
 * Example: 40 posts; 3 accounts react to 38, 39 and 40 of them, 12 others once each:
 * serialShare 117/129 = 0.91 -> fires, severity 0.88.
 */
import type { Dataset } from '../dataset.js';
import { coverageOf, type Activity } from './activity.js';
import type { SerialEngagerConfig } from './config.js';
import { exceedance, labelOf, round } from './measure.js';
import type { SignalHit } from './signal.js';

const MAX_LISTED = 5;

/** Marks serial pairs (per Activity pair: 1 = serial). */
export function markSerialPairs(act: Activity, cfg: SerialEngagerConfig, coverageMinPosts: number): Uint8Array {
  const serial = new Uint8Array(act.pairs.n);
  for (let p = 0; p < act.pairs.n; p++) {
    if (act.pairs.events[p]! >= cfg.pairMinEvents && coverageOf(act, p, coverageMinPosts) >= cfg.pairMinCoverage) serial[p] = 1;
  }
  return serial;
}

/** Flags accounts whose engagement is dominated by serial pairs (ring pairs of pods excluded). */
export function detectSerialEngagers(pop: Dataset, act: Activity, cfg: SerialEngagerConfig, serial: Uint8Array, ringPair: Uint8Array): SignalHit[] {
  const pairs = act.pairs;
  const hits: SignalHit[] = [];
  for (let t = 0; t < act.accounts; t++) {
    const received = act.eventStart[t + 1]! - act.eventStart[t]!;
    if (received < cfg.minEvents) continue;
    let serialEvents = 0;
    const members: number[] = [];
    for (let p = pairs.start[t]!; p < pairs.start[t + 1]!; p++) {
      if (serial[p] && !ringPair[p]) {
        serialEvents += pairs.events[p]!;
        members.push(p);
      }
    }
    const share = serialEvents / received;
    if (share < cfg.minShare) continue;
    members.sort((x, y) => pairs.events[y]! - pairs.events[x]! || pairs.actor[x]! - pairs.actor[y]!);
    hits.push({
      account: t,
      flag: {
        code: 'serial-engager',
        severity: round(exceedance(share, cfg.minShare, cfg.fullShare)),
        evidence: {
          serialEngagers: members.length,
          top: members.slice(0, MAX_LISTED).map((p) => labelOf(pop, pairs.actor[p]!)),
          pairEventsMin: cfg.pairMinEvents,
          pairCoverageMin: cfg.pairMinCoverage,
          events: received,
          eventsMin: cfg.minEvents,
          serialEvents,
          serialShare: round(share),
          serialShareMin: cfg.minShare,
          distinctEngagers: pairs.start[t + 1]! - pairs.start[t]!,
        },
      },
    });
  }
  return hits;
}
