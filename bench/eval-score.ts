/**
 * The score against ground truth on the simulator's eval world (issue 3 "must show"):
 * - rank correlation (Spearman) of the score with the genuine engagement each account
 *   actually receives in the NEXT 90 days (which the engine never sees), against the same
 *   correlation for follower count alone;
 * - calibration: score percentiles of active accounts (median near 40, 63+ about the top
 *   5%, 70+ rarer), and the highest score of any planted gaming account.
 *
 *   npx tsx bench/eval-score.ts [--preset eval] [--seeds 1,2] [--model models/model-v1.json]
 */
import path from 'node:path';
import { assessAuthenticity } from '../src/engine/authenticity/assess.js';
import { spearman } from '../src/engine/metrics.js';
import { scoreAccounts } from '../src/engine/score.js';
import { readModelFile } from '../src/inputs/model-file.js';
import { computeTruth, generateWorld, resolveConfig, toDataset, type PresetName } from '../tools/sim/index.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const preset = arg('preset', 'eval') as PresetName;
const seeds = arg('seeds', '1').split(',').map(Number);
const modelFile = process.argv.includes('--model') ? arg('model', '') : undefined;
const { model } = readModelFile(modelFile !== undefined ? path.resolve(modelFile) : undefined);

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

for (const seed of seeds) {
  const world = generateWorld(resolveConfig(preset, { seed }));
  const truth = computeTruth(world);
  const pop = toDataset(world);
  const window = { asOf: world.asOf, windowDays: 90 };
  const started = Date.now();
  const assessment = assessAuthenticity(pop, window);
  const table = scoreAccounts(pop, { window, model, assessment });
  const seconds = (Date.now() - started) / 1000;

  // Evaluation population: ordinary accounts that posted in the past window (an account
  // that never posts has no engagement to predict).
  const idx = truth.accounts.flatMap((a, i) => (a.archetype === 'ordinary' && a.past.posts > 0 ? [i] : []));
  const future = idx.map((i) => truth.accounts[i]!.future.genuineReactions);
  const futureEngagers = idx.map((i) => truth.accounts[i]!.future.genuineEngagers);
  const score = idx.map((i) => table.score[i]!);
  const followers = idx.map((i) => pop.accounts.followers[i]!);
  const active = idx.map((i) => table.score[i]!).sort((a, b) => a - b);
  const planted = truth.accounts.flatMap((a, i) => (a.archetype !== 'ordinary' && a.archetype !== 'serial-engaged' && a.archetype !== 'serial-engager' ? [table.score[i]!] : []));
  const all = Array.from(table.score).sort((a, b) => a - b);
  console.log(`seed ${seed}, ${preset}: ${pop.accounts.n} accounts, ${pop.interactions.n} interactions; authenticity + scoring ${seconds.toFixed(1)} s`);
  console.log(`  evaluation population: ${idx.length} active ordinary accounts`);
  console.log(`  Spearman(score, future genuine reactions)  = ${spearman(score, future).toFixed(3)}   (target >= 0.85)`);
  console.log(`  Spearman(score, future genuine engagers)   = ${spearman(score, futureEngagers).toFixed(3)}`);
  console.log(`  Spearman(followers, future reactions)      = ${spearman(followers, future).toFixed(3)}   (baseline)`);
  console.log(
    `  calibration, active accounts: median ${pct(active, 0.5).toFixed(1)} (target ~40), p95 ${pct(active, 0.95).toFixed(1)} (target ~63), share >= 63 ${((100 * active.filter((s) => s >= 63).length) / active.length).toFixed(1)}%, share >= 70 ${((100 * active.filter((s) => s >= 70).length) / active.length).toFixed(2)}%`,
  );
  console.log(`  calibration, all accounts: median ${pct(all, 0.5).toFixed(1)}, p95 ${pct(all, 0.95).toFixed(1)}, max ${all[all.length - 1]!.toFixed(1)}`);
  console.log(`  planted gaming accounts: ${planted.length}, max score ${Math.max(...planted).toFixed(1)}, at 70+: ${planted.filter((s) => s >= 70).length}`);
}
