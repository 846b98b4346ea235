/**
 * Labelled pairs for `eval` and `fit`, in two formats detected by header:
 *   - PeerIndex/Kaggle "Influencers in Social Networks" wide CSV: `Choice` (1 = A judged
 *     more influential) then per side `follower_count, following_count, listed_count,
 *     mentions_received, retweets_received, mentions_sent, retweets_sent, posts,
 *     network_feature_1..3` (the network features are ignored);
 *   - `a,b,winner`: two handles of accounts in the database and the handle that won.
 * PeerIndex rates are smoothed (the smallest value, 0.1005, means none); they are read as
 * events per day after removing that floor (the model file's "units.peerindex").
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { emptyFeatureVector, REFERENCE_WINDOW_DAYS, type FeatureVector } from '../engine/features.js';
import type { LabelledPair } from '../engine/fit.js';

/** The smoothing floor of the PeerIndex rate columns (read as zero). */
export const PEERINDEX_RATE_FLOOR = 0.100503358535;

const SIDE_COLUMNS = ['follower_count', 'following_count', 'listed_count', 'mentions_received', 'retweets_received', 'mentions_sent', 'retweets_sent', 'posts'] as const;

/** One `a,b,winner` row. */
export interface HandlePair {
  a: string;
  b: string;
  /** 1 when a won, 0 when b won */
  winner: 0 | 1;
  line: number;
}

/** A parsed pairs file, by format. */
export type PairsFile = { format: 'peerindex'; pairs: LabelledPair[] } | { format: 'handles'; pairs: HandlePair[] };

/** Parses a pairs file (either format); bad rows are InputErrors naming line and field. */
export function parsePairs(text: string, file: string): PairsFile {
  const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  const header = rows[0];
  if (!header) throw new InputError('the file is empty', { file, expected: 'a header row', fix: 'use the PeerIndex wide CSV (Choice,A_follower_count,...) or a CSV with columns a,b,winner' });
  const lower = header.map((h) => h.toLowerCase());
  if (lower.includes('choice') && lower.includes('a_follower_count')) return { format: 'peerindex', pairs: parsePeerIndexRows(header, rows, file) };
  if (lower.includes('a') && lower.includes('b') && lower.includes('winner')) return { format: 'handles', pairs: parseHandleRows(lower, rows, file) };
  throw new InputError('unrecognised header', {
    file,
    line: 1,
    expected: 'Choice,A_follower_count,... (PeerIndex) or a,b,winner',
    fix: 'rename the columns, or convert the file to one of these formats',
  });
}

function parsePeerIndexRows(header: string[], rows: string[][], file: string): LabelledPair[] {
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new InputError(`missing column ${name}`, { file, line: 1, field: name, expected: 'the PeerIndex wide header', fix: `add the ${name} column` });
    return i;
  };
  const choice = col('Choice');
  const a = SIDE_COLUMNS.map((c) => col(`A_${c}`));
  const b = SIDE_COLUMNS.map((c) => col(`B_${c}`));
  const pairs: LabelledPair[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    const num = (i: number, name: string): number => {
      const raw = row[i];
      const v = raw === undefined || raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(v) || v < 0) {
        throw new InputError(`not a non-negative number: ${JSON.stringify(raw ?? '')}`, { file, line, field: name, expected: 'a number >= 0', fix: 'correct or remove the row' });
      }
      return v;
    };
    const c = row[choice];
    if (c !== '0' && c !== '1') throw new InputError(`Choice must be 0 or 1, got ${JSON.stringify(c ?? '')}`, { file, line, field: 'Choice', expected: '1 (A more influential) or 0 (B)', fix: 'correct or remove the row' });
    const side = (cols: number[], prefix: string): FeatureVector => peerIndexFeatures(cols.map((i, k) => num(i, `${prefix}_${SIDE_COLUMNS[k]}`)));
    pairs.push({ a: side(a, 'A'), b: side(b, 'B'), winner: c === '1' ? 1 : 0 });
  }
  return pairs;
}

/** One PeerIndex side (values in SIDE_COLUMNS order) as model features (all 'declared'). */
export function peerIndexFeatures(v: number[]): FeatureVector {
  const [followers, following, listed, mentionsReceived, retweetsReceived, mentionsSent, retweetsSent, posts] = v.map((x) => x ?? NaN) as [
    number, number, number, number, number, number, number, number,
  ];
  const rate = (x: number): number => Math.max(0, x - PEERINDEX_RATE_FLOOR);
  const fv = emptyFeatureVector();
  const put = (name: keyof FeatureVector['value'], value: number): void => {
    fv.value[name] = value;
    fv.source[name] = 'declared';
  };
  put('followers', followers);
  put('listed', listed);
  put('mentions_received', rate(mentionsReceived));
  put('reshares_received', rate(retweetsReceived));
  put('reshares_per_post', (REFERENCE_WINDOW_DAYS * rate(retweetsReceived)) / Math.max(1, REFERENCE_WINDOW_DAYS * rate(posts)));
  put('following', following);
  put('posts_per_day', rate(posts));
  put('mentions_sent', rate(mentionsSent));
  put('reshares_sent', rate(retweetsSent));
  return fv;
}

function parseHandleRows(lower: string[], rows: string[][], file: string): HandlePair[] {
  const ia = lower.indexOf('a');
  const ib = lower.indexOf('b');
  const iw = lower.indexOf('winner');
  const norm = (h: string): string => h.trim().replace(/^@/, '').toLowerCase();
  const out: HandlePair[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    const a = row[ia] ?? '';
    const b = row[ib] ?? '';
    const w = row[iw] ?? '';
    if (a === '' || b === '') throw new InputError('a pair needs two handles', { file, line, field: a === '' ? 'a' : 'b', expected: 'a handle', fix: 'fill in both handles or remove the row' });
    let winner: 0 | 1;
    if (norm(w) === norm(a) && norm(a) !== norm(b)) winner = 1;
    else if (norm(w) === norm(b) && norm(a) !== norm(b)) winner = 0;
    else throw new InputError(`winner ${JSON.stringify(w)} is neither a nor b`, { file, line, field: 'winner', expected: `${a} or ${b}`, fix: 'write the handle of the more influential account' });
    out.push({ a, b, winner, line });
  }
  return out;
}
