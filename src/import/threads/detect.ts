/**
 * Recognising a Threads export, apart from reading one: the registry loads this for every
 * import, the readers only for a Threads export.
 */
import type { Source } from '../source.js';
import { peekText } from '../own-data/read-json.js';

/** The format's name and line for `--help`. */
export const THREADS_FORMAT = {
  format: 'threads',
  description: 'Threads export (JSON): threads_and_replies.json, followers.json, following.json, liked_threads.json',
} as const;

/** True for a file name a Threads export is recognised by. */
export const THREADS_MARKER = /^(?:threads_and_replies(?:_\d+)?|liked_threads|saved_threads|threads_viewed)\.json$/;

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1).toLowerCase();

/** True when the source holds a Threads export file (by name, or by its `text_post_app_` key). */
export async function detectThreads(source: Source): Promise<boolean> {
  if (source.entries.some((e) => THREADS_MARKER.test(base(e.name)) || /^threads_and_replies\.html$/.test(base(e.name)))) return true;
  const candidates = source.entries.filter((e) => /^(?:followers|following)(?:_\d+)?\.json$|^personal_information\.json$/.test(base(e.name))).slice(0, 4);
  if (source.kind === 'file' && candidates.length === 0 && /\.json$/i.test(source.entries[0]?.name ?? '')) candidates.push(source.entries[0]!);
  for (const e of candidates) if (/^\s*\{\s*"text_post_app_/.test(await peekText(e, 256))) return true;
  return false;
}
