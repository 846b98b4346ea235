/**
 * Profile features of one account for the audience classifier (issue 12): what a profile
 * says about whether a follower is a person, a bought follower or a bot.
 *
 * Definition: each feature is a number computed from the account's declared profile, NaN
 * when the export does not give what it needs (a missing feature is never read as zero or
 * false: the model leaves it out, see model.ts). Counts enter as log10(count + 1) and as
 * ratios in log space, so one crawl's absolute levels matter less than the shape of the
 * profile; age counts from the audit's as-of date, never a calendar year.
 *
 * Sources: the profile features of the fake-follower literature, Cresci et al. 2015 ("Fame
 * for sale", DSS 80): friends/followers ratio, followers, statuses, favourites, listed,
 * default image, bio, URL, age; Socialbakers' and Camisani-Calzolari's rules quoted there
 * (no bio, default picture, following >> followers, never tweeted).
 *
 * Example: following 2,001, followers 3, 0 posts, default avatar, no bio ->
 *   followRatio = log10(4/2002) = -2.70, following = 3.30, posts = 0, defaultAvatar = 1, noBio = 1.
 */
import type { AccountColumns } from '../dataset.js';
import { DAY_MS } from '../window.js';

/** The features, in model order. */
export const PROFILE_FEATURES = [
  'followRatio',
  'followers',
  'following',
  'posts',
  'listed',
  'likesGiven',
  'likesPerPost',
  'ageDays',
  'postsPerDay',
  'defaultAvatar',
  'noBio',
  'hasUrl',
  'hasLocation',
  'handleDigits',
  'verified',
  'likesPerFollowing',
] as const;
export type ProfileFeature = (typeof PROFILE_FEATURES)[number];

/** What each feature measures, for the model file and the reasons. */
export const FEATURE_UNITS: Record<ProfileFeature, string> = {
  followRatio: 'log10((followers + 1) / (following + 1))',
  followers: 'log10(followers + 1)',
  following: 'log10(following + 1)',
  posts: 'log10(posts + 1)',
  listed: 'log10(lists the account is on + 1)',
  likesGiven: 'log10(likes given + 1)',
  likesPerPost: 'log10((likes given + 1) / (posts + 1))',
  ageDays: 'log10(account age in days at as-of + 1)',
  postsPerDay: 'log10((posts + 1) / (age in days + 1))',
  defaultAvatar: '1 when the profile shows the default picture',
  noBio: '1 when the bio is empty',
  hasUrl: '1 when the profile links a website',
  hasLocation: '1 when the profile gives a location',
  handleDigits: '1 when the handle ends in 2 or more digits',
  verified: '1 when the network marks the account verified',
  likesPerFollowing: 'log10((likes given + 1) / (following + 1))',
};

/** The raw profile facts the features come from (for reasons): NaN / null when not known. */
export interface ProfileFacts {
  followers: number;
  following: number;
  posts: number;
  listed: number;
  likesGiven: number;
  /** days from creation to as-of; NaN without a creation date or as-of */
  ageDays: number;
  /** true when the as-of is a lower bound of when the profile was read (the latest account creation): ageDays is then the least the age can be */
  ageAtLeast: boolean;
  defaultAvatar: number;
  bio: string | null;
  url: string | null;
  location: string | null;
  handle: string;
  verified: number;
}

const log1p10 = (x: number): number => Math.log10(x + 1);
const flag = (s: string | null): number => (s === null ? NaN : s.trim() === '' ? 0 : 1);

/** The profile facts of account `i`, with age at `asOf` (null: age unknown; `ageAtLeast`: asOf is a lower bound of when the profile was read). */
export function readProfileFacts(a: AccountColumns, i: number, asOf: number | null, ageAtLeast = false): ProfileFacts {
  const created = a.createdAt[i]!;
  const age = asOf === null || Number.isNaN(created) ? NaN : Math.max(0, (asOf - created) / DAY_MS);
  return {
    followers: a.followers[i]!,
    following: a.following[i]!,
    posts: a.postsDeclared[i]!,
    listed: a.listed[i]!,
    likesGiven: a.likesGiven[i]!,
    ageDays: age,
    ageAtLeast: ageAtLeast && !Number.isNaN(age),
    defaultAvatar: a.defaultAvatar[i]!,
    bio: a.bio[i] ?? null,
    url: a.url[i] ?? null,
    location: a.location[i] ?? null,
    handle: a.handle[i] ?? '',
    verified: a.verified[i]!,
  };
}

/** Whether anything countable is known: without it an account is `unknown`, whatever else is known. */
export function hasProfileEvidence(f: ProfileFacts): boolean {
  return !(Number.isNaN(f.followers) && Number.isNaN(f.following) && Number.isNaN(f.posts) && Number.isNaN(f.listed) && Number.isNaN(f.likesGiven));
}

/** Trailing run of 2+ digits in a handle (`jane84312`; a user part of `user@host` only). */
const TRAILING_DIGITS = /\d{2,}$/;

/** The feature vector of a profile, written into `out` (length PROFILE_FEATURES.length); NaN = missing. */
export function computeProfileFeatures(f: ProfileFacts, out: Float64Array): Float64Array {
  const user = f.handle.includes('@') ? f.handle.slice(0, f.handle.indexOf('@')) : f.handle;
  // NaN propagates through the arithmetic: a ratio with one side missing is missing
  let j = 0;
  out[j++] = log1p10(f.followers) - log1p10(f.following);
  out[j++] = log1p10(f.followers);
  out[j++] = log1p10(f.following);
  out[j++] = log1p10(f.posts);
  out[j++] = log1p10(f.listed);
  out[j++] = log1p10(f.likesGiven);
  out[j++] = log1p10(f.likesGiven) - log1p10(f.posts);
  out[j++] = log1p10(f.ageDays);
  out[j++] = log1p10(f.posts) - log1p10(f.ageDays);
  out[j++] = f.defaultAvatar;
  const bio = flag(f.bio);
  out[j++] = Number.isNaN(bio) ? NaN : 1 - bio;
  out[j++] = flag(f.url);
  out[j++] = flag(f.location);
  out[j++] = user === '' ? NaN : TRAILING_DIGITS.test(user) ? 1 : 0;
  out[j++] = f.verified;
  out[j++] = log1p10(f.likesGiven) - log1p10(f.following);
  return out;
}
