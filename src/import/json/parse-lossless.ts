/**
 * A JSON parser that keeps integers beyond 2^53 exact, as BigInt. JSON.parse rounds
 * `1234567890123456789` to `1234567890123456800`, and two ids that differ in the last
 * digits become one (issue 13, item 1); Node 20 has no access to a number's source text
 * from JSON.parse. This slow path runs only on records that hold a long run of digits
 * outside strings (json-scanner.ts flags them), so bulk imports keep JSON.parse's speed.
 *
 * Worked example: `{"id": 1234567890123456789, "n": 1.5}` -> { id: 1234567890123456789n, n: 1.5 }.
 * Floats and exponents stay numbers (`1e22` is 1e22, not a BigInt): their text is not an
 * integer, so no reading of it is more exact than the number.
 */
import { MAX_JSON_DEPTH } from '../record-limits.js';

/** Parses `text` as one JSON value; big integers become BigInt. Throws SyntaxError like JSON.parse. */
export function parseJsonLossless(text: string): unknown {
  const p = { text, i: 0 };
  skipSpace(p);
  const value = parseValue(p, 0);
  skipSpace(p);
  if (p.i < text.length) throw new SyntaxError(`Unexpected text after the JSON value at position ${p.i}`);
  return value;
}

interface Cursor {
  text: string;
  i: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function parseValue(p: Cursor, depth: number): unknown {
  const c = p.text.charCodeAt(p.i);
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
    if (depth >= MAX_JSON_DEPTH) throw new SyntaxError(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    return c === 0x7b ? parseObject(p, depth + 1) : parseArray(p, depth + 1);
  }
  if (c === 0x22 /* " */) return parseString(p);
  if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
    NUMBER.lastIndex = p.i;
    const m = NUMBER.exec(p.text);
    if (!m) throw new SyntaxError(`Invalid number at position ${p.i}`);
    p.i += m[0].length;
    const n = Number(m[0]);
    // an integer literal JSON.parse would round: keep its digits
    if (m[1] === undefined && m[2] === undefined && !Number.isSafeInteger(n)) return BigInt(m[0]);
    return n;
  }
  for (const [word, value] of LITERALS) {
    if (p.text.startsWith(word, p.i)) {
      p.i += word.length;
      return value;
    }
  }
  throw new SyntaxError(`Unexpected token at position ${p.i}`);
}

const LITERALS: ReadonlyArray<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

function parseObject(p: Cursor, depth: number): Record<string, unknown> {
  // a plain object as JSON.parse makes ('__proto__' an own key, the last duplicate wins)
  const out: Record<string, unknown> = {};
  p.i++;
  skipSpace(p);
  if (p.text.charCodeAt(p.i) === 0x7d) {
    p.i++;
    return out;
  }
  for (;;) {
    if (p.text.charCodeAt(p.i) !== 0x22) throw new SyntaxError(`Expected a property name at position ${p.i}`);
    const key = parseString(p);
    skipSpace(p);
    if (p.text.charCodeAt(p.i) !== 0x3a) throw new SyntaxError(`Expected ':' at position ${p.i}`);
    p.i++;
    skipSpace(p);
    Object.defineProperty(out, key, { value: parseValue(p, depth), enumerable: true, writable: true, configurable: true });
    skipSpace(p);
    const c = p.text.charCodeAt(p.i++);
    if (c === 0x7d) return out;
    if (c !== 0x2c) throw new SyntaxError(`Expected ',' or '}' at position ${p.i - 1}`);
    skipSpace(p);
  }
}

function parseArray(p: Cursor, depth: number): unknown[] {
  const out: unknown[] = [];
  p.i++;
  skipSpace(p);
  if (p.text.charCodeAt(p.i) === 0x5d) {
    p.i++;
    return out;
  }
  for (;;) {
    out.push(parseValue(p, depth));
    skipSpace(p);
    const c = p.text.charCodeAt(p.i++);
    if (c === 0x5d) return out;
    if (c !== 0x2c) throw new SyntaxError(`Expected ',' or ']' at position ${p.i - 1}`);
    skipSpace(p);
  }
}

function parseString(p: Cursor): string {
  // Find the closing quote, then let JSON.parse decode the escapes of just this string.
  let j = p.i + 1;
  for (;;) {
    const q = p.text.indexOf('"', j);
    if (q < 0) throw new SyntaxError(`Unterminated string at position ${p.i}`);
    let backslashes = 0;
    for (let k = q - 1; k > p.i && p.text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) {
      const s = JSON.parse(p.text.slice(p.i, q + 1)) as string;
      p.i = q + 1;
      return s;
    }
    j = q + 1;
  }
}

function skipSpace(p: Cursor): void {
  for (;;) {
    const c = p.text.charCodeAt(p.i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p.i++;
    else return;
  }
}
