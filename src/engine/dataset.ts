/**
 * The engine's input: the whole database (or the part a command needs) as dense, typed
 * columns. Accounts are numbered 0..n-1 (`index`); every other table refers to accounts by
 * that index. Missing numbers are NaN (never 0: a missing count is not evidence of a low
 * one). Times are epoch milliseconds. Built by store/read-dataset.ts; the engine never
 * touches the database.
 */

export const POST_KINDS = ['original', 'reply', 'reshare', 'quote'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Interaction kinds as small integers, in this order (Uint8Array codes). */
export const KIND_CODES = ['reply', 'reshare', 'quote', 'mention', 'like', 'follow', 'unfollow'] as const;
export type KindName = (typeof KIND_CODES)[number];
export const KIND = Object.fromEntries(KIND_CODES.map((k, i) => [k, i])) as { [K in KindName]: number };

export interface AccountColumns {
  n: number;
  /** database ids, for writing results back */
  dbId: Int32Array;
  network: string[];
  /** display handle ('alice', 'bob@mastodon.social'); '' when only an id is known */
  handle: string[];
  externalId: (string | null)[];
  /** null = not known; '' = known to be empty (an account without a bio) */
  bio: (string | null)[];
  /** profile evidence for the audience audit (issue 12): null / NaN when the export does not say */
  displayName: (string | null)[];
  /** the website in the profile; '' when known to be empty */
  url: (string | null)[];
  /** free-text location; '' when known to be empty */
  location: (string | null)[];
  /** 1 = the network's default picture, 0 = an own picture, NaN = not known */
  defaultAvatar: Float64Array;
  /** likes (favourites) given, all time */
  likesGiven: Float64Array;
  followers: Float64Array;
  following: Float64Array;
  listed: Float64Array;
  postsDeclared: Float64Array;
  verified: Float64Array;
  createdAt: Float64Array;
  /** declared window aggregates (generic accounts tables), per `aggregateWindowDays` */
  mentionsReceived: Float64Array;
  resharesReceived: Float64Array;
  repliesReceived: Float64Array;
  likesReceived: Float64Array;
  mentionsSent: Float64Array;
  resharesSent: Float64Array;
  aggregateWindowDays: Float64Array;
  /**
   * What the database holds of each account's own lists (LISTS bits): its follower list,
   * its following list, its own posts, or all engagement it received. Absent: none known
   * (a follow edge from someone else's export is then not a follower count).
   */
  lists?: Uint8Array;
}

/**
 * Bits of AccountColumns.lists. FOLLOWERS: the account's own follower list was imported, so
 * its incoming follow edges are its followers. FOLLOWING: likewise its following list.
 * POSTS: its own posts (an archive). RECEPTION: the data holds all engagement the account
 * received (a population dataset such as an interactions file built for `eval`), so zero
 * received is evidence, not a gap.
 */
export const LISTS = { FOLLOWERS: 1, FOLLOWING: 2, POSTS: 4, RECEPTION: 8 } as const;

/**
 * Account columns for n accounts of which nothing is known yet: ids 1..n, handles '', every
 * text null and every number NaN (missing, never zero). Builders of a Dataset (an
 * interactions file, the simulator, labelled profiles) spread it and set what they know, so
 * a column added here is "not known" everywhere at once.
 *   unknownAccountColumns(2, 'twitter').followers  ->  Float64Array [NaN, NaN]
 */
export function unknownAccountColumns(n: number, network: string): AccountColumns {
  const unknownNumbers = () => new Float64Array(n).fill(NaN);
  const unknownTexts = () => new Array<string | null>(n).fill(null);
  return {
    n,
    dbId: Int32Array.from({ length: n }, (_, i) => i + 1),
    network: new Array<string>(n).fill(network),
    handle: new Array<string>(n).fill(''),
    externalId: unknownTexts(),
    bio: unknownTexts(),
    displayName: unknownTexts(),
    url: unknownTexts(),
    location: unknownTexts(),
    defaultAvatar: unknownNumbers(),
    likesGiven: unknownNumbers(),
    followers: unknownNumbers(),
    following: unknownNumbers(),
    listed: unknownNumbers(),
    postsDeclared: unknownNumbers(),
    verified: unknownNumbers(),
    createdAt: unknownNumbers(),
    mentionsReceived: unknownNumbers(),
    resharesReceived: unknownNumbers(),
    repliesReceived: unknownNumbers(),
    likesReceived: unknownNumbers(),
    mentionsSent: unknownNumbers(),
    resharesSent: unknownNumbers(),
    aggregateWindowDays: unknownNumbers(),
  };
}

export interface PostColumns {
  n: number;
  author: Int32Array;
  createdAt: Float64Array;
  /** index into POST_KINDS */
  kind: Uint8Array;
  hashtags: Uint16Array;
  words: Uint16Array;
  /** declared counts; NaN when the export has none */
  likes: Float64Array;
  reshares: Float64Array;
  replies: Float64Array;
}

export interface InteractionColumns {
  n: number;
  actor: Int32Array;
  /** -1 when the target is unknown */
  target: Int32Array;
  /** index into KIND_CODES */
  kind: Uint8Array;
  /** NaN when the export gave no time */
  createdAt: Float64Array;
  /** index into PostColumns of the post reacted to, -1 when not in the database */
  targetPost: Int32Array;
}

export interface FollowColumns {
  n: number;
  follower: Int32Array;
  followee: Int32Array;
  createdAt: Float64Array;
}

/**
 * Post texts for the topic model, per post index: read only for the posts a window needs
 * (null elsewhere), since texts are most of a database's bytes and scoring needs none.
 */
export interface PostTexts {
  /** the platform's post id */
  externalId: (string | null)[];
  text: (string | null)[];
  lang: (string | null)[];
}

/**
 * One person's accounts across networks (the store's identities table, issue 14): each
 * account is in at most one identity.
 */
export interface IdentityColumns {
  /** identity names, in byte order */
  names: string[];
  /** per account index: index into `names`, -1 when the account is in no identity */
  of: Int32Array;
}

/** Everything the engine knows, in one account index space. */
export interface Dataset {
  accounts: AccountColumns;
  posts: PostColumns;
  interactions: InteractionColumns;
  follows: FollowColumns;
  /** absent when the reader was not asked for texts */
  texts?: PostTexts;
  /** absent: no identities known (a dataset not read from a store) */
  identities?: IdentityColumns;
}

