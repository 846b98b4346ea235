/**
 * Recognising a Twitter/X archive, apart from reading one: the registry loads this for
 * every import, the reader (adapter.ts, with its normalizers) only for an archive.
 */
import type { Source } from '../source.js';
import { readEntryHeadText } from '../entry-head.js';

/** Bytes enough to see a data file's `window.YTD.<name>.partN =` prefix. */
export const YTD_HEAD_BYTES = 512;
/** A data file's opening: `window.YTD.<global>.partN =` (or the archive's config). */
export const YTD_HEAD = /^\s*window\.(?:YTD\.(\w+)\.part\d+|__THAR_CONFIG)\s*=/;
/** Files that matter for detection: a folder holding one of these (with YTD content) is an archive. */
export const KEY_FILE = /^(?:manifest|account|tweets?|like|follower|following)(?:-part\d+)?\.js$/;

/** The format's name and line for `--help`. */
export const TWITTER_FORMAT = {
  format: 'twitter',
  description: 'Twitter/X archive ("Download your data"): the .zip, its folder, or data/*.js files',
} as const;

/** An entry name as [folder, base name] ('data/tweets.js' -> ['data', 'tweets.js']). */
export function splitName(name: string): [string, string] {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? ['', name] : [name.slice(0, slash), name.slice(slash + 1)];
}

/** True when the source holds a key archive file (tweets.js, manifest.js, ...) with YTD content. */
export async function detectTwitterArchive(source: Source): Promise<boolean> {
  const candidates = source.entries.filter((e) => {
    const [dir, base] = splitName(e.name);
    return KEY_FILE.test(base) && (dir === '' || dir === 'data' || dir.endsWith('/data'));
  });
  if (source.kind === 'file' && candidates.length === 0) candidates.push(...source.entries);
  for (const entry of candidates.slice(0, 4)) {
    const m = YTD_HEAD.exec(await readEntryHeadText(entry, YTD_HEAD_BYTES));
    // a lone file's global names its kind: only then are the archive's file tables needed
    if (m && (m[1] === undefined || source.kind !== 'file' || (await import('./files.js')).globalKind(m[1]) !== undefined)) return true;
  }
  return false;
}
