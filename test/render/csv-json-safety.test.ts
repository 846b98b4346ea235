import { describe, expect, it } from 'vitest';
import { csvRow, toCsv } from '../../src/render/csv.js';
import { stringifyJson, toJson } from '../../src/render/json.js';
import { spreadsheetSafe } from '../../src/render/sanitize.js';

// every character a terminal acts on inside a JSON string (item 9 of issue 13)
const ACTIVE = [...Array.from({ length: 0x20 }, (_, k) => 0x80 + k), 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) =>
  String.fromCharCode(c),
);

describe('JSON output escapes terminal-active characters', () => {
  const hostile = {
    handle: `csi\u009b31mred`,
    bidi: `abc\u202eexe.txt`,
    isolates: `\u2066x\u2069\u200e\u200f`,
    all: ACTIVE.join(''),
    nested: [{ file: `a\u202db\u0085c` }],
    plain: 'é ü 日本 🙂',
  };

  it('writes none of them raw, and parses back to the same strings', () => {
    const text = toJson(hostile);
    for (const c of ACTIVE) expect(text.includes(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(hostile);
    // ordinary non-ASCII text stays as it is
    expect(text).toContain('é ü 日本 🙂');
  });

  it('keeps JSON.stringify\'s layout byte for byte on clean values', () => {
    const clean = { a: [1, 2, { b: 'c' }], d: null, e: 'x\ny"z' };
    expect(stringifyJson(clean)).toBe(JSON.stringify(clean, null, 2));
    expect(stringifyJson(clean, 0)).toBe(JSON.stringify(clean));
  });
});

describe('CSV output is formula-safe after cleaning', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd|calc', "' =cmd|calc"],
    ['\r=cmd', "'=cmd"],
    ['\tplain', "' plain"],
    ['\u001b[31m=red', "'=red"],
    ['\u0000@x', "'@x"],
    ['  =spaced', "'  =spaced"],
    ['\uff1dfullwidth', "'\uff1dfullwidth"],
    ['alice', 'alice'],
    ['a=b', 'a=b'],
  ])('%j -> %j', (raw, safe) => {
    expect(spreadsheetSafe(raw)).toBe(safe);
  });

  it('guards header cells too, and quotes per RFC 4180 with CRLF line ends', () => {
    const csv = toCsv(['handle', '=HYPERLINK("http://evil.example","x")'], [['\t=cmd', 'a,"b"\nc'], [null, 3]]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`handle,"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines[1]).toBe(`' =cmd,"a,""b"" c"`);
    expect(lines[2]).toBe(',3');
    expect(lines[3]).toBe('');
    expect(csvRow(['x', 1.5, true, undefined, Infinity])).toBe('x,1.5,true,,\r\n');
  });
});
