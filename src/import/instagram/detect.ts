/**
 * Recognising an Instagram download, apart from reading one: the registry loads this for
 * every import, the readers only for an Instagram download.
 */
import type { Source } from '../source.js';
import { peekText } from '../own-data/read-json.js';

/** The format's name and line for `--help`. */
export const INSTAGRAM_FORMAT = {
  format: 'instagram',
  description: 'Instagram "Download your information" (JSON): followers_1.json, following.json, posts_1.json, liked_posts.json, post_comments_1.json',
} as const;

/** File names an Instagram JSON export is recognised by (anywhere but in `threads/`). */
export const INSTAGRAM_MARKER = /^(?:followers_\d+|liked_posts|posts_\d+|post_comments(?:_\d+)?|reels_comments)\.json$/;
/** The same files in the HTML version of the export. */
export const INSTAGRAM_HTML_MARKER = /^(?:followers_\d+|liked_posts|posts_\d+|post_comments(?:_\d+)?|following)\.html$/;

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1).toLowerCase();
/** Whether an entry lies in the `threads/` folder an Instagram download carries. */
export const inThreads = (name: string): boolean => /(?:^|\/)threads\//i.test(name);

const IG_KEYS = /^\s*\{\s*"(?:relationships_\w+|profile_user|likes_media_likes|ig_\w+|comments_\w+)"/;
const IG_ARRAY = /^\s*\[/;

/**
 * True when the source holds an Instagram export file: a file of Instagram's names (outside
 * `threads/`) whose content is Instagram's (a Threads download may also name a file
 * followers_1.json, but its key starts with `text_post_app_`), or the HTML download.
 */
export async function detectInstagram(source: Source): Promise<boolean> {
  const outside = source.entries.filter((e) => !inThreads(e.name));
  if (outside.some((e) => INSTAGRAM_HTML_MARKER.test(base(e.name)))) return true;
  const candidates = outside.filter((e) => INSTAGRAM_MARKER.test(base(e.name)) || /^(?:following(?:_\d+)?|personal_information)\.json$/.test(base(e.name))).slice(0, 6);
  for (const e of candidates) {
    const head = await peekText(e, 256);
    // followers_1.json, posts_1.json and post_comments_1.json are bare arrays
    if (IG_KEYS.test(head) || (INSTAGRAM_MARKER.test(base(e.name)) && IG_ARRAY.test(head))) return true;
  }
  // a lone file under another name: only by a key of Instagram's own (a bare array is any JSON table)
  const lone = source.kind === 'file' ? source.entries[0] : undefined;
  return lone !== undefined && candidates.length === 0 && /\.json$/i.test(lone.name) && IG_KEYS.test(await peekText(lone, 256));
}
