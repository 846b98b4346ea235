/**
 * A World's history (everything up to asOf) as the engine's Dataset, without going
 * through CSV files and the importer: for engine tests and measurements on known truth.
 * Account i of the World is account i of the Dataset; history posts are the first
 * posts of the World (posts are sorted by time), so post indexes are the same too.
 */
import { KIND, unknownAccountColumns, type Dataset } from '../../src/engine/dataset.js';
import { forEachEngagement } from './events.js';
import { accountBio, postText } from './text.js';
import type { World } from './world-types.js';

const ENGINE_KIND = [KIND.reply, KIND.reshare, KIND.quote, KIND.mention, KIND.like];
const HASHTAG = /#[\p{L}\p{N}_]+/gu;

/** Hashtags and words (hashtags excluded) in a text, as the store counts them. */
export function countTokens(text: string): { hashtags: number; words: number } {
  const hashtags = text.match(HASHTAG)?.length ?? 0;
  let words = 0;
  for (const token of text.split(/\s+/)) if (token && !token.startsWith('#')) words++;
  return { hashtags, words };
}

/** The history of `world` as the engine's input columns. */
export function toDataset(world: World): Dataset {
  const a = world.accounts;
  const p = world.posts;
  const asOfSec = (world.asOf - world.t0) / 1000;
  let nPosts = 0;
  while (nPosts < p.n && p.time[nPosts]! <= asOfSec) nPosts++;

  const hashtags = new Uint16Array(nPosts);
  const words = new Uint16Array(nPosts);
  for (let q = 0; q < nPosts; q++) {
    const c = countTokens(postText(world, q));
    hashtags[q] = Math.min(65535, c.hashtags);
    words[q] = Math.min(65535, c.words);
  }
  const declared = (col: Int32Array) => Float64Array.from(col.subarray(0, nPosts), (x) => (x >= 0 ? x : NaN));

  const actor: number[] = [];
  const target: number[] = [];
  const kind: number[] = [];
  const time: number[] = [];
  const targetPost: number[] = [];
  forEachEngagement(world, (ac, ta, k, t, _source, post) => {
    if (t > asOfSec) return;
    actor.push(ac);
    target.push(ta);
    kind.push(ENGINE_KIND[k]!);
    time.push(world.t0 + t * 1000);
    targetPost.push(post);
  });
  const ev = world.followEvents;
  for (let k = 0; k < ev.n; k++) {
    if (ev.time[k]! > world.asOf) continue;
    actor.push(ev.actor[k]!);
    target.push(ev.target[k]!);
    kind.push(ev.kind[k] === 0 ? KIND.follow : KIND.unfollow);
    time.push(ev.time[k]!);
    targetPost.push(-1);
  }
  return {
    accounts: {
      ...unknownAccountColumns(a.n, world.config.network),
      handle: a.handle.slice(),
      bio: Array.from({ length: a.n }, (_, i) => accountBio(world, i)),
      followers: a.followers.slice(),
      following: a.following.slice(),
      listed: a.listed.slice(),
      postsDeclared: a.postsDeclared.slice(),
      verified: Float64Array.from(a.verified),
      createdAt: a.createdAt.slice(),
    },
    posts: {
      n: nPosts,
      author: p.author.slice(0, nPosts),
      createdAt: Float64Array.from(p.time.subarray(0, nPosts), (t) => world.t0 + t * 1000),
      kind: p.kind.slice(0, nPosts),
      hashtags,
      words,
      likes: declared(p.likes),
      reshares: declared(p.reshares),
      replies: declared(p.replies),
    },
    interactions: {
      n: actor.length,
      actor: Int32Array.from(actor),
      target: Int32Array.from(target),
      kind: Uint8Array.from(kind),
      createdAt: Float64Array.from(time),
      targetPost: Int32Array.from(targetPost),
    },
    follows: {
      n: world.follows.n,
      follower: world.follows.follower.slice(),
      followee: world.follows.followee.slice(),
      createdAt: world.follows.time.slice(),
    },
  };
}

