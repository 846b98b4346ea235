/**
 * The engagement graph of a window: one edge per (engager, engaged) pair, built as CSR
 * (compressed sparse rows) over incoming edges, on typed arrays, in O(events + accounts)
 * with one stable counting sort by target and a stamp array to merge repeats of a pair
 * (no comparison sort, no hashing: deterministic and fast). The engagers of an account are
 * listed in the order of their first event.
 *
 * Definition. For the events e = (actor j, target i, kind k, time t) in the window
 * (asOf - windowDays, asOf], with j != i, both known, k an engagement kind:
 *   w(e)      = kindWeight[k] * 2^(-(asOf - t) / halfLife)     (recency-weighted)
 *   outTotal[j] = sum of w(e) over all of j's events            (j's attention budget)
 *   inWeight[j->i] = sum of w(e) * interactionWeight(e) over j's events on i
 *   pairWeight[j->i] = max interactionWeight(e) over j's events on i
 * so inWeight[j->i] / outTotal[j] is the share of j's attention that goes to i, reduced by
 * the authenticity stage's per-event weights (a discounted repeat passes less attention).
 *
 * Worked example: bob reshares alice twice (w=1 each) and likes carol once (w=0.3):
 * outTotal[bob] = 2.3, share(bob->alice) = 2/2.3 = 0.87, share(bob->carol) = 0.13.
 */
import { KIND, type Dataset } from './dataset.js';
import { DAY_MS, windowStart, type ScoringWindow } from './window.js';

/** Interaction kinds that count as engagement (follow/unfollow do not). */
export const ENGAGEMENT_KINDS = [KIND.reply, KIND.reshare, KIND.quote, KIND.mention, KIND.like] as const;

/** How much an event weighs in the graph: by kind, and by age. */
export interface EngagementWeights {
  /** weight per interaction kind code (KIND_CODES order); 0 for non-engagement kinds */
  kindWeight: readonly number[];
  /** recency half-life of an event's weight, in days */
  halfLifeDays: number;
}

/** The window's deduplicated engagement edges, as CSR over incoming edges. */
export interface EngagementGraph {
  n: number;
  /** number of distinct (engager, engaged) pairs */
  m: number;
  /** CSR over incoming edges: the engagers of i are inSource[inStart[i] .. inStart[i+1]), in order of first event */
  inStart: Int32Array;
  inSource: Int32Array;
  inWeight: Float64Array;
  /** per edge: the largest authenticity weight among the pair's events (distinct engagers count this) */
  pairWeight: Float32Array;
  /** per account: total recency/kind weight of its engagement events (its attention budget) */
  outTotal: Float64Array;
}

/** Builds the window's engagement graph (see the definition above). */
export function buildEngagementGraph(
  pop: Dataset,
  window: ScoringWindow,
  weights: EngagementWeights,
  interactionWeight: Float32Array,
): EngagementGraph {
  const n = pop.accounts.n;
  const ev = pop.interactions;
  const start = windowStart(window);
  const lambda = Math.LN2 / (weights.halfLifeDays * DAY_MS);

  // pass 1: select events, weigh them, count per target
  const selected = new Int32Array(ev.n);
  const w = new Float64Array(ev.n);
  const perTarget = new Int32Array(n + 1);
  const outTotal = new Float64Array(n);
  let s = 0;
  for (let e = 0; e < ev.n; e++) {
    const a = ev.actor[e]!;
    const b = ev.target[e]!;
    const t = ev.createdAt[e]!;
    const kw = weights.kindWeight[ev.kind[e]!] ?? 0;
    if (a < 0 || b < 0 || a === b || kw <= 0 || !(t <= window.asOf && t > start)) continue;
    const we = kw * Math.exp(-lambda * (window.asOf - t));
    selected[s] = e;
    w[e] = we;
    outTotal[a]! += we;
    perTarget[b + 1]!++;
    s++;
  }
  // one counting sort by target (stable: event order within a target)
  for (let i = 0; i < n; i++) perTarget[i + 1]! += perTarget[i]!;
  const targetStart = perTarget.slice(0, n + 1);
  const sorted = new Int32Array(s);
  for (let k = 0; k < s; k++) {
    const e = selected[k]!;
    sorted[perTarget[ev.target[e]!]!++] = e;
  }

  // merge repeats of a pair into one edge: `edgeOf[a]` is a's edge into the current target
  // when `stamp[a]` says it was made for this target (no sort by engager needed)
  const inStart = new Int32Array(n + 1);
  const inSource = new Int32Array(s);
  const inWeight = new Float64Array(s);
  const pairWeight = new Float32Array(s);
  const stamp = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    inStart[i] = m;
    for (let k = targetStart[i]!; k < targetStart[i + 1]!; k++) {
      const e = sorted[k]!;
      const a = ev.actor[e]!;
      const aw = interactionWeight[e] ?? 1;
      let edge = edgeOf[a]!;
      if (stamp[a] !== i) {
        stamp[a] = i;
        edge = edgeOf[a] = m++;
        inSource[edge] = a;
      }
      inWeight[edge]! += w[e]! * aw;
      if (aw > pairWeight[edge]!) pairWeight[edge] = aw;
    }
  }
  inStart[n] = m;
  return {
    n,
    m,
    inStart,
    inSource: inSource.slice(0, m),
    inWeight: inWeight.slice(0, m),
    pairWeight: pairWeight.slice(0, m),
    outTotal,
  };
}
