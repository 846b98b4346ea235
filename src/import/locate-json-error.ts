/**
 * Where a JSON text stops being valid, as a line and column. Node 20's JSON.parse gives a
 * position for some errors and only a text snippet for others ("Unexpected token ..."), and
 * none for a truncated file, so a failed parse is re-scanned here to point a person at the
 * exact line. Runs only after JSON.parse has failed: it validates, it builds no values.
 */

/** A syntax error position: 0-based offset, 1-based line and column, and what went wrong. */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  reason: string;
  /** true when the text ends where more was expected (a cut-off download or copy) */
  truncated: boolean;
}

type State = 'value' | 'key' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first syntax error of `text` as JSON, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const n = text.length;
  const stack: Array<'{' | '['> = [];
  let i = 0;
  let state: State = 'value';

  const fail = (offset: number, reason: string): JsonErrorLocation => {
    const truncated = offset >= n;
    return { ...lineAndColumn(text, Math.min(offset, n)), offset, reason: truncated ? 'the file ends in the middle of the JSON (truncated?)' : reason, truncated };
  };
  const skipWhitespace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  // Returns the offset of an error inside the string starting at i, or -1 and moves past it.
  const scanString = (): number => {
    i++;
    while (i < n) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return -1;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === undefined) return n;
        if (esc === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (hex.length < 4 && i + 2 + hex.length >= n) return n;
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return i;
          i += 6;
          continue;
        }
        if (!ESCAPES.has(esc)) return i;
        i += 2;
        continue;
      }
      if (text.charCodeAt(i) < 0x20) return i;
      i++;
    }
    return n;
  };

  for (;;) {
    skipWhitespace();
    if (state === 'value') {
      if (i >= n) return fail(i, 'expected a value');
      const ch = text[i]!;
      if (ch === '{' || ch === '[') {
        stack.push(ch);
        i++;
        skipWhitespace();
        if (text[i] === (ch === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = 'after-value';
        } else {
          state = ch === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (ch === '"') {
        const bad = scanString();
        if (bad >= 0) return fail(bad, 'invalid character or escape in a string');
        state = 'after-value';
        continue;
      }
      if (ch === '-' || (ch >= '0' && ch <= '9')) {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (!m || (m.index === i && m[0] === '-')) return fail(i + 1, 'invalid number');
        i += m[0].length;
        state = 'after-value';
        continue;
      }
      const literal = LITERALS.find((w) => text.startsWith(w, i));
      if (literal) {
        i += literal.length;
        state = 'after-value';
        continue;
      }
      const partial = LITERALS.find((w) => w.startsWith(text.slice(i, i + w.length)) && i + w.length > n);
      if (partial) return fail(n, 'expected a value');
      return fail(i, `expected a value, found '${ch}'`);
    }
    if (state === 'key') {
      if (i >= n) return fail(i, 'expected a property name');
      if (text[i] !== '"') return fail(i, `expected a property name in double quotes, found '${text[i]}'`);
      const bad = scanString();
      if (bad >= 0) return fail(bad, 'invalid character or escape in a property name');
      skipWhitespace();
      if (i >= n) return fail(i, "expected ':'");
      if (text[i] !== ':') return fail(i, `expected ':' after the property name, found '${text[i]}'`);
      i++;
      state = 'value';
      continue;
    }
    // after-value
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < n) return fail(i, 'unexpected text after the end of the JSON value');
      return undefined;
    }
    if (i >= n) return fail(i, `expected ',' or '${top === '{' ? '}' : ']'}'`);
    const ch = text[i]!;
    if (ch === ',') {
      i++;
      state = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return fail(i, `expected ',' or '${top === '{' ? '}' : ']'}', found '${ch}'`);
  }
}

/** 1-based line and column of a 0-based offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let j = text.indexOf('\n'); j !== -1 && j < offset; j = text.indexOf('\n', j + 1)) {
    line++;
    lineStart = j + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
