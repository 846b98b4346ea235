/**
 * The authenticity stage: runs every signal over one window and combines them into what
 * the scorer consumes (result-types.ts AuthenticityAssessment):
 *   flags[i]            the flags that fired for account i, in FLAG_CODES order, each with
 *                       severity, evidence (measured values and thresholds) and factor
 *   damping[i]          multiplier on the raw additive total (damping.ts)
 *   cap[i]              highest calibrated score account i may show (damping.ts)
 *   interactionWeight[e] how much event e counts:
 *                         0 for self-engagement (actor = target);
 *                         1/k for each of the k in-window events of a serial pair or of a
 *                           pod ring pair (the pair counts once in total);
 *                         times the actor's own factors for bot-cadence, follow-back and
 *                           churn flags (automated or farmed accounts' engagement counts less);
 *                         1 otherwise.
 * Pure: same population, window and config give the same assessment.
 * Example: a pod of 10 where each member reacts 27 times to each other's 30 posts ->
 * every member flagged engagement-pod, each ring event weighted 1/27.
 */
import type { Dataset } from '../dataset.js';
import type { ScoringWindow } from '../window.js';
import { FLAG_CODES, NO_FLAGS, type AuthenticityAssessment, type Flag } from '../result-types.js';
import { indexActivity } from './activity.js';
import { detectBotCadence } from './bot-cadence.js';
import { detectChurn } from './churn.js';
import { DEFAULT_AUTHENTICITY_CONFIG, type AuthenticityConfig } from './config.js';
import { attachFactor, capFor, combineDamping } from './damping.js';
import { detectEngagementPods } from './engagement-pod.js';
import { detectFollowBack } from './follow-back.js';
import { detectHashtagStuffing } from './hashtag-stuffing.js';
import { detectSerialEngagers, markSerialPairs } from './serial-engager.js';

/** Detects gaming for every account in the window and turns it into flags, damping, caps and event weights. */
export function assessAuthenticity(pop: Dataset, window: ScoringWindow, config: AuthenticityConfig = DEFAULT_AUTHENTICITY_CONFIG): AuthenticityAssessment {
  const n = pop.accounts.n;
  const act = indexActivity(pop, window);
  const serial = markSerialPairs(act, config.serialEngager, config.coverageMinPosts);
  const pods = detectEngagementPods(pop, act, config.engagementPod, config.coverageMinPosts);
  const hits = [
    ...detectFollowBack(pop, act, config.followBack),
    ...detectBotCadence(act, config.botCadence),
    ...detectHashtagStuffing(pop, act, config.hashtagStuffing),
    ...pods.hits,
    ...detectSerialEngagers(pop, act, config.serialEngager, serial, pods.ringPair),
    ...detectChurn(pop, act, config.churn),
  ];
  const rank = (f: Flag): number => FLAG_CODES.indexOf(f.code);

  // an account without flags shares one frozen empty list: a list of its own per account
  // was 1M arrays (31 MB of heap) at 1M accounts, nearly all empty
  const flags: Flag[][] = new Array<Flag[]>(n).fill(NO_FLAGS);
  for (const h of hits) {
    const own = flags[h.account] === NO_FLAGS ? (flags[h.account] = []) : flags[h.account]!;
    own.push(attachFactor(h.flag, config.damping));
  }
  const damping = new Float64Array(n).fill(1);
  const cap = new Float64Array(n).fill(100);
  const actorFactor = new Float64Array(n).fill(1);
  // flagged actors are few: a byte mask keeps the per-event check in cache
  const actorFlagged = new Uint8Array(n);
  const actorCodes = new Set(config.damping.actorCodes);
  for (let a = 0; a < n; a++) {
    const fs = flags[a]!;
    if (fs.length === 0) continue;
    fs.sort((x, y) => rank(x) - rank(y));
    damping[a] = combineDamping(fs, config.damping);
    cap[a] = capFor(fs, config.damping);
    for (const f of fs) {
      if (!actorCodes.has(f.code)) continue;
      actorFactor[a]! *= f.factor;
      actorFlagged[a] = 1;
    }
  }

  const I = pop.interactions;
  const interactionWeight = new Float32Array(I.n);
  for (let e = 0; e < I.n; e++) {
    const actor = I.actor[e]!;
    if (actor >= 0 && actor === I.target[e]) continue; // self-engagement: weight 0
    interactionWeight[e] = actor >= 0 && actor < n && actorFlagged[actor] ? actorFactor[actor]! : 1;
  }
  for (let pos = 0; pos < act.eventPairAt.length; pos++) {
    const p = act.eventPairAt[pos]!;
    if (serial[p] || pods.ringPair[p]) {
      interactionWeight[act.eventAt[2 * pos]!] = actorFactor[act.eventAt[2 * pos + 1]!]! / act.pairs.events[p]!;
    }
  }
  return { flags, damping, cap, interactionWeight };
}
