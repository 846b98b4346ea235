/**
 * Where the archive's data files are, and what each entry is. Archives arrive as the
 * downloaded .zip (`data/tweets.js`, maybe under a wrapper folder), its extracted folder,
 * the data folder itself, or a single file.
 */
import { isMediaName } from '../archive/limits.js';
import type { SourceEntry } from '../source.js';
import { splitName } from './detect.js';
import { FILE_HANDLERS, type FileKind, KEY_FILE, partNumber, skipReason } from './files.js';
import type { ManifestInfo } from './normalize-rows.js';

/** The archive's entries sorted by what reads them. */
export interface ArchiveLayout {
  /** the data folder's path inside the source: '' (the root) or e.g. 'data', 'x/data' */
  dataDir: string;
  /** entries each handler reads, in part order */
  files: Map<FileKind, SourceEntry[]>;
  /** entries no handler reads (media folders are grouped into one line per folder) */
  skipped: { name: string; reason: string }[];
}

/** The data folder: the shallowest folder holding a key file, preferring one named 'data'. */
export function findDataDir(names: readonly string[]): string | undefined {
  const dirs = new Set<string>();
  for (const name of names) {
    const [dir, base] = splitName(name);
    if (KEY_FILE.test(base)) dirs.add(dir);
  }
  const ranked = [...dirs].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return ranked[0];
}

function rank(dir: string): number {
  const depth = dir === '' ? 0 : dir.split('/').length;
  const dataLike = dir === '' || dir === 'data' || dir.endsWith('/data');
  return (dataLike ? 0 : 1000) + depth;
}

/** Sorts every entry into a handler's list or the skipped list. */
export function classifyEntries(entries: readonly SourceEntry[], dataDir: string, manifest?: ManifestInfo): ArchiveLayout {
  const fromManifest = manifestKinds(manifest);
  const files = new Map<FileKind, SourceEntry[]>();
  const skipped: { name: string; reason: string }[] = [];
  const folders = new Map<string, { count: number; media: number }>();
  for (const entry of entries) {
    const [dir, base] = splitName(entry.name);
    if (dir !== dataDir) {
      const folder = groupFolder(dir, dataDir);
      if (folder === undefined) skipped.push({ name: entry.name, reason: "outside the archive's data folder" });
      else {
        const f = folders.get(folder) ?? { count: 0, media: 0 };
        f.count++;
        if (isMediaName(base)) f.media++;
        folders.set(folder, f);
      }
      continue;
    }
    const kind = fromManifest.get(base) ?? FILE_HANDLERS.find((h) => h.pattern.test(base))?.kind;
    if (kind === undefined) skipped.push({ name: entry.name, reason: skipReason(base) });
    else {
      const list = files.get(kind) ?? [];
      list.push(entry);
      files.set(kind, list);
    }
  }
  for (const [folder, f] of folders) {
    skipped.push({ name: folder, reason: `${f.count} file${f.count === 1 ? '' : 's'}: ${f.media === f.count ? 'media are not imported' : "not part of the archive's data"}` });
  }
  for (const list of files.values()) list.sort((a, b) => partNumber(baseName(a.name)) - partNumber(baseName(b.name)) || (a.name < b.name ? -1 : 1));
  return { dataDir, files, skipped };
}

/** Manifest file names ('data/tweets-part1.js') mapped to the kind of their data type. */
function manifestKinds(manifest: ManifestInfo | undefined): Map<string, FileKind> {
  const kinds = new Map<string, FileKind>();
  if (!manifest) return kinds;
  for (const handler of FILE_HANDLERS) {
    for (const type of handler.manifestTypes) {
      for (const f of manifest.files.get(type) ?? []) kinds.set(baseName(f.fileName), handler.kind);
    }
  }
  return kinds;
}

/**
 * The folder to report a skipped entry under: one level below where its folder and the
 * data folder part ways ('data/tweets_media/', 'assets/'); undefined for a file beside
 * the data folder, which is listed by itself.
 */
function groupFolder(dir: string, dataDir: string): string | undefined {
  if (dir === '') return undefined;
  const a = dir.split('/');
  const b = dataDir === '' ? [] : dataDir.split('/');
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k === a.length ? undefined : `${a.slice(0, k + 1).join('/')}/`;
}


/** The base name of an entry or manifest file name. */
export function baseName(name: string): string {
  return splitName(name)[1];
}
