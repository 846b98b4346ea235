/**
 * One `score --json` result as text, written field by field: the very bytes
 * render/json.ts's stringifyJson(r, 0) gives for a ScoreResultView (compact, as a list
 * document writes each of its items on one line; terminal-active characters escaped).
 * Why: `score --all --json` writes 100k results (120 MB); stringifying each generically
 * took a third of the command. Flags (rare, with free-form evidence) go
 * through stringifyJson. test/render/score-json.test.ts holds it to stringifyJson.
 */
import type { Contribution } from '../engine/result-types.js';
import { JSON_ESCAPED, stringifyJson } from './json.js';
import { numberText } from './number-text.js';
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

const nullableStr = (s: string | null): string => (s === null ? 'null' : str(s));

/**
 * str for the texts a result repeats from a small set (feature, group and source names,
 * imputation bases, networks): kept once written, up to REPEATED_MAX texts, so 100k results
 * test each of their ~60 such strings for escapes once, not 100k times.
 */
function repeatedStr(s: string): string {
  let t = repeated.get(s);
  if (t === undefined) {
    t = str(s);
    if (repeated.size < REPEATED_MAX) repeated.set(s, t);
  }
  return t;
}
const REPEATED_MAX = 4096;
const repeated = new Map<string, string>();

/**
 * A contribution's text up to its value (`{`, feature, group, `"value":`), kept per position
 * in the list: every result lists the model's features in the same order, so the text of
 * position k is made once and then only checked against the feature and group.
 */
function contributionHead(k: number, c: Contribution): string {
  const kept = heads[k];
  if (kept !== undefined && kept.feature === c.feature && kept.group === c.group) return kept.text;
  const text = `${k === 0 ? '' : ','}{"feature":${repeatedStr(c.feature)},"group":${repeatedStr(c.group)},"value":`;
  if (k < HEADS_MAX) heads[k] = { feature: c.feature, group: c.group, text };
  return text;
}
const HEADS_MAX = 64;
const heads: ({ feature: string; group: string; text: string } | undefined)[] = [];

/** The result as stringifyJson(r, 0) writes it: compact, on one line. */
export function scoreResultJson(r: ScoreResultView): string {
  let s = `{"handle":${str(r.handle)},"network":${repeatedStr(r.network)},"score":${num(r.score)},"interval":`;
  s += r.interval === null ? 'null' : `[${num(r.interval[0])},${num(r.interval[1])}]`;
  s += `,"abstain":${nullableStr(r.abstain)},"subscores":{"reach":${num(r.subscores.reach)},"amplification":${num(r.subscores.amplification)},"network":${num(r.subscores.network)}},"confidence":${num(r.confidence)},"contributions":[`;
  const cs = r.contributions;
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k]!;
    s += `${contributionHead(k, c)}${num(c.value)},"points":${num(c.points)},"source":${repeatedStr(c.source)}`;
    s += c.basis === undefined ? '}' : `,"basis":${repeatedStr(c.basis)}}`;
  }
  s += `],"flags":${r.flags.length === 0 ? '[]' : stringifyJson(r.flags, 0)},"missing":[`;
  const ms = r.missing;
  for (let k = 0; k < ms.length; k++) s += k === 0 ? repeatedStr(ms[k]!) : `,${repeatedStr(ms[k]!)}`;
  s += `],"activityInWindow":${num(r.activityInWindow)},"lastActivity":${nullableStr(r.lastActivity)}}`;
  return s;
}
