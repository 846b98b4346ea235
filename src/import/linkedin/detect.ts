/**
 * Recognising a LinkedIn download, apart from reading one: the registry loads this for
 * every import, the readers (and the CSV parser) only for a LinkedIn download.
 */
import type { Source, SourceEntry } from '../source.js';
import { peekBytes } from '../own-data/read-json.js';
import { decodeCsvBytes, normalizeColumn, skipPreamble } from './read-csv.js';

/** The format's name and line for `--help`. */
export const LINKEDIN_FORMAT = {
  format: 'linkedin',
  description: 'LinkedIn "Get a copy of your data" (CSV): Connections.csv, Shares.csv, Comments.csv, Reactions.csv',
} as const;

const MAIN_FILES = new Set(['connections.csv', 'shares.csv', 'comments.csv', 'reactions.csv']);
/** The columns that make each main file LinkedIn's. */
const SIGNATURES: Record<string, readonly string[]> = {
  'connections.csv': ['firstname', 'lastname', 'connectedon'],
  'shares.csv': ['date', 'sharelink', 'sharecommentary'],
  'comments.csv': ['date', 'link', 'message'],
  'reactions.csv': ['date', 'type', 'link'],
};

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1).toLowerCase();

/** The normalized header columns of a CSV entry (past a Notes: preamble, in UTF-8 or UTF-16). */
async function headerColumns(entry: SourceEntry): Promise<string[]> {
  const text = decodeCsvBytes(await peekBytes(entry, 16_384));
  const body = text.slice(skipPreamble(text).offset);
  const line = /^[^\r\n]*/.exec(body)?.[0] ?? '';
  return line.split(line.includes('\t') && !line.includes(',') ? '\t' : ',').map((c) => normalizeColumn(c.replace(/^"|"$/g, '')));
}

/** True when the source holds a LinkedIn export CSV (by name and header). */
export async function detectLinkedin(source: Source): Promise<boolean> {
  const candidates = source.entries.filter((e) => MAIN_FILES.has(base(e.name)));
  if (source.kind === 'file' && candidates.length === 0 && /\.(?:csv|tsv|txt)$/i.test(source.entries[0]?.name ?? '')) candidates.push(source.entries[0]!);
  for (const e of candidates.slice(0, 4)) if ((await fileKind(e)) !== undefined) return true;
  return false;
}

/** Which of the four LinkedIn files an entry is, by its header (a renamed lone file is still recognised). */
export async function fileKind(entry: SourceEntry): Promise<string | undefined> {
  const columns = new Set(await headerColumns(entry));
  return Object.entries(SIGNATURES).find(([, need]) => need.every((c) => columns.has(c)))?.[0];
}
