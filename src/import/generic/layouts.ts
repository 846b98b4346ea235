/**
 * Other layouts of the generic tables: files written by other tools that hold one of the
 * tables under other column names. A layout is recognised by its columns and read by
 * renaming them to the generic names; nothing else about the row changes, so a value is
 * checked exactly as in the generic table, and an error names the file's own column.
 *
 * Twitter API user objects. Follower and account profiles reach people as the API's user
 * objects: JSON from the API itself, JSON Lines from twarc and tweepy dumps, and CSV
 * flattened by pandas or twarc-csv (the labelled bot datasets are such files). They are
 * the accounts table with the profile columns the audience audit reads (issue 12).
 * - v1.1 (https://developer.x.com/en/docs/twitter-api/v1/data-dictionary/object-model/user):
 *   screen_name, id_str (the id as text; `id` is a number that JSON may round), name,
 *   description, followers_count, friends_count, statuses_count, listed_count,
 *   favourites_count (likes given), default_profile_image, verified, created_at
 *   ('Tue Jan 29 09:03:56 +0000 2013'), url, location.
 * - v2 (https://developer.x.com/en/docs/twitter-api/data-dictionary/object-model/user):
 *   username, id, name, description, public_metrics {followers_count, following_count,
 *   tweet_count, listed_count, like_count}, verified, created_at (ISO 8601), url, location.
 *   v2 has no default-avatar field (only the image's address): it stays unknown.
 * A file that has a `handle` column is the generic table itself, whatever else it holds.
 */
import { detectTable, normalizeColumn, TABLES, type TableSpec } from './tables.js';

/** A file's columns, read as a generic table. */
export interface ReadLayout {
  spec: TableSpec;
  /** which layout: 'generic', or another's name (for messages) */
  name: string;
  /** per column of the file (normalized), its generic name; null for a column this layout drops */
  columns: (string | null)[];
  /** generic columns whose JSON null means "none" in this layout (the API writes `url: null` for no website), not "not known" */
  nullIsEmpty: ReadonlySet<string>;
  /** the file's own (normalized) name of a generic column, for error messages */
  fileColumn(generic: string): string;
}

/** Another layout of the accounts table (the only table other tools write here). */
interface Layout {
  name: string;
  /** true when a file with these (normalized) columns is in this layout */
  recognise(columns: ReadonlySet<string>): boolean;
  /** file column -> generic column */
  rename: Readonly<Record<string, string>>;
}

/** The API's profile texts: null when the profile has none, as an empty cell of a present column means in the generic table. */
const PROFILE_TEXTS: ReadonlySet<string> = new Set(['bio', 'url', 'location']);

const V1_USER: Layout = {
  name: 'Twitter API v1.1 user objects',
  recognise: (c) => c.has('screen_name') && c.has('followers_count'),
  rename: {
    screen_name: 'handle',
    id_str: 'id',
    name: 'display_name',
    description: 'bio',
    followers_count: 'followers',
    friends_count: 'following',
    statuses_count: 'posts',
    listed_count: 'listed',
    favourites_count: 'likes_given',
    default_profile_image: 'default_avatar',
  },
};

const V2_USER: Layout = {
  name: 'Twitter API v2 user objects',
  recognise: (c) => c.has('username') && c.has('public_metrics.followers_count'),
  rename: {
    username: 'handle',
    name: 'display_name',
    description: 'bio',
    'public_metrics.followers_count': 'followers',
    'public_metrics.following_count': 'following',
    'public_metrics.tweet_count': 'posts',
    'public_metrics.listed_count': 'listed',
    'public_metrics.like_count': 'likes_given',
  },
};

const LAYOUTS: readonly Layout[] = [V1_USER, V2_USER];

const NONE: ReadonlySet<string> = new Set();

/** Members of a JSON row object that hold columns one level down (v2's `public_metrics`). */
export const NESTED_COLUMNS: ReadonlySet<string> = new Set(['public_metrics']);

/** The layout of a file (or JSON row) with these normalized columns: the generic tables first, then the others; undefined when none. */
export function readLayout(columns: readonly string[]): ReadLayout | undefined {
  const generic = detectTable(columns);
  if (generic) return { spec: generic, name: 'generic', columns: [...columns], nullIsEmpty: NONE, fileColumn: (c) => c };
  const have = new Set(columns);
  const layout = LAYOUTS.find((l) => l.recognise(have));
  if (!layout) return undefined;
  const spec = TABLES.find((t) => t.name === 'accounts')!;
  // a generic name the layout fills from another column: the file's own column of that name is dropped
  // (v1.1's numeric `id` beside `id_str`), so the two never compete for one cell
  const filled = new Set(columns.flatMap((c) => layout.rename[c] ?? []));
  const mapped = columns.map((c) => layout.rename[c] ?? (filled.has(c) ? null : c));
  const back = new Map<string, string>();
  columns.forEach((c, i) => {
    if (mapped[i] !== null) back.set(mapped[i]!, c);
  });
  return { spec, name: layout.name, columns: mapped, nullIsEmpty: PROFILE_TEXTS, fileColumn: (c) => back.get(c) ?? c };
}

/** A header line's cells, normalized (for detection from a file's first line). */
export function headerColumns(line: string): string[] {
  return line.split(',').map((c) => normalizeColumn(c.replace(/^"|"$/g, '')));
}
