import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import type { PostKind } from '../../../src/engine/dataset.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { WINDOW } from '../../../tools/sim/scenarios/authenticity.js';

function stuffingFlag(posts: { hashtags: number; words: number; kind?: PostKind }[]) {
  const b = new DatasetBuilder();
  const a = b.account({ handle: 'tagger' });
  posts.forEach((p, i) => b.post(a, { at: day(1 + i * 0.5), ...p }));
  return assessAuthenticity(b.build(), WINDOW).flags[a]!.find((f) => f.code === 'hashtag-stuffing');
}

const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('hashtag-stuffing', () => {
  it('fires when most posts carry many hashtags, with the shares and thresholds', () => {
    const f = stuffingFlag([...repeat(32, { hashtags: 6, words: 10 }), ...repeat(8, { hashtags: 1, words: 15 })])!;
    expect(f.evidence).toMatchObject({
      posts: 40,
      postsMin: 10,
      stuffedPosts: 32,
      manyHashtags: 4,
      stuffedShare: 0.8,
      stuffedShareMin: 0.5,
      hashtags: 200,
      words: 440,
      hashtagsPerWord: 0.4545,
      hashtagsPerWordMin: 0.3,
    });
    // mean of (0.4545-0.3)/(1.5-0.3) = 0.1288 and (0.8-0.5)/(1-0.5) = 0.6
    expect(f.severity).toBeCloseTo(0.3644, 3);
  });

  it('fires on more hashtags than words even with few hashtags per post', () => {
    const f = stuffingFlag(repeat(20, { hashtags: 3, words: 2 }))!;
    expect(f.evidence).toMatchObject({ stuffedShare: 0, hashtagsPerWord: 1.5, hashtagsPerWordAlone: 1 });
  });

  it('does not flag a hashtag lover (1-3 tags, occasionally 4)', () => {
    const posts = Array.from({ length: 60 }, (_, i) => ({ hashtags: [1, 2, 3, 0, 2, 4][i % 6]!, words: 12 + (i % 9) }));
    expect(stuffingFlag(posts)).toBeUndefined();
  });

  it('does not flag many hashtags in long posts (share high, ratio low)', () => {
    expect(stuffingFlag(repeat(30, { hashtags: 4, words: 40 }))).toBeUndefined();
  });

  it('ignores posts without text (hashtags and words both 0) and reshares', () => {
    expect(stuffingFlag([...repeat(9, { hashtags: 8, words: 4 }), ...repeat(50, { hashtags: 0, words: 0 })])).toBeUndefined();
    expect(stuffingFlag(repeat(40, { hashtags: 8, words: 4, kind: 'reshare' as const }))).toBeUndefined();
  });

  it('needs 10 posts with text', () => {
    expect(stuffingFlag(repeat(9, { hashtags: 10, words: 3 }))).toBeUndefined();
    expect(stuffingFlag(repeat(10, { hashtags: 10, words: 3 }))).toBeDefined();
  });
});
