/**
 * The real own-data samples in ../shared/data/realdata (Instagram, TikTok, LinkedIn,
 * Threads) imported through the CLI from their folder and from a zip of it, with counts
 * computed here from the files themselves; a truncated file of each network; and the
 * direct messages of the fixtures, which must never reach the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED, runCli, spawnCli, tempDir } from '../helpers/cli.js';
import { makeZip, readTree } from '../helpers/archives.js';
import { query, tableCounts, type TableCounts } from '../helpers/db.js';

const REAL = path.join(SHARED, 'data', 'realdata');
const FIX = path.join(ROOT, 'test', 'fixtures');

/** What a sample must import as, computed from its files without the importer's code. */
interface Expected {
  network: string;
  owner: string;
  posts: number;
  replies: number;
  reshares: number;
  followers: number;
  following: number;
  likes: number;
}

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));
const filesIn = (dir: string, re: RegExp): string[] =>
  Object.keys(readTree(dir))
    .filter((n) => re.test(path.basename(n)))
    .map((n) => path.join(dir, n));

function expectInstagram(dir: string, owner: string): Expected {
  const followers = new Set(filesIn(dir, /^followers_\d+\.json$/).flatMap((f) => readJson(f).map((x: any) => x.string_list_data[0].value)));
  const following = new Set(filesIn(dir, /^following\.json$/).flatMap((f) => readJson(f).relationships_following.map((x: any) => x.string_list_data[0].value)));
  const posts = filesIn(dir, /^posts_\d+\.json$/).reduce((n, f) => n + readJson(f).length, 0);
  const comments = filesIn(dir, /^post_comments_\d+\.json$/).reduce((n, f) => n + readJson(f).length, 0);
  const likes = new Set(filesIn(dir, /^liked_posts\.json$/).flatMap((f) => readJson(f).likes_media_likes.map((x: any) => x.string_list_data[0].href)));
  return { network: 'instagram', owner, posts: posts + comments, replies: comments, reshares: 0, followers: followers.size, following: following.size, likes: likes.size };
}

function expectTiktok(dir: string): Expected {
  const doc = readJson(path.join(dir, 'user_data_tiktok.json'));
  const act = doc['Your Activity'] ?? doc['Activity'];
  const len = (v: unknown) => (Array.isArray(v) ? v.length : 0); // TikTok writes empty lists as null
  const comments = len(doc['Comment']?.['Comments']?.['CommentsList']);
  const reposts = len(act['Reposts']?.['RepostList']);
  return {
    network: 'tiktok',
    owner: doc['Profile']['Profile Info']['ProfileMap']['userName'],
    posts: len(doc['Post']?.['Posts']?.['VideoList']) + comments + reposts,
    replies: comments,
    reshares: reposts,
    followers: len(act['Follower']?.['FansList']),
    following: len(act['Following']?.['Following']),
    likes: new Set((act['Like List']?.['ItemFavoriteList'] ?? []).map((x: any) => x.link)).size,
  };
}

function expectLinkedin(dir: string, owner: string): Expected {
  const csv = (name: string, from = 0): Record<string, string>[] => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '');
    return parse(text.split(/\r?\n/).slice(from).join('\n'), { columns: true, skip_empty_lines: true, relax_column_count: true });
  };
  // Connections.csv: three preamble lines (Notes:, the note, a blank line) before the header
  const connections = csv('Connections.csv', 3);
  const people = new Set(connections.map((c) => `${c['First Name']} ${c['Last Name']}`.trim().toLowerCase()).filter((n) => n !== ''));
  const shares = new Set(csv('Shares.csv').map((s) => s['ShareLink']));
  const comments = csv('Comments.csv').filter((c) => c['Date']);
  const reactions = new Set(csv('Reactions.csv').map((r) => r['Link']));
  return { network: 'linkedin', owner, posts: shares.size + comments.length, replies: comments.length, reshares: 0, followers: people.size, following: people.size, likes: reactions.size };
}

function expectThreads(dir: string): Expected {
  const posts = readJson(path.join(dir, 'threads_and_replies.json')).text_post_app_text_posts;
  const replies = posts.filter((p: any) => p.media.some((m: any) => m.text_app_post?.is_reply === true)).length;
  return { network: 'threads', owner: '~owner', posts: posts.length, replies, reshares: 0, followers: 0, following: 0, likes: 0 };
}

const one = (db: string, sql: string, ...args: unknown[]): number => Object.values(query<Record<string, number>>(db, sql, ...args)[0]!)[0]!;

