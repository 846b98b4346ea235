/** The Twitter/X archive adapter, for the adapter registry. */
export { twitterAdapter, detectTwitterArchive } from './adapter.js';
