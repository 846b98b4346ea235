/**
 * The Twitter/X archive adapter ("Download your data": the .zip, its folder, its data
 * folder or one data file). Reads the owner first (account.js, else manifest.js userInfo,
 * else --owner), then tweets, followers, following and likes, and finally the owner's
 * account record with the counts the archive declares by its lists' lengths.
 */
import { InputError } from '../../errors.js';
import { showName } from '../archive/limits.js';
import type { AccountRecord, RecordSink, RowProblem } from '../../store/records.js';
import type { Adapter, AdapterOptions, Source, SourceEntry } from '../source.js';
import { readEntryHeadText } from '../entry-head.js';
import { FILE_HANDLERS, type FileKind, ROW_KINDS, ROW_NORMALIZERS, globalKind } from './files.js';
import { type ArchiveLayout, baseName, classifyEntries, findDataDir } from './layout.js';
import { TWITTER_FORMAT, YTD_HEAD, YTD_HEAD_BYTES, detectTwitterArchive } from './detect.js';
import { type ManifestInfo, type OwnerInfo, type ProfileInfo, normalizeAccount, normalizeManifest, normalizeProfile } from './normalize-rows.js';
import { isFault } from './row-fault.js';
import { NETWORK, readHandle } from './values.js';
import { type YtdItem, parseYtdObject, readYtdArray } from './ytd-file.js';

const ROW_FIX = 'correct or remove this record, or pass --skip-invalid to import the rest';

/** Imports a Twitter/X archive. */
export const twitterAdapter: Adapter = {
  ...TWITTER_FORMAT,
  detect: detectTwitterArchive,
  read: readTwitterArchive,
};

async function readTwitterArchive(source: Source, sink: RecordSink, options: AdapterOptions): Promise<void> {
  const dataDir = findDataDir(source.entries.map((e) => e.name)) ?? '';
  const manifestEntry = source.entries.find((e) => e.name === (dataDir ? `${dataDir}/manifest.js` : 'manifest.js'));
  const manifest = manifestEntry ? await readManifest(manifestEntry, sink) : undefined;
  const layout = classifyEntries(source.entries, dataDir, manifest);
  if (source.kind === 'file') await classifyLoneFile(source, layout);
  for (const s of layout.skipped) sink.skippedFile(s.name, s.reason);
  if (manifest && manifestEntry) reportMissingParts(manifest, manifestEntry, layout, sink);

  const progress = makeProgress(layout, sink);
  if (manifestEntry) progress(manifestEntry);
  const fromAccount = await readOwnerFile(layout.files.get('account') ?? [], sink, progress);
  const owner = fromAccount ?? manifest?.owner ?? ownerFromOption(options, source);
  // the import summary names whose archive this is (`owner: twitter:handle (id)`)
  sink.owner?.(owner.ref);
  const profile = await readProfile(layout.files.get('profile') ?? [], sink, progress);

  const counts: Partial<Record<FileKind, number>> = {};
  for (const kind of ROW_KINDS) {
    const entries = layout.files.get(kind);
    if (!entries) continue;
    const seen = new Set<string>();
    for (const entry of entries) {
      // streamed: a tweets.js of any size is read one tweet at a time
      await readYtdArray(entry, sink, (item) => {
        const rec = ROW_NORMALIZERS[kind](item.value, owner.ref);
        const at = { file: entry.displayPath, line: item.line, record: item.index };
        if (isFault(rec)) {
          sink.problem({ ...at, field: rec.field, reason: rec.reason, expected: rec.expected, fix: ROW_FIX });
          return;
        }
        // the same row twice (tweet.js beside tweets.js, overlapping parts) counts once
        const key = rec.type === 'post' ? rec.externalId : rec.type === 'follow' ? `${rec.follower.externalId}>${rec.followee.externalId}` : (rec.targetPost ?? '');
        if (seen.has(key)) return;
        seen.add(key);
        sink.record(rec, at);
      });
      progress(entry);
    }
    counts[kind] = seen.size;
  }
  const ownerFile = layout.files.get('account')?.[0] ?? (fromAccount ? undefined : manifestEntry);
  sink.record(ownerRecord(owner, profile, counts), { file: ownerFile?.displayPath ?? source.path });
}

async function readManifest(entry: SourceEntry, sink: RecordSink): Promise<ManifestInfo | undefined> {
  const parsed = parseYtdObject(await entry.readText(), entry.displayPath);
  if ('problem' in parsed) {
    sink.problem(parsed.problem);
    return undefined;
  }
  return normalizeManifest(parsed.value);
}

/** A lone file with an unusual name ('tweets (1).js') is classified by its global name. */
async function classifyLoneFile(source: Source, layout: ArchiveLayout): Promise<void> {
  const entry = source.entries[0];
  if (!entry || [...layout.files.values()].some((list) => list.includes(entry))) return;
  const m = YTD_HEAD.exec(await readEntryHeadText(entry, YTD_HEAD_BYTES));
  const kind = m?.[1] !== undefined ? globalKind(m[1]) : undefined;
  if (kind === undefined) return;
  layout.skipped = layout.skipped.filter((s) => s.name !== entry.name);
  layout.files.set(kind, [entry]);
}

