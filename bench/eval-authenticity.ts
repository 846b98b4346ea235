/**
 * Authenticity on the simulator's populations with planted gaming (issue 6 "must show"):
 * share of planted farms, bots, pods, stuffers, serial-engaged targets and churners flagged,
 * share of ordinary accounts flagged by persona (hard negatives included: prolific posters,
 * tight communities), and the highest cap of a flagged gamer.
 *
 *   npx tsx bench/eval-authenticity.ts [--preset eval|sample] [--seeds 1,2,3] [--accounts N]
 *
 * Without --seeds the preset's own seed is used (for `sample`: the bundled fixtures/sample).
 *
 * What counts as "planted": every archetype with an expected flag. The `serial-engager`
 * archetype is NOT counted: in the simulator it is the bought fan who likes everything of
 * one target; the `serial-engager` signal flags the target ('serial-engaged'), whose score
 * the fans inflate. The fans are not gaming their own score; they are listed apart, with
 * any flag they get and whether any ordinary account they engage got flagged.
 */
import { assessAuthenticity } from '../src/engine/authenticity/assess.js';
import { computeTruth, generateWorld, PRESETS, resolveConfig, toDataset, type PresetName } from '../tools/sim/index.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const preset = (arg('preset') ?? 'eval') as PresetName;
const seeds = (arg('seeds') ?? String(PRESETS[preset].seed)).split(',').map(Number);
const accounts = arg('accounts') ? Number(arg('accounts')) : undefined;

/** The issue's headline set: follow-back farms, bots and pods. */
const HEADLINE = new Set(['follow-back-farm', 'bot', 'engagement-pod']);
const pct = (a: number, b: number, digits = 1) => (b ? ((100 * a) / b).toFixed(digits) : '-');

interface Tally {
  n: number;
  flagged: number;
}
const add = (m: Map<string, Tally>, k: string, flagged: boolean) => {
  const t = m.get(k) ?? { n: 0, flagged: 0 };
  t.n++;
  if (flagged) t.flagged++;
  m.set(k, t);
};

const total = { headline: { n: 0, flagged: 0 }, planted: { n: 0, flagged: 0 }, ordinary: { n: 0, flagged: 0 }, maxCap: 0 };
const totalByPersona = new Map<string, Tally>();
for (const seed of seeds) {
  const t0 = performance.now();
  const world = generateWorld(resolveConfig(preset, { seed, ...(accounts ? { accounts } : {}) }));
  const truth = computeTruth(world);
  const pop = toDataset(world);
  const t1 = performance.now();
  const assessment = assessAuthenticity(pop, { asOf: world.asOf, windowDays: 90 });
  const t2 = performance.now();
  const byArchetype = new Map<string, { n: number; flagged: number; expected: number; maxCap: number }>();
  const ordinaryByPersona = new Map<string, Tally>();
  const falsePositives = new Map<string, number>();
  const fanFlags = new Map<string, number>();
  const fans = new Set<number>();
  truth.accounts.forEach((a, i) => {
    const flags = assessment.flags[i]!;
    const row = byArchetype.get(a.archetype) ?? { n: 0, flagged: 0, expected: 0, maxCap: 0 };
    row.n++;
    if (flags.length) row.flagged++;
    if (a.expectedFlag && flags.some((f) => f.code === a.expectedFlag)) row.expected++;
    if (flags.length) row.maxCap = Math.max(row.maxCap, assessment.cap[i]!);
    byArchetype.set(a.archetype, row);
    if (a.archetype === 'ordinary') {
      add(ordinaryByPersona, a.persona, flags.length > 0);
      add(totalByPersona, a.persona, flags.length > 0);
      total.ordinary.n++;
      if (flags.length) {
        total.ordinary.flagged++;
        for (const f of flags) falsePositives.set(`${a.persona}:${f.code}`, (falsePositives.get(`${a.persona}:${f.code}`) ?? 0) + 1);
      }
    } else if (a.archetype === 'serial-engager') {
      fans.add(i);
      for (const f of flags) fanFlags.set(f.code, (fanFlags.get(f.code) ?? 0) + 1);
    } else {
      total.planted.n++;
      if (flags.length) total.planted.flagged++;
      if (HEADLINE.has(a.archetype)) {
        total.headline.n++;
        if (flags.length) {
          total.headline.flagged++;
          total.maxCap = Math.max(total.maxCap, assessment.cap[i]!);
        }
      }
    }
  });
  // ordinary accounts a fan engaged that were flagged (would the fans cause false positives?)
  const fanTouched = new Set<number>();
  const I = pop.interactions;
  for (let e = 0; e < I.n; e++) {
    const t = I.target[e]!;
    if (fans.has(I.actor[e]!) && t >= 0 && truth.accounts[t]!.archetype === 'ordinary' && assessment.flags[t]!.length) fanTouched.add(t);
  }

  console.log(`seed ${seed} (${preset}: ${truth.accounts.length} accounts, ${pop.interactions.n} interactions; world ${((t1 - t0) / 1000).toFixed(1)} s, assess ${((t2 - t1) / 1000).toFixed(2)} s)`);
  for (const [k, r] of [...byArchetype].sort()) {
    const note = k === 'serial-engager' ? '  (bought fans: not counted as planted)' : '';
    console.log(`  ${k.padEnd(18)} ${String(r.n).padStart(6)}  flagged ${String(r.flagged).padStart(5)} (${pct(r.flagged, r.n)}%)  by expected signal ${r.expected}  max cap ${r.maxCap.toFixed(1)}${note}`);
  }
  console.log(`  ordinary by persona: ${[...ordinaryByPersona].sort().map(([p, t]) => `${p} ${t.flagged}/${t.n}`).join(', ')}`);
  if (falsePositives.size) console.log(`  ordinary flagged by persona:signal: ${[...falsePositives].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  fans flagged: ${[...fanFlags].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}; flagged ordinary accounts a fan engaged: ${fanTouched.size}`);
}
console.log(
  `farms+bots+pods flagged: ${total.headline.flagged}/${total.headline.n} (${pct(total.headline.flagged, total.headline.n)}%, target >= 90%), highest cap of a flagged one ${total.maxCap.toFixed(1)} (< 70)`,
);
console.log(`all planted with an expected flag (fans excluded): ${total.planted.flagged}/${total.planted.n} (${pct(total.planted.flagged, total.planted.n)}%)`);
console.log(`ordinary flagged: ${total.ordinary.flagged}/${total.ordinary.n} (${pct(total.ordinary.flagged, total.ordinary.n, 2)}%, target <= 3%)`);
console.log(`  by persona: ${[...totalByPersona].sort().map(([p, t]) => `${p} ${t.flagged}/${t.n} (${pct(t.flagged, t.n, 2)}%)`).join(', ')}`);