function checkDatabase(db: string, e: Expected): void {
  const ownerId = one(db, 'SELECT id FROM accounts WHERE network = ? AND handle = ?', e.network, e.owner);
  expect(ownerId).toBeGreaterThan(0);
  expect(one(db, 'SELECT count(*) FROM posts WHERE network = ?', e.network)).toBe(e.posts);
  expect(one(db, "SELECT count(*) FROM posts WHERE network = ? AND kind = 'reply'", e.network)).toBe(e.replies);
  expect(one(db, "SELECT count(*) FROM posts WHERE network = ? AND kind = 'reshare'", e.network)).toBe(e.reshares);
  expect(one(db, 'SELECT count(*) FROM posts WHERE network = ? AND author_id != ?', e.network, ownerId)).toBe(0);
  expect(one(db, 'SELECT count(*) FROM follows WHERE followee_id = ?', ownerId)).toBe(e.followers);
  expect(one(db, 'SELECT count(*) FROM follows WHERE follower_id = ?', ownerId)).toBe(e.following);
  expect(one(db, "SELECT count(*) FROM interactions WHERE kind = 'like' AND actor_id = ?", ownerId)).toBe(e.likes);
}

const dataTables = ({ imports: _imports, ...rest }: TableCounts) => rest;

interface Sample {
  name: string;
  dir: string;
  args: string[];
  expected: () => Expected;
}

const SAMPLES: Sample[] = [
  { name: 'Instagram 2024', dir: path.join(REAL, 'instagram-yummyhopper-2024'), args: ['--owner', 'yummyhopper'], expected: () => expectInstagram(path.join(REAL, 'instagram-yummyhopper-2024'), 'yummyhopper') },
  { name: 'TikTok', dir: path.join(REAL, 'tiktok-laminelsu'), args: [], expected: () => expectTiktok(path.join(REAL, 'tiktok-laminelsu')) },
  { name: 'LinkedIn 2022', dir: path.join(REAL, 'linkedin-sajiah-2022'), args: ['--owner', 'sajiah'], expected: () => expectLinkedin(path.join(REAL, 'linkedin-sajiah-2022'), 'sajiah') },
  { name: 'Threads 2024', dir: path.join(REAL, 'threads-yungztr-2024'), args: [], expected: () => expectThreads(path.join(REAL, 'threads-yungztr-2024')) },
];

describe.each(SAMPLES)('real sample: $name', (sample) => {
  it.skipIf(!fs.existsSync(sample.dir))('imports from the folder and from a zip with the counts of its files; again adds nothing', async () => {
    const e = sample.expected();
    const dir = tempDir();
    const dbFolder = path.join(dir, 'folder.db');
    const r = await runCli(['import', sample.dir, '--db', dbFolder, '--json', ...sample.args]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.sources[0].format).toBe(e.network);
    expect(summary.sources[0].owners[0]).toMatchObject({ network: e.network, handle: e.owner });
    checkDatabase(dbFolder, e);

    // the same export zipped, as it is downloaded (files under a top folder)
    const zip = path.join(dir, 'export.zip');
    const tree = readTree(sample.dir);
    fs.writeFileSync(zip, makeZip(Object.entries(tree).map(([name, content]) => ({ name: `export/${name}`, content }))));
    const dbZip = path.join(dir, 'zip.db');
    const z = await runCli(['import', zip, '--db', dbZip, '--json', ...sample.args]);
    expect(z.code, z.stderr).toBe(0);
    checkDatabase(dbZip, e);
    expect(dataTables(tableCounts(dbZip))).toEqual(dataTables(tableCounts(dbFolder)));

    // importing the zip into the folder's database, and the folder again, changes nothing
    const before = tableCounts(dbFolder);
    expect((await runCli(['import', zip, '--db', dbFolder, ...sample.args])).code).toBe(0);
    expect(dataTables(tableCounts(dbFolder))).toEqual(dataTables(before));
    const again = await runCli(['import', sample.dir, '--db', dbFolder, '--json', ...sample.args]);
    expect(JSON.parse(again.stdout).sources[0].alreadyImported).toBe(true);
    expect(JSON.parse(again.stdout).added).toMatchObject({ accounts: 0, posts: 0, interactions: 0, follows: 0 });
    expect(dataTables(tableCounts(dbFolder))).toEqual(dataTables(before));
  });
});

