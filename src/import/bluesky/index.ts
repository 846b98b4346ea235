/** The Bluesky importer: atproto repository exports (CAR files). */
export { blueskyAdapter } from './adapter.js';
