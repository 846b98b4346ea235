/**
 * The network fixed point of engine/network.ts as first written: Gauss-Seidel in index
 * order over the cyclic accounts, their values stored in that same order. The reference
 * the faster storage layout is compared with, bit for bit (test/engine/network.test.ts);
 * the network benchmark runs it beside the engine's for A/B timings. Not used by the
 * project itself.
 */
import type { EngagementGraph } from '../../src/engine/engagement.js';
import { edgeSharesOf, type NetworkOptions, type NetworkResult } from '../../src/engine/network.js';

/** computeNetworkInfluence as first written. */
export function referenceNetworkInfluence(graph: EngagementGraph, options: NetworkOptions): NetworkResult {
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
