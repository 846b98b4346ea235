/**
 * What `influence fit` builds a model from, besides the labelled pairs: the feature list
 * and groups, the units, priors for features the pairs cannot show (a PeerIndex row has no
 * engagers, likes or network), the network parameters, and the calibration targets. The
 * fitted model file records all of it, so a model file alone explains every score.
 */
import type { ScoredFeature } from './features.js';
import type { NetworkParams, ScoreGroup } from './model.js';

/** A feature as the spec declares it, with its prior curve. */
export interface FeatureSpec {
  name: ScoredFeature;
  group: ScoreGroup;
  unit: string;
  /** true: always the prior curve, never fitted (see the amplification features below) */
  fixed?: boolean;
  /** the curve used when the training data cannot estimate this feature */
  prior: { knots: number[]; points: number[]; reference: { median: number; scale: number; loading: number } };
}

/** Everything `fit` needs besides the pairs. */
export interface ModelSpec {
  features: FeatureSpec[];
  network: NetworkParams;
  /** quantile of the reference population -> score (Klout's published shape) */
  calibrationTargets: { quantile: number; score: number }[];
  /** clamp of the imputation factor, in reference deviations */
  imputationMaxFactor: number;
  /** score of an account with no evidence at all (raw total 0) */
  floor: number;
  /** the reference ("realistic active") population: log10(followers) ~ Normal(mean, sd) */
  referenceFollowers: { log10Mean: number; log10Sd: number };
  units: Record<string, string>;
}

// Priors: linear in log space, slope in logits per ln-unit, with reference medians for a
// typical active account (engagers 8 per 90 days, 2 likes, 0.3 replies, 0.02 quotes and
// 0.3 reshares per post, network value 2). Used for features the training pairs do not
// show (a PeerIndex row has no engagers or network); `influence fit` on `a,b,winner` pairs
// of a database with events estimates them.
//
// The per-post (amplification) features are fixed at their priors by design: the labels
// available (PeerIndex judgements have no per-post data; future engagement volume, the
// simulator's ground truth, rewards volume rather than resonance per post) cannot identify
// them, and fitting drives them to zero. Klout's breakdown keeps amplification as its own
// modest term: more reactions per post raise the score a little, never lower it.
const linear = (slope: number, median: number, scale: number, loading: number) => ({ knots: [0, 10], points: [0, 10 * slope], reference: { median, scale, loading } });

/** The specification of model v1. */
export const MODEL_SPEC: ModelSpec = {
  features: [
    { name: 'followers', group: 'reach', unit: 'followers (max of declared count and follow edges)', prior: linear(0.12, 5.8, 1.9, 0.9) },
    { name: 'listed', group: 'reach', unit: 'lists the account is on (declared)', prior: linear(0.2, 2.5, 1.8, 0.9) },
    { name: 'engagers', group: 'reach', unit: 'distinct engaging accounts per 90 days', prior: linear(0.5, 2.2, 1.2, 0.8) },
    { name: 'mentions_received', group: 'reach', unit: 'mentions and replies received per day', prior: linear(0.1, 1.0, 1.2, 0.85) },
    { name: 'reshares_received', group: 'reach', unit: 'reshares received per day', prior: linear(0.05, 0.5, 1.0, 0.8) },
    { name: 'reshares_per_post', group: 'amplification', fixed: true, unit: 'reshares received per authored post', prior: linear(0.1, 0.26, 0.5, 0.4) },
    { name: 'replies_per_post', group: 'amplification', fixed: true, unit: 'replies received per authored post', prior: linear(0.2, 0.26, 0.4, 0.5) },
    { name: 'quotes_per_post', group: 'amplification', fixed: true, unit: 'quotes received per authored post', prior: linear(0.2, 0.02, 0.1, 0.3) },
    { name: 'likes_per_post', group: 'amplification', fixed: true, unit: 'likes received per authored post', prior: linear(0.15, 1.1, 0.9, 0.5) },
    { name: 'network', group: 'network', unit: 'TunkRank value: attention received weighted by the engagers\' own influence', prior: linear(0.5, 1.1, 1.0, 0.7) },
  ],
  network: {
    damping: 0.85,
    halfLifeDays: 30,
    kindWeights: { reply: 0.8, reshare: 1, quote: 1, mention: 0.6, like: 0.3 },
    tolerancePerNode: 1e-9,
    maxIterations: 500,
  },
  calibrationTargets: [
    { quantile: 0.02, score: 8 },
    { quantile: 0.1, score: 18 },
    { quantile: 0.25, score: 29 },
    { quantile: 0.5, score: 40 },
    { quantile: 0.75, score: 50 },
    { quantile: 0.9, score: 58 },
    { quantile: 0.95, score: 63 },
    { quantile: 0.99, score: 71 },
  ],
  floor: 1,
  imputationMaxFactor: 2.5,
  referenceFollowers: { log10Mean: 2.5, log10Sd: 0.8 },
  units: {
    window: 'volume features are per day over the scoring window (default 90 days); engagers are per 90 days; per-post features divide the reactions received in the window by the posts authored in it (at least 1)',
    events: 'from the database: interactions in the window (reply, reshare, quote, mention, like), each weighted by the authenticity stage; mentions_received counts mention and reply events',
    declared: 'from export counts: per-post likes/reshares/replies of posts in the window, or the accounts table aggregates (per window_days, default 90) scaled to the window; followers and listed as declared (followers at least the follow edges)',
    peerindex:
      'PeerIndex/Kaggle columns: follower_count -> followers, listed_count -> listed, mentions_received -> mentions_received, retweets_received -> reshares_received, each rate read as events per day after removing the smoothing floor 0.1005 (max(0, rate - 0.1005034)); reshares_per_post = 90 * retweets_received / max(1, 90 * posts); following_count, mentions_sent, retweets_sent, posts are context (not scored: activity sent is not influence, and rewarding it invites gaming); network_feature_1..3 ignored',
    missing: 'missing features are imputed by their conditional expectation given the present ones (equicorrelated Gaussian in standardised log space) and lower the confidence by their importance',
  },
};
