/**
 * The import adapters, in detection order: the first whose `detect` accepts a source
 * reads it. Archive formats come first (they are recognised by their file names), then
 * the generic tables (recognised by header or keys). `--format NAME` skips detection.
 *
 * Each entry holds what detection needs (a `detect.ts` per format: file names, first
 * bytes) and how to load the reader: a plain CSV does not load the archive readers, their
 * parsers or the CBOR decoder (measured: ~100 of the 160 modules an import loaded).
 */
import type { Adapter, Source } from './source.js';
import { genericCsvAdapter, genericJsonAdapter, genericNdjsonAdapter } from './generic/adapters.js';
import { BLUESKY_FORMAT, detectBluesky } from './bluesky/detect.js';
import { INSTAGRAM_FORMAT, detectInstagram } from './instagram/detect.js';
import { LINKEDIN_FORMAT, detectLinkedin } from './linkedin/detect.js';
import { MASTODON_FOLLOWING_FORMAT, MASTODON_FORMAT, detectMastodonArchive, detectMastodonFollowing } from './mastodon/detect.js';
import { THREADS_FORMAT, detectThreads } from './threads/detect.js';
import { TIKTOK_FORMAT, detectTiktok } from './tiktok/detect.js';
import { TWITTER_FORMAT, detectTwitterArchive } from './twitter/detect.js';

/** An adapter as the registry knows it before it is needed: its name, its detection, and how to load it. */
export interface AdapterEntry {
  /** the name `--format` accepts */
  format: string;
  /** one line for `--help` and the README */
  description: string;
  /** true when this adapter recognises the source (the same test as the loaded adapter's) */
  detect(source: Source): Promise<boolean>;
  /** the adapter itself, loaded on first use */
  load(): Promise<Adapter>;
}

/** An entry for an adapter that is loaded already (the generic tables: small, and the common case). */
const loaded = (adapter: Adapter): AdapterEntry => ({ format: adapter.format, description: adapter.description, detect: (source) => adapter.detect(source), load: async () => adapter });

// A Mastodon archive folder holds a following_accounts.csv too: the archive adapter reads it
// whole, so it comes before the standalone following list, which comes before generic CSV.
// An Instagram download holds a threads/ folder: Instagram reads it whole, before Threads.
// The own-data exports are recognised by their file names and keys, before generic tables.
export const ADAPTERS: readonly AdapterEntry[] = [
  { ...TWITTER_FORMAT, detect: detectTwitterArchive, load: async () => (await import('./twitter/index.js')).twitterAdapter },
  { ...MASTODON_FORMAT, detect: detectMastodonArchive, load: async () => (await import('./mastodon/index.js')).mastodonAdapter },
  { ...INSTAGRAM_FORMAT, detect: detectInstagram, load: async () => (await import('./instagram/index.js')).instagramAdapter },
  { ...THREADS_FORMAT, detect: detectThreads, load: async () => (await import('./threads/index.js')).threadsAdapter },
  { ...TIKTOK_FORMAT, detect: detectTiktok, load: async () => (await import('./tiktok/index.js')).tiktokAdapter },
  { ...LINKEDIN_FORMAT, detect: detectLinkedin, load: async () => (await import('./linkedin/index.js')).linkedinAdapter },
  { ...MASTODON_FOLLOWING_FORMAT, detect: detectMastodonFollowing, load: async () => (await import('./mastodon/index.js')).mastodonFollowingAdapter },
  { ...BLUESKY_FORMAT, detect: detectBluesky, load: async () => (await import('./bluesky/index.js')).blueskyAdapter },
  loaded(genericCsvAdapter),
  loaded(genericJsonAdapter),
  loaded(genericNdjsonAdapter),
];

/** The adapter `--format` names, or undefined. */
export function adapterByFormat(format: string): AdapterEntry | undefined {
  return ADAPTERS.find((a) => a.format === format.toLowerCase());
}
