/** The Twitter/X archive adapter, for the adapter registry. */
export { twitterAdapter } from './adapter.js';
export { detectTwitterArchive } from './detect.js';
