/**
 * The PeerIndex / Kaggle "Influencers in Social Networks" (2013) columns as model features.
 *
 * Definition: each side's follower_count, listed_count and following_count are declared
 * counts; mentions_received, retweets_received, mentions_sent, retweets_sent and posts are
 * smoothed rates whose floor (0.1005) means none, read as events per day after removing
 * the floor: rate(x) = max(0, x - floor). Reshares per post over the reference window W is
 * W * rate(retweets) / max(1, W * rate(posts)), mentions per post likewise; the follower
 * ratio is followers / max(1, following), net followers max(0, followers - following); conversation (mentions sent per day) is
 * rate(mentions_sent).
 * Source: the competition's data page (the rate columns are smoothed; the floor is their
 * smallest value) and the model file's "units.peerindex".
 * Worked example: retweets_received 1.1005, posts 10.1005, W = 90 -> rate 1 and 10 per day,
 * reshares_per_post = 90 / 900 = 0.1.
 */
import { emptyFeatureVector, REFERENCE_WINDOW_DAYS, type FeatureVector } from './features.js';

/** The smoothing floor of the PeerIndex rate columns (read as zero). */
export const PEERINDEX_RATE_FLOOR = 0.100503358535;

/**
 * One PeerIndex side as model features (all 'declared'); `v` holds follower_count,
 * following_count, listed_count, mentions_received, retweets_received, mentions_sent,
 * retweets_sent, posts in this order (import/pairs.ts PEERINDEX_SIDE_COLUMNS).
 */
export function peerIndexFeatures(v: readonly number[]): FeatureVector {
  const [followers, following, listed, mentionsReceived, retweetsReceived, mentionsSent, retweetsSent, posts] = v.map((x) => x ?? NaN) as [
    number, number, number, number, number, number, number, number,
  ];
  const rate = (x: number): number => Math.max(0, x - PEERINDEX_RATE_FLOOR);
  const fv = emptyFeatureVector();
  const put = (name: keyof FeatureVector['value'], value: number): void => {
    fv.value[name] = value;
    fv.source[name] = 'declared';
  };
  put('followers', followers);
  put('listed', listed);
  put('mentions_received', rate(mentionsReceived));
  put('reshares_received', rate(retweetsReceived));
  put('reshares_per_post', (REFERENCE_WINDOW_DAYS * rate(retweetsReceived)) / Math.max(1, REFERENCE_WINDOW_DAYS * rate(posts)));
  put('mentions_per_post', (REFERENCE_WINDOW_DAYS * rate(mentionsReceived)) / Math.max(1, REFERENCE_WINDOW_DAYS * rate(posts)));
  put('follower_ratio', followers / Math.max(1, following));
  put('net_followers', Math.max(0, followers - following));
  put('conversation', rate(mentionsSent));
  put('engagement_per_follower', (rate(mentionsReceived) + rate(retweetsReceived)) / Math.max(1, followers));
  put('following', following);
  put('posts_per_day', rate(posts));
  put('mentions_sent', rate(mentionsSent));
  put('reshares_sent', rate(retweetsSent));
  return fv;
}
