/**
 * A deterministic synthetic database for benchmarks (not a realistic world: the sim does
 * that): `accounts` accounts with heavy-tailed followers and popularity, ~`interactions/8`
 * posts, and `interactions` engagement events over the last 90 days, most pointing at a
 * post of their target. Written with plain inserts; the posts indexes are dropped during
 * the load and rebuilt after (same definitions as the schema), and interactions are
 * inserted in primary-key order, which is much faster for bulk data.
 *
 *   npx tsx bench/gen-db.ts OUT.db ACCOUNTS INTERACTIONS
 */
import fs from 'node:fs';
import { openDb } from '../src/store/open.js';
import { MIGRATIONS } from '../src/store/schema.js';
import { Rng } from '../tools/sim/random.js';

const DAY = 86_400_000;
export const BENCH_AS_OF = Date.UTC(2026, 0, 1);

/** Writes the benchmark database. */
export function generateBenchDb(file: string, accounts: number, interactions: number): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDb(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const saved = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'posts' AND sql IS NOT NULL").pluck().all() as string[];
  for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'posts' AND sql IS NOT NULL").pluck().all() as string[]) {
    db.exec(`DROP INDEX ${name}`);
  }
  const stream = new Rng(20260101);
  const rand = (): number => stream.next();
  // popularity ~ Pareto: a few accounts attract most engagement
  const popularity = new Float64Array(accounts);
  let total = 0;
  for (let i = 0; i < accounts; i++) {
    popularity[i] = 1 / Math.pow(1 - rand() * 0.999999, 0.9);
    total += popularity[i]!;
  }
  const cumulative = new Float64Array(accounts);
  let c = 0;
  for (let i = 0; i < accounts; i++) cumulative[i] = c += popularity[i]! / total;
  const pickPopular = (): number => {
    const u = rand();
    let lo = 0;
    let hi = accounts - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const posts = new Int32Array(accounts);
  const postShare = new Float64Array(accounts);
  const insertAccount = db.prepare('INSERT INTO accounts (id, network, handle, handle_key, followers, following, listed, posts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertPost = db.prepare("INSERT INTO posts (network, external_id, author_id, created_at, kind, hashtags, words) VALUES ('twitter', ?, ?, ?, 'original', ?, ?)");
  // target_post_id as the importer writes it (store/target-posts.ts): the post's row id, posts being numbered 1.. in insert order
  const insertEvent = db.prepare('INSERT INTO interactions (actor_id, target_id, kind, created_at, target_post, target_post_id, event_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const kinds = ['like', 'like', 'like', 'like', 'like', 'reshare', 'reshare', 'reply', 'reply', 'mention', 'quote'];
  db.transaction(() => {
    for (let i = 0; i < accounts; i++) {
      const followers = Math.round(popularity[i]! * 20 * (0.5 + rand()));
      postShare[i] = popularity[i]! * (0.2 + rand());
      insertAccount.run(i + 1, 'twitter', `u${i}`, `u${i}`, followers, Math.round(50 + rand() * 400), rand() < 0.5 ? Math.floor(followers / 50) : null, null);
    }
    // about interactions / 8 posts, shared by popularity (at most 200 each)
    const shareTotal = postShare.reduce((a, b) => a + b, 0);
    for (let i = 0; i < accounts; i++) posts[i] = Math.min(200, Math.floor((postShare[i]! / shareTotal) * (interactions / 8) + rand()));
    let p = 0;
    const firstPost = new Int32Array(accounts); // row id of each account's first post
    for (let i = 0; i < accounts; i++) {
      firstPost[i] = p + 1;
      for (let k = 0; k < posts[i]!; k++, p++) insertPost.run(`p${i}_${k}`, i + 1, BENCH_AS_OF - Math.floor(rand() * 90 * DAY), Math.floor(rand() * 3), 5 + Math.floor(rand() * 20));
    }
    // events by actor (uniform over accounts), written in primary-key order (actor, kind,
    // event_key): the interactions table is WITHOUT ROWID and loads fastest sorted
    const perActor = new Int32Array(accounts);
    for (let e = 0; e < interactions; e++) perActor[Math.floor(rand() * accounts)]!++;
    let serial = 0;
    for (let actor = 0; actor < accounts; actor++) {
      const events: { kind: string; key: string; target: number; post: string | null; postId: number | null; at: number }[] = [];
      for (let k = 0; k < perActor[actor]!; k++) {
        let target = pickPopular();
        if (target === actor) target = (target + 1) % accounts;
        const kind = kinds[Math.floor(rand() * kinds.length)]!;
        const k = posts[target]! > 0 && kind !== 'mention' ? Math.floor(rand() * posts[target]!) : -1;
        const post = k >= 0 ? `p${target}_${k}` : null;
        events.push({ kind, key: `e${String(serial++).padStart(9, '0')}`, target: target + 1, post, postId: k >= 0 ? firstPost[target]! + k : null, at: BENCH_AS_OF - Math.floor(rand() * 90 * DAY) });
      }
      events.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.key < b.key ? -1 : 1));
      for (const ev of events) insertEvent.run(actor + 1, ev.target, ev.kind, ev.at, ev.post, ev.postId, ev.key);
    }
  })();
  for (const sql of saved) db.exec(sql);
  db.exec('ANALYZE');
  db.close();
}

if (process.argv[1]?.endsWith('gen-db.ts')) {
  const [file, a, i] = process.argv.slice(2);
  if (!file || !a || !i) throw new Error('usage: npx tsx bench/gen-db.ts OUT.db ACCOUNTS INTERACTIONS');
  const t0 = performance.now();
  generateBenchDb(file, Number(a), Number(i));
  console.log(`${file}: ${a} accounts, ${i} interactions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Whether a cached bench database exists and has the current schema (else it is generated again). */
export function isCurrentBenchDb(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = openDb(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) === MIGRATIONS.length;
  } finally {
    db.close();
  }
}
