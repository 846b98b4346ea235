/** The store's last guard (issue 13, item 3): no record of any adapter stores a time or count that breaks later commands. */
import { describe, expect, it } from 'vitest';
import { findUnstorableValue, isStorableTime } from '../../src/store/records.js';

const actor = { network: 'bluesky', handle: 'a' };

describe('findUnstorableValue', () => {
  it('names the field of a time outside 1990-2100, however far out (1e300, -1e16, NaN, Infinity)', () => {
    for (const t of [1e300, -1e16, Number.NaN, Number.POSITIVE_INFINITY, Date.UTC(2100, 0, 1), Date.UTC(1989, 11, 31)]) {
      const bad = findUnstorableValue({ type: 'interaction', actor, kind: 'like', createdAt: t });
      expect(bad, String(t)).toMatchObject({ field: 'created_at', expected: 'a time from 1990-01-01 to 2100-01-01' });
    }
    expect(findUnstorableValue({ type: 'follow', follower: actor, followee: actor, createdAt: Date.UTC(2024, 0, 1) })).toBeUndefined();
    expect(isStorableTime(Date.UTC(1990, 0, 1))).toBe(true);
  });

  it('names a negative or non-finite count', () => {
    expect(findUnstorableValue({ type: 'account', ref: actor, followers: -1 })).toMatchObject({ field: 'followers' });
    expect(findUnstorableValue({ type: 'post', network: 'x', externalId: '1', author: actor, createdAt: Date.UTC(2024, 0, 1), likes: Number.NaN })).toMatchObject({ field: 'likes' });
    expect(findUnstorableValue({ type: 'account', ref: actor, followers: 0, posts: 12 })).toBeUndefined();
  });
});
