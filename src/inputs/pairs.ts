/**
 * Labelled pairs for `eval` and `fit`, in two formats detected by header:
 *   - PeerIndex/Kaggle "Influencers in Social Networks" wide CSV: `Choice` (1 = A judged
 *     more influential) then per side `follower_count, following_count, listed_count,
 *     mentions_received, retweets_received, mentions_sent, retweets_sent, posts,
 *     network_feature_1..3` (the network features are ignored);
 *   - `a,b,winner`: two handles of accounts in the database and the handle that won.
 * This module only parses: the mapping of PeerIndex columns to model features (its rates
 * are smoothed: the smallest value, 0.1005, means none) is the engine's (engine/peerindex.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode-text.js';
import { refuseRepeatedColumns } from './header-columns.js';
import { InputError, UsageError } from '../errors.js';

/** The per-side columns of the PeerIndex wide CSV this reader keeps, in this order (the three network features are ignored). */
export const PEERINDEX_SIDE_COLUMNS = ['follower_count', 'following_count', 'listed_count', 'mentions_received', 'retweets_received', 'mentions_sent', 'retweets_sent', 'posts'] as const;

/** One PeerIndex judgement: each side's raw values in PEERINDEX_SIDE_COLUMNS order (the engine maps them to features). */
export interface PeerIndexPair {
  a: number[];
  b: number[];
  /** 1 when A was judged more influential, 0 when B */
  winner: 0 | 1;
  line: number;
}

/** One `a,b,winner` row. */
export interface HandlePair {
  a: string;
  b: string;
  /** 1 when a won, 0 when b won */
  winner: 0 | 1;
  line: number;
}

/** A parsed pairs file, by format. */
export type PairsFile = { format: 'peerindex'; pairs: PeerIndexPair[] } | { format: 'handles'; pairs: HandlePair[] };

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

function parsePeerIndexRows(header: string[], rows: string[][], file: string): PeerIndexPair[] {
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new InputError(`missing column ${name}`, { file, line: 1, field: name, expected: 'the PeerIndex wide header', fix: `add the ${name} column` });
    return i;
  };
  refuseRepeatedColumns(header, ['Choice', ...PEERINDEX_SIDE_COLUMNS.flatMap((c) => [`A_${c}`, `B_${c}`])], file);
  const choice = col('Choice');
  const a = PEERINDEX_SIDE_COLUMNS.map((c) => col(`A_${c}`));
  const b = PEERINDEX_SIDE_COLUMNS.map((c) => col(`B_${c}`));
  const pairs: PeerIndexPair[] = [];
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
    const side = (cols: number[], prefix: string): number[] => cols.map((i, k) => num(i, `${prefix}_${PEERINDEX_SIDE_COLUMNS[k]}`));
    pairs.push({ a: side(a, 'A'), b: side(b, 'B'), winner: c === '1' ? 1 : 0, line });
  }
  return pairs;
}

function parseHandleRows(lower: string[], rows: string[][], file: string): HandlePair[] {
  refuseRepeatedColumns(lower, ['a', 'b', 'winner'], file);
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
    else throw winnerError(file, line, a, b, w, norm(a) === norm(b));
    out.push({ a, b, winner, line });
  }
  return out;
}

/** Why a winner cell names neither account of its pair, saying what columns a and b hold. */
function winnerError(file: string, line: number, a: string, b: string, w: string, same: boolean): InputError {
  const holds = `column a holds ${JSON.stringify(a)}, column b holds ${JSON.stringify(b)}`;
  if (same) return new InputError(`the pair compares an account with itself (${holds})`, { file, line, field: 'b', expected: 'two different accounts', fix: 'correct one of the handles or remove the row' });
  const columnName = /^[ab]$/i.test(w.trim());
  return new InputError(`winner ${JSON.stringify(w)} names neither account of the pair: ${holds}`, {
    file,
    line,
    field: 'winner',
    expected: `the winner's handle: ${JSON.stringify(a)} or ${JSON.stringify(b)}`,
    fix: columnName ? `write the handle itself (${a} or ${b}), not the column's name` : 'write the handle of the more influential account, as column a or b gives it',
  });
}

/** A pairs file read from disk, with what a fitted model records of it. */
export interface PairsFileRead {
  parsed: PairsFile;
  sha256: string;
}

/** Reads and parses a pairs file; an empty one is an InputError. */
export function readPairsFile(file: string, shownAs: string): PairsFileRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${shownAs}`, 'check the path');
  }
  const parsed = parsePairs(decodeText(bytes), shownAs);
  if (parsed.pairs.length === 0) throw new InputError('no pairs in the file', { file: shownAs, expected: 'at least one labelled pair', fix: 'add rows under the header' });
  return { parsed, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}
