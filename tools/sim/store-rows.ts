/**
 * Writes rows straight into a store for read-side tests and generated populations (the
 * import orchestrator is the real path; this is the shortest one):
 *   const rows = new StoreRows(openDb(file));
 *   const alice = rows.account('alice', { bio: 'baker' });
 *   const p = rows.post(alice, { at: day(1), text: 'cookies' });
 *   rows.interact(bob, 'like', { at: day(2), targetPost: p, target: alice });
 */
import type { Db } from '../../src/store/open.js';

export interface RowPost {
  at: number;
  text?: string | null;
  id?: string;
  kind?: 'original' | 'reply' | 'reshare' | 'quote';
  lang?: string | null;
  hashtags?: number;
  likes?: number | null;
  reshares?: number | null;
  replies?: number | null;
}

export class StoreRows {
  private network = new Map<number, string>();
  private posts = 0;
  private events = 0;
  private insertAccount;
  private insertPost;
  private insertInteraction;

  constructor(readonly db: Db) {
    this.insertAccount = db.prepare('INSERT INTO accounts (network, handle, handle_key, external_id, bio) VALUES (?, ?, ?, ?, ?)');
    this.insertPost = db.prepare(
      `INSERT INTO posts (network, external_id, author_id, created_at, text, lang, kind, hashtags, words, likes, reshares, replies)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertInteraction = db.prepare('INSERT INTO interactions (actor_id, target_id, kind, created_at, source_post, target_post, event_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  /** adds an account; returns its database id */
  account(handle: string, o: { network?: string; bio?: string | null; externalId?: string } = {}): number {
    const network = o.network ?? 'generic';
    const id = Number(this.insertAccount.run(network, handle, handle.toLowerCase(), o.externalId ?? null, o.bio ?? null).lastInsertRowid);
    this.network.set(id, network);
    return id;
  }

  /** adds a post; returns its external id */
  post(author: number, p: RowPost): string {
    const id = p.id ?? `post${++this.posts}`;
    const text = p.text ?? null;
    const hashtags = p.hashtags ?? (text?.match(/#\w/g)?.length ?? 0);
    this.insertPost.run(this.network.get(author)!, id, author, p.at, text, p.lang ?? null, p.kind ?? 'original', hashtags, text?.split(/\s+/).length ?? 0, p.likes ?? null, p.reshares ?? null, p.replies ?? null);
    return id;
  }

  /** adds an engagement event aimed at a post */
  interact(actor: number, kind: 'reply' | 'reshare' | 'quote' | 'like' | 'mention', e: { at: number | null; targetPost?: string; target?: number }): void {
    this.insertInteraction.run(actor, e.target ?? 0, kind, e.at, null, e.targetPost ?? null, `k${++this.events}`);
  }

  /** runs `f` in one transaction (fast bulk writes) */
  batch(f: () => void): void {
    this.db.transaction(f)();
  }
}
