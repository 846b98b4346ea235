/**
 * The import adapters, in detection order: the first whose `detect` accepts a source
 * reads it. Archive formats come first (they are recognised by their file names), then
 * the generic tables (recognised by header or keys). `--format NAME` skips detection.
 */
import type { Adapter } from './source.js';
import { genericCsvAdapter, genericJsonAdapter, genericNdjsonAdapter } from './generic/adapters.js';
import { blueskyAdapter } from './bluesky/index.js';
import { instagramAdapter } from './instagram/index.js';
import { linkedinAdapter } from './linkedin/index.js';
import { mastodonAdapter, mastodonFollowingAdapter } from './mastodon/index.js';
import { threadsAdapter } from './threads/index.js';
import { tiktokAdapter } from './tiktok/index.js';
import { twitterAdapter } from './twitter/index.js';

// A Mastodon archive folder holds a following_accounts.csv too: the archive adapter reads it
// whole, so it comes before the standalone following list, which comes before generic CSV.
// An Instagram download holds a threads/ folder: Instagram reads it whole, before Threads.
// The own-data exports are recognised by their file names and keys, before generic tables.
export const ADAPTERS: readonly Adapter[] = [
  twitterAdapter,
  mastodonAdapter,
  instagramAdapter,
  threadsAdapter,
  tiktokAdapter,
  linkedinAdapter,
  mastodonFollowingAdapter,
  blueskyAdapter,
  genericCsvAdapter,
  genericJsonAdapter,
  genericNdjsonAdapter,
];

/** The adapter `--format` names, or undefined. */
export function adapterByFormat(format: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.format === format.toLowerCase());
}
