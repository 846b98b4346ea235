/**
 * Recognising Mastodon exports, apart from reading them: the registry loads this for every
 * import, the readers (archive files, the CSV parser) only for a Mastodon export.
 */
import type { Source, SourceEntry } from '../source.js';
import { normalizeAddress } from './addresses.js';
import { readEntryHeadText } from '../entry-head.js';

/** The formats' names and lines for `--help`. */
export const MASTODON_FORMAT = {
  format: 'mastodon',
  description: 'Mastodon account archive (.tar.gz, .zip or folder): actor.json, outbox.json, likes.json, following_accounts.csv',
} as const;
export const MASTODON_FOLLOWING_FORMAT = {
  format: 'mastodon-following',
  description: 'Mastodon following_accounts.csv (with or without header); needs --owner user@host unless actor.json is beside it',
} as const;

const MARKER_FILES = new Set(['outbox.json', 'actor.json']);

/** The folder prefix ('' or 'name/') holding outbox.json or actor.json, at the root or one folder down. */
export function findArchiveRoot(entries: readonly SourceEntry[]): string | undefined {
  const prefixes = entries
    .map((e) => e.name.split('/'))
    .filter((parts) => parts.length <= 2 && MARKER_FILES.has(parts[parts.length - 1]!))
    .map((parts) => (parts.length === 2 ? `${parts[0]}/` : ''))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  return prefixes[0];
}

/** True when the source holds a Mastodon archive (outbox.json or actor.json). */
export async function detectMastodonArchive(source: Source): Promise<boolean> {
  return findArchiveRoot(source.entries) !== undefined;
}

/** True when some entry of the source is a Mastodon following list. */
export async function detectMastodonFollowing(source: Source): Promise<boolean> {
  for (const entry of source.entries) {
    if (await detectFollowingList(entry)) return true;
  }
  return false;
}

/** Whether the list starts with its header row or is the 2017 one-column layout. */
export type FollowingLayout = 'header' | 'headerless';

/** The first header cell of Mastodon's account CSVs. */
export const ADDRESS_FIELD = 'Account address';
const TABLE_EXTENSION = /\.(?:csv|txt)$/i;
// Headerless one-column files that are not follows; a following list is never named so.
const NOT_FOLLOWING_NAME = /block|mute|list|domain|bookmark/i;
const HEAD_BYTES = 4096;

/** The layout when `entry` is a Mastodon following list, else undefined (reads its first line only). */
export async function detectFollowingList(entry: SourceEntry): Promise<FollowingLayout | undefined> {
  if (!TABLE_EXTENSION.test(entry.name)) return undefined;
  const first = firstNonBlankLine(await readEntryHeadText(entry, HEAD_BYTES));
  if (first === undefined) return undefined;
  return classifyFirstLine(first, baseName(entry.name));
}

/** The layout a first non-blank line implies for a file named `fileName`, else undefined. */
export function classifyFirstLine(line: string, fileName: string): FollowingLayout | undefined {
  const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cells[0] === ADDRESS_FIELD) return cells[1] === 'Show boosts' ? 'header' : undefined;
  if (NOT_FOLLOWING_NAME.test(fileName)) return undefined;
  return cells.length === 1 && normalizeAddress(cells[0]!) !== undefined ? 'headerless' : undefined;
}

function firstNonBlankLine(text: string): string | undefined {
  return text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim();
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
