import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../tools/sim/config.js';
import { countGenericRows, csvField, HEADERS, isoSeconds } from '../../tools/sim/generic-rows.js';
import { postId, postText } from '../../tools/sim/text.js';
import { generateWorld } from '../../tools/sim/world.js';
import { writeGenericTables, writeTruth } from '../../tools/sim/write-generic.js';
import { tempDir } from '../helpers/cli.js';
import { sampleWorld } from './world-fixture.js';

type Row = Record<string, string>;
const read = (dir: string, table: string): Row[] => parse(fs.readFileSync(path.join(dir, `${table}.csv`)), { columns: true, bom: false }) as Row[];
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('csvField and isoSeconds', () => {
  it('quotes only what needs quoting, RFC 4180 style', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('')).toBe('');
  });

  it('formats UTC times with whole seconds, across day boundaries', () => {
    expect(isoSeconds(Date.UTC(2026, 2, 1, 9, 30, 5, 999))).toBe('2026-03-01T09:30:05Z');
    expect(isoSeconds(Date.UTC(2026, 1, 28, 23, 59, 59))).toBe('2026-02-28T23:59:59Z');
    expect(isoSeconds(Date.UTC(2024, 1, 29, 0, 0, 0))).toBe('2024-02-29T00:00:00Z');
    expect(isoSeconds(Date.UTC(2026, 2, 1, 0, 0, 1))).toBe('2026-03-01T00:00:01Z');
  });
});

