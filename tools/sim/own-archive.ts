/**
 * One account of a World seen the way its own export shows it (a Twitter/X archive is the
 * model): the owner's posts up to asOf with the counts they declare (likes and reshares; a
 * Twitter archive has no reply counts, `replies: true` adds them as other exports do), its
 * complete follower and following lists, the engagement it sent (replies, reshares, quotes
 * and mentions from its posts; likes it gave, naming the post only), and nothing about how
 * anyone else was received or engaged beyond those declared counts. Declared audience: the
 * lists' lengths (the World's declared followers and following); no list count.
 *
 * Account 0 is the owner; the others are the accounts the export names, with nothing
 * declared. The owner carries LISTS FOLLOWERS | FOLLOWING | POSTS, as an importer sets them
 * (store/records.ts OwnLists).
 */
import { KIND, LISTS, unknownAccountColumns, type Dataset } from '../../src/engine/dataset.js';
import { forEachEngagement } from './events.js';
import { KIND_REPLY, KIND_RESHARE, type World } from './world-types.js';

const ENGINE_KIND = [KIND.reply, KIND.reshare, KIND.quote, KIND.mention, KIND.like];

/** Options of the view. */
export interface OwnArchiveOptions {
  /** the posts declare reply counts too (Bluesky, generic exports); default false, as Twitter */
  replies?: boolean;
}

/** The own-archive view of account `owner` (see the module doc). */
export function ownArchiveView(world: World, owner: number, options: OwnArchiveOptions = {}): Dataset {
  const a = world.accounts;
  const p = world.posts;
  const asOfSec = (world.asOf - world.t0) / 1000;
  const local = new Map<number, number>([[owner, 0]]);
  const idOf = (w: number): number => {
    let i = local.get(w);
    if (i === undefined) local.set(w, (i = local.size));
    return i;
  };

  // declared counts on the owner's posts, from the events up to asOf
  const likes = new Map<number, number>();
  const reshares = new Map<number, number>();
  const replies = new Map<number, number>();
  const bump = (m: Map<number, number>, q: number) => m.set(q, (m.get(q) ?? 0) + 1);
  for (let k = 0; k < world.likes.n; k++) {
    if (world.likes.time[k]! > asOfSec) continue;
    const q = world.likes.post[k]!;
    if (p.author[q] === owner) bump(likes, q);
  }
  const posts: number[] = [];
  for (let q = 0; q < p.n && p.time[q]! <= asOfSec; q++) {
    if (p.author[q] === owner) posts.push(q);
    const parent = p.parent[q]!;
    if (parent < 0 || p.author[parent] !== owner) continue;
    if (p.kind[q] === KIND_RESHARE) bump(reshares, parent);
    else if (p.kind[q] === KIND_REPLY) bump(replies, parent);
  }

  // what the owner sent: engagement carried by its posts, and its likes (target unnamed)
  const actor: number[] = [];
  const target: number[] = [];
  const kind: number[] = [];
  const time: number[] = [];
  forEachEngagement(world, (ac, ta, k, t) => {
    if (ac !== owner || t > asOfSec) return;
    actor.push(0);
    target.push(ENGINE_KIND[k] === KIND.like ? -1 : idOf(ta));
    kind.push(ENGINE_KIND[k]!);
    time.push(world.t0 + t * 1000);
  });

  // the complete lists: who follows the owner, whom the owner follows
  const follower: number[] = [];
  const followee: number[] = [];
  const followTime: number[] = [];
  const f = world.follows;
  for (let k = 0; k < f.n; k++) {
    if (f.follower[k] === owner) {
      follower.push(0);
      followee.push(idOf(f.followee[k]!));
      followTime.push(f.time[k]!);
    } else if (f.followee[k] === owner) {
      follower.push(idOf(f.follower[k]!));
      followee.push(0);
      followTime.push(f.time[k]!);
    }
  }

  const n = local.size;
  const nan = () => new Float64Array(n).fill(NaN);
  const handles = new Array<string>(n);
  for (const [w, i] of local) handles[i] = a.handle[w]!;
  const followers = nan();
  const following = nan();
  const postsDeclared = nan();
  const createdAt = nan();
  followers[0] = a.followers[owner]!;
  following[0] = a.following[owner]!;
  postsDeclared[0] = a.postsDeclared[owner]!;
  createdAt[0] = a.createdAt[owner]!;
  const lists = new Uint8Array(n);
  lists[0] = LISTS.FOLLOWERS | LISTS.FOLLOWING | LISTS.POSTS;
  const declared = (m: Map<number, number>, q: number): number => (p.kind[q] === KIND_RESHARE ? NaN : (m.get(q) ?? 0));
  return {
    accounts: { ...unknownAccountColumns(n, world.config.network), handle: handles, followers, following, postsDeclared, createdAt, lists },
    posts: {
      n: posts.length,
      author: new Int32Array(posts.length),
      createdAt: Float64Array.from(posts, (q) => world.t0 + p.time[q]! * 1000),
      kind: Uint8Array.from(posts, (q) => p.kind[q]!),
      hashtags: new Uint16Array(posts.length),
      words: new Uint16Array(posts.length),
      likes: Float64Array.from(posts, (q) => declared(likes, q)),
      reshares: Float64Array.from(posts, (q) => declared(reshares, q)),
      replies: Float64Array.from(posts, (q) => (options.replies ? declared(replies, q) : NaN)),
    },
    interactions: {
      n: actor.length,
      actor: Int32Array.from(actor),
      target: Int32Array.from(target),
      kind: Uint8Array.from(kind),
      createdAt: Float64Array.from(time),
      targetPost: new Int32Array(actor.length).fill(-1),
    },
    follows: { n: follower.length, follower: Int32Array.from(follower), followee: Int32Array.from(followee), createdAt: Float64Array.from(followTime) },
  };
}
