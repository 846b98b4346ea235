/**
 * Loadings of features on one common factor, by principal-axis factoring of their
 * (pairwise-complete) correlation matrix: communalities start at each row's largest
 * absolute correlation; the leading eigenvector (power iteration from all ones) gives the
 * loadings; repeated 50 times. Clamped to [0, MAX_LOADING].
 * Source: Bartholomew, Knott and Moustaki (2011), Latent Variable Models and Factor
 * Analysis, 3rd ed., ch. 3. Worked example: three features with all correlations 0.64
 * converge to loadings 0.8 each (0.8 * 0.8 = 0.64).
 */
import { MAX_LOADING } from '../../../src/engine/impute.js';

/** Loadings of the columns of `rows` (NaN = missing) on one factor; NaN for columns with fewer than 3 values. */
export function factorLoadings(rows: readonly Float64Array[], columns: readonly number[]): number[] {
  const m = columns.length;
  const R = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    R[a * m + a] = 1;
    for (let b = a + 1; b < m; b++) {
      const r = correlation(rows, columns[a]!, columns[b]!);
      R[a * m + b] = r;
      R[b * m + a] = r;
    }
  }
  const h2 = Array.from({ length: m }, (_, a) => Math.max(0, ...Array.from({ length: m }, (_, b) => (a === b ? 0 : Math.abs(R[a * m + b]!)))));
  let loading = new Array<number>(m).fill(0);
  for (let round = 0; round < 50 && m > 0; round++) {
    const Rr = Float64Array.from(R);
    for (let a = 0; a < m; a++) Rr[a * m + a] = h2[a]!;
    let v = new Array<number>(m).fill(1 / Math.sqrt(m));
    let eig = 0;
    for (let it = 0; it < 200; it++) {
      const w = v.map((_, a) => v.reduce((s, vb, b) => s + Rr[a * m + b]! * vb, 0));
      const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
      if (norm === 0) break;
      eig = norm;
      v = w.map((x) => x / norm);
    }
    const sign = v.reduce((s, x) => s + x, 0) < 0 ? -1 : 1;
    loading = v.map((x) => sign * x * Math.sqrt(Math.max(eig, 0)));
    for (let a = 0; a < m; a++) h2[a] = Math.min(MAX_LOADING ** 2, loading[a]! ** 2);
  }
  return loading.map((l) => Math.min(MAX_LOADING, Math.max(0, l)));
}

/** Pearson correlation of two columns over the rows where both are present (0 with fewer than 3). */
export function correlation(rows: readonly Float64Array[], ka: number, kb: number): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (const r of rows) {
    const x = r[ka]!;
    const y = r[kb]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n++;
    sx += x;
    sy += y;
  }
  if (n < 3) return 0;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of rows) {
    const x = r[ka]!;
    const y = r[kb]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
