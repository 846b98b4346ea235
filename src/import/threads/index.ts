/**
 * The Threads adapter: a Threads export on its own (the JSON download of a Threads
 * profile, or the `threads/` folder of an Instagram download, or one of its files).
 * Posts and replies, followers, following and likes; see README "Threads".
 */
import type { Adapter } from '../source.js';
import { runExportPlan } from '../own-data/export-plan.js';
import { parseSimpleHandle } from '../own-data/handles.js';
import { refuseHtmlExport } from '../own-data/html-export.js';
import { declareOwnerCounts, makeMetaContext } from '../own-data/meta-readers.js';
import { makeExportOwner } from '../own-data/owner.js';
import { peekText } from '../own-data/read-json.js';
import { threadsRules } from './files.js';
import { THREADS_FORMAT, detectThreads } from './detect.js';
import { THREADS } from './read-threads.js';

/** How to get a good copy, for error messages. */
export const THREADS_FIX = 'download your information again from Threads or Instagram in JSON format (Accounts Center > Your information and permissions)';

/** The file each top-level key belongs in, for a lone file under another name. */
const KEY_FILES: Record<string, string> = {
  text_post_app_text_posts: 'threads_and_replies.json',
  text_post_app_text_post_app_followers: 'followers.json',
  text_post_app_text_post_app_following: 'following.json',
  text_post_app_media_likes: 'liked_threads.json',
  text_post_app_text_post_app_profile: 'personal_information.json',
};

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1).toLowerCase();

/** Imports a Threads export. */
export const threadsAdapter: Adapter = {
  ...THREADS_FORMAT,
  detect: detectThreads,
  async read(source, sink, options) {
    refuseHtmlExport(source, /^threads_and_replies\.html$/, 'Threads');
    const owner = makeExportOwner(THREADS, sink, options.owner, parseSimpleHandle);
    const ctx = makeMetaContext(sink, THREADS, owner, THREADS_FIX);
    const rules = threadsRules(false);
    if (source.kind === 'file' && source.entries[0] && !rules.some((r) => r.match(source.entries[0]!.name, base(source.entries[0]!.name)))) {
      // a lone file under another name ('my-threads.json'): read by its top-level key
      const key = /^\s*\{\s*"(text_post_app_\w+)"/.exec(await peekText(source.entries[0], 256))?.[1];
      const byKey = key ? KEY_FILES[key] : undefined;
      if (byKey) rules.unshift({ ...rules.find((r) => r.match(byKey, byKey))!, match: () => true });
    }
    const plan = await runExportPlan(source, rules, ctx, sink);
    const names = plan.read.map((e) => base(e.name));
    declareOwnerCounts(ctx, { followers: names.some((n) => n.startsWith('followers')), following: names.some((n) => n.startsWith('following')) });
    owner.finish(plan.read[0]?.displayPath ?? source.path);
  },
};
