/**
 * Why an account was missed or wrongly flagged, on the simulator's worlds: for every planted
 * account its expected signal did not flag, the evidence that signal computes with its
 * thresholds opened up (so every measured value is printed next to the real threshold);
 * for every flagged ordinary account, its flags' evidence.
 *
 *   npx tsx bench/diagnose-authenticity.ts [--preset eval|sample] [--seeds 1,2] [--accounts N]
 */
import { indexActivity } from '../src/engine/authenticity/activity.js';
import { assessAuthenticity } from '../src/engine/authenticity/assess.js';
import { DEFAULT_AUTHENTICITY_CONFIG as C } from '../src/engine/authenticity/config.js';
import { detectEngagementPods } from '../src/engine/authenticity/engagement-pod.js';
import { detectFollowBack } from '../src/engine/authenticity/follow-back.js';
import { detectSerialEngagers, markSerialPairs } from '../src/engine/authenticity/serial-engager.js';
import { detectBotCadence } from '../src/engine/authenticity/bot-cadence.js';
import type { SignalHit } from '../src/engine/authenticity/signal.js';
import { computeTruth, generateWorld, PRESETS, resolveConfig, toDataset, type PresetName } from '../tools/sim/index.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const preset = (arg('preset') ?? 'eval') as PresetName;
const seeds = (arg('seeds') ?? String(PRESETS[preset].seed)).split(',').map(Number);
const accounts = arg('accounts') ? Number(arg('accounts')) : undefined;

const byAccount = (hits: SignalHit[]) => new Map(hits.map((h) => [h.account, h.flag.evidence]));
/** Evidence without the member lists (long, and not what decides). */
const brief = (ev: Record<string, unknown> | undefined): string => {
  if (!ev) return 'not measured';
  const { ring: _ring, top: _top, ...rest } = ev;
  return JSON.stringify(rest);
};

for (const seed of seeds) {
  const world = generateWorld(resolveConfig(preset, { seed, ...(accounts ? { accounts } : {}) }));
  const truth = computeTruth(world);
  const pop = toDataset(world);
  const window = { asOf: world.asOf, windowDays: 90 };
  const as = assessAuthenticity(pop, window);
  const act = indexActivity(pop, window);
  // each signal with its gates opened: what it measures for every account it can measure
  const open = {
    'engagement-pod': byAccount(
      detectEngagementPods(pop, act, { ...C.engagementPod, minEvents: 0, minRing: 0, minReciprocity: 0, minConcentration: 0, minQuickShare: 0, minLatencySamples: 0 }, C.coverageMinPosts).hits,
    ),
    'follow-back': byAccount(
      detectFollowBack(pop, act, { ...C.followBack, minFollowers: 0, minFollowing: 0, minRatio: 0, maxEngagersPerFollower: Infinity, maxEngagersPerFollowerMutual: Infinity, reciprocityVeto: 0 }),
    ),
    'serial-engager': byAccount(
      detectSerialEngagers(pop, act, { ...C.serialEngager, minEvents: 0, minShare: 0 }, markSerialPairs(act, C.serialEngager, C.coverageMinPosts), new Uint8Array(act.pairs.n)),
    ),
    'bot-cadence': byAccount(detectBotCadence(act, { ...C.botCadence, extremePostsPerDay: 0 })),
  } as Record<string, Map<number, Record<string, unknown>>>;

  console.log(`seed ${seed} (${preset}: ${truth.accounts.length} accounts)`);
  truth.accounts.forEach((a, i) => {
    const flags = as.flags[i]!;
    const where = `${a.persona} ${a.handle}${a.group ? ` ${a.group}` : ''}: ${act.contentCount[i]} content posts, ${act.postCount[i]} posts, ${act.eventStart[i + 1]! - act.eventStart[i]!} events received`;
    if (a.archetype === 'ordinary') {
      for (const f of flags) console.log(`  FALSE POSITIVE ${where}: ${f.code} severity ${f.severity} ${brief(f.evidence)}`);
    } else if (a.expectedFlag && !flags.some((f) => f.code === a.expectedFlag)) {
      const other = flags.map((f) => f.code).join('+') || 'none';
      console.log(`  MISSED ${where} (other flags: ${other}); ${a.expectedFlag} measures: ${brief(open[a.expectedFlag]?.get(i))}`);
    }
  });
}
