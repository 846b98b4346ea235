/**
 * The LinkedIn adapter: "Get a copy of your data" (the .zip of CSV files, its folder, or
 * one of its files): Connections, Shares, Comments and Reactions; messages are counted
 * and never read. LinkedIn names the owner only by first and last name (Profile.csv), so
 * the owner's handle comes from `--owner` (a public profile name or link). See README
 * "LinkedIn".
 */
import type { AccountRef, InteractionRecord, PostRecord, RecordSink } from '../../store/records.js';
import type { Adapter, SourceEntry } from '../source.js';
import { type FileRule, runExportPlan } from '../own-data/export-plan.js';
import { parseLinkedinHandle } from '../own-data/handles.js';
import { type ExportOwner, makeExportOwner } from '../own-data/owner.js';
import { type Fault, LINKEDIN, connectedOn, connectionAccount, convertComment, convertReaction, convertShare } from './convert.js';
import { type CsvRow, type LinkedinCsv, readLinkedinCsv } from './read-csv.js';
import { LINKEDIN_FORMAT, detectLinkedin, fileKind } from './detect.js';

const FIX = 'download your LinkedIn data again (Settings > Data privacy > Get a copy of your data)';

interface LinkedinContext {
  sink: RecordSink;
  owner: ExportOwner;
  connections?: number;
  posts?: number;
}

const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1).toLowerCase();

async function readCsvOrReport(entry: SourceEntry, ctx: LinkedinContext): Promise<LinkedinCsv | undefined> {
  const csv = await readLinkedinCsv(entry);
  if ('reason' in csv) {
    ctx.sink.problem(csv);
    return undefined;
  }
  // rows left out (a stray quote, a ragged row): each an error, or skipped with --skip-invalid
  for (const problem of csv.problems) ctx.sink.problem(problem);
  return csv;
}

type Converted = PostRecord | InteractionRecord;

/** Emits each row's record (or its problem); a share repeated on several rows (one per attached image) is emitted once. */
function emitRows(csv: LinkedinCsv, entry: SourceEntry, ctx: LinkedinContext, convert: (row: CsvRow, owner: AccountRef) => Converted | Fault): number {
  let n = 0;
  let repeated = 0;
  const seen = new Set<string>();
  const owner = ctx.owner.ref();
  for (const row of csv.rows) {
    const rec = convert(row, owner);
    if ('reason' in rec) {
      ctx.sink.problem({ file: entry.displayPath, line: row.line, field: rec.field, reason: rec.reason, expected: rec.expected, fix: `${FIX}, or pass --skip-invalid` });
      continue;
    }
    if (rec.type === 'post') {
      if (seen.has(rec.externalId)) {
        repeated++;
        continue;
      }
      seen.add(rec.externalId);
    }
    n++;
    ctx.sink.record(rec, { file: entry.displayPath, line: row.line });
  }
  if (repeated > 0) ctx.sink.skippedFile(entry.name, `${repeated} row${repeated === 1 ? '' : 's'} repeat a post already read (LinkedIn writes a share once per attached image): read once`);
  return n;
}

async function readProfile(entry: SourceEntry, ctx: LinkedinContext): Promise<void> {
  const csv = await readCsvOrReport(entry, ctx);
  const row = csv?.rows[0];
  if (!row) return;
  const name = `${row.get('firstname') ?? ''} ${row.get('lastname') ?? ''}`.trim();
  if (name) ctx.owner.profile.displayName = name;
  const bio = (row.get('headline') ?? '').trim() || (row.get('summary') ?? '').trim();
  if (bio) ctx.owner.profile.bio = bio;
  // Some exports list the profile's own address among its websites.
  const own = (row.get('websites') ?? '').match(/linkedin\.com\/in\/[^\s,\]]+/i)?.[0];
  if (own) ctx.owner.nameFromExport(`https://www.${own}`, entry.name);
}

