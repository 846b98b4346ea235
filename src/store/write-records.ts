/**
 * Writes normalized import records into the store, inside a transaction the caller owns.
 * Upserts by natural key so a re-import changes nothing; derives reply, reshare, quote and
 * mention interactions from posts (for every format alike); buffers interactions and
 * inserts them sorted by actor, which keeps the primary-key B-tree writes local.
 */
import type {
  AccountRecord,
  FollowRecord,
  ImportRecord,
  InteractionKind,
  InteractionRecord,
  PostRecord,
} from '../import/records.js';
import { createAccountResolver } from './account-resolver.js';
import type { Db } from './open.js';

/** Rows added per table by one import (a re-import of the same content adds none). */
export interface WriteCounts {
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
  identities: number;
  /** accounts first seen by id and by handle separately, then found to be one */
  merged: number;
}

export interface RecordWriter {
  write(rec: ImportRecord): void;
  /** flushes buffers and resolves deferred targets; returns rows added */
  finish(): WriteCounts;
}

const INTERACTION_BATCH = 32;
/** interactions buffered before a sorted flush: ~60 MB at most */
const BUFFER_ROWS = 500_000;

/** Number of words in a post, hashtags and mentions excluded (for hashtag-stuffing ratios). */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/u)) {
    if (token && !token.startsWith('#') && !token.startsWith('@') && /[\p{L}\p{N}]/u.test(token)) n++;
  }
  return n;
}

