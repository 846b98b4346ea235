import { describe, expect, it } from 'vitest';
import { ValueError, parseBool, parseCount, parseHandle, parseTime } from '../../src/import/values.js';

describe('parseTime', () => {
  it.each([
    ['2026-03-06T13:02:05Z', Date.UTC(2026, 2, 6, 13, 2, 5)],
    ['2026-03-06T13:02:05.250Z', Date.UTC(2026, 2, 6, 13, 2, 5, 250)],
    ['2026-03-06T14:02:05+01:00', Date.UTC(2026, 2, 6, 13, 2, 5)],
    ['2026-03-06 13:02:05', Date.UTC(2026, 2, 6, 13, 2, 5)],
    ['2026-03-06', Date.UTC(2026, 2, 6)],
    ['Fri Mar 06 13:02:05 +0000 2026', Date.UTC(2026, 2, 6, 13, 2, 5)],
    ['Fri Mar 06 08:32:05 -0430 2026', Date.UTC(2026, 2, 6, 13, 2, 5)],
    ['1772802125', Date.UTC(2026, 2, 6, 13, 2, 5)],
    ['1772802125000', Date.UTC(2026, 2, 6, 13, 2, 5)],
  ])('reads %s', (raw, expected) => {
    expect(parseTime(raw)).toBe(expected);
  });

  it('treats an empty cell as missing', () => {
    expect(parseTime('')).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
  });

  it('reads the bulk form by character codes as Date.parse would, years before 100 included', () => {
    const samples = ['2026-03-06T13:02:05Z', '2024-02-29T23:59:59.999Z', '1999-12-31T00:00:00.000Z', '0050-01-01T00:00:00Z', '2016-12-31T23:59:60Z'];
    // every 7th day and a varying time of day from 1600 to 2400 (leap years, centuries)
    for (let t = Date.UTC(1600, 0, 1); t < Date.UTC(2400, 0, 1); t += 7 * 86_400_000 + 3_723_001) samples.push(new Date(t).toISOString());
    for (const s of samples) {
      const expected = Date.parse(s.replace(':60Z', ':59Z')) + (s.endsWith(':60Z') ? 1000 : 0);
      // inside the stored range the value is exact; outside it (1600, 2399) it is refused
      if (expected >= Date.UTC(1990, 0, 1) && expected < Date.UTC(2100, 0, 1)) expect([s, parseTime(s)]).toEqual([s, expected]);
      else expect(() => parseTime(s), s).toThrow(/1990-01-01 to 2100-01-01/);
    }
  });

  it.each(['yesterday', '2026-02-31T00:00:00Z', '2026-13-01T00:00:00Z', '06/03/2026', '2026-03-06T13:02:05.2x5Z'])('rejects %s', (raw) => {
    expect(() => parseTime(raw)).toThrow(ValueError);
  });
});

describe('parseCount, parseBool, parseHandle', () => {
  it('reads counts and refuses ambiguous ones', () => {
    expect(parseCount('1200')).toBe(1200);
    expect(parseCount('0.1005')).toBe(0.1005);
    expect(parseCount(7)).toBe(7);
    expect(parseCount('')).toBeUndefined();
    for (const bad of ['1,200', '-3', '12k', 'NaN']) expect(() => parseCount(bad)).toThrow(ValueError);
  });

  it('reads booleans', () => {
    expect([parseBool('TRUE'), parseBool('0'), parseBool('yes'), parseBool('')]).toEqual([true, false, true, undefined]);
    expect(() => parseBool('maybe')).toThrow(ValueError);
  });

  it('strips one @ and refuses spaces and control characters', () => {
    expect(parseHandle('@alice')).toBe('alice');
    expect(parseHandle('bob@mastodon.social')).toBe('bob@mastodon.social');
    expect(() => parseHandle('al ice')).toThrow(ValueError);
    expect(() => parseHandle('evil\u001b[2J')).toThrow(ValueError);
  });
});

describe('parseHandle refuses exactly spaces, control characters, text-direction marks and /', () => {
  // the definition (before the printable-ASCII shortcut): C0 controls and space, '/', DEL, the C1 controls, NBSP, LS, PS,
  // ideographic space, and the bidirectional marks, embeddings, overrides and isolates render/sanitize.ts strips
  const bidi = (c: number) => c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  const refused = (c: number) => c <= 32 || c === 47 || (c >= 127 && c <= 0x9f) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || bidi(c);
  it('for every code unit, alone and inside a handle', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const raw of [`a${ch}b`, `ab${ch}`]) {
        if (refused(c)) expect(() => parseHandle(raw), `U+${c.toString(16)}`).toThrow(ValueError);
        else expect(parseHandle(raw)).toBe(raw);
      }
    }
  });
});
