/**
 * Real archives from ../shared/data/realdata as engine TopicInput, for fitting and tests:
 * the Twitter archive through the project's importer (a temporary store), Threads and
 * Bluesky read here (the project has no importer for them; their text is only read, never
 * copied into the project).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TopicInput, TopicPost } from '../../src/engine/topics/expertise.js';

/** One owner's posts, with the time of its latest post. */
export interface RealArchive {
  name: string;
  handle: string;
  input: TopicInput;
  asOf: number;
}

const noEngagement = { reply: 0, reshare: 0, quote: 0, like: 0 };
const noDeclared = { likes: NaN, reshares: NaN, replies: NaN };

/** realdata/threads-yungztr-2024: text_post_app_text_posts[].media[].title, Unix seconds; mojibake fixed as FORMATS.md says. */
export function readThreadsArchive(dir: string): RealArchive {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, 'threads_and_replies.json'), 'utf8')) as { text_post_app_text_posts: { media?: { title?: string; creation_timestamp: number }[] }[] };
  const posts: TopicPost[] = [];
  for (const p of doc.text_post_app_text_posts) {
    for (const m of p.media ?? []) {
      posts.push({ author: 0, id: `t${posts.length + 1}`, createdAt: m.creation_timestamp * 1000, kind: 'original', text: fixMojibake(m.title ?? ''), lang: null, hashtags: 0, events: noEngagement, declared: noDeclared, engagers: [] });
    }
  }
  posts.sort((a, b) => a.createdAt - b.createdAt);
  return { name: 'threads-yungztr-2024', handle: 'yungztr', input: { accounts: [{ handle: 'yungztr', network: 'threads', bio: null }], posts }, asOf: Math.max(...posts.map((p) => p.createdAt)) };
}

function fixMojibake(s: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(s)) return s;
  try {
    const bytes = Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    if (bytes.some((b, i) => [...s][i]!.charCodeAt(0) > 255)) return s;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return s;
  }
}

/** A fresh temporary directory for a store. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An archive (a Twitter folder, a Bluesky CAR, ...) through the project's importer into a temporary store, read as the CLI reads it. */
export async function readImportedArchive(source: string, handle: string, name = path.basename(source)): Promise<RealArchive & { db: string }> {
  const { main } = await import('../../src/cli/main.js');
  const { openDb } = await import('../../src/store/open.js');
  const { readDataset, readLatestActivity } = await import('../../src/store/read-dataset.js');
  const { topicInputOf } = await import('../../src/engine/topics/input.js');
  const db = path.join(tempDir('influence-real-'), 'real.db');
  const sink = { write: (_: string) => true, isTTY: false };
  const code = await main(['--db', db, '--quiet', 'import', source], { stdout: sink, stderr: sink, env: { NO_COLOR: '1' }, cwd: process.cwd() });
  if (code !== 0) throw new Error(`import of ${source} failed (exit ${code})`);
  const store = openDb(db);
  try {
    const asOf = readLatestActivity(store)!;
    // every post up to as-of, with its text: callers pick their window
    const all = { asOf, windowDays: 100_000 };
    const input = topicInputOf(readDataset(store, { bios: true, texts: all }), all);
    return { name, handle, input: { accounts: input.accounts, posts: [...input.posts] }, asOf, db };
  } finally {
    store.close();
  }
}

/** realdata/twitter-milahu104-2026 (or any Twitter archive folder) through the importer. */
export async function readTwitterArchive(dir: string, handle: string): Promise<RealArchive & { db: string }> {
  return { ...(await readImportedArchive(dir, handle)), name: path.basename(dir) };
}

/** realdata/linkedin-sajiah-2022/Shares.csv: Date (UTC "YYYY-MM-DD HH:MM:SS"), ShareCommentary with doubled quotes inside a quoted field. */
export function readLinkedInShares(dir: string, name: string): RealArchive {
  const rows = parseCsv(fs.readFileSync(path.join(dir, 'Shares.csv'), 'utf8'));
  const head = rows[0]!;
  const date = head.indexOf('Date');
  const text = head.indexOf('ShareCommentary');
  const posts: TopicPost[] = rows.slice(1).filter((r) => r.length > text).map((r, i) => ({
    author: 0, id: `l${i + 1}`, createdAt: Date.parse(`${r[date]!.replace(' ', 'T')}Z`), kind: 'original' as const,
    // the export wraps each paragraph in its own quotes: "a"\n""\n"b"
    text: r[text]!.replace(/^"|"$/gm, ''), lang: null, hashtags: 0, events: noEngagement, declared: noDeclared, engagers: [],
  }));
  posts.sort((a, b) => a.createdAt - b.createdAt);
  return { name, handle: 'owner', input: { accounts: [{ handle: 'owner', network: 'linkedin', bio: null }], posts }, asOf: Math.max(...posts.map((p) => p.createdAt)) };
}

/** realdata/instagram-yummyhopper-2024: your_instagram_activity/content/posts_1.json, media[].title (mojibake fixed) and creation_timestamp. */
export function readInstagramPosts(dir: string, name: string): RealArchive {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, 'your_instagram_activity', 'content', 'posts_1.json'), 'utf8')) as { title?: string; creation_timestamp?: number; media?: { title?: string; creation_timestamp: number }[] }[];
  const posts: TopicPost[] = [];
  for (const p of doc) {
    const media = p.media ?? [];
    const title = p.title || media.map((m) => m.title ?? '').find((t) => t) || '';
    const at = p.creation_timestamp ?? media[0]?.creation_timestamp ?? 0;
    posts.push({ author: 0, id: `i${posts.length + 1}`, createdAt: at * 1000, kind: 'original', text: fixMojibake(title), lang: null, hashtags: 0, events: noEngagement, declared: noDeclared, engagers: [] });
  }
  posts.sort((a, b) => a.createdAt - b.createdAt);
  return { name, handle: 'owner', input: { accounts: [{ handle: 'owner', network: 'instagram', bio: null }], posts }, asOf: Math.max(...posts.map((p) => p.createdAt)) };
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Every real archive the topic evaluation uses, by the names of the labels file; `ownFixtures` adds the project's Mastodon fixture. */
export async function readRealArchives(real: string, root: string): Promise<RealArchive[]> {
  const bluesky = path.join(real, 'bluesky-bnewbold-2025');
  const car = fs.readdirSync(bluesky).find((f) => f.endsWith('.car'))!;
  const linkedin = path.join(real, 'linkedin-sajiah-2022');
  const mastodon = await readImportedArchive(path.join(root, 'test', 'fixtures', 'mastodon', 'cyclist-2024'), 'mara@velo.example', 'mastodon-cyclist-2024');
  return [
    await readTwitterArchive(path.join(real, 'twitter-milahu104-2026'), 'milahu104'),
    readThreadsArchive(path.join(real, 'threads-yungztr-2024')),
    await readImportedArchive(path.join(bluesky, car), 'bnewbold.robocracy.org', 'bluesky-bnewbold-2025'),
    readLinkedInShares(linkedin, 'linkedin-sajiah-2022'),
    readLinkedInShares(linkedin, 'linkedin-sajiah-2022-90d'),
    readInstagramPosts(path.join(real, 'instagram-yummyhopper-2024'), 'instagram-yummyhopper-2024'),
    mastodon,
  ];
}