/** Creates a writer over an open transaction of `db`. */
export function createRecordWriter(db: Db): RecordWriter {
  const resolver = createAccountResolver(db);
  const before = {
    posts: db.prepare('SELECT count(*) FROM posts').pluck().get() as number,
    interactions: db.prepare('SELECT count(*) FROM interactions').pluck().get() as number,
    follows: db.prepare('SELECT count(*) FROM follows').pluck().get() as number,
    identities: db.prepare('SELECT count(*) FROM identities').pluck().get() as number,
    accounts: db.prepare('SELECT count(*) FROM accounts').pluck().get() as number,
  };

  const updateAccount = db.prepare(
    `UPDATE accounts SET
       display_name = coalesce(@displayName, display_name), bio = coalesce(@bio, bio), url = coalesce(@url, url),
       followers = coalesce(@followers, followers), following = coalesce(@following, following),
       posts = coalesce(@posts, posts), listed = coalesce(@listed, listed), verified = coalesce(@verified, verified),
       created_at = coalesce(@createdAt, created_at),
       mentions_received = coalesce(@mentionsReceived, mentions_received),
       reshares_received = coalesce(@resharesReceived, reshares_received),
       replies_received = coalesce(@repliesReceived, replies_received),
       likes_received = coalesce(@likesReceived, likes_received),
       mentions_sent = coalesce(@mentionsSent, mentions_sent),
       reshares_sent = coalesce(@resharesSent, reshares_sent),
       window_days = coalesce(@windowDays, window_days)
     WHERE id = @id`,
  );
  const insertIdentity = db.prepare('INSERT OR IGNORE INTO identities (identity, account_id) VALUES (?, ?)');
  const insertPost = db.prepare(
    `INSERT INTO posts (network, external_id, author_id, created_at, text, lang, kind, reply_to_post, reshare_of_post,
                        quote_of_post, hashtags, words, likes, reshares, replies, visibility)
     VALUES (@network, @externalId, @authorId, @createdAt, @text, @lang, @kind, @replyTo, @reshareOf, @quoteOf,
             @hashtags, @words, @likes, @reshares, @replies, @visibility)
     ON CONFLICT (network, external_id) DO UPDATE SET
       text = coalesce(excluded.text, text), lang = coalesce(excluded.lang, lang),
       likes = coalesce(excluded.likes, likes), reshares = coalesce(excluded.reshares, reshares),
       replies = coalesce(excluded.replies, replies)`,
  );
  const insertFollow = db.prepare(
    `INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?)
     ON CONFLICT (follower_id, followee_id) DO UPDATE SET created_at = coalesce(follows.created_at, excluded.created_at)`,
  );
  const insertInteractionBatch = db.prepare(
    `INSERT OR IGNORE INTO interactions (actor_id, kind, event_key, target_id, created_at, source_post, target_post) VALUES ${Array(
      INTERACTION_BATCH,
    )
      .fill('(?, ?, ?, ?, ?, ?, ?)')
      .join(', ')}`,
  );
  const insertInteraction = db.prepare(
    'INSERT OR IGNORE INTO interactions (actor_id, kind, event_key, target_id, created_at, source_post, target_post) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  // Interaction buffer, column-wise.
  let actor = new Int32Array(1024);
  let target = new Int32Array(1024);
  let kinds: string[] = [];
  let keys: string[] = [];
  let times: (number | null)[] = [];
  let sources: (string | null)[] = [];
  let targets: (string | null)[] = [];
  let buffered = 0;

  function bufferInteraction(
    actorId: number,
    targetId: number,
    kind: InteractionKind,
    eventKey: string,
    createdAt: number | null,
    sourcePost: string | null,
    targetPost: string | null,
  ): void {
    // Self-threads and self-likes are kept (nothing imported is dropped); the engine
    // does not count engagement with oneself.
    if (buffered === actor.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      actor = grow(actor);
      target = grow(target);
    }
    actor[buffered] = actorId;
    target[buffered] = targetId;
    kinds.push(kind);
    keys.push(eventKey);
    times.push(createdAt);
    sources.push(sourcePost);
    targets.push(targetPost);
    buffered++;
    if (buffered >= BUFFER_ROWS) flushInteractions();
  }

  function flushInteractions(): void {
    if (buffered === 0) return;
    const order = sortByActor(actor, buffered);
    const args: unknown[] = [];
    for (let j = 0; j < buffered; j++) {
      const i = order[j]!;
      args.push(actor[i], kinds[i], keys[i], target[i], times[i], sources[i], targets[i]);
      if (args.length === 7 * INTERACTION_BATCH) {
        insertInteractionBatch.run(args);
        args.length = 0;
      }
    }
    for (let k = 0; k < args.length; k += 7) insertInteraction.run(args.slice(k, k + 7));
    buffered = 0;
    kinds = [];
    keys = [];
    times = [];
    sources = [];
    targets = [];
  }

  function writeAccount(rec: AccountRecord): void {
    const id = resolver.resolve(rec.ref);
    const a = rec.aggregates ?? {};
    const hasAggregates = Object.values(a).some((v) => v !== undefined);
    updateAccount.run({
      id,
      displayName: rec.displayName ?? null,
      bio: rec.bio ?? null,
      url: rec.url ?? null,
      followers: rec.followers ?? null,
      following: rec.following ?? null,
      posts: rec.posts ?? null,
      listed: rec.listed ?? null,
      verified: rec.verified === undefined ? null : rec.verified ? 1 : 0,
      createdAt: rec.createdAt ?? null,
      mentionsReceived: a.mentionsReceived ?? null,
      resharesReceived: a.resharesReceived ?? null,
      repliesReceived: a.repliesReceived ?? null,
      likesReceived: a.likesReceived ?? null,
      mentionsSent: a.mentionsSent ?? null,
      resharesSent: a.resharesSent ?? null,
      windowDays: hasAggregates ? (rec.windowDays ?? 90) : null,
    });
    if (rec.identity) insertIdentity.run(rec.identity, id);
  }

  function writePost(rec: PostRecord): void {
    const authorId = resolver.resolve(rec.author);
    const kind = rec.reshareOf ? 'reshare' : rec.quoteOf ? 'quote' : rec.replyTo ? 'reply' : 'original';
    const text = rec.text ?? null;
    insertPost.run({
      network: rec.network,
      externalId: rec.externalId,
      authorId,
      createdAt: rec.createdAt,
      text,
      lang: rec.lang ?? null,
      kind,
      replyTo: rec.replyTo?.externalId ?? null,
      reshareOf: rec.reshareOf?.externalId ?? null,
      quoteOf: rec.quoteOf?.externalId ?? null,
      hashtags: Math.min(rec.hashtags?.length ?? 0, 65535),
      words: Math.min(text ? countWords(text) : 0, 65535),
      likes: rec.likes ?? null,
      reshares: rec.reshares ?? null,
      replies: rec.replies ?? null,
      visibility: rec.visibility ?? null,
    });
    // Derived interactions: keyed by this post's id, so an interactions row naming the
    // same post (post_id) collapses into the same event.
    const eventKey = `p:${rec.externalId}`;
    const derive = (kind: InteractionKind, ref: PostRecord['replyTo']): number => {
      if (!ref) return 0;
      const targetId = ref.author ? resolver.resolve(ref.author) : 0;
      bufferInteraction(authorId, targetId, kind, eventKey, rec.createdAt, rec.externalId, ref.externalId ?? null);
      return targetId;
    };
    const engaged = new Set<number>([authorId]);
    engaged.add(derive('reply', rec.replyTo));
    engaged.add(derive('reshare', rec.reshareOf));
    engaged.add(derive('quote', rec.quoteOf));
    // A reply or reshare also @-mentions its target; that is the same engagement, not a second one.
    for (const m of rec.mentions ?? []) {
      const targetId = resolver.resolve(m);
      if (engaged.has(targetId)) continue;
      engaged.add(targetId);
      bufferInteraction(authorId, targetId, 'mention', eventKey, rec.createdAt, rec.externalId, null);
    }
  }

  function writeInteraction(rec: InteractionRecord): void {
    const actorId = resolver.resolve(rec.actor);
    const targetId = rec.target ? resolver.resolve(rec.target) : 0;
    const postKey = rec.kind === 'like' ? rec.targetPost : (rec.sourcePost ?? rec.targetPost);
    const eventKey = postKey !== undefined ? `p:${postKey}` : `t:${rec.createdAt ?? ''}`;
    bufferInteraction(actorId, targetId, rec.kind, eventKey, rec.createdAt ?? null, rec.sourcePost ?? null, rec.targetPost ?? null);
    if (rec.kind === 'follow' && targetId !== 0) insertFollow.run(actorId, targetId, rec.createdAt ?? null);
  }

  function writeFollow(rec: FollowRecord): void {
    const follower = resolver.resolve(rec.follower);
    const followee = resolver.resolve(rec.followee);
    insertFollow.run(follower, followee, rec.createdAt ?? null);
  }

  return {
    write(rec) {
      switch (rec.type) {
        case 'account':
          return writeAccount(rec);
        case 'post':
          return writePost(rec);
        case 'interaction':
          return writeInteraction(rec);
        case 'follow':
          return writeFollow(rec);
      }
    },
    finish() {
      flushInteractions();
      resolveDeferredTargets(db);
      // table names come from this fixed list, never from input
      const count = (table: 'accounts' | 'posts' | 'interactions' | 'follows' | 'identities') =>
        db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      const stats = resolver.stats();
      return {
        accounts: count('accounts') - before.accounts,
        posts: count('posts') - before.posts,
        interactions: count('interactions') - before.interactions,
        follows: count('follows') - before.follows,
        identities: count('identities') - before.identities,
        merged: stats.merged,
      };
    },
  };
}

/**
 * Counting sort of buffer positions by actor id (O(n)); within one actor the original
 * order is kept. Sorted inserts hit neighbouring B-tree pages instead of random ones.
 */
function sortByActor(actor: Int32Array, n: number): Int32Array {
  let max = 0;
  for (let i = 0; i < n; i++) if (actor[i]! > max) max = actor[i]!;
  if (max > 4 * n + 1_000_000) {
    // Sparse ids (a huge database, a small import): a comparison sort is cheaper than the count table.
    return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => actor[a]! - actor[b]! || a - b);
  }
  const start = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) start[actor[i]! + 1]!++;
  for (let a = 1; a < start.length; a++) start[a]! += start[a - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[actor[i]!]!++] = i;
  return order;
}

/**
 * Interactions whose target the export did not name (a reply known by the replied post's
 * id only, a Twitter like) get the target post's author once that post is in the
 * database — from this import or an earlier one, in any order. Where the resolved row
 * already exists (the same event given with its target), the unresolved copy is dropped.
 */
function resolveDeferredTargets(db: Db): void {
  db.prepare(
    `UPDATE OR IGNORE interactions SET target_id = (
        SELECT p.author_id FROM posts p JOIN accounts a ON a.id = interactions.actor_id
         WHERE p.network = a.network AND p.external_id = interactions.target_post)
      WHERE target_id = 0 AND target_post IS NOT NULL
        AND EXISTS (SELECT 1 FROM posts p JOIN accounts a ON a.id = interactions.actor_id
                     WHERE p.network = a.network AND p.external_id = interactions.target_post)`,
  ).run();
  // What is left unresolved with a known post is a duplicate of a row already resolved.
  db.prepare(
    `DELETE FROM interactions AS i WHERE i.target_id = 0 AND i.target_post IS NOT NULL AND EXISTS (
        SELECT 1 FROM posts p JOIN accounts a ON a.id = i.actor_id
         WHERE p.network = a.network AND p.external_id = i.target_post)`,
  ).run();
}
