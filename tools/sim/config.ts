/**
 * World configuration and the presets (sample, eval, bench), all in one place.
 *
 * The shapes are set from published measurements (see fixtures/sample/README.md and the
 * constants in accounts.ts / activity.ts, each with its source):
 * - followers: lognormal body (median ~150 for everyday posters, ~40 for lurkers) with a
 *   Pareto tail for celebrities (alpha ~1; Kwak et al. 2010 "What is Twitter", Fig. 1;
 *   Pew 2019 "Sizing up Twitter users": median user 25 followers, follows 89);
 * - posting: very skewed (Pew 2019: the top 10% of users write 80% of posts; the median
 *   user posts about twice a month);
 * - engagement per post: most posts get none (Sysomos 2010: 71% of tweets get no reaction;
 *   23% a reply, 6% a retweet) and the reaction rate per follower falls with audience size
 *   (expected reactions ~ followers^0.7; Markerly 2016, RivalIQ benchmarks ~0.05% for big
 *   accounts);
 * - listed ~1-3% of followers (PeerIndex pairs: listed/followers median 0.03 on a sample
 *   of prominent accounts), following weakly tied to followers (log-log corr ~0.27 there).
 */

/** Shares of ordinary personas among ordinary accounts (normalised). */
export interface PersonaShares {
  /** reads and likes, rarely posts */
  lurker: number;
  /** posts about daily life, sometimes a hobby */
  everyday: number;
  /** small-to-mid audience, high engagement, 1-3 true topics */
  expert: number;
  /** huge audience, low engagement per follower */
  celebrity: number;
  /** audience and engagement growing through the history and future windows */
  rising: number;
}

/** Planted accounts, as shares of all accounts (at least one when the share is > 0). */
export interface PlantedShares {
  /** follow-back farms (mass following, followers ~ following, little engagement) */
  farm: number;
  /** round-the-clock, metronomic, high-volume posters */
  bot: number;
  /** members of engagement pods (rings of podSize accounts) */
  pod: number;
  /** accounts stuffing many hashtags into posts */
  stuffer: number;
  /** accounts whose engagement comes mostly from a few serial engagers */
  serialTarget: number;
  /** follow/unfollow churners */
  churner: number;
  /** hard negative: prolific but real posters (ordinary) */
  prolific: number;
  /** hard negative: members of small tight real communities (ordinary) */
  community: number;
}

/** Everything that shapes a world; see PRESETS for values. */
export interface WorldConfig {
  /** seed of every random draw */
  seed: number;
  /** number of accounts, planted ones included */
  accounts: number;
  /** epoch ms: the export date; events up to it are data, events after it are truth */
  asOf: number;
  /** days of history before asOf */
  historyDays: number;
  /** days simulated after asOf for the truth (0: none) */
  futureDays: number;
  /** value of the `network` column */
  network: string;
  /** multiplies every posting rate (and so the volume of engagement) */
  activity: number;
  /** when set, `activity` is solved so that engagement events up to asOf land near this */
  targetInteractions?: number;
  /** mean number of accounts inside the world that an account follows */
  followsPerAccount: number;
  personas: PersonaShares;
  planted: PlantedShares;
  /** pod ring size range */
  podSize: [number, number];
  /** community size range */
  communitySize: [number, number];
  /** serial engagers per target */
  serialEngagers: [number, number];
  /** bots post only in the last N days before asOf (and on into the future) */
  botActiveDays: number;
  /** bot posts per day range */
  botPostsPerDay: [number, number];
  /** share of accounts whose posts carry declared likes/reshares/replies counts */
  declaredCountsShare: number;
  /** share of follow edges with a known creation time */
  followTimesShare: number;
  /** share of replies also given as an interactions.csv row (same post id) */
  replyEventsShare: number;
  /** share of accounts that write in Spanish, Japanese, Arabic or Russian */
  nonEnglishShare: number;
  /** a post's reactions never exceed this share of the world's accounts */
  maxReactionShare: number;
}

/** 2026-03-01T00:00:00Z: the default export date. */
export const DEFAULT_AS_OF = Date.UTC(2026, 2, 1);

const BASE: WorldConfig = {
  seed: 1,
  accounts: 1000,
  asOf: DEFAULT_AS_OF,
  historyDays: 180,
  futureDays: 90,
  network: 'generic',
  activity: 1,
  followsPerAccount: 25,
  personas: { lurker: 0.35, everyday: 0.52, expert: 0.07, celebrity: 0.01, rising: 0.012 },
  planted: { farm: 0.01, bot: 0.01, pod: 0.015, stuffer: 0.01, serialTarget: 0.005, churner: 0.005, prolific: 0.005, community: 0.02 },
  podSize: [5, 12],
  communitySize: [6, 14],
  serialEngagers: [2, 4],
  botActiveDays: 30,
  botPostsPerDay: [20, 60],
  declaredCountsShare: 0.5,
  followTimesShare: 0.7,
  replyEventsShare: 0.1,
  nonEnglishShare: 0.1,
  maxReactionShare: 0.3,
};

