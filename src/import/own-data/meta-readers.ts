/**
 * Readers for the files Instagram and Threads exports share in shape: follower and
 * following lists, likes, and the owner's profile. Each reads one file into records for
 * one network's owner (an Instagram export can carry a Threads part with its own owner).
 */
import type { AccountRef, FollowRecord, InteractionRecord, RecordSink } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import type { ExportOwner } from './owner.js';
import { USERNAME_LABELS, NAME_LABELS, asObject, findField, flattenFields, metaString, readMetaFields, readRelationship } from './meta-fields.js';
import { handleFromProfileUrl, parseSimpleHandle } from './handles.js';
import { type JsonSelect, readJsonRecords } from './read-json.js';
import { fromUnixSeconds, NotATime } from './times.js';
import { describeValue } from '../values.js';

/** What the readers of one network's part of a Meta export share. */
export interface MetaContext {
  sink: RecordSink;
  network: string;
  owner: ExportOwner;
  /** how to get a good copy of the export, for error messages */
  fix: string;
  /** handles (lower case) read from follower and following lists: the owner's declared counts */
  followers: Set<string>;
  following: Set<string>;
  /** posts read, when a posts file was read (the owner's declared post count) */
  posts?: number;
}

/** A fresh context for one network of a Meta export. */
export function makeMetaContext(sink: RecordSink, network: string, owner: ExportOwner, fix: string): MetaContext {
  return { sink, network, owner, fix, followers: new Set(), following: new Set() };
}

/**
 * Streams a Meta file's records: the elements of the file itself when it is an array
 * (Instagram's followers_1.json), else of the array under its root key
 * (`relationships_following`, `text_post_app_text_posts`); `null` there is an empty list.
 * A file with neither is reported.
 */
export async function forEachRecord(entry: SourceEntry, ctx: MetaContext, expected: string, onRecord: (value: unknown, index: number) => void): Promise<void> {
  let sawList = false;
  const select: JsonSelect = (path, kind) => {
    if ((path.length === 0 && kind === 'array') || (path.length === 1 && typeof path[0] === 'string' && kind !== 'object')) sawList = true;
    return (path.length === 1 && typeof path[0] === 'number') || (path.length === 2 && typeof path[0] === 'string' && typeof path[1] === 'number');
  };
  const complete = await readJsonRecords(entry, ctx.sink, { expected, fix: ctx.fix }, select, (item) => {
    try {
      onRecord(item.value, item.index);
    } catch (e) {
      if (!(e instanceof NotATime)) throw e;
      ctx.sink.problem(notATimeProblem(e, entry, item.index, ctx));
    }
  });
  if (complete && !sawList) ctx.sink.problem({ file: entry.displayPath, reason: 'no list of records in the file', expected, fix: ctx.fix });
}

/**
 * A followers or following list: one follow per account. `direction` 'in' = the account
 * follows the owner (followers_1.json), 'out' = the owner follows it (following.json).
 */
export async function readFollowList(entry: SourceEntry, ctx: MetaContext, direction: 'in' | 'out'): Promise<void> {
  const what = direction === 'in' ? 'followers' : 'following';
  const owner = ctx.owner.ref();
  const seen = direction === 'in' ? ctx.followers : ctx.following;
  await forEachRecord(entry, ctx, `the ${ctx.network} ${what} list: [{"title", "string_list_data": [{"href", "value", "timestamp"}]}]`, (item, index) => {
    const account = readRelationship(item);
    if (account.handle === undefined) {
      ctx.sink.problem({
        file: entry.displayPath,
        record: index,
        field: 'string_list_data',
        reason: 'names no account (no user name in value, href or title)',
        expected: `a user name, or a link such as https://www.${ctx.network === 'threads' ? 'threads.net/@name' : 'instagram.com/name'}`,
        fix: `${ctx.fix}, or pass --skip-invalid`,
      });
      return;
    }
    seen.add(account.handle.toLowerCase());
    const other: AccountRef = { network: ctx.network, handle: account.handle };
    const follow: FollowRecord = direction === 'in' ? { type: 'follow', follower: other, followee: owner } : { type: 'follow', follower: owner, followee: other };
    if (account.time !== undefined) follow.createdAt = account.time;
    ctx.sink.record(follow, { file: entry.displayPath, record: index });
    if (account.displayName !== undefined) ctx.sink.record({ type: 'account', ref: other, displayName: account.displayName }, { file: entry.displayPath, record: index });
  });
}

