import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dirs.js';
import { parsePairs, readPairsFile } from '../../src/inputs/pairs.js';
import { peerIndexFeatures, PEERINDEX_RATE_FLOOR } from '../../src/engine/peerindex.js';

const HEAD =
  'Choice,A_follower_count,A_following_count,A_listed_count,A_mentions_received,A_retweets_received,A_mentions_sent,A_retweets_sent,A_posts,A_network_feature_1,A_network_feature_2,A_network_feature_3,B_follower_count,B_following_count,B_listed_count,B_mentions_received,B_retweets_received,B_mentions_sent,B_retweets_sent,B_posts,B_network_feature_1,B_network_feature_2,B_network_feature_3';

describe('labelled pairs', () => {
  it('reads the PeerIndex wide format; the engine maps it to features, removing the rate floor', () => {
    const f = PEERINDEX_RATE_FLOOR;
    const text = `${HEAD}\n1,5000,300,40,${2 + f},${1 + f},${f},${f},${0.5 + f},9,9,9,100,90,1,${f},${f},${f},${f},${f},1,1,1\n0,1,1,0,${f},${f},${f},${f},${f},0,0,0,2,2,0,${f},${f},${f},${f},${f},0,0,0\n`;
    const pf = parsePairs(text, 'p.csv');
    expect(pf.format).toBe('peerindex');
    if (pf.format !== 'peerindex') return;
    expect(pf.pairs).toHaveLength(2);
    expect(pf.pairs[0]!.a).toEqual([5000, 300, 40, 2 + f, 1 + f, f, f, 0.5 + f]);
    expect(pf.pairs[0]!.line).toBe(2);
    const a = peerIndexFeatures(pf.pairs[0]!.a);
    expect(pf.pairs[0]!.winner).toBe(1);
    expect(pf.pairs[1]!.winner).toBe(0);
    expect(a.value.followers).toBe(5000);
    expect(a.value.listed).toBe(40);
    expect(a.value.mentions_received).toBeCloseTo(2, 9);
    expect(a.value.reshares_received).toBeCloseTo(1, 9);
    expect(a.value.reshares_per_post).toBeCloseTo(90 / 45, 9);
    expect(a.value.following).toBe(300);
    expect(a.source.followers).toBe('declared');
    expect(a.source.engagers).toBe('missing');
    expect(peerIndexFeatures(pf.pairs[0]!.b).value.mentions_received).toBe(0);
  });

  it('names the line and field of a bad value', () => {
    const text = `${HEAD}\n1,5000,300,forty,1,1,1,1,1,0,0,0,1,1,1,1,1,1,1,1,0,0,0\n`;
    try {
      parsePairs(text, 'p.csv');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).detail).toMatchObject({ file: 'p.csv', line: 2, field: 'A_listed_count' });
    }
    expect(() => parsePairs(`${HEAD}\n2,1,1,1,1,1,1,1,1,0,0,0,1,1,1,1,1,1,1,1,0,0,0\n`, 'p.csv')).toThrow(/Choice must be 0 or 1/);
  });

  it('reads a,b,winner pairs of handles', () => {
    const pf = parsePairs('a,b,winner\n@alice,bob,alice\nmastodon:carol@x.social,@dave,@Dave\n', 'h.csv');
    expect(pf.format).toBe('handles');
    if (pf.format !== 'handles') return;
    expect(pf.pairs.map((p) => p.winner)).toEqual([1, 0]);
    expect(pf.pairs[1]!.line).toBe(3);
    expect(() => parsePairs('a,b,winner\nalice,bob,carol\n', 'h.csv')).toThrow('winner "carol" names neither account of the pair: column a holds "alice", column b holds "bob"');
    // the column's name instead of the handle: the fix says so
    try {
      parsePairs('a,b,winner\nalice,bob,a\n', 'h.csv');
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).message).toContain('column a holds "alice"');
      expect((err as InputError).detail).toMatchObject({ line: 2, field: 'winner', fix: "write the handle itself (alice or bob), not the column's name" });
    }
    expect(() => parsePairs('a,b,winner\nalice,@Alice,alice\n', 'h.csv')).toThrow(/compares an account with itself/);
    expect(() => parsePairs('x,y\n1,2\n', 'h.csv')).toThrow(/unrecognised header/);
  });

  it('refuses a header that names a column it reads twice, whatever the case', () => {
    try {
      parsePairs('a,b,winner,Winner\nalice,bob,alice,bob\n', 'h.csv');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toContain("names column 'winner' twice (columns 3 and 4");
      expect((err as InputError).detail).toMatchObject({ file: 'h.csv', line: 1, field: 'winner' });
    }
    expect(() => parsePairs(`${HEAD},Choice\n`, 'p.csv')).toThrow("names column 'choice' twice");
    // a column it does not read may repeat: nothing is lost
    expect(parsePairs('a,b,winner,note,note\nalice,bob,alice,x,y\n', 'h.csv').pairs).toHaveLength(1);
  });

  it('reads a pairs file saved as UTF-16 with a byte-order mark (a spreadsheet\'s "Unicode text")', () => {
    const dir = tempDir();
    const text = 'a,b,winner\r\nalice,bob,bob\r\n';
    fs.writeFileSync(path.join(dir, 'le.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'be.csv'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const f of ['le.csv', 'be.csv']) {
      const { parsed } = readPairsFile(path.join(dir, f), f);
      expect(parsed.format).toBe('handles');
      expect(parsed.pairs.map((p) => p.winner)).toEqual([0]);
    }
  });
});
