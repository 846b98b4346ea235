/** The audience audit (issue 12): per-account classes from profiles and activity, and the audit of one account's followers. */
export { auditAudience, followersOf, wilsonInterval, type AgesFrom, type AudienceAudit, type AudienceAuditInput, type AuditGrowthPoint } from './audit.js';
export { classifyAccounts, classifyProfile, decideClass, type AccountVerdict, type ClassifyOptions } from './classify.js';
export { BENCHMARK_SOURCE, HYPEAUDITOR_2018_TIERS, measureEngagement, tierOf, type EngagementReport, type Tier } from './engagement.js';
export { PROFILE_FEATURES, computeProfileFeatures, hasProfileEvidence, readProfileFacts, type ProfileFacts, type ProfileFeature } from './features.js';
export { DEFAULT_BURST_CONFIG, growthFromFollowTimes, growthFromSnapshots, modifiedZScores, type BurstConfig, type GrowthPoint, type GrowthSeries } from './growth.js';
export { AUDIENCE_CLASSES, applyAudienceModel, checkAudienceModel, type AudienceClass, type AudienceModel, type Submodel } from './model.js';
export { CLASS_INDEX, audienceAsOf, audienceQualityOf, classOf, classifyAudience, followerClassesOf, type AudienceTable } from './classes.js';
export { applyRealFollowers, type RealFollowers } from './real-followers.js';
export { followerDiscountOf, type FollowerDiscount } from './follower-discount.js';
