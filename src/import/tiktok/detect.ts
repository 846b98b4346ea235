/**
 * Recognising a TikTok download, apart from reading one: the registry loads this for every
 * import, the reader only for a TikTok download.
 */
import type { Source, SourceEntry } from '../source.js';
import { peekText } from '../own-data/read-json.js';

/** The format's name and line for `--help`. */
export const TIKTOK_FORMAT = {
  format: 'tiktok',
  description: 'TikTok "Download your data" (JSON): user_data_tiktok.json or user_data.json',
} as const;

/** The data file's names. */
export const DATA_FILE = /^user_data(?:_tiktok)?\.json$/i;
// Top-level categories of every TikTok layout seen; they come in alphabetical order, so one is near the start.
const ROOT_KEYS = /"(?:Activity|Your Activity|Ads and data|App Settings|Profile And Settings|Likes and Favorites|Direct Messages?|Comment|Income\+ Wallet|Tiktok Live|TikTok Live)"\s*:\s*\{/;

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** The export's data file: by name, or a lone JSON file with TikTok's categories. */
export async function findDataFile(source: Source): Promise<SourceEntry | undefined> {
  const named = source.entries.filter((e) => DATA_FILE.test(base(e.name))).sort((a, b) => a.name.split('/').length - b.name.split('/').length);
  for (const e of named) if (/^user_data_tiktok\.json$/i.test(base(e.name)) || ROOT_KEYS.test(await peekText(e, 65_536))) return e;
  if (source.kind === 'file' && /\.json$/i.test(source.entries[0]?.name ?? '') && ROOT_KEYS.test(await peekText(source.entries[0]!, 65_536))) return source.entries[0];
  return undefined;
}

/** True when the source holds a TikTok data file. */
export async function detectTiktok(source: Source): Promise<boolean> {
  return (await findDataFile(source)) !== undefined;
}
