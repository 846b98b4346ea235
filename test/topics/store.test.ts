import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { readDataset, readLatestActivity } from '../../src/store/read-dataset.js';
import { saveRun } from '../../src/store/runs.js';
import { topicInputOf } from '../../src/engine/topics/input.js';
import { findAccounts, indexHandles, parseHandleArg } from '../../src/engine/handles.js';
import { computeTopicExpertise, type TopicPost } from '../../src/engine/topics/expertise.js';
import type { RunAccount, RunRecord } from '../../src/engine/run-record.js';
import type { Db } from '../../src/store/open.js';
import type { ScoringWindow } from '../../src/engine/window.js';
import { StoreRows } from '../../tools/sim/store-rows.js';
import { tempDir } from '../helpers/cli.js';
import { day } from '../../tools/sim/dataset-builder.js';
import { BASIC_TOPICS, makeTopics } from '../helpers/topic-taxonomy.js';

const HUGE_ID = '123456789012345678901234567890';

function makeStore() {
  const db = openDb(path.join(tempDir(), 'topics.db'));
  const rows = new StoreRows(db);
  const alice = rows.account('Alice', { bio: 'Jazz pianist' });
  const bob = rows.account('bob');
  const carol = rows.account('carol');
  const other = rows.account('alice', { network: 'mastodon' });
  const posts: string[] = [];
  rows.batch(() => {
    for (let i = 0; i < 3; i++) posts.push(rows.post(alice, { at: day(10 + i), text: `cookies batch ${i}`, likes: 7 }));
    posts.push(rows.post(alice, { at: day(-200), text: 'cookies long ago' }));
    rows.interact(bob, 'like', { at: day(11), targetPost: posts[0], target: alice });
    rows.interact(bob, 'reshare', { at: day(11), targetPost: posts[0], target: alice });
    rows.interact(carol, 'reply', { at: day(12), targetPost: posts[1], target: alice });
    rows.interact(alice, 'like', { at: day(12), targetPost: posts[1], target: alice }); // self: ignored
    rows.interact(carol, 'like', { at: day(99), targetPost: posts[2], target: alice }); // after as-of: ignored
    rows.interact(carol, 'like', { at: null, targetPost: posts[2] }); // no time, no target account: counts
    rows.interact(other, 'like', { at: day(12), targetPost: posts[2] }); // another network's account: not this post
    rows.post(bob, { at: day(20), text: 'hello' });
  });
  return { db, alice, bob, carol, other, posts };
}

/** The topic input of the store as the analysis builds it: the dataset with the window's texts. */
function readTopicInput(db: Db, window: ScoringWindow) {
  const dataset = readDataset(db, { bios: true, texts: window });
  return { ...topicInputOf(dataset, window), dbIds: Array.from(dataset.accounts.dbId) };
}

describe('reading topic input', () => {
  it('streams the window’s posts with the engagement aimed at each', () => {
    const { db, alice, bob, carol } = makeStore();
    const input = readTopicInput(db, { asOf: day(30), windowDays: 90 });
    expect(input.accounts.map((a) => a.handle)).toEqual(['Alice', 'bob', 'carol', 'alice']);
    expect(input.accounts[0]!.bio).toBe('Jazz pianist');
    expect(input.dbIds).toEqual([alice, bob, carol, 4]);
    // a post before the window comes without its text: the model only counts it
    const all = [...input.posts] as TopicPost[];
    expect(all.filter((p) => p.text === null).every((p) => p.createdAt <= day(30) - 90 * 86_400_000)).toBe(true);
    const posts = all.filter((p) => p.text !== null);
    expect(posts.map((p) => p.text)).toEqual(['cookies batch 0', 'cookies batch 1', 'cookies batch 2', 'hello']);
    expect(posts[0]).toMatchObject({ author: 0, kind: 'original', events: { like: 1, reshare: 1, reply: 0, quote: 0 }, declared: { likes: 7 } });
    expect(posts[0]!.engagers).toEqual([1]);
    expect(Number.isNaN(posts[0]!.declared.replies)).toBe(true);
    expect(posts[1]!.engagers).toEqual([2]);
    expect(posts[1]!.events).toMatchObject({ reply: 1, like: 0 });
    expect(posts[2]!.engagers).toEqual([2]);
    expect(posts[2]!.events.like).toBe(1);
    // the stream can be read again
    expect([...input.posts]).toHaveLength(all.length);
    db.close();
  });

  it('finds the latest activity and accounts by handle on every network', () => {
    const { db, alice, other } = makeStore();
    expect(readLatestActivity(db)).toBe(day(99));
    const { accounts } = readDataset(db);
    const byHandle = (h: string) => findAccounts(accounts, indexHandles(accounts), parseHandleArg(h)).map((i) => accounts.dbId[i]!);
    expect(byHandle('@ALICE').sort()).toEqual([alice, other].sort());
    expect(byHandle('mastodon:alice')).toEqual([other]);
    expect(byHandle('nobody')).toEqual([]);
    db.close();
  });
});

/** A run of every account with its topics (scores are not what this test is about). */
function runOf(expertise: ReturnType<typeof computeTopicExpertise>, dbIds: number[]): RunRecord {
  const result = (): RunAccount['result'] => ({ score: 10, interval: [5, 15], subscores: { reach: 1, amplification: 1, network: 1 }, confidence: 1, flags: [] });
  return { modelVersion: 'test', asOf: day(30), windowDays: 90, accounts: expertise.accounts.map((a) => ({ accountId: dbIds[a.account]!, result: result(), topics: a.topics })) };
}

describe('writing topic scores', () => {
  it('stores each assigned topic with the run, ids as exact strings', () => {
    const { db } = makeStore();
    const { tax, matcher } = makeTopics(BASIC_TOPICS.map((t) => (t.slug === 'cookies' ? { ...t, id: HUGE_ID } : t)));
    const input = readTopicInput(db, { asOf: day(30), windowDays: 90 });
    const expertise = computeTopicExpertise(input, tax, matcher, { asOf: day(30), windowDays: 90 });
    expect(expertise.accounts[0]!.topics.map((t) => t.slug)).toContain('cookies');
    const runId = saveRun(db, runOf(expertise, input.dbIds), 0);
    const n = db.prepare('SELECT count(*) FROM topic_scores WHERE run_id = ?').pluck().get(runId) as number;
    expect(n).toBe(expertise.accounts.reduce((s, a) => s + a.topics.length, 0));
    expect(n).toBeGreaterThan(0);
    const row = db.prepare("SELECT account_id, topic_id, typeof(topic_id) AS type, score, detail FROM topic_scores WHERE topic_id = ?").get(HUGE_ID) as {
      account_id: number;
      topic_id: string;
      type: string;
      score: number;
      detail: string;
    };
    expect(row).toMatchObject({ account_id: input.dbIds[0], topic_id: HUGE_ID, type: 'text' });
    const cookies = expertise.accounts[0]!.topics.find((t) => t.slug === 'cookies')!;
    expect(row.score).toBe(cookies.score);
    expect(JSON.parse(row.detail)).toMatchObject({ slug: 'cookies', posts: 3, engagers: cookies.evidence.engagers, examples: cookies.evidence.examples.map((x) => x.id) });
    // storing again makes a new run; the first is never rewritten
    const again = saveRun(db, runOf(expertise, input.dbIds), 1);
    expect(again).toBeGreaterThan(runId);
    expect(db.prepare('SELECT count(*) FROM topic_scores WHERE run_id = ?').pluck().get(runId)).toBe(n);
    db.close();
  });
});
