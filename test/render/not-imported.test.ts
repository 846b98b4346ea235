import { describe, expect, it } from 'vitest';
import { renderNotImported } from '../../src/render/import-summary.js';

const line = (reasons: string[]): string =>
  renderNotImported({ path: 'export', skippedFiles: reasons.map((reason, i) => ({ name: `f${i}`, reason })) })!;

describe('the "not imported" line', () => {
  // reasons as the adapters write them (TikTok, Threads, Instagram, LinkedIn, Bluesky)
  const cases: [string, string][] = [
    ['18 records: viewing history: not imported', 'viewing and search history'],
    ['4 records: search history is private: not imported', 'viewing and search history'],
    ['2 records: LIVE history: not imported', 'viewing and search history'],
    ['saved threads are private: not imported', 'bookmarks and saved items'],
    ['3 records: favourites (bookmarks) are private: not imported', 'bookmarks and saved items'],
    ['archived posts are hidden from your profile: not imported', 'archived posts'],
    ['stories expire after a day: not imported as posts', 'stories'],
    ['story reactions expire with the story: not imported', 'stories'],
    ['5 records: purchases are private: not imported', 'purchases'],
    ['follow requests and unfollows are private: not imported', 'requests and invitations'],
    ['10 rows repeat a post already read (LinkedIn writes a share once per attached image): read once', 'repeated rows'],
    ['7 connections with neither a name nor a profile link (hidden or closed accounts): counted in your connections, no account created', 'hidden accounts'],
    ['5 records: a collection influence does not read', 'collections not read'],
    ['1 record: blocks are not engagement', 'blocks and mutes'],
  ];
  it.each(cases)('groups "%s" as %s', (reason, group) => {
    expect(line([reason])).toMatch(new RegExp(`\\(${group} \\d+\\)`));
  });

  it('counts the leading number of each reason and orders groups by count', () => {
    expect(line(['18 records: viewing history: not imported', '4 records: search history is private: not imported', '1 record: blocks are not engagement'])).toBe(
      'export: not imported: 23 (viewing and search history 22, blocks and mutes 1); --json lists each with the reason',
    );
  });

  it('counts a reason no group knows as other, and says nothing when nothing was left out', () => {
    expect(line(['a reason from a future export'])).toMatch(/\(other 1\)/);
    expect(renderNotImported({ path: 'export', skippedFiles: [] })).toBeNull();
  });
});