describe('writeGenericTables', () => {
  const w = sampleWorld();
  const dir = tempDir('influence-sim-');
  const summary = writeGenericTables(w, dir);
  const accounts = read(dir, 'accounts');
  const posts = read(dir, 'posts');
  const interactions = read(dir, 'interactions');
  const follows = read(dir, 'follows');

  it('writes the four tables with the documented headers and row counts', () => {
    for (const table of ['accounts', 'posts', 'interactions', 'follows'] as const) {
      const first = fs.readFileSync(path.join(dir, `${table}.csv`), 'utf8').split('\n', 1)[0];
      expect(first).toBe(HEADERS[table]);
    }
    expect(accounts.length).toBe(summary.rows.accounts);
    expect(posts.length).toBe(summary.rows.posts);
    expect(interactions.length).toBe(summary.rows.interactions);
    expect(follows.length).toBe(summary.rows.follows);
    expect(countGenericRows(w)).toEqual(summary.rows);
    expect(accounts.length).toBe(300);
    expect(posts.length).toBeGreaterThan(3000);
    expect(interactions.length).toBeGreaterThan(5000);
  });

  it('round-trips text through csv-parse, quotes, commas and newlines included', () => {
    const kinds = { comma: 0, quote: 0, newline: 0, nonAscii: 0 };
    for (let q = 0; q < posts.length; q++) {
      const row = posts[q]!;
      expect(row.id).toBe(postId(w, q));
      expect(row.text).toBe(postText(w, q));
      if (row.text!.includes(',')) kinds.comma++;
      if (row.text!.includes('"')) kinds.quote++;
      if (row.text!.includes('\n')) kinds.newline++;
      if (/[^\x00-\x7f]/.test(row.text!)) kinds.nonAscii++;
    }
    for (const [k, n] of Object.entries(kinds)) expect(n, k).toBeGreaterThan(0);
    expect(accounts.some((a) => a.bio!.includes('\n'))).toBe(true);
  });

  it('writes consistent references: ids unique, every handle an account, every referenced post present', () => {
    const handles = new Set(accounts.map((a) => a.handle));
    expect(handles.size).toBe(accounts.length);
    for (const a of accounts) expect(a.handle).toMatch(/^[A-Za-z0-9_]{1,15}$/);
    const byId = new Map(posts.map((p) => [p.id!, p]));
    expect(byId.size).toBe(posts.length);
    const asOf = new Date(w.asOf).toISOString().replace('.000Z', 'Z');
    for (const p of posts) {
      expect(handles.has(p.author!)).toBe(true);
      expect(p.created_at).toMatch(ISO);
      expect(p.created_at! <= asOf).toBe(true);
      expect(p.id).toMatch(/^\d{19}$/);
      expect(Number(p.id) > Number.MAX_SAFE_INTEGER).toBe(true);
      if (p.reply_to) expect(byId.get(p.reply_to)?.author).toBe(p.reply_to_author);
      if (p.reshare_of) {
        expect(byId.get(p.reshare_of)?.author).toBe(p.reshare_of_author);
        expect(p.text).toBe(byId.get(p.reshare_of)!.text);
      }
    }
    for (const e of interactions) {
      expect(handles.has(e.actor!)).toBe(true);
      expect(handles.has(e.target!)).toBe(true);
      expect(e.created_at).toMatch(ISO);
      expect(['like', 'reply', 'quote', 'follow', 'unfollow']).toContain(e.kind);
      if (e.kind === 'like') expect(byId.get(e.post_id!)?.author).toBe(e.target);
      else if (e.kind === 'reply' || e.kind === 'quote') {
        const own = byId.get(e.post_id!);
        expect(own?.author).toBe(e.actor);
        if (e.kind === 'reply') expect(own?.reply_to_author).toBe(e.target);
        else expect(own?.text).toContain('/status/');
      } else expect(e.post_id).toBe('');
    }
    for (const f of follows) {
      expect(handles.has(f.follower!)).toBe(true);
      expect(handles.has(f.followee!)).toBe(true);
      expect(f.created_at === '' || ISO.test(f.created_at!)).toBe(true);
    }
    expect(interactions.filter((e) => e.kind === 'reply').length).toBeGreaterThan(10);
    expect(interactions.filter((e) => e.kind === 'unfollow').length).toBeGreaterThan(10);
  });

  it('declares per-post counts equal to the events written, for some accounts only', () => {
    const likes = new Map<string, number>();
    const reshares = new Map<string, number>();
    const replies = new Map<string, number>();
    const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const e of interactions) if (e.kind === 'like') inc(likes, e.post_id!);
    for (const p of posts) {
      if (p.reshare_of) inc(reshares, p.reshare_of);
      if (p.reply_to) inc(replies, p.reply_to);
    }
    let declared = 0;
    let blank = 0;
    for (const p of posts) {
      if (p.likes === '') {
        blank++;
        expect(p.reshares).toBe('');
        continue;
      }
      declared++;
      expect(Number(p.likes)).toBe(likes.get(p.id!) ?? 0);
      expect(Number(p.reshares)).toBe(reshares.get(p.id!) ?? 0);
      expect(Number(p.replies)).toBe(replies.get(p.id!) ?? 0);
    }
    expect(declared).toBeGreaterThan(500);
    expect(blank).toBeGreaterThan(500);
  });

  it('writes a truth file whose accounts match accounts.csv', () => {
    const file = path.join(dir, 'truth.json');
    writeTruth(w, file);
    const truth = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(truth.schema).toBe(1);
    expect(truth.asOf).toBe('2026-03-01T00:00:00.000Z');
    expect(truth.accounts.map((a: { handle: string }) => a.handle)).toEqual(accounts.map((a) => a.handle));
    expect(truth.accounts[0]).toHaveProperty('future.reactions');
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const cfg = resolveConfig('sample', { accounts: 150, historyDays: 95, futureDays: 20 });
    const d1 = tempDir('influence-sim-a-');
    const d2 = tempDir('influence-sim-b-');
    const d3 = tempDir('influence-sim-c-');
    writeGenericTables(generateWorld(cfg), d1);
    writeGenericTables(generateWorld(cfg), d2);
    writeGenericTables(generateWorld({ ...cfg, seed: cfg.seed + 1 }), d3);
    for (const f of ['accounts.csv', 'posts.csv', 'interactions.csv', 'follows.csv']) {
      expect(sha(path.join(d2, f))).toBe(sha(path.join(d1, f)));
      expect(sha(path.join(d3, f))).not.toBe(sha(path.join(d1, f)));
    }
  });
});
