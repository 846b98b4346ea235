/**
 * Turns normalized import records into write batches (write-batch.ts) for the database
 * writer (apply-batches.ts): resolves account references to ids, derives reply, reshare,
 * quote and mention interactions from posts (for every format alike), and leaves upserts
 * by natural key, so a re-import changes nothing, to the writer.
 */
import { LISTS } from '../engine/dataset.js';
import type {
  AccountRecord,
  OwnLists,
  FollowRecord,
  ImportRecord,
  InteractionKind,
  InteractionRecord,
  PostRecord,
  PostRef,
} from './records.js';
import { createAccountResolver } from './account-resolver.js';
import type { Db } from './open.js';
import { createBatchBuilder, encodeKind, type WriteBatch } from './write-batch.js';

/** Rows added per table by one import (a re-import of the same content adds none). */
export interface WriteCounts {
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
  identities: number;
  /** accounts an earlier import put in another identity, moved to the one this import declares (absent when none) */
  identitiesMoved?: number;
  /** identity declarations not applied because the account was linked or unlinked by hand (absent when none) */
  identitiesKept?: number;
  /** accounts first seen by id and by handle separately, then found to be one */
  merged: number;
}

/** Takes the records of one import command, in order. */
export interface RecordWriter {
  write(rec: ImportRecord): void;
  /** sends the last, partly filled batch */
  flush(): void;
  /** accounts merged so far */
  merged(): number;
  /** interactions derived from posts so far, by kind (replies, reshares, quotes, mentions: what posts show) */
  derived(): Partial<Record<InteractionKind, number>>;
}

const FOLLOW = encodeKind('follow');

/**
 * A writer resolving accounts through `readDb` (the pre-import state; null for a new database), creating accounts
 * from `firstAccountId` on, and handing full batches to `send`.
 */
export function createRecordWriter(
  readDb: Db | null,
  firstAccountId: number,
  send: (batch: WriteBatch) => void,
  options: { preloadLimit?: number } = {},
): RecordWriter {
  const out = createBatchBuilder(send);
  const derivedKinds: Partial<Record<InteractionKind, number>> = {};
  const countDerived = (kind: InteractionKind) => void (derivedKinds[kind] = (derivedKinds[kind] ?? 0) + 1);
  const resolver = createAccountResolver(readDb, firstAccountId, out, options);

  function writeAccount(rec: AccountRecord): void {
    const id = resolver.resolve(rec.ref);
    const a = rec.aggregates ?? {};
    const hasAggregates = Object.values(a).some((v) => v !== undefined);
    out.op({
      op: 'account',
      values: {
        id,
        displayName: rec.displayName ?? null,
        bio: rec.bio ?? null,
        url: rec.url ?? null,
        location: rec.location ?? null,
        defaultAvatar: rec.defaultAvatar === undefined ? null : rec.defaultAvatar ? 1 : 0,
        likesGiven: rec.likesGiven ?? null,
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
        lists: listBitsOf(rec.lists),
      },
    });
    if (rec.identity) out.op({ op: 'identity', identity: rec.identity, accountId: id });
  }

  function writePost(rec: PostRecord): void {
    const authorId = resolver.resolve(rec.author);
    out.op({
      op: 'post',
      values: {
        network: rec.network,
        externalId: rec.externalId,
        authorId,
        createdAt: rec.createdAt,
        text: rec.text ?? null,
        lang: rec.lang ?? null,
        kind: rec.reshareOf ? 'reshare' : rec.quoteOf ? 'quote' : rec.replyTo ? 'reply' : 'original',
        replyTo: rec.replyTo?.externalId ?? null,
        reshareOf: rec.reshareOf?.externalId ?? null,
        quoteOf: rec.quoteOf?.externalId ?? null,
        hashtags: rec.hashtags?.length ?? 0,
        likes: rec.likes ?? null,
        reshares: rec.reshares ?? null,
        replies: rec.replies ?? null,
        visibility: rec.visibility ?? null,
      },
    });
    // Derived interactions carry this post as their source post, so their event key is this
    // post's id: an interactions row naming the same post (post_id) is the same event.
    const derive = (kind: InteractionKind, ref: PostRef | undefined): number => {
      if (!ref) return 0;
      const targetId = ref.author ? resolver.resolve(ref.author) : 0;
      out.addInteraction(authorId, targetId, encodeKind(kind), rec.createdAt, rec.externalId, ref.externalId);
      countDerived(kind);
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
      out.addInteraction(authorId, targetId, encodeKind('mention'), rec.createdAt, rec.externalId, null);
      countDerived('mention');
    }
  }

  function writeInteraction(rec: InteractionRecord): void {
    const actorId = resolver.resolve(rec.actor);
    const targetId = rec.target ? resolver.resolve(rec.target) : 0;
    const kind = encodeKind(rec.kind);
    out.addInteraction(actorId, targetId, kind, rec.createdAt, rec.sourcePost, rec.targetPost);
    if (kind === FOLLOW && targetId !== 0) out.addFollow(actorId, targetId, rec.createdAt);
  }

  function writeFollow(rec: FollowRecord): void {
    out.addFollow(resolver.resolve(rec.follower), resolver.resolve(rec.followee), rec.createdAt);
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
    flush: out.flush,
    merged: () => resolver.stats().merged,
    derived: () => ({ ...derivedKinds }),
  };
}

/** The LISTS bits (engine/dataset.ts) of what an account record declares complete. */
export function listBitsOf(lists: OwnLists | undefined): number {
  if (!lists) return 0;
  return (lists.followers ? LISTS.FOLLOWERS : 0) | (lists.following ? LISTS.FOLLOWING : 0) | (lists.posts ? LISTS.POSTS : 0) | (lists.reception ? LISTS.RECEPTION : 0);
}
