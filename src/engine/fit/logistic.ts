/**
 * Penalised logistic regression with lower bounds on the coefficients, by projected
 * Newton with an Armijo line search (Bertsekas 1982, "Projected Newton methods for
 * optimization problems with simple constraints"): deterministic, no random starts.
 *
 * Definition. Rows i with design x_i, offset o_i, label y_i in {0, 1}, weight w_i:
 *   minimise  sum_i w_i [log(1 + e^{m_i}) - y_i m_i] + 1/2 beta^T Q beta,  m_i = o_i + x_i . beta
 *   subject to beta_p >= lower_p
 * with Q = lambda I + mu D^T D, D the first differences of neighbouring coefficients within
 * each group (a curve's segment slopes: mu smooths the curve's bends).
 *
 * Worked example: one column x = [1, -1], y = [1, 0], lambda 1, no offset: the loss is
 * symmetric, beta > 0 and the fitted m_1 > 0 > m_2.
 */
import { solveCholesky } from './linear-algebra.js';

/** The problem: X row-major (rows x P). */
export interface LogisticProblem {
  X: Float64Array;
  P: number;
  offset: Float64Array;
  y: Float64Array;
  /** per row; default 1 */
  weight?: Float64Array;
  lambda: number;
  /** smoothing between neighbouring coefficients of a group */
  mu: number;
  /** group sizes (consecutive coefficients); sum = P */
  groups: number[];
  /** per coefficient lower bound (default 0) */
  lower?: Float64Array;
}

/** Fits the problem; returns the coefficients and the Newton iterations used. */
export function fitLogisticBounded(pr: LogisticProblem): { beta: Float64Array; iterations: number } {
  const { X, P, offset, y, lambda, mu } = pr;
  const n = y.length;
  const weight = pr.weight ?? new Float64Array(n).fill(1);
  const lower = pr.lower ?? new Float64Array(P);
  const Q = new Float64Array(P * P);
  for (let p = 0; p < P; p++) Q[p * P + p] = lambda;
  let o = 0;
  for (const g of pr.groups) {
    for (let j = 0; j + 1 < g; j++) {
      const a = o + j;
      const b = a + 1;
      Q[a * P + a]! += mu;
      Q[b * P + b]! += mu;
      Q[a * P + b]! -= mu;
      Q[b * P + a]! -= mu;
    }
    o += g;
  }
  const beta = Float64Array.from(lower, (l) => Math.max(0, l));
  const margin = (b: Float64Array, i: number): number => {
    let m = offset[i]!;
    for (let p = 0; p < P; p++) m += X[i * P + p]! * b[p]!;
    return m;
  };
  const loss = (b: Float64Array): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const m = margin(b, i);
      f += weight[i]! * (softplus(m) - y[i]! * m);
    }
    for (let p = 0; p < P; p++) for (let q = 0; q < P; q++) f += 0.5 * b[p]! * Q[p * P + q]! * b[q]!;
    return f;
  };
  let f = loss(beta);
  let iterations = 0;
  for (; iterations < 100; iterations++) {
    const g = new Float64Array(P);
    const H = new Float64Array(P * P);
    for (let i = 0; i < n; i++) {
      const m = margin(beta, i);
      const pr1 = 1 / (1 + Math.exp(-m));
      const r = weight[i]! * (pr1 - y[i]!);
      const w = weight[i]! * pr1 * (1 - pr1);
      for (let p = 0; p < P; p++) {
        const xp = X[i * P + p]!;
        if (xp === 0) continue;
        g[p]! += r * xp;
        for (let q = 0; q <= p; q++) H[p * P + q]! += w * xp * X[i * P + q]!;
      }
    }
    for (let p = 0; p < P; p++) {
      for (let q = 0; q < p; q++) H[q * P + p] = H[p * P + q]!;
    }
    for (let p = 0; p < P; p++) {
      for (let q = 0; q < P; q++) {
        g[p]! += Q[p * P + q]! * beta[q]!;
        H[p * P + q]! += Q[p * P + q]!;
      }
    }
    // free variables: off the bound, or on it with the gradient pointing inside
    const free: number[] = [];
    let pg = 0;
    for (let p = 0; p < P; p++) {
      if (beta[p]! > lower[p]! + 1e-12 || g[p]! < 0) {
        free.push(p);
        pg = Math.max(pg, Math.abs(g[p]!));
      }
    }
    if (pg < 1e-7 || free.length === 0) break;
    const Hf = new Float64Array(free.length * free.length);
    free.forEach((p, a) => free.forEach((q, b) => (Hf[a * free.length + b] = H[p * P + q]!)));
    const step = solveCholesky(Hf, Float64Array.from(free, (p) => -g[p]!), free.length);
    let alpha = 1;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++, alpha /= 2) {
      const trial = Float64Array.from(beta);
      free.forEach((p, a) => (trial[p] = Math.max(lower[p]!, beta[p]! + alpha * step[a]!)));
      let decrease = 0;
      for (let p = 0; p < P; p++) decrease += g[p]! * (trial[p]! - beta[p]!);
      const ft = loss(trial);
      if (ft <= f + 1e-4 * decrease) {
        const change = Math.abs(f - ft);
        beta.set(trial);
        f = ft;
        accepted = true;
        if (change < 1e-10 * Math.max(1, Math.abs(f))) alpha = 0;
        break;
      }
    }
    if (!accepted || alpha === 0) break;
  }
  return { beta, iterations };
}

/** The old entry point: non-negative, ridge only (tests, simple fits). */
export function fitLogisticNonNegative(X: Float64Array, offset: Float64Array, y: Float64Array, P: number, lambda: number): { beta: Float64Array; iterations: number } {
  return fitLogisticBounded({ X, P, offset, y, lambda, mu: 0, groups: [P] });
}

function softplus(m: number): number {
  return m > 30 ? m : Math.log1p(Math.exp(m));
}
