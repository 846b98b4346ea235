/** Authenticity signals: detection of gaming, as flags with evidence, damping, caps and event weights. */
export { assessAuthenticity } from './assess.js';
export { DEFAULT_AUTHENTICITY_CONFIG, type AuthenticityConfig } from './config.js';
export { FLAG_LABELS, splitDampingPoints, type DampingItem } from './damping.js';
