/**
 * The owner's Instagram posts (`posts_1.json`, …, `reels.json`, `igtv_videos.json`) and
 * comments (`post_comments_1.json`, `reels_comments.json`). Neither carries a post id or a
 * link: a post is identified by the media id in its first file name
 * (`media/posts/202405/…_18032017582961826.jpg`), a comment by its time, text and the
 * account it answers. There are no reshares on Instagram, and no counts of likes or
 * comments received.
 */
import type { PostRecord } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { contentId } from '../own-data/ids.js';
import { type MetaContext, forEachRecord } from '../own-data/meta-readers.js';
import { type MetaField, asObject, findField, flattenFields, labelSet, metaString, readMetaFields } from '../own-data/meta-fields.js';
import { parseSimpleHandle } from '../own-data/handles.js';
import { findEntities } from '../own-data/text-entities.js';
import { fromUnixSeconds } from '../own-data/times.js';

/** The network name of Instagram records. */
export const INSTAGRAM = 'instagram';

/** The media id in a media file name (`…_18032017582961826.jpg`, `17852238405523714.jpg`), or undefined. */
export function mediaIdFromUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const base = uri.slice(uri.lastIndexOf('/') + 1).replace(/\.[A-Za-z0-9]+$/, '');
  const m = /(?:^|_)(\d{6,25})$/.exec(base);
  return m ? m[1] : undefined;
}

/**
 * One post record of a posts file, or why it is not one. The caption is the record's
 * `title` (several photos) or its first media's (one photo); the time likewise.
 */
export function convertPost(item: unknown, owner: PostRecord['author'], network: string): PostRecord | { field: string; reason: string } {
  const obj = asObject(item);
  if (!obj) return { field: '', reason: 'is not an object' };
  const media = (Array.isArray(obj['media']) ? obj['media'] : []).map(asObject).filter((m): m is Record<string, unknown> => m !== undefined);
  const times = [fromUnixSeconds(obj['creation_timestamp'], 'creation_timestamp'), ...media.map((m) => fromUnixSeconds(m['creation_timestamp'], 'media[].creation_timestamp'))].filter((t): t is number => t !== undefined);
  const createdAt = fromUnixSeconds(obj['creation_timestamp'], 'creation_timestamp') ?? (times.length ? Math.min(...times) : undefined);
  if (createdAt === undefined) return { field: 'creation_timestamp', reason: 'is missing (neither the post nor its media give a time)' };
  const text = metaString(obj, 'title') ?? media.map((m) => metaString(m, 'title')).find((t) => t !== undefined) ?? '';
  const externalId = media.map((m) => mediaIdFromUri(metaString(m, 'uri'))).find((id) => id !== undefined) ?? contentId('post', createdAt, text);
  const post: PostRecord = { type: 'post', network, externalId, author: owner, createdAt, text };
  const { mentions, hashtags } = findEntities(text);
  if (mentions.length) post.mentions = mentions.map((handle) => ({ network, handle }));
  if (hashtags.length) post.hashtags = hashtags;
  return post;
}

/** Reads a posts file: one post per record. */
export async function readPosts(entry: SourceEntry, ctx: MetaContext): Promise<void> {
  const owner = ctx.owner.ref();
  await forEachRecord(entry, ctx, 'an Instagram posts file: [{"media": [{"uri", "creation_timestamp", "title"}]}]', (item, index) => {
    const post = convertPost(item, owner, ctx.network);
    if ('reason' in post) {
      ctx.sink.problem({ file: entry.displayPath, record: index, field: post.field || undefined, reason: post.reason, expected: 'a post with its media and creation_timestamp', fix: `${ctx.fix}, or pass --skip-invalid` });
      return;
    }
    ctx.posts = (ctx.posts ?? 0) + 1;
    ctx.sink.record(post, { file: entry.displayPath, record: index });
  });
}

const COMMENT_LABELS = labelSet('Comment', 'Commentaire', 'Kommentar', 'Comentario', 'Commento', 'Comentário', 'Reactie', 'Opmerking', 'Kommentti', 'Komentarz', 'Yorum', 'Комментарий', 'コメント', '评论', '留言', '댓글');
const MEDIA_OWNER_LABELS = labelSet(
  'Media Owner', 'Propriétaire du contenu', 'Propriétaire de la publication', 'Propriétaire du média', 'Medieninhaber', 'Inhaber des Beitrags',
  'Propietario del contenido', 'Propietario de la publicación', 'Proprietario del contenuto', 'Proprietário do conteúdo', 'Proprietário da publicação',
  'Eigenaar van media', 'Eigenaar van het bericht', 'Владелец публикации', 'メディアの所有者', '媒体所有者', '內容擁有者', '미디어 소유자',
);

/**
 * A comment: a reply post of the owner to the media owner's post (which the export does
 * not identify). Labels are localised; when they are not recognised, Meta's field order
 * (comment, media owner, time) is used.
 */
export function convertComment(item: unknown, owner: PostRecord['author'], network: string): PostRecord | { field: string; reason: string } {
  const obj = asObject(item);
  const fields = readMetaFields(item);
  const values = flattenFields(fields).filter((f): f is MetaField & { value: string } => f.value !== undefined);
  const textField = findField(fields, COMMENT_LABELS) ?? values[0];
  const ownerField = findField(fields, MEDIA_OWNER_LABELS) ?? values.find((f) => f !== textField && parseSimpleHandle(f.value) !== undefined);
  const createdAt = flattenFields(fields).find((f) => f.time !== undefined)?.time ?? fromUnixSeconds(obj?.['timestamp']);
  if (createdAt === undefined) return { field: 'Time', reason: 'is missing' };
  const text = textField?.value ?? '';
  const answered = parseSimpleHandle(ownerField?.value);
  const post: PostRecord = {
    type: 'post',
    network,
    externalId: contentId('comment', createdAt, answered, text),
    author: owner,
    createdAt,
    text,
    replyTo: answered !== undefined ? { author: { network, handle: answered } } : {},
  };
  const { mentions, hashtags } = findEntities(text);
  if (mentions.length) post.mentions = mentions.map((handle) => ({ network, handle }));
  if (hashtags.length) post.hashtags = hashtags;
  return post;
}

/** Reads a comments file: one reply post per comment. */
export async function readComments(entry: SourceEntry, ctx: MetaContext): Promise<void> {
  const owner = ctx.owner.ref();
  await forEachRecord(entry, ctx, 'an Instagram comments file: [{"string_map_data": {"Comment", "Media Owner", "Time"}}]', (item, index) => {
    const post = convertComment(item, owner, ctx.network);
    if ('reason' in post) {
      ctx.sink.problem({ file: entry.displayPath, record: index, field: post.field, reason: post.reason, expected: 'a comment with its text, media owner and time', fix: `${ctx.fix}, or pass --skip-invalid` });
      return;
    }
    ctx.sink.record(post, { file: entry.displayPath, record: index });
  });
}