async function readConnections(entry: SourceEntry, ctx: LinkedinContext): Promise<void> {
  const csv = await readCsvOrReport(entry, ctx);
  if (!csv) return;
  const owner = ctx.owner.ref();
  let unnamed = 0;
  for (const row of csv.rows) {
    const account = connectionAccount(row);
    if (!account) {
      unnamed++;
      continue;
    }
    const at = { file: entry.displayPath, line: row.line };
    const time = connectedOn(row);
    const written = (row.get('connectedon') ?? '').trim();
    if (time === undefined && written !== '') {
      // a date that is there but unreadable is reported, not dropped without a word
      ctx.sink.problem({ ...at, field: 'Connected On', reason: `'${written.slice(0, 40)}' is not a date`, expected: 'a date such as 09 Sep 2022', fix: `${FIX}, or pass --skip-invalid` });
      continue;
    }
    ctx.sink.record(account, at);
    ctx.sink.record({ type: 'follow', follower: owner, followee: account.ref, ...(time !== undefined ? { createdAt: time } : {}) }, at);
    ctx.sink.record({ type: 'follow', follower: account.ref, followee: owner, ...(time !== undefined ? { createdAt: time } : {}) }, at);
  }
  ctx.connections = (ctx.connections ?? 0) + csv.rows.length;
  if (unnamed > 0) {
    ctx.sink.skippedFile(
      entry.name,
      `${unnamed} connection${unnamed === 1 ? '' : 's'} with neither a name nor a profile link (hidden or closed accounts): counted in your connections, no account created`,
    );
  }
}

async function countMessages(entry: SourceEntry, ctx: LinkedinContext): Promise<void> {
  const csv = await readLinkedinCsv(entry);
  const n = 'reason' in csv ? undefined : csv.rows.length;
  ctx.sink.skippedFile(entry.name, `${n === undefined ? 'direct messages' : `${n} direct message${n === 1 ? '' : 's'}`}: private, never imported`);
}

const csvRead = (convert: Parameters<typeof emitRows>[3], countPosts: boolean) => async (entry: SourceEntry, ctx: LinkedinContext): Promise<void> => {
  const csv = await readCsvOrReport(entry, ctx);
  if (!csv) return;
  const n = emitRows(csv, entry, ctx, convert);
  if (countPosts) ctx.posts = (ctx.posts ?? 0) + n;
};

const named = (...names: string[]) => (_path: string, b: string) => names.includes(b);

/** The registry of LinkedIn export files. */
export const LINKEDIN_RULES: readonly FileRule<LinkedinContext>[] = [
  { match: named('profile.csv'), order: 0, read: readProfile },
  { match: named('connections.csv'), order: 1, read: readConnections },
  { match: named('shares.csv'), order: 2, read: csvRead(convertShare, true) },
  { match: named('comments.csv'), order: 3, read: csvRead(convertComment, false) },
  { match: named('reactions.csv'), order: 4, read: csvRead(convertReaction, false) },
  { match: (path, b) => /^(?:guest_)?messages\.csv$/.test(b) || /(?:^|\/)messages\//i.test(path), order: 9, read: countMessages },
  { match: named('invitations.csv'), skip: 'connection invitations are private: not imported' },
  { match: (path) => /(?:^|\/)articles\//i.test(path), group: (path) => /^(.*?(?:^|\/)articles\/)/i.exec(path)?.[1] ?? 'Articles/', skip: 'articles (long-form pages as HTML): not imported' },
  { match: named('member_follows.csv'), skip: 'people you follow are listed by name only: not imported' },
  { match: named('company_follows.csv'), skip: 'companies followed: not imported' },
  { match: (_p, b) => /^(?:email|phone|registration|ad_targeting|security|logins|search|receipts|inferences|job|saved|learning|endorsement|recommendation|skills|positions|education|certifications|languages|projects|publications|honors|courses|causes|volunteering|patents|rich_media|votes|events|private_identity|verifications|whatsapp)/.test(b), skip: 'profile, account and activity data not used by influence' },
];

/** Imports a LinkedIn export. */
export const linkedinAdapter: Adapter = {
  ...LINKEDIN_FORMAT,
  detect: detectLinkedin,
  async read(source, sink, options) {
    const owner = makeExportOwner(LINKEDIN, sink, options.owner, parseLinkedinHandle);
    const ctx: LinkedinContext = { sink, owner };
    let rules = LINKEDIN_RULES;
    const lone = source.kind === 'file' ? source.entries[0] : undefined;
    if (lone && !rules.some((r) => r.read && r.match(lone.name, base(lone.name)))) {
      // a lone file under another name ('Shares (1).csv'): read by its header
      const kind = await fileKind(lone);
      const rule = kind ? rules.find((r) => r.match(kind, kind)) : undefined;
      if (rule) rules = [{ ...rule, match: () => true }];
    }
    const plan = await runExportPlan(source, rules, ctx, sink);
    // LinkedIn connections are mutual: the count is both followers and following
    if (ctx.connections !== undefined) {
      owner.profile.followers = ctx.connections;
      owner.profile.following = ctx.connections;
    }
    if (ctx.posts !== undefined) owner.profile.posts = ctx.posts;
    owner.finish(plan.read[0]?.displayPath ?? source.path);
  },
};
