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

  // pass 1: select events, weigh them, count per target. An event's weight is weightOf's,
  // -1 when it is not selected (a selected event's weight is never negative); the second
  // pass weighs it again (the same arithmetic, the same bits) rather than keep a column of
  // weights (80 MB at 10M events, at the peak of the stage)
  const weightOf = (e: number): number => {
    const a = ev.actor[e]!;
    const b = ev.target[e]!;
    const t = ev.createdAt[e]!;
    const kw = weights.kindWeight[ev.kind[e]!] ?? 0;
    if (a < 0 || b < 0 || a === b || kw <= 0 || !(t <= window.asOf && t > start)) return -1;
    return kw * Math.exp(-lambda * (window.asOf - t));
  };
  const perTarget = new Int32Array(n + 1);
  const outTotal = new Float64Array(n);
  let s = 0;
  for (let e = 0; e < ev.n; e++) {
    const we = weightOf(e);
    if (we < 0) continue;
    outTotal[ev.actor[e]!]! += we;
    perTarget[ev.target[e]! + 1]!++;
    s++;
  }
  // one counting sort by target (stable: event order within a target) that carries what
  // the merge reads (engager, weighted share, authenticity weight) to the sorted position:
  // the merge then reads in order, not the events' columns at scattered indices, which
  // missed the cache on every event at 10M events (measured in the commit)
  for (let i = 0; i < n; i++) perTarget[i + 1]! += perTarget[i]!;
  const targetStart = perTarget.slice(0, n + 1);
  const inSource = new Int32Array(s);
  const inWeight = new Float64Array(s);
  const pairWeight = new Float32Array(s);
  for (let e = 0; e < ev.n; e++) {
    const we = weightOf(e);
    if (we < 0) continue;
    const k = perTarget[ev.target[e]!]!++;
    const aw = interactionWeight[e] ?? 1;
    inSource[k] = ev.actor[e]!;
    inWeight[k] = we * aw;
    pairWeight[k] = aw;
  }

  // merge repeats of a pair into one edge, in place (an edge's slot is never after its
  // event's): `edgeOf[a]` is a's edge into the current target when `stamp[a]` says it was
  // made for this target (no sort by engager needed). A new edge's weight is 0 + its first
  // share and its pair weight the larger of 0 and the first authenticity weight, as when
  // the edges were summed from zeroed columns.
  const inStart = new Int32Array(n + 1);
  const stamp = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    inStart[i] = m;
    for (let k = targetStart[i]!; k < targetStart[i + 1]!; k++) {
      const a = inSource[k]!;
      const share = inWeight[k]!;
      const aw = pairWeight[k]!;
      if (stamp[a] !== i) {
        stamp[a] = i;
        const edge = (edgeOf[a] = m++);
        inSource[edge] = a;
        inWeight[edge] = 0 + share;
        pairWeight[edge] = aw > 0 ? aw : 0;
      } else {
        const edge = edgeOf[a]!;
        inWeight[edge]! += share;
        if (aw > pairWeight[edge]!) pairWeight[edge] = aw;
      }
    }
  }
  inStart[n] = m;
  return {
    n,
    m,
    inStart,
    inSource: fitted(inSource, m),
    inWeight: fitted(inWeight, m),
    pairWeight: fitted(pairWeight, m),
    outTotal,
  };
}

/**
 * The first m entries of a column: a view when they are most of it (no second copy at the
 * peak; the tail's bytes stay allocated), else a copy (a view would hold a mostly unused buffer).
 */
function fitted<T extends Int32Array | Float64Array | Float32Array>(column: T, m: number): T {
  return (m >= column.length - (column.length >> 3) ? column.subarray(0, m) : column.slice(0, m)) as T;
}
