/**
 * engagement-pod: a small fixed ring that engages every member's posts, fast, and is
 * engaged back. For an account with at least 20 engagement events in the window:
 *   candidates    = engagers who reacted to >= 50% of its content posts (originals and
 *                   quotes: activity.ts), >= 3 times
 *   ring          = candidates the account engages back (>= 2 events): reciprocal
 *   reciprocity   = ring / candidates                        (>= 0.5)
 *   concentration = ring's events / all engagement events    (>= 0.5)
 *   quickShare    = share of the ring's timed reactions to known posts that came within
 *                   60 minutes of the post                   (>= 0.5, from >= 10 samples)
 * Fires when ring >= 3 and all three shares pass. Latency that cannot be measured (no
 * times, no post links) means no flag: a tight group of friends looks like a ring by
 * counts alone; what gives a pod away is that it reacts within minutes, to everything.
 * Source: Weerasinghe et al. 2020, "The Pod People" (WWW'20).
 * Example: 10 members, each reacting to ~90% of each other's 30 posts within 5-30
 * minutes, little outside engagement: ring 9, reciprocity 1, concentration 0.95,
 * quickShare 1 -> fires, severity 1.
 */
import type { Dataset } from '../dataset.js';
import { coverageOf, type Activity } from './activity.js';
import type { EngagementPodConfig } from './config.js';
import { MINUTE, exceedance, labelOf, meanSeverity, round } from './measure.js';
import type { SignalHit } from './signal.js';

/** The pod flags and, per engagement pair, whether it is a ring pair of a flagged account. */
export interface PodDetection {
  hits: SignalHit[];
  /** per pair (Activity.pairs): 1 when it is a ring member's engagement of a flagged account */
  ringPair: Uint8Array;
}

const MAX_RING_LISTED = 12;

/** Flags accounts whose engagement comes from a reciprocal, fast ring. */
export function detectEngagementPods(pop: Dataset, act: Activity, cfg: EngagementPodConfig, coverageMinPosts: number): PodDetection {
  const n = act.accounts;
  const pairs = act.pairs;
  const ringPair = new Uint8Array(pairs.n);

  // 1. candidates: high-coverage repeat engagers, grouped by actor for the reverse lookup
  const candidate = new Uint8Array(pairs.n);
  const byActorStart = new Int32Array(n + 1);
  for (let p = 0; p < pairs.n; p++) {
    if (pairs.events[p]! >= cfg.memberMinEvents && coverageOf(act, p, coverageMinPosts) >= cfg.memberMinCoverage) {
      candidate[p] = 1;
      byActorStart[pairs.actor[p]! + 1]!++;
    }
  }
  for (let a = 0; a < n; a++) byActorStart[a + 1]! += byActorStart[a]!;
  const byActor = new Int32Array(byActorStart[n]!);
  const fill = byActorStart.slice(0, n);
  for (let p = 0; p < pairs.n; p++) if (candidate[p]) byActor[fill[pairs.actor[p]!]!++] = p;

  // 2. reciprocity: does the target engage the candidate back? (stamp the pairs aimed at x)
  const reciprocal = new Uint8Array(pairs.n);
  const stamp = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    if (byActorStart[x] === byActorStart[x + 1]) continue;
    for (let q = pairs.start[x]!; q < pairs.start[x + 1]!; q++) {
      stamp[pairs.actor[q]!] = x;
      slot[pairs.actor[q]!] = q;
    }
    for (let i = byActorStart[x]!; i < byActorStart[x + 1]!; i++) {
      const p = byActor[i]!;
      const t = pairs.target[p]!;
      if (stamp[t] === x && pairs.events[slot[t]!]! >= cfg.reciprocalMinEvents) reciprocal[p] = 1;
    }
  }

  // 3. per account: ring, shares, latency
  const I = pop.interactions;
  const P = pop.posts;
  const hits: SignalHit[] = [];
  for (let t = 0; t < n; t++) {
    const received = act.eventStart[t + 1]! - act.eventStart[t]!;
    if (received < cfg.minEvents) continue;
    let candidates = 0;
    let ring = 0;
    let ringEvents = 0;
    for (let p = pairs.start[t]!; p < pairs.start[t + 1]!; p++) {
      if (!candidate[p]) continue;
      candidates++;
      if (reciprocal[p]) {
        ring++;
        ringEvents += pairs.events[p]!;
      }
    }
    if (ring < cfg.minRing) continue;
    const reciprocity = ring / candidates;
    const concentration = ringEvents / received;
    if (reciprocity < cfg.minReciprocity || concentration < cfg.minConcentration) continue;

    const latencies: number[] = [];
    for (let i = act.eventStart[t]!; i < act.eventStart[t + 1]!; i++) {
      if (!reciprocal[act.eventPairAt[i]!]) continue;
      const e = act.eventAt[2 * i]!;
      const post = I.targetPost[e]!;
      const time = I.createdAt[e]!;
      if (post < 0 || post >= P.n || P.author[post] !== t || Number.isNaN(time)) continue;
      const latency = time - P.createdAt[post]!;
      if (latency >= 0) latencies.push(latency);
    }
    if (latencies.length < cfg.minLatencySamples) continue;
    let quick = 0;
    for (const l of latencies) if (l <= cfg.quickMinutes * MINUTE) quick++;
    const quickShare = quick / latencies.length;
    if (quickShare < cfg.minQuickShare) continue;

    const members: number[] = [];
    for (let p = pairs.start[t]!; p < pairs.start[t + 1]!; p++) {
      if (candidate[p] && reciprocal[p]) {
        ringPair[p] = 1;
        members.push(p);
      }
    }
    members.sort((x, y) => pairs.events[y]! - pairs.events[x]! || pairs.actor[x]! - pairs.actor[y]!);
    latencies.sort((x, y) => x - y);
    hits.push({
      account: t,
      flag: {
        code: 'engagement-pod',
        severity: meanSeverity([
          exceedance(concentration, cfg.minConcentration, cfg.fullConcentration),
          exceedance(reciprocity, cfg.minReciprocity, 1),
          exceedance(quickShare, cfg.minQuickShare, 1),
        ]),
        evidence: {
          ring: members.slice(0, MAX_RING_LISTED).map((p) => labelOf(pop, pairs.actor[p]!)),
          ringSize: ring,
          ringSizeMin: cfg.minRing,
          highCoverageEngagers: candidates,
          memberCoverageMin: cfg.memberMinCoverage,
          reciprocity: round(reciprocity),
          reciprocityMin: cfg.minReciprocity,
          events: received,
          eventsMin: cfg.minEvents,
          ringEvents,
          concentration: round(concentration),
          concentrationMin: cfg.minConcentration,
          medianLatencyMinutes: round(median(latencies) / MINUTE, 1),
          quickShare: round(quickShare),
          quickMinutes: cfg.quickMinutes,
          quickShareMin: cfg.minQuickShare,
          latencySamples: latencies.length,
          latencySamplesMin: cfg.minLatencySamples,
        },
      },
    });
  }
  return { hits, ringPair };
}

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}
