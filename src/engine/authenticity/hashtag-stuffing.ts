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
 * stuffedShare 0.8, hashtagsPerWord 200/440 = 0.45 -> fires, severity ~0.4.
 * Posts without text (hashtags = words = 0, e.g. an export with no text) are not counted.
 */
import { POST_KINDS, type Population } from '../population.js';
import type { Activity } from './activity.js';
import type { HashtagStuffingConfig } from './config.js';
import { exceedance, meanSeverity, round } from './measure.js';
import type { SignalHit } from './signal.js';

const RESHARE = POST_KINDS.indexOf('reshare');

/** Flags accounts whose posts are stuffed with hashtags. */
export function detectHashtagStuffing(pop: Population, act: Activity, cfg: HashtagStuffingConfig): SignalHit[] {
  const n = pop.accounts.n;
  const P = pop.posts;
  const posts = new Int32Array(n);
  const stuffed = new Int32Array(n);
  const hashtags = new Float64Array(n);
  const words = new Float64Array(n);
  for (let p = 0; p < P.n; p++) {
    if (!act.postInWindow[p] || P.kind[p] === RESHARE) continue;
    const h = P.hashtags[p]!;
    const w = P.words[p]!;
    if (h + w === 0) continue;
    const a = P.author[p]!;
    posts[a]!++;
    hashtags[a]! += h;
    words[a]! += w;
    if (h >= cfg.manyHashtags) stuffed[a]!++;
  }

  const hits: SignalHit[] = [];
  for (let a = 0; a < n; a++) {
    if (posts[a]! < cfg.minPosts) continue;
    const share = stuffed[a]! / posts[a]!;
    // all-hashtag posts (no words) count as the extreme ratio rather than dividing by zero
    const ratio = words[a]! > 0 ? hashtags[a]! / words[a]! : cfg.fullHashtagWordRatio;
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
          posts: posts[a]!,
          postsMin: cfg.minPosts,
          stuffedPosts: stuffed[a]!,
          manyHashtags: cfg.manyHashtags,
          stuffedShare: round(share),
          stuffedShareMin: cfg.minStuffedShare,
          hashtags: hashtags[a]!,
          words: words[a]!,
          hashtagsPerWord: round(ratio),
          hashtagsPerWordMin: cfg.minHashtagWordRatio,
          hashtagsPerWordAlone: cfg.extremeHashtagWordRatio,
        },
      },
    });
  }
  return hits;
}
