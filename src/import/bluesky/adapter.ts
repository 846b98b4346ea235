/**
 * The Bluesky adapter: an atproto repository export (`repo.car` from the app's "Export my
 * data", or `<handle>.<YYYYMMDDhhmmss>.car` from `goat repo export`), alone, in a folder or in
 * a .zip. Each CAR file is one account's repository: read the commit the header names, walk
 * its record tree, convert the records influence reads, count the rest per collection.
 *
 * The owner is the commit's DID. The repository holds no handle (the profile record has
 * none; a handle lives in DNS or at a web address and changes): it comes from `--owner`,
 * else from a goat file name. Handles are never guessed for other accounts (from the text
 * of mentions, say): an old handle now held by someone else would merge two people.
 */
import nodePath from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import type { AccountRecord, AccountRef, RecordSink } from '../../store/records.js';
import type { Adapter, AdapterOptions, Source, SourceEntry } from '../source.js';
import { BLUESKY_FORMAT, carCandidates, detectBluesky, entryIsCar } from './detect.js';
import { type RepoCommit, readCommit } from './commit.js';
import { READ_COLLECTIONS, type RepoOwner, convertRecord } from './convert-record.js';
import { EARLIEST_PLAUSIBLE, FUTURE_SLACK_MS, judgeTime } from './datetime.js';
import { decodeRecordBlock } from './decode-block.js';
import { NETWORK, isDid, normalizeHandle, readGoatFileName, splitRepoKey } from './identifiers.js';
import { type CarLimits, DEFAULT_CAR_LIMITS, indexCar, readEntryBytes } from './read-car.js';
import { describeSkipped } from './skipped-collections.js';
import { walkMst } from './walk-mst.js';

/** The goat file name's time is the exporting machine's local time: up to 14 hours behind UTC. */
const LOCAL_ZONE_SLACK_MS = 14 * 3600 * 1000;
const ROW_FIX = 'the client that wrote this record broke the lexicon; pass --skip-invalid to import the other records';
const EXAMPLES = 3;
const READ = new Set<string>(Object.values(READ_COLLECTIONS));

/** Imports Bluesky repository exports (CAR files). */
export const blueskyAdapter: Adapter = {
  ...BLUESKY_FORMAT,
  detect: detectBluesky,
  read: (source, sink, options) => readBlueskySource(source, sink, options),
};

/** Reads every repository file of `source`; `limits` bound each file (tests pass small ones). */
export async function readBlueskySource(source: Source, sink: RecordSink, options: AdapterOptions, limits: CarLimits = DEFAULT_CAR_LIMITS): Promise<void> {
  // a typo in --owner fails before anything is read
  if (options.owner !== undefined && !isDid(options.owner.trim())) ownerHandle(options.owner, '');
  const cars: SourceEntry[] = [];
  const possible = new Set(carCandidates(source));
  for (const entry of source.entries) {
    if (possible.has(entry) && (await entryIsCar(entry))) cars.push(entry);
    else sink.skippedFile(entry.name, 'not a Bluesky repository (CAR) file');
  }
  if (cars.length === 0) {
    // --format bluesky on something else: say what was expected of the first file
    const first = source.entries[0];
    throw new InputError('not a Bluesky repository export', {
      file: first?.displayPath ?? source.path,
      expected: 'a CARv1 file (repo.car, or <handle>.<time>.car from goat repo export)',
      fix: 'export the repository from Bluesky (Settings > Account > Export my data) and import the .car file',
    });
  }
  if (options.owner !== undefined && cars.length > 1) {
    throw new UsageError(`--owner names one account, but ${source.path} holds ${cars.length} repository files`, 'import each .car file with its own --owner, or leave --owner out');
  }
  const total = cars.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  for (const entry of cars) {
    await readRepository(entry, sink, options, limits);
    done += entry.size;
    sink.progress?.(done, total);
  }
}

/** A single file is checked whatever its name; in a folder or zip, `.car` files and files without an extension. */
interface TimeReport {
  count: number;
  examples: string[];
}

