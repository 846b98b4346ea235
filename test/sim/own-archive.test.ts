/**
 * Issue 10: an account seen only through its own export (tools/sim/own-archive.ts: its posts
 * with declared likes and reshares, its follower and following lists, the engagement and
 * likes it gave) against the same account scored on the whole simulated world. The model
 * is the shipped one (fitted on real data); the simulator only supplies known truth.
 * Thresholds (issue 10): median |difference| <= 5 points; the 80% interval holds the
 * full-data score >= 75% of the time.
 */
import { describe, expect, it } from 'vitest';
import { analyze, explainAccount } from '../../src/engine/analyze.js';
import { KIND, LISTS } from '../../src/engine/dataset.js';
import { toDataset } from '../../tools/sim/to-dataset.js';
import { ownArchiveView } from '../../tools/sim/own-archive.js';
import { shippedModel } from '../helpers/model.js';
import { median, sampleWorld } from './world-fixture.js';

const model = shippedModel();
const world = sampleWorld();
const window = { asOf: world.asOf, windowDays: 90 };
const full = analyze(toDataset(world), { window, model });

/** Every account active in the window and scored on full data, with its own-archive view's result. */
function compare(replies: boolean) {
  const out: { account: number; full: number; own: number | null; interval: [number, number] | null }[] = [];
  for (let i = 0; i < world.accounts.n; i++) {
    const f = explainAccount(full, i);
    if (f.score === null || f.activityInWindow === 0) continue;
    const own = explainAccount(analyze(ownArchiveView(world, i, { replies }), { window, model }), 0);
    out.push({ account: i, full: f.score, own: own.score, interval: own.interval });
  }
  return out;
}

const twitterLike = compare(false);

describe('own-archive view against full data (simulated world, real-data model)', () => {
  it('the view is what an export holds: the owner\'s lists, its posts with declared counts, only its own events', () => {
    const owner = twitterLike.find((r) => r.full > 40)!.account;
    const view = ownArchiveView(world, owner);
    expect(view.accounts.lists![0]).toBe(LISTS.FOLLOWERS | LISTS.FOLLOWING | LISTS.POSTS);
    expect(Array.from(view.accounts.lists!.subarray(1)).every((b) => b === 0)).toBe(true);
    expect(Array.from(view.interactions.actor).every((a) => a === 0)).toBe(true);
    expect(Array.from(view.posts.author).every((a) => a === 0)).toBe(true);
    expect(view.posts.n).toBeGreaterThan(0);
    expect(Array.from(view.posts.replies).every(Number.isNaN)).toBe(true); // a Twitter archive has no reply counts
    expect(Number.isNaN(view.accounts.listed[0]!)).toBe(true);
    // likes the owner gave name the post only, not its author
    const likes = Array.from(view.interactions.kind).map((k, e) => [k, view.interactions.target[e]] as const).filter(([k]) => k === KIND.like);
    expect(likes.every(([, t]) => t === -1)).toBe(true);
  });

  it('nobody abstains: each owner has its follower list', () => {
    expect(twitterLike.length).toBeGreaterThan(200);
    expect(twitterLike.filter((r) => r.own === null)).toEqual([]);
  });

  for (const [label, rows] of [['Twitter-like (likes and reshares declared)', twitterLike], ['with reply counts declared too', compare(true)]] as const) {
    it(`${label}: median |own - full| <= 5 points, the 80% interval covers the full score >= 75% of the time`, () => {
      const scored = rows.filter((r) => r.own !== null);
      const diff = scored.map((r) => Math.abs(r.own! - r.full));
      const covered = scored.filter((r) => r.full >= r.interval![0] && r.full <= r.interval![1]).length / scored.length;
      expect(median(diff)).toBeLessThanOrEqual(5);
      expect(covered).toBeGreaterThanOrEqual(0.75);
    });
  }
});
