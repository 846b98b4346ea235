import { describe, expect, it } from 'vitest';
import { handleFromProfileUrl, parseLinkedinHandle, parseSimpleHandle } from '../../../src/import/own-data/handles.js';
import { findEntities } from '../../../src/import/own-data/text-entities.js';
import { fromUnixSeconds, NotATime, parseExportTime } from '../../../src/import/own-data/times.js';

describe('handles in own-data exports', () => {
  it('reads user names as written, with or without @', () => {
    expect(parseSimpleHandle('kaynes._')).toBe('kaynes._');
    expect(parseSimpleHandle('@jane.doe')).toBe('jane.doe');
    expect(parseSimpleHandle('Jane Doe')).toBeUndefined();
    expect(parseSimpleHandle('...')).toBeUndefined();
    expect(parseSimpleHandle('')).toBeUndefined();
  });

  it('reads profile links of every layout, and refuses links to posts and pages', () => {
    expect(handleFromProfileUrl('https://www.instagram.com/kaynes._')).toBe('kaynes._');
    expect(handleFromProfileUrl('https://www.instagram.com/_u/samjones/?igsh=x')).toBe('samjones');
    expect(handleFromProfileUrl('https://www.threads.net/@river.otter')).toBe('river.otter');
    expect(handleFromProfileUrl('https://www.threads.com/pine.marten')).toBe('pine.marten');
    expect(handleFromProfileUrl('https://www.tiktok.com/@chef.tok/video/72')).toBe('chef.tok');
    expect(handleFromProfileUrl('https://www.instagram.com/p/C9ASp1Lx0Ni/')).toBeUndefined();
    expect(handleFromProfileUrl('https://www.instagram.com/reel/C5V_Zp3re1K/')).toBeUndefined();
    expect(handleFromProfileUrl('https://www.tiktok.com/share/video/1')).toBeUndefined();
    expect(handleFromProfileUrl('https://example.com/jane')).toBeUndefined();
  });

  it('reads LinkedIn public profile names from links, percent-decoded', () => {
    expect(parseLinkedinHandle('https://www.linkedin.com/in/ada-lovelace-1815')).toBe('ada-lovelace-1815');
    expect(parseLinkedinHandle('https://www.linkedin.com/in/%C3%A9milie-du-ch%C3%A2telet/')).toBe('émilie-du-châtelet');
    expect(parseLinkedinHandle('jane-doe')).toBe('jane-doe');
    expect(parseLinkedinHandle('https://www.linkedin.com/company/acme')).toBeUndefined();
  });

  it('finds @names with dots (a trailing dot is punctuation) and #tags', () => {
    expect(findEntities('thanks @jane.doe. and @bo_b #Food #food #2024x')).toEqual({ mentions: ['jane.doe', 'bo_b'], hashtags: ['Food', '2024x'] });
    expect(findEntities('mail me@example.com').mentions).toEqual([]);
  });
});

describe('times in own-data exports (no zone = UTC)', () => {
  it('reads TikTok and LinkedIn date-times as UTC, with or without a UTC suffix', () => {
    expect(parseExportTime('2024-12-15 19:03:14')).toBe(Date.UTC(2024, 11, 15, 19, 3, 14));
    expect(parseExportTime('2025-02-01 08:00:00 UTC')).toBe(Date.UTC(2025, 1, 1, 8, 0, 0));
  });

  it("reads LinkedIn's connection dates and older US-style dates", () => {
    expect(parseExportTime('09 Sep 2022')).toBe(Date.UTC(2022, 8, 9));
    expect(parseExportTime('9/1/22, 10:00 AM')).toBe(Date.UTC(2022, 8, 1, 10, 0));
    expect(parseExportTime('12/31/2019, 12:30 PM')).toBe(Date.UTC(2019, 11, 31, 12, 30));
    expect(parseExportTime('1/1/20, 12:05 AM')).toBe(Date.UTC(2020, 0, 1, 0, 5));
    expect(parseExportTime('10/12/18')).toBe(Date.UTC(2018, 9, 12));
    expect(parseExportTime('Oct 12, 2018')).toBe(Date.UTC(2018, 9, 12));
    expect(parseExportTime('Oct 12, 2018, 9:05 PM')).toBe(Date.UTC(2018, 9, 12, 21, 5));
  });

  it('refuses dates that do not exist and text that is no date', () => {
    expect(parseExportTime('31 Feb 2022')).toBeUndefined();
    expect(parseExportTime('2022-02-31 10:00:00')).toBeUndefined();
    expect(parseExportTime('N/A')).toBeUndefined();
    expect(parseExportTime('')).toBeUndefined();
  });

  it('reads Meta Unix seconds (and ISO 8601); zero or nothing is no time; anything else is not a time, named by its field', () => {
    expect(fromUnixSeconds(1720152884)).toBe(1720152884000);
    expect(fromUnixSeconds('1720152884')).toBe(1720152884000);
    expect(fromUnixSeconds('2024-07-05T04:14:44Z')).toBe(1720152884000);
    for (const none of [0, '0', '', null, undefined]) expect(fromUnixSeconds(none)).toBeUndefined();
    for (const bad of ['soon', -5, '-5', true, {}, [], Number.NaN, '2026-02-31T00:00:00Z']) {
      expect(() => fromUnixSeconds(bad, 'creation_timestamp'), String(bad)).toThrow(NotATime);
    }
    expect(() => fromUnixSeconds('soon', 'creation_timestamp')).toThrow('creation_timestamp is not a time');
  });
});
