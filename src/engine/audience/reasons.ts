/**
 * Human-readable reasons for a verdict: the profile facts behind the features that pushed
 * the account toward its class, strongest first ("following 2,001, followers 3", "0 posts",
 * "default avatar"), led by the named pattern when one fits (mass-follower, inactive, empty
 * new account). Text only from numbers and fixed words: no imported text is repeated.
 */
import { PROFILE_FEATURES, type ProfileFacts, type ProfileFeature } from './features.js';
import type { EnvelopeRule } from './model.js';

/** 1234567 -> '1,234,567' (fixed format, no locale). */
export function formatCount(n: number): string {
  const s = String(Math.round(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The fact a feature stands for, as a phrase; null when its inputs are unknown. */
export function describeFeature(name: ProfileFeature, f: ProfileFacts): string | null {
  const known = (v: number): boolean => !Number.isNaN(v);
  switch (name) {
    case 'followRatio':
    case 'followers':
    case 'following':
      if (known(f.following) && known(f.followers)) return `following ${formatCount(f.following)}, followers ${formatCount(f.followers)}`;
      if (known(f.following)) return `following ${formatCount(f.following)}`;
      return known(f.followers) ? plural(f.followers, 'follower', 'followers') : null;
    case 'posts':
      return known(f.posts) ? plural(f.posts, 'post', 'posts') : null;
    case 'listed':
      return known(f.listed) ? (f.listed === 0 ? 'on no lists' : `on ${plural(f.listed, 'list', 'lists')}`) : null;
    case 'likesGiven':
    case 'likesPerPost':
      return known(f.likesGiven) ? `${plural(f.likesGiven, 'like', 'likes')} given` : null;
    case 'ageDays':
      return known(f.ageDays) ? `account ${atLeast(f)}${describeAge(f.ageDays)} old` : null;
    case 'postsPerDay':
      if (!known(f.ageDays) || !known(f.posts)) return null;
      // an age that is a lower bound makes the rate an upper one
      return `${f.ageAtLeast ? 'at most ' : ''}${formatRate(f.posts / Math.max(1, f.ageDays))} posts a day`;
    case 'defaultAvatar':
      return known(f.defaultAvatar) ? (f.defaultAvatar ? 'default avatar' : 'own picture') : null;
    case 'noBio':
      return f.bio === null ? null : f.bio.trim() === '' ? 'no bio' : 'has a bio';
    case 'hasUrl':
      return f.url === null ? null : f.url.trim() === '' ? 'no website' : 'links a website';
    case 'hasLocation':
      return f.location === null ? null : f.location.trim() === '' ? 'no location' : 'gives a location';
    case 'handleDigits':
      return /\d{2,}$/.test(f.handle.split('@')[0] ?? '') ? 'handle ends in digits' : null;
    case 'verified':
      return known(f.verified) ? (f.verified ? 'verified' : null) : null;
    case 'likesPerFollowing':
      return known(f.likesGiven) && known(f.following) ? `${plural(f.likesGiven, 'like', 'likes')} given, following ${formatCount(f.following)}` : null;
  }
}

/**
 * An envelope edge the account is beyond, with its facts and the share of labelled people
 * inside it, e.g. "following 2,001, followers 3: fewer followers per followed account than
 * 99.6% of people".
 */
export function describeEnvelope(rule: EnvelopeRule, f: ProfileFacts): string {
  const share = `${(100 * (1 - rule.peopleBeyond)).toFixed(1)}% of people`;
  const side = rule.direction === 'below' ? 'fewer' : 'more';
  switch (rule.measure) {
    case 'followRatio':
      return `following ${formatCount(f.following)}, followers ${formatCount(f.followers)}: ${side} followers per followed account than ${share}`;
    case 'likesPerPost':
      return `${plural(f.posts, 'post', 'posts')}, ${plural(f.likesGiven, 'like', 'likes')} given: ${side} likes per post than ${share}`;
    case 'likesPerDay':
      return `${plural(f.likesGiven, 'like', 'likes')} given in ${atLeast(f)}${describeAge(f.ageDays)}: ${side} likes a day than ${share}`;
    case 'likesPerFollowing':
      return `${plural(f.likesGiven, 'like', 'likes')} given, following ${formatCount(f.following)}: ${side} likes per followed account than ${share}`;
    case 'listedPerFollower':
      return `on ${plural(f.listed, 'list', 'lists')}, ${plural(f.followers, 'follower', 'followers')}: ${side} lists per follower than ${share}`;
  }
}

/** 'at least ' before an age counted from a lower bound of when the profile was read. */
const atLeast = (f: ProfileFacts): string => (f.ageAtLeast ? 'at least ' : '');

function describeAge(days: number): string {
  if (days < 60) return plural(Math.floor(days), 'day', 'days');
  if (days < 730) return `${Math.floor(days / 30.44)} months`;
  return `${Math.floor(days / 365.25)} years`;
}

function formatRate(x: number): string {
  return x >= 10 ? formatCount(x) : x >= 0.1 ? x.toFixed(1) : x.toFixed(2);
}

/** The named patterns of a suspicious profile (issue 12: mass-follower, inactive, empty new account). */
export function describePatterns(f: ProfileFacts): string[] {
  const out: string[] = [];
  // HypeAuditor's "mass followers" follow more than 1,500 accounts (help.hypeauditor.com)
  if (f.following > 1500) out.push('mass-follower');
  // following at least a hundred while fewer than a tenth as many follow back
  else if (f.following >= 100 && (f.followers + 1) / (f.following + 1) < 0.1) out.push('one-sided following');
  if (f.posts === 0 || (f.posts < 10 && f.ageDays >= 365)) out.push('inactive');
  const empty = (f.bio !== null && f.bio.trim() === '') || f.defaultAvatar === 1;
  // an age that is only a lower bound cannot tell an account is new
  if (f.ageDays < 90 && !f.ageAtLeast && empty) out.push('empty new account');
  return out;
}

/**
 * Reasons from per-feature points toward the verdict (positive = supports it): the
 * patterns, then the facts of the strongest supporting features, at most `max` in all.
 */
export function buildReasons(f: ProfileFacts, points: Float64Array, options: { patterns: boolean; max?: number }): string[] {
  const max = options.max ?? 4;
  const order = PROFILE_FEATURES.map((name, j) => ({ name, v: points[j]! }))
    .filter((e) => e.v > 0.05)
    .sort((a, b) => b.v - a.v || PROFILE_FEATURES.indexOf(a.name) - PROFILE_FEATURES.indexOf(b.name));
  const out: string[] = options.patterns ? describePatterns(f) : [];
  const seen = new Set<string>();
  for (const e of order) {
    if (out.length >= max) break;
    const text = describeFeature(e.name, f);
    if (text === null || seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}
