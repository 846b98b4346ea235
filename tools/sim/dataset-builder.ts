/**
 * Builds engine Populations by hand for unit tests:
 *   const b = new DatasetBuilder();
 *   const alice = b.account({ handle: 'alice', followers: 100 });
 *   const p = b.post(alice, { at: day(1) });
 *   b.interact(bob, alice, 'reshare', { at: day(1.1), post: p });
 *   const pop = b.build();
 */
import { KIND, POST_KINDS, type KindName, type Dataset, type PostKind } from '../../src/engine/dataset.js';

export const DAY = 86_400_000;
/** epoch ms of 2026-01-01 plus d days */
export const day = (d: number): number => Date.UTC(2026, 0, 1) + d * DAY;

interface AccountSpec {
  handle?: string;
  network?: string;
  bio?: string;
  displayName?: string;
  url?: string;
  location?: string;
  defaultAvatar?: boolean;
  likesGiven?: number;
  followers?: number;
  following?: number;
  listed?: number;
  posts?: number;
  verified?: boolean;
  createdAt?: number;
  mentionsReceived?: number;
  resharesReceived?: number;
  repliesReceived?: number;
  likesReceived?: number;
  mentionsSent?: number;
  resharesSent?: number;
  windowDays?: number;
}

interface PostSpec {
  at: number;
  kind?: PostKind;
  hashtags?: number;
  words?: number;
  likes?: number;
  reshares?: number;
  replies?: number;
}

const num = (v: number | boolean | undefined): number => (v === undefined ? NaN : Number(v));

export class DatasetBuilder {
  private accounts: AccountSpec[] = [];
  private posts: (PostSpec & { author: number })[] = [];
  private interactions: { actor: number; target: number; kind: KindName; at: number; post: number }[] = [];
  private follows: { follower: number; followee: number; at: number }[] = [];

  /** adds an account; returns its index */
  account(spec: AccountSpec = {}): number {
    this.accounts.push({ handle: spec.handle ?? `user${this.accounts.length}`, ...spec });
    return this.accounts.length - 1;
  }

  /** adds a post by `author`; returns its index */
  post(author: number, spec: PostSpec): number {
    this.posts.push({ author, ...spec });
    return this.posts.length - 1;
  }

  /** adds an engagement event from actor to target (target -1 = unknown) */
  interact(actor: number, target: number, kind: KindName, opts: { at: number; post?: number }): this {
    this.interactions.push({ actor, target, kind, at: opts.at, post: opts.post ?? -1 });
    return this;
  }

  follow(follower: number, followee: number, at = NaN): this {
    this.follows.push({ follower, followee, at });
    return this;
  }

  build(): Dataset {
    const a = this.accounts;
    const col = (f: (s: AccountSpec) => number | boolean | undefined) => Float64Array.from(a, (s) => num(f(s)));
    return {
      accounts: {
        n: a.length,
        dbId: Int32Array.from(a, (_, i) => i + 1),
        network: a.map((s) => s.network ?? 'generic'),
        handle: a.map((s) => s.handle ?? ''),
        externalId: a.map(() => null),
        bio: a.map((s) => s.bio ?? null),
        displayName: a.map((s) => s.displayName ?? null),
        url: a.map((s) => s.url ?? null),
        location: a.map((s) => s.location ?? null),
        defaultAvatar: col((s) => s.defaultAvatar),
        likesGiven: col((s) => s.likesGiven),
        followers: col((s) => s.followers),
        following: col((s) => s.following),
        listed: col((s) => s.listed),
        postsDeclared: col((s) => s.posts),
        verified: col((s) => s.verified),
        createdAt: col((s) => s.createdAt),
        mentionsReceived: col((s) => s.mentionsReceived),
        resharesReceived: col((s) => s.resharesReceived),
        repliesReceived: col((s) => s.repliesReceived),
        likesReceived: col((s) => s.likesReceived),
        mentionsSent: col((s) => s.mentionsSent),
        resharesSent: col((s) => s.resharesSent),
        aggregateWindowDays: col((s) => s.windowDays),
      },
      posts: {
        n: this.posts.length,
        author: Int32Array.from(this.posts, (p) => p.author),
        createdAt: Float64Array.from(this.posts, (p) => p.at),
        kind: Uint8Array.from(this.posts, (p) => POST_KINDS.indexOf(p.kind ?? 'original')),
        hashtags: Uint16Array.from(this.posts, (p) => p.hashtags ?? 0),
        words: Uint16Array.from(this.posts, (p) => p.words ?? 12),
        likes: Float64Array.from(this.posts, (p) => num(p.likes)),
        reshares: Float64Array.from(this.posts, (p) => num(p.reshares)),
        replies: Float64Array.from(this.posts, (p) => num(p.replies)),
      },
      interactions: {
        n: this.interactions.length,
        actor: Int32Array.from(this.interactions, (e) => e.actor),
        target: Int32Array.from(this.interactions, (e) => e.target),
        kind: Uint8Array.from(this.interactions, (e) => KIND[e.kind]),
        createdAt: Float64Array.from(this.interactions, (e) => e.at),
        targetPost: Int32Array.from(this.interactions, (e) => e.post),
      },
      follows: {
        n: this.follows.length,
        follower: Int32Array.from(this.follows, (f) => f.follower),
        followee: Int32Array.from(this.follows, (f) => f.followee),
        createdAt: Float64Array.from(this.follows, (f) => f.at),
      },
    };
  }
}
