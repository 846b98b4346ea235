import { describe, expect, it } from 'vitest';
import { lineAndColumn, locateJsonError } from '../../src/import/locate-json-error.js';

describe('locateJsonError', () => {
  it('is undefined for valid JSON of every kind', () => {
    for (const ok of ['{}', '[]', ' {"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9"],"b":{}} ', '"s"', '0', '{"a":1,"a":2}']) {
      expect(locateJsonError(ok), ok).toBeUndefined();
      expect(() => JSON.parse(ok)).not.toThrow();
    }
  });

  it('agrees with JSON.parse on what is invalid, and points at the spot', () => {
    const cases: Array<[string, number, number, boolean]> = [
      ['{"a":1,\n"b": }', 2, 6, false],
      ['{"a":[1,2\n,3', 2, 3, true],
      ['{"a" 1}', 1, 6, false],
      ['[1,2,]', 1, 6, false],
      ['{\n"a":"x\n"}', 2, 7, false],
      ['{"a":1}x', 1, 8, false],
      ['', 1, 1, true],
      ['{"a":tru', 1, 9, true],
      ['{"a":tru}', 1, 6, false],
      ["{'a':1}", 1, 2, false],
      ['{"a":"\\q"}', 1, 7, false],
      ['[01]', 1, 3, false],
      ['{"a":"unterminated', 1, 19, true],
    ];
    for (const [text, line, column, truncated] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(locateJsonError(text), text).toMatchObject({ line, column, truncated });
    }
  });

  it('says a cut-off file looks truncated', () => {
    expect(locateJsonError('{"orderedItems":[{"id":"x"},')!.reason).toContain('truncated');
  });

  it('handles deep nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(locateJsonError(deep)).toBeUndefined();
    expect(locateJsonError(deep.slice(0, -1))!.truncated).toBe(true);
  });
});

describe('lineAndColumn', () => {
  it('counts 1-based lines and columns', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 });
  });
});
