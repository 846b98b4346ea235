/**
 * The generic tables (DESIGN.md "Inputs" 3): the contract for any source we have no
 * dedicated adapter for. A table is recognised by its columns; each row becomes one
 * normalized record. Unknown extra columns are ignored (and reported once per file).
 */
import { INTERACTION_KINDS, MAX_WINDOW_DAYS, type ImportRecord, type InteractionKind, type OwnLists } from '../../store/records.js';
import { ValueError, describeValue, parseBool, parseCount, parseHandle, parseNetwork, parseText, parseTime } from '../values.js';

export type TableName = 'accounts' | 'posts' | 'interactions' | 'follows';

export interface TableSpec {
  name: TableName;
  /** columns that must be present for the table to be recognised */
  required: readonly string[];
  /** every column the table understands */
  columns: readonly string[];
}

/** Profile columns the audience audit reads (issue 12); each optional, an empty cell of a present column is known-empty text. */
const PROFILE = ['default_avatar', 'url', 'location', 'likes_given'] as const;

const AGGREGATES = ['mentions_received', 'reshares_received', 'replies_received', 'likes_received', 'mentions_sent', 'reshares_sent'] as const;

export const TABLES: readonly TableSpec[] = [
  {
    name: 'interactions',
    required: ['actor', 'target', 'kind'],
    columns: ['actor', 'target', 'kind', 'created_at', 'post_id', 'network'],
  },
  {
    name: 'follows',
    required: ['follower', 'followee'],
    columns: ['follower', 'followee', 'created_at', 'network'],
  },
  {
    name: 'posts',
    required: ['id', 'author'],
    columns: [
      'id', 'author', 'created_at', 'text', 'reply_to', 'reply_to_author', 'reshare_of', 'reshare_of_author',
      'quote_of', 'quote_of_author', 'likes', 'reshares', 'replies', 'lang', 'network',
    ],
  },
  {
    name: 'accounts',
    required: ['handle'],
    columns: [
      'handle', 'network', 'id', 'display_name', 'bio', 'followers', 'following', 'posts', 'listed', 'verified',
      'created_at', ...AGGREGATES, 'window_days', 'identity', ...PROFILE, 'complete_lists',
    ],
  },
];

/** The table whose required columns are all present (most specific first), or undefined. */
export function detectTable(columns: readonly string[]): TableSpec | undefined {
  const have = new Set(columns.map(normalizeColumn));
  return TABLES.find((t) => t.required.every((c) => have.has(c)));
}

