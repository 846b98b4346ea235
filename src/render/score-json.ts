/**
 * One `score --json` result written field by field, as UTF-8 bytes: the UTF-8 of
 * render/json.ts's stringifyJson(r, 0) for a ScoreResultView (compact, as a list
 * document writes each of its items on one line; terminal-active characters escaped).
 * Why: `score --all --json` writes 100k results (160 MB); stringifying each generically
 * took a third of the command, and appending its pieces to a string another fifth
 * (render/byte-text.ts). Flags (rare, with free-form evidence) go through stringifyJson.
 * test/render/score-json.test.ts holds it to stringifyJson.
 */
import type { Contribution } from '../engine/result-types.js';
import { JSON_ESCAPED, stringifyJson } from './json.js';
import { numberText } from './number-text.js';
import { encodePiece, makeByteText, putAscii, putBytes, putText, takeString, type ByteText } from './byte-text.js';
import type { ScoreResultView } from './score-view.js';

// the fields written below: a new field of a result or a contribution fails to compile
// here until it is written too
const RESULT_FIELDS = {
  handle: 1, network: 1, score: 1, interval: 1, abstain: 1, subscores: 1, confidence: 1,
  contributions: 1, flags: 1, missing: 1, activityInWindow: 1, lastActivity: 1,
} as const satisfies Record<keyof ScoreResultView, 1>;
const CONTRIBUTION_FIELDS = { feature: 1, group: 1, value: 1, points: 1, source: 1, basis: 1 } as const satisfies Record<keyof Contribution, 1>;
void RESULT_FIELDS;
void CONTRIBUTION_FIELDS;

/** A character JSON.stringify escapes (quote, backslash, C0 controls, lone surrogates) or render/json.ts does. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u0080-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** A string as JSON (as stringifyJson writes it). */
function str(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s).replace(JSON_ESCAPED, escapeCodeUnit) : `"${s}"`;
}

