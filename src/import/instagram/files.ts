/**
 * The registry of an Instagram "Download your information" export (JSON): which files are
 * read, and why every other one is not. Paths changed over the years
 * (`followers_and_following/` -> `connections/followers_and_following/`, `content/` ->
 * `your_instagram_activity/content/` -> `your_instagram_activity/media/`), so files are
 * matched by name wherever they are; direct messages are matched by their folder.
 */
import type { SourceEntry } from '../source.js';
import type { FileRule } from '../own-data/export-plan.js';
import { type MetaContext, readFollowList, readMetaLikes, readMetaProfile } from '../own-data/meta-readers.js';
import { threadsRules } from '../threads/files.js';
import { readComments, readPosts } from './read-content.js';

/** The two networks of an Instagram export: Instagram, and Threads in `threads/`. */
export interface InstagramContext {
  instagram: MetaContext;
  threads: MetaContext;
}

/** The shortcode in an Instagram post link (`instagram.com/p/CODE/`, `/reel/CODE/`, `/tv/CODE/`). */
export const INSTAGRAM_POST_LINK = /instagram\.com\/(?:[A-Za-z0-9._]+\/)?(?:p|reels?|tv)\/([A-Za-z0-9_-]+)/i;

const inThreads = (path: string): boolean => /(?:^|\/)threads\//i.test(path);
const inMessages = (path: string): boolean => /(?:^|\/)(?:messages|inbox|message_requests)\//i.test(path);

/** A rule on the base name, outside `threads/` and the message folders. */
const named = (re: RegExp) => (path: string, base: string) => re.test(base) && !inThreads(path) && !inMessages(path);

type Read = (entry: SourceEntry, ctx: MetaContext) => Promise<void>;
const ig = (read: Read) => (entry: SourceEntry, ctx: InstagramContext) => read(entry, ctx.instagram);
const th = (read: Read | undefined) => (read ? (entry: SourceEntry, ctx: InstagramContext) => read(entry, ctx.threads) : undefined);

/** Every rule, in matching order. */
export const INSTAGRAM_RULES: readonly FileRule<InstagramContext>[] = [
  // Direct messages first: a conversation folder may hold files with any name.
  {
    match: (path) => inMessages(path),
    group: (path) => /^(.*?(?:^|\/)(?:messages|inbox|message_requests)\/)/i.exec(path)?.[1] ?? 'messages/',
    skip: 'direct messages are private: never imported',
  },
  { match: named(/^personal_information\.json$/), order: 0, read: ig(readMetaProfile) },
  { match: named(/^followers(?:_\d+)?\.json$/), order: 2, read: ig((e, c) => readFollowList(e, c, 'in')) },
  { match: named(/^following(?:_\d+)?\.json$/), order: 2, read: ig((e, c) => readFollowList(e, c, 'out')) },
  { match: named(/^(?:posts_\d+|posts|reels|igtv_videos)\.json$/), order: 1, read: ig(readPosts) },
  { match: named(/^(?:post_comments(?:_\d+)?|reels_comments)\.json$/), order: 3, read: ig(readComments) },
  { match: named(/^liked_posts(?:_\d+)?\.json$/), order: 3, read: ig((e, c) => readMetaLikes(e, c, INSTAGRAM_POST_LINK)) },
  // Threads, inside the Instagram export
  ...threadsRules(true).map((r): FileRule<InstagramContext> => ({ ...r, read: th(r.read) })),
  { match: (path) => inThreads(path), skip: 'not used by influence' },
  // Recognised and deliberately not imported
  { match: named(/^stories\.json$/), skip: 'stories expire after a day: not imported as posts' },
  { match: named(/^archived_posts\.json$/), skip: 'archived posts are hidden from your profile: not imported' },
  { match: named(/^recently_deleted/), skip: 'deleted content: not imported' },
  { match: named(/^profile_photos\.json$/), skip: 'profile photos: not imported' },
  { match: named(/^liked_comments\.json$/), skip: 'likes of comments: the export does not identify the comment' },
  { match: (path) => /(?:^|\/)saved\//i.test(path), skip: 'saved items are private: not imported' },
  { match: (path) => /(?:^|\/)story_(?:sticker_)?interactions\/|story_activities/i.test(path), skip: 'story reactions expire with the story: not imported' },
  {
    match: named(/blocked|restricted|close_friends|hide_story_from|follow_requests|pending_follow|unfollowed|removed_suggestions|muted/),
    skip: 'private lists (blocks, close friends, requests): not imported',
  },
];
