/**
 * Dense linear algebra for the fits: Cholesky solve of a symmetric positive definite
 * system. Definition: A = L L^T (L lower triangular), then L z = b, L^T x = z.
 * Source: Golub and Van Loan, Matrix Computations, 4th ed., 4.2. Worked example:
 * A = [[4, 2], [2, 3]], b = [2, 1]: L = [[2, 0], [1, 1.414]], x = [0.5, 0].
 */

/** Solves A x = b for symmetric positive definite A (n x n, row-major) by Cholesky. */
export function solveCholesky(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / L[j * n + j]!;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * z[k]!;
    z[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}
