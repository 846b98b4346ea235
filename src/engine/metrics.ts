/**
 * Pairwise evaluation metrics.
 *
 * AUC over labelled pairs: with d_i = s(A_i) - s(B_i) and y_i = 1 when A_i was judged more
 * influential, AUC is the probability that a random pair with y = 1 has a larger d than a
 * random pair with y = 0, ties counting one half (the Mann-Whitney U statistic divided by
 * n1 * n0; Hanley and McNeil 1982). Pairwise accuracy is the share of pairs where the sign
 * of d agrees with the label, a tie counting one half.
 *
 * Worked example: d = [2, -1, 0.5], y = [1, 0, 0]: the positive (2) beats both negatives,
 * AUC = 2/2 = 1; accuracy: pair 1 right, pair 2 right, pair 3 wrong: 2/3.
 */

/** AUC of score differences against winners (1 = A won); 0.5 when a class is empty. */
export function pairAuc(diff: ArrayLike<number>, winner: ArrayLike<number>): number {
  const n = diff.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => diff[a]! - diff[b]! || a - b);
  // average ranks over ties
  const rank = new Float64Array(n);
  for (let s = 0; s < n; ) {
    let e = s;
    while (e + 1 < n && diff[order[e + 1]!] === diff[order[s]!]) e++;
    const r = (s + e) / 2 + 1;
    for (let k = s; k <= e; k++) rank[order[k]!] = r;
    s = e + 1;
  }
  let n1 = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (winner[i] === 1) {
      n1++;
      sum += rank[i]!;
    }
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return 0.5;
  return (sum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/** Share of pairs whose difference sign matches the winner; ties count one half. */
export function pairAccuracy(diff: ArrayLike<number>, winner: ArrayLike<number>): number {
  if (diff.length === 0) return 0;
  let right = 0;
  for (let i = 0; i < diff.length; i++) {
    const d = diff[i]!;
    if (d === 0 || Number.isNaN(d)) right += 0.5;
    else if ((d > 0) === (winner[i] === 1)) right += 1;
  }
  return right / diff.length;
}

/**
 * Spearman rank correlation with average ranks for ties: the Pearson correlation of the
 * ranks (Spearman 1904). Worked example: x = [1, 2, 3], y = [10, 30, 20]: ranks [1,2,3]
 * and [1,3,2], rho = 0.5. NaN when either side is constant.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const n = x.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mean) * (ry[i]! - mean);
    sxx += (rx[i]! - mean) ** 2;
    syy += (ry[i]! - mean) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1..n, ties sharing their average rank (ties broken by nothing: deterministic). */
export function averageRanks(v: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a]! - v[b]! || a - b);
  const r = new Float64Array(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && v[idx[j + 1]!] === v[idx[i]!]) j++;
    for (let k = i; k <= j; k++) r[idx[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/**
 * Top-k overlap: the share of the k accounts ranked highest by `score` that are also among
 * the k highest by `truth` (ties broken by lower index). Worked example: score [3, 2, 1],
 * truth [1, 3, 2], k = 2: {0, 1} and {1, 2} share 1 -> 0.5.
 */
export function topKOverlap(score: ArrayLike<number>, truth: ArrayLike<number>, k: number): number {
  const top = (v: ArrayLike<number>): Set<number> =>
    new Set(Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[b]! - v[a]! || a - b).slice(0, k));
  const a = top(score);
  const b = top(truth);
  let both = 0;
  for (const i of a) if (b.has(i)) both++;
  return k > 0 ? both / Math.min(k, score.length) : 0;
}