describe('real samples: text and owners', () => {
  it.skipIf(!fs.existsSync(path.join(REAL, 'tiktok-laminelsu')))('TikTok: the data file alone imports like its folder', async () => {
    const dir = tempDir();
    const file = path.join(REAL, 'tiktok-laminelsu', 'user_data_tiktok.json');
    const a = await runCli(['import', file, '--db', path.join(dir, 'file.db')]);
    expect(a.code, a.stderr).toBe(0);
    checkDatabase(path.join(dir, 'file.db'), expectTiktok(path.join(REAL, 'tiktok-laminelsu')));
  });

  it.skipIf(!fs.existsSync(path.join(REAL, 'threads-yungztr-2024')))('Threads: mojibake is decoded, hand-fixed text survives, the summary says the owner is unnamed', async () => {
    const db = path.join(tempDir(), 't.db');
    const r = await runCli(['import', path.join(REAL, 'threads-yungztr-2024'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('owner: threads:~owner');
    expect(r.stdout).toMatch(/note: threads owner: the export does not name its owner and no --owner was given/);
    const texts = query<{ text: string }>(db, 'SELECT text FROM posts').map((p) => p.text);
    expect(texts).toContain('Früher war Mittwoch wirklich mitte der woche…');
    // no mojibake left: no UTF-8 lead byte followed by a continuation byte as Latin-1 characters
    expect(texts.filter((t) => /[\u00c2-\u00f4][\u0080-\u00bf]/.test(t))).toEqual([]);
  });

  it.skipIf(!fs.existsSync(path.join(REAL, 'instagram-yummyhopper-2024')))('Instagram: the likes emoji and comment text are decoded', async () => {
    const db = path.join(tempDir(), 'i.db');
    expect((await runCli(['import', path.join(REAL, 'instagram-yummyhopper-2024'), '--db', db, '--owner', 'yummyhopper'])).code).toBe(0);
    const texts = query<{ text: string }>(db, "SELECT text FROM posts WHERE kind = 'reply'").map((p) => p.text);
    expect(texts).toContain('@dannydonosok what did i tell u about that chedda 🙄');
  });
});

describe('a truncated or corrupted file of each network', () => {
  const CASES = [
    { name: 'Instagram', path: path.join(FIX, 'instagram', 'truncated'), file: /followers_1\.json:line 3/ },
    { name: 'Threads', path: path.join(FIX, 'threads', 'truncated'), file: /threads_and_replies\.json:line 4/ },
    { name: 'TikTok', path: path.join(FIX, 'tiktok', 'truncated'), file: /user_data_tiktok\.json:line 6/ },
    { name: 'LinkedIn', path: path.join(FIX, 'linkedin', 'truncated'), file: /Shares\.csv:line 3/ },
  ];
  it.each(CASES)('$name: exits 2 naming the file and line, and changes nothing', ({ path: p, file }) => {
    const db = path.join(tempDir(), 'x.db');
    expect(spawnCli(['import', path.join(FIX, 'generic', 'accounts.csv'), '--db', db]).code).toBe(0);
    const before = tableCounts(db);
    const r = spawnCli(['import', p, '--db', db, '--owner', 'someone']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(file);
    expect(r.stderr).toContain('fix:');
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('direct messages are never in the database', () => {
  it('imports the fixtures that hold DMs and finds no trace of them in any row', async () => {
    const db = path.join(tempDir(), 'dm.db');
    const paths = [path.join(FIX, 'instagram', 'export-2024'), path.join(FIX, 'tiktok', 'export-2024'), path.join(FIX, 'tiktok', 'export-2021'), path.join(FIX, 'linkedin', 'export-2022')];
    // the Instagram and TikTok fixtures name their owners; --owner serves the LinkedIn one
    const r = await runCli(['import', ...paths, '--db', db, '--json', '--owner', 'owner-person']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    const skipped = summary.sources.flatMap((s: any) => s.skippedFiles.map((f: any) => f.reason)).filter((x: string) => /direct message/.test(x));
    expect(skipped).toHaveLength(4);
    const dump = JSON.stringify([
      query(db, 'SELECT * FROM posts'),
      query(db, 'SELECT * FROM accounts'),
      query(db, 'SELECT * FROM interactions'),
      query(db, 'SELECT * FROM follows'),
    ]);
    expect(dump).not.toContain('SECRET-DM-TEXT');
    expect(query(db, "SELECT handle FROM accounts WHERE handle IN ('dmfriend', 'other.pal', 'pal', 'dee-friend-dm')")).toEqual([]);
  });
});
