/**
 * A standalone interactions table for import benchmarks (`bench:import`): exactly `rows`
 * rows of `actor,target,kind,created_at,post_id` over `accounts` accounts, deterministic,
 * streamed in ~1 MB chunks. No world behind it: actors are drawn by a lognormal activity,
 * targets by a Pareto popularity (alpha 1.2), kinds by the usual mix (like 70%, reshare
 * 13%, reply 11%, quote 3%, mention 3%), times over 180 days in time order with a daily
 * rhythm. Every row is a distinct event (no two rows collapse on import): a like names the
 * liked post (one of the target's 64 posts, never liked twice by the same actor); other
 * kinds name the actor's own new post.
 */
import { DIURNAL } from './activity.js';
import { isoSeconds } from './generic-rows.js';
import { makeNames } from './names.js';
import { AliasTable, Rng } from './random.js';

/** Size and seed of the import-benchmark table. */
export interface ImportBenchOptions {
  rows: number;
  accounts: number;
  seed?: number;
  /** epoch ms of the last event (default 2026-03-01) */
  asOf?: number;
  days?: number;
}

const KINDS = ['like', 'reshare', 'reply', 'quote', 'mention'] as const;
const MIX = [0.7, 0.13, 0.11, 0.03, 0.03];
const POSTS_PER_TARGET = 64;

/** The header and rows of the benchmark interactions table, in chunks. */
export function* importBenchChunks(opts: ImportBenchOptions): Generator<string> {
  const { rows, accounts: n } = opts;
  if (!(Number.isInteger(rows) && rows >= 0)) throw new Error(`rows must be a whole number (got ${rows})`);
  if (!(Number.isInteger(n) && n >= 2)) throw new Error(`accounts must be a whole number >= 2 (got ${n})`);
  const seed = opts.seed ?? 1;
  const asOf = opts.asOf ?? Date.UTC(2026, 2, 1);
  const days = opts.days ?? 180;
  const r = new Rng(seed, 'import-bench');
  const handles = makeNames(r.fork('names'), new Uint8Array(n).fill(1), new Uint8Array(n), () => -1).handle;
  const activity = new Float64Array(n);
  const popularity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    activity[i] = r.lognormal(0, 1.2);
    popularity[i] = Math.min(1e6, r.pareto(1, 1.2));
  }
  const actors = new AliasTable(activity);
  const targets = new AliasTable(popularity);
  const kinds = new AliasTable(MIX);
  const hours = new AliasTable(DIURNAL);

  const t0 = Math.floor((asOf - days * 86_400_000) / 1000);
  const times = new Float64Array(rows);
  for (let k = 0; k < rows; k++) times[k] = t0 + r.int(days) * 86400 + hours.sample(r) * 3600 + r.int(3600);
  times.sort();

  const liked = new Set<number>();
  let out: string[] = [`actor,target,kind,created_at,post_id\n`];
  let size = 0;
  for (let k = 0; k < rows; k++) {
    const kind = kinds.sample(r);
    let actor = actors.sample(r);
    let target = targets.sample(r);
    let postId: string;
    for (;;) {
      if (actor !== target) {
        if (kind !== 0) break;
        const post = target * POSTS_PER_TARGET + r.int(POSTS_PER_TARGET);
        const key = actor * (n * POSTS_PER_TARGET) + post;
        if (!liked.has(key)) {
          liked.add(key);
          postId = `1${String(post).padStart(18, '0')}`;
          break;
        }
      }
      actor = actors.sample(r);
      target = targets.sample(r);
    }
    if (kind !== 0) postId = `2${String(k).padStart(18, '0')}`;
    const row = `${handles[actor]},${handles[target]},${KINDS[kind]},${isoSeconds(times[k]! * 1000)},${postId!}\n`;
    out.push(row);
    size += row.length;
    if (size >= 1 << 20) {
      yield out.join('');
      out = [];
      size = 0;
    }
  }
  yield out.join('');
}
