/**
 * One `score --json` result as text, written field by field: the very bytes
 * render/json.ts's stringifyJson gives for a ScoreResultView (JSON.stringify's two-space
 * layout, terminal-active characters escaped), indented for its place in the document.
 * Why: `score --all --json` writes 100k results (240 MB); stringifying each generically and
 * re-indenting it took a third of the command. Flags (rare, with free-form evidence) go
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
 * A contribution's text up to its value (`{`, feature, group, `"value": `), kept per position
 * in the list: every result lists the model's features in the same order, so the text of
 * position k is made once and then only checked against the feature, group and indent.
 */
function contributionHead(k: number, c: Contribution, i2: string, i3: string): string {
  const kept = heads[k];
  if (kept !== undefined && kept.feature === c.feature && kept.group === c.group && kept.i2 === i2) return kept.text;
  const text = `${i2}{\n${i3}"feature": ${repeatedStr(c.feature)},\n${i3}"group": ${repeatedStr(c.group)},\n${i3}"value": `;
  if (k < HEADS_MAX) heads[k] = { feature: c.feature, group: c.group, i2, text };
  return text;
}
const HEADS_MAX = 64;
const heads: ({ feature: string; group: string; i2: string; text: string } | undefined)[] = [];

/**
 * The result as stringifyJson(r) writes it, its lines after the first indented by `pad`
 * (the indentation of the line it starts on).
 */
export function scoreResultJson(r: ScoreResultView, pad: string): string {
  const i1 = `${pad}  `;
  const i2 = `${i1}  `;
  const i3 = `${i2}  `;
  let s = `{\n${i1}"handle": ${str(r.handle)},\n${i1}"network": ${repeatedStr(r.network)},\n${i1}"score": ${num(r.score)},\n${i1}"interval": `;
  s += r.interval === null ? 'null' : `[\n${i2}${num(r.interval[0])},\n${i2}${num(r.interval[1])}\n${i1}]`;
  s += `,\n${i1}"abstain": ${nullableStr(r.abstain)},\n${i1}"subscores": {\n${i2}"reach": ${num(r.subscores.reach)},\n${i2}"amplification": ${num(r.subscores.amplification)},\n${i2}"network": ${num(r.subscores.network)}\n${i1}},\n${i1}"confidence": ${num(r.confidence)},\n${i1}"contributions": `;
  const cs = r.contributions;
  if (cs.length === 0) s += '[]';
  else {
    s += '[';
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k]!;
      s += `${k === 0 ? '\n' : ',\n'}${contributionHead(k, c, i2, i3)}${num(c.value)},\n${i3}"points": ${num(c.points)},\n${i3}"source": ${repeatedStr(c.source)}`;
      s += c.basis === undefined ? `\n${i2}}` : `,\n${i3}"basis": ${repeatedStr(c.basis)}\n${i2}}`;
    }
    s += `\n${i1}]`;
  }
  s += `,\n${i1}"flags": ${r.flags.length === 0 ? '[]' : stringifyJson(r.flags).replace(/\n/g, `\n${i1}`)},\n${i1}"missing": `;
  const ms = r.missing;
  if (ms.length === 0) s += '[]';
  else {
    s += '[';
    for (let k = 0; k < ms.length; k++) s += `${k === 0 ? '\n' : ',\n'}${i2}${repeatedStr(ms[k]!)}`;
    s += `\n${i1}]`;
  }
  s += `,\n${i1}"activityInWindow": ${num(r.activityInWindow)},\n${i1}"lastActivity": ${nullableStr(r.lastActivity)}\n${pad}}`;
  return s;
}