function escapeCodeUnit(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A string as JSON, written (str without making the quoted copy when nothing needs escaping). */
function putStr(out: ByteText, s: string): void {
  if (NEEDS_ESCAPE.test(s)) return putText(out, str(s));
  putBytes(out, QUOTE);
  putText(out, s);
  putBytes(out, QUOTE);
}
const QUOTE = encodePiece('"');

/** A number as JSON.stringify writes it (non-finite: null); null as null. */
function num(x: number | null): string {
  if (x === null) return 'null';
  // most numbers of a result are in hundredths (scores, points, confidence, small counts):
  // x is exactly the double h / 100, whose text is the same whenever it is written
  const h = Math.round(x * 100);
  if (h >= -HUNDREDTHS_SPAN && h <= HUNDREDTHS_SPAN && h / 100 === x) return (hundredths[h + HUNDREDTHS_SPAN] ??= `${x}`);
  return Number.isFinite(x) ? numberText(x) : 'null';
}

/** Numbers -200.00 to 200.00 in hundredths have their text kept once written. */
const HUNDREDTHS_SPAN = 20_000;
const hundredths = new Array<string | undefined>(2 * HUNDREDTHS_SPAN + 1);

function putNullableStr(out: ByteText, s: string | null): void {
  if (s === null) putBytes(out, NULL);
  else putStr(out, s);
}
const NULL = encodePiece('null');

/**
 * str's bytes for the texts a result repeats from a small set (feature, group and source
 * names, imputation bases, networks): kept once written, up to REPEATED_MAX texts, so 100k
 * results test each of their ~60 such strings for escapes and encode them once, not 100k times.
 */
function putRepeated(out: ByteText, s: string): void {
  const bytes = repeated.get(s);
  if (bytes !== undefined) return putBytes(out, bytes);
  // past REPEATED_MAX (texts that do not repeat: a basis's "at least ..." part) written as they come
  if (repeated.size >= REPEATED_MAX) return putStr(out, s);
  const made = encodePiece(str(s));
  repeated.set(s, made);
  putBytes(out, made);
}
const REPEATED_MAX = 4096;
const repeated = new Map<string, Buffer>();

/**
 * A contribution's bytes after its points (`,"source":..,"basis":..}`), kept per basis (or
 * per source without one) up to REPEATED_MAX, like putRepeated's: one piece where there were
 * four or five.
 */
function putContributionTail(out: ByteText, source: string, basis: string | undefined): void {
  const key = basis ?? source;
  const kept = (basis === undefined ? tailsBySource : tailsByBasis).get(key);
  if (kept !== undefined && kept.source === source) return putBytes(out, kept.bytes);
  if (tailsByBasis.size >= REPEATED_MAX) {
    // texts that do not repeat, written as they come
    putBytes(out, P.source);
    putRepeated(out, source);
    if (basis !== undefined) {
      putBytes(out, P.basis);
      putStr(out, basis);
    }
    return putBytes(out, P.close);
  }
  const bytes = encodePiece(`,"source":${str(source)}${basis === undefined ? '' : `,"basis":${str(basis)}`}}`);
  (basis === undefined ? tailsBySource : tailsByBasis).set(key, { source, bytes });
  putBytes(out, bytes);
}
const tailsBySource = new Map<string, { source: string; bytes: Buffer }>();
const tailsByBasis = new Map<string, { source: string; bytes: Buffer }>();

/**
 * A contribution's bytes up to its value (`{`, feature, group, `"value":`), kept per position
 * in the list: every result lists the model's features in the same order, so the text of
 * position k is made once and then only checked against the feature and group.
 */
function contributionHead(k: number, c: Contribution): Buffer {
  const kept = heads[k];
  if (kept !== undefined && kept.feature === c.feature && kept.group === c.group) return kept.bytes;
  const bytes = encodePiece(`${k === 0 ? '' : ','}{"feature":${str(c.feature)},"group":${str(c.group)},"value":`);
  if (k < HEADS_MAX) heads[k] = { feature: c.feature, group: c.group, bytes };
  return bytes;
}
const HEADS_MAX = 64;
const heads: ({ feature: string; group: string; bytes: Buffer } | undefined)[] = [];

// the fixed pieces of a result, in the order they are written
const P = {
  handle: encodePiece('{"handle":'),
  network: encodePiece(',"network":'),
  score: encodePiece(',"score":'),
  interval: encodePiece(',"interval":'),
  open: encodePiece('['),
  comma: encodePiece(','),
  shut: encodePiece(']'),
  abstain: encodePiece(',"abstain":'),
  reach: encodePiece(',"subscores":{"reach":'),
  amplification: encodePiece(',"amplification":'),
  subNetwork: encodePiece(',"network":'),
  confidence: encodePiece('},"confidence":'),
  contributions: encodePiece(',"contributions":['),
  points: encodePiece(',"points":'),
  source: encodePiece(',"source":'),
  basis: encodePiece(',"basis":'),
  close: encodePiece('}'),
  flags: encodePiece('],"flags":'),
  noFlags: encodePiece('[]'),
  missing: encodePiece(',"missing":['),
  activity: encodePiece('],"activityInWindow":'),
  lastActivity: encodePiece(',"lastActivity":'),
};

/** The result as stringifyJson(r, 0) writes it (compact, on one line), as UTF-8 appended to `out`. */
export function writeScoreResultJson(r: ScoreResultView, out: ByteText): void {
  putBytes(out, P.handle);
  putStr(out, r.handle);
  putBytes(out, P.network);
  putRepeated(out, r.network);
  putBytes(out, P.score);
  putAscii(out, num(r.score));
  putBytes(out, P.interval);
  if (r.interval === null) putBytes(out, NULL);
  else {
    putBytes(out, P.open);
    putAscii(out, num(r.interval[0]));
    putBytes(out, P.comma);
    putAscii(out, num(r.interval[1]));
    putBytes(out, P.shut);
  }
  putBytes(out, P.abstain);
  putNullableStr(out, r.abstain);
  putBytes(out, P.reach);
  putAscii(out, num(r.subscores.reach));
  putBytes(out, P.amplification);
  putAscii(out, num(r.subscores.amplification));
  putBytes(out, P.subNetwork);
  putAscii(out, num(r.subscores.network));
  putBytes(out, P.confidence);
  putAscii(out, num(r.confidence));
  putBytes(out, P.contributions);
  const cs = r.contributions;
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k]!;
    putBytes(out, contributionHead(k, c));
    putAscii(out, num(c.value));
    putBytes(out, P.points);
    putAscii(out, num(c.points));
    putContributionTail(out, c.source, c.basis);
  }
  putBytes(out, P.flags);
  if (r.flags.length === 0) putBytes(out, P.noFlags);
  else putText(out, stringifyJson(r.flags, 0));
  putBytes(out, P.missing);
  const ms = r.missing;
  for (let k = 0; k < ms.length; k++) {
    if (k > 0) putBytes(out, P.comma);
    putRepeated(out, ms[k]!);
  }
  putBytes(out, P.activity);
  putAscii(out, num(r.activityInWindow));
  putBytes(out, P.lastActivity);
  putNullableStr(out, r.lastActivity);
  putBytes(out, P.close);
}

/** The result as stringifyJson(r, 0) writes it: compact, on one line (writeScoreResultJson's text). */
export function scoreResultJson(r: ScoreResultView): string {
  writeScoreResultJson(r, scratch);
  return takeString(scratch);
}
const scratch = makeByteText(4096);
