/**
 * The unit of work an import hands from the record writer (parse, normalize, resolve
 * accounts: the importing thread) to the database writer (apply-batches.ts: a worker thread
 * that owns the write transaction, or the same thread for small imports). Plain data, so it
 * crosses threads by structured clone; the bulk columns are typed arrays, transferred.
 *
 * A batch is applied in a fixed order: new accounts, then `ops` in order, then follows, then
 * interactions (buffered, inserted sorted). That is safe because accounts only ever need to
 * exist before whatever names them, and the one order-sensitive op, a merge, always opens a
 * fresh batch (see BatchBuilder.op) after the applier has flushed what came before it.
 */
import type { InteractionKind, Visibility } from './records.js';

/** Interaction kinds as one byte each on the wire; Record<> makes the compiler check it is complete. */
const KIND_CODE: Record<InteractionKind, number> = { reply: 0, reshare: 1, quote: 2, mention: 3, like: 4, follow: 5, unfollow: 6 };
/** Kind names by byte code. */
export const KIND_BY_CODE: readonly InteractionKind[] = (Object.keys(KIND_CODE) as InteractionKind[]).sort((a, b) => KIND_CODE[a] - KIND_CODE[b]);
/** The byte code of `kind`. */
export const encodeKind = (kind: InteractionKind): number => KIND_CODE[kind];
/** The code of 'like', whose event key is the liked post. */
export const LIKE_CODE = KIND_CODE.like;

/** Columns of an accounts UPDATE: null keeps what the row has (coalesce). */
export interface AccountValues {
  id: number;
  displayName: string | null;
  bio: string | null;
  url: string | null;
  location: string | null;
  defaultAvatar: 0 | 1 | null;
  likesGiven: number | null;
  followers: number | null;
  following: number | null;
  posts: number | null;
  listed: number | null;
  verified: 0 | 1 | null;
  createdAt: number | null;
  mentionsReceived: number | null;
  resharesReceived: number | null;
  repliesReceived: number | null;
  likesReceived: number | null;
  mentionsSent: number | null;
  resharesSent: number | null;
  windowDays: number | null;
  /** LISTS bits to add (OR) to the row's; 0 adds none */
  lists: number;
}

/** Columns of a posts upsert (`words` is derived from the text by the applier). */
export interface PostValues {
  network: string;
  externalId: string;
  authorId: number;
  createdAt: number;
  text: string | null;
  lang: string | null;
  kind: 'original' | 'reply' | 'reshare' | 'quote';
  replyTo: string | null;
  reshareOf: string | null;
  quoteOf: string | null;
  hashtags: number;
  likes: number | null;
  reshares: number | null;
  replies: number | null;
  visibility: Visibility | null;
}

/** The low-volume writes, applied in order. */
export type WriteOp =
  | { op: 'account'; values: AccountValues }
  | { op: 'identity'; identity: string; accountId: number }
  | { op: 'post'; values: PostValues }
  | { op: 'set-handle'; id: number; handle: string; key: string }
  | { op: 'set-external-id'; id: number; externalId: string }
  | { op: 'merge'; keep: number; drop: number };

/** Accounts first named in this batch, with the ids the resolver gave them. */
export interface NewAccounts {
  ids: number[];
  networks: string[];
  handles: (string | null)[];
  keys: (string | null)[];
  externalIds: (string | null)[];
}

/** Follow edges; time NaN = unknown. */
export interface FollowColumns {
  n: number;
  follower: Float64Array;
  followee: Float64Array;
  time: Float64Array;
}

/**
 * Interaction rows; target 0 = not named by the export, time NaN = unknown. The event key
 * is not sent: the applier derives it from kind, time and posts (deriveEventKey below).
 */
export interface InteractionColumns {
  n: number;
  actor: Float64Array;
  target: Float64Array;
  kind: Uint8Array;
  time: Float64Array;
  sourcePost: (string | null)[];
  targetPost: (string | null)[];
}

/** One message from the record writer to the database writer. */
export interface WriteBatch {
  accounts: NewAccounts;
  ops: WriteOp[];
  follows: FollowColumns;
  interactions: InteractionColumns;
}

/**
 * The interaction's natural key beside actor, kind and target: the post that carries the
 * event ('p:' + id: the liked post for a like, else the actor's own post, else the target
 * post), or else its time ('t:' + epoch ms). So the same event given as a post and as an
 * interactions row, or imported twice, is one row.
 */
