/**
 * Authenticity bench.
 *   npx tsx bench/authenticity.ts --rates [seeds=1,2,3,4,5]   flag rates on the planted population
 *   npx tsx bench/authenticity.ts --subtle [seed=1]          detection of gamers whose parameters
 *                                         straddle the thresholds, by archetype and intensity
 *   npx tsx bench/authenticity.ts --scale [interactions=10000000] [accounts=1000000]
 *                                         seconds and RSS of assessAuthenticity on a synthetic
 *                                         population built directly in typed arrays
 */
import { assessAuthenticity } from '../src/engine/authenticity/assess.js';
import { KIND, unknownAccountColumns, type Dataset } from '../src/engine/dataset.js';
import { buildPlantedWorld } from '../tools/sim/scenarios/planted-population.js';
import { DatasetBuilder, day } from '../tools/sim/dataset-builder.js';
import { HOUR, MINUTE, Rng, WINDOW, addPosts, engageOrganically, humanTimes, sample, type PostMeta } from '../tools/sim/scenarios/authenticity.js';

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
function synthesize(accounts: number, interactions: number): Dataset {
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
  const followers = Float64Array.from({ length: accounts }, () => Math.round(rng.lognormalMedian(200, 1.5)));
  const following = Float64Array.from({ length: accounts }, () => Math.round(rng.lognormalMedian(300, 1)));
  return {
    accounts: {
      ...unknownAccountColumns(accounts, 'generic'),
      handle: Array.from({ length: accounts }, (_, i) => `u${i}`),
      followers,
      following,
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


/**
 * Gamers at intensity x in [0, 1]: 0 is close to ordinary behaviour, 1 is blatant. Each
 * archetype is planted 10 times per intensity level into a crowd of lurkers.
 */
function subtle(seed: number): void {
  const levels = [0, 0.25, 0.5, 0.75, 1];
  const rng = new Rng(seed);
  const b = new DatasetBuilder();
  const crowd = Array.from({ length: 1500 }, (_, i) => b.account({ handle: `c${i}`, followers: 100, following: 150 }));
  const planted: { a: number; arch: string; x: number; code: string }[] = [];
  const lerp = (lo: number, hi: number, x: number) => lo + (hi - lo) * x;
  for (const x of levels) {
    for (let r = 0; r < 10; r++) {
      // follow-back: ratio 0.7 -> 1, engagers per follower 2% -> 0.1%
      const followers = Math.round(rng.lognormalMedian(4000, 0.6)) + 1000;
      const farm = b.account({ followers, following: Math.round(followers * lerp(0.7, 1, x) * rng.uniform(0.97, 1.03)) });
      const fp = addPosts(b, farm, humanTimes(rng, { perDay: 0.3 }));
      engageOrganically(b, rng, farm, fp, sample(rng, crowd, Math.max(1, Math.round(followers * lerp(0.02, 0.001, x)))), { perPost: 3 });
      planted.push({ a: farm, arch: 'follow-back', x, code: 'follow-back' });
      // bot: scheduled every 30-120 min with jitter 60% -> 5% of the interval
      const bot = b.account({});
      const every = rng.pick([30, 60, 120]) * MINUTE;
      const times: number[] = [];
      for (let t = day(30) + rng.uniform(0, every); t <= day(90); t += every) times.push(Math.round(t + rng.uniform(-1, 1) * lerp(0.6, 0.05, x) * every));
      addPosts(b, bot, times.filter((t) => t > day(0) && t <= day(90)).sort((p, q) => p - q));
      planted.push({ a: bot, arch: 'bot (jittered scheduler)', x, code: 'bot-cadence' });
      // random-timing bot: 2 -> 20 posts a day, round the clock
      const rbot = b.account({});
      const mean = 86_400_000 / lerp(2, 20, x);
      const rt: number[] = [];
      for (let t = day(0) + rng.exponential(mean); t <= day(90); t += rng.exponential(mean)) rt.push(Math.round(t));
      addPosts(b, rbot, rt);
      planted.push({ a: rbot, arch: 'bot (random timing)', x, code: 'bot-cadence' });
      // stuffer: 30% -> 90% of posts with 4-8 hashtags
      const st = b.account({});
      addPosts(b, st, humanTimes(rng, { perDay: 0.5 }), () => (rng.chance(lerp(0.3, 0.9, x)) ? { hashtags: rng.between(4, 8), words: rng.between(8, 20) } : { hashtags: rng.between(0, 2), words: rng.between(8, 25) }));
      planted.push({ a: st, arch: 'hashtag-stuffing', x, code: 'hashtag-stuffing' });
      // serial: 3 fans covering 40% -> 100% of posts, organic engagement 3 -> 0.3 per post
      const target = b.account({});
      const tp = addPosts(b, target, humanTimes(rng, { perDay: 0.5 }));
      for (let f = 0; f < 3; f++) {
        const fan = b.account({});
        for (const p of tp) if (rng.chance(lerp(0.4, 1, x))) b.interact(fan, target, 'like', { at: p.at + 10 * MINUTE, post: p.index });
      }
      engageOrganically(b, rng, target, tp, sample(rng, crowd, 80), { perPost: lerp(3, 0.3, x) });
      planted.push({ a: target, arch: 'serial-engager', x, code: 'serial-engager' });
      // churn: 150-600 follows, 20% -> 90% undone within a week
      const ch = b.account({ following: 800 });
      const follows = rng.between(150, 600);
      for (let i = 0; i < follows; i++) {
        const t = rng.pick(crowd);
        const at = day(rng.uniform(0, 85));
        b.interact(ch, t, 'follow', { at });
        if (rng.chance(lerp(0.2, 0.9, x))) b.interact(ch, t, 'unfollow', { at: at + rng.uniform(1, 7) * 86_400_000 });
      }
      planted.push({ a: ch, arch: 'churn', x, code: 'churn' });
    }
    // pods: 2 rings of 6 per level; coverage 50% -> 95%, latency up to 240 -> 30 minutes, outside engagement 3 -> 0.5 per post
    for (let r = 0; r < 2; r++) {
      const members = Array.from({ length: 6 }, () => b.account({}));
      const posts = new Map<number, PostMeta[]>(members.map((m) => [m, addPosts(b, m, humanTimes(rng, { perDay: 0.4, session: 1 }))]));
      for (const owner of members) {
        for (const p of posts.get(owner)!) {
          for (const m of members) if (m !== owner && rng.chance(lerp(0.5, 0.95, x))) b.interact(m, owner, 'like', { at: p.at + rng.uniform(2, lerp(240, 30, x)) * MINUTE, post: p.index });
        }
        engageOrganically(b, rng, owner, posts.get(owner)!, sample(rng, crowd, 60), { perPost: lerp(3, 0.5, x) });
        planted.push({ a: owner, arch: 'engagement-pod', x, code: 'engagement-pod' });
      }
    }
  }
  const as = assessAuthenticity(b.build(), WINDOW);
  const archs = [...new Set(planted.map((p) => p.arch))];
  console.log(`detection by the expected signal, by intensity (0 = near ordinary, 1 = blatant); seed ${seed}`);
  console.log(`${'archetype'.padEnd(26)}${levels.map((x) => `x=${x}`.padStart(8)).join('')}`);
  for (const arch of archs) {
    const row = levels.map((x) => {
      const ps = planted.filter((p) => p.arch === arch && p.x === x);
      const hit = ps.filter((p) => as.flags[p.a]!.some((f) => f.code === p.code)).length;
      return `${hit}/${ps.length}`.padStart(8);
    });
    console.log(`${arch.padEnd(26)}${row.join('')}`);
  }
  void HOUR;
}

function scale(interactions: number, accounts: number): void {
  const t0 = performance.now();
  const pop = synthesize(accounts, interactions);
  const t1 = performance.now();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const runs: number[] = [];
  const cpu: number[] = [];
  let flagged = 0;
  for (let r = 0; r < 3; r++) {
    const s = performance.now();
    const c = process.cpuUsage();
    const as = assessAuthenticity(pop, WINDOW);
    runs.push((performance.now() - s) / 1000);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e6);
    peak = Math.max(peak, process.memoryUsage().rss);
    flagged = as.flags.filter((f) => f.length > 0).length;
  }
  clearInterval(timer);
  const mb = (b: number) => (b / 1048576).toFixed(0);
  console.log(`synthetic: ${accounts} accounts, ${pop.posts.n} posts, ${interactions} interactions (built in ${((t1 - t0) / 1000).toFixed(1)} s)`);
  console.log(`assessAuthenticity: wall ${runs.map((s) => s.toFixed(2)).join(' s, ')} s; cpu ${cpu.map((s) => s.toFixed(2)).join(' s, ')} s (3 runs; cpu includes GC threads); RSS ${mb(rssBefore)} MB before, peak ${mb(peak)} MB; ${flagged} accounts flagged`);
}

const args = process.argv.slice(2);
if (args[0] === '--rates') rates((args[1] ?? '1,2,3,4,5').split(',').map(Number));
else if (args[0] === '--subtle') subtle(Number(args[1] ?? 1));
else scale(Number(args[1] ?? 10_000_000), Number(args[2] ?? 1_000_000));