/**
 * Liked posts: one like per record. The post is named by its link (its shortcode is the
 * liked post's id); the author by `title` (2024 layout), a Username field or a profile
 * link (2026 layout: `label_values`). `postPath` finds the shortcode in a link.
 */
export async function readMetaLikes(entry: SourceEntry, ctx: MetaContext, postPath: RegExp): Promise<void> {
  const owner = ctx.owner.ref();
  await forEachRecord(entry, ctx, `the ${ctx.network} list of liked posts`, (item, index) => {
    const obj = asObject(item);
    const fields = flattenFields(readMetaFields(item));
    let post: string | undefined;
    for (const f of fields) {
      for (const link of [f.href, f.value]) {
        const m = link ? postPath.exec(link) : null;
        if (m && post === undefined) post = m[1];
      }
    }
    const links = fields.flatMap((f) => [f.href, f.value]).filter((l): l is string => l !== undefined && /^https?:\/\//i.test(l));
    const author =
      parseSimpleHandle(metaString(obj, 'title')) ??
      parseSimpleHandle(findField(fields, USERNAME_LABELS)?.value) ??
      links.map(handleFromProfileUrl).find((h) => h !== undefined);
    const time = fromUnixSeconds(obj?.['timestamp']) ?? fields.find((f) => f.time !== undefined)?.time;
    if (post === undefined && time === undefined) {
      ctx.sink.problem({
        file: entry.displayPath,
        record: index,
        reason: 'names neither the liked post (no post link) nor a time',
        expected: 'a link to the post and the time of the like',
        fix: `${ctx.fix}, or pass --skip-invalid`,
      });
      return;
    }
    const like: InteractionRecord = { type: 'interaction', actor: owner, kind: 'like' };
    if (author !== undefined) like.target = { network: ctx.network, handle: author };
    if (post !== undefined) like.targetPost = post;
    if (time !== undefined) like.createdAt = time;
    ctx.sink.record(like, { file: entry.displayPath, record: index });
  });
}

/**
 * The owner's profile (`personal_information.json`): user name, display name and bio from
 * its Username / Name / Bio fields (labels in the account's language).
 */
export async function readMetaProfile(entry: SourceEntry, ctx: MetaContext): Promise<void> {
  let first: unknown;
  await forEachRecord(entry, ctx, `the ${ctx.network} owner's profile (personal_information.json)`, (item, index) => {
    if (index === 0) first = item;
  });
  if (first === undefined) return;
  let fields: ReturnType<typeof readMetaFields>;
  try {
    fields = readMetaFields(first);
  } catch (e) {
    if (!(e instanceof NotATime)) throw e;
    ctx.sink.problem(notATimeProblem(e, entry, 0, ctx));
    return;
  }
  const handle = findField(fields, USERNAME_LABELS)?.value;
  if (handle !== undefined) ctx.owner.nameFromExport(handle, entry.name);
  const name = findField(fields, NAME_LABELS)?.value;
  if (name !== undefined) ctx.owner.profile.displayName = name;
  const bio = findField(fields, BIO_LABELS)?.value;
  if (bio !== undefined) ctx.owner.profile.bio = bio;
}

const BIO_LABELS = new Set(['bio', 'biographie', 'biografie', 'biografía', 'biografia', 'biografi', 'биография', '自己紹介', '简介', '個人簡介', '소개']);

/** Sets the owner's declared counts from the complete lists read. */
export function declareOwnerCounts(ctx: MetaContext, read: { followers: boolean; following: boolean }): void {
  if (read.followers) ctx.owner.profile.followers = ctx.followers.size;
  if (read.following) ctx.owner.profile.following = ctx.following.size;
  if (ctx.posts !== undefined) ctx.owner.profile.posts = ctx.posts;
}

/** The problem of a record whose time field holds no time (see NotATime). */
function notATimeProblem(e: NotATime, entry: SourceEntry, record: number, ctx: MetaContext) {
  return {
    file: entry.displayPath,
    record,
    field: e.field,
    reason: `is ${describeValue(e.raw)}, not a time`,
    expected: 'Unix seconds (0 when the export does not know the time)',
    fix: `${ctx.fix}, or pass --skip-invalid`,
  };
}
