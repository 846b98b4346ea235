/**
 * Authenticity on the simulator's populations with planted gaming (issue 6 "must show"):
 * share of planted farms, bots, pods, stuffers, serial engagers and churners flagged,
 * share of ordinary accounts flagged (hard negatives included), and the highest cap.
 *
 *   npx tsx bench/eval-authenticity.ts [--preset eval|sample] [--seeds 1,2,3]
 */
import { assessAuthenticity } from '../src/engine/authenticity/index.js';
import { computeTruth, generateWorld, resolveConfig, toPopulation, type PresetName } from '../src/sim/index.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const preset = arg('preset', 'eval') as PresetName;
const seeds = arg('seeds', '1').split(',').map(Number);

let plantedTotal = 0;
let plantedFlagged = 0;
let ordinaryTotal = 0;
let ordinaryFlagged = 0;
for (const seed of seeds) {
  const world = generateWorld(resolveConfig(preset, { seed }));
  const truth = computeTruth(world);
  const pop = toPopulation(world);
  const assessment = assessAuthenticity(pop, { asOf: world.asOf, windowDays: 90 });
  const byArchetype = new Map<string, { n: number; flagged: number; expected: number; maxCap: number }>();
  const falsePositives = new Map<string, number>();
  truth.accounts.forEach((a, i) => {
    const flags = assessment.flags[i]!;
    const row = byArchetype.get(a.archetype) ?? { n: 0, flagged: 0, expected: 0, maxCap: 0 };
    row.n++;
    if (flags.length) row.flagged++;
    if (a.expectedFlag && flags.some((f) => f.code === a.expectedFlag)) row.expected++;
    if (flags.length) row.maxCap = Math.max(row.maxCap, assessment.cap[i]!);
    byArchetype.set(a.archetype, row);
    // "serial-engaged" accounts are the targets of serial engagers: flagged accounts there are right, not gaming
    if (a.archetype === 'ordinary') {
      ordinaryTotal++;
      if (flags.length) {
        ordinaryFlagged++;
        for (const f of flags) falsePositives.set(`${a.persona}:${f.code}`, (falsePositives.get(`${a.persona}:${f.code}`) ?? 0) + 1);
      }
    } else if (a.archetype !== 'serial-engaged') {
      plantedTotal++;
      if (flags.length) plantedFlagged++;
    }
  });
  console.log(`seed ${seed} (${preset}: ${truth.accounts.length} accounts)`);
  for (const [k, r] of [...byArchetype].sort()) {
    console.log(`  ${k.padEnd(18)} ${String(r.n).padStart(6)}  flagged ${String(r.flagged).padStart(5)} (${((100 * r.flagged) / r.n).toFixed(1)}%)  by expected signal ${r.expected}  max cap ${r.maxCap.toFixed(1)}`);
  }
  if (falsePositives.size) console.log(`  ordinary flagged by persona:signal: ${[...falsePositives].map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
console.log(
  `planted flagged: ${plantedFlagged}/${plantedTotal} (${((100 * plantedFlagged) / plantedTotal).toFixed(1)}%, target >= 90%); ordinary flagged: ${ordinaryFlagged}/${ordinaryTotal} (${((100 * ordinaryFlagged) / ordinaryTotal).toFixed(2)}%, target <= 3%)`,
);
