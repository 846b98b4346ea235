/**
 * Authenticity bench.
 *   npx tsx bench/authenticity.ts --rates [seeds=1,2,3,4,5]   flag rates on the planted population
 *   npx tsx bench/authenticity.ts --scale [interactions=10000000] [accounts=1000000]
 *                                         seconds and RSS of assessAuthenticity on a synthetic
 *                                         population built directly in typed arrays
 */
import { assessAuthenticity } from '../src/engine/authenticity/index.js';
import { KIND, type Population } from '../src/engine/population.js';
import { buildPlantedWorld } from '../test/engine/authenticity/population-world.js';
import { Rng, WINDOW } from '../test/engine/authenticity/world.js';

const DAY = 86_400_000;

function rates(seeds: number[]): void {
  let tp = 0;
  let planted = 0;
  let fp = 0;
  let ordinary = 0;
  for (const seed of seeds) {
    const w = buildPlantedWorld(seed);
    const as = assessAuthenticity(w.pop, WINDOW);
    const flaggedPlanted = [...w.planted.keys()].filter((a) => as.flags[a]!.length > 0).length;
    const flaggedOrdinary = w.ordinary.filter((a) => as.flags[a]!.length > 0);
    const fpKinds = flaggedOrdinary.map((a) => `${w.ordinaryKind.get(a)}:${as.flags[a]!.map((f) => f.code).join('+')}`);
    const maxCap = Math.max(...[...w.planted.keys()].filter((a) => as.flags[a]!.length > 0).map((a) => as.cap[a]!));
    console.log(
      `seed ${seed}: ${w.pop.accounts.n} accounts, ${w.pop.posts.n} posts, ${w.pop.interactions.n} interactions | planted flagged ${flaggedPlanted}/${w.planted.size} | ordinary flagged ${flaggedOrdinary.length}/${w.ordinary.length}${fpKinds.length ? ` (${fpKinds.join(', ')})` : ''} | highest cap of a flagged gamer ${maxCap}`,
    );
    tp += flaggedPlanted;
    planted += w.planted.size;
    fp += flaggedOrdinary.length;
    ordinary += w.ordinary.length;
  }
  console.log(`total: planted ${((100 * tp) / planted).toFixed(1)}% flagged (${tp}/${planted}); ordinary ${((100 * fp) / ordinary).toFixed(2)}% flagged (${fp}/${ordinary})`);
}

/** A synthetic population: skewed authorship and attention, every event aimed at a real post. */
function synthesize(accounts: number, interactions: number): Population {
  const rng = new Rng(12345);
  const postsN = Math.round(interactions / 5);
  const asOf = WINDOW.asOf;
  const author = new Int32Array(postsN);
  const postAt = new Float64Array(postsN);
  for (let p = 0; p < postsN; p++) {
    author[p] = Math.floor(accounts * rng.next() ** 3);
    postAt[p] = asOf - rng.next() * 90 * DAY;
  }
  const actor = new Int32Array(interactions);
  const target = new Int32Array(interactions);
  const kind = new Uint8Array(interactions);
  const at = new Float64Array(interactions);
  const targetPost = new Int32Array(interactions);
  for (let e = 0; e < interactions; e++) {
    actor[e] = Math.floor(accounts * rng.next());
    if (rng.next() < 0.02) {
      target[e] = Math.floor(accounts * rng.next());
      kind[e] = rng.next() < 0.7 ? KIND.follow : KIND.unfollow;
      at[e] = asOf - rng.next() * 90 * DAY;
      targetPost[e] = -1;
      continue;
    }
    const p = Math.floor(postsN * rng.next() ** 2);
    target[e] = author[p]!;
    targetPost[e] = p;
    kind[e] = Math.floor(rng.next() * 5);
    at[e] = Math.min(asOf, postAt[p]! + rng.exponential(3 * 3_600_000));
  }
  const nan = () => new Float64Array(accounts).fill(NaN);
  const followers = Float64Array.from({ length: accounts }, () => Math.round(rng.lognormal(200, 1.5)));
  const following = Float64Array.from({ length: accounts }, () => Math.round(rng.lognormal(300, 1)));
  return {
    accounts: {
      n: accounts,
      dbId: Int32Array.from({ length: accounts }, (_, i) => i + 1),
      network: Array.from({ length: accounts }, () => 'generic'),
      handle: Array.from({ length: accounts }, (_, i) => `u${i}`),
      externalId: Array.from({ length: accounts }, () => null),
      bio: Array.from({ length: accounts }, () => null),
      followers,
      following,
      listed: nan(),
      postsDeclared: nan(),
      verified: nan(),
      createdAt: nan(),
      mentionsReceived: nan(),
      resharesReceived: nan(),
      repliesReceived: nan(),
      likesReceived: nan(),
      mentionsSent: nan(),
      resharesSent: nan(),
      aggregateWindowDays: nan(),
    },
    posts: {
      n: postsN,
      author,
      createdAt: postAt,
      kind: new Uint8Array(postsN),
      hashtags: Uint16Array.from({ length: postsN }, () => rng.poisson(0.5)),
      words: Uint16Array.from({ length: postsN }, () => 5 + Math.floor(rng.next() * 30)),
      likes: new Float64Array(postsN).fill(NaN),
      reshares: new Float64Array(postsN).fill(NaN),
      replies: new Float64Array(postsN).fill(NaN),
    },
    interactions: { n: interactions, actor, target, kind, createdAt: at, targetPost },
    follows: { n: 0, follower: new Int32Array(0), followee: new Int32Array(0), createdAt: new Float64Array(0) },
  };
}

function scale(interactions: number, accounts: number): void {
  const t0 = performance.now();
  const pop = synthesize(accounts, interactions);
  const t1 = performance.now();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const runs: number[] = [];
  let flagged = 0;
  for (let r = 0; r < 3; r++) {
    const s = performance.now();
    const as = assessAuthenticity(pop, WINDOW);
    runs.push((performance.now() - s) / 1000);
    peak = Math.max(peak, process.memoryUsage().rss);
    flagged = as.flags.filter((f) => f.length > 0).length;
  }
  clearInterval(timer);
  const mb = (b: number) => (b / 1048576).toFixed(0);
  console.log(`synthetic: ${accounts} accounts, ${pop.posts.n} posts, ${interactions} interactions (built in ${((t1 - t0) / 1000).toFixed(1)} s)`);
  console.log(`assessAuthenticity: ${runs.map((s) => s.toFixed(2)).join(' s, ')} s (3 runs); RSS ${mb(rssBefore)} MB before, peak ${mb(peak)} MB; ${flagged} accounts flagged`);
}

const args = process.argv.slice(2);
if (args[0] === '--rates') rates((args[1] ?? '1,2,3,4,5').split(',').map(Number));
else scale(Number(args[1] ?? 10_000_000), Number(args[2] ?? 1_000_000));
