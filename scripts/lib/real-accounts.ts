/**
 * The real accounts the fitting scripts share: dev.csv's PeerIndex sides, genuine.csv's
 * declared counts, and the partial views of both (what an own export shows of them).
 */
import { parse } from 'csv-parse/sync';
import { parsePairs, type PairsFile } from '../../src/inputs/pairs.js';
import { peerIndexFeatures } from '../../src/engine/peerindex.js';
import { emptyFeatureVector, type FeatureVector } from '../../src/engine/features.js';
import type { PartialView } from './fit/real-data.js';

/** dev.csv's labelled pairs (PeerIndex format). */
export function readPeerIndexPairs(text: string): Extract<PairsFile, { format: 'peerindex' }> {
  const parsed = parsePairs(text, 'dev.csv');
  if (parsed.format !== 'peerindex') throw new Error('dev.csv: expected the PeerIndex format');
  return parsed;
}

/** Each distinct account (side) of the pairs once, as model features. */
export function uniqueSides(pairs: Extract<PairsFile, { format: 'peerindex' }>): FeatureVector[] {
  const seen = new Set<string>();
  const out: FeatureVector[] = [];
  for (const p of pairs.pairs) {
    for (const side of [p.a, p.b]) {
      const key = side.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(peerIndexFeatures(side));
    }
  }
  return out;
}

/** A genuine.csv row (Twitter API user object, April 2017) as declared features. */
function genuineAccount(r: Record<string, string>, asOf: number): FeatureVector | null {
  const num = (k: string) => (r[k] === undefined || r[k] === '' ? NaN : Number(r[k]));
  const followers = num('followers_count');
  const following = num('friends_count');
  const listed = num('listed_count');
  if (!Number.isFinite(followers) || !Number.isFinite(following) || !Number.isFinite(listed)) return null;
  const fv = emptyFeatureVector();
  const put = (k: keyof FeatureVector['value'], v: number) => {
    fv.value[k] = v;
    fv.source[k] = 'declared';
  };
  put('followers', followers);
  put('listed', listed);
  put('following', following);
  put('follower_ratio', followers / Math.max(1, following));
  put('net_followers', Math.max(0, followers - following));
  const created = Date.parse(r['created_at'] ?? '');
  const statuses = num('statuses_count');
  if (Number.isFinite(created) && Number.isFinite(statuses) && asOf > created) put('posts_per_day', statuses / ((asOf - created) / 86_400_000));
  return fv;
}

/** genuine.csv's accounts (counts as of April 2017) with followers, following and listed. */
export function readGenuine(bytes: Buffer): FeatureVector[] {
  const rows = parse(bytes, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  return rows.map((r) => genuineAccount(r, Date.UTC(2017, 3, 30))).filter((fv): fv is FeatureVector => fv !== null);
}

/**
 * Real accounts as an own export shows them: a Twitter archive (follower and following
 * lists, the posts' declared reshares, the owner's own mentions; no list count, no
 * mentions received), and an export with the lists only.
 */
export function partialViews(sides: FeatureVector[], genuine: FeatureVector[]): PartialView[] {
  return [
    { name: 'dev.csv accounts as their Twitter archive shows them', accounts: sides, drop: ['listed', 'mentions_received', 'mentions_per_post'] },
    { name: 'genuine.csv accounts without their list count', accounts: genuine, drop: ['listed'] },
  ];
}
