/**
 * The TikTok adapter: "Download your data" in JSON (`user_data_tiktok.json`, earlier
 * `user_data.json`; the .zip, its folder or the file). Followers, following, likes,
 * comments, posts and reposts; direct messages are counted and never read. See README
 * "TikTok".
 */
import type { FollowRecord, InteractionRecord, PostRecord, RecordSink } from '../../store/records.js';
import type { Adapter, Source, SourceEntry } from '../source.js';
import { asObject } from '../own-data/meta-fields.js';
import { parseSimpleHandle } from '../own-data/handles.js';
import { type ExportOwner, makeExportOwner } from '../own-data/owner.js';
import { peekText, readJsonFile } from '../own-data/read-json.js';
import { TIKTOK, type Fault, convertComment, convertFollow, convertLike, convertPost, convertRepost, readCount } from './convert.js';
import { type Section, findSections, pick, skipReason } from './sections.js';

const FIX = 'download your data again from TikTok in JSON format (Settings and privacy > Account > Download your data)';
const DATA_FILE = /^user_data(?:_tiktok)?\.json$/i;
// Top-level categories of every TikTok layout seen; they come in alphabetical order, so one is near the start.
const ROOT_KEYS = /"(?:Activity|Your Activity|Ads and data|App Settings|Profile And Settings|Likes and Favorites|Direct Messages?|Comment|Income\+ Wallet|Tiktok Live|TikTok Live)"\s*:\s*\{/;

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** The export's data file: by name, or a lone JSON file with TikTok's categories. */
async function findDataFile(source: Source): Promise<SourceEntry | undefined> {
  const named = source.entries.filter((e) => DATA_FILE.test(base(e.name))).sort((a, b) => a.name.split('/').length - b.name.split('/').length);
  for (const e of named) if (/^user_data_tiktok\.json$/i.test(base(e.name)) || ROOT_KEYS.test(await peekText(e, 65_536))) return e;
  if (source.kind === 'file' && /\.json$/i.test(source.entries[0]?.name ?? '') && ROOT_KEYS.test(await peekText(source.entries[0]!, 65_536))) return source.entries[0];
  return undefined;
}

/** Imports a TikTok export. */
export const tiktokAdapter: Adapter = {
  format: 'tiktok',
  description: 'TikTok "Download your data" (JSON): user_data_tiktok.json or user_data.json',
  detect: async (source) => (await findDataFile(source)) !== undefined,
  async read(source, sink, options) {
    const data = await findDataFile(source);
    for (const e of source.entries) if (e !== data) sink.skippedFile(e.name, DATA_FILE.test(base(e.name)) ? 'a second TikTok data file: only the first is read' : 'not part of the TikTok JSON export');
    const owner = makeExportOwner(TIKTOK, sink, options.owner, parseSimpleHandle);
    if (!data) return;
    const doc = await readJsonFile(data, sink, { expected: 'a TikTok export: {"Your Activity": {...}, "Profile": {...}, ...}', fix: FIX });
    sink.progress?.(data.size, data.size);
    if (doc === undefined) return;
    const root = asObject(doc);
    if (!root) {
      sink.problem({ file: data.displayPath, line: 1, reason: 'the file is not a JSON object', expected: 'a TikTok export: {"Your Activity": {...}, ...}', fix: FIX });
      return;
    }
    readTikTok(root, data, sink, owner);
  },
};

/** Reads the sections of a parsed export into records (the profile first: it names the owner). */
export function readTikTok(root: Record<string, unknown>, entry: SourceEntry, sink: RecordSink, owner: ExportOwner): void {
  const sections = findSections(root);
  for (const s of sections.filter((x) => x.kind === 'profile')) readProfile(s, entry, owner);
  const counts = { followers: undefined as number | undefined, following: undefined as number | undefined, posts: undefined as number | undefined };
  for (const s of sections) {
    switch (s.kind) {
      case 'followers':
        counts.followers = (counts.followers ?? 0) + emitAll(s, entry, sink, (item) => convertFollow(item, owner.ref(), 'in'));
        break;
      case 'following':
        counts.following = (counts.following ?? 0) + emitAll(s, entry, sink, (item) => convertFollow(item, owner.ref(), 'out'));
        break;
      case 'likes':
        emitAll(s, entry, sink, (item) => convertLike(item, owner.ref()));
        break;
      case 'comments':
        emitAll(s, entry, sink, (item) => convertComment(item, owner.ref()));
        break;
      case 'posts':
        counts.posts = (counts.posts ?? 0) + emitAll(s, entry, sink, (item) => convertPost(item, owner.ref()));
        break;
      case 'reposts':
        emitAll(s, entry, sink, (item) => convertRepost(item, owner.ref()));
        break;
      case 'messages':
        // Counted, listed, never read: not even the partner's name becomes an account.
        if (s.items.length > 0 || (s.conversations ?? 0) > 0) sink.skippedFile(`${entry.name}: ${s.path}`, `${s.items.length} direct message${s.items.length === 1 ? '' : 's'} in ${s.conversations ?? 0} conversation${s.conversations === 1 ? '' : 's'}: direct messages are private, never imported`);
        break;
      case 'other':
        sink.skippedFile(`${entry.name}: ${s.path}`, skipReason(s.path));
        break;
      case 'profile':
        break;
    }
  }
  // declared counts from the profile win; else the lists' lengths (the export's lists are complete)
  owner.profile.followers ??= counts.followers;
  owner.profile.following ??= counts.following;
  owner.profile.posts ??= counts.posts;
  for (const k of ['followers', 'following', 'posts'] as const) if (owner.profile[k] === undefined) delete owner.profile[k];
  owner.finish(entry.displayPath);
}

function readProfile(s: Section, entry: SourceEntry, owner: ExportOwner): void {
  const map = s.map ?? {};
  const handle = pick(map, 'userName', 'username', 'UserName');
  if (typeof handle === 'string') owner.nameFromExport(handle, `${base(entry.name)} (${s.path})`);
  const display = pick(map, 'displayName', 'nickName', 'nickname');
  if (typeof display === 'string' && display.trim() && display !== 'N/A') owner.profile.displayName = display;
  const bio = pick(map, 'bioDescription', 'bio');
  if (typeof bio === 'string' && bio.trim() && bio !== 'N/A') owner.profile.bio = bio;
  const followers = readCount(pick(map, 'followerCount', 'followersCount'));
  if (followers !== undefined) owner.profile.followers = followers;
  const following = readCount(pick(map, 'followingCount'));
  if (following !== undefined) owner.profile.following = following;
}

type Converted = PostRecord | FollowRecord | InteractionRecord | Fault;

/** Emits each item's record (or its problem); returns how many records were emitted. */
function emitAll(s: Section, entry: SourceEntry, sink: RecordSink, convert: (item: unknown) => Converted): number {
  let n = 0;
  s.items.forEach((item, index) => {
    const rec = convert(item);
    if ('reason' in rec) {
      sink.problem({ file: entry.displayPath, record: index, field: `${s.path} [${index}]${rec.field ? `.${rec.field}` : ''}`, reason: rec.reason, expected: rec.expected, fix: `${FIX}, or pass --skip-invalid` });
      return;
    }
    n++;
    sink.record(rec, { file: entry.displayPath, record: index });
  });
  return n;
}