async function readRepository(entry: SourceEntry, sink: RecordSink, options: AdapterOptions, limits: CarLimits): Promise<void> {
  const file = entry.displayPath;
  const blocks = indexCar(await readEntryBytes(entry, limits.maxBytes), file, limits);
  const commit = readCommit(blocks);
  const fromName = readGoatFileName(nodePath.posix.basename(entry.name));
  const ref: AccountRef = { network: NETWORK, externalId: commit.did };
  const handle = ownerHandle(options.owner, commit.did) ?? fromName?.handle;
  if (handle) ref.handle = handle;
  const owner: RepoOwner = { did: commit.did, ref };
  sink.owner?.(ref);
  if (!handle) sink.notice?.(entry.name, `the repository names its account only by DID (${commit.did}); pass --owner HANDLE to give it a handle`);
  if (fromName?.did !== undefined && fromName.did !== commit.did) {
    sink.notice?.(entry.name, `the file name says ${fromName.did}, but the repository belongs to ${commit.did} (the repository is right)`);
  }

  // Every record was written by the last commit, whose rev is a TID of its time; without a
  // rev (v2), the goat file name's time bounds it (the export came after the last write).
  const exportTime = commit.revTime ?? (fromName?.localTime !== undefined ? fromName.localTime + LOCAL_ZONE_SLACK_MS : undefined);
  const early: TimeReport = { count: 0, examples: [] };
  const late: TimeReport = { count: 0, examples: [] };
  // 'collection' or 'collection: reason' -> records not imported
  const skipped = new Map<string, number>();
  const skip = (what: string): void => void skipped.set(what, (skipped.get(what) ?? 0) + 1);
  const account: AccountRecord = { type: 'account', ref };
  let posts = 0;
  let likes = 0;
  const followed = new Set<string>();

  walkMst(blocks, commit.data, (key, cid, index) => {
    const at = { file, record: index };
    const parts = splitRepoKey(key);
    if (!parts) {
      sink.problem({ ...at, field: key, reason: 'is not a record key (collection/key)', expected: "a key such as 'app.bsky.feed.post/3k…'", fix: ROW_FIX });
      return;
    }
    const { collection, rkey } = parts;
    if (!READ.has(collection)) {
      // Skipped records are never decoded, but their blocks are checked: a damaged file is
      // refused whole, whichever record the damage hit.
      blocks.get(cid, `record ${key}`);
      skip(collection);
      return;
    }
    const decoded = decodeRecordBlock(blocks, cid, `record ${key}`);
    if ('error' in decoded) {
      sink.problem({ ...at, field: key, reason: `is not valid DAG-CBOR (${decoded.error})`, expected: 'a record in canonical DAG-CBOR, as the atproto data model requires', fix: ROW_FIX });
      return;
    }
    const value = decoded.value;
    const type = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['$type'] : undefined;
    if (type !== collection) {
      sink.problem({ ...at, field: `${key}.$type`, reason: `is ${JSON.stringify(type) ?? 'missing'}, not the record's collection`, expected: collection, fix: ROW_FIX });
      return;
    }
    const converted = convertRecord(collection, rkey, value, owner)!;
    switch (converted.kind) {
      case 'problem':
        sink.problem({ ...at, field: converted.field ? `${key}.${converted.field}` : key, reason: converted.reason, expected: converted.expected, fix: ROW_FIX });
        return;
      case 'skip':
        skip(`${collection}: ${converted.reason}`);
        return;
      case 'profile':
        if (rkey !== 'self') {
          skip(`${collection}: only the record at key 'self' is the profile`);
          return;
        }
        if (converted.displayName !== undefined) account.displayName = converted.displayName;
        if (converted.bio !== undefined) account.bio = converted.bio;
        if (converted.defaultAvatar !== undefined) account.defaultAvatar = converted.defaultAvatar;
        return;
      default: {
        const judged = judgeTime(converted.time, exportTime);
        if (judged) addExample(judged === 'before-network' ? early : late, key, converted.time);
        if (collection === READ_COLLECTIONS.post) posts++;
        if (collection === READ_COLLECTIONS.like) likes++;
        // a repository can hold two follow records of one account (a client race): one follow
        if (converted.kind === 'follow') followed.add(converted.rec.followee.externalId!);
        sink.record(converted.rec, at);
      }
    }
  });

  // A repository holds all of the account's posts, follows and likes, so their numbers are its
  // declared post, following and likes-given counts; its followers are in other people's repositories.
  account.posts = posts;
  account.following = followed.size;
  account.likesGiven = likes;
  // the repository is the owner's whole record: its follows and posts are complete; who
  // follows it and how others react are in other repositories (store/records.ts OwnLists)
  account.lists = { following: true, posts: true };
  sink.record(account, { file });
  for (const [what, n] of [...skipped].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const cut = what.indexOf(': ');
    const [collection, reason] = cut < 0 ? [what, undefined] : [what.slice(0, cut), what.slice(cut + 2)];
    sink.skippedFile(`${entry.name}#${collection}`, describeSkipped(collection, n, reason));
  }
  reportTimes(entry.name, early, late, commit, exportTime, sink);
}

/** The handle --owner gives (a DID there must be the repository's); undefined when it gives none. */
function ownerHandle(option: string | undefined, did: string): string | undefined {
  if (option === undefined) return undefined;
  const trimmed = option.trim();
  if (isDid(trimmed)) {
    if (trimmed !== did) throw new UsageError(`--owner ${trimmed} is not this repository's account (${did})`, 'pass the handle of the account whose repository this is, or leave --owner out');
    return undefined;
  }
  const handle = normalizeHandle(trimmed);
  if (!handle) throw new UsageError(`--owner '${option}' is not a Bluesky handle`, 'pass a handle such as alice.bsky.social');
  return handle;
}

function addExample(report: TimeReport, key: string, t: number): void {
  report.count++;
  if (report.examples.length < EXAMPLES) report.examples.push(`${key} at ${new Date(t).toISOString()}`);
}

/** Implausible record times are kept as written and listed, with what follows from them. */
function reportTimes(name: string, early: TimeReport, late: TimeReport, commit: RepoCommit, exportTime: number | undefined, sink: RecordSink): void {
  const plural = (n: number): string => `${n} record${n === 1 ? ' has' : 's have'}`;
  if (early.count > 0) {
    sink.notice?.(
      name,
      `${plural(early.count)} a createdAt before ${new Date(EARLIEST_PLAUSIBLE).toISOString().slice(0, 10)}, before the network existed (backdated by an import tool or a wrong clock), kept as written; e.g. ${early.examples.join('; ')}`,
    );
  }
  if (late.count > 0 && exportTime !== undefined) {
    const basis = commit.revTime !== undefined ? `the repository's last commit (rev ${commit.rev}, ${new Date(commit.revTime).toISOString()})` : 'the export time in the file name';
    sink.notice?.(
      name,
      `${plural(late.count)} a createdAt more than ${FUTURE_SLACK_MS / 3_600_000} hours after ${basis}, kept as written: they move the default --as-of of score and rank (pass --as-of); e.g. ${late.examples.join('; ')}`,
    );
  }
}
