import { describe, expect, it } from 'vitest';
import { rankCandidates, type RankCandidate } from '../../src/engine/ranking.js';

function cand(account: number, score: number, more: Partial<RankCandidate> = {}): RankCandidate {
  return { account, handle: `h${account}`, score, reach: score, amplification: 100 - score, network: 50, flagged: false, ...more };
}

describe('rankCandidates', () => {
  it('sorts by score, filters before the limit, and counts what it removed', () => {
    const r = rankCandidates([cand(1, 40, { flagged: true }), cand(2, 55), cand(3, 70), cand(4, 30)], { sort: 'score', minScore: 35, excludeFlagged: true, limit: 1 });
    expect(r.ranked.map((x) => [x.rank, x.account])).toEqual([[1, 3]]);
    expect(r.filtered).toBe(2);
    expect(r.cut).toBe(1);
  });
  it('sorts by a sub-score or an external key, ties by score then handle', () => {
    const c = [cand(1, 40), cand(2, 55), cand(3, 70)];
    expect(rankCandidates(c, { sort: 'amplification' }).ranked.map((x) => x.account)).toEqual([1, 2, 3]);
    const keyed = [cand(1, 40, { key: 9 }), cand(2, 55, { key: 9 }), cand(3, 70, { key: 1, handle: 'a' })];
    expect(rankCandidates(keyed, { sort: 'key' }).ranked.map((x) => x.account)).toEqual([2, 1, 3]);
    const tie = [cand(2, 50, { handle: 'b' }), cand(1, 50, { handle: 'a' })];
    expect(rankCandidates(tie, { sort: 'score' }).ranked.map((x) => x.handle)).toEqual(['a', 'b']);
  });
});
