/**
 * hashtag-stuffing: posts padded with hashtags to be found. Over the account's in-window
 * posts that have text (words + hashtags > 0; reshares excluded, their hashtags are the
 * original author's), at least 10:
 *   stuffedShare    = share of posts with >= 4 hashtags
 *   hashtagsPerWord = all hashtags / all words (words exclude hashtags)
 * Fires when stuffedShare >= 0.5 and hashtagsPerWord >= 0.3, or hashtagsPerWord >= 1 alone.
 * Source: X/Twitter platform-manipulation rules (excessive, unrelated hashtags) and its
 * advice of one or two per post; "Up Yer Klout" (add hashtags to raise your Klout).
 * Example: 40 posts, 32 with 6 hashtags and 10 words, 8 with 1 hashtag and 15 words:
 * stuffedShare 0.8, hashtagsPerWord 200/440 = 0.45 -> fires, severity 0.36.
 * Posts without text (hashtags = words = 0, e.g. an export with no text) are not counted.
 */
import { POST_KINDS, type Dataset } from '../dataset.js';
import type { Activity } from './activity.js';
import type { HashtagStuffingConfig } from './config.js';
import { exceedance, meanSeverity, round } from './measure.js';
import type { SignalHit } from './signal.js';

const RESHARE = POST_KINDS.indexOf('reshare');

/** Flags accounts whose posts are stuffed with hashtags. */
export function detectHashtagStuffing(pop: Dataset, act: Activity, cfg: HashtagStuffingConfig): SignalHit[] {
  const n = pop.accounts.n;
  const P = pop.posts;
  // per author, interleaved (one cache line per post): [4a] posts, [4a+1] stuffed posts, [4a+2] hashtags, [4a+3] words
  const acc = new Float64Array(4 * n);
  for (let p = 0; p < P.n; p++) {
    if (!act.postInWindow[p] || P.kind[p] === RESHARE) continue;
    const h = P.hashtags[p]!;
    const w = P.words[p]!;
    if (h + w === 0) continue;
    const i = 4 * P.author[p]!;
    acc[i]!++;
    if (h >= cfg.manyHashtags) acc[i + 1]!++;
    acc[i + 2]! += h;
    acc[i + 3]! += w;
  }

  const hits: SignalHit[] = [];
  for (let a = 0; a < n; a++) {
    const posts = acc[4 * a]!;
    if (posts < cfg.minPosts) continue;
    const stuffed = acc[4 * a + 1]!;
    const hashtags = acc[4 * a + 2]!;
    const words = acc[4 * a + 3]!;
    const share = stuffed / posts;
    // all-hashtag posts (no words) count as the extreme ratio rather than dividing by zero
    const ratio = words > 0 ? hashtags / words : cfg.fullHashtagWordRatio;
    const stuffing = share >= cfg.minStuffedShare && ratio >= cfg.minHashtagWordRatio;
    if (!stuffing && ratio < cfg.extremeHashtagWordRatio) continue;
    const parts = [exceedance(ratio, cfg.minHashtagWordRatio, cfg.fullHashtagWordRatio)];
    if (stuffing) parts.push(exceedance(share, cfg.minStuffedShare, cfg.fullStuffedShare));
    hits.push({
      account: a,
      flag: {
        code: 'hashtag-stuffing',
        severity: meanSeverity(parts),
        evidence: {
          posts,
          postsMin: cfg.minPosts,
          stuffedPosts: stuffed,
          manyHashtags: cfg.manyHashtags,
          stuffedShare: round(share),
          stuffedShareMin: cfg.minStuffedShare,
          hashtags,
          words,
          hashtagsPerWord: round(ratio),
          hashtagsPerWordMin: cfg.minHashtagWordRatio,
          hashtagsPerWordAlone: cfg.extremeHashtagWordRatio,
        },
      },
    });
  }
  return hits;
}
