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