/** A part the manifest lists but the archive lacks would silently lose rows. */
function reportMissingParts(manifest: ManifestInfo, manifestEntry: SourceEntry, layout: ArchiveLayout, sink: RecordSink): void {
  if (manifest.partial) return; // a split archive: the other parts arrive as other sources
  const present = new Set([...layout.files.values()].flat().map((e) => baseName(e.name)));
  for (const handler of FILE_HANDLERS) {
    if (!ROW_KINDS.includes(handler.kind as (typeof ROW_KINDS)[number])) continue;
    for (const type of handler.manifestTypes) {
      for (const f of manifest.files.get(type) ?? []) {
        if (present.has(baseName(f.fileName)) || f.count === 0) continue;
        sink.problem({
          file: manifestEntry.displayPath,
          field: `dataTypes.${type}`,
          reason: `the manifest lists ${showName(f.fileName)}${f.count !== undefined ? ` (${f.count} rows)` : ''} but the archive lacks it`,
          expected: 'every data file the manifest lists',
          fix: 'import the complete archive as downloaded (all of its files)',
        });
      }
    }
  }
}

async function readOwnerFile(entries: SourceEntry[], sink: RecordSink, progress: (e: SourceEntry) => void): Promise<OwnerInfo | undefined> {
  let owner: OwnerInfo | undefined;
  for (const entry of entries) {
    for (const item of await readArray(entry, sink)) {
      const info = normalizeAccount(item.value);
      if (isFault(info)) sink.problem(rowProblem(entry, item, info.field, info.reason, info.expected));
      else owner ??= info;
    }
    progress(entry);
  }
  return owner;
}

async function readProfile(entries: SourceEntry[], sink: RecordSink, progress: (e: SourceEntry) => void): Promise<ProfileInfo | undefined> {
  let profile: ProfileInfo | undefined;
  for (const entry of entries) {
    for (const item of await readArray(entry, sink)) {
      const info = normalizeProfile(item.value);
      if (isFault(info)) sink.problem(rowProblem(entry, item, info.field, info.reason, info.expected));
      else profile ??= info;
    }
    progress(entry);
  }
  return profile;
}

function ownerFromOption(options: AdapterOptions, source: Source): OwnerInfo {
  const handle = readHandle(options.owner?.trim());
  if (handle !== undefined) return { ref: { network: NETWORK, handle } };
  throw new InputError(
    options.owner === undefined ? "the archive does not name its owner (no account.js, no manifest.js userInfo)" : `--owner ${JSON.stringify(options.owner)} is not a Twitter handle`,
    { file: source.path, expected: 'data/account.js or data/manifest.js in the archive', fix: 'pass --owner HANDLE (the archive owner\'s Twitter handle)' },
  );
}

function ownerRecord(owner: OwnerInfo, profile: ProfileInfo | undefined, counts: Partial<Record<FileKind, number>>): AccountRecord {
  const rec: AccountRecord = { type: 'account', ref: owner.ref };
  if (owner.displayName !== undefined) rec.displayName = owner.displayName;
  if (profile?.bio !== undefined) rec.bio = profile.bio;
  if (profile?.url !== undefined) rec.url = profile.url;
  if (profile?.location !== undefined) rec.location = profile.location;
  if (profile?.defaultAvatar !== undefined) rec.defaultAvatar = profile.defaultAvatar;
  if (owner.createdAt !== undefined) rec.createdAt = owner.createdAt;
  // the archive's lists are complete: their lengths are the owner's declared counts
  if (counts.follower !== undefined) rec.followers = counts.follower;
  if (counts.following !== undefined) rec.following = counts.following;
  if (counts.tweets !== undefined) rec.posts = counts.tweets;
  if (counts.like !== undefined) rec.likesGiven = counts.like;
  // which of the owner's own lists are here complete (store/records.ts OwnLists): the
  // archive has no one else's reception of the owner, only the counts its tweets declare
  const lists = { followers: counts.follower !== undefined, following: counts.following !== undefined, posts: counts.tweets !== undefined };
  if (lists.followers || lists.following || lists.posts) rec.lists = lists;
  return rec;
}

/** The elements of a small data file (account.js, profile.js), collected. */
async function readArray(entry: SourceEntry, sink: RecordSink): Promise<YtdItem[]> {
  const items: YtdItem[] = [];
  await readYtdArray(entry, sink, (item) => items.push(item));
  return items;
}

function rowProblem(entry: SourceEntry, item: YtdItem, field: string, reason: string, expected: string): RowProblem {
  return { file: entry.displayPath, line: item.line, record: item.index, field, reason, expected, fix: ROW_FIX };
}

function makeProgress(layout: ArchiveLayout, sink: RecordSink): (entry: SourceEntry) => void {
  const total = [...layout.files.values()].flat().reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  return (entry) => {
    done += entry.size;
    sink.progress?.(done, total);
  };
}