/** Column names compare case-insensitively, with spaces and dashes as underscores. */
export function normalizeColumn(c: string): string {
  return c.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A row problem: the field and what was wrong; the adapter adds where. */
export class RowError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly expected?: string,
    readonly fix?: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** One row of a table: the value of a (normalized) column name, undefined when absent. */
export interface Row {
  get(column: string): unknown;
}

/** A row given as an object of column -> value (JSON, NDJSON); keys already normalized. */
export function objectRow(values: Record<string, unknown>): Row {
  return { get: (column) => values[column] };
}

/**
 * The rows of one CSV file: the header's column positions, looked up once, and the current
 * record's fields. One object is reused for every record of the file (normalizing a row
 * copies the values it keeps), which on a million-row table saves building a million
 * column -> value objects.
 */
export class CsvRow implements Row {
  private readonly index = new Map<string, number>();
  fields: readonly string[] = [];
  /**
   * Where the interactions table's columns are (-1: absent), looked up once: the bulk
   * table is read by position, not by six map lookups per row (a twentieth of a
   * million-row import's parsing).
   */
  readonly interactionAt: InteractionPositions;

  constructor(columns: readonly string[]) {
    columns.forEach((c, i) => this.index.set(c, i)); // a repeated column: the last one counts
    const at = (column: string) => this.index.get(column) ?? -1;
    this.interactionAt = {
      network: at('network'),
      actor: at('actor'),
      target: at('target'),
      kind: at('kind'),
      createdAt: at('created_at'),
      postId: at('post_id'),
    };
  }

  get(column: string): string | undefined {
    const i = this.index.get(column);
    return i === undefined ? undefined : this.fields[i];
  }
}

/** Positions of the interactions table's columns in a CSV record, -1 for a column the file lacks. */
interface InteractionPositions {
  network: number;
  actor: number;
  target: number;
  kind: number;
  createdAt: number;
  postId: number;
}

/** The cell at position `at` of a CSV record, undefined for a column the file lacks. */
const cellAt = (fields: readonly string[], at: number): string | undefined => (at < 0 ? undefined : fields[at]);

/** Turns one row of `table` into a record; throws RowError on a bad value. */
export function normalizeRow(table: TableName, row: Row, defaultNetwork: string): ImportRecord {
  if (table === 'interactions' && row instanceof CsvRow) {
    // the same values as row.get gives, read by position (see CsvRow.interactionAt)
    const f = row.fields;
    const at = row.interactionAt;
    const network = valueOf('network', cellAt(f, at.network), parseNetwork) ?? defaultNetwork;
    return interactionOf(network, cellAt(f, at.actor), cellAt(f, at.target), cellAt(f, at.kind), cellAt(f, at.createdAt), cellAt(f, at.postId));
  }
  const network = field(row, 'network', parseNetwork) ?? defaultNetwork;
  switch (table) {
    case 'accounts':
      return normalizeAccount(row, network);
    case 'posts':
      return normalizePost(row, network);
    case 'interactions':
      return interactionOf(network, row.get('actor'), row.get('target'), row.get('kind'), row.get('created_at'), row.get('post_id'));
    case 'follows': {
      const follower = handle(row, 'follower', true);
      const followee = handle(row, 'followee', true);
      refuseSelfFollow('followee', follower, followee);
      return { type: 'follow', follower: { network, handle: follower }, followee: { network, handle: followee }, createdAt: time(row, 'created_at') };
    }
  }
}

function normalizeAccount(row: Row, network: string): ImportRecord {
  const windowDays = count(row, 'window_days');
  // at most --window's own limit: a longer window is no window (1e300 passed before, as a whole number)
  if (windowDays !== undefined && (windowDays < 1 || windowDays > MAX_WINDOW_DAYS || !Number.isInteger(windowDays))) {
    throw new RowError('window_days', `${windowDays} is not a whole number of days from 1 to ${MAX_WINDOW_DAYS}`, `a whole number of days from 1 to ${MAX_WINDOW_DAYS}`, 'write e.g. 90');
  }
  return {
    type: 'account',
    ref: { network, handle: handle(row, 'handle', true), externalId: text(row, 'id') || undefined },
    displayName: text(row, 'display_name'),
    bio: profileText(row, 'bio'),
    url: profileText(row, 'url'),
    location: profileText(row, 'location'),
    defaultAvatar: field(row, 'default_avatar', parseBool),
    likesGiven: count(row, 'likes_given'),
    followers: count(row, 'followers'),
    following: count(row, 'following'),
    posts: count(row, 'posts'),
    listed: count(row, 'listed'),
    verified: field(row, 'verified', parseBool),
    createdAt: time(row, 'created_at'),
    aggregates: {
      mentionsReceived: count(row, 'mentions_received'),
      resharesReceived: count(row, 'reshares_received'),
      repliesReceived: count(row, 'replies_received'),
      likesReceived: count(row, 'likes_received'),
      mentionsSent: count(row, 'mentions_sent'),
      resharesSent: count(row, 'reshares_sent'),
    },
    windowDays,
    identity: text(row, 'identity'),
    lists: completeLists(row),
  };
}

const LIST_NAMES = ['followers', 'following', 'posts', 'reception'] as const;

/**
 * `complete_lists`: which of the account's own lists the data holds complete (store/records.ts
 * OwnLists), as names separated by spaces, commas or '|': e.g. 'followers following'. Absent,
 * none is: a follows table is then nobody's complete follower list, only edges.
 */
function completeLists(row: Row): OwnLists | undefined {
  const raw = text(row, 'complete_lists');
  if (raw === undefined) return undefined;
  const lists: OwnLists = {};
  for (const name of raw.toLowerCase().split(/[\s,;|]+/).filter(Boolean)) {
    if (!(LIST_NAMES as readonly string[]).includes(name)) {
      throw new RowError('complete_lists', `'${name.slice(0, 30)}' is not a list name`, LIST_NAMES.join(', '), 'name the lists the data holds complete, e.g. followers following');
    }
    lists[name as (typeof LIST_NAMES)[number]] = true;
  }
  return lists;
}

const MENTION = /(?:^|[^\p{L}\p{N}_@/])@([\p{L}\p{N}_]{1,30}(?:@[\w.-]+\.[a-z]{2,})?)/giu;
const HASHTAG = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

/** @handles and #hashtags in post text (Twitter and Mastodon conventions). */
export function extractEntities(body: string): { mentions: string[]; hashtags: string[] } {
  const mentions = [...body.matchAll(MENTION)].map((m) => m[1]!);
  const hashtags = [...body.matchAll(HASHTAG)].map((m) => m[1]!);
  return { mentions: [...new Set(mentions)], hashtags };
}

function normalizePost(row: Row, network: string): ImportRecord {
  const createdAt = time(row, 'created_at');
  if (createdAt === undefined) throw new RowError('created_at', 'is empty', 'the time the post was published', 'fill in created_at (ISO 8601)');
  const body = text(row, 'text');
  const ref = (idCol: string, authorCol: string) => {
    const externalId = text(row, idCol) || undefined;
    const author = handle(row, authorCol, false);
    if (!externalId && !author) return undefined;
    return { externalId, author: author ? { network, handle: author } : undefined };
  };
  const entities = body ? extractEntities(body) : { mentions: [], hashtags: [] };
  return {
    type: 'post',
    network,
    externalId: requiredText(row, 'id'),
    author: { network, handle: handle(row, 'author', true) },
    createdAt,
    text: body,
    lang: text(row, 'lang'),
    replyTo: ref('reply_to', 'reply_to_author'),
    reshareOf: ref('reshare_of', 'reshare_of_author'),
    quoteOf: ref('quote_of', 'quote_of_author'),
    mentions: entities.mentions.map((h) => ({ network, handle: h })),
    hashtags: entities.hashtags,
    likes: count(row, 'likes'),
    reshares: count(row, 'reshares'),
    replies: count(row, 'replies'),
  };
}

/** An interactions row from its cells (raw values, as Row.get gives them), checked in column order of the messages. */
function interactionOf(network: string, actor: unknown, target: unknown, kindCell: unknown, createdAtCell: unknown, postIdCell: unknown): ImportRecord {
  const kind = (textOf('kind', kindCell) ?? '').toLowerCase();
  const known = (INTERACTION_KINDS as readonly string[]).indexOf(kind);
  if (known < 0) {
    throw new RowError('kind', `'${kind}' is not an interaction kind`, INTERACTION_KINDS.join(', '), 'use one of the listed kinds');
  }
  const createdAt = valueOf('created_at', createdAtCell, parseTime);
  const postId = textOf('post_id', postIdCell) || undefined;
  if (createdAt === undefined && postId === undefined) {
    throw new RowError('created_at', 'is empty and so is post_id', 'a time or a post id, to tell this event from others', 'fill in created_at');
  }
  // The constant, not the parsed copy: later lookups keyed by kind are then cheap.
  const k: InteractionKind = INTERACTION_KINDS[known]!;
  const actorHandle = handleOf('actor', actor, true);
  const targetHandle = handleOf('target', target, true);
  if (k === 'follow' || k === 'unfollow') refuseSelfFollow('target', actorHandle, targetHandle);
  return {
    type: 'interaction',
    actor: { network, handle: actorHandle },
    target: { network, handle: targetHandle },
    kind: k,
    createdAt,
    // post_id is the liked post for likes, and the actor's own post for the other kinds
    sourcePost: k === 'like' ? undefined : postId,
    targetPost: k === 'like' ? postId : undefined,
  };
}

/**
 * No network lets an account follow itself: such a row is a mistake in the file, and kept it
 * would add a follower the account does not have and a loop to the follow graph. (A reply
 * or mention of oneself is real, a self-thread: only follows are refused.)
 */
function refuseSelfFollow(field: string, from: string, to: string): void {
  if (from.toLowerCase() === to.toLowerCase()) {
    throw new RowError(field, `'${to}' is the follower too: an account cannot follow itself`, 'two different accounts', 'correct or remove the row');
  }
}

function field<T>(row: Row, name: string, parse: (raw: unknown) => T): T {
  return valueOf(name, row.get(name), parse);
}

/** `raw`, the cell of column `name`, parsed; a bad value becomes a RowError naming the column. */
function valueOf<T>(name: string, raw: unknown, parse: (raw: unknown) => T): T {
  try {
    return parse(raw);
  } catch (err) {
    if (err instanceof ValueError) throw new RowError(name, `${describeValue(raw)} is not valid`, err.expected, err.fix);
    throw err;
  }
}

const count = (row: Row, name: string) => field(row, name, parseCount);
const time = (row: Row, name: string) => field(row, name, parseTime);

function text(row: Row, name: string): string | undefined {
  return textOf(name, row.get(name));
}

function textOf(name: string, v: unknown): string | undefined {
  // CSV cells are strings: the common case skips the checks
  return typeof v === 'string' ? (v === '' ? undefined : v) : valueOf(name, v, parseText);
}

/**
 * Profile text where emptiness is evidence: '' when the column is there but the cell is
 * empty (an account without a bio), undefined when the table has no such column or JSON
 * gives null (not known). The audience classifier tells the two apart.
 */
function profileText(row: Row, name: string): string | undefined {
  const v = row.get(name);
  if (v === undefined || v === null) return undefined;
  // a number reads as its text; an object or array is an error (String() made '[object Object]')
  return typeof v === 'string' ? v : valueOf(name, v, parseText);
}

function requiredText(row: Row, name: string): string {
  const v = text(row, name);
  if (v === undefined) throw new RowError(name, 'is empty', `a value in column '${name}'`, `fill in ${name}`);
  return v;
}

function handle(row: Row, name: string, required: true): string;
function handle(row: Row, name: string, required: false): string | undefined;
function handle(row: Row, name: string, required: boolean): string | undefined {
  return handleOf(name, row.get(name), required);
}

function handleOf(name: string, raw: unknown, required: true): string;
function handleOf(name: string, raw: unknown, required: boolean): string | undefined;
function handleOf(name: string, raw: unknown, required: boolean): string | undefined {
  const h = valueOf(name, raw, parseHandle);
  if (h === undefined && required) throw new RowError(name, 'is empty', 'a handle such as @alice', `fill in ${name}`);
  return h;
}
