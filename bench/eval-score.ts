/**
 * The score against a simulated world's ground truth (src/sim): rank correlation with the
 * engagement each account actually received in the window after as-of, next to follower
 * count's, and the calibration (median active account, share at 63+ and 70+), and the best
 * score of a planted gaming account.
 *
 *   npx tsx bench/generate.ts --preset eval --out /tmp/sim-eval --truth      (sim branch; seed 7)
 *   influence import /tmp/sim-eval/{accounts,posts,interactions,follows}.csv --db /tmp/sim-eval/eval.db
 *   npx tsx bench/eval-score.ts --db /tmp/sim-eval/eval.db --truth /tmp/sim-eval/truth.json [--model FILE]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessAuthenticity } from '../src/engine/authenticity/index.js';
import { validateModel } from '../src/engine/model.js';
import { scoreAccounts } from '../src/engine/score.js';
import { openDb } from '../src/store/open.js';
import { readLatestActivity, readPopulation } from '../src/store/read-population.js';

interface TruthAccount {
  handle: string;
  archetype: string;
  future: { reactions: number; genuineReactions: number };
  past: { posts: number };
}

/** Spearman's rho: Pearson correlation of average ranks. */
function spearman(x: number[], y: number[]): number {
  const rank = (v: number[]): Float64Array => {
    const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]! || a - b);
    const r = new Float64Array(v.length);
    for (let s = 0; s < order.length; ) {
      let e = s;
      while (e + 1 < order.length && v[order[e + 1]!] === v[order[s]!]) e++;
      for (let k = s; k <= e; k++) r[order[k]!] = (s + e) / 2;
      s = e + 1;
    }
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const dbFile = opt('db');
  const truthFile = opt('truth');
  if (!dbFile || !truthFile) throw new Error('usage: npx tsx bench/eval-score.ts --db DB --truth truth.json [--model FILE]');
  const modelFile = opt('model') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'models', 'model-v1.json');
  const model = validateModel(JSON.parse(fs.readFileSync(modelFile, 'utf8')));
  const truth = new Map((JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { accounts: TruthAccount[] }).accounts.map((a) => [a.handle.toLowerCase(), a]));
  const db = openDb(dbFile, { readonly: true });
  const pop = readPopulation(db, { bios: false });
  const window = { asOf: readLatestActivity(db)!, windowDays: 90 };
  db.close();
  const table = scoreAccounts(pop, { window, model, assessment: assessAuthenticity(pop, window) });
  const rows: { score: number; followers: number; future: number; genuine: number; archetype: string; active: boolean }[] = [];
  for (let i = 0; i < pop.accounts.n; i++) {
    const t = truth.get(pop.accounts.handle[i]!.toLowerCase());
    if (!t) continue;
    rows.push({
      score: Math.round(table.score[i]! * 10) / 10,
      followers: Number.isNaN(pop.accounts.followers[i]!) ? -1 : pop.accounts.followers[i]!,
      future: t.future.reactions,
      genuine: t.future.genuineReactions,
      archetype: t.archetype,
      active: t.past.posts > 0,
    });
  }
  const corr = (subset: typeof rows) => ({
    accounts: subset.length,
    scoreVsFuture: r3(spearman(subset.map((r) => r.score), subset.map((r) => r.future))),
    followersVsFuture: r3(spearman(subset.map((r) => r.followers), subset.map((r) => r.future))),
    scoreVsGenuineFuture: r3(spearman(subset.map((r) => r.score), subset.map((r) => r.genuine))),
    followersVsGenuineFuture: r3(spearman(subset.map((r) => r.followers), subset.map((r) => r.genuine))),
  });
  const ordinary = rows.filter((r) => r.archetype === 'ordinary');
  const active = ordinary.filter((r) => r.active).map((r) => r.score).sort((a, b) => a - b);
  const planted = rows.filter((r) => r.archetype !== 'ordinary');
  const report = {
    model: model.version,
    asOf: new Date(window.asOf).toISOString(),
    all: corr(rows),
    ordinary: corr(ordinary),
    calibration: {
      activeOrdinaryAccounts: active.length,
      median: quantile(active, 0.5),
      p95: quantile(active, 0.95),
      shareAtLeast63: r3(active.filter((s) => s >= 63).length / active.length),
      shareAtLeast70: r3(active.filter((s) => s >= 70).length / active.length),
    },
    planted: { accounts: planted.length, maxScore: Math.max(...planted.map((r) => r.score)), atLeast70: planted.filter((r) => r.score >= 70).length },
  };
  console.log(JSON.stringify(report, null, 2));
}

main();
