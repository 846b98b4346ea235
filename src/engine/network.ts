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
 * Solved by Gauss-Seidel sweeps in index order (deterministic; at least as fast as Jacobi
 * for this non-negative system, Stein-Rosenberg) until the L1 change of a sweep is at most
 * `tolerancePerNode * n`, or `maxIterations` sweeps.
 */
import type { EngagementGraph } from './engagement.js';

export interface NetworkOptions {
  damping: number;
  /** stop when the L1 change of a sweep is at most this times n */
  tolerancePerNode: number;
  maxIterations: number;
}

export const DEFAULT_NETWORK_OPTIONS: NetworkOptions = { damping: 0.85, tolerancePerNode: 1e-9, maxIterations: 500 };

export interface NetworkResult {
  /** TunkRank value t per account (0 when nobody engages it) */
  value: Float64Array;
  /** PageRank u per account (1 + d * t) */
  rank: Float64Array;
  /** per edge (aligned with graph.inSource): share of the engager's attention */
  share: Float64Array;
  iterations: number;
  /** L1 change of the last sweep */
  residual: number;
  converged: boolean;
}

/** Computes the network value of every account (see the definition above). */
export function computeNetworkInfluence(graph: EngagementGraph, options: NetworkOptions = DEFAULT_NETWORK_OPTIONS): NetworkResult {
  const { n, inStart, inSource, inWeight, outTotal } = graph;
  const d = options.damping;
  const share = new Float64Array(graph.m);
  for (let k = 0; k < graph.m; k++) {
    const total = outTotal[inSource[k]!]!;
    share[k] = total > 0 ? inWeight[k]! / total : 0;
  }
  const u = new Float64Array(n).fill(1);
  const tolerance = options.tolerancePerNode * Math.max(1, n);
  let iterations = 0;
  let residual = Infinity;
  // accounts nobody engages stay at u = 1: skip them in every sweep
  const active: number[] = [];
  for (let i = 0; i < n; i++) if (inStart[i + 1]! > inStart[i]!) active.push(i);
  const act = Int32Array.from(active);
  while (iterations < options.maxIterations && residual > tolerance) {
    residual = 0;
    for (let a = 0; a < act.length; a++) {
      const i = act[a]!;
      let sum = 0;
      for (let k = inStart[i]!, end = inStart[i + 1]!; k < end; k++) sum += share[k]! * u[inSource[k]!]!;
      const next = 1 + d * sum;
      residual += Math.abs(next - u[i]!);
      u[i] = next;
    }
    iterations++;
  }
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) value[i] = (u[i]! - 1) / d;
  return { value, rank: u, share, iterations, residual: residual === Infinity ? 0 : residual, converged: residual <= tolerance };
}

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
export function explainNetworkInfluence(graph: EngagementGraph, result: NetworkResult, account: number, top = 5): EngagerContribution[] {
  const parts: EngagerContribution[] = [];
  for (let k = graph.inStart[account]!; k < graph.inStart[account + 1]!; k++) {
    const j = graph.inSource[k]!;
    const share = result.share[k]!;
    const engagerRank = result.rank[j]!;
    parts.push({ engager: j, share, engagerRank, value: share * engagerRank });
  }
  parts.sort((a, b) => b.value - a.value || a.engager - b.engager);
  return parts.slice(0, top);
}
