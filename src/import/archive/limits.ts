/**
 * Archives are untrusted input. These bounds keep a hostile .zip or .tar.gz from escaping
 * its own namespace (`../`, absolute paths), filling memory (total size, entry count) or
 * burning CPU on a decompression bomb (ratio). Bytes are counted as they are inflated:
 * sizes declared in headers are never trusted.
 */
import { InputError } from '../../errors.js';

/** Bounds on what one archive may make the importer hold or inflate. */
export interface ArchiveLimits {
  /** most bytes extracted into memory from one archive (media files are not extracted) */
  maxTotalBytes: number;
  /** most entries (files, folders, links) in one archive */
  maxEntries: number;
  /** most inflated bytes per compressed byte, checked once an entry inflates past `ratioMinBytes` */
  maxRatio: number;
  /** below this many inflated bytes an entry may have any ratio (tiny files compress well) */
  ratioMinBytes: number;
  /** data files of this many bytes or more are streamed from the archive when read, not extracted into memory */
  streamEntryBytes: number;
}

/** The defaults: 1 GiB extracted, 100,000 entries, 200:1 past 1 MiB, entries of 32 MiB and more streamed. */
export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: 100_000,
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
  streamEntryBytes: 32 * 1024 * 1024,
});

/** A name quoted for a message: JSON escapes plus escapes for C1 and bidi controls. */
export function showName(name: string): string {
  return JSON.stringify(name).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The entry name as a safe relative '/'-path, or an InputError. Backslashes are read as
 * separators (Windows zip tools write them), so `..\x` and `C:\x` are caught like `../x`.
 */
export function checkEntryName(rawName: string, archive: string): string {
  const name = rawName.replace(/\\/g, '/');
  const refuse = (why: string): never => {
    throw new InputError(`archive entry ${showName(rawName)} ${why}`, {
      file: archive,
      expected: 'entries with relative paths inside the archive',
      fix: 'this archive was not made by an export tool; download the export again from the network',
    });
  };
  if (name.includes('\0')) refuse('contains a NUL character');
  if (name.startsWith('/')) refuse('is an absolute path');
  if (/^[A-Za-z]:/.test(name)) refuse('starts with a drive letter');
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) refuse("escapes the archive (a '..' segment)");
  return segments.join('/');
}

/** Throws when the archive has more entries than allowed. */
export function checkEntryCount(count: number, limits: ArchiveLimits, archive: string): void {
  if (count > limits.maxEntries) {
    throw new InputError(`archive has more than ${limits.maxEntries} entries`, {
      file: archive,
      expected: `at most ${limits.maxEntries} entries`,
      fix: 'extract the archive and import its data folder instead',
    });
  }
}

/** Throws when `inflated` bytes from `compressed` bytes look like a decompression bomb. */
export function checkRatio(inflated: number, compressed: number, limits: ArchiveLimits, archive: string, entry?: string): void {
  if (inflated > limits.ratioMinBytes && inflated > limits.maxRatio * Math.max(1, compressed)) {
    throw new InputError(`${entry !== undefined ? `archive entry ${showName(entry)}` : 'archive'} inflates more than ${limits.maxRatio}:1 (a decompression bomb?)`, {
      file: archive,
      expected: `a compression ratio of at most ${limits.maxRatio}:1`,
      fix: 'this is not a normal export; if you trust it, extract it yourself and import the folder',
    });
  }
}

/** Throws when extracting would hold more than the total allowed in memory. */
export function checkTotal(total: number, limits: ArchiveLimits, archive: string): void {
  if (total > limits.maxTotalBytes) {
    throw new InputError(`archive holds more than ${formatBytes(limits.maxTotalBytes)} of data files`, {
      file: archive,
      expected: `at most ${formatBytes(limits.maxTotalBytes)} uncompressed (media files excluded)`,
      fix: 'extract the archive and import its folder (folders are read from disk, without this cap)',
    });
  }
}

/** Media are never imported: archive readers list them without extracting them. */
export function isMediaName(name: string): boolean {
  return MEDIA.test(name);
}

const MEDIA = /\.(jpe?g|png|gif|webp|bmp|tiff?|heic|heif|avif|ico|mp4|m4v|mov|webm|mkv|avi|mp3|m4a|aac|ogg|oga|opus|wav|flac)$/i;

function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MiB`;
  return `${n} bytes`;
}
