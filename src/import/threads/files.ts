/**
 * The registry of a Threads export's files (standalone, or the `threads/` folder of an
 * Instagram export): which are read, and why the others are not.
 */
import type { FileRule } from '../own-data/export-plan.js';
import { type MetaContext, readFollowList, readMetaLikes, readMetaProfile } from '../own-data/meta-readers.js';
import { readThreadsPosts } from './read-threads.js';

/** The shortcode in a Threads post link (`threads.net/@name/post/CODE`, threads.com too). */
export const THREADS_POST_LINK = /threads\.(?:net|com)\/@?[^/\s]+\/post\/([A-Za-z0-9_-]+)/i;

/** Rules by base name; `inThreadsFolder` narrows them to paths under `threads/` (inside an Instagram export). */
export function threadsRules(inThreadsFolder: boolean): FileRule<MetaContext>[] {
  const at = (re: RegExp) => (path: string, base: string) => re.test(base) && (!inThreadsFolder || /(?:^|\/)threads\//i.test(path));
  return [
    { match: at(/^personal_information\.json$/), order: 0, read: readMetaProfile },
    { match: at(/^threads_and_replies(?:_\d+)?\.json$/), order: 1, read: readThreadsPosts },
    { match: at(/^followers(?:_\d+)?\.json$/), order: 2, read: (e, c) => readFollowList(e, c, 'in') },
    { match: at(/^following(?:_\d+)?\.json$/), order: 2, read: (e, c) => readFollowList(e, c, 'out') },
    { match: at(/^liked_threads(?:_\d+)?\.json$/), order: 3, read: (e, c) => readMetaLikes(e, c, THREADS_POST_LINK) },
    { match: at(/^saved_threads/), skip: 'saved threads are private: not imported' },
    { match: at(/^archived_threads/), skip: 'archived threads are hidden from your profile: not imported' },
    { match: at(/^threads_viewed/), skip: 'viewing history: not imported' },
    { match: at(/blocked|restricted|muted|hidden/), skip: 'blocks and mutes are private: not imported' },
    { match: at(/follow_requests|unfollowed|pending/), skip: 'follow requests and unfollows are private: not imported' },
  ];
}
