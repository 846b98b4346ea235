/**
 * Ranking for `influence rank`: order candidates by a chosen key, then filter and cut.
 *
 * Definition: candidates are sorted by the key (score, or one sub-score, or a precomputed
 * key such as a topic rank key), descending; ties go to the higher overall score, then the
 * handle (byte order), so the order is total and reproducible. Filters (minimum score,
 * flagged accounts excluded, minimum audience quality) apply before --limit, and what they
 * remove is counted.
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
  /** audience quality 0-100 (engine/audience/classes.ts); absent or null when not measured (never filtered by minQuality here) */
  quality?: number | null;
  /** an externally computed key (topic rank); used when `sort` is 'key' */
  key?: number;
}

export interface RankOptions {
  sort: RankSort | 'key';
  minScore?: number;
  excludeFlagged?: boolean;
  /** leave out candidates whose measured audience quality is below this */
  minQuality?: number;
  limit?: number;
}

export interface RankedEntry extends RankCandidate {
  rank: number;
}

export interface RankResult {
  ranked: RankedEntry[];
  /** removed by --min-score, --exclude-flagged or --min-quality */
  filtered: number;
  /** cut by --limit */
  cut: number;
}

/** Sorts, filters and limits candidates (see the module doc). Pure. */
export function rankCandidates(candidates: readonly RankCandidate[], options: RankOptions): RankResult {
  const keyOf = (c: RankCandidate): number => (options.sort === 'key' ? (c.key ?? -Infinity) : c[options.sort]);
  const belowQuality = (c: RankCandidate): boolean => options.minQuality !== undefined && c.quality !== undefined && c.quality !== null && c.quality < options.minQuality;
  const kept = candidates.filter((c) => (options.minScore === undefined || c.score >= options.minScore) && !(options.excludeFlagged && c.flagged) && !belowQuality(c));
  const sorted = [...kept].sort((a, b) => keyOf(b) - keyOf(a) || b.score - a.score || (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : a.account - b.account));
  const limited = options.limit !== undefined ? sorted.slice(0, options.limit) : sorted;
  return {
    ranked: limited.map((c, i) => ({ ...c, rank: i + 1 })),
    filtered: candidates.length - kept.length,
    cut: sorted.length - limited.length,
  };
}
