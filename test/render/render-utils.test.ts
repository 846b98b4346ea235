import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/render/csv.js';
import { renderJunit } from '../../src/render/junit.js';
import { sparkline } from '../../src/render/sparkline.js';
import { cleanText } from '../../src/render/sanitize.js';
import { parseHandleSpec } from '../../src/engine/handles.js';

describe('toCsv', () => {
  it('quotes, and neutralises every cell a spreadsheet would run as a formula', () => {
    const csv = toCsv(['handle', 'score', 'note'], [
      ['=HYPERLINK("http://x","y")', 1, '+1'],
      ['@alice', 63.4, '-2'],
      ['bob', null, 'a,"b"\nc'],
    ]);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",1,'+1`);
    expect(lines[2]).toBe("'@alice,63.4,'-2");
    expect(lines[3]).toBe('bob,,"a,""b"" c"');
    for (const cell of csv.split(/[,\r\n]+/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });
});

describe('renderJunit', () => {
  it('writes XML that parses, with one failure per drifting case and hostile text escaped', () => {
    const xml = renderJunit('influence check', [
      { name: 'alice', classname: 'influence.check' },
      { name: 'evil <b>&"\u0001', classname: 'influence.check', failure: { message: 'score 64 > 63', detail: 'a < b & c' } },
    ]);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: 'text' }).parse(xml, true);
    const suite = doc.testsuites.testsuite;
    expect(suite).toMatchObject({ tests: '2', failures: '1' });
    expect(suite.testcase[1].name).toBe('evil <b>&"');
    expect(suite.testcase[1].failure.text).toBe('a < b & c');
  });
});

describe('sparkline and cleanText', () => {
  it('maps scores to bars on the fixed 1-100 range', () => {
    expect(sparkline([1, 50, 100, null])).toBe('▁▄█ ');
  });
  it('removes escape sequences and control characters', () => {
    expect(cleanText('hi\u001b[2J\u001b]0;title\u0007 there\u0000\u202e!')).toBe('hi there!');
  });
});

describe('parseHandleSpec', () => {
  it.each([
    ['@alice', { handle: 'alice' }],
    ['mastodon:bob@mastodon.social', { network: 'mastodon', handle: 'bob@mastodon.social' }],
    ['https://x.com/Carol', { network: 'twitter', handle: 'Carol' }],
    ['https://mastodon.social/@dan', { network: 'mastodon', handle: 'dan@mastodon.social' }],
  ])('%s', (raw, spec) => expect(parseHandleSpec(raw)).toEqual(spec));
  it('refuses blanks and spaces', () => {
    expect(parseHandleSpec('  ')).toBeUndefined();
    expect(parseHandleSpec('two words')).toBeUndefined();
  });
});

describe('audit formatSmall', () => {
  it('keeps two decimals from 0.1 up and two significant digits below, so a small engagement rate is not 0.00', async () => {
    const { formatSmall } = await import('../../src/render/audit-text.js');
    expect(formatSmall(2.6349)).toBe('2.63');
    expect(formatSmall(0.1)).toBe('0.10');
    expect(formatSmall(0.0042137)).toBe('0.0042');
    expect(formatSmall(0)).toBe('0.00');
  });
});
