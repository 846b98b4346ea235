/**
 * Every engagement event of a World in one pass: replies, reshares, quotes and mentions
 * (carried by posts) and likes. Self-engagement (threads, replying to oneself) is skipped:
 * it is nobody's engagement.
 */
import { KIND_ORIGINAL, KIND_QUOTE, KIND_REPLY, KIND_RESHARE, type World } from './world-types.js';

/** Engagement kinds, in the engine's KIND_CODES order (reply 0 ... like 4). */
export const E_REPLY = 0;
/** A reshare (retweet, boost). */
export const E_RESHARE = 1;
/** A quote. */
export const E_QUOTE = 2;
/** A mention by @handle in an original. */
export const E_MENTION = 3;
/** A like. */
export const E_LIKE = 4;
/** Names of the E_* codes, by code. */
export const ENGAGEMENT_KINDS = ['reply', 'reshare', 'quote', 'mention', 'like'] as const;

/**
 * Calls `visit` for each engagement event: actor, target account, kind (E_*), time in
 * seconds since t0, the post carrying it (replies, reshares, quotes, mentions: the actor's
 * post; likes: -1), the post reacted to (-1 for mentions), and whether it is fake.
 */
export function forEachEngagement(
  world: World,
  visit: (actor: number, target: number, kind: number, time: number, sourcePost: number, targetPost: number, fake: number) => void,
): void {
  const p = world.posts;
  for (let q = 0; q < p.n; q++) {
    const kind = p.kind[q]!;
    const actor = p.author[q]!;
    if (kind === KIND_ORIGINAL) {
      const m = p.mention[q]!;
      if (m >= 0 && m !== actor) visit(actor, m, E_MENTION, p.time[q]!, q, -1, p.fake[q]!);
      continue;
    }
    const parent = p.parent[q]!;
    if (parent < 0) continue;
    const target = p.author[parent]!;
    if (target === actor) continue;
    const e = kind === KIND_REPLY ? E_REPLY : kind === KIND_RESHARE ? E_RESHARE : kind === KIND_QUOTE ? E_QUOTE : -1;
    if (e >= 0) visit(actor, target, e, p.time[q]!, q, parent, p.fake[q]!);
  }
  const l = world.likes;
  for (let k = 0; k < l.n; k++) {
    const post = l.post[k]!;
    const target = p.author[post]!;
    if (target !== l.actor[k]) visit(l.actor[k]!, target, E_LIKE, l.time[k]!, -1, post, l.fake[k]!);
  }
}
