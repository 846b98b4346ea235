import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../src/import/locate-json-error.js';
import { parseYtdArray, parseYtdObject } from '../../../src/import/twitter/ytd-file.js';

describe('parseYtdArray', () => {
  it('parses the array after the first =, with or without a trailing ; and final newline', () => {
    for (const tail of ['', '\n', ';', ';\n', ' ;  \n\n']) {
      const r = parseYtdArray(`window.YTD.tweets.part1 = [ {"a":"x = y"}, {"b":[1,{"c":"]"}]} ]${tail}`, 'f.js');
      expect(r.problems).toEqual([]);
      expect(r.global).toBe('YTD.tweets.part1');
      expect(r.items.map((i) => i.value)).toEqual([{ a: 'x = y' }, { b: [1, { c: ']' }] }]);
    }
  });

  it('reads an empty array and the compact one-line form', () => {
    expect(parseYtdArray('window.YTD.lists_member.part0 = [ ]', 'f').items).toEqual([]);
    expect(parseYtdArray('window.YTD.x.part0=[{"k":"\\"quoted\\" \\\\"}]', 'f').items[0]!.value).toEqual({ k: '"quoted" \\' });
  });

  it('gives each record its index and the line it starts on', () => {
    const text = 'window.YTD.like.part0 = [\n  {\n    "like" : { "tweetId" : "1" }\n  },\n  {\n    "like" : { "tweetId" : "2" }\n  }\n]';
    const r = parseYtdArray(text, 'like.js');
    expect(r.items.map((i) => [i.index, i.line])).toEqual([
      [0, 2],
      [1, 5],
    ]);
  });

  it('never evaluates: code before the = is refused, code after it is not JSON', () => {
    const r = parseYtdArray('require("child_process").exec("rm -rf ~"); window.x = [1]', 'evil.js');
    expect(r.items).toEqual([]);
    expect(r.problems[0]!.reason).toMatch(/not a Twitter archive data file/);
    const r2 = parseYtdArray('window.YTD.x.part0 = [ (function(){ return 1 })() ]', 'evil.js');
    expect(r2.items).toEqual([]);
    expect(r2.problems[0]!.reason).toMatch(/invalid JSON/);
  });

  it('reports a truncated file with its line and keeps the complete records before the cut', () => {
    const text = 'window.YTD.tweets.part0 = [\n  { "tweet" : { "id" : "1" } },\n  { "tweet" : { "id" : "2" } },\n  { "tweet" : { "id" : "3", "full_te';
    const r = parseYtdArray(text, 'data/tweets.js');
    expect(r.items.map((i) => i.value)).toEqual([{ tweet: { id: '1' } }, { tweet: { id: '2' } }]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'data/tweets.js', line: 4, record: 2 });
    expect(r.problems[0]!.reason).toMatch(/ends inside record 2 \(truncated\?\)/);
    const cutBetween = parseYtdArray('window.YTD.tweets.part0 = [\n  { "a" : 1 },\n', 'f');
    expect(cutBetween.items).toHaveLength(1);
    expect(cutBetween.problems[0]!.reason).toMatch(/ends inside the array after 1 complete records/);
  });

  it('names the line of a JSON error inside a record, and still reads the records around it', () => {
    const text = ['window.YTD.tweets.part0 = [', '  {', '    "a" : "ok"', '  },', '  {', '    "b" : tru,', '    "c" : 1', '  },', '  { "d" : 2 }', ']'].join('\n');
    const r = parseYtdArray(text, 'data/tweets.js');
    expect(r.items.map((i) => i.value)).toEqual([{ a: 'ok' }, { d: 2 }]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'data/tweets.js', line: 6, record: 1 });
    expect(r.problems[0]!.reason).toMatch(/^invalid JSON/);
    expect(r.problems[0]!.reason).not.toContain('tru,'); // the excerpt of untrusted text is dropped
  });

  it('refuses text after the closing bracket and a missing [', () => {
    expect(parseYtdArray('window.YTD.x.part0 = [1]\nalert(1)', 'f').problems[0]!.reason).toMatch(/after the array's closing/);
    expect(parseYtdArray('window.YTD.x.part0 = {"a":1}', 'f').problems[0]!.reason).toMatch(/expected '\['/);
    expect(parseYtdArray('just text', 'f').problems[0]).toMatchObject({ line: 1, file: 'f' });
  });
});

describe('parseYtdObject (manifest)', () => {
  it('parses window.__THAR_CONFIG = {...} with or without ;', () => {
    for (const tail of ['', ';', ';\n']) {
      const r = parseYtdObject(`window.__THAR_CONFIG = {\n  "userInfo" : { "userName" : "a" }\n}${tail}`, 'manifest.js');
      expect(r).toEqual({ global: '__THAR_CONFIG', value: { userInfo: { userName: 'a' } } });
    }
  });

  it('names the line of a JSON error', () => {
    const r = parseYtdObject('window.__THAR_CONFIG = {\n  "a" : 1,\n  "b" : oops\n}', 'data/manifest.js');
    expect(r).toMatchObject({ problem: { file: 'data/manifest.js', line: 3 } });
  });
});

/** The offset the YTD reader turns into a line number. */
const findJsonErrorOffset = (s: string): number => locateJsonError(s)?.offset ?? s.length;

describe('locateJsonError offsets, as the YTD reader uses them', () => {
  it('points at the first bad character', () => {
    expect(findJsonErrorOffset('{"a": tru}')).toBe(6);
    expect(findJsonErrorOffset('[1,2,,3]')).toBe(5);
    expect(findJsonErrorOffset('{"a":1 "b":2}')).toBe(7);
    expect(findJsonErrorOffset('{"a": "x\ny"}')).toBe(8);
    expect(findJsonErrorOffset('{"a": [1, 2')).toBe(11);
  });
});
