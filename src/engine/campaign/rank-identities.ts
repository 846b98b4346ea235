/**
 * A ranking of people for `rank --identities`: each identity is one row with its combined
 * score (engine/identity.ts, the same numbers as `score --identity`), and every account in
 * no identity ranks as itself (its own score, as `score @handle` shows it). Rows are
 * ordered, filtered and cut as `rank` orders accounts (engine/ranking.ts): by score, ties
 * to the name in byte order; --min-score, --exclude-flagged (an identity is flagged when
 * a counted account is) and --min-confidence (on the combined confidence) apply to rows.
 */
import { abstentionOf, isScored, resultOf, type AccountResult, type Analysis } from '../analyze.js';
import { identityMembers, scoreIdentity, type IdentityScore } from '../identity.js';
import { rankCandidates } from '../ranking.js';

/** Filters and cut, as `rank` has them. */
export interface IdentityRankRequest {
  minScore?: number;
  limit?: number;
  excludeFlagged?: boolean;
  minConfidence?: number;
}

/** One row: an identity, or an account in no identity. */
export type RankedRow =
  | { rank: number; kind: 'identity'; identity: IdentityScore & { score: number; interval: [number, number] } }
  | { rank: number; kind: 'account'; account: AccountResult & { score: number; interval: [number, number] } };

/** A row left out because it has no score to compare, and why. */
export interface AbstainedRow {
  /** the identity's name, null for an account in no identity */
  identity: string | null;
  /** the account's handle and network (an identity: its first network's account) */
  handle: string;
  network: string;
  reason: string;
}

/** The ranking of people and what it left out, counted. */
export interface IdentityRanking {
  results: RankedRow[];
  abstained: AbstainedRow[];
  counts: { identities: number; accounts: number; ranked: number; abstained: number; filtered: number; cut: number };
}

/** Ranks identities and the accounts in none (see the module doc). */
export function rankIdentities(analysis: Analysis, req: IdentityRankRequest): IdentityRanking {
  const members = identityMembers(analysis.dataset);
  const inIdentity = analysis.dataset.identities?.of;
  type Row = { kind: 'identity'; identity: IdentityScore & { score: number; interval: [number, number] } } | { kind: 'account'; account: AccountResult & { score: number; interval: [number, number] } };
  const rows: Row[] = [];
  const abstained: AbstainedRow[] = [];
  let identities = 0;
  let accounts = 0;
  members.forEach((list, k) => {
    if (list.length === 0) return;
    identities++;
    const s = scoreIdentity(analysis, k);
    const first = s.networks[0]!.account;
    if (s.score === null) abstained.push({ identity: s.identity, handle: first.handle, network: first.network, reason: s.abstain ?? 'no score' });
    else if (req.minConfidence !== undefined && s.confidence < req.minConfidence) {
      abstained.push({ identity: s.identity, handle: first.handle, network: first.network, reason: `confidence ${s.confidence.toFixed(2)} is below --min-confidence ${req.minConfidence}` });
    } else rows.push({ kind: 'identity', identity: s as IdentityScore & { score: number; interval: [number, number] } });
  });
  for (let i = 0; i < analysis.dataset.accounts.n; i++) {
    if (inIdentity && inIdentity[i]! >= 0) continue;
    accounts++;
    const r = resultOf(analysis, i);
    const apart = abstentionOf(r, req.minConfidence);
    if (apart === null && isScored(r)) rows.push({ kind: 'account', account: r });
    else abstained.push({ identity: null, handle: apart!.handle, network: apart!.network, reason: apart!.reason });
  }
  const flagged = (row: Row): boolean => (row.kind === 'account' ? row.account.flags.length > 0 : row.identity.networks.some((n) => n.total !== null && n.account.flags.length > 0));
  // ranked by score (sort 'key'); the sub-score columns are not combined across networks
  const ranked = rankCandidates(
    rows.map((row, k) => {
      const score = row.kind === 'account' ? row.account.score : row.identity.score;
      return { account: k, handle: row.kind === 'account' ? row.account.handle : row.identity.identity, score, key: score, reach: NaN, amplification: NaN, network: NaN, flagged: flagged(row) };
    }),
    { sort: 'key', minScore: req.minScore, excludeFlagged: req.excludeFlagged, limit: req.limit },
  );
  return {
    results: ranked.ranked.map((c) => ({ rank: c.rank, ...rows[c.account]! })),
    abstained,
    counts: { identities, accounts, ranked: ranked.ranked.length, abstained: abstained.length, filtered: ranked.filtered, cut: ranked.cut },
  };
}
