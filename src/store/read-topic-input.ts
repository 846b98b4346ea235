/**
 * Reads what the topic model needs from the store: accounts with bios, and the posts up to
 * as-of streamed in id order (those before the window without their text, only counted), each with the engagement other accounts aimed at it
 * (interactions whose target_post is the post's external id, same network, author excluded,
 * at or before as-of). Engagement is aggregated by SQL in one pass over interactions, using
 * the posts(network, external_id) index; posts are then read through a cursor.
 */
import type { Db } from './open.js';
import type { ScoringWindow } from '../engine/window.js';
import type { TopicAccount, TopicInput, TopicPost } from '../engine/topics/expertise.js';
import type { PostKind } from '../engine/dataset.js';

/** TopicInput plus the database ids, to write results back and look accounts up. */
export interface StoredTopicInput extends TopicInput {
  /** per account index: accounts.id */
  dbIds: number[];
  externalIds: (string | null)[];
}

interface AccountRow {
  id: number;
  network: string;
  handle: string | null;
  external_id: string | null;
  bio: string | null;
}

interface EngagementRow {
  pid: number;
  actors: string;
  replies: number;
  reshares: number;
  quotes: number;
  likes: number;
}

interface PostRow {
  id: number;
  external_id: string;
  author_id: number;
  created_at: number;
  kind: string;
  text: string | null;
  lang: string | null;
  hashtags: number;
  likes: number | null;
  reshares: number | null;
  replies: number | null;
}

const DAY = 86_400_000;

/** Accounts, per-post engagement and a lazy stream of the window's posts. */
export function readTopicInput(db: Db, window: ScoringWindow): StoredTopicInput {
  const rows = db.prepare('SELECT id, network, handle, external_id, bio FROM accounts ORDER BY id').all() as AccountRow[];
  const indexOf = new Map<number, number>();
  const accounts: TopicAccount[] = rows.map((r, i) => {
    indexOf.set(r.id, i);
    return { handle: r.handle ?? '', network: r.network, bio: r.bio };
  });
  const params = { from: window.asOf - window.windowDays * DAY, asOf: window.asOf };
  const engagement = new Map<number, EngagementRow>();
  const engaged = db.prepare(
    `SELECT p.id AS pid, group_concat(DISTINCT i.actor_id) AS actors,
            sum(i.kind = 'reply') AS replies, sum(i.kind = 'reshare') AS reshares,
            sum(i.kind = 'quote') AS quotes, sum(i.kind = 'like') AS likes
       FROM interactions i
       JOIN accounts a ON a.id = i.actor_id
       JOIN posts p ON p.network = a.network AND p.external_id = i.target_post
      WHERE i.target_post IS NOT NULL
        AND i.kind IN ('reply', 'reshare', 'quote', 'like')
        AND i.actor_id <> p.author_id
        AND (i.created_at IS NULL OR i.created_at <= @asOf)
        AND p.created_at > @from AND p.created_at <= @asOf
      GROUP BY p.id`,
  );
  for (const r of engaged.iterate(params) as IterableIterator<EngagementRow>) engagement.set(r.pid, r);
  // posts before the window come without text: the model only counts them (for "try --window N")
  const postStmt = db.prepare(
    `SELECT id, external_id, author_id, created_at, kind, CASE WHEN created_at > @from THEN text END AS text, lang, hashtags, likes, reshares, replies
       FROM posts WHERE created_at <= @asOf ORDER BY id`,
  );
  const num = (v: number | null): number => (v === null ? NaN : v);
  function* posts(): Generator<TopicPost> {
    for (const r of postStmt.iterate(params) as IterableIterator<PostRow>) {
      const e = engagement.get(r.id);
      const engagers: number[] = [];
      if (e) {
        for (const s of e.actors.split(',')) {
          const i = indexOf.get(Number(s));
          if (i !== undefined) engagers.push(i);
        }
      }
      yield {
        author: indexOf.get(r.author_id) ?? -1,
        id: r.external_id,
        createdAt: r.created_at,
        kind: r.kind as PostKind,
        text: r.text,
        lang: r.lang,
        hashtags: r.hashtags,
        events: { reply: e?.replies ?? 0, reshare: e?.reshares ?? 0, quote: e?.quotes ?? 0, like: e?.likes ?? 0 },
        declared: { likes: num(r.likes), reshares: num(r.reshares), replies: num(r.replies) },
        engagers,
      };
    }
  }
  return { accounts, posts: { [Symbol.iterator]: posts }, dbIds: rows.map((r) => r.id), externalIds: rows.map((r) => r.external_id) };
}

/** Accounts with this handle (case-insensitive, '@' optional), on any network: their database ids. */
export function findAccountsByHandle(db: Db, handle: string): number[] {
  const key = handle.replace(/^@/, '').toLowerCase();
  return db.prepare('SELECT id FROM accounts WHERE handle_key = ? ORDER BY network, id').pluck().all(key) as number[];
}
