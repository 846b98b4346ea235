/**
 * The Instagram adapter: "Download your information" in JSON (the .zip, its folder, or
 * one of its files), in the 2024 and 2026 layouts, with the Threads part an Instagram
 * download carries in `your_instagram_activity/threads/`. See README "Instagram".
 */
import type { Adapter, Source } from '../source.js';
import { runExportPlan } from '../own-data/export-plan.js';
import { parseSimpleHandle } from '../own-data/handles.js';
import { refuseHtmlExport } from '../own-data/html-export.js';
import { declareOwnerCounts, makeMetaContext } from '../own-data/meta-readers.js';
import { makeExportOwner } from '../own-data/owner.js';
import { peekText } from '../own-data/read-json.js';
import { THREADS } from '../threads/read-threads.js';
import { THREADS_FIX } from '../threads/index.js';
import { INSTAGRAM_HTML_MARKER, INSTAGRAM_MARKER, INSTAGRAM_RULES, type InstagramContext } from './files.js';
import { INSTAGRAM } from './read-content.js';

/** How to get a good copy, for error messages. */
export const INSTAGRAM_FIX = 'download your information again from Instagram in JSON format (Accounts Center > Your information and permissions > Download your information)';

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1).toLowerCase();
const inThreads = (name: string): boolean => /(?:^|\/)threads\//i.test(name);

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

/** Imports an Instagram export. */
export const instagramAdapter: Adapter = {
  format: 'instagram',
  description: 'Instagram "Download your information" (JSON): followers_1.json, following.json, posts_1.json, liked_posts.json, post_comments_1.json',
  detect: detectInstagram,
  async read(source, sink, options) {
    refuseHtmlExport(source, INSTAGRAM_HTML_MARKER, 'Instagram');
    const igOwner = makeExportOwner(INSTAGRAM, sink, options.owner, parseSimpleHandle);
    const threadsOwner = makeExportOwner(THREADS, sink, options.owner, parseSimpleHandle);
    const ctx: InstagramContext = {
      instagram: makeMetaContext(sink, INSTAGRAM, igOwner, INSTAGRAM_FIX),
      threads: makeMetaContext(sink, THREADS, threadsOwner, THREADS_FIX),
    };
    const rules = INSTAGRAM_RULES.map((r) =>
      r.read && r.order === 0 && !r.match('threads/x', 'personal_information.json')
        ? {
            ...r,
            // a Threads profile has the Instagram user name: the Instagram profile names both owners
            async read(entry: Parameters<NonNullable<typeof r.read>>[0], c: InstagramContext) {
              await r.read!(entry, c);
              const named = igOwner.named();
              if (named) threadsOwner.nameFromExport(named.handle, named.file);
            },
          }
        : r,
    );
    const plan = await runExportPlan(source, rules, ctx, sink);
    const readNames = (inThreadsFolder: boolean) => plan.read.filter((e) => inThreads(e.name) === inThreadsFolder).map((e) => base(e.name));
    const ig = readNames(false);
    declareOwnerCounts(ctx.instagram, { followers: ig.some((n) => n.startsWith('followers')), following: ig.some((n) => n.startsWith('following')) });
    const th = readNames(true);
    if (ig.length > 0 || th.length === 0) igOwner.finish(plan.read.find((e) => !inThreads(e.name))?.displayPath ?? source.path);
    if (th.length > 0) {
      declareOwnerCounts(ctx.threads, { followers: th.some((n) => n.startsWith('followers')), following: th.some((n) => n.startsWith('following')) });
      threadsOwner.finish(plan.read.find((e) => inThreads(e.name))?.displayPath ?? source.path);
    }
  },
};
