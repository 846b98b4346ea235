/**
 * Mastodon importers. Registry order (the lead's registry): twitter, mastodon,
 * mastodon-following, then the generic CSV/JSON/NDJSON adapters: a following list must be
 * tried before the generic CSV adapter, and a Mastodon archive folder holding a
 * following_accounts.csv must be read whole by `mastodon`.
 */
export { mastodonAdapter } from './mastodon-adapter.js';
export { mastodonFollowingAdapter } from './following-adapter.js';
