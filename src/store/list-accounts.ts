/**
 * `influence accounts`: the accounts in the database, for finding one (your own among
 * thousands): searched by handle or display name, with network, declared counts, stored
 * posts, events sent and the latest activity. Most active (stored posts) first. A stored
 * time outside the store's range (an older version's) counts as no time.
 */
import type { Db } from './open.js';
import { storedTime } from './stored-time.js';

/** What to list. */
export interface AccountQuery {
  /** case-insensitive substring of the handle or display name */
  search?: string;
  network?: string;
  limit: number;
}

/** One account as listed. */
export interface AccountListRow {
  id: number;
  network: string;
  handle: string | null;
  externalId: string | null;
  displayName: string | null;
  /** declared counts; null when no export gave them */
  followers: number | null;
  following: number | null;
  /** posts stored in the database (by this account) */
  posts: number;
  /** interactions stored with this account as the actor (likes, replies, follows, ...) */
  eventsSent: number;
  /** epoch ms of the latest own post or sent event, null when none */
  lastActivity: number | null;
}


/** The accounts matching, most stored posts first (then by handle), and how many match in all. */
export function listAccounts(db: Db, q: AccountQuery): { total: number; rows: AccountListRow[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.search !== undefined && q.search !== '') {
    // instr, not LIKE: the same substring test with nothing to escape, and no pattern length
    // limit (a LIKE pattern past 50,000 bytes was 'internal error: LIKE or GLOB pattern too complex')
    const needle = q.search.toLowerCase();
    where.push('(instr(a.handle_key, ?) > 0 OR instr(lower(a.display_name), ?) > 0 OR a.external_id = ?)');
    params.push(needle, needle, q.search);
  }
  if (q.network !== undefined) {
    where.push('a.network = ?');
    params.push(q.network.toLowerCase());
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM accounts a ${filter}`).pluck().get(...params) as number;
  const rows = db
    .prepare(
      `SELECT x.id, x.network, x.handle, x.externalId, x.displayName, x.followers, x.following, x.posts,
              (SELECT count(*) FROM interactions i WHERE i.actor_id = x.id) AS eventsSent,
              max(coalesce(x.lastPost, 0), coalesce((SELECT max(${storedTime('i.created_at')}) FROM interactions i WHERE i.actor_id = x.id), 0)) AS lastActivity
         FROM (SELECT a.id, a.network, a.handle, a.handle_key, a.external_id AS externalId, a.display_name AS displayName,
                      a.followers, a.following,
                      (SELECT count(*) FROM posts p WHERE p.author_id = a.id) AS posts,
                      (SELECT max(${storedTime('p.created_at')}) FROM posts p WHERE p.author_id = a.id) AS lastPost
                 FROM accounts a ${filter}
                ORDER BY posts DESC, a.handle_key IS NULL, a.handle_key, a.id
                LIMIT ?) x
        ORDER BY x.posts DESC, x.handle_key IS NULL, x.handle_key, x.id`,
    )
    .all(...params, q.limit) as (AccountListRow & { lastActivity: number })[];
  return { total, rows: rows.map((r) => ({ ...r, lastActivity: r.lastActivity > 0 ? r.lastActivity : null })) };
}
