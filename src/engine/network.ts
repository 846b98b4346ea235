/**
 * Network influence: how influential an account's engagers are, as a fixed point over the
 * engagement graph (engine/engagement.ts).
 *
 * Definition (absolute PageRank, equivalently TunkRank). With share(j->i) the part of
 * engager j's attention that goes to i (inWeight[j->i] / outTotal[j], so the shares of one
 * engager sum to at most 1) and damping d = 0.85:
 *     u_i = 1 + d * sum_j share(j->i) * u_j         (u: PageRank, un-normalised)
 *     t_i = sum_j share(j->i) * u_j = (u_i - 1) / d (t: TunkRank, the network value)
 * t_i is the attention i receives, each unit weighted by how influential its giver is.
 *
 * Sources: Page, Brin, Motwani, Winograd (1999), "The PageRank citation ranking: bringing
 * order to the web" (the fixed point and damping); Tunkelang (2009), "A Twitter analog to
 * PageRank" (influence = sum over followers of (1 + p * their influence) / their following
 * count: attention split over whom one engages). u is PageRank with teleport weight 1 per
 * account and no normalisation by n; t is TunkRank with p = d.
 *
 * Why absolute: normalised PageRank sums to 1, so importing unrelated accounts would lower
 * everybody's rank. Here an account's value depends only on the accounts that (directly or
 * not) engage it. Dangling mass: an account that engages nobody passes nothing on, and its
 * mass is not redistributed over all accounts (that would couple every account to every
 * other one and break locality); the iteration still contracts, by d per step in L1,
 * because every engager's shares sum to at most 1.
 *
 * Worked example: carol engages only bob, bob engages only alice (shares 1), nobody engages
 * carol. u_carol = 1, t_carol = 0; u_bob = 1 + 0.85 * 1 = 1.85, t_bob = 1;
 * t_alice = 1 * u_bob = 1.85 (u_alice = 2.5725). A reshare from bob counts 1.85 times one
 * from a newcomer.
 *
 * Solved exactly on the acyclic part (one pass in topological order), then by Gauss-Seidel
 * sweeps in index order on the rest (deterministic; at least as fast as Jacobi for this
 * non-negative system, Stein-Rosenberg) until the L1 change of a sweep is at most
 * `tolerancePerNode * n` (1e-9 n by default), or `maxIterations` sweeps.
 */
import type { EngagementGraph } from './engagement.js';

/** Parameters of the fixed point (the model file's `network` section). */
export interface NetworkOptions {
  damping: number;
  /** stop when the L1 change of a sweep is at most this times n */
  tolerancePerNode: number;
  maxIterations: number;
}

/** Damping 0.85 (Page et al.), L1 tolerance 1e-9 per account, at most 500 sweeps. */
export const DEFAULT_NETWORK_OPTIONS: NetworkOptions = { damping: 0.85, tolerancePerNode: 1e-9, maxIterations: 500 };

/** Network values with how the iteration ended. */
export interface NetworkResult {
  /** TunkRank value t per account (0 when nobody engages it) */
  value: Float64Array;
  /** PageRank u per account (1 + d * t) */
  rank: Float64Array;
  iterations: number;
  /** L1 change of the last sweep (0 when nothing needed iterating) */
  residual: number;
  converged: boolean;
  /** accounts on or downstream of an engagement cycle (the iterated part) */
  cyclic: number;
}

/**
 * Computes the network value of every account (see the definition above).
 *
 * The acyclic part of the graph is solved exactly in one pass, as PRPACK does for the
 * PageRank of a DAG (Gleich, Gray, Greif, Lau 2010, "An inner-outer iteration..."; the
 * PRPACK solver's strongly-connected-component preprocessing): accounts nobody engages
 * have u = 1, and an account whose engagers are all solved is solved by one evaluation
 * (Kahn's topological order). Only accounts on or downstream of an engagement cycle are
 * iterated, with the solved engagers' part folded into a constant.
 */