export function deriveEventKey(kind: number, time: number, sourcePost: string | null, targetPost: string | null): string {
  const post = kind === LIKE_CODE ? targetPost : (sourcePost ?? targetPost);
  return post !== null ? 'p:' + post : `t:${Number.isNaN(time) ? '' : time}`;
}

/** The buffers a batch transfers (ownership moves to the receiving thread). */
export function listTransferables(batch: WriteBatch): ArrayBuffer[] {
  const f = batch.follows;
  const i = batch.interactions;
  return [f.follower, f.followee, f.time, i.actor, i.target, i.kind, i.time].map((a) => a.buffer as ArrayBuffer);
}

/** Rows per batch: big enough to amortize a message, small enough to keep both threads busy. */
export const BATCH_ROWS = 16_384;
const MAX_OPS = 4_096;

/** Builds batches on the importing thread and hands each full one to `send`. */
export interface BatchBuilder {
  addAccount(id: number, network: string, handle: string | null, key: string | null, externalId: string | null): void;
  op(op: WriteOp): void;
  addFollow(follower: number, followee: number, time: number | undefined): void;
  addInteraction(
    actor: number,
    target: number,
    kind: number,
    time: number | undefined,
    sourcePost: string | undefined | null,
    targetPost: string | undefined | null,
  ): void;
  /** sends what is buffered, if anything */
  flush(): void;
}

/** A builder that sends batches of at most BATCH_ROWS rows per table to `send`. */
export function createBatchBuilder(send: (batch: WriteBatch) => void): BatchBuilder {
  // Working columns, allocated once; a sent batch gets copies of the filled part.
  const follows = { n: 0, follower: new Float64Array(BATCH_ROWS), followee: new Float64Array(BATCH_ROWS), time: new Float64Array(BATCH_ROWS) };
  const inter = {
    n: 0,
    actor: new Float64Array(BATCH_ROWS),
    target: new Float64Array(BATCH_ROWS),
    kind: new Uint8Array(BATCH_ROWS),
    time: new Float64Array(BATCH_ROWS),
    sourcePost: [] as (string | null)[],
    targetPost: [] as (string | null)[],
  };
  let accounts: NewAccounts = { ids: [], networks: [], handles: [], keys: [], externalIds: [] };
  let ops: WriteOp[] = [];

  const flush = () => {
    if (accounts.ids.length === 0 && ops.length === 0 && follows.n === 0 && inter.n === 0) return;
    const f = follows.n;
    const n = inter.n;
    const batch: WriteBatch = {
      accounts,
      ops,
      follows: { n: f, follower: follows.follower.slice(0, f), followee: follows.followee.slice(0, f), time: follows.time.slice(0, f) },
      interactions: {
        n,
        actor: inter.actor.slice(0, n),
        target: inter.target.slice(0, n),
        kind: inter.kind.slice(0, n),
        time: inter.time.slice(0, n),
        sourcePost: inter.sourcePost,
        targetPost: inter.targetPost,
      },
    };
    accounts = { ids: [], networks: [], handles: [], keys: [], externalIds: [] };
    ops = [];
    follows.n = 0;
    inter.n = 0;
    inter.sourcePost = [];
    inter.targetPost = [];
    send(batch);
  };
  return {
    addAccount(id, network, handle, key, externalId) {
      accounts.ids.push(id);
      accounts.networks.push(network);
      accounts.handles.push(handle);
      accounts.keys.push(key);
      accounts.externalIds.push(externalId);
      if (accounts.ids.length >= BATCH_ROWS) flush();
    },
    op(op) {
      // A merge rewrites rows already written: everything before it goes first, alone.
      if (op.op === 'merge') flush();
      ops.push(op);
      if (op.op === 'merge' || ops.length >= MAX_OPS) flush();
    },
    addFollow(follower, followee, time) {
      const n = follows.n;
      follows.follower[n] = follower;
      follows.followee[n] = followee;
      follows.time[n] = time ?? NaN;
      follows.n = n + 1;
      if (n + 1 >= BATCH_ROWS) flush();
    },
    addInteraction(actor, target, kind, time, sourcePost, targetPost) {
      const n = inter.n;
      inter.actor[n] = actor;
      inter.target[n] = target;
      inter.kind[n] = kind;
      inter.time[n] = time ?? NaN;
      inter.sourcePost.push(sourcePost ?? null);
      inter.targetPost.push(targetPost ?? null);
      inter.n = n + 1;
      if (n + 1 >= BATCH_ROWS) flush();
    },
    flush,
  };
}
