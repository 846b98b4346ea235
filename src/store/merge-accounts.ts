/** Merging two account rows found to be one account (see account-resolver.ts). */
import type { Db } from './open.js';

/**
 * Folds account `drop` into `keep`: every reference moves to `keep`, declared fields that
 * `keep` lacks are taken from `drop` (window aggregates as one group with their window),
 * and `drop` is deleted. Rare (one account first seen by id, then by handle), so plain
 * statements are fine.
 */
export function mergeAccounts(db: Db, keep: number, drop: number): void {
  db.prepare(
    `UPDATE accounts SET
       display_name = coalesce(display_name, (SELECT display_name FROM accounts WHERE id = @drop)),
       bio = coalesce(bio, (SELECT bio FROM accounts WHERE id = @drop)),
       url = coalesce(url, (SELECT url FROM accounts WHERE id = @drop)),
       location = coalesce(location, (SELECT location FROM accounts WHERE id = @drop)),
       default_avatar = coalesce(default_avatar, (SELECT default_avatar FROM accounts WHERE id = @drop)),
       likes_given = coalesce(likes_given, (SELECT likes_given FROM accounts WHERE id = @drop)),
       followers = coalesce(followers, (SELECT followers FROM accounts WHERE id = @drop)),
       following = coalesce(following, (SELECT following FROM accounts WHERE id = @drop)),
       posts = coalesce(posts, (SELECT posts FROM accounts WHERE id = @drop)),
       listed = coalesce(listed, (SELECT listed FROM accounts WHERE id = @drop)),
       verified = coalesce(verified, (SELECT verified FROM accounts WHERE id = @drop)),
       created_at = coalesce(created_at, (SELECT created_at FROM accounts WHERE id = @drop)),
       -- declared window aggregates travel as a group with their window: taken from drop
       -- only when keep declares none (the right-hand sides all read keep's old row)
       mentions_received = CASE WHEN window_days IS NULL THEN (SELECT mentions_received FROM accounts WHERE id = @drop) ELSE mentions_received END,
       reshares_received = CASE WHEN window_days IS NULL THEN (SELECT reshares_received FROM accounts WHERE id = @drop) ELSE reshares_received END,
       replies_received = CASE WHEN window_days IS NULL THEN (SELECT replies_received FROM accounts WHERE id = @drop) ELSE replies_received END,
       likes_received = CASE WHEN window_days IS NULL THEN (SELECT likes_received FROM accounts WHERE id = @drop) ELSE likes_received END,
       mentions_sent = CASE WHEN window_days IS NULL THEN (SELECT mentions_sent FROM accounts WHERE id = @drop) ELSE mentions_sent END,
       reshares_sent = CASE WHEN window_days IS NULL THEN (SELECT reshares_sent FROM accounts WHERE id = @drop) ELSE reshares_sent END,
       window_days = coalesce(window_days, (SELECT window_days FROM accounts WHERE id = @drop)),
       lists = lists | (SELECT lists FROM accounts WHERE id = @drop)
     WHERE id = @keep`,
  ).run({ keep, drop });
  db.prepare('UPDATE posts SET author_id = ? WHERE author_id = ?').run(keep, drop);
  db.prepare('UPDATE OR IGNORE interactions SET actor_id = ? WHERE actor_id = ?').run(keep, drop);
  db.prepare('UPDATE OR IGNORE interactions SET target_id = ? WHERE target_id = ?').run(keep, drop);
  db.prepare('DELETE FROM interactions WHERE actor_id = ? OR target_id = ?').run(drop, drop);
  db.prepare('UPDATE OR IGNORE follows SET follower_id = ? WHERE follower_id = ?').run(keep, drop);
  db.prepare('UPDATE OR IGNORE follows SET followee_id = ? WHERE followee_id = ?').run(keep, drop);
  db.prepare('DELETE FROM follows WHERE follower_id = ? OR followee_id = ?').run(drop, drop);
  // one identity row per account: a hand decision about either row wins over an import's
  db.prepare(
    "DELETE FROM identities WHERE account_id = ? AND source = 'import' AND EXISTS (SELECT 1 FROM identities WHERE account_id = ? AND source = 'hand')",
  ).run(keep, drop);
  db.prepare('UPDATE OR IGNORE identities SET account_id = ? WHERE account_id = ?').run(keep, drop);
  db.prepare('DELETE FROM identities WHERE account_id = ?').run(drop);
  for (const table of ['scores', 'topic_scores', 'flags', 'account_snapshots']) {
    db.prepare(`UPDATE OR IGNORE ${table} SET account_id = ? WHERE account_id = ?`).run(keep, drop);
    db.prepare(`DELETE FROM ${table} WHERE account_id = ?`).run(drop);
  }
  db.prepare('DELETE FROM accounts WHERE id = ?').run(drop);
}
