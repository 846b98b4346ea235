/**
 * The Instagram adapter: "Download your information" in JSON (the .zip, its folder, or
 * one of its files), in the 2024 and 2026 layouts, with the Threads part an Instagram
 * download carries in `your_instagram_activity/threads/`. See README "Instagram".
 */
import type { Adapter } from '../source.js';
import { runExportPlan } from '../own-data/export-plan.js';
import { parseSimpleHandle } from '../own-data/handles.js';
import { refuseHtmlExport } from '../own-data/html-export.js';
import { declareOwnerCounts, makeMetaContext } from '../own-data/meta-readers.js';
import { makeExportOwner } from '../own-data/owner.js';
import { THREADS } from '../threads/read-threads.js';
import { THREADS_FIX } from '../threads/index.js';
import { INSTAGRAM_RULES, type InstagramContext } from './files.js';
import { INSTAGRAM_FORMAT, INSTAGRAM_HTML_MARKER, detectInstagram, inThreads } from './detect.js';
import { INSTAGRAM } from './read-content.js';

/** How to get a good copy, for error messages. */
export const INSTAGRAM_FIX = 'download your information again from Instagram in JSON format (Accounts Center > Your information and permissions > Download your information)';

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1).toLowerCase();

/** Imports an Instagram export. */
export const instagramAdapter: Adapter = {
  ...INSTAGRAM_FORMAT,
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
