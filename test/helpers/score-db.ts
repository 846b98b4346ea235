/**
 * Fills a real database by plain SQL inserts, for store and CLI tests (until the import
 * command lands, and to keep scoring tests independent of importers):
 *   const w = new DbWriter(path.join(dir, 'x.db'));
 *   const alice = w.account({ handle: 'alice', followers: 100 });
 *   const post = w.post(alice, { at: day(1) });
 *   w.interact(bob, alice, 'reshare', { at: day(1.1), post });
 *   w.close();
 */
import { openDb, type Db } from '../../src/store/open.js';

export interface AccountRow {
  handle?: string;
  network?: string;
  externalId?: string;
  followers?: number;
  following?: number;
  listed?: number;
  posts?: number;
  createdAt?: number;
  mentionsReceived?: number;
  resharesReceived?: number;
  likesReceived?: number;
  windowDays?: number;
}

export class DbWriter {
  readonly db: Db;
  private posts = 0;
  private events = 0;

  constructor(file: string) {
    this.db = openDb(file);
  }

  /** inserts an account; returns its database id */
  account(a: AccountRow = {}): number {
    const handle = a.handle ?? null;
    const info = this.db
      .prepare(
        `INSERT INTO accounts (network, handle, handle_key, external_id, followers, following, listed, posts, created_at,
                               mentions_received, reshares_received, likes_received, window_days)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.network ?? 'twitter',
        handle,
        handle === null ? null : handle.toLowerCase(),
        a.externalId ?? null,
        a.followers ?? null,
        a.following ?? null,
        a.listed ?? null,
        a.posts ?? null,
        a.createdAt ?? null,
        a.mentionsReceived ?? null,
        a.resharesReceived ?? null,
        a.likesReceived ?? null,
        a.windowDays ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  /** inserts a post by `author` (db id); returns its external id */
  post(author: number, p: { at: number; kind?: string; externalId?: string; likes?: number; reshares?: number; replies?: number; network?: string }): string {
    const id = p.externalId ?? `p${++this.posts}`;
    this.db
      .prepare('INSERT INTO posts (network, external_id, author_id, created_at, kind, likes, reshares, replies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(p.network ?? 'twitter', id, author, p.at, p.kind ?? 'original', p.likes ?? null, p.reshares ?? null, p.replies ?? null);
    return id;
  }

  /** inserts an engagement event */
  interact(actor: number, target: number | null, kind: string, e: { at: number | null; post?: string }): this {
    this.db
      .prepare('INSERT INTO interactions (actor_id, target_id, kind, created_at, target_post, event_key) VALUES (?, ?, ?, ?, ?, ?)')
      .run(actor, target ?? 0, kind, e.at, e.post ?? null, `e${++this.events}`); // target 0: not said
    return this;
  }

  follow(follower: number, followee: number, at: number | null = null): this {
    this.db.prepare('INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?)').run(follower, followee, at);
    return this;
  }

  close(): void {
    this.db.close();
  }
}
