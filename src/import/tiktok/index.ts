/**
 * The TikTok adapter: "Download your data" in JSON (`user_data_tiktok.json`, earlier
 * `user_data.json`; the .zip, its folder or the file). Followers, following, likes,
 * comments, posts and reposts; direct messages are counted and never read. See README
 * "TikTok".
 */
import type { AccountRef, FollowRecord, InteractionRecord, PostRecord, RecordSink } from '../../store/records.js';
import type { Adapter, SourceEntry } from '../source.js';
import { asObject } from '../own-data/meta-fields.js';
import { parseSimpleHandle } from '../own-data/handles.js';
import { type ExportOwner, makeExportOwner } from '../own-data/owner.js';
import { type JsonItem, type JsonSelect, readJsonRecords } from '../own-data/read-json.js';
import { TIKTOK, type Fault, convertComment, convertFollow, convertLike, convertPost, convertRepost, countField } from './convert.js';
import { type RecordKind, classifyPath, pick, skipReason } from './sections.js';
import { DATA_FILE, TIKTOK_FORMAT, detectTiktok, findDataFile } from './detect.js';

const FIX = 'download your data again from TikTok in JSON format (Settings and privacy > Account > Download your data)';
const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** Imports a TikTok export. */
export const tiktokAdapter: Adapter = {
  ...TIKTOK_FORMAT,
  detect: detectTiktok,
  async read(source, sink, options) {
    const data = await findDataFile(source);
    for (const e of source.entries) if (e !== data) sink.skippedFile(e.name, DATA_FILE.test(base(e.name)) ? 'a second TikTok data file: only the first is read' : 'not part of the TikTok JSON export');
    const owner = makeExportOwner(TIKTOK, sink, options.owner, parseSimpleHandle);
    if (data) await readTikTok(data, sink, owner);
  },
};

/** Records of a kind, by converter. */
const CONVERTERS: Record<RecordKind, (item: unknown, owner: AccountRef) => Converted> = {
  followers: (item, owner) => convertFollow(item, owner, 'in'),
  following: (item, owner) => convertFollow(item, owner, 'out'),
  likes: convertLike,
  comments: convertComment,
  posts: convertPost,
  reposts: convertRepost,
};

type Converted = PostRecord | FollowRecord | InteractionRecord | Fault;

/**
 * Streams the data file into records. The owner is named by the profile, which comes
 * after some record sections in the file (categories are in alphabetical order): records
 * met before it wait, as parsed items, until it is read (or the file ends).
 */
export async function readTikTok(entry: SourceEntry, sink: RecordSink, owner: ExportOwner): Promise<void> {
  const file = entry.displayPath;
  const counts: Partial<Record<RecordKind, number>> = {};
  const messages = new Map<string, { messages: number; conversations: Set<string> }>();
  const others = new Map<string, number>();
  let ownerKnown = false;
  const waiting: Array<{ kind: RecordKind; section: string; item: JsonItem }> = [];

  const emit = (kind: RecordKind, section: string, item: JsonItem): void => {
    const rec = CONVERTERS[kind](item.value, owner.ref());
    if ('reason' in rec) {
      sink.problem({ file, line: item.line, record: item.index, field: `${section} [${item.index}]${rec.field ? `.${rec.field}` : ''}`, reason: rec.reason, expected: rec.expected, fix: `${rec.fix ?? FIX}, or pass --skip-invalid` });
      return;
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
    sink.record(rec, { file, line: item.line, record: item.index });
  };
  const flush = (): void => {
    ownerKnown = true;
    for (const w of waiting.splice(0)) emit(w.kind, w.section, w.item);
  };

  const select: JsonSelect = (path, kind) => {
    const c = classifyPath(path, kind);
    if (c.type === 'message') {
      const m = messages.get(c.section) ?? { messages: 0, conversations: new Set<string>() };
      m.messages++;
      if (c.conversation) m.conversations.add(c.conversation);
      messages.set(c.section, m);
      return false; // counted, never parsed
    }
    if (c.type === 'other-record') others.set(c.section, (others.get(c.section) ?? 0) + 1);
    if (c.type === 'list') counts[c.kind] ??= 0;
    return c.type === 'record' || c.type === 'profile';
  };
  const complete = await readJsonRecords(entry, sink, { expected: 'a TikTok export: {"Your Activity": {...}, "Profile": {...}, ...}', fix: FIX }, select, (item) => {
    const c = classifyPath(item.path, 'object');
    if (c.type === 'profile') {
      readProfile(item.value, c.section, entry, owner, (bad) => sink.problem({ file, line: item.line, field: `${c.section}.${bad.field}`, reason: bad.reason, expected: bad.expected, fix: `${bad.fix ?? FIX}, or pass --skip-invalid` }));
      flush();
    } else if (c.type === 'record') {
      if (ownerKnown) emit(c.kind, c.section, item);
      else waiting.push({ kind: c.kind, section: c.section, item });
    }
  });
  flush();
  sink.progress?.(entry.size, entry.size);
  for (const [section, m] of messages) {
    sink.skippedFile(`${entry.name}: ${section}`, `${m.messages} direct message${m.messages === 1 ? '' : 's'} in ${m.conversations.size} conversation${m.conversations.size === 1 ? '' : 's'}: direct messages are private, never imported`);
  }
  for (const [section, n] of others) sink.skippedFile(`${entry.name}: ${section}`, `${n} record${n === 1 ? '' : 's'}: ${skipReason(section)}`);
  if (!complete) return;
  // declared counts from the profile win; else the lists' lengths (the export's lists are complete)
  const declare = (key: 'followers' | 'following' | 'posts', n: number | undefined): void => {
    if (owner.profile[key] === undefined && n !== undefined) owner.profile[key] = n;
  };
  declare('followers', counts.followers);
  declare('following', counts.following);
  declare('posts', counts.posts);
  owner.finish(file);
}

/** The owner's name, display name, bio and declared counts; a count that is not one goes to `problem` (and is left out). */
function readProfile(value: unknown, section: string, entry: SourceEntry, owner: ExportOwner, problem: (bad: Fault) => void): void {
  const map = asObject(value) ?? {};
  const handle = pick(map, 'userName', 'username', 'UserName');
  if (typeof handle === 'string') owner.nameFromExport(handle, `${base(entry.name)} (${section})`);
  const display = pick(map, 'displayName', 'nickName', 'nickname');
  if (typeof display === 'string' && display.trim() && display !== 'N/A') owner.profile.displayName = display;
  const bio = pick(map, 'bioDescription', 'bio');
  if (typeof bio === 'string' && bio.trim() && bio !== 'N/A') owner.profile.bio = bio;
  const followers = countField(map, 'followerCount', 'followersCount');
  if (typeof followers === 'object') problem(followers);
  else if (followers !== undefined) owner.profile.followers = followers;
  const following = countField(map, 'followingCount');
  if (typeof following === 'object') problem(following);
  else if (following !== undefined) owner.profile.following = following;
}
