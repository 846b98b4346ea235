/**
 * Ranking for `influence rank`: order candidates by a chosen key, then filter and cut.
 *
 * Definition: candidates are sorted by the key (score, or one sub-score, or a precomputed
 * key such as a topic rank key), descending; ties go to the higher overall score, then the
 * handle (byte order), so the order is total and reproducible. Filters (minimum score,
 * flagged accounts excluded) apply before --limit, and what they remove is counted.
 * Example: scores 40 (flagged), 55, 70 with minScore 50 and excludeFlagged -> [70, 55],
 * filtered 1.
 */

export type RankSort = 'score' | 'reach' | 'amplification' | 'network';
export const RANK_SORTS: readonly RankSort[] = ['score', 'reach', 'amplification', 'network'];

export interface RankCandidate {
  /** caller's id for the account (e.g. its population index) */
  account: number;
  handle: string;
  score: number;
  reach: number;
  amplification: number;
  network: number;
  flagged: boolean;
  /** an externally computed key (topic rank); used when `sort` is 'key' */
  key?: number;
}

export interface RankOptions {
  sort: RankSort | 'key';
  minScore?: number;
  excludeFlagged?: boolean;
  limit?: number;
}

export interface RankedEntry extends RankCandidate {
  rank: number;
}

export interface RankResult {
  ranked: RankedEntry[];
  /** removed by --min-score or --exclude-flagged */
  filtered: number;
  /** cut by --limit */
  cut: number;
}

/** Sorts, filters and limits candidates (see the module doc). Pure. */
export function rankCandidates(candidates: readonly RankCandidate[], options: RankOptions): RankResult {
  const kept = candidates.filter((c) => (options.minScore === undefined || c.score >= options.minScore) && !(options.excludeFlagged && c.flagged));
  // the keys in typed arrays and an index sort: 100k candidates sort in a fraction of the
  // time an object comparator takes (a dashboard re-sorts on a key press)
  const n = kept.length;
  const key = new Float64Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = kept[i]!;
    key[i] = options.sort === 'key' ? (c.key ?? -Infinity) : c[options.sort];
    score[i] = c.score;
  }
  const handle = kept.map((c) => c.handle);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => key[y]! - key[x]! || score[y]! - score[x]! || (handle[x]! < handle[y]! ? -1 : handle[x]! > handle[y]! ? 1 : kept[x]!.account - kept[y]!.account),
  );
  const limited = options.limit !== undefined ? order.slice(0, options.limit) : order;
  return {
    ranked: limited.map((k, i) => {
      const c = kept[k]!;
      return { account: c.account, handle: c.handle, score: c.score, reach: c.reach, amplification: c.amplification, network: c.network, flagged: c.flagged, key: c.key, rank: i + 1 };
    }),
    filtered: candidates.length - kept.length,
    cut: order.length - limited.length,
  };
}
