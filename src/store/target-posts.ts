/**
 * The post an interaction reacts to, resolved once when it is written rather than at every
 * read. `interactions.target_post` is an external post id (TEXT); `target_post_id` caches
 * which posts row it names: the post with that external id on the actor's network
 * (engagement does not cross networks). Values:
 *   > 0   the posts row id;
 *   0     looked up, no such post (yet): an import that adds posts looks again (below);
 *   NULL  no target post, or not looked up (rows written by SQL outside the importer):
 *         the reader resolves those itself (read-interactions.ts).
 * Why: at 10M interactions, resolving each row's target post at read time by a probe of
 * the posts' (network, external_id) index was three quarters of `score --all`'s read
 * (about 15 of 20 s CPU). Posts are never deleted or renumbered and accounts merge only
 * within a network, so a resolved id stays right.
 */
import type { Db } from './open.js';

/**
 * The target post id of a row being inserted (SQL), with `?` placeholders for (the actor's
 * network, target post, 0), each NULL when the row names no post: the writer knows the actor's network, and
 * a lookup by it costs about 0.9 us against 1.4 us through the accounts row (measured on
 * 700k lookups). While the database has no posts (`postsExist` false) it is one placeholder
 * for 0 (NULL when the row names no post), without a lookup: a bulk import of interactions
 * alone pays nothing for it.
 */
export function insertedTargetPostIdSql(postsExist: boolean): string {
  return postsExist ? 'coalesce((SELECT p.id FROM posts p WHERE p.network = ? AND p.external_id = ?), ?)' : '?';
}

/**
 * Resolves the target posts of the rows not resolved yet: those never looked up (NULL), and
 * those looked up without a match (0) when a post newer than `newPostsAfter` (a posts row
 * id) could match them now. Only rows that find a post are written. Returns rows changed.
 */
export function resolveTargetPosts(db: Db, newPostsAfter: number): number {
  return db
    .prepare(
      `UPDATE interactions SET target_post_id = p.id FROM accounts a, posts p
        WHERE interactions.target_post IS NOT NULL AND (interactions.target_post_id IS NULL OR interactions.target_post_id = 0)
          AND a.id = interactions.actor_id AND p.network = a.network AND p.external_id = interactions.target_post
          AND (interactions.target_post_id IS NULL OR p.id > ?)`,
    )
    .run(newPostsAfter).changes;
}

/**
 * Schema migration: adds `target_post_id` and resolves every existing row once (at 10M
 * interactions about 20 s CPU, the cost of one read before this column).
 */
export function addTargetPostIds(db: Db): void {
  db.exec('ALTER TABLE interactions ADD COLUMN target_post_id INTEGER');
  // the post on the actor's network, 0 when there is none (rows naming no post stay NULL)
  db.exec(`UPDATE interactions SET target_post_id = coalesce((SELECT p.id FROM accounts a JOIN posts p ON p.network = a.network AND p.external_id = interactions.target_post
      WHERE a.id = interactions.actor_id), 0) WHERE target_post IS NOT NULL`);
}

/** Whether the interactions table has `target_post_id` (a database opened read-only may predate it). */
export function hasTargetPostIds(db: Db): boolean {
  return (db.prepare("SELECT count(*) FROM pragma_table_info('interactions') WHERE name = 'target_post_id'").pluck().get() as number) > 0;
}
