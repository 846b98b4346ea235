/**
 * The synthetic world with ground truth, for tests, measurements and benchmarks:
 *
 *   import { generateWorld, resolveConfig, computeTruth, toDataset } from '../tools/sim/index.js';
 *   const world = generateWorld(resolveConfig('eval'));        // deterministic for a seed
 *   const truth = computeTruth(world);                         // per account: archetype, q, topics, past/future engagement
 *   const population = toDataset(world);                    // the history as the engine's input
 *
 * Writing files (node:fs) lives apart, in write-generic.ts: writeGenericTables, writeTruth.
 */
export { PRESETS, DEFAULT_AS_OF, resolveConfig, type PresetName, type WorldConfig, type WorldOverrides } from './config.js';
export { generateWorld } from './world.js';
export { computeTruth, type AccountTruth, type Truth, type TruthGroup, type WindowStats } from './truth.js';
export { toDataset, countTokens } from './to-dataset.js';
export { forEachEngagement, ENGAGEMENT_KINDS } from './events.js';
export { postText, postId, postUrl, accountBio } from './text.js';
export { genericTableChunks, countGenericRows, csvField, isoSeconds, HEADERS, GENERIC_TABLES } from './generic-rows.js';
export { importBenchChunks, type ImportBenchOptions } from './bench-interactions.js';
export { SIM_TOPICS, type SimTopic } from './topics.js';
export { Rng, AliasTable, hashSeed } from './random.js';
export * from './world-types.js';