export function computeNetworkInfluence(graph: EngagementGraph, options: NetworkOptions = DEFAULT_NETWORK_OPTIONS): NetworkResult {
  const { n, m, inStart, inSource } = graph;
  const d = options.damping;
  // the shares live only while the values are computed: 8 bytes per edge (80 MB at 10M
  // engagements) that the result does not keep; edgeShare gives one again, bit for bit
  const share = edgeSharesOf(graph);
  const u = new Float64Array(n).fill(1);

  // out-adjacency (by engager) for the topological pass
  const outStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) outStart[inSource[k]! + 1]!++;
  for (let i = 0; i < n; i++) outStart[i + 1]! += outStart[i]!;
  const fill = outStart.slice(0, n);
  const outTarget = new Int32Array(m);
  for (let i = 0; i < n; i++) for (let k = inStart[i]!; k < inStart[i + 1]!; k++) outTarget[fill[inSource[k]!]!++] = i;

  // Kahn: solve every account whose engagers are all solved
  const pending = new Int32Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    pending[i] = inStart[i + 1]! - inStart[i]!;
    if (pending[i] === 0) queue[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const j = queue[head]!;
    for (let k = outStart[j]!; k < outStart[j + 1]!; k++) {
      const i = outTarget[k]!;
      if (--pending[i]! === 0) {
        let sum = 0;
        for (let e = inStart[i]!, end = inStart[i + 1]!; e < end; e++) sum += share[e]! * u[inSource[e]!]!;
        u[i] = 1 + d * sum;
        queue[tail++] = i;
      }
    }
  }

  // the cyclic rest, renumbered 0..R-1 (contiguous values: better locality), with the
  // solved engagers' part folded into a constant; Gauss-Seidel over the unsolved edges
  const slot = new Int32Array(n).fill(-1);
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (pending[i]! > 0) slot[i] = rest.push(i) - 1;
  const R = rest.length;
  const base = new Float64Array(R);
  const restStart = new Int32Array(R + 1);
  let edges = 0;
  for (let r = 0; r < R; r++) {
    const i = rest[r]!;
    for (let e = inStart[i]!; e < inStart[i + 1]!; e++) if (slot[inSource[e]!]! >= 0) edges++;
  }
  const restSource = new Int32Array(edges);
  const restShare = new Float64Array(edges);
  edges = 0;
  for (let r = 0; r < R; r++) {
    const i = rest[r]!;
    let solved = 0;
    for (let e = inStart[i]!; e < inStart[i + 1]!; e++) {
      const j = inSource[e]!;
      if (slot[j]! >= 0) {
        restSource[edges] = slot[j]!;
        restShare[edges++] = share[e]!;
      } else solved += share[e]! * u[j]!;
    }
    base[r] = 1 + d * solved;
    restStart[r + 1] = edges;
  }
  const x = Float64Array.from(base); // a lower bound of the solution: Gauss-Seidel rises monotonically from it
  const tolerance = options.tolerancePerNode * Math.max(1, n);
  let iterations = 0;
  let residual = R === 0 ? 0 : Infinity;
  while (iterations < options.maxIterations && residual > tolerance) {
    residual = 0;
    for (let r = 0; r < R; r++) {
      let sum = 0;
      for (let e = restStart[r]!, end = restStart[r + 1]!; e < end; e++) sum += restShare[e]! * x[restSource[e]!]!;
      const next = base[r]! + d * sum;
      residual += Math.abs(next - x[r]!);
      x[r] = next;
    }
    iterations++;
  }
  for (let r = 0; r < R; r++) u[rest[r]!] = x[r]!;
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) value[i] = (u[i]! - 1) / d;
  return { value, rank: u, iterations, residual, converged: residual <= tolerance, cyclic: R };
}

/**
 * Edge k's share of its engager's attention: inWeight / outTotal of the engager (0 when
 * the engager's total is 0). Example: j's events weigh 3 in all, 1 of it toward i: 1/3.
 */
export function edgeShare(graph: Pick<EngagementGraph, 'inSource' | 'inWeight' | 'outTotal'>, k: number): number {
  const total = graph.outTotal[graph.inSource[k]!]!;
  return total > 0 ? graph.inWeight[k]! / total : 0;
}

/** Every edge's share (edgeShare), aligned with graph.inSource. */
export function edgeSharesOf(graph: EngagementGraph): Float64Array {
  const share = new Float64Array(graph.m);
  for (let k = 0; k < graph.m; k++) share[k] = edgeShare(graph, k);
  return share;
}

/** One engager's part of an account's network value. */
export interface EngagerContribution {
  /** account index of the engager */
  engager: number;
  /** share of the engager's attention that goes to the account */
  share: number;
  /** the engager's own PageRank u */
  engagerRank: number;
  /** share * engagerRank: this engager's part of the account's network value */
  value: number;
}

/**
 * The detailed variant: an account's network value explained by its top engagers, largest
 * part first (ties: lower index first). The parts of all engagers sum to the value.
 */
export function explainNetworkInfluence(graph: Pick<EngagementGraph, 'inStart' | 'inSource' | 'inWeight' | 'outTotal'>, result: NetworkResult, account: number, top = 5): EngagerContribution[] {
  const parts: EngagerContribution[] = [];
  for (let k = graph.inStart[account]!; k < graph.inStart[account + 1]!; k++) {
    const j = graph.inSource[k]!;
    const share = edgeShare(graph, k);
    const engagerRank = result.rank[j]!;
    parts.push({ engager: j, share, engagerRank, value: share * engagerRank });
  }
  parts.sort((a, b) => b.value - a.value || a.engager - b.engager);
  return parts.slice(0, top);
}