/** Names of the presets. */
export type PresetName = 'sample' | 'eval' | 'bench';

/**
 * - sample: the bundled demo data (fixtures/sample): ~300 accounts, a handful of each
 *   planted kind, small enough to commit (a few MB);
 * - eval: the measurement population for calibration, rank correlation, topic precision
 *   and authenticity flags: 10,000 accounts at the published posting rates (activity 1:
 *   ~2.3M engagement events in 180 days), realistic shares of planted kinds;
 * - bench: speed and memory runs; sizes come from the command line (`accounts`,
 *   `targetInteractions`); no future window, fewer in-world follows per account.
 */
export const PRESETS: Record<PresetName, WorldConfig> = {
  sample: {
    ...BASE,
    seed: 20110,
    accounts: 300,
    historyDays: 120,
    targetInteractions: 10800,
    followsPerAccount: 22,
    personas: { lurker: 0.3, everyday: 0.52, expert: 0.13, celebrity: 0.015, rising: 0.015 },
    planted: { farm: 0.013, bot: 0.007, pod: 0.035, stuffer: 0.013, serialTarget: 0.01, churner: 0.01, prolific: 0.004, community: 0.05 },
    podSize: [5, 7],
    communitySize: [6, 9],
    botActiveDays: 7,
    botPostsPerDay: [24, 36],
    maxReactionShare: 0.25,
    nonEnglishShare: 0.1,
  },
  eval: {
    ...BASE,
    seed: 7,
    accounts: 10000,
    activity: 1,
  },
  bench: {
    ...BASE,
    seed: 99,
    accounts: 100000,
    futureDays: 0,
    followsPerAccount: 8,
    botActiveDays: 30,
    botPostsPerDay: [24, 48],
    maxReactionShare: 0.02,
  },
};

/** Overrides allowed on top of a preset (nested shares merge key by key). */
export type WorldOverrides = Partial<Omit<WorldConfig, 'personas' | 'planted'>> & {
  personas?: Partial<PersonaShares>;
  planted?: Partial<PlantedShares>;
};

/** A full config: a preset with overrides applied, checked. */
export function resolveConfig(preset: PresetName | WorldConfig, overrides: WorldOverrides = {}): WorldConfig {
  const base = typeof preset === 'string' ? PRESETS[preset] : preset;
  if (!base) throw new Error(`unknown preset ${String(preset)}`);
  const cfg: WorldConfig = {
    ...base,
    ...overrides,
    personas: { ...base.personas, ...overrides.personas },
    planted: { ...base.planted, ...overrides.planted },
  };
  checkConfig(cfg);
  return cfg;
}

function checkConfig(c: WorldConfig): void {
  const bad = (what: string) => {
    throw new Error(`invalid world config: ${what}`);
  };
  if (!Number.isInteger(c.accounts) || c.accounts < 20) bad(`accounts must be an integer >= 20 (got ${c.accounts})`);
  if (c.accounts > 5_000_000) bad('accounts must be <= 5,000,000');
  if (!Number.isFinite(c.asOf)) bad('asOf must be epoch ms');
  if (!(c.historyDays >= 7 && c.historyDays <= 365)) bad('historyDays must be within 7..365');
  if (!(c.futureDays >= 0 && c.futureDays <= 180)) bad('futureDays must be within 0..180');
  if (!(c.activity > 0)) bad('activity must be > 0');
  if (c.targetInteractions !== undefined && !(c.targetInteractions > 0)) bad('targetInteractions must be > 0');
  if (!(c.followsPerAccount >= 1)) bad('followsPerAccount must be >= 1');
  if (c.podSize[0] < 3 || c.podSize[1] < c.podSize[0]) bad('podSize must be [min >= 3, max >= min]');
  if (c.communitySize[0] < 3 || c.communitySize[1] < c.communitySize[0]) bad('communitySize must be [min >= 3, max >= min]');
  let planted = 0;
  for (const v of Object.values(c.planted)) {
    if (!(v >= 0)) bad('planted shares must be >= 0');
    planted += v;
  }
  if (planted > 0.5) bad('planted shares add up to more than half of the accounts');
}
