/**
 * `threads_and_replies.json`: the owner's Threads posts and replies, under
 * `text_post_app_text_posts`, each with its `media[]` (text in `title`, time in
 * `creation_timestamp`, `text_app_post.is_reply` on replies). A post of several media
 * carries the text and time on the record itself. There is no post id, no link and no
 * parent: a post is identified by its time, text and first media file; a reply's target
 * is unknown (the export does not say).
 */
import type { PostRecord } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { contentId } from '../own-data/ids.js';
import { type MetaContext, forEachRecord } from '../own-data/meta-readers.js';
import { asObject, metaString } from '../own-data/meta-fields.js';
import { findEntities } from '../own-data/text-entities.js';
import { fromUnixSeconds } from '../own-data/times.js';

/** The network name of Threads records. */
export const THREADS = 'threads';

/** One post of threads_and_replies.json, or why it is not one. */
export function convertThreadsPost(item: unknown, owner: PostRecord['author'], network = THREADS): PostRecord | { field: string; reason: string } {
  const obj = asObject(item);
  if (!obj) return { field: '', reason: 'is not an object' };
  const media = (Array.isArray(obj['media']) ? obj['media'] : []).map(asObject).filter((m): m is Record<string, unknown> => m !== undefined);
  const times = media.map((m) => fromUnixSeconds(m['creation_timestamp'], 'media[].creation_timestamp')).filter((t): t is number => t !== undefined);
  const createdAt = fromUnixSeconds(obj['creation_timestamp'], 'creation_timestamp') ?? (times.length ? Math.min(...times) : undefined);
  if (createdAt === undefined) return { field: 'media[0].creation_timestamp', reason: 'is missing (neither the post nor its media give a time)' };
  const text = metaString(obj, 'title') ?? media.map((m) => metaString(m, 'title')).find((t) => t !== undefined) ?? '';
  const isReply = [obj, ...media].some((m) => asObject(m['text_app_post'])?.['is_reply'] === true);
  const post: PostRecord = {
    type: 'post',
    network,
    externalId: contentId('thread', createdAt, text, media.map((m) => metaString(m, 'uri')).find((u) => u !== undefined)),
    author: owner,
    createdAt,
    text,
  };
  if (isReply) post.replyTo = {};
  const { mentions, hashtags } = findEntities(text);
  if (mentions.length) post.mentions = mentions.map((handle) => ({ network, handle }));
  if (hashtags.length) post.hashtags = hashtags;
  return post;
}

/** Reads threads_and_replies.json: one post per record. */
export async function readThreadsPosts(entry: SourceEntry, ctx: MetaContext): Promise<void> {
  const owner = ctx.owner.ref();
  await forEachRecord(entry, ctx, 'Threads posts: {"text_post_app_text_posts": [{"media": [{"creation_timestamp", "title"}]}]}', (item, index) => {
    const post = convertThreadsPost(item, owner, ctx.network);
    if ('reason' in post) {
      ctx.sink.problem({ file: entry.displayPath, record: index, field: post.field || undefined, reason: post.reason, expected: 'a post with media[].creation_timestamp', fix: `${ctx.fix}, or pass --skip-invalid` });
      return;
    }
    ctx.posts = (ctx.posts ?? 0) + 1;
    ctx.sink.record(post, { file: entry.displayPath, record: index });
  });
}
